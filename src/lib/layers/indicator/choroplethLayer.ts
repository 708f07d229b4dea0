/**
 * The choropleth: one filled polygon per area part, coloured by class (or the no-data grey), and
 * over the areas without a value a hatch, so "no data" never reads as a pale class.
 * SolidPolygonLayer over the boundaries' parts, as the boundaries layer does, so no GeoJsonLayer
 * (and its text layer) is pulled in.
 */
import { SolidPolygonLayer } from '@deck.gl/layers';
import { FillStyleExtension, type FillStyleExtensionProps } from '@deck.gl/extensions';
import { areaParts, type AreaPart } from '../boundaries/areaLayers';
import type { AreaFeature } from '../../data/boundaries';
import {
  HATCH_PATTERN,
  NO_DATA_HATCH,
  noDataHatchAtlas,
  noDataParts,
  type HatchAtlas,
} from './hatch';

export interface ChoroplethInput {
  features: AreaFeature[];
  fills: ReadonlyMap<string, [number, number, number, number]>;
  /** Changes whenever `fills` does (see IndicatorModel.fillsSignature). */
  fillsSignature: string;
  /** Areas without a value; a new set whenever they change. */
  noDataKeys: ReadonlySet<string>;
  visible: boolean;
}

// Made once: deck.gl compares the atlas and mapping by reference, and a new one is a new texture.
let atlas: { image: ImageData; mapping: HatchAtlas['mapping']; scale: number } | null = null;
function hatchAtlas() {
  if (!atlas) {
    const a = noDataHatchAtlas();
    atlas = {
      image: new ImageData(a.data, a.width, a.height),
      mapping: a.mapping,
      scale: a.scale,
    };
  }
  return atlas;
}

const hatchExtensions = [new FillStyleExtension({ pattern: true })];

// Same parts and no-data set → the same array, so deck.gl does not re-tesselate.
const noDataCache = new WeakMap<AreaPart[], WeakMap<ReadonlySet<string>, AreaPart[]>>();
function cachedNoDataParts(parts: AreaPart[], keys: ReadonlySet<string>): AreaPart[] {
  let byKeys = noDataCache.get(parts);
  if (!byKeys) noDataCache.set(parts, (byKeys = new WeakMap()));
  let out = byKeys.get(keys);
  if (!out) byKeys.set(keys, (out = noDataParts(parts, keys)));
  return out;
}

export function choroplethLayers({
  features,
  fills,
  fillsSignature,
  noDataKeys,
  visible,
}: ChoroplethInput) {
  const parts = areaParts(features);
  const hatch = hatchAtlas();
  return [
    new SolidPolygonLayer<AreaPart>({
      id: 'indicator-areas',
      data: parts,
      visible,
      pickable: true,
      getPolygon: (d) => d.polygon as [number, number][][],
      getFillColor: (d) => fills.get(d.feature.properties.key) ?? [0, 0, 0, 0],
      // Colours change with year and settings; the geometry does not.
      updateTriggers: { getFillColor: fillsSignature },
      autoHighlight: true,
      highlightColor: [255, 255, 255, 90],
    }),
    // Stripes only, over the grey the layer below draws. Not pickable: hovering and clicking reach
    // the area underneath, so a no-data area keeps its tooltip and selection.
    new SolidPolygonLayer<AreaPart, FillStyleExtensionProps<AreaPart>>({
      id: 'indicator-no-data',
      data: cachedNoDataParts(parts, noDataKeys),
      visible,
      pickable: false,
      getPolygon: (d) => d.polygon as [number, number][][],
      getFillColor: NO_DATA_HATCH.stripe,
      extensions: hatchExtensions,
      fillPatternAtlas: hatch.image,
      fillPatternMapping: hatch.mapping,
      // The atlas is an alpha mask; the colour is getFillColor's.
      fillPatternMask: true,
      // Constant on screen: a hatch that grew with the zoom would read as a texture of the land.
      fillPatternSizeUnits: 'pixels',
      getFillPattern: () => HATCH_PATTERN,
      getFillPatternScale: hatch.scale,
    }),
  ];
}
