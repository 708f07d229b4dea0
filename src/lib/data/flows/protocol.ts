/** Messages between the main thread and the flow engine worker (engine.worker.ts). */
import type { FlowQuery, FlowQueryResult, FlowTable } from '../../domain/flowQuery';
import type { FlowColumns } from '../import/store';

export type EngineRequest =
  /** `rows: null`: read them from the browser's saved datasets. */
  | {
      type: 'load';
      request: number;
      table: string;
      places: FlowTable['places'];
      rows: FlowColumns | null;
    }
  | { type: 'query'; request: number; table: string; query: FlowQuery }
  | { type: 'drop'; table: string };

export type EngineReply =
  | { type: 'loaded'; request: number; years: number[] }
  | { type: 'result'; request: number; result: FlowQueryResult }
  | { type: 'error'; request: number; message: string };
