import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { AreaRef } from '../../src/lib/domain/areas';
import {
  aggregateFlows,
  applyNoCrosswalk,
  areaCrossBorderSeries,
  crosswalkLookup,
  diffFlows,
  filterFlows,
  flowLevel,
  isCrossBorder,
  summarizeArea,
  topFlows,
  validateFlows,
  type AnyFlow,
  type CommuterFlow,
} from '../../src/lib/domain/commuting';
import { indexCrosswalk, type CrosswalkEntry } from '../../src/lib/domain/crosswalk';
import { crossBorderDataset } from '../../scripts/commuting/build';

const read = (f: string): string =>
  readFileSync(new URL(`../../data/commuting/${f}`, import.meta.url), 'utf8');
const dataset = crossBorderDataset(read('cross-border.csv'), read('cross-border-shares.csv'));
const published = dataset.flows;
const rawRows = Papa.parse<Record<string, string>>(read('cross-border.csv'), {
  header: true,
  skipEmptyLines: true,
}).data;

const SE: AreaRef = { country: 'SE', level: 'country', code: 'SE', era: 'se' };
const NO: AreaRef = { country: 'NO', level: 'country', code: 'NO', era: '2020' };
const muni = (
  country: 'SE' | 'NO',
  code: string,
  era: AreaRef['era'] = country === 'SE' ? 'se' : '2020',
): AreaRef => ({
  country,
  level: 'municipality',
  code,
  era,
});
const flow = (
  origin: AreaRef,
  destination: AreaRef,
  persons: number,
  year = 2022,
  source = 's',
): CommuterFlow => ({
  year,
  origin,
  destination,
  persons,
  measure: { key: 'no-employed-q4-03321', note: '' },
  source: { id: source, url: 'https://example.org' },
});

describe('the curated cross-border dataset', () => {
  it('has every counted row, valid, each with a source and licence', () => {
    expect(published).toHaveLength(rawRows.length);
    expect(validateFlows(published)).toEqual([]);
    expect(published.every((f) => f.source.url.startsWith('http') && f.licence !== '')).toBe(true);
    expect(published.every(isCrossBorder)).toBe(true);
  });

  it('keeps shares as shares: no share row has a count and no count row is a share', () => {
    expect(dataset.shares).toHaveLength(24);
    for (const s of dataset.shares) expect(s).not.toHaveProperty('persons');
    const countKeys = new Set(published.map((f) => `${f.year}|${f.origin.code}|${f.measure.note}`));
    for (const s of dataset.shares)
      expect(countKeys.has(`${s.year}|${s.origin.code}|${s.measure.note}`)).toBe(false);
  });

  it('keeps figures at the level the source gives (national totals are country → country)', () => {
    const se2009 = published.filter((f) => f.year === 2009 && f.origin.country === 'SE');
    expect(se2009.map((f) => [f.origin.level, f.persons]).sort()).toEqual([
      ['country', 28000],
      ['county', 7000],
    ]);
  });
});

describe('filters', () => {
  it('direction keeps only flows leaving the chosen country', () => {
    const seToNo = filterFlows(published, { direction: 'SE->NO' });
    expect(seToNo.length).toBe(rawRows.filter((r) => r.origin_country === 'SE').length);
    expect(seToNo.every((f) => f.origin.country === 'SE' && f.destination.country === 'NO')).toBe(
      true,
    );
    expect(filterFlows(published, { direction: 'NO->SE' }).length + seToNo.length).toBe(
      published.length,
    );
  });

  it('scope cross-border drops domestic flows; direction does not touch domestic flows', () => {
    const domestic = flow(muni('NO', '3003'), muni('NO', '3001'), 1009);
    const mixed: AnyFlow[] = [...published, domestic];
    expect(filterFlows(mixed, { scope: 'cross-border' })).not.toContain(domestic);
    expect(filterFlows(mixed, { scope: 'all', direction: 'SE->NO' })).toContain(domestic);
  });

  it('year, minimum persons, level and top-N', () => {
    const y2007 = filterFlows(published, { year: 2007 });
    expect(y2007.every((f) => f.year === 2007)).toBe(true);
    expect(filterFlows(published, { minPersons: 10000 }).every((f) => f.persons >= 10000)).toBe(
      true,
    );
    const municipal = filterFlows(y2007, { level: 'municipality' });
    expect(municipal.map((f) => f.destination.code).sort()).toEqual(['0301', '3003', '3004']);
    expect(flowLevel(municipal[0])).toBe('municipality');
    const top = topFlows(published, 3).map((f) => f.persons);
    expect(top).toEqual([...published.map((f) => f.persons)].sort((a, b) => b - a).slice(0, 3));
    expect(filterFlows(published, { topN: 0 })).toEqual([]);
  });
});

describe('aggregation up the levels', () => {
  const halden = muni('NO', '3001');
  const sarpsborg = muni('NO', '3003');
  const oslo = muni('NO', '0301');
  const baerum = muni('NO', '3024');
  const flows = [
    flow(sarpsborg, halden, 1009),
    flow(baerum, oslo, 29502),
    flow(halden, oslo, 120),
    flow(oslo, baerum, 9000),
  ];

  it('sums municipality flows into county and country flows', () => {
    const r = aggregateFlows(flows, 'county');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const byPair = Object.fromEntries(
      r.flows.map((f) => [`${f.origin.code}>${f.destination.code}`, f.persons]),
    );
    expect(byPair).toEqual({ '30>30': 1009, '30>03': 29502 + 120, '03>30': 9000 });
    const country = aggregateFlows(flows, 'country');
    expect(country.ok && country.flows.map((f) => f.persons)).toEqual([1009 + 29502 + 120 + 9000]);
  });

  it('never adds figures of different measures or sources', () => {
    const other = {
      ...flow(sarpsborg, halden, 5),
      source: { id: 'other', url: 'https://example.org' },
    };
    const r = aggregateFlows([flows[0], other], 'county');
    expect(r.ok && r.flows.map((f) => f.persons).sort()).toEqual([1009, 5]);
  });

  it('refuses to add a published county total to one of its own municipalities', () => {
    // 2003, same NRK article: Västra Götaland 3 700 and Strömstad 565 (part of the 3 700).
    const y2003 = filterFlows(published, { year: 2003, measures: ['reported-unspecified'] });
    expect(y2003.map((f) => f.persons).sort()).toEqual([3700, 565].sort());
    const r = aggregateFlows(y2003, 'county');
    expect(r.ok).toBe(false);
  });
});

describe('Norwegian era crosswalk 2020 → 2024', () => {
  const entries: CrosswalkEntry[] = [
    { level: 'municipality', from: '3001', to: ['3101'], kind: 'renumbered' },
    { level: 'municipality', from: '3003', to: ['3105'], kind: 'renumbered' },
    { level: 'municipality', from: '0301', to: ['0301'], kind: 'unchanged' },
    { level: 'municipality', from: '1507', to: ['1508', '1580'], kind: 'split' },
    { level: 'municipality', from: '1506', to: ['1506'], kind: 'unchanged' },
    { level: 'municipality', from: '9001', to: ['9100'], kind: 'merged' },
    { level: 'municipality', from: '9002', to: ['9100'], kind: 'merged' },
    { level: 'county', from: '30', to: ['31', '32', '33'], kind: 'split' },
  ];
  const lookup = crosswalkLookup(indexCrosswalk({ fromEra: '2020', toEra: '2024', entries }));

  it('renumbers 1:1 (3001 Halden → 3101) and re-eras Norwegian ends only', () => {
    const r = applyNoCrosswalk(
      [
        flow(muni('NO', '3003'), muni('NO', '3001'), 1009),
        flow(muni('SE', '1486'), muni('NO', '3001'), 50),
      ],
      lookup,
    );
    expect(r.report).toEqual([]);
    expect(r.flows[0].origin).toEqual(muni('NO', '3105', '2024'));
    expect(r.flows[0].destination).toEqual(muni('NO', '3101', '2024'));
    expect(r.flows[1].origin).toEqual(muni('SE', '1486'));
    expect(applyNoCrosswalk([flow(SE, NO, 1)], lookup).flows[0].destination.era).toBe('2024');
  });

  it('keeps a split municipality (Ålesund 1507) at county level and reports it, never dividing it', () => {
    const r = applyNoCrosswalk([flow(muni('NO', '1507'), muni('NO', '1506'), 400)], lookup);
    expect(r.flows).toHaveLength(1);
    expect(r.flows[0].origin).toEqual({ country: 'NO', level: 'county', code: '15', era: '2024' });
    expect(r.flows[0].persons).toBe(400);
    expect(r.report).toEqual([
      expect.objectContaining({ code: '1507', side: 'origin', outcome: 'county', persons: 400 }),
    ]);
    const dropped = applyNoCrosswalk([flow(muni('NO', '1507'), muni('NO', '1506'), 400)], lookup, {
      splitPolicy: 'drop',
    });
    expect(dropped.flows).toEqual([]);
    expect(dropped.report[0].outcome).toBe('dropped');
  });

  it('sums flows that merged municipalities bring onto one pair; drops and reports split counties and unknown codes', () => {
    const r = applyNoCrosswalk(
      [
        flow(muni('NO', '9001'), muni('NO', '0301'), 10),
        flow(muni('NO', '9002'), muni('NO', '0301'), 5),
        flow({ country: 'NO', level: 'county', code: '30', era: '2020' }, NO, 7),
        flow(muni('NO', '4242'), muni('NO', '0301'), 3),
      ],
      lookup,
    );
    expect(r.flows.map((f) => [f.origin.code, f.persons])).toEqual([['9100', 15]]);
    expect(r.report.map((e) => [e.code, e.outcome])).toEqual([
      ['30', 'dropped'],
      ['4242', 'dropped'],
    ]);
  });
});

describe('per-area summary, time series and year difference', () => {
  it('summarises Sweden 2015 per measure, never adding different measures', () => {
    const s = summarizeArea(filterFlows(published, { year: 2015 }), SE);
    const nordic = s.find((x) => x.measure === 'nordic-mobility-employees');
    const ssb = s.find((x) => x.measure === 'non-resident-employees-q4');
    expect(nordic).toMatchObject({ out: 22700, in: 920, net: 920 - 22700 });
    expect(nordic?.largestDestinations[0]).toMatchObject({ persons: 22700, end: NO });
    expect(ssb).toMatchObject({ out: 21400, in: null, net: null });
  });

  it('counts in, out and lives-and-works for a municipality', () => {
    const h = muni('NO', '3001');
    const s = summarizeArea(
      [flow(muni('NO', '3003'), h, 1009), flow(h, muni('NO', '3003'), 900), flow(h, h, 9000)],
      h,
    );
    expect(s[0]).toMatchObject({ in: 1009, out: 900, net: 109, internal: 9000 });
  });

  it("gives Strömstad's series with gaps as null, never zero", () => {
    const stromstad = muni('SE', '1486');
    const series = areaCrossBorderSeries(published, stromstad);
    const main = series.find((s) => s.measure === 'main-job-register');
    expect(main?.points[0].year).toBe(Math.min(...published.map((f) => f.year)));
    expect(main?.points.at(-1)?.year).toBe(Math.max(...published.map((f) => f.year)));
    expect(main?.points.find((p) => p.year === 2008)).toEqual({ year: 2008, in: null, out: 790 });
    // 2009 has only a share for Strömstad: no count, so a gap.
    expect(main?.points.find((p) => p.year === 2009)).toEqual({ year: 2009, in: null, out: null });
    expect(series.flatMap((s) => s.points).some((p) => p.in === 0 || p.out === 0)).toBe(false);
  });

  it('diffs two years pair by pair; missing is unknown unless the caller says the matrix is complete', () => {
    const d = diffFlows(
      filterFlows(published, { year: 2015 }),
      filterFlows(published, { year: 2016 }),
    );
    const ssb = d.find((x) => x.measure === 'non-resident-employees-q4');
    expect(ssb).toMatchObject({ before: 21400, after: 17749, change: 17749 - 21400 });
    expect(
      d.find((x) => x.measure === 'nordic-mobility-employees' && x.origin === SE),
    ).toBeUndefined();
    const nordic = d.filter((x) => x.measure === 'nordic-mobility-employees');
    expect(nordic.every((x) => x.after === null && x.change === null)).toBe(true);
    const zero = diffFlows([flow(SE, NO, 5, 2020)], [], { missingAsZero: true });
    expect(zero[0]).toMatchObject({ before: 5, after: 0, change: -5 });
  });
});

describe('validateFlows bad input', () => {
  it('names the field and why', () => {
    const bad: AnyFlow[] = [
      flow(SE, NO, -3, 1999),
      flow(muni('NO', '301'), NO, 1),
      flow({ country: 'SE', level: 'county', code: '14', era: '2020' }, NO, 1),
      flow(SE, NO, 1, 2001.5),
    ];
    const issues = validateFlows([...bad, flow(SE, NO, 1), flow(SE, NO, 2)]);
    expect(issues.map((i) => [i.index, i.field])).toEqual([
      [0, 'persons'],
      [1, 'origin'],
      [2, 'origin'],
      [3, 'year'],
      [5, 'origin'],
    ]);
    expect(issues[4].message).toMatch(/duplicate of flow 4/);
  });
});
