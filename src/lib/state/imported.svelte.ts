/**
 * The user's own files: datasets loaded in this browser (persisted in IndexedDB until removed), the
 * load in progress (progress, cancel), the report of the last load (problems, unknown-code rows) and
 * a pending column-mapping step. Area values become indicators of the indicator layer. The URL only
 * marks that local data is in use (`imported.local=1`), never the data.
 */
import { view } from './view.svelte';
import { mapData, loadBaseData, ensureNorwegianEra } from './mapData.svelte';
import { registerIndicator, removeIndicator } from './indicators.svelte';
import { loadNoCrosswalk } from '../data/commutingData';
import { runImport, fetchFile, type RunningImport } from '../data/import/client';
import { headerSignature, mappingComplete } from '../data/import/columns';
import {
  MAX_FILE_BYTES,
  type ColumnMapping,
  type ImportedDataset,
  type ImportProblem,
  type KnownCodes,
  type NeedsMapping,
  type UnknownRows,
} from '../data/import/types';
import { datasetIndicator } from '../data/import/indicator';
import { knownPlaces } from '../data/import/knownPlaces';
import { deleteDataset, saveDataset, savedDatasets } from '../data/import/store';

export interface ImportReport {
  status: 'ok' | 'failed' | 'cancelled';
  file: string;
  rows: number;
  problems: ImportProblem[];
  problemCount: number;
  unknown: UnknownRows | null;
}

class ImportedState {
  datasets = $state.raw<ImportedDataset[]>([]);
  loading = $state.raw<{ file: string; fraction: number } | null>(null);
  reports = $state.raw<ImportReport[]>([]);
  pending = $state.raw<{ need: NeedsMapping; files: File[] } | null>(null);
  restored = $state(false);
}

export const imported = new ImportedState();

let running: RunningImport | null = null;

// ---------------------------------------------------------------------------------------------
// Saved datasets

let restoring: Promise<void> | null = null;

/** Reads the datasets saved in this browser (once). */
export function restoreImported(): Promise<void> {
  restoring ??= (async () => {
    try {
      const saved = await savedDatasets();
      imported.datasets = saved;
      for (const d of saved) registerDatasetIndicator(d);
    } catch (e) {
      console.warn('Gränsatlas: could not read saved files', e);
    }
    imported.restored = true;
    markUrl();
  })();
  return restoring;
}

function markUrl() {
  const local = imported.datasets.length > 0;
  if (view.settings.imported.local !== local) view.settings.imported.local = local;
}

// ---------------------------------------------------------------------------------------------
// Known codes

let knownCodes: Promise<KnownCodes> | null = null;

function loadKnownCodes(): Promise<KnownCodes> {
  knownCodes ??= (async () => {
    const [crosswalk] = await Promise.all([
      loadNoCrosswalk(),
      loadBaseData(),
      // Kommune names of both eras are place names a file may use (and points are drawn on them).
      ensureNorwegianEra('2020'),
      ensureNorwegianEra('2024'),
    ]);
    const codes = (features: { properties: { area: { code: string } } }[] | undefined) =>
      (features ?? []).map((f) => f.properties.area.code);
    const known: KnownCodes = {
      se: {
        county: codes(mapData.sweden?.county),
        municipality: codes(mapData.sweden?.municipality),
      },
      no2020: {
        county: codes(mapData.norway['2020']?.county),
        municipality: codes(mapData.norway['2020']?.municipality),
      },
      no2024: {
        county: codes(mapData.norway['2024']?.county),
        municipality: codes(mapData.norway['2024']?.municipality),
      },
    };
    if (crosswalk.ok) {
      known.no2020 = { county: [], municipality: [] };
      known.no2024 = { county: [], municipality: [] };
      for (const e of crosswalk.value.entries) {
        known.no2020[e.level].push(e.from);
        known.no2024[e.level].push(...e.to);
      }
    }
    known.places = knownPlaces(
      [mapData.sweden, mapData.norway['2020'], mapData.norway['2024']],
      mapData.labels,
    );
    return known;
  })();
  return knownCodes;
}

// ---------------------------------------------------------------------------------------------
// Loading

const newId = () => `d${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

function savedMapping(signature: string): ColumnMapping | undefined {
  try {
    const raw = localStorage.getItem(signature);
    return raw ? (JSON.parse(raw) as ColumnMapping) : undefined;
  } catch {
    return undefined;
  }
}

/** Loads files (one file, or a flowmap.blue locations + flows pair). */
export async function importFiles(files: File[], mapping?: ColumnMapping): Promise<void> {
  if (files.length === 0 || running) return;
  const name = files.map((f) => f.name).join(' + ');
  const tooBig = files.filter((f) => f.size > MAX_FILE_BYTES);
  if (tooBig.length > 0) {
    addReport({
      status: 'failed',
      file: name,
      rows: 0,
      problems: tooBig.map((f) => ({
        key: 'tooLarge',
        file: f.name,
        params: { size: f.size, limit: MAX_FILE_BYTES },
      })),
      problemCount: tooBig.length,
      unknown: null,
    });
    return;
  }
  imported.pending = null;
  imported.loading = { file: name, fraction: 0 };
  const known = await loadKnownCodes();
  running = runImport(
    { files: files.map((f) => ({ name: f.name, data: f })), known, mapping, id: newId() },
    (fraction) => (imported.loading = { file: name, fraction }),
  );
  const result = await running.result;
  running = null;
  imported.loading = null;
  if (result === 'cancelled') {
    addReport({
      status: 'cancelled',
      file: name,
      rows: 0,
      problems: [],
      problemCount: 0,
      unknown: null,
    });
    return;
  }
  for (const outcome of result) {
    if (outcome.status === 'needs-mapping') {
      const remembered = savedMapping(outcome.mapping.signature);
      if (!mapping && remembered && mappingComplete(remembered, outcome.mapping.header.length)) {
        await importFiles(files, remembered);
        return;
      }
      imported.pending = { need: outcome.mapping, files };
      continue;
    }
    if (outcome.status === 'failed') {
      addReport({
        status: 'failed',
        file: name,
        rows: 0,
        problems: outcome.problems,
        problemCount: outcome.problemCount,
        unknown: null,
      });
      continue;
    }
    const dataset = outcome.dataset;
    if (dataset.payload.kind === 'indicator') {
      // Values without a year belong to the year shown when the file was loaded; saved again so.
      dataset.payload.values = dataset.payload.values.map(([y, k, v]) => [y || view.year, k, v]);
      await saveDataset(dataset).catch(warnNotSaved);
    }
    addDataset(dataset);
    addReport({
      status: 'ok',
      file: dataset.name,
      rows: dataset.rows,
      problems: outcome.problems,
      problemCount: outcome.problemCount,
      unknown: outcome.unknown,
    });
  }
}

/** The column mapping chosen in the mapping step: remembered for files with the same header. */
export function useMapping(mapping: ColumnMapping): Promise<void> {
  const pending = imported.pending;
  if (!pending) return Promise.resolve();
  try {
    localStorage.setItem(headerSignature(pending.need.header), JSON.stringify(mapping));
  } catch {
    // Private mode: not remembered, still used.
  }
  imported.pending = null;
  return importFiles(pending.files, mapping);
}

export function cancelImport(): void {
  running?.cancel();
}

export async function importUrl(address: string): Promise<void> {
  if (running) return;
  imported.loading = { file: address, fraction: 0 };
  const fetched = await fetchFile(address);
  imported.loading = null;
  if (!fetched.ok) {
    addReport({
      status: 'failed',
      file: fetched.problem.file,
      rows: 0,
      problems: [fetched.problem],
      problemCount: 1,
      unknown: null,
    });
    return;
  }
  await importFiles([new File([fetched.blob], fetched.name)]);
}

function addReport(report: ImportReport) {
  imported.reports = [report, ...imported.reports].slice(0, 3);
}

export function dismissReport(report: ImportReport) {
  imported.reports = imported.reports.filter((r) => r !== report);
}

const warnNotSaved = (e: unknown) =>
  // Still shown for this session; not kept (e.g. storage full or private mode).
  console.warn('Gränsatlas: could not save the file in this browser', e);

/** A dataset the import worker has made (and saved). */
function addDataset(dataset: ImportedDataset) {
  imported.datasets = [...imported.datasets, dataset];
  registerDatasetIndicator(dataset, true);
  markUrl();
}

export async function removeDataset(id: string): Promise<void> {
  imported.datasets = imported.datasets.filter((d) => d.id !== id);
  removeIndicator(indicatorId(id));
  markUrl();
  try {
    await deleteDataset(id);
  } catch (e) {
    console.warn('Gränsatlas: could not remove the saved file', e);
  }
}

// ---------------------------------------------------------------------------------------------
// Area values → indicator

export const indicatorId = (datasetId: string) => `imported:${datasetId}`;

function registerDatasetIndicator(dataset: ImportedDataset, show = false) {
  const indicator = datasetIndicator(dataset, indicatorId(dataset.id));
  if (!indicator) return;
  registerIndicator(indicator);
  const byYear = indicator.valuesByYear;
  if (show) {
    view.settings.indicator.id = indicator.id;
    if (!view.layers.includes('indicator')) view.layers = [...view.layers, 'indicator'];
    const years = [...byYear.keys()];
    if (!byYear.has(view.year) && years.length > 0) view.year = Math.max(...years);
  }
}
