import { describe, expect, it } from 'vitest';
import {
  indexFlowTable,
  queryFlows,
  shownYear,
  type FlowQuery,
  type FlowTable,
  type TablePlace,
} from '../../src/lib/domain/flowQuery';

const STROMSTAD = 'SE-municipality-1486-se';
const EDA = 'SE-municipality-1730-se';
const HALDEN = 'NO-municipality-3101-2024';
const FREDRIKSTAD = 'NO-municipality-3107-2024';
const OSTFOLD = 'NO-county-31-2024';
const VARMLAND = 'SE-county-17-se';

function table(
  places: TablePlace[],
  rows: [origin: number, destination: number, value: number, year: number][],
): FlowTable {
  return {
    places,
    origin: Int32Array.from(rows, (r) => r[0]),
    destination: Int32Array.from(rows, (r) => r[1]),
    value: Float64Array.from(rows, (r) => r[2]),
    year: Int32Array.from(rows, (r) => r[3]),
  };
}

const base: FlowQuery = {
  year: 2024,
  direction: 'both',
  scope: 'all',
  level: 'each',
  minPersons: 0,
  topN: 100,
  selected: null,
};

const run = (t: FlowTable, q: Partial<FlowQuery>) =>
  queryFlows(t, indexFlowTable(t), { ...base, ...q });
const pairs = (r: ReturnType<typeof run>) => r.flows.map((f) => `${f.origin}>${f.dest}=${f.count}`);

describe('queryFlows on a small table of real codes', () => {
  const places: TablePlace[] = [
    { area: STROMSTAD },
    { area: HALDEN },
    { area: FREDRIKSTAD },
    { area: EDA },
    { lon: 11.4, lat: 59.1, name: 'a point' },
  ];
  const t = table(places, [
    [0, 1, 500, 2024], // Strömstad → Halden
    [3, 1, 40, 2024], // Eda → Halden
    [1, 0, 30, 2024], // Halden → Strömstad
    [2, 1, 900, 2024], // Fredrikstad → Halden (domestic)
    [1, 1, 7000, 2024], // lives and works in Halden: not a flow
    [0, 2, 0, 2024], // zero: not drawn
    [4, 1, 12, 2024], // a position → Halden (country unknown)
    [0, 1, 450, 2022],
  ]);

  it('keeps every drawable flow of the year, largest first', () => {
    expect(pairs(run(t, {}))).toEqual([
      `${FREDRIKSTAD}>${HALDEN}=900`,
      `${STROMSTAD}>${HALDEN}=500`,
      `${EDA}>${HALDEN}=40`,
      `${HALDEN}>${STROMSTAD}=30`,
      `point-4>${HALDEN}=12`,
    ]);
  });

  it('direction limits cross-border flows only; the cross-border scope drops the rest', () => {
    expect(pairs(run(t, { direction: 'NO->SE' }))).toEqual([
      `${FREDRIKSTAD}>${HALDEN}=900`,
      `${HALDEN}>${STROMSTAD}=30`,
      `point-4>${HALDEN}=12`,
    ]);
    expect(pairs(run(t, { direction: 'SE->NO', scope: 'cross-border' }))).toEqual([
      `${STROMSTAD}>${HALDEN}=500`,
      `${EDA}>${HALDEN}=40`,
    ]);
  });

  it('aggregates to counties and countries, dropping flows inside one area', () => {
    expect(pairs(run(t, { level: 'county' }))).toEqual([
      `SE-county-14-se>NO-county-31-2024=500`,
      `SE-county-17-se>NO-county-31-2024=40`,
      `NO-county-31-2024>SE-county-14-se=30`,
    ]);
    expect(pairs(run(t, { level: 'country' }))).toEqual([
      `SE-country-SE-se>NO-country-NO-2024=540`,
      `NO-country-NO-2024>SE-country-SE-se=30`,
    ]);
  });

  it('applies the minimum to the aggregated sums', () => {
    expect(pairs(run(t, { level: 'country', minPersons: 100 }))).toEqual([
      `SE-country-SE-se>NO-country-NO-2024=540`,
    ]);
  });

  it('shows the nearest year the file has, and says which', () => {
    const r = run(t, { year: 2021 });
    expect(r.year).toBe(2022);
    expect(pairs(r)).toEqual([`${STROMSTAD}>${HALDEN}=450`]);
    expect(shownYear([2020, 2022], 2021)).toBe(2020);
    expect(shownYear([], 2021)).toBe(0);
  });

  it('keeps only the selected area’s flows, and top-N counts what matched', () => {
    const r = run(t, { selected: STROMSTAD, topN: 1 });
    expect(pairs(r)).toEqual([`${STROMSTAD}>${HALDEN}=500`]);
    expect(r.matched).toBe(2);
    expect(r.nodes.map((n) => n.id).sort()).toEqual([HALDEN, STROMSTAD].sort());
  });

  it('a selection the level does not draw filters nothing', () => {
    expect(run(t, { selected: STROMSTAD, level: 'country' }).matched).toBe(2);
    expect(run(t, { selected: 'SE-municipality-1780-se' }).matched).toBe(5);
    expect(run(t, { selected: 'SE-county-14-se', level: 'county' }).matched).toBe(2); // of 3
  });

  it('a file without years shows all its rows', () => {
    const noYears = table([{ area: STROMSTAD }, { area: HALDEN }], [[0, 1, 5, 0]]);
    const r = run(noYears, { year: 1999 });
    expect(r.year).toBeNull();
    expect(r.flows).toHaveLength(1);
  });
});

describe('double counting', () => {
  it('leaves out a county group where a given county figure meets municipal rows', () => {
    const t = table(
      [{ area: VARMLAND }, { area: OSTFOLD }, { area: EDA }, { area: HALDEN }, { area: STROMSTAD }],
      [
        [0, 1, 100, 2024], // Värmland → Østfold, given at county level
        [2, 3, 40, 2024], // Eda → Halden: raised to Värmland → Østfold as well
        [4, 3, 500, 2024], // Strömstad → Halden: Västra Götaland → Østfold, fine
      ],
    );
    const r = run(t, { level: 'county' });
    expect(r.doubleCounted).toBe(1);
    expect(pairs(r)).toEqual([`SE-county-14-se>${OSTFOLD}=500`]);
    // At each row's own level nothing is summed.
    expect(run(t, {}).doubleCounted).toBe(0);
  });
});

describe('agrees with a plain reference on a random table', () => {
  const codes = [
    STROMSTAD,
    EDA,
    'SE-municipality-1780-se',
    HALDEN,
    FREDRIKSTAD,
    'NO-municipality-3401-2024',
  ];
  let seed = 7;
  const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const rows: [number, number, number, number][] = [];
  const seen = new Set<string>();
  while (rows.length < 60) {
    const o = Math.floor(rand() * codes.length);
    const d = Math.floor(rand() * codes.length);
    const y = 2023 + Math.floor(rand() * 2);
    if (seen.has(`${o}-${d}-${y}`)) continue;
    seen.add(`${o}-${d}-${y}`);
    rows.push([o, d, Math.floor(rand() * 50), y]);
  }
  const t = table(
    codes.map((area) => ({ area })),
    rows,
  );

  function reference(q: FlowQuery) {
    const levelKey = (key: string) => {
      const [country, , code, era] = key.split('-');
      if (q.level === 'county') return `${country}-county-${code.slice(0, 2)}-${era}`;
      if (q.level === 'country') return `${country}-country-${country}-${era}`;
      return key;
    };
    const sums = new Map<string, number>();
    for (const [o, d, v, y] of rows) {
      if (y !== q.year || v <= 0) continue;
      const a = levelKey(codes[o]);
      const b = levelKey(codes[d]);
      if (a === b) continue;
      const cross = a[0] !== b[0];
      if (q.scope === 'cross-border' && !cross) continue;
      if (cross && q.direction !== 'both' && a.startsWith('SE') !== (q.direction === 'SE->NO'))
        continue;
      sums.set(`${a}>${b}`, (sums.get(`${a}>${b}`) ?? 0) + v);
    }
    return [...sums]
      .filter(([, v]) => v >= q.minPersons)
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .slice(0, q.topN)
      .map(([k, v]) => `${k}=${v}`);
  }

  for (const level of ['each', 'county', 'country'] as const)
    for (const direction of ['both', 'SE->NO', 'NO->SE'] as const)
      for (const scope of ['all', 'cross-border'] as const)
        it(`${level}, ${direction}, ${scope}`, () => {
          const q = { ...base, level, direction, scope, minPersons: 10, topN: 7 };
          expect(pairs(run(t, q))).toEqual(reference(q));
        });
});
