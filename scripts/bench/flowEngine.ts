/**
 * Flows at scale (issue 3): 1M synthetic origin–destination pairs (a 1,000 × 1,000 grid of
 * positions over the border region, one year; generated here, never shipped) loaded through the
 * app's "Your data" input, then re-filtered with the flow controls. The flow engine worker answers
 * each change; measured in headless Chromium:
 * - the engine's round trip per control change (marks `gransatlas-flows-query-start/done`),
 * - the time from the change to the map's next idle (redrawn),
 * - the longest main-thread task (Long Tasks API) from the change to that idle.
 * In Node, the same pure query (`queryFlows`) on a 1M-row table, for comparison.
 *
 * Standalone: `npx tsx scripts/bench/flowEngine.ts [distDir]` (default dist/).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import {
  indexFlowTable,
  queryFlows,
  type FlowQuery,
  type FlowTable,
} from '../../src/lib/domain/flowQuery';
import { LOCALE, VIEWPORT, idleWithFlows } from './measure';
import { runStandalone } from './standalone';
import { atMost, type BenchContext, type BenchSection } from './section';

export const FLOW_ENGINE_TARGETS = { filterMsAt1M: 250, longestTaskMs: 50 } as const;

const SIDE = 1000;
const BBOX = { west: 8.5, south: 57.8, east: 16.5, north: 62.5 };

/** The same grid as the page builds: place i at a fixed position, value skewed like commuting. */
function nodeTable(): FlowTable {
  const places = Array.from({ length: SIDE }, (_, i) => ({
    lon: BBOX.west + ((i % 40) / 40) * (BBOX.east - BBOX.west),
    lat: BBOX.south + (Math.floor(i / 40) / 25) * (BBOX.north - BBOX.south),
  }));
  const n = SIDE * (SIDE - 1);
  const origin = new Int32Array(n);
  const destination = new Int32Array(n);
  const value = new Float64Array(n);
  const year = new Int32Array(n).fill(2024);
  let k = 0;
  for (let o = 0; o < SIDE; o++)
    for (let d = 0; d < SIDE; d++) {
      if (o === d) continue;
      origin[k] = o;
      destination[k] = d;
      value[k] = 1 + ((o * 7919 + d * 104_729) % 997) * (((o + d) % 13) + 1);
      k++;
    }
  return { places, origin, destination, value, year };
}

const QUERIES: Partial<FlowQuery>[] = [
  { minPersons: 50 },
  { minPersons: 500 },
  { topN: 1000 },
  { direction: 'SE->NO' },
  { minPersons: 0, topN: 100 },
];

function nodeFigures(ctx: BenchContext) {
  const table = nodeTable();
  const t0 = performance.now();
  const index = indexFlowTable(table);
  const indexMs = performance.now() - t0;
  const base: FlowQuery = {
    year: 2024,
    direction: 'both',
    scope: 'all',
    level: 'each',
    minPersons: 0,
    topN: 250,
    selected: null,
  };
  const times: number[] = [];
  for (let r = 0; r < ctx.warmup + Math.max(ctx.runs, 3); r++)
    for (const q of QUERIES) {
      const s = performance.now();
      queryFlows(table, index, { ...base, ...q });
      if (r >= ctx.warmup) times.push(performance.now() - s);
    }
  return { pairs: table.origin.length, indexMs: round(indexMs), queryMs: stats(times) };
}

const round = (n: number) => Math.round(n * 10) / 10;
function stats(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  return { median: round(s[Math.floor(s.length / 2)]), min: round(s[0]), max: round(s.at(-1)!) };
}

interface ChangeFigures {
  engineMs: number;
  toIdleMs: number;
  longestTaskMs: number;
}

async function browserRun(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: LOCALE });
  const page = await context.newPage();
  try {
    // tsx (esbuild keepNames) wraps named functions in __name(); the page needs a no-op one.
    await page.addInitScript('globalThis.__name = (f) => f;');
    await page.goto(`${url}?lang=en&y=2024&layers=boundaries,imported`);
    await page.getByTestId('import-file').waitFor({ state: 'attached', timeout: 60_000 });
    // The file is built in a throwaway worker, so its garbage stays out of the page's heap.
    const rows = await page.evaluate(
      async ({ side, bbox }) => {
        const source = `onmessage = (e) => {
          const { side, bbox } = e.data;
          const pos = (i) => [
            (bbox.west + ((i % 40) / 40) * (bbox.east - bbox.west)).toFixed(4),
            (bbox.south + (Math.floor(i / 40) / 25) * (bbox.north - bbox.south)).toFixed(4),
          ];
          const parts = ['origin_lon,origin_lat,dest_lon,dest_lat,value,year\\n'];
          let chunk = '', rows = 0;
          for (let o = 0; o < side; o++) {
            const [ox, oy] = pos(o);
            for (let d = 0; d < side; d++) {
              if (o === d) continue;
              const [dx, dy] = pos(d);
              const v = 1 + ((o * 7919 + d * 104729) % 997) * (((o + d) % 13) + 1);
              chunk += ox + ',' + oy + ',' + dx + ',' + dy + ',' + v + ',2024\\n';
              rows++;
            }
            if (chunk.length > 1048576) { parts.push(chunk); chunk = ''; }
          }
          parts.push(chunk);
          postMessage({ file: new File(parts, 'million.csv', { type: 'text/csv' }), rows });
        };`;
        const generator = new Worker(URL.createObjectURL(new Blob([source])));
        const made = await new Promise<{ file: File; rows: number }>((resolve) => {
          generator.onmessage = (e) => resolve(e.data as { file: File; rows: number });
          generator.postMessage({ side, bbox });
        });
        generator.terminate();
        const input = document.querySelector('[data-testid="import-file"]') as HTMLInputElement;
        const dt = new DataTransfer();
        dt.items.add(made.file);
        input.files = dt.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
        return made.rows;
      },
      { side: SIDE, bbox: BBOX },
    );
    await page
      .getByTestId('imported-flows-shown')
      .filter({ hasText: /of [\d,\s]+ flows shown/ })
      .waitFor({ timeout: 180_000 });
    const idle = () => idleWithFlows(page);
    await idle();

    const changes: ChangeFigures[] = [];
    const steps: [string, string][] = [
      ['#imported-flows-min', '50'],
      ['#imported-flows-min', '500'],
      ['#imported-flows-top', '1000'],
      ['#imported-flows-min', '0'],
      ['#imported-flows-top', '100'],
    ];
    for (const [selector, value] of steps) {
      await page.evaluate(() => {
        const w = window as unknown as { __longest: number; __observer?: PerformanceObserver };
        w.__longest = 0;
        performance.clearMarks('gransatlas-flows-query-start');
        performance.clearMarks('gransatlas-flows-query-done');
        w.__observer?.disconnect();
        w.__observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
        });
        w.__observer.observe({ type: 'longtask', buffered: false });
      });
      const before = await page.getByTestId('imported-flows-shown').textContent();
      const t0 = await page.evaluate(() => performance.now());
      const control = page.locator(selector);
      if ((await control.evaluate((e) => e.tagName)) === 'SELECT')
        await control.selectOption(value);
      else {
        await control.fill(value);
        await control.dispatchEvent('change');
      }
      await page.waitForFunction(
        (b) => document.querySelector('[data-testid="imported-flows-shown"]')?.textContent !== b,
        before,
        { timeout: 60_000 },
      );
      const t1 = await idle();
      changes.push(
        await page.evaluate((start) => {
          const mark = (n: string) => performance.getEntriesByName(n).at(-1)?.startTime ?? NaN;
          const w = window as unknown as { __longest: number };
          return {
            engineMs: mark('gransatlas-flows-query-done') - mark('gransatlas-flows-query-start'),
            toIdleMs: 0,
            longestTaskMs: w.__longest,
            start,
          };
        }, t0),
      );
      changes.at(-1)!.toIdleMs = t1 - t0;
    }
    return { rows, changes };
  } finally {
    await context.close();
  }
}

export const flowEngineBench: BenchSection = {
  name: 'flowEngine',
  async run(ctx) {
    ctx.log('flow engine: Node queryFlows on 1M pairs');
    const node = nodeFigures(ctx);
    ctx.log('flow engine: Chromium, 1M pairs loaded as a file, five control changes per run');
    const server = await ctx.serve(ctx.appDir);
    const runs: Awaited<ReturnType<typeof browserRun>>[] = [];
    try {
      // Each run imports a 40 MB file: a few runs are enough.
      for (let i = 0; i < Math.min(ctx.runs, 3); i++)
        runs.push(await browserRun(ctx.browser, server.url));
    } finally {
      await server.close();
    }
    const changes = runs.flatMap((r) => r.changes);
    const engine = stats(changes.map((c) => c.engineMs));
    const longest = Math.round(Math.max(...changes.map((c) => c.longestTaskMs)));
    return {
      entries: {
        flowEngine: {
          node1M: node,
          chromium1M: {
            pairs: runs[0].rows,
            changes: changes.length,
            engineRoundTripMs: engine,
            changeToIdleMs: stats(changes.map((c) => c.toIdleMs)),
            longestMainThreadTaskMs: stats(changes.map((c) => c.longestTaskMs)),
            // Per change, in order (min 50, min 500, top 1000, min 0, top 100), run after run.
            longestTaskPerChangeMs: changes.map((c) => Math.round(c.longestTaskMs)),
          },
        },
      },
      targets: {
        flowsFilterAt1M: atMost(
          `re-filter + top-N of 1M pairs in the flow engine worker ≤ ${FLOW_ENGINE_TARGETS.filterMsAt1M} ms (Chromium, median round trip)`,
          engine.median,
          FLOW_ENGINE_TARGETS.filterMsAt1M,
        ),
        flowsLongestTaskAt1M: atMost(
          `longest main-thread task from a control change to the redrawn map, 1M pairs ≤ ${FLOW_ENGINE_TARGETS.longestTaskMs} ms (worst of all changes)`,
          longest,
          FLOW_ENGINE_TARGETS.longestTaskMs,
        ),
      },
    };
  },
};

// Standalone run of this section against a build folder.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  await runStandalone(flowEngineBench, { warmup: 1 });
