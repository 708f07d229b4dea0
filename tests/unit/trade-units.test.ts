import { describe, expect, it } from 'vitest';
import {
  convertCurrency,
  isUnitKey,
  quantity,
  rescale,
  UNITS,
  type CitedRate,
} from '../../src/lib/domain/units';

describe('units', () => {
  it('keeps the unit a value was published in', () => {
    const q = quantity(162, 'SEK_billion');
    expect(q).toEqual({ value: 162, unit: 'SEK_billion' });
    expect(UNITS.SEK_billion).toMatchObject({ currency: 'SEK', scale: 1e9 });
    expect(isUnitKey('USD_million')).toBe(true);
    expect(isUnitKey('SEK bn')).toBe(false);
  });

  it('rescales within one currency exactly, but never across currencies or dimensions', () => {
    expect(rescale(quantity(137, 'SEK_billion'), 'SEK_million')?.value).toBe(137000);
    expect(rescale(quantity(1, 'SEK_billion'), 'NOK_million')).toBeNull();
    expect(rescale(quantity(4.6, 'kroner_billion'), 'kroner_million')).toBeNull();
    expect(rescale(quantity(3.7, 'million_tonnes'), 'tonnes')?.value).toBe(3_700_000);
    expect(rescale(quantity(5, 'vehicles_per_day'), 'vehicles_per_year')).toBeNull();
  });

  it('converts currency only with a cited rate for that year, and labels the result', () => {
    const rate: CitedRate = {
      from: 'USD',
      to: 'SEK',
      year: 2019,
      rate: 9.4604,
      source: { label: 'test rate', url: 'https://example.org/rates' },
    };
    const q = quantity(17173, 'USD_million');
    const r = convertCurrency(q, 2019, rate);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.quantity.unit).toBe('SEK_million');
    expect(r.quantity.value).toBeCloseTo(17173 * 9.4604, 6);
    expect(r.quantity.converted).toEqual({ original: { value: 17173, unit: 'USD_million' }, rate });
    expect(convertCurrency(q, 2018, rate)).toEqual({ ok: false, reason: 'no-rate-for-year' });
    expect(convertCurrency(quantity(1, 'NOK_million'), 2019, rate)).toEqual({
      ok: false,
      reason: 'currency-mismatch',
    });
    expect(convertCurrency(quantity(1, 'tonnes'), 2019, rate)).toEqual({
      ok: false,
      reason: 'not-money',
    });
  });

  it('a gap stays a gap through rescaling and conversion', () => {
    expect(rescale(quantity(null, 'SEK_billion'), 'SEK_million')?.value).toBeNull();
  });
});
