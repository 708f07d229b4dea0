import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crossBorderDataset } from '../../scripts/commuting/build';
import { expandCompactOd, type CompactOdMatrix } from '../../src/lib/domain/commuting';
import type { AreaRef } from '../../src/lib/domain/areas';
import { commutingSettings } from '../../src/lib/layers/commuting/settings';
import {
  COLUMNS_SINGLE,
  chooseMeasure,
  flowSelection,
  flowsOfPair,
  locationSelection,
  rowsFromDifferences,
  rowsFromFlows,
  viewDifferences,
  viewFlows,
} from '../../src/lib/layers/commuting/model';
import { sortRows, tableCsv } from '../../src/lib/layers/flows/table';

const read = (f: string): string =>
  readFileSync(new URL(`../../data/commuting/${f}`, import.meta.url), 'utf8');
const published = crossBorderDataset(
  read('cross-border.csv'),
  read('cross-border-shares.csv'),
).flows;
const defaults = commutingSettings.defaults;
const name = (a: AreaRef) => (a.level === 'country' ? a.country : `${a.code}`);

describe('flows shown for a year', () => {
  it('2008: the three register figures, one measure, largest first', () => {
    const v = viewFlows({ published, domestic: null, year: 2008, settings: defaults });
    expect(v.measure).toBe('main-job-register');
    expect(v.flows.map((f) => f.persons)).toEqual([1000, 790, 100]);
    expect(new Set(v.flows.map((f) => f.measure.key))).toEqual(new Set(['main-job-register']));
  });

  it('never mixes measures: 2015 has two for Sweden → Norway, "auto" shows one', () => {
    const v = viewFlows({ published, domestic: null, year: 2015, settings: defaults });
    expect(v.measures).toEqual(['nordic-mobility-employees', 'non-resident-employees-q4']);
    expect(v.flows.every((f) => f.measure.key === 'nordic-mobility-employees')).toBe(true);
    const other = viewFlows({
      published,
      domestic: null,
      year: 2015,
      settings: { ...defaults, measure: 'non-resident-employees-q4' },
    });
    expect(other.flows.map((f) => f.persons)).toEqual([21400]);
    // A measure the year lacks falls back to the preferred one instead of showing nothing.
    expect(chooseMeasure(v.measures, 'reported-daily')).toBe('nordic-mobility-employees');
  });

  it('direction, level, minimum and top-N filter what is shown', () => {
    const se = viewFlows({
      published,
      domestic: null,
      year: 2008,
      settings: { ...defaults, direction: 'SE->NO' },
    });
    expect(se.flows.every((f) => f.origin.country === 'SE')).toBe(true);
    const municipal = viewFlows({
      published,
      domestic: null,
      year: 2008,
      settings: { ...defaults, level: 'municipality', minPersons: 200 },
    });
    expect(municipal.flows.map((f) => f.origin.code)).toEqual(['1486']);
    const top = viewFlows({
      published,
      domestic: null,
      year: 2008,
      settings: { ...defaults, topN: 1 },
    });
    expect(top.flows).toHaveLength(1);
    expect(top.matched).toBe(3);
  });

  it('adds the Norwegian matrix only for "all flows", aggregated by level', () => {
    const matrix = JSON.parse(
      readFileSync(
        new URL('../../public/generated/commuting-no-2022.json', import.meta.url),
        'utf8',
      ),
    ) as CompactOdMatrix;
    const domestic = expandCompactOd(matrix);
    const cross = viewFlows({ published, domestic, year: 2022, settings: defaults });
    expect(cross.flows).toEqual([]);
    const all = viewFlows({
      published,
      domestic,
      year: 2022,
      settings: { ...defaults, scope: 'all', topN: 5 },
    });
    expect(all.matched).toBe(domestic.length);
    const counties = viewFlows({
      published,
      domestic,
      year: 2022,
      settings: { ...defaults, scope: 'all', level: 'county', topN: 1000 },
    });
    expect(counties.flows.every((f) => f.origin.level === 'county')).toBe(true);
    expect(counties.flows.every((f) => f.origin.code !== f.destination.code)).toBe(true);
  });
});

describe('compare mode', () => {
  it('published pairs compare only where both years have a figure (missing is not zero)', () => {
    const at = (year: number) =>
      viewFlows({
        published,
        domestic: null,
        year,
        settings: { ...defaults, topN: 1000 },
      });
    const d = viewDifferences(at(2008), at(2009), 100);
    // Norway → Sweden 1000 → 800; Strömstad has no 2009 figure, so it is not a decline to 0.
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ before: 1000, after: 800, change: -200 });
    const rows = rowsFromDifferences(d, name);
    expect(rows[0]).toMatchObject({ origin: 'NO', destination: 'SE', change: -200 });
  });
});

describe('table and CSV', () => {
  const v = viewFlows({ published, domestic: null, year: 2008, settings: defaults });
  const rows = rowsFromFlows(v.flows, name);
  const header = {
    origin: 'Bor i',
    destination: 'Arbetar i',
    persons: 'Personer',
    measure: 'Vad som räknades',
    before: '',
    after: '',
    change: '',
  };

  it('sorts by any column, numbers numerically and text by the language', () => {
    expect(sortRows(rows, 'persons', 'ascending', 'sv').map((r) => r.persons)).toEqual([
      100, 790, 1000,
    ]);
    const names = rowsFromFlows(v.flows, (a) =>
      a.code === '1486' ? 'Strömstad' : a.code === '1438' ? 'Dals-Ed' : 'Norge',
    );
    expect(sortRows(names, 'origin', 'ascending', 'sv').map((r) => r.origin)).toEqual([
      'Dals-Ed',
      'Norge',
      'Strömstad',
    ]);
  });

  it('writes the rows shown: BOM, header, plain numbers, no formulas', () => {
    const csv = tableCsv(COLUMNS_SINGLE, header, rows, (k) => `m:${k}`);
    expect(csv.startsWith('\uFEFFBor i,Arbetar i,Personer,Vad som räknades\r\n')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(rows.length + 1);
    expect(lines[1]).toBe('NO,SE,1000,m:main-job-register');
    const evil = tableCsv(['origin'], header, [{ ...rows[0], origin: '=HYPERLINK("x")' }]);
    expect(evil).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe('map picking → view', () => {
  it('a flow between two areas selects it; clusters and junk select nothing', () => {
    expect(flowSelection('SE-municipality-1486-se', 'NO-country-NO-2024')).toEqual({
      kind: 'flow',
      layer: 'commuting',
      origin: 'SE-municipality-1486-se',
      destination: 'NO-country-NO-2024',
    });
    expect(flowSelection('cluster-3-17', 'NO-country-NO-2024')).toBeNull();
    expect(flowSelection(42, 'NO-country-NO-2024')).toBeNull();
  });

  it('a location selects its area, but a whole country is not an area selection', () => {
    expect(locationSelection('SE-municipality-1486-se')).toEqual({
      kind: 'area',
      area: { country: 'SE', level: 'municipality', code: '1486', era: 'se' },
    });
    expect(locationSelection('SE-country-SE-se')).toBeNull();
  });

  it('finds the figures of a selected pair', () => {
    const flows = published.filter((f) => f.year === 2003);
    expect(
      flowsOfPair(flows, 'NO-country-NO-2020', 'SE-country-SE-se').map((f) => f.measure.key),
    ).toEqual(['main-job-register', 'reported-daily']);
  });
});

describe('top-N on a big matrix', () => {
  it('fastTop gives exactly what topFlows gives, ties included', async () => {
    const { topFlows } = await import('../../src/lib/domain/commuting');
    const { fastTop } = await import('../../src/lib/layers/commuting/model');
    const matrix = JSON.parse(
      readFileSync(
        new URL('../../public/generated/commuting-no-2022.json', import.meta.url),
        'utf8',
      ),
    ) as CompactOdMatrix;
    const flows = expandCompactOd(matrix);
    for (const n of [1, 10, 100, 1000, 5000]) expect(fastTop(flows, n)).toEqual(topFlows(flows, n));
  });
});
