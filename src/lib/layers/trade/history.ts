/**
 * A crossing's figures as chart series: one per measure and unit, whole-year two-way figures of
 * that crossing alone, with missing years as gaps (sparse counts never become a connected line).
 */
import type { TrafficObservation } from '../../domain/trade';
import type { ChartSeries, ChartPoint } from './chart';

const COLOURS = ['#2166ac', '#b35806', '#542788', '#1b7837'];

export function crossingChartSeries(
  history: readonly TrafficObservation[],
  crossingId: string,
): ChartSeries[] {
  const groups = new Map<string, TrafficObservation[]>();
  for (const o of history) {
    if (o.crossingIds.length !== 1 || o.crossingIds[0] !== crossingId) continue;
    if (o.period.partial || o.period.kind === 'undated' || o.direction !== 'both') continue;
    if (o.quantity.value === null || o.quantity.unit === 'rank') continue;
    const key = `${o.measure}|${o.quantity.unit}`;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const out: ChartSeries[] = [];
  for (const [key, rows] of groups) {
    const byYear = new Map(rows.map((o) => [o.period.year, o]));
    if (byYear.size < 2) continue;
    const years = [...byYear.keys()].sort((a, b) => a - b);
    const points: ChartPoint[] = [];
    for (let y = years[0]; y <= years[years.length - 1]; y++) {
      const o = byYear.get(y);
      points.push({ year: y, value: o?.quantity.value ?? null, flags: o?.flags ?? [] });
    }
    out.push({
      id: key,
      label: rows[0].indicator,
      colour: COLOURS[out.length % COLOURS.length],
      unit: rows[0].quantity.unit,
      points,
    });
  }
  return out;
}
