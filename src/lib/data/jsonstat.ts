/**
 * JSON-stat 2.0 importer for PxWeb responses (SSB PxWebApi v0/v2, SCB v1/v2, Nordic Statistics).
 * Pure: text or parsed JSON in, typed rows or a list of errors out; nothing throws.
 *
 * Written on valibot rather than jsonstat-toolkit: the toolkit has no types and answers bad input with
 * null or exceptions, while planners need to be told which field is wrong. The unit tests read the
 * same fixtures with jsonstat-toolkit as an independent check of the cell arithmetic.
 */
import * as v from 'valibot';
import type { NoEra } from '../domain/areas';
import { noEraForYear } from '../domain/areas';
import type { CommuterFlow, FlowSource, MeasureKey } from '../domain/commuting';
import { MEASURES } from '../domain/commuting';

/** One problem found in an imported file. `row` is 1-based for CSV lines, the cell index for JSON-stat. */
export interface ImportError {
  file?: string;
  row?: number;
  field?: string;
  message: string;
}

export interface JsonStatCategory {
  code: string;
  label: string;
}

export interface JsonStatDimension {
  id: string;
  label: string;
  role: 'time' | 'geo' | 'metric' | null;
  categories: JsonStatCategory[];
}

/** One cell of the cube. */
export interface JsonStatRow {
  /** Position in the flat `value` array. */
  index: number;
  /** Category code per dimension id. */
  codes: Record<string, string>;
  /** Category label per dimension id. */
  labels: Record<string, string>;
  value: number | null;
  /** Status symbol (e.g. ".." not available, ":" confidential), null when none. */
  status: string | null;
}

export interface JsonStatTable {
  label: string;
  source: string | null;
  /** Kept as given: some responses carry non-ISO text here. */
  updated: string | null;
  dimensions: JsonStatDimension[];
}

export type JsonStatResult =
  { ok: true; table: JsonStatTable; rows: JsonStatRow[] } | { ok: false; errors: ImportError[] };

const CategorySchema = v.object({
  index: v.optional(v.union([v.array(v.string()), v.record(v.string(), v.number())])),
  label: v.optional(v.record(v.string(), v.string())),
});

const DimensionSchema = v.object({
  label: v.optional(v.string()),
  category: CategorySchema,
});

const DatasetSchema = v.object({
  version: v.literal('2.0', 'version must be "2.0" (JSON-stat 2.0)'),
  class: v.literal('dataset', 'class must be "dataset"'),
  label: v.optional(v.string()),
  source: v.optional(v.string()),
  updated: v.optional(v.string()),
  id: v.array(v.string(), 'id must be an array of dimension ids'),
  size: v.array(
    v.pipe(v.number(), v.integer(), v.minValue(0)),
    'size must be an array of whole numbers',
  ),
  role: v.optional(
    v.object({
      time: v.optional(v.array(v.string())),
      geo: v.optional(v.array(v.string())),
      metric: v.optional(v.array(v.string())),
    }),
  ),
  dimension: v.record(v.string(), DimensionSchema),
  value: v.union(
    [v.array(v.unknown()), v.record(v.string(), v.unknown())],
    'value must be an array or an object',
  ),
  status: v.optional(
    v.union([v.string(), v.array(v.nullable(v.string())), v.record(v.string(), v.string())]),
  ),
});

function describeJson(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  return typeof input;
}

/** Parses a JSON-stat 2.0 dataset (text or already-parsed JSON) into one row per cell. */
export function parseJsonStat(input: unknown, options: { file?: string } = {}): JsonStatResult {
  const file = options.file;
  const fail = (errors: Omit<ImportError, 'file'>[]): JsonStatResult => ({
    ok: false,
    errors: errors.map((e) => (file ? { file, ...e } : e)),
  });

  let json: unknown = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch (e) {
      return fail([{ message: `not valid JSON: ${(e as Error).message}` }]);
    }
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return fail([{ message: `expected a JSON-stat object, got ${describeJson(json)}` }]);
  const obj = json as Record<string, unknown>;
  if ('dataset' in obj && !('class' in obj))
    return fail([
      {
        field: 'dataset',
        message: 'this is JSON-stat 1.0 (a "dataset" wrapper); ask the API for json-stat2',
      },
    ]);
  if (obj.class === 'collection' || obj.class === 'dimension')
    return fail([{ field: 'class', message: `class "${String(obj.class)}" is not a dataset` }]);

  const parsed = v.safeParse(DatasetSchema, obj);
  if (!parsed.success)
    return fail(
      parsed.issues
        .slice(0, 10)
        .map((i) => ({ field: v.getDotPath(i) ?? '(root)', message: i.message })),
    );
  const ds = parsed.output;

  const errors: Omit<ImportError, 'file'>[] = [];
  if (ds.id.length !== ds.size.length)
    errors.push({
      field: 'size',
      message: `id has ${ds.id.length} dimensions but size has ${ds.size.length}`,
    });

  const roleOf = (id: string): JsonStatDimension['role'] => {
    if (ds.role?.time?.includes(id)) return 'time';
    if (ds.role?.geo?.includes(id)) return 'geo';
    if (ds.role?.metric?.includes(id)) return 'metric';
    return null;
  };

  const dimensions: JsonStatDimension[] = [];
  ds.id.forEach((id, k) => {
    const dim = ds.dimension[id];
    if (!dim) {
      errors.push({
        field: `dimension.${id}`,
        message: `dimension "${id}" is listed in id but not described`,
      });
      return;
    }
    const { index, label } = dim.category;
    let codes: string[];
    if (Array.isArray(index)) codes = index;
    else if (index) {
      codes = [];
      for (const [code, pos] of Object.entries(index)) {
        if (!Number.isInteger(pos) || pos < 0 || codes[pos] !== undefined) {
          errors.push({
            field: `dimension.${id}.category.index.${code}`,
            message: `bad or repeated position ${pos}`,
          });
          continue;
        }
        codes[pos] = code;
      }
    } else if (label) codes = Object.keys(label);
    else codes = [];
    if (codes.length !== ds.size[k] || codes.some((c) => c === undefined))
      errors.push({
        field: `dimension.${id}.category`,
        message: `has ${codes.filter((c) => c !== undefined).length} categories but size says ${ds.size[k]}`,
      });
    dimensions.push({
      id,
      label: dim.label ?? id,
      role: roleOf(id),
      categories: codes.map((code) => ({ code, label: label?.[code] ?? code })),
    });
  });
  if (errors.length > 0) return fail(errors);

  const total = ds.size.reduce((a, b) => a * b, 1);
  let values: unknown[];
  if (Array.isArray(ds.value)) {
    if (ds.value.length === 0 && total > 0)
      return fail([
        {
          field: 'value',
          message: `no data: value is empty but size describes ${total} cells (a metadata response?)`,
        },
      ]);
    if (ds.value.length !== total)
      return fail([
        {
          field: 'value',
          message: `value has ${ds.value.length} cells but size describes ${total}`,
        },
      ]);
    values = ds.value;
  } else {
    values = new Array<unknown>(total).fill(null);
    for (const [key, val] of Object.entries(ds.value)) {
      const i = Number(key);
      if (!Number.isInteger(i) || i < 0 || i >= total) {
        errors.push({ field: `value.${key}`, message: `cell index out of range 0–${total - 1}` });
        continue;
      }
      values[i] = val;
    }
  }

  const statusAt = (i: number): string | null => {
    const s = ds.status;
    if (s === undefined) return null;
    if (typeof s === 'string') return s;
    if (Array.isArray(s)) return s.length === 1 ? (s[0] ?? null) : (s[i] ?? null);
    return s[String(i)] ?? null;
  };

  // Strides: the cell index is Σ idx_k · Π_{j>k} size_j (row-major over id).
  const strides = ds.size.map((_, k) => ds.size.slice(k + 1).reduce((a, b) => a * b, 1));
  const rows: JsonStatRow[] = new Array(total);
  for (let i = 0; i < total; i++) {
    const raw = values[i];
    if (raw !== null && (typeof raw !== 'number' || !Number.isFinite(raw))) {
      errors.push({
        row: i,
        field: 'value',
        message: `cell ${i} is ${JSON.stringify(raw)}, not a number or null`,
      });
      continue;
    }
    const codes: Record<string, string> = {};
    const labels: Record<string, string> = {};
    dimensions.forEach((dim, k) => {
      const cat = dim.categories[Math.floor(i / strides[k]) % ds.size[k]];
      codes[dim.id] = cat.code;
      labels[dim.id] = cat.label;
    });
    rows[i] = { index: i, codes, labels, value: raw, status: statusAt(i) };
  }
  if (errors.length > 0) return fail(errors.slice(0, 50));

  return {
    ok: true,
    table: {
      label: ds.label ?? '',
      source: ds.source ?? null,
      updated: ds.updated ?? null,
      dimensions,
    },
    rows,
  };
}

// ---------------------------------------------------------------------------------------------
// SSB table 03321: commuting between municipalities

export interface OdSkipped {
  row: number;
  field: string;
  code: string;
  label: string;
  reason: string;
}

export type OdResult =
  { ok: true; flows: CommuterFlow[]; skipped: OdSkipped[] } | { ok: false; errors: ImportError[] };

export interface OdOptions {
  file?: string;
  source: FlowSource;
  /** Work-municipality dimension id; default: the first id matching /arb.*st.*komm/i (03321: ArbstedKomm). */
  workDimension?: string;
  /** Residence dimension id; default: the first id matching /^bo.*komm/i (03321: Bokommuen). */
  residenceDimension?: string;
  /** Which ContentsCode to read when the response has several. */
  contentsCode?: string;
  measure?: MeasureKey;
  /** Era of the codes; default by year (noEraForYear). */
  era?: NoEra;
  /** Known municipality codes of that era; others are skipped (or errors with unknownCodes: 'error'). */
  isKnownMunicipality?: (code: string) => boolean;
  unknownCodes?: 'skip' | 'error';
}

/** Abroad, Svalbard, continental shelf, unknown: real 03321 categories that are not municipalities. */
const NOT_A_MUNICIPALITY = /utland|svalbard|sokkel|uoppgitt|ukjent|unknown|abroad/i;

/**
 * Converts an SSB 03321-style response (work municipality × residence municipality × year) into
 * flows residence → work. Zero cells are not flows and are dropped; suppressed cells (null) are
 * skipped and listed; negative or fractional counts are errors.
 */
export function odFromJsonStat(input: unknown, options: OdOptions): OdResult {
  const file = options.file;
  const withFile = (e: ImportError): ImportError => (file ? { file, ...e } : e);
  const parsed = parseJsonStat(input, { file });
  if (!parsed.ok) return parsed;
  const dims = parsed.table.dimensions;

  const find = (
    given: string | undefined,
    pattern: RegExp,
    what: string,
  ): JsonStatDimension | ImportError => {
    const dim = given ? dims.find((d) => d.id === given) : dims.find((d) => pattern.test(d.id));
    return (
      dim ??
      withFile({
        field: 'id',
        message: `no ${what} dimension (${given ? `"${given}"` : pattern.toString()}) among ${dims.map((d) => d.id).join(', ')}`,
      })
    );
  };
  const work = find(options.workDimension, /arb.*st.*komm/i, 'work-municipality');
  const residence = find(options.residenceDimension, /^bo.*komm/i, 'residence-municipality');
  const time = dims.find((d) => d.role === 'time') ?? dims.find((d) => d.id === 'Tid');
  const errors: ImportError[] = [];
  if ('message' in work) errors.push(work);
  if ('message' in residence) errors.push(residence);
  if (!time) errors.push(withFile({ field: 'role.time', message: 'no time dimension' }));
  if (errors.length > 0 || 'message' in work || 'message' in residence || !time)
    return { ok: false, errors };

  const metric = dims.find((d) => d.role === 'metric') ?? dims.find((d) => d.id === 'ContentsCode');
  if (metric && metric.categories.length > 1 && !options.contentsCode)
    return {
      ok: false,
      errors: [
        withFile({
          field: `dimension.${metric.id}`,
          message: `${metric.categories.length} statistics (${metric.categories.map((c) => c.code).join(', ')}); choose one with contentsCode`,
        }),
      ],
    };
  for (const d of dims) {
    if (d === work || d === residence || d === time || d === metric) continue;
    if (d.categories.length > 1)
      return {
        ok: false,
        errors: [
          withFile({
            field: `dimension.${d.id}`,
            message: `unexpected dimension with ${d.categories.length} categories; select one value`,
          }),
        ],
      };
  }

  const flows: CommuterFlow[] = [];
  const skipped: OdSkipped[] = [];
  const measureKey = options.measure ?? 'no-employed-q4-03321';
  const measure = { key: measureKey, note: MEASURES[measureKey].definition };
  const badCodes = new Set<string>();
  const unknownIsError = options.unknownCodes === 'error';

  const municipality = (row: JsonStatRow, dim: JsonStatDimension): string | null => {
    const raw = row.codes[dim.id];
    const code = raw.replace(/^K-/, '');
    const label = row.labels[dim.id];
    let reason: string | null = null;
    if (!/^\d{4}$/.test(code) || NOT_A_MUNICIPALITY.test(label)) reason = 'not a municipality';
    else if (options.isKnownMunicipality && !options.isKnownMunicipality(code))
      reason = 'unknown municipality code';
    if (reason === null) return code;
    const key = `${dim.id}:${raw}`;
    if (unknownIsError && reason === 'unknown municipality code') {
      if (!badCodes.has(key))
        errors.push(
          withFile({ row: row.index, field: dim.id, message: `${reason} "${raw}" (${label})` }),
        );
    } else skipped.push({ row: row.index, field: dim.id, code: raw, label, reason });
    badCodes.add(key);
    return null;
  };

  for (const row of parsed.rows) {
    if (metric && options.contentsCode && row.codes[metric.id] !== options.contentsCode) continue;
    const year = Number(row.codes[time.id]);
    if (!/^\d{4}$/.test(row.codes[time.id])) {
      errors.push(
        withFile({
          row: row.index,
          field: time.id,
          message: `"${row.codes[time.id]}" is not a year`,
        }),
      );
      continue;
    }
    const value = row.value;
    if (value === null) {
      skipped.push({
        row: row.index,
        field: 'value',
        code: row.status ?? '',
        label: '',
        reason: `no value (status ${row.status ?? 'none'})`,
      });
      continue;
    }
    if (value < 0 || !Number.isInteger(value)) {
      errors.push(
        withFile({
          row: row.index,
          field: 'value',
          message: `persons must be a whole number ≥ 0, got ${value}`,
        }),
      );
      continue;
    }
    const from = municipality(row, residence);
    const to = municipality(row, work);
    if (from === null || to === null || value === 0) continue;
    const era = options.era ?? noEraForYear(year);
    flows.push({
      year,
      origin: { country: 'NO', level: 'municipality', code: from, era },
      destination: { country: 'NO', level: 'municipality', code: to, era },
      persons: value,
      measure,
      source: options.source,
    });
  }
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, 50) };
  return { ok: true, flows, skipped };
}
