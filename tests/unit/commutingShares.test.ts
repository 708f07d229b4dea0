import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  countryShares,
  nearestShareYears,
  qualifierKey,
  shareNumber,
  sharesOfArea,
  sharesOfYear,
  shareSentenceKey,
  splitsKeptAtCounty,
} from '../../src/lib/domain/commutingShares';
import {
  applyNoCrosswalk,
  crosswalkLookup,
  type CrossBorderDataset,
  type PublishedShare,
} from '../../src/lib/domain/commuting';
import { indexCrosswalk, type NoCrosswalk } from '../../src/lib/domain/crosswalk';
import type { AreaRef } from '../../src/lib/domain/areas';
import { messages } from '../../src/lib/i18n/messages';
import { formatNumber, translate } from '../../src/lib/i18n/translate';

function generated<T>(file: string): T {
  const full = path.resolve(__dirname, '../../public/generated', file);
  if (!existsSync(full)) throw new Error(`${full} is missing: run npm run data first`);
  return JSON.parse(readFileSync(full, 'utf8')) as T;
}

const shares = generated<CrossBorderDataset>('commuting-cross-border.json').shares;
const crosswalkFile = generated<NoCrosswalk>('crosswalk-no-2020-2024.json');
const crosswalk = indexCrosswalk(crosswalkFile);

const se = (level: AreaRef['level'], code: string): AreaRef => ({
  country: 'SE',
  level,
  code,
  era: 'se',
});
const no = (level: AreaRef['level'], code: string, era: '2020' | '2024'): AreaRef => ({
  country: 'NO',
  level,
  code,
  era,
});
const strömstad = se('municipality', '1486');

/** A real row moved to another end: the data has no Norwegian end below country level yet. */
function withDestination(share: PublishedShare, destination: AreaRef): PublishedShare {
  return { ...share, destination, destinationName: destination.code };
}

describe('shares of an area', () => {
  it('finds Strömstad’s published shares by code, oldest first, on the side it is', () => {
    const found = sharesOfArea(shares, strömstad, crosswalk);
    expect(found.map((f) => [f.share.year, f.share.percent, f.share.kind, f.side])).toEqual([
      [2007, 12, 'share-of-employed', 'origin'],
      [2009, 15, 'employment-addition', 'origin'],
      [2014, 25, 'share-of-flow', 'destination'],
      [2023, 6, 'share-of-flow', 'origin'],
    ]);
    const [first] = found;
    expect(first.share).toMatchObject({ qualifier: 'exact', yearInferred: true });
    expect(first.share.source.url).toMatch(/^https:\/\/www\.nrk\.no\//);
    expect(found.every((f) => f.refersTo === null)).toBe(true);
  });

  it('keeps a county’s shares apart from its municipalities’', () => {
    const found = sharesOfArea(shares, se('county', '14'), crosswalk);
    expect(found.map((f) => [f.share.year, f.share.percent])).toEqual([
      [2008, 25],
      [2014, 25],
      [2023, 27],
    ]);
    expect(sharesOfArea(shares, se('county', '13'), crosswalk)).toEqual([]);
  });

  it('finds the rows with a Norwegian end (2020-era country codes) in either era', () => {
    const withNorway = shares.filter(
      (s) => s.origin.country === 'NO' || s.destination.country === 'NO',
    );
    expect(withNorway.every((s) => [s.origin, s.destination].some((e) => e.era === '2020'))).toBe(
      true,
    );
    for (const era of ['2020', '2024'] as const) {
      const found = sharesOfArea(shares, no('country', 'NO', era), crosswalk);
      expect(found).toHaveLength(withNorway.length);
      // Norway → Strömstad 2014: Norway is the origin.
      expect(found.find((f) => f.share.year === 2014 && f.share.kind === 'share-of-flow')).toEqual(
        expect.objectContaining({ side: 'origin' }),
      );
    }
    // Without the crosswalk countries still match: they are the same in every era.
    expect(sharesOfArea(shares, no('country', 'NO', '2024'), null)).toHaveLength(withNorway.length);
  });

  it('maps Norwegian municipality codes through the crosswalk', () => {
    const base = shares.find((s) => s.year === 2007 && s.origin.code === '1486')!;
    const toHalden2020 = withDestination(base, no('municipality', '3001', '2020'));
    const toÅlesund2020 = withDestination(base, no('municipality', '1507', '2020'));
    const toHalden2024 = withDestination(base, no('municipality', '3101', '2024'));
    const list = [toHalden2020, toÅlesund2020, toHalden2024];

    // Renumbered 3001 → 3101: the same municipality in either era.
    const halden2024 = sharesOfArea(list, no('municipality', '3101', '2024'), crosswalk);
    expect(halden2024.map((f) => [f.share, f.refersTo])).toEqual([
      [toHalden2020, null],
      [toHalden2024, null],
    ]);
    const halden2020 = sharesOfArea(list, no('municipality', '3001', '2020'), crosswalk);
    expect(halden2020.map((f) => f.share)).toEqual([toHalden2020, toHalden2024]);
    // Split 1507 → 1508 + 1580: each part is found, marked as referring to the former area.
    for (const part of ['1508', '1580']) {
      const found = sharesOfArea(list, no('municipality', part, '2024'), crosswalk);
      expect(found.map((f) => [f.share, f.refersTo])).toEqual([
        [toÅlesund2020, { code: '1507', era: '2020' }],
      ]);
    }
    // Without the crosswalk, codes of the other era are not guessed.
    expect(
      sharesOfArea(list, no('municipality', '3101', '2024'), null).map((f) => f.share),
    ).toEqual([toHalden2024]);
  });
});

describe('shares of the layer', () => {
  it('lists a year’s shares, whole countries first, then by code', () => {
    expect(sharesOfYear(shares, 2007).map((s) => [s.origin.code, s.percent, s.qualifier])).toEqual([
      ['1486', 12, 'exact'],
      ['1730', 10, 'over'],
      ['1765', 10, 'over'],
    ]);
    expect(sharesOfYear(shares, 2008).map((s) => s.origin.code)).toEqual(['SE', '14']);
    expect(sharesOfYear(shares, 2004)).toEqual([]);
  });

  it('offers the nearest years with shares on either side', () => {
    expect(nearestShareYears(shares, 2004)).toEqual({ before: 2001, after: 2007 });
    expect(nearestShareYears(shares, 2020)).toEqual({ before: 2015, after: 2023 });
    expect(nearestShareYears(shares, 2024)).toEqual({ before: 2023, after: null });
    expect(nearestShareYears(shares, 2000)).toEqual({ before: null, after: 2001 });
  });

  it('reaches every share between the two whole countries', () => {
    expect(countryShares(shares).map((s) => [s.year, s.origin.code, s.destination.code])).toEqual([
      [2001, 'SE', 'NO'],
      [2008, 'SE', 'NO'],
      [2015, 'NO', 'SE'],
    ]);
  });
});

describe('phrasing a share', () => {
  const format = (lang: 'sv' | 'nb' | 'en', share: PublishedShare) => {
    const n = shareNumber(share);
    const value = formatNumber(lang, n.value, n.options);
    const number =
      n.unit === 'points' ? translate(lang, 'commuting.shares.points', { value }) : value;
    return translate(lang, qualifierKey(share.qualifier), { value: number }).replace(/\s/g, ' ');
  };
  const find = (year: number, code: string, kind: PublishedShare['kind']) =>
    shares.find((s) => s.year === year && s.kind === kind && s.origin.code === code)!;

  it('formats the percent in each language, never as a count', () => {
    const strömstad2007 = find(2007, '1486', 'share-of-employed');
    expect(format('sv', strömstad2007)).toBe('12 %');
    expect(format('nb', strömstad2007)).toBe('12 %');
    expect(format('en', strömstad2007)).toBe('12%');
    expect(format('en', find(2007, '1730', 'share-of-employed'))).toBe('over 10%');
    expect(format('sv', find(2023, '1486', 'share-of-flow'))).toBe('över 6 %');
    expect(format('sv', find(2013, '17', 'employment-rate-pp'))).toBe('3,1 procentenheter');
    expect(format('en', find(2010, '1730', 'employment-rate-pp'))).toBe(
      'almost 15 percentage points',
    );
    expect(format('nb', find(2008, 'SE', 'change'))).toBe('+30 %');
  });

  it('has a sentence for every real share, naming the finer end of a share of a flow', () => {
    const keys = new Set(Object.keys(messages.en));
    for (const s of shares) {
      expect(keys.has(shareSentenceKey(s)), shareSentenceKey(s)).toBe(true);
      expect(keys.has(qualifierKey(s.qualifier)), qualifierKey(s.qualifier)).toBe(true);
    }
    const sentence = (s: PublishedShare) =>
      translate('en', shareSentenceKey(s), {
        percent: format('en', s),
        origin: s.originName,
        destination: s.destinationName,
        originCountry: s.origin.country,
        destinationCountry: s.destination.country,
      });
    expect(sentence(find(2007, '1486', 'share-of-employed'))).toBe(
      '12% of employed residents of Strömstad work in Norway',
    );
    expect(sentence(find(2023, '1486', 'share-of-flow'))).toMatch(/over 6% .* live in Strömstad/);
    expect(sentence(find(2014, 'NO', 'share-of-flow'))).toMatch(/about 25% .* work in Strömstad/);
  });
});

describe('municipalities kept at county level by the 2024 crosswalk', () => {
  it('lists Ålesund (1507 → 1508 Ålesund, 1580 Haram) at Møre og Romsdal (15)', () => {
    expect(splitsKeptAtCounty(crosswalkFile)).toEqual([
      { from: '1507', parts: ['1508', '1580'], county: '15' },
    ]);
  });

  it('names exactly what applyNoCrosswalk keeps at county level', () => {
    const any = shares[0];
    const municipalities = crosswalkFile.entries.filter((e) => e.level === 'municipality');
    const flows = municipalities.map((e) => ({
      year: 2022,
      origin: no('municipality', e.from, '2020'),
      destination: no('municipality', e.from, '2020'),
      persons: 1,
      measure: { key: 'no-employed-q4-03321' as const, note: '' },
      source: any.source,
    }));
    const { report } = applyNoCrosswalk(flows, crosswalkLookup(crosswalk));
    const kept = report
      .filter((r) => r.outcome === 'county' && r.side === 'origin')
      .map((r) => r.code);
    expect(splitsKeptAtCounty(crosswalkFile).map((s) => s.from)).toEqual(kept);
  });
});
