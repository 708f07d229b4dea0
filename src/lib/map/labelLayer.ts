/**
 * Place names drawn by deck.gl's TextLayer: glyphs are rasterised in the browser from the bundled
 * Noto Sans web font, so labels need no glyph server and work offline (å, ä, ö, ø, æ included).
 */
import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { PlaceLabel } from '../data/boundaries';

export const LABEL_FONT = 'Noto Sans';

/** Smallest zoom at which a label of each rank is shown. */
const MIN_ZOOM_FOR_RANK: Record<PlaceLabel['rank'], number> = { 1: 0, 2: 5.5, 3: 7 };

export function labelsForZoom(labels: readonly PlaceLabel[], zoom: number): PlaceLabel[] {
  return labels.filter((label) => zoom >= MIN_ZOOM_FOR_RANK[label.rank]);
}

/** A dot and a name for each place (call once the web font has loaded, so the atlas uses it). */
export function placeLayers(labels: PlaceLabel[]) {
  const dots = new ScatterplotLayer<PlaceLabel>({
    id: 'place-dots',
    data: labels,
    getPosition: (d) => [d.lon, d.lat],
    getRadius: (d) => (d.rank === 1 ? 3.5 : 2.5),
    radiusUnits: 'pixels',
    getFillColor: [60, 60, 58, 255],
    stroked: true,
    getLineColor: [255, 255, 255, 255],
    lineWidthUnits: 'pixels',
    getLineWidth: 1,
  });
  const names = new TextLayer<PlaceLabel>({
    id: 'place-labels',
    data: labels,
    getPosition: (d) => [d.lon, d.lat],
    getText: (d) => d.name,
    getSize: (d) => (d.rank === 1 ? 15 : d.rank === 2 ? 13.5 : 12.5),
    getColor: [40, 40, 38, 255],
    fontFamily: LABEL_FONT,
    fontWeight: 600,
    characterSet: 'auto',
    fontSettings: { sdf: true, fontSize: 64, buffer: 6 },
    outlineWidth: 3,
    outlineColor: [255, 255, 255, 230],
    getTextAnchor: 'start',
    getAlignmentBaseline: 'center',
    getPixelOffset: [6, 0],
    sizeUnits: 'pixels',
    pickable: false,
  });
  return [dots, names];
}
