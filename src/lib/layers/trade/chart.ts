/**
 * A small time-series chart as plain data: d3 scales, one SVG path per series broken at every gap
 * (null never becomes zero or a bridged line), isolated values as dots, flagged years as markers.
 * Pure, so the geometry is unit-tested; TimeSeriesChart.svelte only draws it.
 */
import { scaleLinear } from 'd3-scale';
import type { DataFlag, UnitKey } from '../../domain/units';

export interface ChartPoint {
  year: number;
  value: number | null;
  flags?: readonly DataFlag[];
}

export interface ChartSeries {
  id: string;
  label: string;
  colour: string;
  unit: UnitKey;
  points: readonly ChartPoint[];
}

export interface ChartSize {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export const DEFAULT_CHART_SIZE: ChartSize = {
  width: 320,
  height: 170,
  margin: { top: 10, right: 16, bottom: 22, left: 48 },
};

type Scale = (n: number) => number;

const r = (n: number) => Math.round(n * 10) / 10;

/** SVG path through the points, starting a new subpath after every gap. Single points are left out. */
export function linePath(points: readonly ChartPoint[], x: Scale, y: Scale): string {
  let d = '';
  let run: ChartPoint[] = [];
  const flush = () => {
    if (run.length >= 2) {
      d += run.map((p, i) => `${i === 0 ? 'M' : 'L'}${r(x(p.year))},${r(y(p.value!))}`).join('');
    }
    run = [];
  };
  for (const p of points) {
    if (p.value === null || !Number.isFinite(p.value)) flush();
    else run.push(p);
  }
  flush();
  return d;
}

/** Values with no neighbour on either side: drawn as dots, since a line needs two points. */
export function isolatedPoints(points: readonly ChartPoint[]): ChartPoint[] {
  const has = (p: ChartPoint | undefined) => p !== undefined && p.value !== null;
  return points.filter((p, i) => has(p) && !has(points[i - 1]) && !has(points[i + 1]));
}

/** Count of gaps (runs of missing values between or around published values). */
export function gapCount(points: readonly ChartPoint[]): number {
  let gaps = 0;
  for (let i = 0; i < points.length; i++) {
    if (points[i].value === null && (i === 0 || points[i - 1].value !== null)) gaps++;
  }
  return gaps;
}

export interface ChartModel {
  size: ChartSize;
  years: [number, number];
  yTicks: number[];
  xTicks: number[];
  x: Scale;
  y: Scale;
  lines: {
    series: ChartSeries;
    path: string;
    dots: { cx: number; cy: number; year: number; value: number }[];
    flagged: { cx: number; cy: number; year: number; value: number; flags: readonly DataFlag[] }[];
    gaps: number;
  }[];
  /** x of the selected year, or null when it is outside the chart. */
  selectedX: number | null;
  /** x of the compare year ("compare with…"), or null when not comparing or outside the chart. */
  compareX: number | null;
}

/** Scales and paths for series sharing one unit; null when there is not a single value. */
export function chartModel(
  series: readonly ChartSeries[],
  selectedYear: number | null,
  size: ChartSize = DEFAULT_CHART_SIZE,
  compareYear: number | null = null,
): ChartModel | null {
  const all = series.flatMap((s) => s.points);
  const values = all.flatMap((p) =>
    p.value !== null && Number.isFinite(p.value) ? [p.value] : [],
  );
  if (values.length === 0) return null;
  const years = all.map((p) => p.year);
  const y0 = Math.min(...years);
  const y1 = Math.max(...years);
  const { width, height, margin } = size;
  const x = scaleLinear()
    .domain(y0 === y1 ? [y0 - 1, y1 + 1] : [y0, y1])
    .range([margin.left, width - margin.right]);
  const y = scaleLinear()
    .domain([Math.min(0, ...values), Math.max(...values)])
    .nice(4)
    .range([height - margin.bottom, margin.top]);
  const inside = (year: number | null): year is number => year !== null && year >= y0 && year <= y1;
  const dot = (p: ChartPoint) => ({
    cx: r(x(p.year)),
    cy: r(y(p.value!)),
    year: p.year,
    value: p.value!,
  });
  return {
    size,
    years: [y0, y1],
    x,
    y,
    yTicks: y.ticks(4),
    xTicks: x.ticks(5).filter((t) => Number.isInteger(t)),
    lines: series.map((s) => ({
      series: s,
      path: linePath(s.points, x, y),
      dots: isolatedPoints(s.points).map(dot),
      flagged: s.points
        .filter((p) => p.value !== null && (p.flags?.length ?? 0) > 0)
        .map((p) => ({ ...dot(p), flags: p.flags ?? [] })),
      gaps: gapCount(s.points),
    })),
    selectedX: inside(selectedYear) ? r(x(selectedYear)) : null,
    compareX: inside(compareYear) && compareYear !== selectedYear ? r(x(compareYear)) : null,
  };
}
