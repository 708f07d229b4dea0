/**
 * Importer for the flowmap.blue file pair: `locations.csv` (id,name,lat,lon) and `flows.csv`
 * (origin,dest,count[,time]). Pure; every problem comes back as an error naming file, row and
 * column; nothing throws.
 *
 * A location whose id is an official area becomes an AreaRef, so imported flows join the map's areas:
 * a full area key ("NO-municipality-3001-2020"), a country ("SE", "NO"), or country + code
 * ("SE-1486", "NO-3001", "SE-14"; Norwegian codes in `options.noEra`). Any other id stays a point
 * location at its lat/lon.
 */
import Papa from 'papaparse';
import type { AreaRef, Country, NoEra } from '../domain/areas';
import { noEraForYear, parseAreaKey } from '../domain/areas';
import type {
  CommuterFlow,
  FlowEnd,
  FlowSource,
  MeasureKey,
  PointPlace,
} from '../domain/commuting';
import type { ImportError } from './jsonstat';

export type { ImportError } from './jsonstat';

export interface FlowmapFiles {
  locations: string;
  flows: string;
  /** Names used in error messages; default "locations.csv" and "flows.csv". */
  locationsName?: string;
  flowsName?: string;
}

export interface FlowmapOptions {
  source: FlowSource;
  measure?: MeasureKey;
  /** What was counted, in the file author's words (shown with every flow). */
  measureNote?: string;
  /** Year of flows without a `time` column or value. */
  year?: number;
  /** Era of Norwegian codes in the file; default: the era of the latest year in the flows. */
  noEra?: NoEra;
  /** Known official areas; an official-looking id outside it is an error ("unknown area code"). */
  isKnownArea?: (area: AreaRef) => boolean;
}

export interface FlowmapLocation {
  id: string;
  name: string;
  lat: number;
  lon: number;
  /** Set when the id is an official area code. */
  area: AreaRef | null;
}

export type FlowmapResult =
  | { ok: true; locations: FlowmapLocation[]; flows: CommuterFlow<FlowEnd>[] }
  | { ok: false; errors: ImportError[] };

interface Table {
  header: string[];
  /** Data records with their 1-based row number in the file (the header is row 1). */
  records: { row: number; cells: string[] }[];
}

function readCsv(
  text: string,
  file: string,
  required: string[],
  errors: ImportError[],
): Table | null {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    header: false,
    delimiter: ',',
    skipEmptyLines: false,
  });
  for (const e of result.errors)
    errors.push({
      file,
      row: e.row === undefined ? undefined : e.row + 1,
      message: `malformed CSV: ${e.message}`,
    });
  if (result.errors.length > 0) return null;
  const [headerRow, ...rest] = result.data;
  if (!headerRow || headerRow.every((c) => c.trim() === '')) {
    errors.push({ file, row: 1, message: 'empty file: no header row' });
    return null;
  }
  const header = headerRow.map((c) => c.trim().toLowerCase());
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    const hint =
      header.length === 1 && /[;\t]/.test(headerRow[0]) ? ' (is the file comma-separated?)' : '';
    errors.push({
      file,
      row: 1,
      field: missing.join(','),
      message: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; found ${header.join(', ')}${hint}`,
    });
    return null;
  }
  const records: Table['records'] = [];
  rest.forEach((cells, i) => {
    const row = i + 2;
    if (cells.length === 1 && cells[0].trim() === '') return; // blank line
    if (cells.length !== header.length) {
      errors.push({
        file,
        row,
        message: `malformed CSV: ${cells.length} fields, the header has ${header.length}`,
      });
      return;
    }
    records.push({ row, cells });
  });
  return { header, records };
}

const OFFICIAL_ID = /^(SE|NO)(?:-(\d+))?$/;

/** Parses a number the way a planner writes it in a CSV: "12", "12.5", " 7 ". Not "", "1,5", "12 persons". */
function parseNumber(raw: string): number | null {
  const s = raw.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  return Number(s);
}

export function parseFlowmapCsv(files: FlowmapFiles, options: FlowmapOptions): FlowmapResult {
  const locFile = files.locationsName ?? 'locations.csv';
  const flowFile = files.flowsName ?? 'flows.csv';
  const errors: ImportError[] = [];
  const locTable = readCsv(files.locations, locFile, ['id', 'name', 'lat', 'lon'], errors);
  const flowTable = readCsv(files.flows, flowFile, ['origin', 'dest', 'count'], errors);
  if (!locTable || !flowTable) return { ok: false, errors };

  // Flows first: their years decide the default era of Norwegian codes.
  const fc = (name: string): number => flowTable.header.indexOf(name);
  const [iOrigin, iDest, iCount, iTime] = [fc('origin'), fc('dest'), fc('count'), fc('time')];
  interface RawFlow {
    row: number;
    origin: string;
    dest: string;
    count: number;
    year: number;
  }
  const rawFlows: RawFlow[] = [];
  const pairs = new Map<string, number>();
  for (const { row, cells } of flowTable.records) {
    const origin = cells[iOrigin].trim();
    const dest = cells[iDest].trim();
    const countRaw = cells[iCount];
    const err = (field: string, message: string): void => {
      errors.push({ file: flowFile, row, field, message });
    };
    if (origin === '') err('origin', 'empty origin id');
    if (dest === '') err('dest', 'empty destination id');
    const count = parseNumber(countRaw);
    if (count === null) err('count', `"${countRaw}" is not a number`);
    else if (count < 0) err('count', `negative count ${count}`);
    let year = options.year;
    const timeRaw = iTime >= 0 ? cells[iTime].trim() : '';
    if (timeRaw !== '') {
      const m = /^(\d{4})(?:$|[-T ])/.exec(timeRaw);
      if (m) year = Number(m[1]);
      else {
        err('time', `"${timeRaw}" does not start with a year`);
        continue;
      }
    }
    if (year === undefined) {
      err(iTime >= 0 ? 'time' : 'count', 'no year: add a time column or pass a year');
      continue;
    }
    if (origin === '' || dest === '' || count === null || count < 0) continue;
    const key = `${origin}\u0000${dest}\u0000${year}`;
    const first = pairs.get(key);
    if (first !== undefined) {
      err(
        'origin',
        `duplicate pair ${origin} → ${dest}${iTime >= 0 ? ` (${year})` : ''}, first on row ${first}`,
      );
      continue;
    }
    pairs.set(key, row);
    rawFlows.push({ row, origin, dest, count, year });
  }

  const years = rawFlows.map((f) => f.year);
  const noEra: NoEra =
    options.noEra ??
    (years.length > 0 ? noEraForYear(Math.max(...years)) : noEraForYear(options.year ?? 2024));

  const lc = (name: string): number => locTable.header.indexOf(name);
  const [iId, iName, iLat, iLon] = [lc('id'), lc('name'), lc('lat'), lc('lon')];
  const locations = new Map<string, FlowmapLocation>();
  const locRows = new Map<string, number>();
  for (const { row, cells } of locTable.records) {
    const id = cells[iId].trim();
    const name = cells[iName].trim();
    const err = (field: string, message: string): void => {
      errors.push({ file: locFile, row, field, message });
    };
    if (id === '') {
      err('id', 'empty id');
      continue;
    }
    const firstRow = locRows.get(id);
    if (firstRow !== undefined) {
      err('id', `duplicate location id "${id}", first on row ${firstRow}`);
      continue;
    }
    locRows.set(id, row);
    const lat = parseNumber(cells[iLat]);
    const lon = parseNumber(cells[iLon]);
    let bad = false;
    if (lat === null || lat < -90 || lat > 90) {
      err('lat', `"${cells[iLat]}" is not a latitude (−90 to 90)`);
      bad = true;
    }
    if (lon === null || lon < -180 || lon > 180) {
      err('lon', `"${cells[iLon]}" is not a longitude (−180 to 180)`);
      bad = true;
    }
    const official = officialArea(id, noEra);
    let area: AreaRef | null = null;
    if (official && 'error' in official) {
      err('id', official.error);
      bad = true;
    } else area = official;
    if (area && options.isKnownArea && !options.isKnownArea(area)) {
      err('id', `unknown area code "${id}" (no ${area.level} ${area.code} in era ${area.era})`);
      bad = true;
    }
    if (bad) continue;
    locations.set(id, { id, name, lat: lat as number, lon: lon as number, area });
  }

  const measure = {
    key: options.measure ?? 'reported-unspecified',
    note: options.measureNote ?? `imported from ${flowFile}`,
  };
  const flows: CommuterFlow<FlowEnd>[] = [];
  const endOf = (loc: FlowmapLocation): FlowEnd =>
    loc.area ??
    ({
      level: 'point',
      id: loc.id,
      name: loc.name,
      lat: loc.lat,
      lon: loc.lon,
    } satisfies PointPlace);
  for (const f of rawFlows) {
    const o = locations.get(f.origin);
    const d = locations.get(f.dest);
    const missing = (id: string, field: string): void => {
      errors.push({
        file: flowFile,
        row: f.row,
        field,
        message: locRows.has(id)
          ? `location "${id}" is invalid (see ${locFile} row ${locRows.get(id)})`
          : `unknown location id "${id}" (not in ${locFile})`,
      });
    };
    if (!o) missing(f.origin, 'origin');
    if (!d) missing(f.dest, 'dest');
    if (!o || !d) continue;
    flows.push({
      year: f.year,
      origin: endOf(o),
      destination: endOf(d),
      persons: f.count,
      measure,
      source: options.source,
    });
  }

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, locations: [...locations.values()], flows };
}

/** The official area an id names, an error for an official-looking id with a bad code, or null. */
function officialArea(id: string, noEra: NoEra): AreaRef | { error: string } | null {
  if (/^(SE|NO)-(country|county|municipality)-/.test(id)) {
    const area = parseAreaKey(id);
    return area ?? { error: `"${id}" is not a valid area key (country-level-code-era)` };
  }
  const m = OFFICIAL_ID.exec(id);
  if (!m) return null;
  const country = m[1] as Country;
  const era = country === 'SE' ? 'se' : noEra;
  const code = m[2];
  if (code === undefined) return { country, level: 'country', code: country, era };
  if (code.length === 2) return { country, level: 'county', code, era };
  if (code.length === 4) return { country, level: 'municipality', code, era };
  return {
    error: `unknown area code "${id}": ${code} is neither a 2-digit county nor a 4-digit municipality code`,
  };
}
