/**
 * "Compare with year…": the change of one figure between two years. Shared by every layer that
 * offers a compare year, so they all agree on which year is "before" and on what a missing value
 * does to the change: it makes the change unknown, never a change from or to zero.
 */
import { rescale, type Quantity } from './units';
import type { DataFlag } from './units';

/** The two years compared, earlier first. */
export interface YearSpan {
  from: number;
  to: number;
}

/**
 * The span the time control describes: later minus earlier, whichever handle is which (as the
 * commuting layer does). null when not comparing, or when both handles are on the same year.
 */
export function compareSpan(year: number, compareYear: number | null): YearSpan | null {
  if (compareYear === null || compareYear === year) return null;
  return compareYear < year ? { from: compareYear, to: year } : { from: year, to: compareYear };
}

/** A usable number: finite. null, undefined and NaN are "no data". */
export function isValue(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** after − before, or null when either is missing. */
export function difference(
  before: number | null | undefined,
  after: number | null | undefined,
): number | null {
  return isValue(before) && isValue(after) ? after - before : null;
}

/**
 * Relative change in percent; null when either value is missing or the earlier one is 0 (growth
 * from nothing has no percentage) or negative (the sign would mislead).
 */
export function percentChange(
  before: number | null | undefined,
  after: number | null | undefined,
): number | null {
  if (!isValue(before) || !isValue(after) || before <= 0) return null;
  return ((after - before) / before) * 100;
}

/** One side of a comparison: a year's figure (value null = no figure) and its flags. */
export interface YearFigure {
  year: number;
  quantity: Quantity;
  flags: readonly DataFlag[];
}

export type NoChangeReason = 'missing' | 'not-comparable';

export interface FigureChange {
  before: YearFigure;
  after: YearFigure;
  /** In the earlier figure's unit; value null when the change is unknown (see `reason`). */
  change: Quantity;
  percent: number | null;
  reason: NoChangeReason | null;
  /** Flags of either year, so a change built on a suspect figure says so. */
  flags: DataFlag[];
}

/**
 * Change between two published figures. Units are kept: the later figure is re-expressed in the
 * earlier one's unit only by exact rescaling (SEK billion → SEK million); figures in different
 * currencies or of different things are not comparable, so their change stays unknown.
 */
export function figureChange(before: YearFigure, after: YearFigure): FigureChange {
  const flags = [...new Set([...before.flags, ...after.flags])];
  const unit = before.quantity.unit;
  const result = (value: number | null, percent: number | null, reason: NoChangeReason | null) => ({
    before,
    after,
    change: { value, unit },
    percent,
    reason,
    flags,
  });
  if (!isValue(before.quantity.value) || !isValue(after.quantity.value)) {
    return result(null, null, 'missing');
  }
  const aligned = rescale(after.quantity, unit);
  if (!aligned || !isValue(aligned.value)) return result(null, null, 'not-comparable');
  const b = before.quantity.value;
  const a = aligned.value;
  return result(a - b, percentChange(b, a), null);
}

/** A point of a yearly series (trade, a crossing's chart): value null is a gap. */
export interface YearPoint {
  year: number;
  value: number | null;
  flags?: readonly DataFlag[];
}

/** The change of a yearly series between the span's years; a year outside the series is missing. */
export function seriesChange(
  points: readonly YearPoint[],
  unit: Quantity['unit'],
  span: YearSpan,
): FigureChange {
  const figure = (year: number): YearFigure => {
    const p = points.find((x) => x.year === year);
    return { year, quantity: { value: p?.value ?? null, unit }, flags: p?.flags ?? [] };
  };
  return figureChange(figure(span.from), figure(span.to));
}
