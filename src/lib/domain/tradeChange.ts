/**
 * Trade and crossing figures compared between two years (the time control's "compare with"):
 * each direction's goods trade and a crossing's traffic, each in its published unit.
 */
import {
  crossingValuesForYear,
  tradeSeries,
  type CrossingSymbolMeasure,
  type CrossingsFile,
  type Direction,
  type Reporter,
  type TradeFile,
} from './trade';
import {
  figureChange,
  seriesChange,
  type FigureChange,
  type YearFigure,
  type YearSpan,
} from './yearChange';

export interface DirectionChange {
  direction: Direction;
  change: FigureChange;
}

/** Both directions' change as one reporter reports them (the two reporters are never mixed). */
export function tradeChanges(
  file: TradeFile,
  reporter: Reporter,
  span: YearSpan,
): DirectionChange[] {
  return tradeSeries(file, reporter).series.map((s) => ({
    direction: s.direction,
    change: seriesChange(s.points, s.unit, span),
  }));
}

/**
 * A crossing's change in the measure its symbol shows. Only figures of the two years themselves
 * count: the map may show an older figure for a year without one, but a change from a stand-in
 * would be invented. A part-year figure is not compared with a whole-year one. null when the
 * crossing has no figure of this measure in either year.
 */
export function crossingChange(
  file: CrossingsFile,
  crossingId: string,
  span: YearSpan,
  measure: CrossingSymbolMeasure,
): FigureChange | null {
  const at = (year: number) =>
    crossingValuesForYear(file, year, measure).find(
      (v) => v.crossingId === crossingId && v.isSelectedYear,
    )?.observation ?? null;
  const before = at(span.from);
  const after = at(span.to);
  const unit = before?.quantity.unit ?? after?.quantity.unit;
  if (!unit) return null;
  const figure = (year: number, o: typeof before): YearFigure =>
    o
      ? { year, quantity: o.quantity, flags: o.flags }
      : { year, quantity: { value: null, unit }, flags: [] };
  const change = figureChange(figure(span.from, before), figure(span.to, after));
  if (before && after && before.period.partial !== after.period.partial) {
    return {
      ...change,
      change: { ...change.change, value: null },
      percent: null,
      reason: 'not-comparable',
    };
  }
  return change;
}
