/**
 * What the map draws of the user's files: flows as the commuting layer's FlowmapLayer (one per file,
 * the year of the time control or the file's latest), points and areas as plain deck.gl layers. Data
 * arrays are derived once per change so deck.gl keeps their references.
 */
import { view } from '../../state/view.svelte';
import { mapData } from '../../state/mapData.svelte';
import { imported } from '../../state/imported.svelte';
import type { AreaFeature } from '../../data/boundaries';
import type { ImportedFlows } from '../../data/import/types';
import { flowYears, flowsForYear, pointsOf, type Lookup } from './drawData';

class ImportedModel {
  /** Every loaded area, both Norwegian eras where loaded (a file may use either). */
  lookup = $derived.by(() => {
    // A fresh map per change of the boundaries, never mutated afterwards.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const m = new Map<string, AreaFeature>();
    for (const set of [mapData.sweden, mapData.norway['2020'], mapData.norway['2024']])
      if (set) for (const f of [...set.county, ...set.municipality]) m.set(f.properties.key, f);
    return m as Lookup;
  });

  flows = $derived(
    imported.datasets
      .filter((d) => d.payload.kind === 'flows')
      .map((d) => ({
        dataset: d,
        ...flowsForYear(d.payload as ImportedFlows, view.year, this.lookup),
      })),
  );

  points = $derived(
    imported.datasets
      .filter((d) => d.payload.kind === 'points')
      .map((d) => ({ dataset: d, data: pointsOf(d, this.lookup) })),
  );

  areas = $derived(imported.datasets.filter((d) => d.payload.kind === 'areas'));

  years = $derived(
    [
      ...new Set(
        imported.datasets.flatMap((d) => (d.payload.kind === 'flows' ? flowYears(d.payload) : [])),
      ),
    ].sort((a, b) => a - b),
  );
}

export const importedModel = new ImportedModel();
