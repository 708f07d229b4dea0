/** Messages between WorkerFlowmapProvider (main thread) and flowmap.worker.ts. */
import type { FlowmapState } from '@flowmap.gl/data';
import type { FlowmapInput } from './flowmapData';

/** Provider methods answered by the worker's LocalFlowmapDataProvider. */
export type FlowmapMethod =
  | 'getLayersData'
  | 'getViewportForLocations'
  | 'getFlowByIndex'
  | 'getLocationById'
  | 'getLocationByIndex'
  | 'getTotalsForLocation';

export type FlowmapRequest =
  | { type: 'data'; layer: string; data: FlowmapInput }
  | { type: 'state'; layer: string; state: FlowmapState }
  | { type: 'call'; layer: string; request: number; method: FlowmapMethod; args: unknown[] };

export type FlowmapReply =
  { request: number; ok: true; result: unknown } | { request: number; ok: false; message: string };
