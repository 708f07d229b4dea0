import { describe, expect, it } from 'vitest';
import {
  classLabels,
  fractionDigits,
  indicatorGeography,
  toRgba,
} from '../../src/lib/layers/indicator/legend';
import { buildChoropleth, type Indicator } from '../../src/lib/domain/classification';
import { formatNumber } from '../../src/lib/i18n/translate';

const sv = (n: number, o?: Intl.NumberFormatOptions) => formatNumber('sv', n, o);
const en = (n: number, o?: Intl.NumberFormatOptions) => formatNumber('en', n, o);

describe('legend labels', () => {
  it('uses as many decimals as the breaks need, in the language’s format', () => {
    const c = buildChoropleth([0.74, 1.36, 2.47, 2.89, 17.06], {
      unit: 'EUR_million',
      method: 'manual',
      manualBreaks: [1, 2.5],
    });
    if (!c.ok) throw new Error('classified');
    expect(classLabels(c.legend, en)).toEqual(['0.74 – 1.00', '1.00 – 2.50', '2.50 – 17.06']);
    expect(classLabels(c.legend, sv)).toEqual(['0,74 – 1,00', '1,00 – 2,50', '2,50 – 17,06']);
  });

  it('shows whole numbers without decimals and with grouping', () => {
    const c = buildChoropleth([1200, 5400, 15000, 22000], {
      unit: 'persons',
      method: 'manual',
      manualBreaks: [5000, 10000],
    });
    if (!c.ok) throw new Error('classified');
    expect(classLabels(c.legend, en)).toEqual([
      '1,200 – 5,000',
      '5,000 – 10,000',
      '10,000 – 22,000',
    ]);
    expect(classLabels(c.legend, sv)[2]).toBe('10\u00a0000 – 22\u00a0000');
  });

  it('labels a class of one value with that value', () => {
    const c = buildChoropleth([3, 3, 3, null], {
      unit: 'projects',
      method: 'quantile',
      classes: 4,
    });
    if (!c.ok) throw new Error('classified');
    expect(classLabels(c.legend, en)).toEqual(['3']);
    expect(c.legend.noData.count).toBe(1);
  });

  it('chooses decimals from the smallest step', () => {
    expect(fractionDigits([0, 10, 20])).toBe(0);
    expect(fractionDigits([0.5, 1.36, 2.7])).toBe(2);
    expect(fractionDigits([0.001, 0.004])).toBe(4);
  });
});

describe('map colours', () => {
  it('reads the colour forms d3-scale-chromatic returns', () => {
    expect(toRgba('#d9d9d9', 170)).toEqual([217, 217, 217, 170]);
    expect(toRgba('rgb(68, 1, 84)')).toEqual([68, 1, 84, 255]);
    expect(toRgba('not a colour', 10)).toEqual([128, 128, 128, 10]);
  });
});

describe('where an indicator is drawn', () => {
  const indicator = (keys: string[]): Indicator => ({
    id: 'x',
    title: { text: 'x' },
    unit: 'projects',
    source: { label: 's', url: 'https://example.org' },
    valuesByYear: new Map([[2020, new Map(keys.map((k) => [k, 1]))]]),
  });

  it('takes the level and Norwegian era of the keys', () => {
    expect(
      indicatorGeography(
        indicator(['SE-county-17-se', 'NO-county-34-2020', 'NO-county-30-2020']),
        '2024',
      ),
    ).toEqual({ level: 'county', era: '2020' });
    expect(indicatorGeography(indicator(['SE-municipality-1780-se']), '2024')).toEqual({
      level: 'municipality',
      era: '2024',
    });
    expect(indicatorGeography(indicator(['nonsense']), '2024')).toBeNull();
  });
});
