/**
 * Where loaded datasets are kept between visits: IndexedDB, usable from the page and from the
 * import worker (which saves a new dataset before handing it over, so the main thread never copies
 * a big file's rows).
 */
import type { ImportedDataset } from './types';

const DB = 'gransatlas-imported';
const STORE = 'datasets';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function tx<T>(
  mode: IDBTransactionMode,
  run: (s: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const t = db.transaction(STORE, mode);
      const req = run(t.objectStore(STORE));
      t.oncomplete = () => resolve(req.result);
      t.onerror = () => reject(t.error);
      t.onabort = () => reject(t.error);
    });
  } finally {
    db.close();
  }
}

export async function saveDataset(dataset: ImportedDataset): Promise<void> {
  await tx('readwrite', (s) => s.put(dataset));
}

/** Every saved dataset, oldest first. */
export async function savedDatasets(): Promise<ImportedDataset[]> {
  const saved = await tx('readonly', (s) => s.getAll() as IDBRequest<ImportedDataset[]>);
  return saved.sort((a, b) => a.created - b.created);
}

export async function deleteDataset(id: string): Promise<void> {
  await tx('readwrite', (s) => s.delete(id));
}
