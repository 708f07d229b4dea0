/**
 * `npm run data`: runs every data builder into public/generated/ and writes build-manifest.json
 * (sources used, feature counts, sizes; no timestamps). Skips the whole run when the inputs
 * (data/, scripts/, the lockfile) are unchanged since the last successful build; `--force` or
 * GRANSATLAS_FORCE=1 rebuilds anyway.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { BuildError, type BuildContext } from './lib/context';
import { createSourceResolver, loadManifest } from './lib/sources';
import * as boundaries from './boundaries/build';
import * as commuting from './commuting/build';
import * as projects from './projects/build';
import * as trade from './trade/build';

interface Builder {
  name: string;
  build(ctx: BuildContext): Promise<void>;
}

/** Add a builder here: each module exports `build(ctx: BuildContext): Promise<void>`. */
const BUILDERS: Builder[] = [
  { name: 'boundaries', build: boundaries.build },
  { name: 'commuting', build: commuting.build },
  { name: 'projects', build: projects.build },
  { name: 'trade', build: trade.build },
];

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(repoRoot, 'data');
const outDir = path.join(repoRoot, 'public', 'generated');
const STAMP = path.join(outDir, '.build-stamp');
const MANIFEST = 'build-manifest.json';

async function listFiles(
  dir: string,
  skip: (rel: string) => boolean,
  base = dir,
): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const rel = path.relative(base, full);
    if (skip(rel)) continue;
    if (entry.isDirectory()) out.push(...(await listFiles(full, skip, base)));
    else if (entry.isFile()) out.push(full);
  }
  return out.sort();
}

/** Hash of everything that decides the output: curated data, manifests, build scripts, lockfile. */
async function inputHash(): Promise<string> {
  const hash = createHash('sha256');
  hash.update(BUILDERS.map((b) => b.name).join(',') + '\n' + process.version + '\n');
  const files = [
    ...(await listFiles(dataDir, (rel) => rel === 'raw' || rel.startsWith(`raw${path.sep}`))),
    // The benchmark does not shape the data.
    ...(await listFiles(path.join(repoRoot, 'scripts'), (rel) => rel === 'bench')),
    path.join(repoRoot, 'package-lock.json'),
  ];
  for (const f of files) {
    if (!existsSync(f)) continue;
    hash.update(path.relative(repoRoot, f) + '\0');
    hash.update(await readFile(f));
  }
  return hash.digest('hex');
}

interface Stamp {
  inputs: string;
  outputs: string[];
}

async function upToDate(inputs: string): Promise<boolean> {
  if (!existsSync(STAMP)) return false;
  try {
    const stamp = JSON.parse(await readFile(STAMP, 'utf8')) as Stamp;
    return stamp.inputs === inputs && stamp.outputs.every((f) => existsSync(path.join(outDir, f)));
  } catch {
    return false;
  }
}

/** Feature counts of a generated file: per TopoJSON object, or the length of a JSON array. */
function describe(json: unknown): Record<string, number> {
  if (Array.isArray(json)) return { items: json.length };
  const o = json as {
    type?: string;
    objects?: Record<string, { geometries?: unknown[] }>;
    entries?: unknown[];
  };
  if (o?.type === 'Topology' && o.objects) {
    return Object.fromEntries(
      Object.entries(o.objects).map(([k, v]) => [k, v.geometries?.length ?? 1]),
    );
  }
  if (Array.isArray(o?.entries)) return { entries: o.entries.length };
  return {};
}

async function writeBuildManifest(
  sources: { id: string; file: string; sha256: string }[],
): Promise<string[]> {
  const names = (await readdir(outDir)).filter((f) => f.endsWith('.json') && f !== MANIFEST).sort();
  const files: Record<
    string,
    { bytes: number; gzipBytes: number; counts: Record<string, number> }
  > = {};
  for (const name of names) {
    const buf = await readFile(path.join(outDir, name));
    files[name] = {
      bytes: buf.length,
      gzipBytes: gzipSync(buf, { level: 9 }).length,
      counts: describe(JSON.parse(buf.toString('utf8'))),
    };
  }
  await writeFile(path.join(outDir, MANIFEST), JSON.stringify({ sources, files }, null, 2) + '\n');
  for (const [name, f] of Object.entries(files)) {
    console.log(
      `  ${name.padEnd(30)} ${kb(f.bytes).padStart(9)} ${kb(f.gzipBytes).padStart(9)} gzip`,
    );
  }
  return [...names, MANIFEST];
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const started = performance.now();
  const force = process.argv.includes('--force') || process.env.GRANSATLAS_FORCE === '1';
  const inputs = await inputHash();
  if (!force && (await upToDate(inputs))) {
    console.log('data: public/generated is up to date (inputs unchanged; --force to rebuild)');
    return;
  }
  await mkdir(outDir, { recursive: true });
  // A failed build must not leave a stamp that makes the next run skip.
  await rm(STAMP, { force: true });
  const manifest = await loadManifest(dataDir);
  const resolver = createSourceResolver(manifest, { repoRoot, log: (m) => console.log(`  ${m}`) });
  for (const builder of BUILDERS) {
    const t0 = performance.now();
    const lines: string[] = [];
    const ctx: BuildContext = {
      resolveSource: resolver.resolveSource,
      dataDir,
      outDir,
      log: (m) => lines.push(m),
    };
    await builder.build(ctx);
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(`${builder.name}: ok in ${secs} s${lines.length ? ` (${lines.join('; ')})` : ''}`);
  }
  const sources = resolver.usedSources().map(({ id, file, sha256 }) => ({ id, file, sha256 }));
  const outputs = await writeBuildManifest(sources);
  await writeFile(STAMP, JSON.stringify({ inputs, outputs } satisfies Stamp) + '\n');
  console.log(`data: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((e: unknown) => {
  if (e instanceof BuildError) {
    console.error(`data build failed: ${e.message}`);
    process.exit(1);
  }
  throw e;
});
