/**
 * Choropleth classification shared by every area-level figure (indicators, project aggregates,
 * investments): values → class breaks → colours → legend. Missing values (null, undefined, NaN) are
 * "no data" everywhere; they are never counted, classified or coloured as zero.
 *
 * Break convention (as in PySAL mapclassify): breaks = [min, b1, …, max]; class 0 is [min, b1],
 * class i > 0 is (b_i, b_{i+1}]. Jenks breaks are the class maxima, so upper bounds must be inclusive.
 */
import { scaleQuantile } from 'd3-scale';
import * as chromatic from 'd3-scale-chromatic';
import { ckmeans } from 'simple-statistics';
import type { UnitKey } from './units';
import {
  DEFAULT_CLASSES,
  MAX_CLASSES,
  MIN_CLASSES,
  isDiverging,
  type ClassificationMethod,
  type DivergingPalette,
  type PaletteName,
  type SequentialPalette,
} from './classificationOptions';

// The choices (methods, class counts, palette names) live apart so the URL codec can read them
// without loading d3 and simple-statistics into the first view.
export * from './classificationOptions';

export type MaybeValue = number | null | undefined;

/** A usable value: a finite number. null/undefined/NaN/±Infinity are "no data". */
export function hasValue(v: MaybeValue): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

export interface ClassifyOptions {
  method: ClassificationMethod;
  /** Number of classes for quantile / equal-interval / jenks (2–9). Ignored for manual. */
  classes?: number;
  /** Inner thresholds for manual breaks, ascending (e.g. [10, 50, 100] → 4 classes). */
  manualBreaks?: readonly number[];
}

export type ClassifyError = 'no-values' | 'invalid-class-count' | 'invalid-manual-breaks';

export type ClassifyResult =
  | {
      ok: true;
      method: ClassificationMethod;
      /** [min, …, max]; classCount + 1 entries. */
      breaks: number[];
      /** Number of values in each class. */
      counts: number[];
      /** Fewer classes than asked for (too few distinct values); the UI may say so. */
      reduced: boolean;
    }
  | { ok: false; reason: ClassifyError };

/** Index of the class a value falls in, or null for no data. Values outside the range clamp to the end classes. */
export function classIndex(breaks: readonly number[], v: MaybeValue): number | null {
  if (!hasValue(v) || breaks.length < 2) return null;
  const last = breaks.length - 2;
  for (let i = 0; i < last; i++) if (v <= breaks[i + 1]) return i;
  return last;
}

function countByClass(breaks: readonly number[], values: readonly number[]): number[] {
  const counts = new Array<number>(breaks.length - 1).fill(0);
  for (const v of values) counts[classIndex(breaks, v) as number]++;
  return counts;
}

function distinctCount(sorted: readonly number[]): number {
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) n++;
  return n;
}

/** Drop repeated break values (quantiles of tied data) so every class has a non-empty range. */
function dedupe(breaks: number[]): number[] {
  return breaks.filter((b, i) => i === 0 || b > breaks[i - 1]);
}

export function classify(values: Iterable<MaybeValue>, options: ClassifyOptions): ClassifyResult {
  const data: number[] = [];
  for (const v of values) if (hasValue(v)) data.push(v);
  if (data.length === 0) return { ok: false, reason: 'no-values' };
  data.sort((a, b) => a - b);
  const min = data[0];
  const max = data[data.length - 1];

  if (options.method === 'manual') {
    const inner = options.manualBreaks ?? [];
    if (
      inner.length === 0 ||
      inner.some((b, i) => !Number.isFinite(b) || (i > 0 && b <= inner[i - 1]))
    ) {
      return { ok: false, reason: 'invalid-manual-breaks' };
    }
    // The outer bounds follow the data, so no value falls outside the legend.
    const breaks = [Math.min(min, inner[0]), ...inner, Math.max(max, inner[inner.length - 1])];
    const clean = dedupe(breaks);
    return {
      ok: true,
      method: 'manual',
      breaks: clean,
      counts: countByClass(clean, data),
      reduced: clean.length !== breaks.length,
    };
  }

  const asked = options.classes ?? DEFAULT_CLASSES;
  if (!Number.isInteger(asked) || asked < MIN_CLASSES || asked > MAX_CLASSES) {
    return { ok: false, reason: 'invalid-class-count' };
  }
  const k = Math.min(asked, distinctCount(data));
  if (k < 2) {
    // One distinct value: a single class; the legend shows that one value.
    return {
      ok: true,
      method: options.method,
      breaks: [min, max],
      counts: [data.length],
      reduced: true,
    };
  }

  let breaks: number[];
  switch (options.method) {
    case 'equal-interval': {
      const width = (max - min) / k;
      breaks = Array.from({ length: k + 1 }, (_, i) => (i === k ? max : min + i * width));
      break;
    }
    case 'quantile': {
      // d3's quantile thresholds use R-7 interpolation, the same as numpy and mapclassify.
      const thresholds = scaleQuantile<number>()
        .domain(data)
        .range(Array.from({ length: k }, (_, i) => i))
        .quantiles();
      breaks = dedupe([min, ...thresholds, max]);
      break;
    }
    case 'jenks': {
      // ckmeans is the exact optimal 1-D partition minimising within-class squared deviations,
      // i.e. Jenks/Fisher natural breaks; its clusters' maxima are the upper class bounds.
      const clusters = ckmeans(data, k);
      breaks = [min, ...clusters.map((c) => c[c.length - 1])];
      break;
    }
  }
  return {
    ok: true,
    method: options.method,
    breaks,
    counts: countByClass(breaks, data),
    reduced: breaks.length - 1 < asked,
  };
}

// ---------------------------------------------------------------------------------------------
// Palette colours (the names and their colour-blind-safe choice: classificationOptions.ts).

type Interpolator = (t: number) => string;

const INTERPOLATORS: Record<PaletteName, Interpolator> = {
  viridis: chromatic.interpolateViridis,
  cividis: chromatic.interpolateCividis,
  magma: chromatic.interpolateMagma,
  Blues: chromatic.interpolateBlues,
  Purples: chromatic.interpolatePurples,
  Oranges: chromatic.interpolateOranges,
  YlGnBu: chromatic.interpolateYlGnBu,
  YlOrBr: chromatic.interpolateYlOrBr,
  PuOr: chromatic.interpolatePuOr,
  BrBG: chromatic.interpolateBrBG,
  RdBu: chromatic.interpolateRdBu,
  RdYlBu: chromatic.interpolateRdYlBu,
};

/** ColorBrewer's discrete schemes (3–9 colours) are used as published where they exist. */
const SCHEMES: Partial<Record<PaletteName, readonly (readonly string[])[]>> = {
  Blues: chromatic.schemeBlues,
  Purples: chromatic.schemePurples,
  Oranges: chromatic.schemeOranges,
  YlGnBu: chromatic.schemeYlGnBu,
  YlOrBr: chromatic.schemeYlOrBr,
  PuOr: chromatic.schemePuOr,
  BrBG: chromatic.schemeBrBG,
  RdBu: chromatic.schemeRdBu,
  RdYlBu: chromatic.schemeRdYlBu,
};

/** n sequential colours, light to dark (viridis family: dark to light, as designed). */
export function sequentialColours(palette: SequentialPalette, n: number): string[] {
  const scheme = SCHEMES[palette]?.[n];
  if (scheme) return [...scheme];
  // Sample the interpolator, skipping the near-white end of ColorBrewer ramps.
  const lo = SCHEMES[palette] ? 0.15 : 0;
  return Array.from({ length: n }, (_, i) =>
    INTERPOLATORS[palette](n === 1 ? 0.6 : lo + ((1 - lo) * i) / (n - 1)),
  );
}

/**
 * Colours for diverging classes around `midpoint`: classes wholly below get the left arm, classes
 * wholly above the right arm, a class that contains the midpoint the neutral centre. Both arms use
 * the same step, so equal distance from the midpoint has equal lightness on both sides.
 */
export function divergingColours(
  palette: DivergingPalette,
  breaks: readonly number[],
  midpoint: number,
): string[] {
  const n = breaks.length - 1;
  const side = Array.from({ length: n }, (_, i) =>
    breaks[i + 1] <= midpoint ? -1 : breaks[i] >= midpoint ? 1 : 0,
  );
  const below = side.filter((s) => s === -1).length;
  const above = side.filter((s) => s === 1).length;
  const arm = Math.max(below, above, 1);
  const interp = INTERPOLATORS[palette];
  return side.map((s, i) => {
    if (s === 0) return interp(0.5);
    // Distance from the midpoint in classes: 1 for the class next to it.
    const distance = s === -1 ? below - i : i - (n - above) + 1;
    return interp(0.5 + (s * 0.45 * distance) / arm);
  });
}

// ---------------------------------------------------------------------------------------------
// Choropleth: classification + colours + legend, and colourFor(value).

/** Fallback fill for "no data"; the map may draw hatching instead, but never a class colour. */
export const NO_DATA_FILL = '#d9d9d9';

export type Fill = { kind: 'class'; classIndex: number; colour: string } | { kind: 'no-data' };

export interface LegendClassEntry {
  kind: 'class';
  classIndex: number;
  /** Lower bound; inclusive for the first class only. */
  from: number;
  to: number;
  lowerInclusive: boolean;
  colour: string;
  count: number;
}

export interface LegendNoDataEntry {
  kind: 'no-data';
  count: number;
  fill: string;
}

export interface LegendModel {
  unit: UnitKey;
  method: ClassificationMethod;
  palette: PaletteName;
  /** The breaks as numbers; labels are made by the locale formatter with the unit key. */
  breaks: number[];
  entries: LegendClassEntry[];
  /** Always present, so the legend can say "no data: 0 areas" too. */
  noData: LegendNoDataEntry;
  reduced: boolean;
}

export interface ChoroplethOptions extends ClassifyOptions {
  unit: UnitKey;
  palette?: PaletteName;
  /** Centre of a diverging palette (default 0). */
  midpoint?: number;
}

export type Choropleth =
  | {
      ok: true;
      legend: LegendModel;
      classOf(value: MaybeValue): number | null;
      colourFor(value: MaybeValue): Fill;
    }
  | { ok: false; reason: ClassifyError; legend: { unit: UnitKey; noData: LegendNoDataEntry } };

export function buildChoropleth(
  values: Iterable<MaybeValue>,
  options: ChoroplethOptions,
): Choropleth {
  const all = [...values];
  const noDataCount = all.filter((v) => !hasValue(v)).length;
  const noData: LegendNoDataEntry = { kind: 'no-data', count: noDataCount, fill: NO_DATA_FILL };
  const result = classify(all, options);
  if (!result.ok)
    return { ok: false, reason: result.reason, legend: { unit: options.unit, noData } };

  const palette = options.palette ?? 'viridis';
  const { breaks } = result;
  const colours = isDiverging(palette)
    ? divergingColours(palette, breaks, options.midpoint ?? 0)
    : sequentialColours(palette, breaks.length - 1);
  const entries: LegendClassEntry[] = colours.map((colour, i) => ({
    kind: 'class',
    classIndex: i,
    from: breaks[i],
    to: breaks[i + 1],
    lowerInclusive: i === 0,
    colour,
    count: result.counts[i],
  }));
  const classOf = (v: MaybeValue) => classIndex(breaks, v);
  return {
    ok: true,
    legend: {
      unit: options.unit,
      method: result.method,
      palette,
      breaks,
      entries,
      noData,
      reduced: result.reduced,
    },
    classOf,
    colourFor(v: MaybeValue): Fill {
      const i = classOf(v);
      return i === null
        ? { kind: 'no-data' }
        : { kind: 'class', classIndex: i, colour: colours[i] };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Indicators: any value per area and year.

export interface SourceRef {
  /** Short attribution, e.g. "SSB 03321" or "keep.eu via ltalve/interreg-map". */
  label: string;
  url: string;
}

export interface Indicator {
  id: string;
  /** An i18n key (preferred) or literal text for data-defined titles. */
  title: { key: string } | { text: string };
  unit: UnitKey;
  source: SourceRef;
  /** year → areaKey → value; null = the source has the area but no value (shown as no data). */
  valuesByYear: ReadonlyMap<number, ReadonlyMap<string, number | null>>;
  /** Optional flags per year (e.g. partial year, third-party aggregate). */
  notesByYear?: ReadonlyMap<number, readonly string[]>;
}

export type YearPick =
  | { status: 'ok'; year: number; values: ReadonlyMap<string, number | null> }
  | {
      status: 'no-data-for-year';
      year: number;
      availableYears: number[];
      /** Closest available year (earlier wins a tie), for a "show 2020 instead?" hint. */
      nearest: number | null;
    };

export function availableYears(indicator: Indicator): number[] {
  return [...indicator.valuesByYear.keys()].sort((a, b) => a - b);
}

export function pickYear(indicator: Indicator, year: number): YearPick {
  const values = indicator.valuesByYear.get(year);
  if (values && [...values.values()].some(hasValue)) return { status: 'ok', year, values };
  const years = availableYears(indicator).filter((y) =>
    [...(indicator.valuesByYear.get(y)?.values() ?? [])].some(hasValue),
  );
  let nearest: number | null = null;
  for (const y of years) {
    if (nearest === null || Math.abs(y - year) < Math.abs(nearest - year)) nearest = y;
  }
  return { status: 'no-data-for-year', year, availableYears: years, nearest };
}

/** Value for one area in a picked year; undefined and null both mean "no data". */
export function valueFor(pick: YearPick, areaKey: string): number | null {
  if (pick.status !== 'ok') return null;
  const v = pick.values.get(areaKey);
  return hasValue(v) ? v : null;
}

/** Every value of every year, for breaks that stay fixed while the year slider moves. */
export function allValues(indicator: Indicator): number[] {
  const out: number[] = [];
  for (const m of indicator.valuesByYear.values())
    for (const v of m.values()) if (hasValue(v)) out.push(v);
  return out;
}

/**
 * Choropleth of an indicator for one year over the areas drawn on the map. Areas in `areaKeys` that
 * the indicator lacks count as no data. `fixedAcrossYears` classifies all years together.
 */
export function indicatorChoropleth(
  indicator: Indicator,
  year: number,
  areaKeys: readonly string[],
  options: Omit<ChoroplethOptions, 'unit'> & { fixedAcrossYears?: boolean },
): { pick: YearPick; choropleth: Choropleth } {
  const pick = pickYear(indicator, year);
  const yearValues = areaKeys.map((k) => valueFor(pick, k));
  const unit = indicator.unit;
  if (options.fixedAcrossYears && pick.status === 'ok') {
    const fixed = buildChoropleth(allValues(indicator), { ...options, unit });
    if (!fixed.ok) return { pick, choropleth: fixed };
    // Same breaks and colours, but counts of this year and these areas.
    const counts = new Array<number>(fixed.legend.entries.length).fill(0);
    for (const v of yearValues) {
      const i = fixed.classOf(v);
      if (i !== null) counts[i]++;
    }
    const noDataCount = yearValues.filter((v) => !hasValue(v)).length;
    return {
      pick,
      choropleth: {
        ...fixed,
        legend: {
          ...fixed.legend,
          entries: fixed.legend.entries.map((e, i) => ({ ...e, count: counts[i] })),
          noData: { ...fixed.legend.noData, count: noDataCount },
        },
      },
    };
  }
  return { pick, choropleth: buildChoropleth(yearValues, { ...options, unit }) };
}
