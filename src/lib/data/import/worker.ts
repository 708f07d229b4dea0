/**
 * The import worker: reads and validates a user's file off the main thread, posting progress. One
 * job per worker; the main thread cancels by terminating it.
 */
import { importFiles } from './process';
import { MAX_FILE_BYTES, type ImportJob, type ImportOutcome, type WorkerMessage } from './types';

const post = (message: WorkerMessage, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(message, transfer);

self.onmessage = async (event: MessageEvent<ImportJob>) => {
  const job = event.data;
  let outcomes: ImportOutcome[];
  try {
    const files = await Promise.all(
      job.files.map(async (f) => {
        const size = f.data instanceof Blob ? f.data.size : f.data.byteLength;
        // Refused before reading: the limit is checked on the size alone.
        if (size > MAX_FILE_BYTES)
          return { name: f.name, bytes: { length: size } as unknown as Uint8Array };
        const buffer = f.data instanceof Blob ? await f.data.arrayBuffer() : f.data;
        return { name: f.name, bytes: new Uint8Array(buffer) };
      }),
    );
    outcomes = importFiles(files, job.known, {
      id: job.id,
      mapping: job.mapping,
      onProgress: (fraction) => post({ type: 'progress', fraction }),
    });
  } catch (e) {
    outcomes = [
      {
        status: 'failed',
        problems: [
          { key: 'internal', file: job.files[0]?.name ?? '', params: { detail: String(e) } },
        ],
        problemCount: 1,
      },
    ];
  }
  const transfer: Transferable[] = [];
  for (const o of outcomes)
    if (o.status === 'ok' && o.dataset.payload.kind === 'flows') {
      const p = o.dataset.payload;
      transfer.push(p.origin.buffer, p.destination.buffer, p.value.buffer, p.year.buffer);
    }
  post({ type: 'done', outcomes }, transfer);
};
