/** Areas derived from the loaded boundaries and the view: what is shown, selected and searchable. */
import { view } from './view.svelte';
import { mapData } from './mapData.svelte';
import type { AreaFeature, AreaLayerData } from '../data/boundaries';
import { areaKey } from '../domain/areas';

function allFeatures(...sets: (AreaLayerData | null | undefined)[]): AreaFeature[] {
  return sets.flatMap((set) => (set ? [...set.county, ...set.municipality] : []));
}

class Areas {
  /** Norwegian boundaries of the era shown, once loaded. */
  norway = $derived(mapData.norway[view.era] ?? null);

  /** Features of the chosen level in both countries: one stable array per level and era. */
  shown = $derived([...(mapData.sweden?.[view.level] ?? []), ...(this.norway?.[view.level] ?? [])]);

  /** Every area of the era shown (both levels), for lookup and search. */
  all = $derived(allFeatures(mapData.sweden, this.norway));

  byKey = $derived(new Map(this.all.map((f) => [f.properties.key, f])));

  selected = $derived.by(() => {
    const selection = view.selection;
    return selection?.kind === 'area' ? (this.byKey.get(areaKey(selection.area)) ?? null) : null;
  });

  /** The selection names an area that the boundaries shown do not have (e.g. Viken in 2024). */
  selectionMissing = $derived(
    view.selection?.kind === 'area' &&
      this.norway !== null &&
      mapData.sweden !== null &&
      !this.selected,
  );
}

export const areas = new Areas();
