/**
 * FlowmapLayer's data work off the main thread: one @flowmap.gl LocalFlowmapDataProvider per layer
 * (clustering, location totals, top-N, the drawing attributes). The main thread's
 * WorkerFlowmapProvider forwards the layer's calls here and gets plain data back.
 */
import { LocalFlowmapDataProvider } from '@flowmap.gl/data';
import { FLOWMAP_ACCESSORS, type FlowDatum, type FlowLocation } from './flowmapData';
import type { FlowmapReply, FlowmapRequest } from './flowmapProtocol';

const providers = new Map<string, LocalFlowmapDataProvider<FlowLocation, FlowDatum>>();

function provider(layer: string) {
  let p = providers.get(layer);
  if (!p) providers.set(layer, (p = new LocalFlowmapDataProvider(FLOWMAP_ACCESSORS)));
  return p;
}

const post = (reply: FlowmapReply) => (self as unknown as Worker).postMessage(reply);

self.onmessage = async (event: MessageEvent<FlowmapRequest>) => {
  const m = event.data;
  try {
    switch (m.type) {
      case 'data':
        provider(m.layer).setFlowmapData(m.data);
        return;
      case 'state':
        await provider(m.layer).setFlowmapState(m.state);
        return;
      case 'call': {
        const p = provider(m.layer) as unknown as Record<string, (...a: unknown[]) => unknown>;
        post({ request: m.request, ok: true, result: await p[m.method](...m.args) });
        return;
      }
    }
  } catch (e) {
    if (m.type === 'call')
      post({ request: m.request, ok: false, message: String((e as Error).message ?? e) });
    else console.warn('Gränsatlas: flowmap worker', e);
  }
};
