/**
 * deck.gl layers for the administrative areas: an almost transparent, pickable fill that highlights
 * on hover, and a strong outline for the selected area. Pure: view settings + data -> layers.
 */
import { GeoJsonLayer } from '@deck.gl/layers';
import type { AreaFeature } from '../data/boundaries';

export const AREA_COLOURS = {
  // Alpha 1 keeps the fill invisible but pickable.
  fill: [255, 255, 255, 1] as [number, number, number, number],
  hover: [40, 90, 160, 60] as [number, number, number, number],
  selectedLine: [20, 50, 110, 255] as [number, number, number, number],
  selectedFill: [40, 90, 160, 40] as [number, number, number, number],
};

export interface AreaLayerInput {
  /** Features of the chosen level, both countries; a stable array reference per level + era. */
  features: AreaFeature[];
  selected: AreaFeature | null;
  visible: boolean;
}

export function areaLayers({ features, selected, visible }: AreaLayerInput) {
  return [
    new GeoJsonLayer<AreaFeature['properties']>({
      id: 'areas',
      data: features,
      visible,
      pickable: true,
      stroked: false,
      filled: true,
      getFillColor: AREA_COLOURS.fill,
      autoHighlight: true,
      highlightColor: AREA_COLOURS.hover,
    }),
    new GeoJsonLayer<AreaFeature['properties']>({
      id: 'selected-area',
      data: selected ? [selected] : [],
      visible: visible && selected !== null,
      pickable: false,
      stroked: true,
      filled: true,
      getFillColor: AREA_COLOURS.selectedFill,
      getLineColor: AREA_COLOURS.selectedLine,
      lineWidthUnits: 'pixels',
      getLineWidth: 3,
    }),
  ];
}
