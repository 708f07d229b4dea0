/**
 * `npm run bench`: builds the app and the reference pages into dist-bench/, loads each in headless
 * Chromium and prints one JSON object on stdout (progress goes to stderr). It reports whether the
 * targets are met; it exits non-zero only when it cannot measure.
 *
 *   npm run bench              build the app's JS from the current source, measure
 *   npm run bench -- --build   run `npm run data` first as well (as `npm run build` does)
 *   BENCH_RUNS=9 BENCH_WARMUP=2 npm run bench
 *
 * Add figures by writing a module that exports a BenchSection (scripts/bench/section.ts) and
 * listing it in SECTIONS.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './lib/chromium';
import { buildApp, buildData } from './bench/build-pages';
import { firstView } from './bench/first-view';
import { importBench } from './bench/import';
import { commutingBench } from './bench/commuting';
import { flowEngineBench } from './bench/flowEngine';
import { LOCALE, VIEWPORT } from './bench/measure';
import { serveStatic, type StaticServer } from './bench/serve';
import type { BenchContext, BenchSection, Target } from './bench/section';

const SECTIONS: BenchSection[] = [firstView, commutingBench, flowEngineBench, importBench];

/** The files the default view reads; without them the data is built first. */
const DEFAULT_VIEW_DATA = ['se.topo.json', 'no-2024.topo.json', 'context.topo.json', 'labels.json'];

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (message: string) => console.error(`[bench] ${message}`);

function countFrom(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}`);
  return n;
}

async function main(): Promise<Record<string, unknown>> {
  const started = performance.now();
  const runs = countFrom('BENCH_RUNS', 5, 1);
  const warmup = countFrom('BENCH_WARMUP', 1, 1);

  const generated = path.join(repoRoot, 'public', 'generated');
  const dataMissing = DEFAULT_VIEW_DATA.some((f) => !existsSync(path.join(generated, f)));
  if (process.argv.includes('--build') || dataMissing) {
    log('npm run data');
    await buildData(repoRoot);
  }
  const appDir = path.join(repoRoot, 'dist-bench', 'app');
  log('building the app into dist-bench/app');
  await buildApp(repoRoot, appDir);

  const browser = await launchChromium();
  const servers: StaticServer[] = [];
  const result: Record<string, unknown> = {};
  const ratios: Record<string, number> = {};
  const targets: Record<string, Target> = {};
  try {
    const ctx: BenchContext = {
      repoRoot,
      appDir,
      browser,
      runs,
      warmup,
      log,
      serve: async (root, mounts) => {
        const server = await serveStatic(root, mounts);
        servers.push(server);
        return server;
      },
    };
    for (const section of SECTIONS) {
      log(`section: ${section.name}`);
      const out = await section.run(ctx);
      Object.assign(result, out.entries);
      Object.assign(ratios, out.ratios);
      Object.assign(targets, out.targets);
    }
    return {
      ...result,
      ratios,
      targets,
      allTargetsMet: Object.values(targets).every((t) => t.met),
      meta: {
        generatedAt: new Date().toISOString(),
        durationS: Math.round((performance.now() - started) / 100) / 10,
        runs,
        warmup,
        chromium: browser.version(),
        webgl: 'SwiftShader (CPU)',
        node: process.version,
        cpus: os.cpus().length,
        viewport: VIEWPORT,
        locale: LOCALE,
        gzip: 'node:zlib level 9, per response body',
      },
    };
  } finally {
    await Promise.all(servers.map((s) => s.close()));
    await browser.close();
  }
}

// Only the JSON goes to stdout: anything a build tool logs is sent to stderr.
console.log = console.info = console.error;

main().then(
  (report) => {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  },
  (error: unknown) => {
    log(`could not measure: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    process.exit(1);
  },
);
