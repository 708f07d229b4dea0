/**
 * Commuting (issue 3): re-filter/re-aggregate time of the layer's pipeline (`viewFlows`, the code the
 * map runs on every control change) on Norway's real 2022 SSB 03321 matrix (~27k pairs) in Node; and
 * in Chromium the time from turning the layer on (chunk + data + first draw) and from a filter change
 * to the map's next idle, with the longest main-thread task (Long Tasks API) in each span. The 1M-pair
 * case goes through the flow engine worker: scripts/bench/flowEngine.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { expandCompactOd, type CompactOdMatrix } from '../../src/lib/domain/commuting';
import { commutingSettings, type CommutingSettings } from '../../src/lib/layers/commuting/settings';
import { viewFlows } from '../../src/lib/layers/commuting/model';
import { LOCALE, VIEWPORT, idleWithFlows } from './measure';
import { atMost, type BenchContext, type BenchSection } from './section';

export const TARGETS = { filterMsAt30k: 16, longestTaskMs: 50 } as const;

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const r = (n: number) => Math.round(n * 10) / 10;
  return {
    median: r(sorted[Math.floor(sorted.length / 2)]),
    min: r(sorted[0]),
    max: r(sorted.at(-1)!),
  };
};

function timeIt(ctx: BenchContext, fn: () => unknown, runs = Math.max(ctx.runs, 5)) {
  for (let i = 0; i < ctx.warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return stats(times);
}

function pipeline(ctx: BenchContext, matrix: CompactOdMatrix) {
  const domestic = expandCompactOd(matrix);
  const base: CommutingSettings = { ...commutingSettings.defaults, scope: 'all', topN: 100 };
  return {
    pairs: domestic.length,
    expandMs: timeIt(ctx, () => expandCompactOd(matrix), 3),
    filterTopMs: timeIt(ctx, () =>
      viewFlows({ published: [], domestic, year: 2022, settings: { ...base, minPersons: 10 } }),
    ),
    // County sums are cached per matrix; "cold" is the first time (a new year or era), "cached"
    // what every later filter change costs.
    aggregateCountyColdMs: timeIt(ctx, () =>
      viewFlows({
        published: [],
        domestic: domestic.slice(),
        year: 2022,
        settings: { ...base, level: 'county' },
      }),
    ),
    aggregateCountyCachedMs: timeIt(ctx, () =>
      viewFlows({ published: [], domestic, year: 2022, settings: { ...base, level: 'county' } }),
    ),
  };
}

interface BrowserFigures {
  layerOnMs: number;
  refilterMs: number;
  longestTaskLayerOnMs: number;
  longestTaskRefilterMs: number;
}

async function browserRun(ctx: BenchContext, url: string): Promise<BrowserFigures> {
  const context = await ctx.browser.newContext({ viewport: VIEWPORT, locale: LOCALE });
  const page = await context.newPage();
  try {
    // tsx (esbuild keepNames) wraps named functions in __name(); the page needs a no-op one.
    await page.addInitScript('globalThis.__name = (f) => f;');
    await page.goto(
      `${url}?lang=en&layers=boundaries&y=2022&commuting.scope=all&commuting.top=1000`,
    );
    await page.waitForFunction(() => document.documentElement.dataset.mapData === 'ready', null, {
      timeout: 60_000,
    });
    const idle = () => idleWithFlows(page);
    await idle();
    const longest = () =>
      page.evaluate(() => (window as unknown as { __longest: number }).__longest);
    const resetLongest = () =>
      page.evaluate(() => {
        (window as unknown as { __longest: number }).__longest = 0;
      });
    await page.evaluate(() => {
      const w = window as unknown as { __longest: number };
      w.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    const t0 = await page.evaluate(() => performance.now());
    await page.getByRole('checkbox', { name: 'Commuting' }).check();
    await page.getByTestId('commuting-shown').waitFor({ timeout: 60_000 });
    await page.waitForFunction(
      () => !/^0 /.test(document.querySelector('[data-testid=commuting-shown]')?.textContent ?? ''),
    );
    const t1 = await idle();
    const longestTaskLayerOnMs = await longest();
    await resetLongest();
    const t2 = await page.evaluate(() => performance.now());
    await page.locator('#commuting-min').fill('50');
    await page.locator('#commuting-min').dispatchEvent('change');
    const t3 = await idle();
    return {
      layerOnMs: t1 - t0,
      refilterMs: t3 - t2,
      longestTaskLayerOnMs,
      longestTaskRefilterMs: await longest(),
    };
  } finally {
    await context.close();
  }
}

export const commutingBench: BenchSection = {
  name: 'commuting',
  async run(ctx) {
    const real = JSON.parse(
      readFileSync(path.join(ctx.appDir, 'generated', 'commuting-no-2022.json'), 'utf8'),
    ) as CompactOdMatrix;
    ctx.log('commuting: Node pipeline on SSB 03321 2022');
    const ssb = pipeline(ctx, real);
    ctx.log('commuting: Chromium, layer on and re-filter (2022, all flows, top 1000)');
    const server = await ctx.serve(ctx.appDir);
    const runs: BrowserFigures[] = [];
    try {
      for (let i = 0; i < ctx.warmup + ctx.runs; i++) {
        const r = await browserRun(ctx, server.url);
        if (i >= ctx.warmup) runs.push(r);
      }
    } finally {
      await server.close();
    }
    const browser = {
      layerOnMs: stats(runs.map((r) => r.layerOnMs)),
      refilterToIdleMs: stats(runs.map((r) => r.refilterMs)),
      // Turning the layer on compiles its shaders (on the CPU under SwiftShader): reported, no target.
      longestTaskLayerOnMs: stats(runs.map((r) => r.longestTaskLayerOnMs)),
      longestTaskRefilterMs: stats(runs.map((r) => r.longestTaskRefilterMs)),
    };
    return {
      entries: { commuting: { ssb2022: ssb, chromium: browser } },
      targets: {
        commutingFilterAt30k: atMost(
          `re-filter + top-N at ~30k pairs ≤ ${TARGETS.filterMsAt30k} ms (Node, median)`,
          ssb.filterTopMs.median,
          TARGETS.filterMsAt30k,
        ),
        commutingLongestTask: atMost(
          `longest main-thread task from a filter change to the redrawn map (real data, top 1000) ≤ ${TARGETS.longestTaskMs} ms`,
          browser.longestTaskRefilterMs.median,
          TARGETS.longestTaskMs,
        ),
      },
    };
  },
};
