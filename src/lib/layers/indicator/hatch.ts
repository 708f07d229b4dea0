/**
 * The "no data" hatch: thin diagonal stripes ("/") over the no-data grey, so an area without a value
 * can never be read as a pale class. One description drives the map (a deck.gl pattern atlas made
 * here, nothing fetched), the legend swatch (CSS) and the PNG export's swatch (SVG), so all three
 * show the same stripes. Pure: no deck.gl, no DOM.
 */
import type { AreaPart } from '../boundaries/areaLayers';

/** CSS pixels from one stripe to the next, measured along a tile's side (the tile is square). */
const TILE_PX = 8;
/** Atlas texels per CSS pixel: 2 keeps the stripes sharp on high-density screens. */
const TEXELS_PER_PX = 2;

export const NO_DATA_HATCH = {
  tilePx: TILE_PX,
  /** Distance between stripes across them (45° lines on a square tile). */
  spacingPx: TILE_PX / Math.SQRT2,
  /** Stripe width, CSS pixels: thin enough that the area's borders stay the strongest lines. */
  stripePx: 1.1,
  /** Stripe colour, drawn over the no-data grey; translucent so the basemap shows through. */
  stripe: [100, 100, 100, 115] as [number, number, number, number],
} as const;

/** Name of the hatch in the deck.gl pattern mapping. */
export const HATCH_PATTERN = 'no-data-hatch';

export interface HatchAtlas {
  width: number;
  height: number;
  /** RGBA, row by row from the top; only alpha matters (the layer uses it as a mask). */
  data: Uint8ClampedArray<ArrayBuffer>;
  mapping: Record<string, { x: number; y: number; width: number; height: number }>;
  /** getFillPatternScale that makes one tile `tilePx` CSS pixels. */
  scale: number;
}

/**
 * A square tile of "/" stripes as an alpha mask: texels on the lines x + y = k·size are opaque,
 * with edges antialiased by 4×4 supersampling. The pattern depends only on (x + y) mod size, so
 * tiles join without a seam.
 */
export function hatchMask(size: number, stripeTexels: number): Uint8ClampedArray<ArrayBuffer> {
  const data = new Uint8ClampedArray(size * size * 4);
  const samples = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const u = (x + (sx + 0.5) / samples + y + (sy + 0.5) / samples) % size;
          // Distance to the nearest line, measured across the stripes.
          if (Math.min(u, size - u) / Math.SQRT2 <= stripeTexels / 2) covered++;
        }
      }
      const i = (y * size + x) * 4;
      data[i] = data[i + 1] = data[i + 2] = 255;
      data[i + 3] = Math.round((255 * covered) / (samples * samples));
    }
  }
  return data;
}

/** The atlas the no-data layer draws with: one tile, named HATCH_PATTERN. */
export function noDataHatchAtlas(): HatchAtlas {
  const size = NO_DATA_HATCH.tilePx * TEXELS_PER_PX;
  return {
    width: size,
    height: size,
    data: hatchMask(size, NO_DATA_HATCH.stripePx * TEXELS_PER_PX),
    mapping: { [HATCH_PATTERN]: { x: 0, y: 0, width: size, height: size } },
    scale: 1 / TEXELS_PER_PX,
  };
}

/** The parts of the areas without a value (the ones to hatch), in the order given. */
export function noDataParts(parts: readonly AreaPart[], noDataKeys: ReadonlySet<string>) {
  return parts.filter((p) => noDataKeys.has(p.feature.properties.key));
}

function rgba([r, g, b, a]: readonly number[]): string {
  return `rgba(${r}, ${g}, ${b}, ${Math.round((a / 255) * 100) / 100})`;
}

/** CSS background-image of the legend's no-data swatch (put over the no-data grey). */
export function hatchCss(): string {
  const { spacingPx, stripePx, stripe } = NO_DATA_HATCH;
  const colour = rgba(stripe);
  // 135deg runs the gradient towards the bottom right, so its bands are "/" lines, as on the map.
  return (
    `repeating-linear-gradient(135deg, ${colour} 0 ${stripePx}px, ` +
    `transparent ${stripePx}px ${spacingPx.toFixed(3)}px)`
  );
}

/**
 * The same swatch as standalone SVG markup, for the PNG export (which cannot read CSS gradients).
 * The export draws SVG swatches 32 × 16 and colour swatches 16 × 12 in the middle of that box, so
 * the hatch is drawn at the colour swatches' size and place.
 */
export function hatchSwatchSvg(background: string): string {
  const { spacingPx, stripePx, stripe } = NO_DATA_HATCH;
  const s = spacingPx.toFixed(3);
  const box = 'x="8" y="2" width="16" height="12"';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="16">` +
    `<defs><pattern id="h" width="${s}" height="${s}" patternUnits="userSpaceOnUse" ` +
    // Horizontal bands turned 45° anticlockwise: "/" lines.
    `patternTransform="rotate(-45)"><rect width="${s}" height="${stripePx}" fill="${rgba(stripe)}"/>` +
    `</pattern></defs><rect ${box} fill="${background}"/><rect ${box} fill="url(#h)"/></svg>`
  );
}
