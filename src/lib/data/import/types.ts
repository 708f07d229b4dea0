/**
 * Types shared by the importer (pure, worker) and the app: what a user's file becomes, and every
 * problem found in it. Problems carry an i18n key and plain-text parameters so the UI can say them in
 * the user's language; nothing here is ever rendered as markup.
 */
import type { AreaRef, Country } from '../../domain/areas';

/** Files larger than this are refused before they are read (stated in the UI). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/** At most this many problems are listed; the count says how many there were. */
export const MAX_LISTED_PROBLEMS = 200;

export type ProblemKey =
  | 'tooLarge'
  | 'empty'
  | 'onlyHeader'
  | 'notText'
  | 'badJson'
  | 'unknownFormat'
  | 'duplicateHeader'
  | 'emptyHeader'
  | 'fieldCount'
  | 'unclosedQuote'
  | 'notNumber'
  | 'negative'
  | 'tooBig'
  | 'emptyCell'
  | 'badYear'
  | 'badLon'
  | 'badLat'
  | 'unknownCode'
  | 'ambiguousCode'
  | 'unknownPlace'
  | 'ambiguousPlace'
  | 'duplicateRow'
  | 'noRows'
  | 'noGeometry'
  | 'badGeometry'
  | 'needsMapping'
  | 'missingColumn'
  | 'jsonstat'
  | 'flowmapPair'
  | 'fetchFailed'
  | 'fetchStatus'
  | 'badUrl'
  | 'internal';

export interface ImportProblem {
  key: ProblemKey;
  file: string;
  /** 1-based line of the file (the header is row 1); absent for whole-file problems. */
  row?: number;
  column?: string;
  /** Plain-text values for the message ({value}, {expected}, …). */
  params?: Record<string, string | number>;
}

/** Which column plays which part. Indexes into the header; -1 = absent. */
export interface ColumnMapping {
  kind: 'flows' | 'indicator' | 'points';
  origin: number;
  destination: number;
  value: number;
  year: number;
  code: number;
  lon: number;
  lat: number;
  originLon: number;
  originLat: number;
  destLon: number;
  destLat: number;
  name: number;
  country: number;
  /** A town or municipality name that locates a point (see knownPlaces.ts). */
  place: number;
  /** A county (län/fylke) code or name that tells apart places of the same name. */
  county: number;
}

export const NO_MAPPING: Omit<ColumnMapping, 'kind'> = {
  origin: -1,
  destination: -1,
  value: -1,
  year: -1,
  code: -1,
  lon: -1,
  lat: -1,
  originLon: -1,
  originLat: -1,
  destLon: -1,
  destLat: -1,
  name: -1,
  country: -1,
  place: -1,
  county: -1,
};

/** Official codes per country, level and Norwegian era; the worker recognises codes against them. */
export interface KnownCodes {
  se: { county: string[]; municipality: string[] };
  no2020: { county: string[]; municipality: string[] };
  no2024: { county: string[]; municipality: string[] };
  /** Names of municipalities, counties and towns, for files that name places instead of coding them. */
  places?: KnownPlace[];
}

/**
 * A name a file may use for a place: a municipality or county (its area; counties only tell apart
 * places of the same name) or a town (its position). Multilingual names are one entry per form.
 */
export type KnownPlace =
  { name: string; area: AreaRef } | { name: string; country: Country; lon: number; lat: number };

/** One end of an imported flow or a point: an area key, or a position. */
export type Place = { area: string } | { lon: number; lat: number; name?: string };

/**
 * Flows, column-wise: `origin[i]`/`destination[i]` index `places`; `year[i]` 0 = no year. Typed
 * arrays keep a 100 MB file's rows small in memory and in IndexedDB.
 */
export interface ImportedFlows {
  places: Place[];
  origin: Int32Array;
  destination: Int32Array;
  value: Float64Array;
  year: Int32Array;
}

export interface ImportedPoint {
  place: Place;
  /** The row's cells, by header, shown as text in the tooltip. */
  cells: string[];
}

export type DatasetPayload =
  | ({ kind: 'flows' } & ImportedFlows)
  | {
      kind: 'indicator';
      /** [year (0 = no year), areaKey, value] */
      values: [number, string, number | null][];
      valueColumn: string;
    }
  | { kind: 'points'; header: string[]; points: ImportedPoint[] }
  | { kind: 'areas'; geojson: GeoJsonFeatureCollection };

export interface GeoJsonFeatureCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; geometry: unknown; properties: Record<string, unknown> | null }[];
}

export interface ImportedDataset {
  id: string;
  /** The file name (plain text, may be anything). */
  name: string;
  /** Rows (or features) shown. */
  rows: number;
  bytes: number;
  created: number;
  payload: DatasetPayload;
}

/** Rows left out because an area code was not recognised, for download as CSV. */
export interface UnknownRows {
  file: string;
  header: string[];
  rows: { row: number; cells: string[] }[];
}

export interface NeedsMapping {
  file: string;
  header: string[];
  sample: string[][];
  /** localStorage key of the mapping chosen for this header. */
  signature: string;
  /** The best guess, to start the mapping form from. */
  guess: ColumnMapping;
}

export type ImportOutcome =
  | {
      status: 'ok';
      dataset: ImportedDataset;
      /** Problems with single rows; those rows are left out, the rest is shown. */
      problems: ImportProblem[];
      problemCount: number;
      unknown: UnknownRows | null;
    }
  | { status: 'failed'; problems: ImportProblem[]; problemCount: number }
  | { status: 'needs-mapping'; mapping: NeedsMapping };

/** What the main thread sends the worker. */
export interface ImportJob {
  files: { name: string; data: Blob | ArrayBuffer }[];
  known: KnownCodes;
  /** Chosen by the user (or remembered) for a header signature. */
  mapping?: ColumnMapping;
  id: string;
}

export type WorkerMessage =
  | { type: 'progress'; fraction: number }
  /** Read and checked; the worker now saves the result in this browser. */
  | { type: 'parsed' }
  | { type: 'done'; outcomes: ImportOutcome[] };
