/**
 * Where loaded datasets are kept between visits: IndexedDB, usable from the page and from workers.
 * A flow file's rows (up to 200 MB of columns) are kept apart from its description: the page reads
 * only the descriptions, and the flow engine worker reads the rows itself, so neither saving (done
 * by the import worker) nor restoring ever copies a big file on the main thread.
 */
import type { ImportedDataset, ImportedFlows } from './types';

const DB = 'gransatlas-imported';
const VERSION = 2;
const DATASETS = 'datasets';
/** Version 2: a flow file's columns, by dataset id. */
const ROWS = 'rows';

export type FlowColumns = Pick<ImportedFlows, 'origin' | 'destination' | 'value' | 'year'>;
interface RowsRecord extends FlowColumns {
  id: string;
}

const NO_ROWS: FlowColumns = {
  origin: new Int32Array(0),
  destination: new Int32Array(0),
  value: new Float64Array(0),
  year: new Int32Array(0),
};

/** Splits a dataset into what the page reads and, for flows, the rows it leaves to the engine. */
function split(dataset: ImportedDataset): [ImportedDataset, RowsRecord | null] {
  const p = dataset.payload;
  if (p.kind !== 'flows' || !hasRows(dataset)) return [dataset, null];
  const { origin, destination, value, year } = p;
  return [
    { ...dataset, payload: { ...p, ...NO_ROWS } },
    { id: dataset.id, origin, destination, value, year },
  ];
}

/** Whether a flow dataset's rows are in memory here (false once restored: they stay in the store). */
export function hasRows(dataset: ImportedDataset): boolean {
  return dataset.payload.kind === 'flows' && dataset.payload.origin.length > 0;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, VERSION);
    req.onupgradeneeded = (event) => {
      const db = req.result;
      if (event.oldVersion < 1) db.createObjectStore(DATASETS, { keyPath: 'id' });
      if (event.oldVersion < 2) {
        db.createObjectStore(ROWS, { keyPath: 'id' });
        if (event.oldVersion >= 1) {
          // Version 1 kept the rows inside the dataset: move them out.
          const t = req.transaction!;
          t.objectStore(DATASETS).openCursor().onsuccess = (e) => {
            const cursor = (e.target as IDBRequest<IDBCursorWithValue | null>).result;
            if (!cursor) return;
            const [dataset, rows] = split(cursor.value as ImportedDataset);
            if (rows) {
              t.objectStore(ROWS).put(rows);
              cursor.update(dataset);
            }
            cursor.continue();
          };
        }
      }
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function tx<T>(
  stores: string[],
  mode: IDBTransactionMode,
  run: (t: IDBTransaction) => IDBRequest<T>,
): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const t = db.transaction(stores, mode);
      const req = run(t);
      t.oncomplete = () => resolve(req.result);
      t.onerror = () => reject(t.error);
      t.onabort = () => reject(t.error);
    });
  } finally {
    db.close();
  }
}

export async function saveDataset(dataset: ImportedDataset): Promise<void> {
  const [description, rows] = split(dataset);
  await tx([DATASETS, ROWS], 'readwrite', (t) => {
    if (rows) t.objectStore(ROWS).put(rows);
    return t.objectStore(DATASETS).put(description);
  });
}

/** Every saved dataset, oldest first; flow datasets without their rows (see `savedRows`). */
export async function savedDatasets(): Promise<ImportedDataset[]> {
  const saved = await tx(
    [DATASETS],
    'readonly',
    (t) => t.objectStore(DATASETS).getAll() as IDBRequest<ImportedDataset[]>,
  );
  return saved.sort((a, b) => a.created - b.created);
}

/** A saved flow dataset's rows, or null when there are none. */
export async function savedRows(id: string): Promise<FlowColumns | null> {
  const record = await tx(
    [ROWS],
    'readonly',
    (t) => t.objectStore(ROWS).get(id) as IDBRequest<RowsRecord | undefined>,
  );
  return record ?? null;
}

export async function deleteDataset(id: string): Promise<void> {
  await tx([DATASETS, ROWS], 'readwrite', (t) => {
    t.objectStore(ROWS).delete(id);
    return t.objectStore(DATASETS).delete(id);
  });
}
