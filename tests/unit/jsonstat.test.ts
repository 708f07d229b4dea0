import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parseJsonStat, type JsonStatRow } from '../../src/lib/data/jsonstat';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/jsonstat/${name}`, import.meta.url), 'utf8');

// jsonstat-toolkit, an independent reader, is the reference for the cell arithmetic.
interface ToolkitDataset {
  id: string[];
  n: number;
  Data(query: Record<string, string>): { value: number | null; status: string | null } | null;
}
const JSONstat = createRequire(import.meta.url)('jsonstat-toolkit') as (input: unknown) => {
  Dataset(i: number): ToolkitDataset;
};

const DATA_FIXTURES = [
  'ssb-v0-07221-boligpris-region-status.json',
  'ssb-v2-03024-laks-no-compact.json',
  'ssb-v2beta-11118-kpi-default-data.json',
  'scb-v1-TAB3554-medianinkomst.json',
];

function parseOk(text: string): { rows: JsonStatRow[]; dims: string[] } {
  const r = parseJsonStat(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return { rows: r.rows, dims: r.table.dimensions.map((d) => d.id) };
}

describe('parseJsonStat on real PxWeb responses', () => {
  it.each(DATA_FIXTURES)('%s: every cell agrees with jsonstat-toolkit', (name) => {
    const text = fixture(name);
    const { rows } = parseOk(text);
    const ref = JSONstat(JSON.parse(text)).Dataset(0);
    expect(rows.length).toBe(ref.n);
    for (const row of rows) {
      const cell = ref.Data(row.codes);
      expect(cell, JSON.stringify(row.codes)).not.toBeNull();
      expect(row.value).toBe(cell?.value ?? null);
    }
  });

  it('keeps suppressed cells as null with their status (SSB 07221)', () => {
    const { rows } = parseOk(fixture('ssb-v0-07221-boligpris-region-status.json'));
    const missing = rows.filter((r) => r.value === null);
    expect(missing).toHaveLength(24);
    expect(missing.every((r) => r.status === '..')).toBe(true);
    expect(rows.filter((r) => r.value !== null).every((r) => r.status === null)).toBe(true);
    expect(rows[176].value).toBeNull();
  });

  it('does not assume dimension order (SSB 11118 has Tid before ContentsCode) and keeps negatives', () => {
    const { rows, dims } = parseOk(fixture('ssb-v2beta-11118-kpi-default-data.json'));
    expect(dims).toEqual(['Leveringssektor', 'Tid', 'ContentsCode']);
    expect(rows.some((r) => r.value !== null && r.value < 0)).toBe(true);
    expect(new Set(rows.map((r) => r.codes.ContentsCode))).toEqual(
      new Set(['LevIndAar', 'Aarsendring']),
    );
  });

  it('copes with an eliminated geography and a non-ISO updated (SCB TAB3554)', () => {
    const r = parseJsonStat(fixture('scb-v1-TAB3554-medianinkomst.json'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.table.dimensions.map((d) => d.id)).not.toContain('Region');
    expect(r.table.updated).toBe('2024-01-12T05: 52: 00Z');
    expect(r.rows.map((row) => row.codes.Kon)).toContain('1+2');
    expect(r.table.source).toBe('SCB');
  });

  it('reads text and parsed JSON alike', () => {
    const text = fixture('ssb-v2-03024-laks-no-compact.json');
    expect(parseJsonStat(JSON.parse(text))).toEqual(parseJsonStat(text));
  });

  it('refuses a metadata response (SCB TAB6471, value: []) with "no data"', () => {
    const r = parseJsonStat(fixture('scb-v2-TAB6471-metadata-kommuner.json'), {
      file: 'TAB6471.json',
    });
    expect(r).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({
          file: 'TAB6471.json',
          field: 'value',
          message: expect.stringMatching(/^no data/),
        }),
      ],
    });
  });
});

describe('parseJsonStat on bad input', () => {
  const base = () =>
    JSON.parse(fixture('ssb-v2beta-11118-kpi-default-data.json')) as Record<string, unknown>;
  const cases: [string, () => unknown, string | undefined, RegExp][] = [
    ['broken JSON text', () => '{"version":"2.0",', undefined, /not valid JSON/],
    ['not an object', () => [1, 2], undefined, /got an array/],
    ['JSON-stat 1.0 wrapper', () => ({ dataset: base() }), 'dataset', /JSON-stat 1\.0/],
    ['a collection', () => ({ ...base(), class: 'collection' }), 'class', /not a dataset/],
    ['wrong version', () => ({ ...base(), version: '1.0' }), 'version', /2\.0/],
    [
      'size shorter than id',
      () => ({ ...base(), size: [14, 1] }),
      'size',
      /3 dimensions but size has 2/,
    ],
    [
      'category count differs from size',
      () => ({ ...base(), size: [13, 1, 2] }),
      'dimension.Leveringssektor.category',
      /14 categories but size says 13/,
    ],
    [
      'too few values',
      () => ({ ...base(), value: [1, 2, 3] }),
      'value',
      /3 cells but size describes 28/,
    ],
    [
      'a text cell',
      () => {
        const b = base();
        (b.value as unknown[])[5] = '12,5';
        return b;
      },
      'value',
      /cell 5 is "12,5"/,
    ],
    [
      'dimension not described',
      () => ({ ...base(), id: ['Leveringssektor', 'Tid', 'Other'] }),
      'dimension.Other',
      /not described/,
    ],
    [
      'sparse index out of range',
      () => ({ ...base(), value: { '0': 1, '99': 2 } }),
      'value.99',
      /out of range/,
    ],
  ];
  it.each(cases)('%s', (_name, make, field, message) => {
    const r = parseJsonStat(make());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const e = r.errors[0];
    if (field) expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
  });

  it('reads the sparse value form, filling the gaps with null', () => {
    const b = base();
    const r = parseJsonStat({ ...b, value: { '0': 5, '27': -1 } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rows.map((x) => x.value).filter((x) => x !== null)).toEqual([5, -1]);
    expect(r.rows[27].value).toBe(-1);
    expect(r.rows[1].value).toBeNull();
  });
});
