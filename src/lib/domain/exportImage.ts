/**
 * Arithmetic of the PNG export: the frame around the map and the scale bar. Pure, in CSS pixels
 * unless said otherwise; the export multiplies everything by its pixel ratio.
 */

/** Equatorial circumference of the Web Mercator sphere, metres. */
const EARTH_CIRCUMFERENCE = 40_075_016.686;
/** MapLibre's tiles are 512 px at zoom 0. */
const TILE_SIZE = 512;

/** Ground metres per CSS pixel at `latitude` (degrees) and MapLibre `zoom`. */
export function metresPerPixel(zoom: number, latitude: number): number {
  return (EARTH_CIRCUMFERENCE * Math.cos((latitude * Math.PI) / 180)) / (TILE_SIZE * 2 ** zoom);
}

export interface ScaleBar {
  metres: number;
  /** Length of the bar in CSS pixels (at most `maxWidth`). */
  pixels: number;
  label: string;
}

/** The longest round distance (1, 2 or 5 × 10^n metres) that fits in `maxWidth` pixels. */
export function scaleBar(zoom: number, latitude: number, maxWidth = 120): ScaleBar {
  const perPixel = metresPerPixel(zoom, latitude);
  const maxMetres = perPixel * maxWidth;
  const power = 10 ** Math.floor(Math.log10(maxMetres));
  const step = [5, 2, 1].find((s) => s * power <= maxMetres) ?? 1;
  const metres = step * power;
  const label = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
  return { metres, pixels: metres / perPixel, label };
}

/** Heights of the title bar above the map and the footer (scale bar, attribution) below it. */
export const EXPORT_FRAME = { title: 56, footer: 36 } as const;

export interface ExportLayout {
  width: number;
  height: number;
  /** Where the map image goes, in output pixels. */
  map: { x: number; y: number; width: number; height: number };
}

/** Output size of a PNG of a `mapWidth` × `mapHeight` CSS-pixel map at `ratio`. */
export function exportLayout(mapWidth: number, mapHeight: number, ratio: number): ExportLayout {
  const width = Math.round(mapWidth * ratio);
  const mapPixels = Math.round(mapHeight * ratio);
  const title = EXPORT_FRAME.title * ratio;
  return {
    width,
    height: Math.round(title + mapPixels + EXPORT_FRAME.footer * ratio),
    map: { x: 0, y: title, width, height: mapPixels },
  };
}

export const EXPORT_RATIOS = [1, 2, 4] as const;
export type ExportRatio = (typeof EXPORT_RATIOS)[number];
