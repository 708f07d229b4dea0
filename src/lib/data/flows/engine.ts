/**
 * Main-thread side of the flow engine worker: load a table once (its buffers are transferred, not
 * copied), then ask queries. Browser-only; one worker, started on first use.
 */
import type { FlowQuery, FlowQueryResult, FlowTable } from '../../domain/flowQuery';
import type { EngineReply, EngineRequest } from './protocol';
import type { FlowColumns } from '../import/store';

let worker: Worker | null = null;
let nextRequest = 1;
const waiting = new Map<number, { resolve: (r: EngineReply) => void }>();

function engine(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<EngineReply>) => {
    const w = waiting.get(e.data.request);
    waiting.delete(e.data.request);
    w?.resolve(e.data);
  };
  worker.onerror = (e) => {
    e.preventDefault();
    for (const [request, w] of waiting) w.resolve({ type: 'error', request, message: e.message });
    waiting.clear();
  };
  return worker;
}

function ask(message: EngineRequest & { request: number }, transfer: Transferable[] = []) {
  return new Promise<EngineReply>((resolve) => {
    waiting.set(message.request, { resolve });
    engine().postMessage(message, transfer);
  });
}

/**
 * Hands a table to the engine: its rows, whose typed arrays move to the worker (empty here
 * afterwards), or null to have the worker read them from the saved datasets. Resolves to the
 * table's years, or an error message.
 */
export async function loadTable(
  table: string,
  places: FlowTable['places'],
  rows: FlowColumns | null,
): Promise<{ ok: true; years: number[] } | { ok: false; message: string }> {
  // Only the columns travel (a dataset's payload may carry more).
  const columns: FlowColumns | null = rows && {
    origin: rows.origin,
    destination: rows.destination,
    value: rows.value,
    year: rows.year,
  };
  const buffers = columns ? [...new Set(Object.values(columns).map((a) => a.buffer))] : [];
  const reply = await ask(
    { type: 'load', request: nextRequest++, table, places, rows: columns },
    buffers,
  );
  if (reply.type === 'loaded') return { ok: true, years: reply.years };
  return { ok: false, message: reply.type === 'error' ? reply.message : 'unexpected reply' };
}

export async function queryTable(
  table: string,
  query: FlowQuery,
): Promise<{ ok: true; result: FlowQueryResult } | { ok: false; message: string }> {
  // Marks for the bench (scripts/bench/flows.ts): the engine's span of a control change.
  performance.mark('gransatlas-flows-query-start');
  const reply = await ask({ type: 'query', request: nextRequest++, table, query });
  performance.mark('gransatlas-flows-query-done');
  if (reply.type === 'result') return { ok: true, result: reply.result };
  return { ok: false, message: reply.type === 'error' ? reply.message : 'unexpected reply' };
}

export function dropTable(table: string): void {
  worker?.postMessage({ type: 'drop', table } satisfies EngineRequest);
}
