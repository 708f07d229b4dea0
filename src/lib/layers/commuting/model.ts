/**
 * Pure steps from loaded commuting data and the layer's settings to what the map, the table and the
 * CSV show. No browser or Svelte imports: everything here is unit-tested.
 */
import {
  aggregateFlows,
  diffFlows,
  endKey,
  filterFlows,
  topFlows,
  type CommuterFlow,
  type FlowDifference,
  type MeasureKey,
} from '../../domain/commuting';
import { parseAreaKey, type AreaRef } from '../../domain/areas';
import type { ColumnKey, TableRow } from '../flows/table';
import type { Selection } from '../../state/viewState';
import type { CommutingSettings } from './settings';

/**
 * Which measure "auto" picks when a year has several: register-based main-job counts first, then the
 * other official statistics, press figures last. Figures of different measures are never summed.
 */
export const MEASURE_PREFERENCE: readonly MeasureKey[] = [
  'main-job-register',
  'nordic-mobility-employees',
  'non-resident-employees-q4',
  'any-wage-income',
  'secondary-job',
  'full-time-equivalents',
  'reported-daily',
  'reported-unspecified',
  'no-employed-q4-03321',
];

export function measuresOf(flows: readonly CommuterFlow[]): MeasureKey[] {
  const keys = new Set(flows.map((f) => f.measure.key));
  return MEASURE_PREFERENCE.filter((k) => keys.has(k));
}

/** The measure shown for a year: the chosen one if the year has it, otherwise the preferred one. */
export function chooseMeasure(
  available: readonly MeasureKey[],
  choice: CommutingSettings['measure'],
): MeasureKey | null {
  if (choice !== 'auto' && available.includes(choice)) return choice;
  return available[0] ?? null;
}

export interface ViewFlowsInput {
  /** Published cross-border figures (all years), already in the era shown. */
  published: readonly CommuterFlow[];
  /** The domestic matrix of the year, already in the era shown; null when there is none. */
  domestic: readonly CommuterFlow[] | null;
  year: number;
  settings: CommutingSettings;
}

export interface ViewFlows {
  /** Flows to draw and list, largest first, at most settings.topN. */
  flows: CommuterFlow[];
  /** Measures the year's published cross-border figures have. */
  measures: MeasureKey[];
  /** The cross-border measure shown (null: the year has no cross-border figure). */
  measure: MeasureKey | null;
  /** Flows that passed the filters before top-N. */
  matched: number;
}

/** County sums of a matrix, once per matrix: they do not depend on the filters. */
const countyCache = new WeakMap<readonly CommuterFlow[], CommuterFlow[]>();

function domesticAtLevel(
  flows: readonly CommuterFlow[],
  level: CommutingSettings['level'],
): readonly CommuterFlow[] {
  if (level === 'country') return []; // Norway → Norway says nothing on a border map.
  if (level !== 'county') return flows;
  let counties = countyCache.get(flows);
  if (!counties) {
    const result = aggregateFlows(flows, 'county', { disjoint: true });
    counties = result.ok
      ? result.flows.filter((f) => endKey(f.origin) !== endKey(f.destination))
      : [];
    countyCache.set(flows, counties);
  }
  return counties;
}

/** Filter → one measure → level → minimum → top-N, the order the controls read. */
export function viewFlows({ published, domestic, year, settings }: ViewFlowsInput): ViewFlows {
  const ofYear = filterFlows(published, { year, direction: settings.direction });
  const measures = measuresOf(ofYear);
  const measure = chooseMeasure(measures, settings.measure);
  const cross = filterFlows(ofYear, {
    measures: measure ? [measure] : [],
    minPersons: settings.minPersons,
    level: settings.level === 'each' ? undefined : settings.level,
  });
  const local =
    settings.scope === 'all' && domestic
      ? filterFlows(domesticAtLevel(domestic, settings.level), {
          minPersons: settings.minPersons,
        })
      : [];
  const all = [...cross, ...local];
  return { flows: fastTop(all, settings.topN), measures, measure, matched: all.length };
}

/**
 * Same result as `topFlows(flows, n)`, faster on a big matrix: the n-th largest count is found on a
 * typed array first, so the full comparator (with its tie-break keys) only sorts the few flows at or
 * above it.
 */
export function fastTop(flows: readonly CommuterFlow[], n: number): CommuterFlow[] {
  if (flows.length <= n || n <= 0) return topFlows(flows, n);
  const counts = Float64Array.from(flows, (f) => f.persons).sort();
  const threshold = counts[counts.length - n];
  return topFlows(
    flows.filter((f) => f.persons >= threshold),
    n,
  );
}

/** Year-to-year change of what the settings show, largest changes (either sign) first. */
export function viewDifferences(
  before: ViewFlows,
  after: ViewFlows,
  topN: number,
): FlowDifference[] {
  const isDomestic = (f: CommuterFlow) => f.measure.key === 'no-employed-q4-03321';
  // Published figures: a pair missing in one year is unknown. The SSB matrix is complete: missing = 0.
  const published = diffFlows(
    before.flows.filter((f) => !isDomestic(f)),
    after.flows.filter((f) => !isDomestic(f)),
  );
  const domestic = diffFlows(before.flows.filter(isDomestic), after.flows.filter(isDomestic), {
    missingAsZero: true,
  });
  return [...published, ...domestic]
    .filter((d) => d.change !== null && d.change !== 0)
    .sort((a, b) => Math.abs(b.change!) - Math.abs(a.change!))
    .slice(0, topN);
}

// ---------------------------------------------------------------------------------------------
// Table rows (the table itself, its sorting and CSV: ../flows/table.ts)

export const COLUMNS_SINGLE: readonly ColumnKey[] = ['origin', 'destination', 'persons', 'measure'];
export const COLUMNS_COMPARE: readonly ColumnKey[] = [
  'origin',
  'destination',
  'before',
  'after',
  'change',
  'measure',
];

export function rowsFromFlows(
  flows: readonly CommuterFlow[],
  nameOf: (area: AreaRef) => string,
): TableRow[] {
  return flows.map((f) => ({
    originKey: endKey(f.origin),
    destinationKey: endKey(f.destination),
    origin: nameOf(f.origin),
    destination: nameOf(f.destination),
    measure: f.measure.key,
    persons: f.persons,
    before: null,
    after: null,
    change: null,
  }));
}

export function rowsFromDifferences(
  diffs: readonly FlowDifference[],
  nameOf: (area: AreaRef) => string,
): TableRow[] {
  return diffs.map((d) => ({
    originKey: endKey(d.origin),
    destinationKey: endKey(d.destination),
    origin: nameOf(d.origin as AreaRef),
    destination: nameOf(d.destination as AreaRef),
    measure: d.measure,
    persons: null,
    before: d.before,
    after: d.after,
    change: d.change,
  }));
}

// ---------------------------------------------------------------------------------------------
// Map picking → view

/** The selection a click on a flow between two locations makes (null for clusters and points). */
export function flowSelection(originId: unknown, destinationId: unknown): Selection | null {
  if (typeof originId !== 'string' || typeof destinationId !== 'string') return null;
  if (!parseAreaKey(originId) || !parseAreaKey(destinationId)) return null;
  return { kind: 'flow', layer: 'commuting', origin: originId, destination: destinationId };
}

/** A click on a location circle selects the area (countries are not selectable areas). */
export function locationSelection(id: unknown): Selection | null {
  if (typeof id !== 'string') return null;
  const area = parseAreaKey(id);
  return area && area.level !== 'country' ? { kind: 'area', area } : null;
}

/** Every flow of a selection's pair in a list (one per measure and source). */
export function flowsOfPair(
  flows: readonly CommuterFlow[],
  origin: string,
  destination: string,
): CommuterFlow[] {
  return flows.filter((f) => endKey(f.origin) === origin && endKey(f.destination) === destination);
}
