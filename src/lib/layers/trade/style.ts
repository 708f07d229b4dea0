/** Colours of the trade layer (shared by the map, the legend and the chart). */
import type { Direction } from '../../domain/trade';

/** Hue pair that also differs in lightness (ColorBrewer PuOr arms): no red–green. */
export const DIRECTION_COLOURS: Record<Direction, [number, number, number]> = {
  'SE-NO': [84, 39, 136],
  'NO-SE': [224, 130, 20],
};
export const CROSSING_COLOUR: [number, number, number] = [33, 102, 172];

export const hex = ([r, g, b]: readonly number[]) =>
  `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
