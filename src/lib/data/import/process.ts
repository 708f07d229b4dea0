/**
 * The importer: a user's file(s) in, a dataset (or a list of precise problems) out. Pure and
 * synchronous, so it runs the same in the worker, in Node tests and in the bench; nothing throws out
 * of `importFiles` (an unexpected error becomes an 'internal' problem).
 */
import { feature as topoFeature } from 'topojson-client';
import type { Topology, GeometryObject } from 'topojson-specification';
import { parseFlowmapCsv } from '../flowmapCsv';
import { parseJsonStat, type JsonStatDimension } from '../jsonstat';
import { areaKey, type Country } from '../../domain/areas';
import { isArea } from '../../domain/commuting';
import { CodeIndex, parseCountry, type CodeResolution } from './codes';
import { PlaceNames } from './knownPlaces';
import {
  fallbackMapping,
  guessMapping,
  headerSignature,
  mappingComplete,
  normaliseHeader,
} from './columns';
import { detectDelimiter, readCsv, type Delimiter } from './csv';
import { decodeText, looksBinary } from './decode';
import { MAX_VALUE, parseCellNumber, parseYear } from './numbers';
import {
  MAX_FILE_BYTES,
  MAX_LISTED_PROBLEMS,
  NO_MAPPING,
  type ColumnMapping,
  type DatasetPayload,
  type GeoJsonFeatureCollection,
  type ImportOutcome,
  type ImportProblem,
  type ImportedPoint,
  type KnownCodes,
  type Place,
  type ProblemKey,
  type UnknownRows,
} from './types';

export interface ImportInput {
  name: string;
  bytes: Uint8Array;
}

export interface ImportOptions {
  id: string;
  mapping?: ColumnMapping;
  onProgress?: (fraction: number) => void;
  now?: number;
}

class Problems {
  list: ImportProblem[] = [];
  count = 0;
  constructor(private file: string) {}
  add(key: ProblemKey, at: Omit<ImportProblem, 'key' | 'file'> = {}): void {
    this.count++;
    if (this.list.length < MAX_LISTED_PROBLEMS) this.list.push({ key, file: this.file, ...at });
  }
}

const fail = (p: Problems): ImportOutcome => ({
  status: 'failed',
  problems: p.list,
  problemCount: p.count,
});

/** Imports one file, or a flowmap.blue pair (locations + flows). Never throws. */
export function importFiles(
  files: readonly ImportInput[],
  known: KnownCodes,
  options: ImportOptions,
): ImportOutcome[] {
  try {
    if (files.length === 2) {
      const pair = tryFlowmapPair(files, known, options);
      if (pair) return [pair];
    }
    return files.map((f, i) =>
      safely(f.name, () =>
        importOne(f, known, {
          ...options,
          id: files.length > 1 ? `${options.id}-${i}` : options.id,
        }),
      ),
    );
  } catch (e) {
    return [internal(files[0]?.name ?? '', e)];
  }
}

function safely(file: string, run: () => ImportOutcome): ImportOutcome {
  try {
    return run();
  } catch (e) {
    return internal(file, e);
  }
}

function internal(file: string, e: unknown): ImportOutcome {
  return {
    status: 'failed',
    problems: [{ key: 'internal', file, params: { detail: String((e as Error)?.message ?? e) } }],
    problemCount: 1,
  };
}

function importOne(file: ImportInput, known: KnownCodes, options: ImportOptions): ImportOutcome {
  const p = new Problems(file.name);
  if (file.bytes.length > MAX_FILE_BYTES) {
    p.add('tooLarge', { params: { size: file.bytes.length, limit: MAX_FILE_BYTES } });
    return fail(p);
  }
  if (looksBinary(file.bytes) && !(file.bytes[0] === 0xff || file.bytes[0] === 0xfe)) {
    p.add('notText');
    return fail(p);
  }
  const { text } = decodeText(file.bytes);
  options.onProgress?.(0.05);
  const trimmed = text.replace(/^\uFEFF/, '');
  if (trimmed.trim() === '') {
    p.add('empty');
    return fail(p);
  }
  const first = trimmed.trimStart()[0];
  if (first === '{' || first === '[') return importJson(trimmed, file, known, options, p);
  return importCsv(trimmed, file, known, options, p);
}

// ---------------------------------------------------------------------------------------------
// CSV

/**
 * A column of numbers that grows by doubling. One class per element type, so that `push` (run for
 * every row of a big file) stays monomorphic.
 */
class Int32Column {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(capacity, 16));
  }
  push(v: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = v;
  }
  private grow(): void {
    const bigger = new Int32Array(this.data.length * 2);
    bigger.set(this.data);
    this.data = bigger;
  }
  /** The values so far, without a copy (a view of the buffer). */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}
class Float64Column {
  data: Float64Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Float64Array(Math.max(capacity, 16));
  }
  push(v: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = v;
  }
  private grow(): void {
    const bigger = new Float64Array(this.data.length * 2);
    bigger.set(this.data);
    this.data = bigger;
  }
  /** The values so far, without a copy (a view of the buffer). */
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

const SAMPLE_CHARS = 256 * 1024;

function importCsv(
  text: string,
  file: ImportInput,
  known: KnownCodes,
  options: ImportOptions,
  p: Problems,
): ImportOutcome {
  const delimiter = detectDelimiter(text);
  const decimalComma = delimiter !== ',';

  // A first look at the start of the file: header, a sample for the mapping step and for learning
  // the file's country and era.
  const sampleText =
    text.length > SAMPLE_CHARS
      ? text.slice(0, text.lastIndexOf('\n', SAMPLE_CHARS) + 1 || SAMPLE_CHARS)
      : text;
  const sample: string[][] = [];
  let header: string[] | null = null;
  let sampleRows = 0;
  readCsv(sampleText, delimiter, (cells) => {
    sampleRows++;
    if (!header) header = cells.map((c) => c.trim());
    else if (sample.length < 2000) sample.push(cells.slice());
  });
  if (!header) {
    p.add('empty');
    return fail(p);
  }
  const head: string[] = header;
  if (head.every((h) => h === '')) {
    p.add('emptyHeader', { row: 1 });
    return fail(p);
  }
  const seen = new Map<string, number>();
  head.forEach((h, i) => {
    const n = normaliseHeader(h);
    if (n === '') return;
    const firstAt = seen.get(n);
    if (firstAt !== undefined)
      p.add('duplicateHeader', {
        row: 1,
        column: h,
        params: { value: h, first: firstAt + 1, second: i + 1 },
      });
    else seen.set(n, i);
  });
  if (p.count > 0) return fail(p);

  const given =
    options.mapping && mappingComplete(options.mapping, head.length)
      ? // A mapping remembered before place and county columns existed has no such fields.
        { ...NO_MAPPING, ...options.mapping }
      : null;
  const mapping = given ?? guessMapping(head, sample);
  if (!mapping) {
    if (sample.length === 0 && text.length <= SAMPLE_CHARS) {
      p.add('onlyHeader', { row: 1 });
      return fail(p);
    }
    return {
      status: 'needs-mapping',
      mapping: {
        file: file.name,
        header: head,
        sample: sample.slice(0, 5),
        signature: headerSignature(head),
        guess: fallbackMapping(head, sample),
      },
    };
  }
  const index = new CodeIndex(known);
  const codeColumns = [mapping.origin, mapping.destination, mapping.code].filter((c) => c >= 0);
  index.learn(
    (function* () {
      for (const row of sample) for (const c of codeColumns) if (row[c] !== undefined) yield row[c];
    })(),
  );

  const col = (i: number) => head[i] || `#${i + 1}`;
  const unknown: UnknownRows = { file: file.name, header: head, rows: [] };
  const leaveOut = (row: number, cells: string[]) => {
    if (unknown.rows.length < 100_000 && unknown.rows.at(-1)?.row !== row)
      unknown.rows.push({ row, cells: cells.slice() });
  };
  const noteCode = (res: CodeResolution, row: number, column: number, cells: string[]) => {
    if (res.ok) return;
    p.add(res.reason === 'unknown' ? 'unknownCode' : 'ambiguousCode', {
      row,
      column: col(column),
      params: { value: res.code },
    });
    leaveOut(row, cells);
  };
  // Built only for a file that names places.
  const names = mapping.kind === 'points' ? new PlaceNames(known.places ?? []) : null;
  const namedPlace = (cells: string[], row: number, year: number | null): Place | undefined => {
    const raw = cells[mapping.place];
    if (raw.trim() === '') {
      p.add('emptyCell', { row, column: col(mapping.place) });
      return undefined;
    }
    const county = mapping.county >= 0 ? cells[mapping.county] : null;
    const r = names!.resolve(raw, year, countryOf(cells), county);
    if (r.ok) return r.place;
    p.add(r.reason === 'unknown' ? 'unknownPlace' : 'ambiguousPlace', {
      row,
      column: col(mapping.place),
      params: r.reason === 'unknown' ? { value: r.name } : { value: r.name, places: r.places },
    });
    leaveOut(row, cells);
    return undefined;
  };
  const number = (
    cells: string[],
    row: number,
    column: number,
    allowMissing: boolean,
  ): number | null | undefined => {
    const raw = cells[column];
    const v = parseCellNumber(raw, decimalComma);
    if (v === undefined) {
      p.add('notNumber', { row, column: col(column), params: { value: raw } });
      return undefined;
    }
    if (v === null) {
      if (!allowMissing) p.add('emptyCell', { row, column: col(column) });
      return allowMissing ? null : undefined;
    }
    if (!Number.isFinite(v) || Math.abs(v) > MAX_VALUE) {
      p.add('tooBig', { row, column: col(column), params: { value: raw.trim(), max: MAX_VALUE } });
      return undefined;
    }
    return v;
  };
  const yearCache = new Map<string, number | null>();
  const yearOf = (cells: string[], row: number): number | null | undefined => {
    if (mapping.year < 0) return null;
    const raw = cells[mapping.year];
    let y = yearCache.get(raw);
    if (y === undefined) {
      y = parseYear(raw);
      if (yearCache.size < 10_000) yearCache.set(raw, y);
    }
    if (y === null) {
      p.add('badYear', { row, column: col(mapping.year), params: { value: raw } });
      return undefined;
    }
    return y;
  };
  const countryOf = (cells: string[]): Country | null =>
    mapping.country >= 0 ? parseCountry(cells[mapping.country]) : null;
  const position = (
    cells: string[],
    row: number,
    lonCol: number,
    latCol: number,
  ): { lon: number; lat: number } | undefined => {
    const lon = parseCellNumber(cells[lonCol], decimalComma);
    const lat = parseCellNumber(cells[latCol], decimalComma);
    let ok = true;
    if (typeof lon !== 'number' || !(lon >= -180 && lon <= 180)) {
      p.add('badLon', { row, column: col(lonCol), params: { value: cells[lonCol] } });
      ok = false;
    }
    if (typeof lat !== 'number' || !(lat >= -90 && lat <= 90)) {
      p.add('badLat', { row, column: col(latCol), params: { value: cells[latCol] } });
      ok = false;
    }
    return ok ? { lon: lon as number, lat: lat as number } : undefined;
  };

  // Places shared by the rows (area keys and positions), indexed.
  const places: Place[] = [];
  const placeIndex = new Map<string, number>();
  const placeOf = (key: string, make: () => Place): number => {
    let i = placeIndex.get(key);
    if (i === undefined) {
      i = places.length;
      places.push(make());
      placeIndex.set(key, i);
    }
    return i;
  };
  const areaPlace = (key: string) => placeOf(`a:${key}`, () => ({ area: key }));

  // raw code → place index (−1: not usable), per era bucket of the row year and country hint: the
  // hot path of a big OD file is two map lookups per row.
  const endCaches = Array.from({ length: 9 }, () => new Map<string, number>());
  const codeEnd = (
    cells: string[],
    column: number,
    year: number | null,
    hint: Country | null,
    row: number,
  ): number | undefined => {
    const raw = cells[column];
    const bucket =
      (year === null ? 0 : year >= 2024 ? 2 : 1) * 3 + (hint === null ? 0 : hint === 'SE' ? 1 : 2);
    const cache = endCaches[bucket];
    let i = cache.get(raw);
    if (i === undefined) {
      const r = index.resolve(raw, year, hint);
      i = r.ok ? areaPlace(r.key) : -1;
      if (cache.size < 100_000) cache.set(raw, i);
    }
    if (i >= 0) return i;
    noteCode(index.resolve(raw, year, hint), row, column, cells);
    return undefined;
  };
  // Sized from the sample, so that a big file's columns are not copied over and over while growing.
  const expectedRows =
    mapping.kind === 'flows'
      ? Math.ceil((sampleRows * 1.05 * text.length) / Math.max(sampleText.length, 1)) + 16
      : 16;
  const origin = new Int32Column(expectedRows);
  const destination = new Int32Column(expectedRows);
  const value = new Float64Column(expectedRows);
  const years = new Int32Column(expectedRows);
  const rows = new Int32Column(expectedRows);
  const indicatorValues: [number, string, number | null][] = [];
  const indicatorSeen = new Map<string, number>();
  const points: ImportedPoint[] = [];

  let isHeader = true;
  let dataRows = 0;
  const total = text.length;
  const onRecord = (cells: string[], row: number): void => {
    if (isHeader) {
      isHeader = false;
      return;
    }
    dataRows++;
    if (cells.length !== head.length) {
      p.add('fieldCount', {
        row,
        params: {
          found: cells.length,
          expected: head.length,
          delimiter: delimiterName(delimiter),
        },
      });
      return;
    }
    const year = yearOf(cells, row);
    if (year === undefined) return;
    if (mapping.kind === 'flows') {
      const v = number(cells, row, mapping.value, false);
      if (v !== undefined && v !== null && v < 0) {
        p.add('negative', {
          row,
          column: col(mapping.value),
          params: { value: cells[mapping.value].trim() },
        });
        return;
      }
      let o: number | undefined;
      let d: number | undefined;
      if (mapping.origin >= 0 && mapping.destination >= 0) {
        const hint = countryOf(cells);
        o = codeEnd(cells, mapping.origin, year, hint, row);
        d = codeEnd(cells, mapping.destination, year, hint, row);
      } else {
        const a = position(cells, row, mapping.originLon, mapping.originLat);
        const b = position(cells, row, mapping.destLon, mapping.destLat);
        if (a) o = placeOf(`p:${a.lon},${a.lat}`, () => a);
        if (b) d = placeOf(`p:${b.lon},${b.lat}`, () => b);
      }
      if (o === undefined || d === undefined || v === undefined || v === null) return;
      origin.push(o);
      destination.push(d);
      value.push(v);
      years.push(year ?? 0);
      rows.push(row);
    } else if (mapping.kind === 'indicator') {
      const v = number(cells, row, mapping.value, true);
      if (v === undefined) return;
      const r = index.resolve(cells[mapping.code], year, countryOf(cells));
      noteCode(r, row, mapping.code, cells);
      if (!r.ok) return;
      const k = `${year ?? 0}|${r.key}`;
      const firstRow = indicatorSeen.get(k);
      if (firstRow !== undefined) {
        p.add('duplicateRow', {
          row,
          column: col(mapping.code),
          params: { value: cells[mapping.code].trim(), first: firstRow },
        });
        return;
      }
      indicatorSeen.set(k, row);
      indicatorValues.push([year ?? 0, r.key, v]);
    } else {
      let place: Place | undefined;
      if (mapping.lon >= 0 && mapping.lat >= 0) {
        const pos = position(cells, row, mapping.lon, mapping.lat);
        if (pos) place = mapping.name >= 0 ? { ...pos, name: cells[mapping.name] } : pos;
      } else if (mapping.code >= 0) {
        const r = index.resolve(cells[mapping.code], year, countryOf(cells));
        noteCode(r, row, mapping.code, cells);
        if (r.ok) place = { area: r.key };
      } else place = namedPlace(cells, row, year);
      if (place) points.push({ place, cells: cells.slice() });
    }
  };
  const onProgress = (offset: number) => options.onProgress?.(0.05 + (0.9 * offset) / total);

  // Fast path for the common big file: OD flows with codes and no quotes at all. Lines are split
  // in place and plain numbers read from the text; any line that is not simple (wrong field count,
  // a number that is not plain digits, a code not seen yet) goes through the general path above.
  const fast =
    mapping.kind === 'flows' &&
    mapping.origin >= 0 &&
    mapping.destination >= 0 &&
    mapping.country < 0 &&
    text.indexOf('"') < 0;
  const readFast = (): null => {
    // Locals, not the closure's variables: this loop runs for every line of a 100 MB file.
    const t = text;
    const d = delimiter.charCodeAt(0);
    const ncol = head.length;
    const starts = new Int32Array(ncol);
    const ends = new Int32Array(ncol);
    const { origin: oi, destination: di, value: vi, year: yi } = mapping;
    // Per era bucket: a code written as 1–4 plain digits (slot = length × 10000 + value) → its
    // place, once the general path has resolved it to a usable one; -1 = not yet. No string per cell.
    const tables = [0, 1, 2].map(() => new Int32Array(50_000).fill(-1));
    const code = (s: number, e: number, bucket: number): number => {
      const len = e - s;
      if (len < 1 || len > 4) return -1;
      let v = 0;
      for (let i = s; i < e; i++) {
        const c = t.charCodeAt(i) - 48;
        if (c < 0 || c > 9) return -1;
        v = v * 10 + c;
      }
      const table = tables[bucket];
      const slot = len * 10_000 + v;
      let place = table[slot];
      if (place < 0) {
        const known = endCaches[bucket * 3].get(t.slice(s, e));
        if (known === undefined || known < 0) return -1;
        table[slot] = place = known;
      }
      return place;
    };
    /** Plain digits (at most 15) → their value; anything else -1. */
    const digits = (s: number, e: number): number => {
      if (e - s < 1 || e - s > 15) return -1;
      let v = 0;
      for (let i = s; i < e; i++) {
        const c = t.charCodeAt(i) - 48;
        if (c < 0 || c > 9) return -1;
        v = v * 10 + c;
      }
      return v;
    };
    const n = t.length;
    let pos = 0;
    let line = 1;
    let fastRows = 0;
    let nextProgress = 1 << 20;
    while (pos < n) {
      // One pass over the line: field bounds and its end.
      let k = 0;
      let s = pos;
      let i = pos;
      for (; i < n; i++) {
        const c = t.charCodeAt(i);
        if (c === 10) break;
        if (c === d) {
          if (k < ncol) {
            starts[k] = s;
            ends[k] = i;
          }
          k++;
          s = i + 1;
        }
      }
      const eol = i;
      const end = eol > pos && t.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
      if (end > pos) {
        if (k < ncol) {
          starts[k] = s;
          ends[k] = end;
        }
        k++;
        if (isHeader) isHeader = false;
        else {
          let done = false;
          if (k === ncol) {
            const v = digits(starts[vi], ends[vi]);
            const y = yi < 0 ? 0 : digits(starts[yi], ends[yi]);
            if (v >= 0 && (yi < 0 || (ends[yi] - starts[yi] === 4 && y >= 1800 && y <= 2100))) {
              const bucket = yi < 0 ? 0 : y >= 2024 ? 2 : 1;
              const o = code(starts[oi], ends[oi], bucket);
              const dd = o < 0 ? -1 : code(starts[di], ends[di], bucket);
              if (dd >= 0) {
                fastRows++;
                origin.push(o);
                destination.push(dd);
                value.push(v);
                years.push(y);
                rows.push(line);
                done = true;
              }
            }
          }
          if (!done) onRecord(t.slice(pos, end).split(delimiter), line);
        }
      }
      line++;
      pos = eol + 1;
      if (pos >= nextProgress) {
        onProgress(pos);
        nextProgress = pos + (1 << 20);
      }
    }
    dataRows += fastRows;
    return null;
  };
  const issue = fast ? readFast() : readCsv(text, delimiter, onRecord, onProgress);
  if (issue) p.add('unclosedQuote', { row: issue.row });
  if (dataRows === 0) {
    p.add('onlyHeader', { row: 1 });
    return fail(p);
  }

  let payload: DatasetPayload;
  let shown: number;
  if (mapping.kind === 'flows') {
    const flows = dropDuplicateFlows(
      {
        origin: origin.view(),
        destination: destination.view(),
        value: value.view(),
        year: years.view(),
        rows: rows.view(),
      },
      places.length,
      p,
      col(mapping.origin >= 0 ? mapping.origin : mapping.originLon),
    );
    shown = flows.origin.length;
    payload = {
      kind: 'flows',
      places,
      origin: ownBuffer(flows.origin),
      destination: ownBuffer(flows.destination),
      value: ownBuffer(flows.value),
      year: ownBuffer(flows.year),
    };
  } else if (mapping.kind === 'indicator') {
    shown = indicatorValues.length;
    payload = { kind: 'indicator', values: indicatorValues, valueColumn: head[mapping.value] };
  } else {
    shown = points.length;
    payload = { kind: 'points', header: head, points };
  }
  options.onProgress?.(1);
  if (shown === 0) {
    if (p.count === 0) p.add('noRows');
    return fail(p);
  }
  return {
    status: 'ok',
    dataset: {
      id: options.id,
      name: file.name,
      rows: shown,
      bytes: file.bytes.length,
      created: options.now ?? Date.now(),
      payload,
    },
    problems: p.list,
    problemCount: p.count,
    unknown: unknown.rows.length > 0 ? unknown : null,
  };
}

/**
 * An array that is its whole buffer: the worker transfers the buffer and IndexedDB stores all of
 * it, so a view of a bigger (grown) buffer is copied once here.
 */
function ownBuffer<T extends Int32Array | Float64Array>(a: T): T {
  return a.byteOffset === 0 && a.byteLength === a.buffer.byteLength ? a : (a.slice() as T);
}

function delimiterName(d: Delimiter): string {
  return d === '\t' ? 'tab' : d;
}

/**
 * Keys that occur more than once, by open addressing in a typed array (no hash map of millions of
 * entries, no sort). Keys are non-negative integers below 2^53.
 */
function duplicateKeys(keys: Float64Array): Set<number> {
  const n = keys.length;
  let bits = 4;
  while (1 << bits < n * 2) bits++;
  const size = 1 << bits;
  const mask = size - 1;
  const table = new Float64Array(size).fill(-1);
  const dup = new Set<number>();
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    let h = Math.imul((k % 4294967296) ^ Math.floor(k / 4294967296), 0x9e3779b1) >>> (32 - bits);
    for (;;) {
      const t = table[h];
      if (t === -1) {
        table[h] = k;
        break;
      }
      if (t === k) {
        dup.add(k);
        break;
      }
      h = (h + 1) & mask;
    }
  }
  return dup;
}

/**
 * The same origin, destination and year twice is a mistake (figures are never added up here): the
 * first row is kept, later ones are reported.
 */
function dropDuplicateFlows(
  f: {
    origin: Int32Array;
    destination: Int32Array;
    value: Float64Array;
    year: Int32Array;
    rows: Int32Array;
  },
  placeCount: number,
  p: Problems,
  column: string,
) {
  const n = f.origin.length;
  // Dense keys: place × place × year index (years 0 and 1800–2100 only occur).
  const yearIndex = new Int16Array(302).fill(-1);
  let yearCount = 0;
  const yi = (y: number) => (y === 0 ? 301 : y - 1800);
  for (let i = 0; i < n; i++) {
    const k = yi(f.year[i]);
    if (yearIndex[k] < 0) yearIndex[k] = yearCount++;
  }
  const keyOf = (i: number) =>
    (f.origin[i] * placeCount + f.destination[i]) * yearCount + yearIndex[yi(f.year[i])];
  const space = placeCount * placeCount * yearCount;
  let isDuplicate: (key: number) => boolean;
  if (space <= 2 ** 28) {
    // A bit per possible key when that is small (≤ 32 MB): no key array, no hashing, and a file
    // without duplicates (the usual case) is read once.
    const seen = new Uint8Array(Math.ceil(space / 8));
    const twice = new Uint8Array(seen.length);
    let any = false;
    for (let i = 0; i < n; i++) {
      const k = keyOf(i);
      const byte = k >>> 3;
      const bit = 1 << (k & 7);
      if (seen[byte] & bit) {
        twice[byte] |= bit;
        any = true;
      } else seen[byte] |= bit;
    }
    if (!any) return f;
    isDuplicate = (k) => (twice[k >>> 3] & (1 << (k & 7))) !== 0;
  } else {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = keyOf(i);
    const dup = duplicateKeys(keys);
    if (dup.size === 0) return f;
    isDuplicate = (k) => dup.has(k);
  }
  const firstRow = new Map<number, number>();
  const keep = new Uint8Array(n);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const k = keyOf(i);
    if (isDuplicate(k)) {
      const first = firstRow.get(k);
      if (first !== undefined) {
        p.add('duplicateRow', { row: f.rows[i], column, params: { value: '', first } });
        continue;
      }
      firstRow.set(k, f.rows[i]);
    }
    keep[i] = 1;
    kept++;
  }
  const pick = <T extends Int32Array | Float64Array>(a: T): T => {
    const out = new (a.constructor as new (n: number) => T)(kept);
    let j = 0;
    for (let i = 0; i < n; i++) if (keep[i]) out[j++] = a[i];
    return out;
  };
  return {
    origin: pick(f.origin),
    destination: pick(f.destination),
    value: pick(f.value),
    year: pick(f.year),
    rows: pick(f.rows),
  };
}

// ---------------------------------------------------------------------------------------------
// JSON: JSON-stat 2.0, GeoJSON, TopoJSON

function importJson(
  text: string,
  file: ImportInput,
  known: KnownCodes,
  options: ImportOptions,
  p: Problems,
): ImportOutcome {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    p.add('badJson', { params: { detail: (e as Error).message } });
    return fail(p);
  }
  const obj = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const ok = (
    rows: number,
    payload: DatasetPayload,
    unknown: UnknownRows | null = null,
  ): ImportOutcome => ({
    status: 'ok',
    dataset: {
      id: options.id,
      name: file.name,
      rows,
      bytes: file.bytes.length,
      created: options.now ?? Date.now(),
      payload,
    },
    problems: p.list,
    problemCount: p.count,
    unknown,
  });
  if (obj.version === '2.0' || obj.class === 'dataset' || ('dataset' in obj && !('type' in obj)))
    return importJsonStat(json, file, known, p, ok);
  if (obj.type === 'Topology') {
    const objects = (obj.objects ?? {}) as Record<string, GeometryObject>;
    const features: GeoJsonFeatureCollection['features'] = [];
    for (const name of Object.keys(objects)) {
      const fc = topoFeature(obj as unknown as Topology, objects[name]) as unknown as
        GeoJsonFeatureCollection | GeoJsonFeatureCollection['features'][number];
      if (fc.type === 'FeatureCollection') features.push(...fc.features);
      else features.push(fc);
    }
    return fromGeoJson({ type: 'FeatureCollection', features }, p, ok);
  }
  if (obj.type === 'FeatureCollection' || obj.type === 'Feature') {
    const features = (
      obj.type === 'Feature' ? [obj] : Array.isArray(obj.features) ? obj.features : []
    ) as GeoJsonFeatureCollection['features'];
    return fromGeoJson({ type: 'FeatureCollection', features }, p, ok);
  }
  p.add('unknownFormat', { params: { detail: 'JSON' } });
  return fail(p);
}

type Ok = (rows: number, payload: DatasetPayload, unknown?: UnknownRows | null) => ImportOutcome;

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

function fromGeoJson(fc: GeoJsonFeatureCollection, p: Problems, ok: Ok): ImportOutcome {
  const good: GeoJsonFeatureCollection['features'] = [];
  fc.features.forEach((f, i) => {
    const g = (f?.geometry ?? null) as { type?: unknown; coordinates?: unknown } | null;
    if (!g) {
      p.add('noGeometry', { row: i + 1 });
      return;
    }
    if (
      typeof g.type !== 'string' ||
      !GEOMETRY_TYPES.has(g.type) ||
      (g.type !== 'GeometryCollection' && !Array.isArray(g.coordinates))
    ) {
      p.add('badGeometry', { row: i + 1, params: { value: String(g.type) } });
      return;
    }
    if (g.type === 'Point') {
      const [lon, lat] = g.coordinates as unknown[];
      if (typeof lon !== 'number' || lon < -180 || lon > 180)
        return p.add('badLon', { row: i + 1, params: { value: String(lon) } });
      if (typeof lat !== 'number' || lat < -90 || lat > 90)
        return p.add('badLat', { row: i + 1, params: { value: String(lat) } });
    }
    good.push({
      type: 'Feature',
      geometry: g,
      properties: f.properties && typeof f.properties === 'object' ? f.properties : {},
    });
  });
  if (good.length === 0) {
    if (p.count === 0) p.add('noRows');
    return fail(p);
  }
  const allPoints = good.every((f) => (f.geometry as { type: string }).type === 'Point');
  if (allPoints) {
    const header: string[] = [];
    for (const f of good.slice(0, 200))
      for (const k of Object.keys(f.properties ?? {}))
        if (!header.includes(k) && header.length < 40) header.push(k);
    const text = (v: unknown) =>
      v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    const points: ImportedPoint[] = good.map((f) => {
      const [lon, lat] = (f.geometry as { coordinates: number[] }).coordinates;
      return { place: { lon, lat }, cells: header.map((h) => text(f.properties?.[h])) };
    });
    return ok(points.length, { kind: 'points', header, points });
  }
  return ok(good.length, { kind: 'areas', geojson: { type: 'FeatureCollection', features: good } });
}

function importJsonStat(
  json: unknown,
  file: ImportInput,
  known: KnownCodes,
  p: Problems,
  ok: Ok,
): ImportOutcome {
  const parsed = parseJsonStat(json, { file: file.name });
  if (!parsed.ok) {
    for (const e of parsed.errors)
      p.add('jsonstat', { column: e.field, params: { detail: e.message } });
    return fail(p);
  }
  const dims = parsed.table.dimensions;
  const isTime = (d: JsonStatDimension) => d.role === 'time' || /^(tid|time|year|ar)$/i.test(d.id);
  const isGeo = (d: JsonStatDimension) =>
    d.role === 'geo' || /region|komm|fylke|lan|bo|arb|area|geo/i.test(d.id);
  const time = dims.find(isTime);
  const geos = dims.filter((d) => d !== time && isGeo(d) && d.role !== 'metric');
  if (geos.length === 0) {
    p.add('jsonstat', {
      params: { detail: `no area dimension among ${dims.map((d) => d.id).join(', ')}` },
    });
    return fail(p);
  }
  // Other dimensions (contents, sex, …): only their first category is read, never summed.
  const others = dims.filter((d) => d !== time && !geos.includes(d));
  const index = new CodeIndex(known);
  const geoIds = geos.slice(0, 2).map((g) => g.id);
  index.learn(geos.flatMap((g) => g.categories.map((c) => c.code)));
  const header = [...geoIds, ...(time ? [time.id] : []), 'value'];
  const unknown: UnknownRows = { file: file.name, header, rows: [] };
  const flows = geoIds.length === 2;
  // Residence → work: a dimension named like "Bo…"/"resid…"/"from…" is the origin.
  const originFirst = !/^(arb|work|to|dest)/i.test(geoIds[0]);
  const places: Place[] = [];
  const placeIdx = new Map<string, number>();
  const place = (key: string) => {
    let i = placeIdx.get(key);
    if (i === undefined) {
      i = places.length;
      places.push({ area: key });
      placeIdx.set(key, i);
    }
    return i;
  };
  const o: number[] = [];
  const d: number[] = [];
  const val: number[] = [];
  const yr: number[] = [];
  const values: [number, string, number | null][] = [];
  for (const row of parsed.rows) {
    if (others.some((dim) => row.codes[dim.id] !== dim.categories[0]?.code)) continue;
    const year = time ? parseYear(row.codes[time.id]) : null;
    const cellNo = row.index + 1;
    const res = geoIds.map((g) => index.resolve(row.codes[g], year));
    const cells = [
      ...geoIds.map((g) => row.codes[g]),
      ...(time ? [row.codes[time.id]] : []),
      row.value === null ? '' : String(row.value),
    ];
    let bad = false;
    res.forEach((r, k) => {
      if (!r.ok) {
        bad = true;
        p.add(r.reason === 'unknown' ? 'unknownCode' : 'ambiguousCode', {
          row: cellNo,
          column: geoIds[k],
          params: { value: r.code },
        });
      }
    });
    if (bad) {
      if (unknown.rows.length < 100_000) unknown.rows.push({ row: cellNo, cells });
      continue;
    }
    const keys = res.map((r) => (r as { key: string }).key);
    if (flows) {
      if (row.value === null || row.value === 0) continue;
      if (row.value < 0) {
        p.add('negative', { row: cellNo, column: 'value', params: { value: row.value } });
        continue;
      }
      const [a, b] = originFirst ? keys : [keys[1], keys[0]];
      o.push(place(a));
      d.push(place(b));
      val.push(row.value);
      yr.push(year ?? 0);
    } else values.push([year ?? 0, keys[0], row.value]);
  }
  const rows = flows ? o.length : values.length;
  if (rows === 0) {
    if (p.count === 0) p.add('noRows');
    return fail(p);
  }
  const payload: DatasetPayload = flows
    ? {
        kind: 'flows',
        places,
        origin: Int32Array.from(o),
        destination: Int32Array.from(d),
        value: Float64Array.from(val),
        year: Int32Array.from(yr),
      }
    : { kind: 'indicator', values, valueColumn: parsed.table.label || 'value' };
  return ok(rows, payload, unknown.rows.length > 0 ? unknown : null);
}

// ---------------------------------------------------------------------------------------------
// flowmap.blue pair

function tryFlowmapPair(
  files: readonly ImportInput[],
  known: KnownCodes,
  options: ImportOptions,
): ImportOutcome | null {
  const texts = files.map((f) => decodeText(f.bytes).text.replace(/^\uFEFF/, ''));
  const headerOf = (t: string) =>
    (t.split(/\r?\n/, 1)[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  const isLoc = (h: string[]) => ['id', 'lat', 'lon'].every((c) => h.includes(c));
  const isFlows = (h: string[]) => ['origin', 'dest', 'count'].every((c) => h.includes(c));
  const h = texts.map(headerOf);
  const li = isLoc(h[0]) && isFlows(h[1]) ? 0 : isLoc(h[1]) && isFlows(h[0]) ? 1 : -1;
  if (li < 0) return null;
  const fi = 1 - li;
  const index = new CodeIndex(known);
  const p = new Problems(files[fi].name);
  const result = parseFlowmapCsv(
    {
      locations: texts[li],
      flows: texts[fi],
      locationsName: files[li].name,
      flowsName: files[fi].name,
    },
    {
      source: { id: 'imported', url: '' },
      year: 0,
      isKnownArea: (a) =>
        a.level === 'country' || index.candidates(a.country, a.code).some((c) => c.era === a.era),
    },
  );
  if (!result.ok) {
    for (const e of result.errors.slice(0, MAX_LISTED_PROBLEMS))
      p.list.push({
        key: 'flowmapPair',
        file: e.file ?? files[fi].name,
        row: e.row,
        column: e.field,
        params: { detail: e.message },
      });
    p.count = result.errors.length;
    return fail(p);
  }
  const places: Place[] = [];
  const idx = new Map<string, number>();
  const placeOf = (end: (typeof result.flows)[number]['origin']): number => {
    const key = isArea(end) ? areaKey(end) : `point-${end.id}`;
    let i = idx.get(key);
    if (i === undefined) {
      i = places.length;
      places.push(isArea(end) ? { area: key } : { lon: end.lon, lat: end.lat, name: end.name });
      idx.set(key, i);
    }
    return i;
  };
  const n = result.flows.length;
  const payload: DatasetPayload = {
    kind: 'flows',
    places,
    origin: Int32Array.from(result.flows, (f) => placeOf(f.origin)),
    destination: Int32Array.from(result.flows, (f) => placeOf(f.destination)),
    value: Float64Array.from(result.flows, (f) => f.persons),
    year: Int32Array.from(result.flows, (f) => f.year),
  };
  return {
    status: 'ok',
    dataset: {
      id: options.id,
      name: `${files[li].name} + ${files[fi].name}`,
      rows: n,
      bytes: files[0].bytes.length + files[1].bytes.length,
      created: options.now ?? Date.now(),
      payload,
    },
    problems: [],
    problemCount: 0,
    unknown: null,
  };
}
