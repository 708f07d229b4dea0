/**
 * Quantities keep the unit their source published. A value is never rescaled or converted silently:
 * the UI translates the unit key (one formatter per locale) and shows the published wording on demand.
 */

/** Currencies as published. 'kroner' = the source wrote "kroner" without saying SEK or NOK. */
export type Currency = 'SEK' | 'NOK' | 'EUR' | 'USD' | 'kroner';

export const UNIT_KEYS = [
  // money
  'SEK',
  'SEK_million',
  'SEK_billion',
  'NOK',
  'NOK_million',
  'NOK_billion',
  'EUR',
  'EUR_million',
  'EUR_billion',
  'USD_million',
  'kroner_million',
  'kroner_billion',
  /** "NOK+SEK million": a sum of both currencies as published; not convertible. */
  'kroner_million_mixed',
  'SEK_per_person_per_year',
  // shares and ranks
  'percent',
  /** Percent change against an earlier period (the period is in the row's note). */
  'percent_change',
  'rank',
  // freight
  'tonnes',
  'million_tonnes',
  'tonnes_per_year',
  'tonnes_per_quarter',
  // traffic
  'vehicles_per_day',
  'vehicles_per_24h',
  'vehicles_per_2_days',
  'vehicles_per_week',
  'vehicles_per_year',
  'cars_per_day',
  'passages_per_day',
  'lorries_per_day',
  'lorries_per_quarter',
  'lorries_per_year',
  'persons_per_day',
  'passengers_per_day',
  'passengers_per_year',
  'trains_per_day',
  'departures_per_week',
  // counts
  'enterprises',
  'enterprise_groups',
  'companies',
  'subsidiaries',
  'persons',
  'jobs',
  'projects',
  'partners',
  'square_metres',
] as const;

export type UnitKey = (typeof UNIT_KEYS)[number];

export function isUnitKey(s: string): s is UnitKey {
  return (UNIT_KEYS as readonly string[]).includes(s);
}

/** How the source qualified a number ("approx.", "over", "nearly", ...). Empty = as stated. */
export const QUALIFIERS = ['approx', 'estimate', 'over', 'nearly', 'just_over', 'up_to'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export interface UnitInfo {
  key: UnitKey;
  /** What kind of thing is counted; lets a chart refuse to put money and tonnes on one axis. */
  dimension: 'money' | 'share' | 'rank' | 'mass' | 'count';
  currency?: Currency;
  /** Multiplier to the base unit (SEK_billion = 1e9 SEK). */
  scale: number;
  /** Period a rate refers to, if it is a rate. */
  per?: 'day' | '24h' | '2 days' | 'week' | 'quarter' | 'year' | 'person-year';
  /** What a count counts, for count and rate units. */
  counts?: string;
}

function money(key: UnitKey, currency: Currency, scale: number): UnitInfo {
  return { key, dimension: 'money', currency, scale };
}
function rate(key: UnitKey, counts: string, per: UnitInfo['per'], scale = 1): UnitInfo {
  return { key, dimension: counts === 'tonnes' ? 'mass' : 'count', counts, per, scale };
}
function count(key: UnitKey, counts: string): UnitInfo {
  return { key, dimension: 'count', counts, scale: 1 };
}

export const UNITS: Readonly<Record<UnitKey, UnitInfo>> = {
  SEK: money('SEK', 'SEK', 1),
  SEK_million: money('SEK_million', 'SEK', 1e6),
  SEK_billion: money('SEK_billion', 'SEK', 1e9),
  NOK: money('NOK', 'NOK', 1),
  NOK_million: money('NOK_million', 'NOK', 1e6),
  NOK_billion: money('NOK_billion', 'NOK', 1e9),
  EUR: money('EUR', 'EUR', 1),
  EUR_million: money('EUR_million', 'EUR', 1e6),
  EUR_billion: money('EUR_billion', 'EUR', 1e9),
  USD_million: money('USD_million', 'USD', 1e6),
  kroner_million: money('kroner_million', 'kroner', 1e6),
  kroner_billion: money('kroner_billion', 'kroner', 1e9),
  kroner_million_mixed: money('kroner_million_mixed', 'kroner', 1e6),
  SEK_per_person_per_year: {
    key: 'SEK_per_person_per_year',
    dimension: 'money',
    currency: 'SEK',
    scale: 1,
    per: 'person-year',
  },
  percent: { key: 'percent', dimension: 'share', scale: 1 },
  percent_change: { key: 'percent_change', dimension: 'share', scale: 1 },
  rank: { key: 'rank', dimension: 'rank', scale: 1 },
  tonnes: { key: 'tonnes', dimension: 'mass', counts: 'tonnes', scale: 1 },
  million_tonnes: { key: 'million_tonnes', dimension: 'mass', counts: 'tonnes', scale: 1e6 },
  tonnes_per_year: rate('tonnes_per_year', 'tonnes', 'year'),
  tonnes_per_quarter: rate('tonnes_per_quarter', 'tonnes', 'quarter'),
  vehicles_per_day: rate('vehicles_per_day', 'vehicles', 'day'),
  vehicles_per_24h: rate('vehicles_per_24h', 'vehicles', '24h'),
  vehicles_per_2_days: rate('vehicles_per_2_days', 'vehicles', '2 days'),
  vehicles_per_week: rate('vehicles_per_week', 'vehicles', 'week'),
  vehicles_per_year: rate('vehicles_per_year', 'vehicles', 'year'),
  cars_per_day: rate('cars_per_day', 'cars', 'day'),
  passages_per_day: rate('passages_per_day', 'passages', 'day'),
  lorries_per_day: rate('lorries_per_day', 'lorries', 'day'),
  lorries_per_quarter: rate('lorries_per_quarter', 'lorries', 'quarter'),
  lorries_per_year: rate('lorries_per_year', 'lorries', 'year'),
  persons_per_day: rate('persons_per_day', 'persons', 'day'),
  passengers_per_day: rate('passengers_per_day', 'passengers', 'day'),
  passengers_per_year: rate('passengers_per_year', 'passengers', 'year'),
  trains_per_day: rate('trains_per_day', 'trains', 'day'),
  departures_per_week: rate('departures_per_week', 'departures', 'week'),
  enterprises: count('enterprises', 'enterprises'),
  enterprise_groups: count('enterprise_groups', 'enterprise groups'),
  companies: count('companies', 'companies'),
  subsidiaries: count('subsidiaries', 'subsidiaries'),
  persons: count('persons', 'persons'),
  jobs: count('jobs', 'jobs'),
  projects: count('projects', 'projects'),
  partners: count('partners', 'partners'),
  square_metres: count('square_metres', 'square metres'),
};

/** A cited exchange rate: one currency unit of `from` costs `rate` units of `to`, averaged over `year`. */
export interface CitedRate {
  from: Currency;
  to: Currency;
  year: number;
  rate: number;
  /** Where the rate comes from (e.g. a central bank's annual average table). Required. */
  source: { label: string; url: string };
}

export interface Conversion {
  /** The quantity as published, before conversion. */
  original: { value: number | null; unit: UnitKey };
  rate: CitedRate;
}

export interface Quantity {
  /** null = no value (a gap); never stands for zero. */
  value: number | null;
  unit: UnitKey;
  qualifier?: Qualifier;
  /** Present only when the value was converted from another currency; the UI labels it as converted. */
  converted?: Conversion;
}

export function quantity(value: number | null, unit: UnitKey, qualifier?: Qualifier): Quantity {
  return qualifier ? { value, unit, qualifier } : { value, unit };
}

/**
 * Re-express a quantity in another unit of the same currency or count (e.g. SEK_billion → SEK_million),
 * which is exact arithmetic, not a conversion. Returns null if the units are not the same thing.
 */
export function rescale(q: Quantity, to: UnitKey): Quantity | null {
  const a = UNITS[q.unit];
  const b = UNITS[to];
  if (q.unit === to) return q;
  if (a.dimension !== b.dimension || a.currency !== b.currency || a.per !== b.per) return null;
  if (a.counts !== b.counts) return null;
  // Kroner "as published" and mixed NOK+SEK sums have no well-defined currency: never rescale them.
  if (a.currency === 'kroner' || b.currency === 'kroner') return null;
  if (a.dimension === 'share' || a.dimension === 'rank') return null;
  const value = q.value === null ? null : (q.value * a.scale) / b.scale;
  return { ...q, value, unit: to };
}

export type ConvertResult =
  | { ok: true; quantity: Quantity }
  | {
      ok: false;
      reason:
        | 'not-money'
        | 'already-converted'
        | 'currency-mismatch'
        | 'no-rate-for-year'
        | 'no-target-unit';
    };

const CURRENCY_UNITS: Partial<Record<Currency, Partial<Record<number, UnitKey>>>> = {
  SEK: { 1: 'SEK', 1e6: 'SEK_million', 1e9: 'SEK_billion' },
  NOK: { 1: 'NOK', 1e6: 'NOK_million', 1e9: 'NOK_billion' },
  EUR: { 1: 'EUR', 1e6: 'EUR_million', 1e9: 'EUR_billion' },
  USD: { 1e6: 'USD_million' },
};

/**
 * Convert a money quantity for `year` with a cited rate. There is deliberately no built-in rate table:
 * Gränsatlas has no cited annual rates yet, so nothing is converted unless a caller supplies one.
 * The result keeps the original value and the rate so the UI can label it "converted".
 */
export function convertCurrency(q: Quantity, year: number, rate: CitedRate): ConvertResult {
  if (q.converted) return { ok: false, reason: 'already-converted' };
  const info = UNITS[q.unit];
  if (info.dimension !== 'money' || info.per) return { ok: false, reason: 'not-money' };
  if (info.currency !== rate.from || rate.from === 'kroner' || rate.to === 'kroner') {
    return { ok: false, reason: 'currency-mismatch' };
  }
  if (rate.year !== year) return { ok: false, reason: 'no-rate-for-year' };
  const unit = CURRENCY_UNITS[rate.to]?.[info.scale];
  if (!unit) return { ok: false, reason: 'no-target-unit' };
  return {
    ok: true,
    quantity: {
      value: q.value === null ? null : q.value * rate.rate,
      unit,
      ...(q.qualifier ? { qualifier: q.qualifier } : {}),
      converted: { original: { value: q.value, unit: q.unit }, rate },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Observation metadata shared by the trade, crossing and investment datasets.

/** Why a figure needs care; the UI shows a badge and the note. */
export const DATA_FLAGS = [
  /** Probably wrong as published (e.g. a lost digit); kept, never plotted without the flag. */
  'SUSPECT',
  /** From an unofficial copy; re-fetch before relying on it. */
  'UNVERIFIED',
  /** Computed from a stated change, not published as such. */
  'DERIVED',
  'SECONDARY',
  'THIRD_PARTY',
  /** A single firm's figure, not official statistics; never add to statistical totals. */
  'COMPANY_LEVEL',
  /** Source undated; the year is estimated from context ("c.2016"). */
  'UNDATED',
  'NOT_COMPARABLE',
  /** Counting method changed; do not join with earlier values in one line. */
  'BREAK_IN_SERIES',
  /** Conflicts with another figure for the same thing; both kept. */
  'CONFLICT',
  /** The published unit or currency is doubtful. */
  'UNIT_UNCERTAIN',
  'CAUTION',
  /** Counted away from the border crossing itself. */
  'NOT_AT_CROSSING',
] as const;
export type DataFlag = (typeof DATA_FLAGS)[number];

export type PeriodKind =
  'year' | 'undated' | 'half' | 'quarter' | 'months' | 'week' | 'day' | 'days' | 'range' | 'as_of';

export interface Period {
  /** As written in the source table: "2021H1", "2020-07-28", "c.2016", "2014-2020". */
  label: string;
  /** The calendar year the figure belongs to (the last year for a range like "2014-2020"). */
  year: number;
  /** Covers less than a calendar year (half, quarter, months, week, day). */
  partial: boolean;
  kind: PeriodKind;
}

const PERIOD_PATTERNS: [RegExp, PeriodKind, boolean][] = [
  [/^(\d{4})$/, 'year', false],
  [/^c\.(\d{4})$/, 'undated', false],
  [/^(\d{4})H[12]$/, 'half', true],
  [/^(\d{4})Q[1-4]$/, 'quarter', true],
  [
    /^(\d{4})(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$/,
    'months',
    true,
  ],
  [/^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/, 'week', true],
  [/^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'day', true],
  [/^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\/(0[1-9]|[12]\d|3[01])$/, 'days', true],
  [/^\d{4}-(\d{4})$/, 'range', false],
  [/^(\d{4})-(0[1-9]|1[0-2])$/, 'as_of', false],
];

/** Parse a period label as the datasets write it; null if it is not one of the known forms. */
export function parsePeriod(label: string): Period | null {
  for (const [re, kind, partial] of PERIOD_PATTERNS) {
    const m = re.exec(label);
    if (m) return { label, year: Number(m[1]), partial, kind };
  }
  return null;
}

/** One published figure with its period, flags and source. */
export interface Observation {
  period: Period;
  quantity: Quantity;
  /** The unit as the source wrote it ("vehicles per day (AADT)"). */
  unitPublished: string;
  flags: DataFlag[];
  note?: string;
  sourceUrl: string;
}
