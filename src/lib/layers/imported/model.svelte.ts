/**
 * What the map draws of the user's files. Flow files live in the flow engine worker (rows can run to
 * millions): the engine gets each file once and answers every change of the flow controls, the year
 * or the selection with only the top-N, which this model turns into FlowmapLayer data. Points and
 * areas are drawn from the datasets directly. Arrays are derived once per change so deck.gl keeps
 * their references.
 */
import { untrack } from 'svelte';
import { view } from '../../state/view.svelte';
import { mapData } from '../../state/mapData.svelte';
import { imported } from '../../state/imported.svelte';
import { areaKey } from '../../domain/areas';
import type { FlowQuery, FlowQueryResult } from '../../domain/flowQuery';
import type { AreaFeature } from '../../data/boundaries';
import type { ImportedFlows } from '../../data/import/types';
import { dropTable, loadTable, queryTable } from '../../data/flows/engine';
import { hasRows } from '../../data/import/store';
import { drawableFlows, pointsOf, type Lookup } from './drawData';

export type TableState =
  | { status: 'loading' }
  | { status: 'ready'; years: number[] }
  | { status: 'failed'; message: string };

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

  /** The engine's state of each flow file, by dataset id. */
  tables = $state.raw<Record<string, TableState>>({});
  /** The engine's latest answer for each flow file. */
  results = $state.raw<Record<string, FlowQueryResult>>({});

  flowDatasets = $derived(imported.datasets.filter((d) => d.payload.kind === 'flows'));

  flows = $derived(
    this.flowDatasets.flatMap((dataset) => {
      const result = this.results[dataset.id];
      return result ? [{ dataset, result, ...drawableFlows(result, this.lookup) }] : [];
    }),
  );

  points = $derived(
    imported.datasets
      .filter((d) => d.payload.kind === 'points')
      .map((d) => ({ dataset: d, data: pointsOf(d, this.lookup) })),
  );

  areas = $derived(imported.datasets.filter((d) => d.payload.kind === 'areas'));

  years = $derived(
    [
      ...new Set(Object.values(this.tables).flatMap((t) => (t.status === 'ready' ? t.years : []))),
    ].sort((a, b) => a - b),
  );
}

export const importedModel = new ImportedModel();

/** The flow controls, year and selection as an engine query. */
export function currentQuery(): FlowQuery {
  const s = view.settings.imported;
  const selection = view.selection;
  return {
    year: view.year,
    direction: s.direction,
    scope: s.scope,
    level: s.level,
    minPersons: s.minPersons,
    topN: s.topN,
    selected: selection?.kind === 'area' ? areaKey(selection.area) : null,
  };
}

const without = <T>(record: Record<string, T>, id: string): Record<string, T> =>
  Object.fromEntries(Object.entries(record).filter(([key]) => key !== id));

let started = false;

/** Keeps the engine in step with the datasets and asks it again on every change (idempotent). */
export function startFlowEngine(): void {
  if (started) return;
  started = true;
  const m = importedModel;
  // Latest query per table: an older answer arriving late is dropped.
  const latest: Record<string, number> = {};
  $effect.root(() => {
    $effect(() => {
      const datasets = m.flowDatasets;
      untrack(() => {
        // eslint-disable-next-line svelte/prefer-svelte-reactivity -- local, nothing renders from it
        const ids = new Set(datasets.map((d) => d.id));
        for (const d of datasets) {
          if (m.tables[d.id]) continue;
          m.tables = { ...m.tables, [d.id]: { status: 'loading' } };
          // A new file's rows move to the worker; a restored file's are read there from the store.
          const flows = d.payload as ImportedFlows;
          void loadTable(d.id, flows.places, hasRows(d) ? flows : null).then((r) => {
            if (!m.tables[d.id]) return;
            m.tables = {
              ...m.tables,
              [d.id]: r.ok
                ? { status: 'ready', years: r.years }
                : { status: 'failed', message: r.message },
            };
          });
        }
        for (const id of Object.keys(m.tables))
          if (!ids.has(id)) {
            dropTable(id);
            m.tables = without(m.tables, id);
            m.results = without(m.results, id);
          }
      });
    });
    $effect(() => {
      const query = currentQuery();
      for (const [id, table] of Object.entries(m.tables)) {
        if (table.status !== 'ready') continue;
        const serial = (latest[id] = (latest[id] ?? 0) + 1);
        void queryTable(id, query).then((r) => {
          if (latest[id] !== serial || !m.tables[id]) return;
          if (r.ok) m.results = { ...m.results, [id]: r.result };
          else m.tables = { ...m.tables, [id]: { status: 'failed', message: r.message } };
        });
      }
    });
  });
}
