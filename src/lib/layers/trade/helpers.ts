/** Pure helpers of the trade layer: years with data, scale maxima, display names. */
import {
  tradeSeries,
  type Crossing,
  type CrossingSymbolMeasure,
  type CrossingsFile,
  type Reporter,
  type TradeFile,
} from '../../domain/trade';

const SYMBOL_MEASURE_KEY: Record<CrossingSymbolMeasure, string> = {
  traffic: 'aadt_all',
  heavy: 'aadt_heavy',
  freight: 'freight_tonnes_per_year',
};

/** Years of the series of one reporter that have a value. */
export function tradeYears(file: TradeFile, reporter: Reporter): number[] {
  const years = new Set<number>();
  for (const s of tradeSeries(file, reporter).series)
    for (const p of s.points) if (p.value !== null) years.add(p.year);
  return [...years].sort((a, b) => a - b);
}

/** Largest value of either direction over all years: widths stay comparable while the year moves. */
export function maxFlowValue(file: TradeFile, reporter: Reporter): number {
  let max = 0;
  for (const s of file.series)
    if (s.reporter === reporter) for (const v of s.values) if (v !== null && v > max) max = v;
  return max;
}

/** Largest single-crossing value of a measure in any year, for a symbol scale that stays put. */
export function maxCrossingValue(file: CrossingsFile, measure: CrossingSymbolMeasure): number {
  let max = 0;
  for (const o of file.traffic) {
    if (o.crossingIds.length !== 1 || o.measure !== SYMBOL_MEASURE_KEY[measure]) continue;
    if (o.quantity.value !== null && o.quantity.value > max) max = o.quantity.value;
  }
  return max;
}

/** Name in the language shown (Swedish name in sv/en, Norwegian in nb), unless it is unverified. */
export function crossingName(c: Crossing, lang: string): string {
  const unverified = (n: string) => n.startsWith('(');
  const primary = lang === 'nb' ? c.nameNo : c.nameSe;
  const other = lang === 'nb' ? c.nameSe : c.nameNo;
  return unverified(primary) ? other : primary;
}
