/**
 * Schematic geometry of the national trade flows: two curved arrows between representative points
 * of the two countries, one bending to each side so the directions never overlap, with width in
 * metres (so the arrowhead and the line scale together with the map). Pure.
 */
import type { Direction } from '../../domain/trade';

type LonLat = [number, number];

/** Representative points, not places: inland Sweden (Bergslagen) and eastern Norway (south of Hamar). */
export const COUNTRY_POINTS: Record<'SE' | 'NO', LonLat> = {
  SE: [14.8, 59.45],
  NO: [10.5, 60.35],
};

/** Widest flow (the largest value of the series, any year) in metres. */
export const MAX_FLOW_WIDTH_M = 24_000;
const M_PER_DEG = 111_320;

export interface FlowShape {
  path: LonLat[];
  arrow: LonLat[];
  widthM: number;
  /** Where a label or a test can find the flow: the middle of the curve. */
  mid: LonLat;
}

export function flowWidth(value: number | null, maxValue: number): number {
  if (value === null || !(maxValue > 0) || value <= 0) return 0;
  return (MAX_FLOW_WIDTH_M * value) / maxValue;
}

/** Quadratic curve from `from` to `to`, bulging to the right of travel, with an arrowhead. */
export function flowShape(direction: Direction, widthM: number, bend = 0.3): FlowShape {
  const [a, b] = direction === 'SE-NO' ? ['SE', 'NO'] : ['NO', 'SE'];
  const from = COUNTRY_POINTS[a as 'SE' | 'NO'];
  const to = COUNTRY_POINTS[b as 'SE' | 'NO'];
  const lat0 = (from[1] + to[1]) / 2;
  const k = Math.cos((lat0 * Math.PI) / 180);
  // Work in a local plane where one unit is the same distance both ways.
  const P = (p: LonLat) => [p[0] * k, p[1]] as [number, number];
  const L = (p: [number, number]): LonLat => [p[0] / k, p[1]];
  const p0 = P(from);
  const p2 = P(to);
  const dx = p2[0] - p0[0];
  const dy = p2[1] - p0[1];
  const len = Math.hypot(dx, dy);
  // Right-hand normal of the travel direction.
  const nx = dy / len;
  const ny = -dx / len;
  // Each direction starts and ends a little to its own side, so the two arrows never touch.
  const side = len * 0.07;
  p0[0] += nx * side;
  p0[1] += ny * side;
  p2[0] += nx * side;
  p2[1] += ny * side;
  const c = [(p0[0] + p2[0]) / 2 + nx * len * bend, (p0[1] + p2[1]) / 2 + ny * len * bend];
  const at = (s: number): [number, number] => [
    (1 - s) ** 2 * p0[0] + 2 * (1 - s) * s * c[0] + s ** 2 * p2[0],
    (1 - s) ** 2 * p0[1] + 2 * (1 - s) * s * c[1] + s ** 2 * p2[1],
  ];
  const wDeg = widthM / M_PER_DEG;
  const headLength = Math.max(wDeg * 1.4, 0.12);
  const headHalf = Math.max(wDeg * 0.95, 0.07);
  // Stop the line where the arrowhead begins (found along the curve).
  const samples = 40;
  const pts = Array.from({ length: samples + 1 }, (_, i) => at(i / samples));
  let cut = samples;
  while (cut > 1 && Math.hypot(pts[cut][0] - p2[0], pts[cut][1] - p2[1]) < headLength) cut--;
  const base = pts[cut];
  const tx = p2[0] - base[0];
  const ty = p2[1] - base[1];
  const tl = Math.hypot(tx, ty) || 1;
  const ux = tx / tl;
  const uy = ty / tl;
  const arrow = [
    p2,
    [base[0] - uy * headHalf, base[1] + ux * headHalf],
    [base[0] + uy * headHalf, base[1] - ux * headHalf],
  ] as [number, number][];
  return {
    path: pts.slice(0, cut + 1).map(L),
    arrow: arrow.map(L),
    widthM,
    mid: L(at(0.5)),
  };
}
