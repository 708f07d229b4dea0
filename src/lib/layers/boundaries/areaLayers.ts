/**
 * Areas as polygon parts, the shape deck.gl's SolidPolygonLayer draws (used by area-level data
 * layers such as the choropleth; the boundaries themselves are drawn by MapLibre).
 */
import type { Position } from 'geojson';
import type { AreaFeature } from '../../data/boundaries';

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
