/**
 * deck.gl layers for the administrative areas: an almost transparent, pickable fill that highlights
 * on hover, and a strong outline for the selected area. Pure: view settings + data -> layers.
 * SolidPolygonLayer and PathLayer rather than GeoJsonLayer: GeoJsonLayer bundles the icon and text
 * layers too, which the first load does not need.
 */
import { PathLayer, SolidPolygonLayer } from '@deck.gl/layers';
import type { Position } from 'geojson';
import type { AreaFeature } from '../../data/boundaries';

export const AREA_COLOURS = {
  // Alpha 1 keeps the fill invisible but pickable.
  fill: [255, 255, 255, 1] as [number, number, number, number],
  hover: [40, 90, 160, 60] as [number, number, number, number],
  selectedLine: [20, 50, 110, 255] as [number, number, number, number],
  selectedFill: [40, 90, 160, 40] as [number, number, number, number],
};

/** One polygon (outer ring + holes) of an area; multipolygons give several parts. */
export interface AreaPart {
  feature: AreaFeature;
  polygon: Position[][];
}

const partsCache = new WeakMap<AreaFeature[], AreaPart[]>();

export function areaParts(features: AreaFeature[]): AreaPart[] {
  let parts = partsCache.get(features);
  if (!parts) {
    parts = features.flatMap((feature) => {
      const g = feature.geometry;
      const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      return polygons.map((polygon) => ({ feature, polygon }));
    });
    partsCache.set(features, parts);
  }
  return parts;
}

export interface AreaLayerInput {
  /** Features of the chosen level, both countries; a stable array reference per level + era. */
  features: AreaFeature[];
  selected: AreaFeature | null;
  visible: boolean;
}

export function areaLayers({ features, selected, visible }: AreaLayerInput) {
  const selectedParts = selected ? areaParts([selected]) : [];
  return [
    new SolidPolygonLayer<AreaPart>({
      id: 'boundaries-areas',
      data: areaParts(features),
      visible,
      pickable: true,
      getPolygon: (d) => d.polygon as [number, number][][],
      getFillColor: AREA_COLOURS.fill,
      autoHighlight: true,
      highlightColor: AREA_COLOURS.hover,
    }),
    new SolidPolygonLayer<AreaPart>({
      id: 'boundaries-selected-fill',
      data: selectedParts,
      visible: visible && selected !== null,
      getPolygon: (d) => d.polygon as [number, number][][],
      getFillColor: AREA_COLOURS.selectedFill,
    }),
    new PathLayer<Position[]>({
      id: 'boundaries-selected-outline',
      data: selectedParts.flatMap((part) => part.polygon),
      visible: visible && selected !== null,
      getPath: (ring) => ring as [number, number][],
      getColor: AREA_COLOURS.selectedLine,
      widthUnits: 'pixels',
      getWidth: 3,
      jointRounded: true,
    }),
  ];
}
