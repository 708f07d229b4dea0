/** Production builds for the benchmark, all into dist-bench/ (git-ignored), never into dist/. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { build, type InlineConfig } from 'vite';

/** Vite settings the app's own config uses for production, so bundles compare fairly. */
const SHARED: InlineConfig = {
  base: './',
  logLevel: 'warn',
  build: { target: 'es2022', sourcemap: false, emptyOutDir: true, chunkSizeWarningLimit: 5000 },
};

/** The app with its own vite.config.ts; public/generated/ comes along as `generated/`. */
export async function buildApp(repoRoot: string, outDir: string): Promise<void> {
  await build({
    root: repoRoot,
    configFile: path.join(repoRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}

/** A bench page from scripts/bench/<name>/ (index.html + main.ts). */
export async function buildPage(pageDir: string, outDir: string): Promise<void> {
  await build({
    ...SHARED,
    root: pageDir,
    configFile: false,
    publicDir: false,
    build: { ...SHARED.build, outDir },
  });
}

/** `npm run data`, its output on stderr so that stdout stays one JSON object. */
export function buildData(repoRoot: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'data'], {
      cwd: repoRoot,
      stdio: ['ignore', process.stderr, process.stderr],
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`npm run data exited with ${code}`)),
    );
  });
}
