/**
 * Loaded layer implementations. A layer loads when it is turned on, or when the selection in the
 * view is of a kind it shows; a failed load becomes a message and leaves the rest working.
 */
import { LAYERS } from '../layers/registry';
import type { LayerModule } from '../layers/types';
import type { LayerId, Selection } from './viewState';
import { boundariesLayer } from '../layers/boundaries/module';

class LoadedLayers {
  modules = $state.raw<Partial<Record<LayerId, LayerModule>>>({ boundaries: boundariesLayer });
  failed = $state.raw<LayerId[]>([]);

  /** Loaded modules in drawing order. */
  list = $derived(LAYERS.flatMap((d) => this.modules[d.id] ?? []));
}

export const loadedLayers = new LoadedLayers();

// Bookkeeping, not view state: nothing renders from it.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const pending = new Set<LayerId>();

export async function ensureLayer(id: LayerId): Promise<void> {
  if (loadedLayers.modules[id] || pending.has(id)) return;
  const descriptor = LAYERS.find((d) => d.id === id);
  if (!descriptor) return;
  pending.add(id);
  try {
    const module = await descriptor.load();
    loadedLayers.modules = { ...loadedLayers.modules, [id]: module };
  } catch (error) {
    console.warn(`Gränsatlas: layer ${id} could not load`, error);
    loadedLayers.failed = [...loadedLayers.failed, id];
  } finally {
    pending.delete(id);
  }
}

/** The layer whose details panel shows this selection. */
export function layerForSelection(selection: Selection): LayerId | undefined {
  if (selection.kind === 'flow') return selection.layer;
  return LAYERS.find((d) => d.selects.includes(selection.kind))?.id;
}

/** The loaded module that owns a deck.gl layer id ("<module id>-…"). */
export function moduleOfDeckLayer(deckLayerId: string): LayerModule | undefined {
  return loadedLayers.list.find((m) => deckLayerId === m.id || deckLayerId.startsWith(`${m.id}-`));
}
