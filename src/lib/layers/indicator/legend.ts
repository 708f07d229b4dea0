/**
 * Legend text and map colours of the choropleth. Pure: the caller passes the locale's number
 * formatter, so labels follow the language (decimal comma, grouping) without importing state.
 */
import { parseAreaKey, type Level, type NoEra } from '../../domain/areas';
import type { Indicator, LegendClassEntry } from '../../domain/classification';

export type NumberFormat = (value: number, options?: Intl.NumberFormatOptions) => string;

/** Enough decimals to tell neighbouring breaks apart, and none for whole numbers. */
export function fractionDigits(breaks: readonly number[]): number {
  if (breaks.every(Number.isInteger)) return 0;
  const diffs = breaks
    .slice(1)
    .map((b, i) => b - breaks[i])
    .filter((d) => d > 0);
  const smallest = Math.min(...diffs, ...breaks.map((b) => Math.abs(b)).filter((b) => b > 0));
  if (!Number.isFinite(smallest)) return 0;
  return Math.max(0, Math.min(4, Math.ceil(-Math.log10(smallest)) + 1));
}

/**
 * One label per class: "from – to" (upper bound inclusive); a one-value class shows that value.
 * Any classes with bounds will do (the change legend's too).
 */
export function classLabels(
  legend: { entries: readonly Pick<LegendClassEntry, 'from' | 'to'>[]; breaks: readonly number[] },
  format: NumberFormat,
): string[] {
  const digits = fractionDigits(legend.breaks);
  const f = (n: number) =>
    format(n, { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return legend.entries.map((e) => (e.from === e.to ? f(e.from) : `${f(e.from)} – ${f(e.to)}`));
}

/** "#rrggbb" or "rgb(r, g, b)" (what d3-scale-chromatic returns) → deck.gl colour. */
export function toRgba(colour: string, alpha = 255): [number, number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (hex) return [parseInt(hex[1], 16), parseInt(hex[2], 16), parseInt(hex[3], 16), alpha];
  const rgb = /^rgb\(\s*(\d+),\s*(\d+),\s*(\d+)\s*\)$/.exec(colour);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), alpha];
  return [128, 128, 128, alpha];
}

/** Level and Norwegian era the indicator's area keys are in (the most common ones). */
export function indicatorGeography(
  indicator: Indicator,
  fallbackEra: NoEra,
): { level: Level; era: NoEra } | null {
  const levels = new Map<Level, number>();
  const eras = new Map<NoEra, number>();
  for (const values of indicator.valuesByYear.values()) {
    for (const key of values.keys()) {
      const area = parseAreaKey(key);
      if (!area) continue;
      levels.set(area.level, (levels.get(area.level) ?? 0) + 1);
      if (area.era !== 'se') eras.set(area.era, (eras.get(area.era) ?? 0) + 1);
    }
  }
  const top = <K>(m: Map<K, number>) => [...m.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const level = top(levels);
  if (!level) return null;
  return { level, era: top(eras) ?? fallbackEra };
}
