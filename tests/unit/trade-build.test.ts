import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, readFile, rm, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../../scripts/trade/build';
import { BuildError, type BuildContext } from '../../scripts/lib/context';
import { parsePeriod } from '../../src/lib/domain/units';

const DATA = fileURLToPath(new URL('../../data', import.meta.url));
let dir = '';

async function workspace(): Promise<BuildContext> {
  dir = await mkdtemp(join(tmpdir(), 'trade-build-'));
  for (const sub of ['trade', 'crossings', 'investments']) {
    await mkdir(join(dir, 'data', sub), { recursive: true });
    await cp(join(DATA, sub), join(dir, 'data', sub), { recursive: true });
  }
  return {
    dataDir: join(dir, 'data'),
    outDir: join(dir, 'out'),
    log: () => {},
    resolveSource: () => Promise.reject(new Error('not used')),
  };
}

async function editCsv(ctx: BuildContext, rel: string, edit: (lines: string[]) => void) {
  const path = join(ctx.dataDir, rel);
  const lines = (await readFile(path, 'utf8')).split('\n');
  edit(lines);
  await writeFile(path, lines.join('\n'));
}

afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('periods', () => {
  it('marks partial years and keeps the label', () => {
    expect(parsePeriod('2021H1')).toEqual({
      label: '2021H1',
      year: 2021,
      partial: true,
      kind: 'half',
    });
    expect(parsePeriod('2021Jan-Jul')?.partial).toBe(true);
    expect(parsePeriod('2001Q1')?.partial).toBe(true);
    expect(parsePeriod('2020-07-28')?.partial).toBe(true);
    expect(parsePeriod('2019')).toMatchObject({ year: 2019, partial: false });
    expect(parsePeriod('c.2016')).toMatchObject({ year: 2016, partial: false, kind: 'undated' });
    expect(parsePeriod('2014-2020')).toMatchObject({ year: 2020, kind: 'range' });
    expect(parsePeriod('2021 H1')).toBeNull();
  });
});

describe('build', () => {
  it('writes the three JSON files from the curated CSVs', async () => {
    const ctx = await workspace();
    await build(ctx);
    const trade = JSON.parse(await readFile(join(ctx.outDir, 'trade.json'), 'utf8'));
    const crossings = JSON.parse(await readFile(join(ctx.outDir, 'crossings.json'), 'utf8'));
    const inv = JSON.parse(await readFile(join(ctx.outDir, 'investments.json'), 'utf8'));
    expect(trade.series).toHaveLength(4);
    expect(trade.anchors).toHaveLength(38);
    expect(crossings.crossings).toHaveLength(22);
    expect(crossings.traffic).toHaveLength(82);
    expect(inv.observations).toHaveLength(106);
    // partial periods survive the build
    const h1 = trade.anchors.find(
      (a: { period: { label: string } }) => a.period.label === '2021H1',
    );
    expect(h1.period.partial).toBe(true);
    expect(h1.quantity.unit).toBe('SEK_million');
  });

  it('names file, row and field for a broken value', async () => {
    const ctx = await workspace();
    await editCsv(ctx, 'crossings/border-traffic.csv', (l) => {
      l[3] = l[3].replace(',6300000,', ',6 300 000,');
    });
    await expect(build(ctx)).rejects.toThrow(BuildError);
    await expect(build(ctx)).rejects.toThrow(/border-traffic\.csv: row 4, field "value"/);
  });

  it('rejects an unknown unit key', async () => {
    const ctx = await workspace();
    await editCsv(ctx, 'investments/investments.csv', (l) => {
      l[1] = l[1].replace(',enterprises,', ',firms,');
    });
    await expect(build(ctx)).rejects.toThrow(/investments\.csv: row 2, field "unit"/);
  });

  it('rejects a partial period not marked partial', async () => {
    const ctx = await workspace();
    await editCsv(ctx, 'trade/trade.csv', (l) => {
      const i = l.findIndex((x) => x.startsWith('2021H1,'));
      l[i] = l[i].replace('2021H1,2021,true,', '2021H1,2021,false,');
    });
    await expect(build(ctx)).rejects.toThrow(/trade\.csv: row 4, field "partial"/);
  });

  it('rejects a traffic row for a crossing that does not exist', async () => {
    const ctx = await workspace();
    await editCsv(ctx, 'crossings/border-traffic.csv', (l) => {
      l[1] = l[1].replace(/^svinesund-e6,/, 'svinesund-e7,');
    });
    await expect(build(ctx)).rejects.toThrow(/row 2, field "crossing_id" names unknown crossing/);
  });
});
