/**
 * SSB 03321 matrices: the JSON-stat OD converter, the compact builder output and the crosswalk on
 * real data. Tests that need ../shared/data/raw (never committed) are skipped where it is absent;
 * the expected numbers come from the checks recorded in COMMUTING-SOURCES.md, not from this code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { odFromJsonStat } from '../../src/lib/data/jsonstat';
import {
  aggregateFlows,
  applyNoCrosswalk,
  crosswalkLookup,
  expandCompactOd,
  summarizeArea,
  type CommuterFlow,
} from '../../src/lib/domain/commuting';
import { indexCrosswalk, type NoCrosswalk } from '../../src/lib/domain/crosswalk';
import { DOMESTIC_SOURCES, compactDomestic } from '../../scripts/commuting/build';
import type { AreaRef } from '../../src/lib/domain/areas';

const RAW = new URL('../../../shared/data/raw/', import.meta.url);
const rawPath = (f: string) => new URL(f, RAW);
const hasRaw = existsSync(rawPath('no-commuting-2022-ssb03321-b2020.csv'));
const CROSSWALK = new URL('../../public/generated/crosswalk-no-2020-2024.json', import.meta.url);

const source = { id: 'test', url: 'https://data.ssb.no/api/pxwebapi/v2/tables/03321' };
const m = (code: string): AreaRef => ({ country: 'NO', level: 'municipality', code, era: '2020' });

/** A response shaped like SSB 03321 (variable ids ArbstedKomm, Bokommuen, ContentsCode, Tid). */
function response03321(
  work: [string, string][],
  residence: [string, string][],
  values: (number | null)[],
  extra: {
    contents?: readonly string[];
    years?: readonly string[];
    order?: readonly string[];
  } = {},
) {
  const contents = extra.contents ?? ['Sysselsatte'];
  const years = extra.years ?? ['2022'];
  const cat = (pairs: [string, string][]) => ({
    index: Object.fromEntries(pairs.map(([c], i) => [c, i])),
    label: Object.fromEntries(pairs),
  });
  const dimension = {
    ArbstedKomm: { label: 'arbeidsstedskommune', category: cat(work) },
    Bokommuen: { label: 'bostedskommune', category: cat(residence) },
    ContentsCode: { label: 'statistikkvariabel', category: cat(contents.map((c) => [c, c])) },
    Tid: { label: 'år', category: cat(years.map((y) => [y, y])) },
  };
  const order = extra.order ?? ['ArbstedKomm', 'Bokommuen', 'ContentsCode', 'Tid'];
  const sizes: Record<string, number> = {
    ArbstedKomm: work.length,
    Bokommuen: residence.length,
    ContentsCode: contents.length,
    Tid: years.length,
  };
  return {
    version: '2.0',
    class: 'dataset',
    label: '03321: Sysselsatte (15-74 år) per 4. kvartal. Pendlingsstrømmer',
    source: 'Statistisk sentralbyrå',
    id: order,
    size: order.map((d) => sizes[d]),
    role: { time: ['Tid'], metric: ['ContentsCode'] },
    dimension,
    value: values,
  };
}

describe('odFromJsonStat (SSB 03321 shape)', () => {
  const work: [string, string][] = [
    ['3001', 'Halden'],
    ['3003', 'Sarpsborg'],
  ];
  const residence: [string, string][] = [
    ['3001', 'Halden'],
    ['K-3003', 'Sarpsborg'],
    ['2580', 'Utlandet'],
  ];

  it('turns work × residence cells into residence → work flows, dropping zeros and same-place cells', () => {
    // row-major over [ArbstedKomm, Bokommuen]: (3001,3001) (3001,3003) (3001,2580) (3003,3001) ...
    const r = odFromJsonStat(response03321(work, residence, [9000, 1009, 4, 0, 11000, 2]), {
      source,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const pairs = r.flows.map((f) => [f.origin.code, f.destination.code, f.persons]);
    expect(pairs).toEqual([
      ['3001', '3001', 9000],
      ['3003', '3001', 1009],
      ['3003', '3003', 11000],
    ]);
    expect(r.flows[1].origin).toEqual(m('3003'));
    expect(r.skipped.map((s) => [s.code, s.reason])).toEqual([
      ['2580', 'not a municipality'],
      ['2580', 'not a municipality'],
    ]);
  });

  it('does not depend on dimension order', () => {
    const order = ['Tid', 'Bokommuen', 'ContentsCode', 'ArbstedKomm'];
    // row-major over [Bokommuen, ArbstedKomm]
    const r = odFromJsonStat(
      response03321(work, residence, [9000, 0, 1009, 11000, 4, 2], { order }),
      { source },
    );
    expect(r.ok && r.flows.map((f) => [f.origin.code, f.destination.code, f.persons])).toEqual([
      ['3001', '3001', 9000],
      ['3003', '3001', 1009],
      ['3003', '3003', 11000],
    ]);
  });

  it.each([
    ['a negative count', [9000, -1, 0, 0, 0, 0], {}, /whole number ≥ 0, got -1/, 'value'],
    ['a fractional count', [9000, 1.5, 0, 0, 0, 0], {}, /got 1\.5/, 'value'],
    [
      'two statistics and no choice',
      [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      { contents: ['Sysselsatte', 'Andel'] },
      /choose one/,
      'dimension.ContentsCode',
    ],
    ['a period that is not a year', [1, 1, 1, 1, 1, 1], { years: ['2022K4'] }, /not a year/, 'Tid'],
  ] as const)('reports %s with its field', (_n, values, extra, message, field) => {
    const r = odFromJsonStat(response03321(work, residence, [...values], extra), { source });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ field, message: expect.stringMatching(message) });
  });

  it('reports a missing residence dimension and unknown codes when asked to', () => {
    const doc = response03321(work, residence, [1, 1, 1, 1, 1, 1]);
    const r = odFromJsonStat(doc, { source, residenceDimension: 'Bosted' });
    expect(!r.ok && r.errors[0].message).toMatch(
      /no residence-municipality dimension \("Bosted"\)/,
    );
    const strict = odFromJsonStat(response03321([['3001', 'Halden']], [['3999', 'Nowhere']], [5]), {
      source,
      isKnownMunicipality: (c) => c !== '3999',
      unknownCodes: 'error',
    });
    expect(!strict.ok && strict.errors[0]).toMatchObject({
      field: 'Bokommuen',
      message: expect.stringMatching(/unknown municipality code "3999"/),
    });
  });

  it('skips suppressed (null) cells and says so', () => {
    const r = odFromJsonStat(response03321([['3001', 'Halden']], [['3003', 'Sarpsborg']], [null]), {
      source,
    });
    expect(r.ok && r.flows).toEqual([]);
    expect(r.ok && r.skipped[0].reason).toMatch(/no value/);
  });
});

describe.skipIf(!hasRaw)('real SSB 03321 matrices (../shared/data/raw)', () => {
  const entry = {
    id: 'x',
    url: 'https://example.org',
    licence: 'CC BY 4.0',
    attribution: 'SSB',
    description: '',
  };
  const spec2022 = DOMESTIC_SOURCES.find((s) => s.year === 2022)!;
  const csv2022 = hasRaw
    ? readFileSync(rawPath('no-commuting-2022-ssb03321-b2020.csv'), 'utf8')
    : '';
  const matrix = hasRaw ? compactDomestic(csv2022, spec2022, entry) : null;
  const flows2022: CommuterFlow[] = matrix ? expandCompactOd(matrix) : [];

  it('the compact 2022 matrix keeps the documented totals and border municipalities', () => {
    expect(matrix!.codes).toHaveLength(356);
    expect(flows2022.reduce((a, f) => a + f.persons, 0)).toBe(960424);
    const lives = matrix!.livesAndWorks!.reduce<number>((a, b) => a + (b ?? 0), 0);
    expect(lives).toBe(1849365);
    expect(matrix!.livesAndWorks![matrix!.codes.indexOf('0301')]).toBe(327755);
    const baerumOslo = flows2022.find(
      (f) => f.origin.code === '3024' && f.destination.code === '0301',
    );
    expect(baerumOslo?.persons).toBe(29502);
    const halden = summarizeArea(flows2022, m('3001'))[0];
    expect(halden).toMatchObject({ in: 3082, out: 4171 });
    expect(
      halden.largestOrigins.slice(0, 3).map((p) => [(p.end as AreaRef).code, p.persons]),
    ).toEqual([
      ['3003', 1009],
      ['3004', 803],
      ['3012', 239],
    ]);
    expect(summarizeArea(flows2022, m('0301'))[0].in).toBe(200366);
  });

  it('aggregates to counties and the country without losing anyone', () => {
    const county = aggregateFlows(flows2022, 'county');
    expect(county.ok).toBe(true);
    if (!county.ok) return;
    expect(county.flows.reduce((a, f) => a + f.persons, 0)).toBe(960424);
    const toOslo = county.flows.filter(
      (f) => f.destination.code === '03' && f.origin.code !== '03',
    );
    expect(toOslo.reduce((a, f) => a + f.persons, 0)).toBe(200366);
    const country = aggregateFlows(flows2022, 'country');
    expect(country.ok && country.flows).toHaveLength(1);
  });

  it('converts a JSON-stat response built from real cells exactly like the CSV', () => {
    const codes = ['3001', '3003', '3004', '3012', '3013'];
    const cell = new Map<string, number>();
    for (const line of csv2022.split('\n').slice(1)) {
      const [, w, r, p] = line.split(',');
      if (codes.includes(w) && codes.includes(r)) cell.set(`${w}>${r}`, Number(p));
    }
    const values = codes.flatMap((w) => codes.map((r) => cell.get(`${w}>${r}`) ?? 0));
    const names = codes.map((c) => [c, c] as [string, string]);
    const r = odFromJsonStat(response03321(names, names, values), { source });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const expected = [...cell]
      .filter(([, p]) => p > 0)
      .map(([k, p]) => `${k.split('>')[1]}>${k.split('>')[0]}:${p}`);
    expect(
      r.flows.map((f) => `${f.origin.code}>${f.destination.code}:${f.persons}`).sort(),
    ).toEqual(expected.sort());
  });

  it.skipIf(!existsSync(CROSSWALK))(
    'maps 2022 to the 2024 era: only Ålesund is kept at county, nobody is lost',
    () => {
      const cw = JSON.parse(readFileSync(CROSSWALK, 'utf8')) as NoCrosswalk;
      const r = applyNoCrosswalk(flows2022, crosswalkLookup(indexCrosswalk(cw)));
      expect(r.flows.reduce((a, f) => a + f.persons, 0)).toBe(960424);
      expect(new Set(r.report.map((e) => e.code))).toEqual(new Set(['1507']));
      expect(r.report.every((e) => e.outcome === 'county')).toBe(true);
      const halden = r.flows.find((f) => f.origin.code === '3003' || f.origin.code === '3105');
      expect(halden?.origin.era).toBe('2024');
      expect(r.flows.some((f) => f.origin.code === '3001')).toBe(false);
      expect(
        r.flows.find((f) => f.origin.code === '3105' && f.destination.code === '3101')?.persons,
      ).toBe(1009);
    },
  );

  it('the 2017 FHI conversion is marked as converted, with no same-municipality totals', () => {
    const spec = DOMESTIC_SOURCES.find((s) => s.year === 2017)!;
    const m2017 = compactDomestic(
      readFileSync(rawPath('no-commuting-2017-b2020-fhi.csv'), 'utf8'),
      spec,
      entry,
    );
    expect(m2017.conversion).toMatch(/Folkehelseinstituttet/);
    expect(m2017.livesAndWorks).toBeNull();
    expect(m2017.era).toBe('2020');
    expect(m2017.persons.some((p) => !Number.isInteger(p))).toBe(true);
  });
});
