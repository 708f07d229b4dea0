import { describe, expect, it } from 'vitest';
import { interpolatePuOr } from 'd3-scale-chromatic';
import {
  buildChoropleth,
  classify,
  classIndex,
  DIVERGING_PALETTES,
  indicatorChoropleth,
  pickYear,
  sequentialColours,
  type Indicator,
} from '../../src/lib/domain/classification';

/**
 * California employment density (employees per km², 58 counties): the example data set of PySAL
 * mapclassify (`mapclassify.load_example()`, calempdensity.csv; values as copied in
 * riatelab/statsbreaks test/test-data.js). Published results used below:
 * - FisherJenks(cal, k=5): bins [75.29, 192.05, 370.5, 722.85, 4111.45], counts [49, 3, 4, 1, 1]
 *   (mapclassify docstring; statsbreaks jenks test: [0.13, 75.29, 192.05, 370.50, 722.85, 4111.45]).
 * - Quantiles(cal, k=5): bins [1.464, 5.798, 13.278, 54.616, 4111.45], counts [12, 11, 12, 11, 12].
 * - Equal_Interval(cal, k=5): bins [822.394, 1644.658, 2466.922, 3289.186, 4111.45], counts [57, 0, 0, 0, 1]
 *   (PySAL esda test_mapclassify.py).
 */
const CAL = [
  329.92, 0.42, 5.9, 14.03, 2.78, 1.34, 181.27, 1.65, 10.03, 16.7, 1.32, 3.99, 3.16, 0.22, 8.7,
  6.56, 3.27, 0.33, 370.5, 4.51, 75.29, 0.99, 2.74, 8.68, 0.14, 0.92, 12.63, 28.7, 12.02, 722.85,
  36.68, 0.74, 29.82, 192.05, 3.38, 11.15, 110.74, 4111.45, 49.47, 10.33, 317.11, 20.47, 264.93,
  66.26, 5.39, 0.13, 0.61, 50.65, 40.48, 36.67, 13.09, 1.81, 0.2, 7.6, 2.51, 57.26, 24.32, 6.97,
];

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
}

describe('classify', () => {
  it('Jenks natural breaks reproduce the published mapclassify FisherJenks result', () => {
    expect(CAL).toHaveLength(58);
    const r = ok(classify(CAL, { method: 'jenks', classes: 5 }));
    expect(r.breaks).toEqual([0.13, 75.29, 192.05, 370.5, 722.85, 4111.45]);
    expect(r.counts).toEqual([49, 3, 4, 1, 1]);
  });

  it('quantile breaks match mapclassify Quantiles (R-7 interpolation) and balance the classes', () => {
    const r = ok(classify(CAL, { method: 'quantile', classes: 5 }));
    const expected = [0.13, 1.464, 5.798, 13.278, 54.616, 4111.45];
    r.breaks.forEach((b, i) => expect(b).toBeCloseTo(expected[i], 3));
    expect(r.counts).toEqual([12, 11, 12, 11, 12]);
  });

  it('equal-interval breaks match the PySAL test', () => {
    const r = ok(classify(CAL, { method: 'equal-interval', classes: 5 }));
    const expected = [0.13, 822.394, 1644.658, 2466.922, 3289.186, 4111.45];
    r.breaks.forEach((b, i) => expect(b).toBeCloseTo(expected[i], 6));
    expect(r.counts).toEqual([57, 0, 0, 0, 1]);
  });

  it('manual breaks are used as given, with the data range as outer bounds', () => {
    const r = ok(classify([5, 15, 25, 150], { method: 'manual', manualBreaks: [10, 100] }));
    expect(r.breaks).toEqual([5, 10, 100, 150]);
    expect(r.counts).toEqual([1, 2, 1]);
    expect(classify([1, 2], { method: 'manual', manualBreaks: [10, 5] })).toEqual({
      ok: false,
      reason: 'invalid-manual-breaks',
    });
  });

  it('ignores missing values instead of treating them as zero', () => {
    const withGaps = [null, 10, undefined, 20, Number.NaN, 30, 40];
    const r = ok(classify(withGaps, { method: 'equal-interval', classes: 3 }));
    expect(r.breaks[0]).toBe(10); // a zero would have pulled the minimum down
    expect(r.counts.reduce((a, b) => a + b, 0)).toBe(4);
    expect(classify([null, undefined, Number.NaN], { method: 'jenks' })).toEqual({
      ok: false,
      reason: 'no-values',
    });
  });

  it('reduces the number of classes when there are fewer distinct values', () => {
    const r = ok(classify([1, 1, 2, 2], { method: 'jenks', classes: 5 }));
    expect(r.breaks).toEqual([1, 1, 2]);
    expect(r.reduced).toBe(true);
  });

  it('puts values on a break in the lower class (upper bounds inclusive)', () => {
    const breaks = [0, 10, 20];
    expect(classIndex(breaks, 0)).toBe(0);
    expect(classIndex(breaks, 10)).toBe(0);
    expect(classIndex(breaks, 10.0001)).toBe(1);
    expect(classIndex(breaks, 99)).toBe(1);
    expect(classIndex(breaks, null)).toBeNull();
  });
});

describe('choropleth and legend', () => {
  it('colours null, undefined and NaN as no data, and 0 as a value', () => {
    const c = ok(
      buildChoropleth([0, 5, 10, null], { method: 'equal-interval', classes: 2, unit: 'persons' }),
    );
    expect(c.colourFor(null)).toEqual({ kind: 'no-data' });
    expect(c.colourFor(undefined)).toEqual({ kind: 'no-data' });
    expect(c.colourFor(Number.NaN)).toEqual({ kind: 'no-data' });
    expect(c.colourFor(0)).toMatchObject({ kind: 'class', classIndex: 0 });
    expect(c.legend.noData.count).toBe(1);
  });

  it('legend lists the class breaks with the unit key, and changes with the method', () => {
    const jenks = ok(buildChoropleth(CAL, { method: 'jenks', classes: 5, unit: 'persons' }));
    const eq = ok(buildChoropleth(CAL, { method: 'equal-interval', classes: 5, unit: 'persons' }));
    expect(jenks.legend.unit).toBe('persons');
    expect(jenks.legend.entries.map((e) => [e.from, e.to])).toEqual([
      [0.13, 75.29],
      [75.29, 192.05],
      [192.05, 370.5],
      [370.5, 722.85],
      [722.85, 4111.45],
    ]);
    expect(jenks.legend.entries[0].lowerInclusive).toBe(true);
    expect(jenks.legend.entries[1].lowerInclusive).toBe(false);
    expect(eq.legend.breaks).not.toEqual(jenks.legend.breaks);
    expect(new Set(jenks.legend.entries.map((e) => e.colour)).size).toBe(5);
  });

  it('sequential ColorBrewer colours go from light to dark', () => {
    const [first, , , , last] = sequentialColours('Blues', 5);
    const lum = (hex: string) => {
      const n = parseInt(hex.slice(1), 16);
      return 0.2126 * (n >> 16) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255);
    };
    expect(lum(first)).toBeGreaterThan(lum(last));
  });

  it('diverging palettes put the neutral colour on the class that holds the midpoint', () => {
    expect(DIVERGING_PALETTES).not.toContain('RdYlGn');
    const c = ok(
      buildChoropleth([-10, -5, 1, 5, 10], {
        method: 'manual',
        manualBreaks: [-6, -1, 2, 6],
        unit: 'percent_change',
        palette: 'PuOr',
      }),
    );
    const colours = c.legend.entries.map((e) => e.colour);
    // Classes: [-10,-6], (-6,-1], (-1,2] contains 0, (2,6], (6,10]
    expect(colours[2]).toBe(interpolatePuOr(0.5));
    expect(new Set(colours).size).toBe(5);
    expect(colours[0]).toBe(interpolatePuOr(0.05));
    expect(colours[4]).toBe(interpolatePuOr(0.95));
  });

  it('reports an error value, with a no-data count, when no area has a value', () => {
    const c = buildChoropleth([null, null], { method: 'quantile', unit: 'enterprises' });
    expect(c.ok).toBe(false);
    expect(c.legend.noData.count).toBe(2);
  });
});

describe('indicator years', () => {
  const ind: Indicator = {
    id: 'test',
    title: { text: 'Test' },
    unit: 'projects',
    source: { label: 'test', url: 'https://example.org' },
    valuesByYear: new Map([
      [
        2018,
        new Map([
          ['SE-county-17-se', 3],
          ['SE-county-14-se', 9],
        ]),
      ],
      [
        2020,
        new Map([
          ['SE-county-17-se', 5],
          ['SE-county-14-se', null],
        ]),
      ],
      [2022, new Map([['SE-county-17-se', null]])],
    ]),
  };

  it('says when there is no data for the chosen year and suggests the nearest year', () => {
    const pick = pickYear(ind, 2022); // the year exists but holds only nulls
    expect(pick.status).toBe('no-data-for-year');
    if (pick.status === 'no-data-for-year') {
      expect(pick.availableYears).toEqual([2018, 2020]);
      expect(pick.nearest).toBe(2020);
    }
  });

  it('areas missing from the indicator are counted as no data', () => {
    const { pick, choropleth } = indicatorChoropleth(
      ind,
      2020,
      ['SE-county-17-se', 'SE-county-14-se', 'SE-county-20-se'],
      { method: 'equal-interval', classes: 2 },
    );
    expect(pick.status).toBe('ok');
    expect(choropleth.legend.noData.count).toBe(2);
  });

  it('fixed breaks across years keep the breaks while counts follow the year', () => {
    const { choropleth } = indicatorChoropleth(ind, 2020, ['SE-county-17-se', 'SE-county-14-se'], {
      method: 'equal-interval',
      classes: 2,
      fixedAcrossYears: true,
    });
    const c = ok(choropleth);
    expect(c.legend.breaks).toEqual([3, 6, 9]);
    expect(c.legend.entries.map((e) => e.count)).toEqual([1, 0]);
    expect(c.legend.noData.count).toBe(1);
  });
});
