/**
 * "Your data" (issue 7): a generated 100 MB origin–destination CSV (real Swedish and Norwegian 2024
 * codes, ~5 million rows) loaded through the app's file input. Measures parse + validate throughput
 * in the worker (from the worker's start to its "parsed" message), the longest main-thread task in
 * that window (PerformanceObserver 'longtask') and the main thread's JS heap peak
 * (performance.memory, sampled every 50 ms); also the worker's IndexedDB save, the time until the
 * file is listed (handed to the flow engine, drawn) and the longest task over that whole span.
 *
 * Standalone: `npx tsx scripts/bench/import.ts [distDir]` (default dist/) runs only this section.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { LOCALE, VIEWPORT } from './measure';
import { runStandalone } from './standalone';
import { atMost, type BenchContext, type BenchSection, type Target } from './section';

export const IMPORT_TARGETS = {
  throughputMBps: 40,
  longestTaskMs: 50,
} as const;

const TARGET_BYTES = 100 * 1024 * 1024;

interface Run {
  bytes: number;
  rows: number;
  parseMs: number;
  /** The worker saving the dataset in IndexedDB, after parsing and before handing it over. */
  saveMs: number;
  startDelayMs: number;
  listedMs: number;
  longestTaskDuringParseMs: number;
  longestTaskUntilListedMs: number;
  mainHeapPeakBytes: number | null;
  mainHeapBeforeBytes: number | null;
}

function codesFrom(appDir: string): { se: string[]; no: string[] } {
  const cw = JSON.parse(
    readFileSync(path.join(appDir, 'generated/crosswalk-no-2020-2024.json'), 'utf8'),
  ) as {
    entries: { level: string; to: string[] }[];
  };
  const no = [
    ...new Set(cw.entries.filter((e) => e.level === 'municipality').flatMap((e) => e.to)),
  ];
  const topo = JSON.parse(readFileSync(path.join(appDir, 'generated/se.topo.json'), 'utf8')) as {
    objects: Record<string, { geometries: { properties?: { code?: string } }[] }>;
  };
  const se = new Set<string>();
  for (const o of Object.values(topo.objects))
    for (const g of o.geometries) {
      const code = g.properties?.code;
      if (code && /^\d{4}$/.test(code)) se.add(code);
    }
  return { se: [...se], no };
}

async function once(
  browser: Browser,
  url: string,
  codes: { se: string[]; no: string[] },
): Promise<Run> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: LOCALE });
  const page = await context.newPage();
  try {
    // tsx (esbuild keepNames) wraps named functions in __name(); the page needs a no-op one.
    await page.addInitScript('globalThis.__name = (f) => f;');
    await page.goto(url);
    await page.getByTestId('import-file').waitFor({ state: 'attached', timeout: 60_000 });
    // Warm-up: the worker chunk and the known codes are loaded by a first, tiny file.
    await page.getByTestId('import-file').setInputFiles({
      name: 'warm.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`origin,destination,value\n${codes.se[0]},${codes.no[0]},1\n`),
    });
    await page.getByTestId('import-datasets').getByText('warm.csv').waitFor({ timeout: 60_000 });

    return await page.evaluate(
      async ({ se, no, targetBytes }) => {
        // Build the file in a throwaway worker, so that its garbage is not in the main thread's heap
        // (a major GC there would show up as a long task of the import).
        const source = `onmessage = (e) => {
          const { se, no, targetBytes } = e.data;
          const ends = [...se, ...no];
          const parts = ['origin,destination,value,year\\n'];
          let bytes = parts[0].length, rows = 0, chunk = '';
          outer: for (let year = 1990; year < 2100; year++)
            for (const o of se)
              for (const d of ends) {
                if (o === d) continue;
                chunk += o + ',' + d + ',' + ((rows * 7919) % 5000) + ',' + year + '\\n';
                rows++;
                if (chunk.length > 1048576) {
                  parts.push(chunk); bytes += chunk.length; chunk = '';
                  if (bytes >= targetBytes) break outer;
                }
              }
          if (chunk) parts.push(chunk);
          postMessage({ file: new File(parts, 'bench.csv', { type: 'text/csv' }), rows });
        };`;
        const generator = new Worker(URL.createObjectURL(new Blob([source])));
        const made = await new Promise<{ file: File; rows: number }>((resolve) => {
          generator.onmessage = (e) => resolve(e.data as { file: File; rows: number });
          generator.postMessage({ se, no, targetBytes });
        });
        generator.terminate();
        const { file, rows } = made;
        await new Promise((r) => setTimeout(r, 500));

        type Mem = { usedJSHeapSize: number };
        const mem = () =>
          (performance as unknown as { memory?: Mem }).memory?.usedJSHeapSize ?? null;
        const before = mem();
        let peak = before ?? 0;
        const sampler = setInterval(() => (peak = Math.max(peak, mem() ?? 0)), 50);
        const tasks: { start: number; duration: number }[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries())
            tasks.push({ start: e.startTime, duration: e.duration });
        });
        observer.observe({ type: 'longtask', buffered: false });

        const input = document.querySelector('[data-testid="import-file"]') as HTMLInputElement;
        const dt = new DataTransfer();
        dt.items.add(file);
        const t0 = performance.now();
        input.files = dt.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
        const until = (ok: () => boolean) =>
          new Promise<number>((resolve) => {
            const poll = () => (ok() ? resolve(performance.now()) : setTimeout(poll, 10));
            poll();
          });
        await until(() => document.querySelector('[data-testid="import-progress"]') !== null);
        await until(() => document.querySelector('[data-testid="import-progress"]') === null);
        // The worker's span: marked by the app when it starts the worker and when the answer arrives.
        const mark = (name: string) => performance.getEntriesByName(name).at(-1)?.startTime ?? NaN;
        const start = mark('gransatlas-import-start');
        const parsed = mark('gransatlas-import-parsed');
        const saved = mark('gransatlas-import-done');
        const listed = await until(() =>
          [...document.querySelectorAll('[data-testid="import-datasets"] li')].some((li) =>
            li.textContent?.includes('bench.csv'),
          ),
        );
        await new Promise((r) => setTimeout(r, 300));
        observer.disconnect();
        clearInterval(sampler);
        const longest = (end: number) =>
          Math.max(
            0,
            ...tasks.filter((t) => t.start >= t0 && t.start < end).map((t) => t.duration),
          );
        return {
          bytes: file.size,
          rows,
          parseMs: parsed - start,
          saveMs: saved - parsed,
          startDelayMs: start - t0,
          listedMs: listed - t0,
          longestTaskDuringParseMs: longest(parsed),
          longestTaskUntilListedMs: longest(Infinity),
          mainHeapPeakBytes: before === null ? null : peak,
          mainHeapBeforeBytes: before,
        };
      },
      { se: codes.se, no: codes.no, targetBytes: TARGET_BYTES },
    );
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

export const importBench: BenchSection = {
  name: 'import',
  async run(ctx: BenchContext) {
    const server = await ctx.serve(ctx.appDir);
    const url = `${server.url}?layers=boundaries,imported`;
    const codes = codesFrom(ctx.appDir);
    const runs: Run[] = [];
    // A 100 MB file per run: a few runs are enough (BENCH_RUNS caps it at 3).
    const n = Math.min(ctx.runs, 3);
    for (let i = 0; i < n; i++) {
      const r = await once(ctx.browser, url, codes);
      ctx.log(
        `import run ${i + 1}: ${(r.bytes / 1e6).toFixed(1)} MB in ${Math.round(r.parseMs)} ms, longest task ${Math.round(r.longestTaskDuringParseMs)} ms`,
      );
      runs.push(r);
    }
    const mbps = runs.map((r) => r.bytes / 1024 / 1024 / (r.parseMs / 1000));
    const throughput = Math.round(median(mbps) * 10) / 10;
    const longest = Math.round(Math.max(...runs.map((r) => r.longestTaskDuringParseMs)));
    const targets: Record<string, Target> = {
      importThroughput: {
        rule: `parse + validate ≥ ${IMPORT_TARGETS.throughputMBps} MB/s (100 MB OD CSV, worker)`,
        value: throughput,
        limit: IMPORT_TARGETS.throughputMBps,
        met: throughput >= IMPORT_TARGETS.throughputMBps,
      },
      importLongestTask: atMost(
        `longest main-thread task while parsing ≤ ${IMPORT_TARGETS.longestTaskMs} ms`,
        longest,
        IMPORT_TARGETS.longestTaskMs,
      ),
    };
    return {
      entries: {
        import: {
          file: { bytes: runs[0].bytes, rows: runs[0].rows },
          throughputMBps: { median: throughput, all: mbps.map((m) => Math.round(m * 10) / 10) },
          parseMs: runs.map((r) => Math.round(r.parseMs)),
          saveInWorkerMs: runs.map((r) => Math.round(r.saveMs)),
          startDelayMs: runs.map((r) => Math.round(r.startDelayMs)),
          listedMs: runs.map((r) => Math.round(r.listedMs)),
          longestTaskDuringParseMs: runs.map((r) => Math.round(r.longestTaskDuringParseMs)),
          longestTaskUntilListedMs: runs.map((r) => Math.round(r.longestTaskUntilListedMs)),
          mainHeapPeakBytes: runs.map((r) => r.mainHeapPeakBytes),
          mainHeapBeforeBytes: runs.map((r) => r.mainHeapBeforeBytes),
          note: 'heap = main thread only (performance.memory); the worker heap is not included',
        },
      },
      targets,
    };
  },
};

// Standalone run of this section against a build folder.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  await runStandalone(importBench);
