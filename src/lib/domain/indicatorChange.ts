/**
 * An indicator's change per area between two years, and its diverging classes for the map.
 *
 * An area needs a value in both years to have a change: a value in one year only is "no data" for
 * the change (an area absent from a year is unknown there, not zero). The change is absolute, in
 * the indicator's unit (percentage points for a percent indicator).
 *
 * Classes are symmetric around zero: the chosen method classifies the changes' magnitudes, and each
 * magnitude class appears once as decline and once as growth, so equal distance from zero has equal
 * lightness on both sides. Exactly zero is its own neutral class ("no change").
 */
import {
  MIN_CLASSES,
  NO_DATA_FILL,
  classIndex,
  classify,
  divergingColours,
  hasValue,
  isDiverging,
  type ClassificationMethod,
  type ClassifyError,
  type DivergingPalette,
  type Fill,
  type Indicator,
  type LegendNoDataEntry,
  type PaletteName,
} from './classification';
import type { UnitKey } from './units';
import { difference, type YearSpan } from './yearChange';

export interface AreaChange {
  before: number | null;
  after: number | null;
  /** after − before; null when either year lacks a value. */
  change: number | null;
}

/** Years of the span for which the indicator has no value at all (nothing to compare with). */
export function yearsWithoutData(indicator: Indicator, span: YearSpan): number[] {
  return [span.from, span.to].filter(
    (y) => ![...(indicator.valuesByYear.get(y)?.values() ?? [])].some(hasValue),
  );
}

/** Change per area key over the span, for the given areas (those drawn on the map). */
export function areaChanges(
  indicator: Indicator,
  span: YearSpan,
  areaKeys: readonly string[],
): Map<string, AreaChange> {
  const before = indicator.valuesByYear.get(span.from);
  const after = indicator.valuesByYear.get(span.to);
  const out = new Map<string, AreaChange>();
  for (const key of areaKeys) {
    const b = before?.get(key);
    const a = after?.get(key);
    out.set(key, {
      before: hasValue(b) ? b : null,
      after: hasValue(a) ? a : null,
      change: difference(b, a),
    });
  }
  return out;
}

/** The unit a change is counted in: a difference of percentages is in percentage points. */
export function changeUnit(unit: UnitKey): UnitKey | 'percentage_points' {
  return unit === 'percent' ? 'percentage_points' : unit;
}

/** A sequential palette cannot show a sign: red–blue (colour-blind safe) unless a diverging one is chosen. */
export const DEFAULT_CHANGE_PALETTE: DivergingPalette = 'RdBu';

export function changePalette(palette: PaletteName): DivergingPalette {
  return isDiverging(palette) ? palette : DEFAULT_CHANGE_PALETTE;
}

export interface ChangeClassEntry {
  kind: 'decline' | 'no-change' | 'growth';
  /** Signed bounds (decline classes are negative); `from === to` for "no change". */
  from: number;
  to: number;
  colour: string;
  count: number;
}

export interface ChangeClassesOptions {
  method: ClassificationMethod;
  /** Classes in all: about half for each side, plus "no change" when some area did not change. */
  classes: number;
  /** Manual breaks are read as distances from zero (their sign is dropped). */
  manualBreaks?: readonly number[];
  palette: PaletteName;
}

export type ChangeClasses =
  | {
      ok: true;
      palette: DivergingPalette;
      /** Most negative first, as the legend lists them. */
      entries: ChangeClassEntry[];
      /** Every class bound, for the number of decimals the labels need. */
      breaks: number[];
      noData: LegendNoDataEntry;
      colourFor(change: number | null | undefined): Fill;
    }
  | { ok: false; reason: ClassifyError; noData: LegendNoDataEntry };

export function changeClasses(
  changes: Iterable<number | null | undefined>,
  options: ChangeClassesOptions,
): ChangeClasses {
  const all = [...changes];
  const values = all.filter(hasValue);
  const noData: LegendNoDataEntry = {
    kind: 'no-data',
    count: all.length - values.length,
    fill: NO_DATA_FILL,
  };
  if (values.length === 0) return { ok: false, reason: 'no-values', noData };

  const magnitudes = values.filter((v) => v !== 0).map(Math.abs);
  const perSide = Math.floor(options.classes / 2);
  let bounds: number[] = [];
  if (magnitudes.length > 0) {
    if (options.method === 'manual') {
      const inner = [...new Set((options.manualBreaks ?? []).map(Math.abs))]
        .filter((b) => b > 0)
        .sort((a, b) => a - b);
      const r = classify(magnitudes, { method: 'manual', manualBreaks: inner });
      if (!r.ok) return { ok: false, reason: r.reason, noData };
      bounds = r.breaks;
    } else if (perSide < MIN_CLASSES) {
      bounds = [Math.min(...magnitudes), Math.max(...magnitudes)];
    } else {
      const r = classify(magnitudes, { method: options.method, classes: perSide });
      if (!r.ok) return { ok: false, reason: r.reason, noData };
      bounds = r.breaks;
    }
  }
  const k = Math.max(bounds.length - 1, 0);
  // A ladder of k classes below, one straddling and k above zero gives divergingColours' equal
  // steps on both arms and its neutral centre for "no change".
  const ladder = Array.from({ length: 2 * k + 2 }, (_, i) => i - k - 0.5);
  const palette = changePalette(options.palette);
  const colours = divergingColours(palette, ladder, 0);
  const neutral = colours[k];

  const sideOf = (v: number): { kind: ChangeClassEntry['kind']; step: number } => {
    if (v === 0) return { kind: 'no-change', step: 0 };
    const step = classIndex(bounds, Math.abs(v)) as number;
    return { kind: v < 0 ? 'decline' : 'growth', step };
  };
  const declines = new Array<number>(k).fill(0);
  const growths = new Array<number>(k).fill(0);
  let zeros = 0;
  for (const v of values) {
    const { kind, step } = sideOf(v);
    if (kind === 'decline') declines[step]++;
    else if (kind === 'growth') growths[step]++;
    else zeros++;
  }
  const entries: ChangeClassEntry[] = [];
  // A side without any area is left out, so a map of growth only shows growth classes.
  if (declines.some((n) => n > 0)) {
    for (let s = k - 1; s >= 0; s--) {
      entries.push({
        kind: 'decline',
        from: -bounds[s + 1],
        to: -bounds[s],
        colour: colours[k - 1 - s],
        count: declines[s],
      });
    }
  }
  if (zeros > 0) entries.push({ kind: 'no-change', from: 0, to: 0, colour: neutral, count: zeros });
  if (growths.some((n) => n > 0)) {
    for (let s = 0; s < k; s++) {
      entries.push({
        kind: 'growth',
        from: bounds[s],
        to: bounds[s + 1],
        colour: colours[k + 1 + s],
        count: growths[s],
      });
    }
  }
  const breaks = [...new Set(entries.flatMap((e) => [e.from, e.to]))].sort((a, b) => a - b);
  return {
    ok: true,
    palette,
    entries,
    breaks,
    noData,
    colourFor(change) {
      if (!hasValue(change)) return { kind: 'no-data' };
      const { kind, step } = sideOf(change);
      const colour =
        kind === 'no-change'
          ? neutral
          : kind === 'decline'
            ? colours[k - 1 - step]
            : colours[k + 1 + step];
      const index = entries.findIndex((e) => e.colour === colour && e.kind === kind);
      return { kind: 'class', classIndex: index, colour };
    },
  };
}

export interface IndicatorChange {
  span: YearSpan;
  unit: UnitKey | 'percentage_points';
  /** Years of the span without any value: the legend says so instead of an empty map. */
  missingYears: number[];
  areas: Map<string, AreaChange>;
  classes: ChangeClasses;
}

/** Everything the change map, its legend and its tooltips need, for the areas drawn. */
export function indicatorChange(
  indicator: Indicator,
  span: YearSpan,
  areaKeys: readonly string[],
  options: ChangeClassesOptions,
): IndicatorChange {
  const areas = areaChanges(indicator, span, areaKeys);
  return {
    span,
    unit: changeUnit(indicator.unit),
    missingYears: yearsWithoutData(indicator, span),
    areas,
    classes: changeClasses(
      areaKeys.map((key) => areas.get(key)?.change),
      options,
    ),
  };
}

/**
 * For a year of the span without data: the nearest year that has data and is not the other end
 * of the span (a span of one year compares nothing). null when there is none.
 */
export function replacementYear(
  indicator: Indicator,
  span: YearSpan,
  missing: number,
): number | null {
  const other = missing === span.from ? span.to : span.from;
  let best: number | null = null;
  for (const [year, values] of indicator.valuesByYear) {
    if (year === other || ![...values.values()].some(hasValue)) continue;
    const closer = best === null || Math.abs(year - missing) < Math.abs(best - missing);
    const tie =
      best !== null && Math.abs(year - missing) === Math.abs(best - missing) && year < best;
    if (closer || tie) best = year;
  }
  return best;
}
