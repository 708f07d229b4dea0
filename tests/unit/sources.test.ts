import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BuildError } from '../../scripts/lib/context';
import {
  createSourceResolver,
  loadManifest,
  resolveSourceEntry,
  type SourceEntry,
} from '../../scripts/lib/sources';

const BYTES = '{"type":"FeatureCollection","features":[]}\n';
const SHA = createHash('sha256').update(BYTES).digest('hex');

function entry(over: Partial<SourceEntry> = {}): SourceEntry {
  return {
    id: 'fixture',
    file: 'fixture.geojson',
    // Port 9 (discard) on localhost: refused at once, never the real network.
    url: 'http://127.0.0.1:9/fixture.geojson',
    sha256: SHA,
    licence: 'CC0 1.0',
    attribution: '',
    authority: 'Test',
    date: '2024',
    description: 'test fixture',
    ...over,
  };
}

let root: string;
beforeEach(() => {
  // repoRoot = <tmp>/repo, so the sibling ../shared/data/raw is <tmp>/shared/data/raw.
  root = path.join(mkdtempSync(path.join(tmpdir(), 'gransatlas-sources-')), 'repo');
  mkdirSync(root, { recursive: true });
});
afterEach(() => rmSync(path.dirname(root), { recursive: true, force: true }));

const opts = (rawDir?: string) => ({
  repoRoot: root,
  rawDir: rawDir ?? path.join(root, 'no-such-dir'),
  timeoutMs: 5000,
});

describe('resolveSourceEntry', () => {
  it('finds a verified copy in the sibling ../shared/data/raw', async () => {
    const dir = path.join(root, '..', 'shared', 'data', 'raw');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'fixture.geojson'), BYTES);
    expect(await resolveSourceEntry(entry(), opts())).toBe(path.join(dir, 'fixture.geojson'));
  });

  it('prefers GRANSATLAS_RAW_DIR (rawDir) over data/raw', async () => {
    const raw = path.join(root, 'elsewhere');
    mkdirSync(raw);
    mkdirSync(path.join(root, 'data', 'raw'), { recursive: true });
    writeFileSync(path.join(raw, 'fixture.geojson'), BYTES);
    writeFileSync(path.join(root, 'data', 'raw', 'fixture.geojson'), BYTES);
    expect(await resolveSourceEntry(entry(), opts(raw))).toBe(path.join(raw, 'fixture.geojson'));
  });

  it('throws a BuildError on a checksum mismatch', async () => {
    mkdirSync(path.join(root, 'data', 'raw'), { recursive: true });
    writeFileSync(path.join(root, 'data', 'raw', 'fixture.geojson'), BYTES + ' ');
    const p = resolveSourceEntry(entry(), opts());
    await expect(p).rejects.toBeInstanceOf(BuildError);
    await expect(p).rejects.toThrow(/fixture\.geojson.*checksum mismatch/s);
  });

  it('throws a BuildError naming the file, the places looked and the URL when nothing is found', async () => {
    const p = resolveSourceEntry(entry(), opts());
    await expect(p).rejects.toBeInstanceOf(BuildError);
    const message = await p.catch((e: Error) => e.message);
    expect(message).toContain('fixture.geojson');
    expect(message).toContain(path.join(root, 'data', 'raw', 'fixture.geojson'));
    expect(message).toContain('http://127.0.0.1:9/fixture.geojson');
  });

  it('rejects a download whose bytes do not match', async () => {
    const fakeFetch = (async () => new Response('other bytes')) as typeof fetch;
    const p = resolveSourceEntry(entry(), { ...opts(), fetch: fakeFetch });
    await expect(p).rejects.toThrow(/expected .*sha256|sha256 .*expected/s);
  });

  it('stores a verified download in data/raw', async () => {
    const fakeFetch = (async () => new Response(BYTES)) as typeof fetch;
    const file = await resolveSourceEntry(entry(), { ...opts(), fetch: fakeFetch });
    expect(file).toBe(path.join(root, 'data', 'raw', 'fixture.geojson'));
  });
});

describe('manifest', () => {
  it('reads all data/sources/*.json and resolves by id', async () => {
    const dataDir = path.join(root, 'data');
    mkdirSync(path.join(dataDir, 'sources'), { recursive: true });
    mkdirSync(path.join(dataDir, 'raw'), { recursive: true });
    writeFileSync(path.join(dataDir, 'sources', 'a.json'), JSON.stringify([entry()]));
    writeFileSync(
      path.join(dataDir, 'sources', 'b.json'),
      JSON.stringify([entry({ id: 'other', file: 'other.csv' })]),
    );
    writeFileSync(path.join(dataDir, 'raw', 'fixture.geojson'), BYTES);
    const manifest = await loadManifest(dataDir);
    expect(manifest.map((e) => e.id)).toEqual(['fixture', 'other']);
    const { resolveSource, usedSources } = createSourceResolver(manifest, opts());
    expect(await resolveSource('fixture')).toBe(path.join(dataDir, 'raw', 'fixture.geojson'));
    await expect(resolveSource('nope')).rejects.toBeInstanceOf(BuildError);
    expect(usedSources().map((e) => e.id)).toEqual(['fixture']);
  });

  it('rejects duplicate ids and malformed entries', async () => {
    const dataDir = path.join(root, 'data');
    mkdirSync(path.join(dataDir, 'sources'), { recursive: true });
    writeFileSync(path.join(dataDir, 'sources', 'a.json'), JSON.stringify([entry(), entry()]));
    await expect(loadManifest(dataDir)).rejects.toThrow(/fixture/);
    writeFileSync(
      path.join(dataDir, 'sources', 'a.json'),
      JSON.stringify([{ ...entry(), sha256: 'abc' }]),
    );
    await expect(loadManifest(dataDir)).rejects.toBeInstanceOf(BuildError);
  });

  it("accepts the repository's own manifests", async () => {
    const manifest = await loadManifest(path.resolve(__dirname, '../../data'));
    expect(manifest.map((e) => e.id)).toEqual(
      expect.arrayContaining(['se-kommuner', 'no-kommuner-2024']),
    );
  });
});
