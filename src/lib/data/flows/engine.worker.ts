/**
 * The flow engine: holds users' flow tables (up to millions of rows) off the main thread and
 * answers the flow controls' queries with only the top-N, so a control change never blocks the page.
 * A restored file's rows are read here from the browser's store, never on the main thread.
 */
import {
  indexFlowTable,
  queryFlows,
  type FlowTable,
  type FlowTableIndex,
} from '../../domain/flowQuery';
import type { EngineReply, EngineRequest } from './protocol';
import { savedRows } from '../import/store';

const tables = new Map<string, { rows: FlowTable; index: FlowTableIndex }>();
const post = (reply: EngineReply) => (self as unknown as Worker).postMessage(reply);

self.onmessage = async (event: MessageEvent<EngineRequest>) => {
  const m = event.data;
  if (m.type === 'drop') {
    tables.delete(m.table);
    return;
  }
  try {
    if (m.type === 'load') {
      const columns = m.rows ?? (await savedRows(m.table));
      if (!columns) throw new Error('the rows of this file are not saved in this browser');
      const rows: FlowTable = { places: m.places, ...columns };
      const index = indexFlowTable(rows);
      tables.set(m.table, { rows, index });
      post({ type: 'loaded', request: m.request, years: index.years });
      return;
    }
    const t = tables.get(m.table);
    if (!t) throw new Error(`no table ${m.table}`);
    post({ type: 'result', request: m.request, result: queryFlows(t.rows, t.index, m.query) });
  } catch (e) {
    post({ type: 'error', request: m.request, message: String((e as Error).message ?? e) });
  }
};
