/**
 * The shape FlowmapLayer draws (locations and flows) and how it reads them. Shared by the layer on
 * the main thread and the flowmap worker, so this module stays free of deck.gl.
 */
import type { FlowmapDataAccessors } from '@flowmap.gl/data';

export interface FlowLocation {
  id: string;
  name: string;
  lon: number;
  lat: number;
}
export interface FlowDatum {
  origin: string;
  dest: string;
  count: number;
}

export interface FlowmapInput {
  locations: FlowLocation[];
  flows: FlowDatum[];
}

export const FLOWMAP_ACCESSORS: FlowmapDataAccessors<FlowLocation, FlowDatum> = {
  getLocationId: (l) => l.id,
  getLocationName: (l) => l.name,
  getLocationLat: (l) => l.lat,
  getLocationLon: (l) => l.lon,
  getFlowOriginId: (f) => f.origin,
  getFlowDestId: (f) => f.dest,
  getFlowMagnitude: (f) => f.count,
};
