/**
 * Commuting as origin–destination flows: who lives in one area (origin, residence) and works in
 * another (destination, work). One model for the published cross-border figures, the SSB 03321
 * municipality matrices and imported files, plus the pure operations the map and panels need.
 *
 * Two rules run through everything here:
 * - Figures of different measures (definitions) are never added together; every grouping keys on
 *   the measure.
 * - Missing is not zero. A published figure that does not exist is `null`, never 0. Only a complete
 *   matrix (SSB 03321, where zero cells were dropped) may treat a missing pair as 0, and only when the
 *   caller says so.
 */
import type { AreaRef, Country, Level, NoEra } from './areas';
import { areaKey, countyOf } from './areas';
import type { CrosswalkIndex, CrosswalkKind, CrosswalkLevel } from './crosswalk';

/** What was counted. Keys are stable (URLs, i18n keys `commuting.measure.<key>`). */
export type MeasureKey =
  | 'main-job-register'
  | 'any-wage-income'
  | 'secondary-job'
  | 'non-resident-employees-q4'
  | 'nordic-mobility-employees'
  | 'full-time-equivalents'
  | 'reported-daily'
  | 'reported-unspecified'
  | 'no-employed-q4-03321';

export interface MeasureDefinition {
  key: MeasureKey;
  /** English reference definition; the UI shows the translated i18n text. */
  definition: string;
}

export const MEASURES: Readonly<Record<MeasureKey, MeasureDefinition>> = {
  'main-job-register': {
    key: 'main-job-register',
    definition:
      'Persons registered as resident in one country with their main job (main wage income) in the other during the year (SCB/SSB register matching, StatNord).',
  },
  'any-wage-income': {
    key: 'any-wage-income',
    definition:
      'Persons resident in one country with any wage income from the other, including part-time and secondary jobs; not only main-job commuters.',
  },
  'secondary-job': {
    key: 'secondary-job',
    definition:
      'Persons with their ordinary job in the country of residence and a secondary job in the other country.',
  },
  'non-resident-employees-q4': {
    key: 'non-resident-employees-q4',
    definition:
      'SSB: employees 15–74 in Norway who are not registered as resident, by country background (landbakgrunn), 4th quarter. Country background is not country of residence.',
  },
  'nordic-mobility-employees': {
    key: 'nordic-mobility-employees',
    definition:
      'Nordic Mobility / Nordic data exchange: employees resident in one Nordic country with their job in another, end of year (November).',
  },
  'full-time-equivalents': {
    key: 'full-time-equivalents',
    definition: 'Commuting expressed as full-time equivalents, not persons.',
  },
  'reported-daily': {
    key: 'reported-daily',
    definition:
      'Daily commuters as reported in the press or by a regional body; the underlying statistic is not named.',
  },
  'reported-unspecified': {
    key: 'reported-unspecified',
    definition:
      'Commuters as reported in the press or by a regional body; the definition is not stated.',
  },
  'no-employed-q4-03321': {
    key: 'no-employed-q4-03321',
    definition:
      'SSB table 03321: employed persons 15–74 resident in Norway in the 4th quarter, by municipality of residence and of work. Norwegian residents only.',
  },
};

export function isMeasureKey(value: string): value is MeasureKey {
  return Object.hasOwn(MEASURES, value);
}

/** A place in an imported file that has no official code (e.g. a flowmap.blue location). */
export interface PointPlace {
  level: 'point';
  id: string;
  name: string;
  lat: number;
  lon: number;
}

/** One end of a flow: an official area, or a point from an imported file. */
export type FlowEnd = AreaRef | PointPlace;

export function isArea(end: FlowEnd): end is AreaRef {
  return end.level !== 'point';
}

/** Stable key of a flow end: `areaKey` for areas, `point-<id>` for points. */
export function endKey(end: FlowEnd): string {
  return isArea(end) ? areaKey(end) : `point-${end.id}`;
}

export interface FlowSource {
  /** Manifest id (data/sources) or a short id of the publication. */
  id: string;
  url: string;
  title?: string;
}

export interface FlowMeasure {
  key: MeasureKey;
  /** The figure's own note: what exactly the source says was counted, rounding, inferred year. */
  note: string;
}

/** One figure: `persons` live in `origin` and work in `destination` in `year`. */
export interface CommuterFlow<End extends FlowEnd = AreaRef> {
  year: number;
  origin: End;
  destination: End;
  persons: number;
  measure: FlowMeasure;
  source: FlowSource;
}

export type AnyFlow = CommuterFlow<FlowEnd>;

export type Direction = 'SE->NO' | 'NO->SE' | 'both';

const LEVEL_RANK: Record<Level, number> = { country: 0, county: 1, municipality: 2 };

/** Country of a flow end, or undefined for a point without one. */
function countryOf(end: FlowEnd): Country | undefined {
  return isArea(end) ? end.country : undefined;
}

export function isCrossBorder(flow: AnyFlow): boolean {
  const a = countryOf(flow.origin);
  const b = countryOf(flow.destination);
  return a !== undefined && b !== undefined && a !== b;
}

/** The finest level among the two ends (a point counts as finer than any area). */
export function flowLevel(flow: AnyFlow): Level | 'point' {
  const ends = [flow.origin, flow.destination];
  if (ends.some((e) => !isArea(e))) return 'point';
  const rank = Math.max(...ends.map((e) => LEVEL_RANK[(e as AreaRef).level]));
  return (Object.keys(LEVEL_RANK) as Level[])[rank];
}

/** Key of the (origin, destination, measure) pair, independent of the year. */
export function pairKey(flow: AnyFlow): string {
  return `${endKey(flow.origin)}>${endKey(flow.destination)}|${flow.measure.key}`;
}

// ---------------------------------------------------------------------------------------------
// Validation

export interface FlowIssue {
  index: number;
  field: string;
  message: string;
}

/**
 * Checks the invariants the other functions rely on: finite non-negative persons, integer year,
 * codes that match their level, eras that match their country, and no duplicate
 * (year, origin, destination, measure, source). Returns [] when all is well.
 */
export function validateFlows(flows: readonly AnyFlow[]): FlowIssue[] {
  const issues: FlowIssue[] = [];
  const seen = new Map<string, number>();
  flows.forEach((f, index) => {
    if (!Number.isInteger(f.year))
      issues.push({ index, field: 'year', message: 'not a whole year' });
    if (!Number.isFinite(f.persons) || f.persons < 0)
      issues.push({ index, field: 'persons', message: `persons must be ≥ 0, got ${f.persons}` });
    for (const field of ['origin', 'destination'] as const) {
      const end = f[field];
      if (!isArea(end)) continue;
      const pattern = { country: /^(SE|NO)$/, county: /^\d{2}$/, municipality: /^\d{4}$/ }[
        end.level
      ];
      if (!pattern.test(end.code))
        issues.push({ index, field, message: `"${end.code}" is not a ${end.level} code` });
      if (end.level === 'country' && end.code !== end.country)
        issues.push({
          index,
          field,
          message: `country area ${end.code} has country ${end.country}`,
        });
      if ((end.country === 'SE') !== (end.era === 'se'))
        issues.push({
          index,
          field,
          message: `era "${end.era}" does not belong to ${end.country}`,
        });
    }
    const key = `${f.year}|${pairKey(f)}|${f.source.id}`;
    const first = seen.get(key);
    if (first !== undefined)
      issues.push({
        index,
        field: 'origin',
        message: `duplicate of flow ${first} (same pair, year, measure and source)`,
      });
    else seen.set(key, index);
  });
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Aggregation up the levels

/** The area containing `area` at `level`; the area itself if it is already at that level or coarser. */
export function raiseArea(area: AreaRef, level: Level): AreaRef {
  if (LEVEL_RANK[area.level] <= LEVEL_RANK[level]) return area;
  if (level === 'country')
    return { country: area.country, level, code: area.country, era: area.era };
  return { country: area.country, level, code: countyOf(area.code), era: area.era };
}

function raiseEnd(end: FlowEnd, level: Level): FlowEnd {
  return isArea(end) ? raiseArea(end, level) : end;
}

export interface AggregationConflict {
  /** Key of the aggregated group. */
  group: string;
  message: string;
}

export type AggregationResult<End extends FlowEnd> =
  { ok: true; flows: CommuterFlow<End>[] } | { ok: false; conflicts: AggregationConflict[] };

/**
 * Sums flows up to `level` (municipality → county → country), per year, measure and source.
 *
 * Only valid for a complete matrix (every pair at the finer level present, like SSB 03321). A group
 * that mixes a figure published at the target level with figures raised from a finer level (e.g. a
 * county total and one of its municipalities) would count people twice, so it is returned as a
 * conflict instead of summed. Published figures at mixed levels are shown as they are: use
 * `filterFlows({ level })`, not this. `disjoint: true` says the flows are non-overlapping pieces of
 * one matrix even where levels differ (e.g. after `applyNoCrosswalk` kept a split municipality at its
 * county), so they are summed without that check.
 */
export function aggregateFlows<End extends FlowEnd>(
  flows: readonly CommuterFlow<End>[],
  level: Level,
  options: { disjoint?: boolean } = {},
): AggregationResult<End> {
  interface Group {
    flow: CommuterFlow<End>;
    raised: boolean;
    native: boolean;
  }
  const groups = new Map<string, Group>();
  for (const f of flows) {
    const origin = raiseEnd(f.origin, level) as End;
    const destination = raiseEnd(f.destination, level) as End;
    const raised = origin !== f.origin || destination !== f.destination;
    const key = `${f.year}|${endKey(origin)}>${endKey(destination)}|${f.measure.key}|${f.source.id}`;
    const g = groups.get(key);
    if (g) {
      g.flow.persons += f.persons;
      if (raised) g.raised = true;
      else g.native = true;
    } else {
      groups.set(key, {
        flow: { ...f, origin, destination, persons: f.persons },
        raised,
        native: !raised,
      });
    }
  }
  const conflicts: AggregationConflict[] = [];
  for (const [group, g] of groups) {
    if (g.raised && g.native && !options.disjoint)
      conflicts.push({
        group,
        message:
          'a figure published at this level and figures from smaller areas fall into the same group; adding them would count people twice',
      });
  }
  if (conflicts.length > 0) return { ok: false, conflicts };
  return { ok: true, flows: [...groups.values()].map((g) => g.flow) };
}

// ---------------------------------------------------------------------------------------------
// Norwegian era crosswalk (2020-era codes → 2024 era)

/** What the crosswalk says about one 2020-era code. */
export interface CrosswalkStep {
  kind: CrosswalkKind;
  /** 2024-era code(s). More than one only for a split. */
  to: readonly string[];
}

/** Lookup of a 2020-era Norwegian code; undefined when the code is unknown. */
export type CrosswalkLookup = (
  level: CrosswalkLevel,
  code2020: string,
) => CrosswalkStep | undefined;

/** The lookup for an indexed crosswalk (crosswalk.ts, public/generated/crosswalk-no-2020-2024.json). */
export function crosswalkLookup(index: CrosswalkIndex): CrosswalkLookup {
  return (level, code) => index.get(`${level}:${code}`);
}

export interface CrosswalkReportEntry {
  year: number;
  measure: MeasureKey;
  side: 'origin' | 'destination';
  level: CrosswalkLevel;
  code: string;
  persons: number;
  /** 'county': kept at the 2024 county holding every part; 'dropped': could not be placed. */
  outcome: 'county' | 'dropped';
  reason: string;
}

export interface CrosswalkApplied<End extends FlowEnd> {
  flows: CommuterFlow<End>[];
  /** Every flow end that could not be mapped 1:1, with what happened to it. */
  report: CrosswalkReportEntry[];
}

/**
 * The one county holding every part of a split municipality, where its flows can be kept without
 * dividing anyone; null when the parts lie in several counties.
 */
export function countyHoldingParts(parts: readonly string[]): string | null {
  const counties = new Set(parts.map(countyOf));
  return counties.size === 1 ? [...counties][0] : null;
}

/**
 * Re-keys Norwegian 2020-era areas to the 2024 era. Unchanged, renumbered and merged codes map to
 * one code. A split code (Ålesund 1507 → 1508 Ålesund + 1580 Haram) cannot be divided without
 * inventing a rule, so that end is kept at its 2024 county when all parts lie in one county
 * (`splitPolicy: 'county'`, the default) or the flow is dropped (`'drop'`); either way it is
 * reported. Unknown codes and split counties (30 Viken) are dropped and reported. Flows that land on
 * the same pair afterwards (merged municipalities) are summed within year, measure and source.
 */
export function applyNoCrosswalk<End extends FlowEnd>(
  flows: readonly CommuterFlow<End>[],
  crosswalk: CrosswalkLookup,
  options: { splitPolicy?: 'county' | 'drop' } = {},
): CrosswalkApplied<End> {
  const splitPolicy = options.splitPolicy ?? 'county';
  const report: CrosswalkReportEntry[] = [];
  const out = new Map<string, CommuterFlow<End>>();

  const mapEnd = (f: CommuterFlow<End>, side: 'origin' | 'destination'): FlowEnd | null => {
    const end = f[side];
    if (!isArea(end) || end.country !== 'NO') return end;
    if (end.era === '2024') return end;
    if (end.level === 'country') return { ...end, era: '2024' };
    const level = end.level;
    const step = crosswalk(level, end.code);
    const entry = (outcome: 'county' | 'dropped', reason: string): void => {
      report.push({
        year: f.year,
        measure: f.measure.key,
        side,
        level,
        code: end.code,
        persons: f.persons,
        outcome,
        reason,
      });
    };
    if (!step || step.to.length === 0) {
      entry('dropped', `no 2024 code for 2020-era ${level} ${end.code}`);
      return null;
    }
    if (step.to.length === 1) return { ...end, code: step.to[0], era: '2024' };
    const county =
      level === 'municipality' && splitPolicy === 'county' ? countyHoldingParts(step.to) : null;
    if (county) {
      entry('county', `${end.code} was split into ${step.to.join(', ')}; kept at county ${county}`);
      return { country: 'NO', level: 'county', code: county, era: '2024' };
    }
    entry('dropped', `${end.code} was split into ${step.to.join(', ')}; not divided by any rule`);
    return null;
  };

  for (const f of flows) {
    const origin = mapEnd(f, 'origin');
    const destination = mapEnd(f, 'destination');
    if (!origin || !destination) continue;
    const key = `${f.year}|${endKey(origin)}>${endKey(destination)}|${f.measure.key}|${f.source.id}`;
    const existing = out.get(key);
    if (existing) existing.persons += f.persons;
    else out.set(key, { ...f, origin: origin as End, destination: destination as End });
  }
  return { flows: [...out.values()], report };
}

// ---------------------------------------------------------------------------------------------
// Filters used by the map

export interface FlowFilter {
  year?: number;
  /** Applies to cross-border flows; domestic flows are governed by `scope` alone. */
  direction?: Direction;
  /** 'cross-border' keeps only flows between the two countries. Default 'all'. */
  scope?: 'cross-border' | 'all';
  minPersons?: number;
  /** Keep flows whose finest end is at this level (see `flowLevel`). */
  level?: Level;
  measures?: readonly MeasureKey[];
  /** Keep the N largest flows (after the other filters); ties keep a stable order. */
  topN?: number;
}

export function filterFlows<F extends AnyFlow>(flows: readonly F[], filter: FlowFilter): F[] {
  const direction = filter.direction ?? 'both';
  const kept = flows.filter((f) => {
    if (filter.year !== undefined && f.year !== filter.year) return false;
    const cross = isCrossBorder(f);
    if (filter.scope === 'cross-border' && !cross) return false;
    if (cross && direction !== 'both') {
      const from = countryOf(f.origin);
      if (direction === 'SE->NO' ? from !== 'SE' : from !== 'NO') return false;
    }
    if (filter.minPersons !== undefined && f.persons < filter.minPersons) return false;
    if (filter.level !== undefined && flowLevel(f) !== filter.level) return false;
    if (filter.measures && !filter.measures.includes(f.measure.key)) return false;
    return true;
  });
  return filter.topN === undefined ? kept : topFlows(kept, filter.topN);
}

/** The n largest flows by persons, largest first; ties ordered by pair key for stable output. */
export function topFlows<F extends AnyFlow>(flows: readonly F[], n: number): F[] {
  return [...flows]
    .sort(
      (a, b) =>
        b.persons - a.persons || (pairKey(a) < pairKey(b) ? -1 : pairKey(a) > pairKey(b) ? 1 : 0),
    )
    .slice(0, Math.max(0, n));
}

// ---------------------------------------------------------------------------------------------
// Per-area summary

export interface Partner {
  end: FlowEnd;
  persons: number;
}

export interface AreaSummary {
  measure: MeasureKey;
  /** Persons working in the area who live elsewhere (null: no incoming figure). */
  in: number | null;
  /** Persons living in the area who work elsewhere (null: no outgoing figure). */
  out: number | null;
  /** in − out; null unless both are known. */
  net: number | null;
  /** Live and work in the area (a flow from the area to itself), null when absent. */
  internal: number | null;
  largestOrigins: Partner[];
  largestDestinations: Partner[];
}

/**
 * In, out, net and largest partners of one area, one summary per measure (figures of different
 * measures are not added). Only flows whose end is exactly this area count: pass flows already
 * aggregated to the area's level.
 */
export function summarizeArea(
  flows: readonly AnyFlow[],
  area: FlowEnd,
  options: { partners?: number } = {},
): AreaSummary[] {
  const k = endKey(area);
  const limit = options.partners ?? 5;
  const byMeasure = new Map<MeasureKey, AnyFlow[]>();
  for (const f of flows) {
    if (endKey(f.origin) !== k && endKey(f.destination) !== k) continue;
    const list = byMeasure.get(f.measure.key) ?? [];
    list.push(f);
    byMeasure.set(f.measure.key, list);
  }
  const summaries: AreaSummary[] = [];
  for (const [measure, list] of byMeasure) {
    let inSum: number | null = null;
    let outSum: number | null = null;
    let internal: number | null = null;
    const origins = new Map<string, Partner>();
    const destinations = new Map<string, Partner>();
    const add = (m: Map<string, Partner>, end: FlowEnd, persons: number): void => {
      const key = endKey(end);
      const p = m.get(key);
      if (p) p.persons += persons;
      else m.set(key, { end, persons });
    };
    for (const f of list) {
      const fromHere = endKey(f.origin) === k;
      const toHere = endKey(f.destination) === k;
      if (fromHere && toHere) internal = (internal ?? 0) + f.persons;
      else if (toHere) {
        inSum = (inSum ?? 0) + f.persons;
        add(origins, f.origin, f.persons);
      } else {
        outSum = (outSum ?? 0) + f.persons;
        add(destinations, f.destination, f.persons);
      }
    }
    const largest = (m: Map<string, Partner>): Partner[] =>
      [...m.values()].sort((a, b) => b.persons - a.persons).slice(0, limit);
    summaries.push({
      measure,
      in: inSum,
      out: outSum,
      net: inSum !== null && outSum !== null ? inSum - outSum : null,
      internal,
      largestOrigins: largest(origins),
      largestDestinations: largest(destinations),
    });
  }
  return summaries.sort((a, b) => (b.in ?? 0) + (b.out ?? 0) - ((a.in ?? 0) + (a.out ?? 0)));
}

// ---------------------------------------------------------------------------------------------
// Time series

export interface SeriesPoint {
  year: number;
  /** null: no figure for this year (a gap), never 0. */
  in: number | null;
  out: number | null;
}

export interface AreaSeries {
  measure: MeasureKey;
  points: SeriesPoint[];
}

/**
 * An area's cross-border commuting per year, one series per measure, over every year from the
 * first to the last year with any cross-border figure in `flows`. Years without a figure for the
 * area are null (gaps), never 0.
 */
export function areaCrossBorderSeries(flows: readonly AnyFlow[], area: FlowEnd): AreaSeries[] {
  const cross = flows.filter(isCrossBorder);
  if (cross.length === 0) return [];
  const years = cross.map((f) => f.year);
  const first = Math.min(...years);
  const last = Math.max(...years);
  const k = endKey(area);
  const byMeasure = new Map<MeasureKey, Map<number, SeriesPoint>>();
  for (const f of cross) {
    const toHere = endKey(f.destination) === k;
    const fromHere = endKey(f.origin) === k;
    if (!toHere && !fromHere) continue;
    const points = byMeasure.get(f.measure.key) ?? new Map<number, SeriesPoint>();
    byMeasure.set(f.measure.key, points);
    const p = points.get(f.year) ?? { year: f.year, in: null, out: null };
    points.set(f.year, p);
    if (toHere) p.in = (p.in ?? 0) + f.persons;
    if (fromHere) p.out = (p.out ?? 0) + f.persons;
  }
  const series: AreaSeries[] = [];
  for (const [measure, points] of byMeasure) {
    const all: SeriesPoint[] = [];
    for (let year = first; year <= last; year++)
      all.push(points.get(year) ?? { year, in: null, out: null });
    series.push({ measure, points: all });
  }
  return series;
}

// ---------------------------------------------------------------------------------------------
// Year-to-year difference (compare mode)

export interface FlowDifference {
  origin: FlowEnd;
  destination: FlowEnd;
  measure: MeasureKey;
  before: number | null;
  after: number | null;
  /** after − before; null when either side has no figure. */
  change: number | null;
}

/**
 * Differences between the flows of two years, pair by pair (same origin, destination and measure).
 * `missingAsZero` is for complete matrices (SSB 03321, where zero cells were dropped): a pair absent
 * in one year then counts as 0. For published figures leave it off: absent means unknown.
 */
export function diffFlows(
  before: readonly AnyFlow[],
  after: readonly AnyFlow[],
  options: { missingAsZero?: boolean } = {},
): FlowDifference[] {
  const missing = options.missingAsZero ? 0 : null;
  const rows = new Map<string, FlowDifference>();
  const put = (f: AnyFlow, side: 'before' | 'after'): void => {
    const key = pairKey(f);
    const row = rows.get(key) ?? {
      origin: f.origin,
      destination: f.destination,
      measure: f.measure.key,
      before: null,
      after: null,
      change: null,
    };
    row[side] = (row[side] ?? 0) + f.persons;
    rows.set(key, row);
  };
  before.forEach((f) => put(f, 'before'));
  after.forEach((f) => put(f, 'after'));
  return [...rows.values()].map((r) => {
    const b = r.before ?? missing;
    const a = r.after ?? missing;
    return { ...r, before: b, after: a, change: a !== null && b !== null ? a - b : null };
  });
}

// ---------------------------------------------------------------------------------------------
// Compact domestic matrix (the JSON written by scripts/commuting/build.ts)

/**
 * One year of a Norwegian municipality matrix in columnar form. `origin[i]`, `destination[i]`
 * index into `codes`; flows go residence → work; same-municipality rows are not in the columns but in
 * `livesAndWorks` (null where the source removed them).
 */
export interface CompactOdMatrix {
  year: number;
  country: 'NO';
  era: NoEra;
  measure: MeasureKey;
  /** Set when the figures were converted to this era by someone other than the statistics office. */
  conversion: string | null;
  source: FlowSource & { attribution: string; licence: string };
  codes: string[];
  origin: number[];
  destination: number[];
  persons: number[];
  livesAndWorks: (number | null)[] | null;
}

/** Expands a compact matrix into flows (municipality → municipality, same era). */
export function expandCompactOd(m: CompactOdMatrix, note = ''): CommuterFlow[] {
  const area = (i: number): AreaRef => ({
    country: 'NO',
    level: 'municipality',
    code: m.codes[i],
    era: m.era,
  });
  const areas = m.codes.map((_, i) => area(i));
  const measure: FlowMeasure = { key: m.measure, note: note || (m.conversion ?? '') };
  const source: FlowSource = { id: m.source.id, url: m.source.url, title: m.source.title };
  const flows: CommuterFlow[] = new Array(m.persons.length);
  for (let i = 0; i < m.persons.length; i++)
    flows[i] = {
      year: m.year,
      origin: areas[m.origin[i]],
      destination: areas[m.destination[i]],
      persons: m.persons[i],
      measure,
      source,
    };
  return flows;
}

// ---------------------------------------------------------------------------------------------
// Published cross-border figures (public/generated/commuting-cross-border.json)

/** A published count, as in data/commuting/cross-border.csv. */
export interface PublishedFlow extends CommuterFlow {
  originName: string;
  destinationName: string;
  /** The source gives a rounded number ("drygt 7 000"). */
  rounded: boolean;
  /** The source does not state the year; it was inferred (see measure.note). */
  yearInferred: boolean;
  licence: string;
}

export type ShareKind =
  'share-of-flow' | 'share-of-employed' | 'employment-addition' | 'employment-rate-pp' | 'change';

/** A published percentage. Never turned into a count. */
export interface PublishedShare extends Omit<PublishedFlow, 'persons' | 'rounded'> {
  percent: number;
  kind: ShareKind;
  qualifier: 'exact' | 'about' | 'over' | 'almost';
  /** The whole the percentage refers to. */
  percentOf: string;
}

export interface CrossBorderDataset {
  flows: PublishedFlow[];
  shares: PublishedShare[];
  measures: MeasureDefinition[];
}
