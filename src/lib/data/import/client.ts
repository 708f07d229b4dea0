/**
 * Main-thread side of the import: runs a job in the worker (progress, cancel) and fetches files
 * from a web address within the size limit. Browser-only; no rune state.
 */
import {
  MAX_FILE_BYTES,
  type ImportJob,
  type ImportOutcome,
  type ImportProblem,
  type WorkerMessage,
} from './types';
import { toCsv } from '../../domain/csv';

export interface RunningImport {
  result: Promise<ImportOutcome[] | 'cancelled'>;
  cancel(): void;
}

export function runImport(job: ImportJob, onProgress: (fraction: number) => void): RunningImport {
  // Marks for the bench (scripts/bench/import.ts): the worker's read-and-check span, then its save.
  performance.mark('gransatlas-import-start');
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  let settle: (value: ImportOutcome[] | 'cancelled') => void = () => {};
  const result = new Promise<ImportOutcome[] | 'cancelled'>((resolve) => (settle = resolve));
  worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
    if (e.data.type === 'progress') onProgress(e.data.fraction);
    else if (e.data.type === 'parsed') performance.mark('gransatlas-import-parsed');
    else {
      performance.mark('gransatlas-import-done');
      settle(e.data.outcomes);
      worker.terminate();
    }
  };
  worker.onerror = (e) => {
    e.preventDefault();
    settle([
      {
        status: 'failed',
        problems: [
          { key: 'internal', file: job.files[0]?.name ?? '', params: { detail: e.message } },
        ],
        problemCount: 1,
      },
    ]);
    worker.terminate();
  };
  worker.postMessage(job);
  return {
    result,
    cancel() {
      worker.terminate();
      settle('cancelled');
    },
  };
}

/** The last path segment of a URL, for naming the dataset. */
export function fileNameOfUrl(url: URL): string {
  const last = decodeURIComponent(url.pathname.split('/').filter(Boolean).at(-1) ?? '');
  return last || url.hostname;
}

/** Downloads a file (http/https only) as a Blob, refusing it as soon as it passes the limit. */
export async function fetchFile(
  address: string,
  signal?: AbortSignal,
): Promise<{ ok: true; name: string; blob: Blob } | { ok: false; problem: ImportProblem }> {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return { ok: false, problem: { key: 'badUrl', file: address } };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, problem: { key: 'badUrl', file: address } };
  const name = fileNameOfUrl(url);
  try {
    const response = await fetch(url, { signal, credentials: 'omit' });
    if (!response.ok)
      return {
        ok: false,
        problem: { key: 'fetchStatus', file: name, params: { value: response.status } },
      };
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > MAX_FILE_BYTES) return tooLarge(name, declared);
    const reader = response.body?.getReader();
    if (!reader) return { ok: true, name, blob: await response.blob() };
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > MAX_FILE_BYTES) {
        await reader.cancel();
        return tooLarge(name, total);
      }
      chunks.push(value);
    }
    return { ok: true, name, blob: new Blob(chunks as BlobPart[]) };
  } catch (e) {
    return {
      ok: false,
      problem: {
        key: 'fetchFailed',
        file: name,
        params: { detail: String((e as Error).message ?? e) },
      },
    };
  }
}

function tooLarge(name: string, size: number) {
  return {
    ok: false as const,
    problem: {
      key: 'tooLarge' as const,
      file: name,
      params: { size, limit: MAX_FILE_BYTES },
    },
  };
}

/**
 * Rows with unknown codes as CSV for download (the shared policy in domain/csv: BOM, CRLF, no
 * formulas), each with its row number in the uploaded file so the user can find and fix it.
 */
export function unknownRowsCsv(header: string[], rows: { row: number; cells: string[] }[]): string {
  return toCsv([['row', ...header], ...rows.map((r) => [r.row, ...r.cells])]);
}
