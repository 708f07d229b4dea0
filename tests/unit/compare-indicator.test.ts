/**
 * "Compare with year…" on the indicator layer: the change per area between two years, with the
 * real project indicators (projects led from each municipality, per programme period). An area
 * with a value in one year only has no change — never a change from or to zero.
 */
import { describe, expect, it } from 'vitest';
import { realProjects } from './projects-fixture';
import { projectIndicators } from '../../src/lib/layers/projects/logic';
import {
  areaChanges,
  changeClasses,
  changePalette,
  changeUnit,
  indicatorChange,
  replacementYear,
  yearsWithoutData,
} from '../../src/lib/domain/indicatorChange';
import { compareSpan } from '../../src/lib/domain/yearChange';
import { classLabels } from '../../src/lib/layers/indicator/legend';
import { formatNumber } from '../../src/lib/i18n/translate';
import type { Indicator } from '../../src/lib/domain/classification';

const indicators = projectIndicators(realProjects(), {
  label: 'test',
  url: 'https://example.org/',
});
const byMunicipality = indicators.find((i) => i.id === 'projects-count-municipality')!;
const span = { from: 2008, to: 2014 };
const KARLSTAD = 'SE-municipality-1780-se';
const STROMSTAD = 'SE-municipality-1486-se';
const ARVIKA = 'SE-municipality-1784-se';
/** Every Swedish and 2024-era Norwegian municipality the indicator names in either year. */
const keys = [
  ...new Set([2008, 2014].flatMap((y) => [...byMunicipality.valuesByYear.get(y)!.keys()])),
].filter((k) => !k.endsWith('-2020'));

describe('compareSpan', () => {
  it('is later minus earlier, whichever handle is which', () => {
    expect(compareSpan(2014, 2008)).toEqual({ from: 2008, to: 2014 });
    expect(compareSpan(2008, 2014)).toEqual({ from: 2008, to: 2014 });
  });

  it('is off without a compare year or with the same year twice', () => {
    expect(compareSpan(2014, null)).toBeNull();
    expect(compareSpan(2014, 2014)).toBeNull();
  });
});

describe('change per area (real project counts, 2007–2013 vs 2014–2020)', () => {
  const changes = areaChanges(byMunicipality, span, keys);
  const value = (year: number, key: string) => byMunicipality.valuesByYear.get(year)!.get(key);

  it('is the later value minus the earlier one, with both values kept', () => {
    const karlstad = changes.get(KARLSTAD)!;
    expect(karlstad.before).toBe(value(2008, KARLSTAD));
    expect(karlstad.after).toBe(value(2014, KARLSTAD));
    expect(karlstad.change).toBe(value(2014, KARLSTAD)! - value(2008, KARLSTAD)!);
    expect(karlstad.change).toBeGreaterThan(0);
  });

  it('is no data where one year has no value, never the other value as a change from 0', () => {
    // Strömstad led projects in 2014–2020 only.
    expect(value(2008, STROMSTAD)).toBeUndefined();
    expect(value(2014, STROMSTAD)).toBeGreaterThan(0);
    expect(changes.get(STROMSTAD)).toEqual({
      before: null,
      after: value(2014, STROMSTAD),
      change: null,
    });
    // An area absent from both years, too.
    expect(
      areaChanges(byMunicipality, span, ['SE-municipality-0114-se']).get('SE-municipality-0114-se'),
    ).toEqual({
      before: null,
      after: null,
      change: null,
    });
  });

  it('is the same whichever year the main handle is on', () => {
    const reversed = compareSpan(2008, 2014)!;
    expect(areaChanges(byMunicipality, reversed, [KARLSTAD]).get(KARLSTAD)).toEqual(
      changes.get(KARLSTAD),
    );
  });

  it('classes every change and counts one-year areas as no data', () => {
    const result = indicatorChange(byMunicipality, span, keys, {
      method: 'quantile',
      classes: 5,
      palette: 'viridis',
    });
    const withChange = [...result.areas.values()].filter((a) => a.change !== null);
    const oneYear = [...result.areas.values()].filter(
      (a) => (a.before === null) !== (a.after === null),
    );
    expect(oneYear.length).toBeGreaterThan(0);
    const classes = result.classes;
    if (!classes.ok) throw new Error('classified');
    expect(classes.noData.count).toBe(keys.length - withChange.length);
    expect(classes.entries.reduce((n, e) => n + e.count, 0)).toBe(withChange.length);
    // Unchanged counts (1 → 1) are the neutral middle class; no decline in this data.
    const zeros = withChange.filter((a) => a.change === 0).length;
    expect(zeros).toBeGreaterThan(0);
    expect(classes.entries.find((e) => e.kind === 'no-change')?.count).toBe(zeros);
    expect(classes.entries.some((e) => e.kind === 'decline')).toBe(false);
    // Karlstad's change is in the class that holds it; Arvika (2014–2020 only) gets no class.
    const karlstad = result.areas.get(KARLSTAD)!.change!;
    const fill = classes.colourFor(karlstad);
    expect(fill.kind).toBe('class');
    const entry = classes.entries.find((e) => fill.kind === 'class' && e.colour === fill.colour)!;
    expect(karlstad).toBeGreaterThan(entry.from);
    expect(karlstad).toBeLessThanOrEqual(entry.to);
    expect(classes.colourFor(result.areas.get(ARVIKA)!.change)).toEqual({ kind: 'no-data' });
    expect(result.unit).toBe('projects');
    expect(result.missingYears).toEqual([]);
  });
});

describe('change classes', () => {
  const options = { method: 'equal-interval' as const, classes: 4, palette: 'PuOr' as const };

  it('are symmetric around zero: a decline and a growth of the same size look alike', () => {
    const c = changeClasses([-10, -4, 0, 3, 10, null], options);
    if (!c.ok) throw new Error('classified');
    expect(c.entries.map((e) => [e.kind, e.from, e.to])).toEqual([
      ['decline', -10, -6.5],
      ['decline', -6.5, -3],
      ['no-change', 0, 0],
      ['growth', 3, 6.5],
      ['growth', 6.5, 10],
    ]);
    expect(c.noData.count).toBe(1);
    expect(c.palette).toBe('PuOr');
    // Same distance from the neutral middle on each arm: different hue, mirrored lightness.
    expect(c.colourFor(-10)).not.toEqual(c.colourFor(10));
    expect(c.colourFor(-4)).toEqual({ kind: 'class', classIndex: 1, colour: c.entries[1].colour });
    expect(c.colourFor(null)).toEqual({ kind: 'no-data' });
    expect(c.colourFor(NaN)).toEqual({ kind: 'no-data' });
  });

  it('label with a sign in the language’s number format', () => {
    const c = changeClasses([-1.5, 2.25], { ...options, classes: 2 });
    if (!c.ok) throw new Error('classified');
    const sv = (n: number, o?: Intl.NumberFormatOptions) =>
      formatNumber('sv', n, { ...o, signDisplay: 'exceptZero' });
    expect(classLabels(c, sv).map((l) => l.replace(/\u2212/g, '-'))).toEqual([
      '-2,25 – -1,50',
      '+1,50 – +2,25',
    ]);
  });

  it('read manual breaks as distances from zero', () => {
    const c = changeClasses([-7, -1, 2, 9], { ...options, method: 'manual', manualBreaks: [2, 5] });
    if (!c.ok) throw new Error('classified');
    expect(c.entries.map((e) => [e.from, e.to])).toEqual([
      [-9, -5],
      [-5, -2],
      [-2, -1],
      [1, 2],
      [2, 5],
      [5, 9],
    ]);
  });

  it('use a diverging palette even when the map’s palette is sequential', () => {
    expect(changePalette('viridis')).toBe('RdBu');
    expect(changePalette('BrBG')).toBe('BrBG');
  });

  it('say "no values" when no area has both years', () => {
    expect(changeClasses([null, undefined], options)).toMatchObject({
      ok: false,
      reason: 'no-values',
      noData: { count: 2 },
    });
  });
});

describe('years and units', () => {
  it('name the years of a span without any value, and a year to show instead', () => {
    expect(yearsWithoutData(byMunicipality, { from: 2004, to: 2014 })).toEqual([2004]);
    // 2007 is the first year with project figures; 2014 is the other end, so never offered.
    expect(replacementYear(byMunicipality, { from: 2004, to: 2014 }, 2004)).toBe(2007);
    const oneYear: Indicator = {
      ...byMunicipality,
      valuesByYear: new Map([[2020, new Map([[KARLSTAD, 1]])]]),
    };
    expect(replacementYear(oneYear, { from: 2010, to: 2020 }, 2010)).toBeNull();
  });

  it('counts a change of a percentage in percentage points', () => {
    expect(changeUnit('percent')).toBe('percentage_points');
    expect(changeUnit('EUR')).toBe('EUR');
  });
});
