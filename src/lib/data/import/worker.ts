/**
 * The import worker: reads and validates a user's file off the main thread, posting progress, and
 * saves what it made in this browser before handing it over. One job per worker; the main thread
 * cancels by terminating it.
 */
import { importFiles } from './process';
import { saveDataset } from './store';
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
  post({ type: 'parsed' });
  for (const o of outcomes)
    if (o.status === 'ok')
      // Saved here, not on the main thread: a structured copy of 100 MB of rows would block it.
      await saveDataset(o.dataset).catch((e: unknown) =>
        // Still shown for this session; not kept (e.g. storage full or private mode).
        console.warn('Gränsatlas: could not save the file in this browser', e),
      );
  const transfer: Transferable[] = [];
  for (const o of outcomes)
    if (o.status === 'ok' && o.dataset.payload.kind === 'flows') {
      const p = o.dataset.payload;
      transfer.push(p.origin.buffer, p.destination.buffer, p.value.buffer, p.year.buffer);
    }
  post({ type: 'done', outcomes }, transfer);
};
