/**
 * Loaded map data, shared by the map and the panels. Each file is fetched once; the Norwegian
 * boundaries of an era are fetched the first time that era is shown. A failed load becomes an entry
 * in `loadErrors` and leaves everything already loaded in place.
 */
import type { NoEra } from '../domain/areas';
import type { MessageKey } from '../i18n/translate';
import {
  loadContext,
  loadLabels,
  loadNorwegianAreas,
  loadSwedishAreas,
  type AreaLayerData,
  type ContextData,
  type PlaceLabel,
} from '../data/boundaries';
import type { LoadError, Result } from '../data/load';

export interface DataProblem {
  id: number;
  what: MessageKey;
  error: LoadError;
}

// Raw (non-proxied) state: the data is replaced, never mutated, and deck.gl needs the plain arrays
// so that unchanged data keeps its reference.
class MapData {
  context = $state.raw<ContextData | null>(null);
  labels = $state.raw<PlaceLabel[]>([]);
  sweden = $state.raw<AreaLayerData | null>(null);
  norway = $state.raw<Partial<Record<NoEra, AreaLayerData>>>({});
  loadErrors = $state.raw<DataProblem[]>([]);
}

export const mapData = new MapData();

let problemCounter = 0;

function report(what: MessageKey, error: LoadError) {
  mapData.loadErrors = [...mapData.loadErrors, { id: ++problemCounter, what, error }];
  console.warn(`Gränsatlas: could not load ${error.url} (${error.kind})`);
}

async function take<T>(what: MessageKey, load: Promise<Result<T>>, store: (value: T) => void) {
  const result = await load;
  if (result.ok) store(result.value);
  else report(what, result.error);
}

export function dismissProblem(id: number) {
  mapData.loadErrors = mapData.loadErrors.filter((p) => p.id !== id);
}

let base: Promise<unknown> | null = null;

/** Loads the context, labels and Swedish areas once; every caller waits for the same load. */
export function loadBaseData(): Promise<unknown> {
  base ??= Promise.all([
    take('what.context', loadContext(), (v) => (mapData.context = v)),
    take('what.labels', loadLabels(), (v) => (mapData.labels = v)),
    take('what.boundaries', loadSwedishAreas(), (v) => (mapData.sweden = v)),
  ]);
  return base;
}

// Bookkeeping, not view state: nothing renders from it.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const pendingEras = new Map<NoEra, Promise<void>>();

/** Loads an era's Norwegian areas once; a caller during the load waits for it. */
export function ensureNorwegianEra(era: NoEra): Promise<void> {
  if (mapData.norway[era]) return Promise.resolve();
  let pending = pendingEras.get(era);
  if (!pending) {
    pending = take(
      'what.boundaries',
      loadNorwegianAreas(era),
      (v) => (mapData.norway = { ...mapData.norway, [era]: v }),
    ).finally(() => pendingEras.delete(era));
    pendingEras.set(era, pending);
  }
  return pending;
}

/** True once every file the view needs for `era` has loaded or failed (failures are reported). */
export function mapDataReady(era: NoEra): boolean {
  const settled = (loaded: boolean, what: MessageKey) =>
    loaded || mapData.loadErrors.some((p) => p.what === what);
  return (
    settled(mapData.context !== null, 'what.context') &&
    settled(mapData.labels.length > 0, 'what.labels') &&
    settled(mapData.sweden !== null && mapData.norway[era] !== undefined, 'what.boundaries')
  );
}
