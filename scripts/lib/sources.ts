/**
 * The source manifest (data/sources/*.json) and the resolver that turns a source id into a verified
 * local file. Every external file a builder reads goes through here, so every byte the build uses is
 * pinned by URL and sha256.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as v from 'valibot';
import { BuildError } from './context';

const Sha256 = v.pipe(
  v.string(),
  v.regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lowercase hex digits'),
);

/** One external source. Every topic's manifest file (data/sources/<topic>.json) is an array of these. */
export const SourceEntrySchema = v.strictObject({
  /** Stable id builders ask for, e.g. "no-kommuner-2024". */
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/)),
  /** File name, as in ../shared/data/raw and data/raw. */
  file: v.pipe(v.string(), v.regex(/^[^/\\]+$/, 'file must be a bare file name')),
  /** Pinned URL (a commit or version in the path) that returns exactly these bytes. */
  url: v.pipe(v.string(), v.url()),
  sha256: Sha256,
  /** Licence of the data, e.g. "CC BY 4.0". */
  licence: v.pipe(v.string(), v.minLength(1)),
  /** Credit line to show in the app, or "" where none is needed. */
  attribution: v.string(),
  /** Who publishes the data upstream, e.g. "Kartverket". */
  authority: v.pipe(v.string(), v.minLength(1)),
  /** Date of this version of the data (ISO date, or year). */
  date: v.pipe(v.string(), v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)),
  description: v.pipe(v.string(), v.minLength(1)),
  /** For sources shipped in an npm package: where it lies under node_modules (still checksum-verified). */
  npm: v.optional(v.strictObject({ package: v.string(), path: v.string() })),
});
export type SourceEntry = v.InferOutput<typeof SourceEntrySchema>;

const ManifestFileSchema = v.array(SourceEntrySchema);

/** All entries of all data/sources/*.json files, in file-name order. Ids must be unique. */
export async function loadManifest(dataDir: string): Promise<SourceEntry[]> {
  const dir = path.join(dataDir, 'sources');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const entries: SourceEntry[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const full = path.join(dir, file);
    let json: unknown;
    try {
      json = JSON.parse(await readFile(full, 'utf8'));
    } catch (e) {
      throw new BuildError(`${full}: not valid JSON (${(e as Error).message})`);
    }
    const parsed = v.safeParse(ManifestFileSchema, json);
    if (!parsed.success) {
      const issues = parsed.issues
        .slice(0, 5)
        .map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`)
        .join('; ');
      throw new BuildError(`${full}: invalid source manifest: ${issues}`);
    }
    for (const entry of parsed.output) {
      const other = seen.get(entry.id);
      if (other)
        throw new BuildError(`source id "${entry.id}" is defined in both ${other} and ${file}`);
      seen.set(entry.id, file);
      entries.push(entry);
    }
  }
  return entries;
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface ResolveOptions {
  /** Repository root; data/raw/, ../shared/data/raw/ and node_modules/ are relative to it. */
  repoRoot: string;
  /** Folder to look in first; defaults to env GRANSATLAS_RAW_DIR. */
  rawDir?: string;
  /** Injected for tests; defaults to global fetch. */
  fetch?: typeof fetch;
  /** Download timeout in ms (default 120 s). */
  timeoutMs?: number;
  log?: (message: string) => void;
}

/** Places a source is looked for, in order (before falling back to downloading its URL). */
export function candidatePaths(entry: SourceEntry, opts: ResolveOptions): string[] {
  const rawDir = opts.rawDir ?? process.env.GRANSATLAS_RAW_DIR;
  const dirs = [
    ...(rawDir ? [path.resolve(rawDir)] : []),
    path.join(opts.repoRoot, 'data', 'raw'),
    path.resolve(opts.repoRoot, '..', 'shared', 'data', 'raw'),
  ];
  const paths = dirs.map((d) => path.join(d, entry.file));
  if (entry.npm)
    paths.push(path.join(opts.repoRoot, 'node_modules', entry.npm.package, entry.npm.path));
  return paths;
}

/**
 * Absolute path of a verified copy of `entry`: the first existing candidate, else a fresh download into
 * data/raw/. A candidate whose sha256 differs is an error, not skipped: a wrong file should be seen.
 */
export async function resolveSourceEntry(
  entry: SourceEntry,
  opts: ResolveOptions,
): Promise<string> {
  const candidates = candidatePaths(entry, opts);
  for (const candidate of candidates) {
    if (!existsSync(candidate)) continue;
    const actual = await sha256File(candidate);
    if (actual !== entry.sha256) {
      throw new BuildError(
        `source "${entry.id}" (${entry.file}): checksum mismatch at ${candidate}\n` +
          `  expected sha256 ${entry.sha256}\n  actual   sha256 ${actual}\n` +
          `  Replace the file with the pinned download from ${entry.url}`,
      );
    }
    return candidate;
  }
  return download(entry, candidates, opts);
}

async function download(
  entry: SourceEntry,
  looked: string[],
  opts: ResolveOptions,
): Promise<string> {
  const target = path.join(opts.repoRoot, 'data', 'raw', entry.file);
  const fail = (why: string) =>
    new BuildError(
      `source "${entry.id}" (${entry.file}) not found and could not be downloaded: ${why}\n` +
        `  looked in:\n${looked.map((p) => `    ${p}`).join('\n')}\n` +
        `  URL: ${entry.url}\n` +
        `  Put a copy in one of those places or set GRANSATLAS_RAW_DIR to a folder that has it.`,
    );
  opts.log?.(`downloading ${entry.url}`);
  let bytes: Buffer;
  try {
    const response = await (opts.fetch ?? fetch)(entry.url, {
      signal: AbortSignal.timeout(opts.timeoutMs ?? 120_000),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
    bytes = Buffer.from(await response.arrayBuffer());
  } catch (e) {
    const cause = (e as Error).cause as Error | undefined;
    throw fail(`${(e as Error).message}${cause?.message ? ` (${cause.message})` : ''}`);
  }
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== entry.sha256) {
    throw fail(`downloaded bytes have sha256 ${actual}, expected ${entry.sha256}`);
  }
  await mkdir(path.dirname(target), { recursive: true });
  const partial = `${target}.part`;
  await writeFile(partial, bytes);
  await rename(partial, target).catch(async (e: unknown) => {
    await rm(partial, { force: true });
    throw e;
  });
  return target;
}

/**
 * `resolveSource(id)` for a BuildContext: looks the id up in the manifest, resolves and verifies it
 * once, and remembers which sources were used (for build-manifest.json).
 */
export function createSourceResolver(manifest: readonly SourceEntry[], opts: ResolveOptions) {
  const byId = new Map(manifest.map((e) => [e.id, e]));
  const resolved = new Map<string, Promise<string>>();
  const used = new Set<string>();
  function resolveSource(id: string): Promise<string> {
    const entry = byId.get(id);
    if (!entry) {
      return Promise.reject(
        new BuildError(`unknown source id "${id}": add it to a data/sources/*.json manifest`),
      );
    }
    used.add(id);
    let p = resolved.get(id);
    if (!p) {
      p = resolveSourceEntry(entry, opts);
      resolved.set(id, p);
    }
    return p;
  }
  /** Entries asked for so far, in manifest order. */
  function usedSources(): SourceEntry[] {
    return manifest.filter((e) => used.has(e.id));
  }
  return { resolveSource, usedSources };
}
