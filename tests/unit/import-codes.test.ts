import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CodeIndex, splitCode } from '../../src/lib/data/import/codes';
import type { KnownCodes } from '../../src/lib/data/import/types';
import { KNOWN } from '../fixtures/import/corpus';

describe('area codes in both Norwegian eras', () => {
  it('3001 is Halden of 2020–2023, 3101 Halden of 2024–', () => {
    const idx = new CodeIndex(KNOWN);
    expect(idx.resolve('3001', null)).toEqual({ ok: true, key: 'NO-municipality-3001-2020' });
    expect(idx.resolve('3101', null)).toEqual({ ok: true, key: 'NO-municipality-3101-2024' });
    expect(idx.resolve('30', null)).toEqual({ ok: true, key: 'NO-county-30-2020' });
    expect(idx.resolve('31', null)).toEqual({ ok: true, key: 'NO-county-31-2024' });
  });

  it('a code of both eras (Oslo 0301) takes the era of the row year', () => {
    const idx = new CodeIndex(KNOWN);
    idx.learn(['0301']);
    expect(idx.resolve('0301', 2021)).toMatchObject({ key: 'NO-municipality-0301-2020' });
    expect(idx.resolve('0301', 2024)).toMatchObject({ key: 'NO-municipality-0301-2024' });
    expect(idx.resolve('301', 2024)).toMatchObject({ key: 'NO-municipality-0301-2024' });
  });

  it('without a year, the era the rest of the file uses', () => {
    const idx = new CodeIndex(KNOWN);
    idx.learn(['3001', '3002', '0301']);
    expect(idx.resolve('0301', null)).toMatchObject({ key: 'NO-municipality-0301-2020' });
  });

  it('digits of both countries (1860 Laxå / Vestvågøy, 03 Uppsala / Oslo) need the file or a prefix', () => {
    const idx = new CodeIndex(KNOWN);
    expect(idx.resolve('1860', null)).toEqual({ ok: false, reason: 'ambiguous', code: '1860' });
    expect(idx.resolve('SE1860', null)).toMatchObject({ key: 'SE-municipality-1860-se' });
    expect(idx.resolve('NO-1860', 2024)).toMatchObject({ key: 'NO-municipality-1860-2024' });
    expect(idx.resolve('1860', null, 'SE')).toMatchObject({ key: 'SE-municipality-1860-se' });
    idx.learn(['1780', '1737', '1860']);
    expect(idx.resolve('1860', null)).toMatchObject({ key: 'SE-municipality-1860-se' });
    expect(idx.resolve('03', null)).toMatchObject({ key: 'SE-county-03-se' });
  });

  it('full area keys, labels after the code, and unknown codes', () => {
    const idx = new CodeIndex(KNOWN);
    expect(idx.resolve('NO-municipality-3101-2024', null)).toMatchObject({ ok: true });
    expect(idx.resolve('NO-municipality-3101-2020', null)).toMatchObject({
      ok: false,
      reason: 'unknown',
    });
    expect(idx.resolve('1780 Karlstad', null)).toMatchObject({ key: 'SE-municipality-1780-se' });
    expect(idx.resolve('9999', null)).toMatchObject({ ok: false, reason: 'unknown' });
    expect(idx.resolve('Karlstad', null)).toMatchObject({ ok: false, reason: 'unknown' });
    expect(splitCode('12345')).toBeNull();
  });

  const crosswalk = new URL('../../public/generated/crosswalk-no-2020-2024.json', import.meta.url);
  it.skipIf(!existsSync(crosswalk))(
    'the real crosswalk: 3001 → 2020 only, 3101 → 2024 only',
    () => {
      const cw = JSON.parse(readFileSync(crosswalk, 'utf8')) as {
        entries: { level: 'county' | 'municipality'; from: string; to: string[] }[];
      };
      const known: KnownCodes = {
        se: { county: [], municipality: [] },
        no2020: { county: [], municipality: [] },
        no2024: { county: [], municipality: [] },
      };
      for (const e of cw.entries) {
        known.no2020[e.level].push(e.from);
        known.no2024[e.level].push(...e.to);
      }
      expect(known.no2020.municipality).toHaveLength(356);
      const idx = new CodeIndex(known);
      expect(idx.resolve('3001', null)).toMatchObject({ key: 'NO-municipality-3001-2020' });
      expect(idx.resolve('3101', null)).toMatchObject({ key: 'NO-municipality-3101-2024' });
      expect(idx.resolve('5001', 2022)).toMatchObject({ key: 'NO-municipality-5001-2020' });
    },
  );
});
