/**
 * One bench section on its own, against a build folder:
 * `npx tsx scripts/bench/<section>.ts [distDir]` (default dist/), BENCH_RUNS runs (default 1).
 */
import path from 'node:path';
import { launchChromium } from '../lib/chromium';
import { serveStatic, type StaticServer } from './serve';
import type { BenchSection } from './section';

export async function runStandalone(section: BenchSection, { warmup = 0 } = {}): Promise<void> {
  const appDir = path.resolve(process.argv[2] ?? 'dist');
  const browser = await launchChromium();
  const servers: StaticServer[] = [];
  try {
    const out = await section.run({
      repoRoot: process.cwd(),
      appDir,
      browser,
      runs: Number(process.env.BENCH_RUNS ?? 1),
      warmup,
      log: (m) => console.error(`[bench] ${m}`),
      serve: async (root, mounts) => {
        const s = await serveStatic(root, mounts);
        servers.push(s);
        return s;
      },
    });
    console.log(JSON.stringify(out, null, 2));
  } finally {
    await Promise.all(servers.map((s) => s.close()));
    await browser.close();
  }
}
