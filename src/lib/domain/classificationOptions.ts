/**
 * The choices a choropleth offers — classification methods, class counts, palette names — without
 * the code that classifies or colours (classification.ts), so the URL codec and the first view do not
 * load d3 or simple-statistics.
 */
export type ClassificationMethod = 'quantile' | 'equal-interval' | 'jenks' | 'manual';
export const CLASSIFICATION_METHODS: readonly ClassificationMethod[] = [
  'quantile',
  'equal-interval',
  'jenks',
  'manual',
];

export const DEFAULT_CLASSES = 5;
export const MIN_CLASSES = 2;
export const MAX_CLASSES = 9;

// Palettes: colour-blind-safe families only (viridis family and ColorBrewer schemes marked
// colour-blind safe). No red–green diverging schemes (RdYlGn, PiYG, Spectral are left out).

export type SequentialPalette =
  'viridis' | 'cividis' | 'magma' | 'Blues' | 'Purples' | 'Oranges' | 'YlGnBu' | 'YlOrBr';
export type DivergingPalette = 'PuOr' | 'BrBG' | 'RdBu' | 'RdYlBu';
export type PaletteName = SequentialPalette | DivergingPalette;

export const SEQUENTIAL_PALETTES: readonly SequentialPalette[] = [
  'viridis',
  'cividis',
  'magma',
  'Blues',
  'Purples',
  'Oranges',
  'YlGnBu',
  'YlOrBr',
];
export const DIVERGING_PALETTES: readonly DivergingPalette[] = ['PuOr', 'BrBG', 'RdBu', 'RdYlBu'];

export function isDiverging(p: PaletteName): p is DivergingPalette {
  return (DIVERGING_PALETTES as readonly string[]).includes(p);
}
