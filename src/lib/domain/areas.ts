/**
 * Area identity. Every area in Gränsatlas is identified by country + level + official code + era,
 * never by name: names change (and repeat), codes are what the statistics offices publish.
 */

export type Country = 'SE' | 'NO';
export type Level = 'country' | 'county' | 'municipality';

/**
 * Norwegian boundary eras. 2020–2023: 11 fylker (incl. 30 Viken, 54 Troms og Finnmark, 38 Vestfold og
 * Telemark), 356 kommuner. 2024–: 15 fylker, 357 kommuner (Viken split into 31 Østfold, 32 Akershus,
 * 33 Buskerud; kommune codes renumbered accordingly; Haram split from Ålesund).
 */
export type NoEra = '2020' | '2024';
export const NO_ERAS: readonly NoEra[] = ['2020', '2024'];

/**
 * Swedish kommun and län codes have not changed since 2007, which covers every year we show, so
 * Swedish areas carry the single era 'se'.
 */
export type Era = NoEra | 'se';

export interface AreaRef {
  country: Country;
  level: Level;
  /** Official code as a zero-padded string: "1780", "17", "0301", "03"; "SE"/"NO" for countries. */
  code: string;
  era: Era;
}

/** The Norwegian era whose codes apply to a statistics year. */
export function noEraForYear(year: number): NoEra {
  return year >= 2024 ? '2024' : '2020';
}

/** The era an area of `country` has when Norway is shown in `noEra`. */
export function eraOf(country: Country, noEra: NoEra): Era {
  return country === 'SE' ? 'se' : noEra;
}

const CODE_PATTERN: Record<Level, RegExp> = {
  country: /^(SE|NO)$/,
  county: /^\d{2}$/,
  municipality: /^\d{4}$/,
};

export function isValidCode(level: Level, code: string): boolean {
  return CODE_PATTERN[level].test(code);
}

/** Stable string key, e.g. "NO-municipality-3001-2020". Used in URLs and as map keys. */
export function areaKey(a: AreaRef): string {
  return `${a.country}-${a.level}-${a.code}-${a.era}`;
}

export function parseAreaKey(key: string): AreaRef | null {
  const m = /^(SE|NO)-(country|county|municipality)-([A-Z0-9]{2,4})-(2020|2024|se)$/.exec(key);
  if (!m) return null;
  const [, country, level, code, era] = m as unknown as [string, Country, Level, string, Era];
  if (!isValidCode(level, code)) return null;
  if ((country === 'SE') !== (era === 'se')) return null;
  return { country, level, code, era };
}

/** County code of a municipality: the first two digits in both countries. */
export function countyOf(municipalityCode: string): string {
  return municipalityCode.slice(0, 2);
}
