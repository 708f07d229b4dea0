/**
 * A FlowmapDataProvider whose work runs in flowmap.worker.ts: FlowmapLayer hands it the view state
 * and asks for its drawing data, and clustering and aggregation happen off the main thread, so a
 * control change or a zoom on thousands of flows never blocks the page. Replies that a newer request
 * has overtaken are dropped. While any request is out, <html data-flowmap="pending"> says so (tests
 * and the benchmark wait for "ready").
 */
import type {
  FlowmapDataAccessors,
  FlowmapDataProvider,
  FlowmapState,
  LayersData,
  LocationTotals,
} from '@flowmap.gl/data';
import type { FlowDatum, FlowLocation, FlowmapInput } from './flowmapData';
import type { FlowmapMethod, FlowmapReply, FlowmapRequest } from './flowmapProtocol';

let worker: Worker | null = null;
let nextRequest = 1;
const waiting = new Map<number, (reply: FlowmapReply) => void>();

function markPending() {
  document.documentElement.dataset.flowmap = waiting.size > 0 ? 'pending' : 'ready';
}

function send(message: FlowmapRequest) {
  if (!worker) {
    worker = new Worker(new URL('./flowmap.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<FlowmapReply>) => {
      const resolve = waiting.get(e.data.request);
      waiting.delete(e.data.request);
      markPending();
      resolve?.(e.data);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      console.warn('Gränsatlas: flowmap worker failed', e.message);
      for (const [request, resolve] of waiting) resolve({ request, ok: false, message: e.message });
      waiting.clear();
      markPending();
    };
  }
  worker.postMessage(message);
}

function call<T>(
  layer: string,
  method: FlowmapMethod,
  args: unknown[] = [],
): Promise<T | undefined> {
  const request = nextRequest++;
  return new Promise((resolve) => {
    waiting.set(request, (reply) => {
      if (!reply.ok) console.warn(`Gränsatlas: flowmap ${method}`, reply.message);
      resolve(reply.ok ? (reply.result as T) : undefined);
    });
    markPending();
    send({ type: 'call', layer, request, method, args });
  });
}

export class WorkerFlowmapProvider implements FlowmapDataProvider<FlowLocation, FlowDatum> {
  private data: FlowmapInput | null = null;
  private latest = 0;

  constructor(private readonly layer: string) {}

  /** New data for the layer; sent once per data object. */
  setData(data: FlowmapInput): void {
    if (data === this.data) return;
    this.data = data;
    send({ type: 'data', layer: this.layer, data });
  }

  // The worker reads the fixed FLOWMAP_ACCESSORS; functions cannot cross to it anyway.
  setAccessors(_accessors: FlowmapDataAccessors<FlowLocation, FlowDatum>): void {}

  async setFlowmapState(state: FlowmapState): Promise<void> {
    send({ type: 'state', layer: this.layer, state });
  }

  async updateLayersData(set: (data: LayersData | undefined) => void): Promise<void> {
    const serial = ++this.latest;
    const data = await call<LayersData>(this.layer, 'getLayersData');
    if (serial === this.latest) set(data);
  }

  getLayersData = () => call<LayersData>(this.layer, 'getLayersData');
  getViewportForLocations = (dims: [number, number]) =>
    call<
      Awaited<ReturnType<FlowmapDataProvider<FlowLocation, FlowDatum>['getViewportForLocations']>>
    >(this.layer, 'getViewportForLocations', [dims]);
  getFlowByIndex = (index: number) => call<FlowDatum>(this.layer, 'getFlowByIndex', [index]);
  getLocationById = (id: string | number) =>
    call<FlowLocation>(this.layer, 'getLocationById', [id]);
  getLocationByIndex = (index: number) =>
    call<FlowLocation>(this.layer, 'getLocationByIndex', [index]);
  getTotalsForLocation = (id: string | number) =>
    call<LocationTotals>(this.layer, 'getTotalsForLocation', [id]);
}
