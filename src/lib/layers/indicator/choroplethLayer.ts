/**
 * The choropleth: one filled polygon per area part, coloured by class (or the no-data grey).
 * SolidPolygonLayer over the boundaries' parts, as the boundaries layer does, so no GeoJsonLayer
 * (and its text layer) is pulled in.
 */
import { SolidPolygonLayer } from '@deck.gl/layers';
import { areaParts, type AreaPart } from '../boundaries/areaLayers';
import type { AreaFeature } from '../../data/boundaries';

export interface ChoroplethInput {
  features: AreaFeature[];
  fills: ReadonlyMap<string, [number, number, number, number]>;
  /** Changes whenever `fills` does (see IndicatorModel.fillsSignature). */
  fillsSignature: string;
  visible: boolean;
}

export function choroplethLayers({ features, fills, fillsSignature, visible }: ChoroplethInput) {
  return [
    new SolidPolygonLayer<AreaPart>({
      id: 'indicator-areas',
      data: areaParts(features),
      visible,
      pickable: true,
      getPolygon: (d) => d.polygon as [number, number][][],
      getFillColor: (d) => fills.get(d.feature.properties.key) ?? [0, 0, 0, 0],
      // Colours change with year and settings; the geometry does not.
      updateTriggers: { getFillColor: fillsSignature },
      autoHighlight: true,
      highlightColor: [255, 255, 255, 90],
    }),
  ];
}
