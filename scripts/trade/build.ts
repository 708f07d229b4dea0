/**
 * Builds trade.json, crossings.json and investments.json from the curated CSVs in data/trade,
 * data/crossings and data/investments. Every row is validated (valibot); a broken row stops the
 * build with the file, line and field. The output is checked against the same schemas the app
 * loads it with (src/lib/domain/trade.ts, investments.ts).
 *
 * Crossing positions are written as published (coord_quality says how exact they are); nothing is
 * snapped to the border line, so a "village" point may sit a few km inside one country.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import Papa from 'papaparse';
import * as v from 'valibot';
import { BuildError, type BuildContext } from '../lib/context';
import {
  CROSSING_DIRECTIONS,
  CROSSING_MEASURES,
  CrossingsFileSchema,
  TradeFileSchema,
  type Crossing,
  type CrossingsFile,
  type TradeAnchor,
  type TradeFile,
  type TradeSeriesJson,
  type TrafficObservation,
} from '../../src/lib/domain/trade';
import {
  INVESTMENT_INDICATORS,
  InvestmentsFileSchema,
  type InvestmentObservation,
  type InvestmentsFile,
} from '../../src/lib/domain/investments';
import {
  DATA_FLAGS,
  QUALIFIERS,
  UNIT_KEYS,
  parsePeriod,
  type DataFlag,
  type Period,
  type Quantity,
} from '../../src/lib/domain/units';

// ---------------------------------------------------------------------------------------------
// Row schemas (CSV cells are strings; transforms turn them into typed values)

const text = v.pipe(v.string(), v.trim());
const required = v.pipe(text, v.minLength(1, 'is empty'));
const boolText = v.pipe(
  text,
  v.picklist(['true', 'false'], 'must be true or false'),
  v.transform((s) => s === 'true'),
);
const yearText = v.pipe(text, v.regex(/^\d{4}$/, 'must be a 4-digit year'), v.transform(Number));
const numberText = v.pipe(
  text,
  v.regex(/^-?\d+(\.\d+)?$/, 'must be a plain number (no thousands separators)'),
  v.transform(Number),
);
const optionalNumberText = v.pipe(
  text,
  v.regex(/^(-?\d+(\.\d+)?)?$/, 'must be a number or empty'),
  v.transform((s) => (s === '' ? null : Number(s))),
);
const unitText = v.picklist(UNIT_KEYS, 'is not a known unit key (src/lib/domain/units.ts)');
const qualifierText = v.pipe(
  text,
  v.union([v.literal(''), v.picklist(QUALIFIERS)], 'is not a known qualifier'),
  v.transform((s) => (s === '' ? undefined : (s as (typeof QUALIFIERS)[number]))),
);
const flagsText = v.pipe(
  text,
  v.transform((s) => (s === '' ? [] : s.split(';').map((f) => f.trim()))),
  v.array(v.picklist(DATA_FLAGS, 'has an unknown flag')),
);
const urlText = v.pipe(text, v.url('is not a URL'));

const observationColumns = {
  period: required,
  year: yearText,
  partial: boolText,
  value: numberText,
  unit: unitText,
  qualifier: qualifierText,
  unit_published: required,
  flag: flagsText,
  note: text,
  source_url: urlText,
};

const TradeSeriesRow = v.object({
  ...observationColumns,
  direction: v.picklist(['SE-NO', 'NO-SE']),
  reporter: v.picklist(['SE', 'NO']),
  reporter_role: v.picklist(['exporter', 'importer']),
  basis: v.picklist(['FOB', 'CIF']),
  product_group: required,
  source_dataset: required,
  // The series source is a repository path with a note, not a bare URL.
  source_url: required,
});

const TradeAnchorRow = v.object({
  ...observationColumns,
  direction: v.picklist(['SE->NO', 'NO->SE', 'SE<->NO', 'ALL->NO']),
  from_area: required,
  to_area: text,
  reporter: v.picklist(['SE', 'NO', '']),
  product_group: required,
});

const CrossingRow = v.object({
  id: v.pipe(required, v.regex(/^[a-z0-9-]+$/, 'must be a lower-case slug')),
  name_se: required,
  name_no: required,
  mode: v.picklist(['road', 'rail']),
  route: required,
  se_municipality: text,
  se_municipality_code: v.pipe(text, v.regex(/^(\d{4})?$/, 'must be a 4-digit kommun code')),
  no_municipality: text,
  no_municipality_code_2024: v.pipe(text, v.regex(/^(\d{4})?$/, 'must be a 4-digit kommune code')),
  lon: optionalNumberText,
  lat: optionalNumberText,
  coord_quality: v.picklist(['exact', 'village', 'none']),
  coord_source_url: text,
  note: text,
});

const TrafficRow = v.object({
  ...observationColumns,
  crossing_id: required,
  measure: v.picklist(CROSSING_MEASURES),
  indicator: required,
  direction: v.picklist(CROSSING_DIRECTIONS),
});

const InvestmentRow = v.object({
  ...observationColumns,
  area_country: v.picklist(['SE', 'NO', 'SE+NO']),
  area_type: required,
  area_name: required,
  area_level: v.picklist(['', 'country', 'county', 'municipality']),
  area_code: text,
  area_era: v.picklist(['', '2020', '2024', 'se']),
  indicator_id: v.picklist(INVESTMENT_INDICATORS),
  indicator: required,
});

// ---------------------------------------------------------------------------------------------
// Reading and validating

interface Row<T> {
  line: number;
  data: T;
}

async function readRows<S extends v.GenericSchema>(
  ctx: BuildContext,
  relPath: string,
  schema: S,
): Promise<Row<v.InferOutput<S>>[]> {
  const path = join(ctx.dataDir, relPath);
  const file = relative(process.cwd(), path) || path;
  let csv: string;
  try {
    csv = await readFile(path, 'utf8');
  } catch {
    throw new BuildError(`${file}: cannot read the file`);
  }
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0];
    throw new BuildError(`${file}: row ${(e.row ?? 0) + 2}: CSV ${e.message}`);
  }
  return parsed.data.map((raw, i) => {
    const line = i + 2; // header is line 1
    const result = v.safeParse(schema, raw);
    if (!result.success) {
      const issue = result.issues[0];
      const field = v.getDotPath(issue) ?? '?';
      const got = field in raw ? JSON.stringify(raw[field]) : 'missing';
      throw new BuildError(`${file}: row ${line}, field "${field}" ${issue.message} (got ${got})`);
    }
    return { line, data: result.output };
  });
}

function fail(file: string, line: number, field: string, message: string): never {
  throw new BuildError(`${file}: row ${line}, field "${field}" ${message}`);
}

/** The period column must parse, and the year/partial columns must agree with it. */
function periodOf(
  file: string,
  line: number,
  row: { period: string; year: number; partial: boolean },
): Period {
  const p = parsePeriod(row.period);
  if (!p) fail(file, line, 'period', `is not a known period form (got "${row.period}")`);
  if (p.year !== row.year) fail(file, line, 'year', `does not match period "${row.period}"`);
  if (p.partial !== row.partial) {
    fail(file, line, 'partial', `must be ${p.partial} for period "${row.period}"`);
  }
  if (p.kind === 'undated' && !flagsOf(row).includes('UNDATED')) {
    fail(file, line, 'flag', `must include UNDATED for an undated period "${row.period}"`);
  }
  return p;
}

function flagsOf(row: object): DataFlag[] {
  return 'flag' in row && Array.isArray(row.flag) ? (row.flag as DataFlag[]) : [];
}

function quantityOf(row: {
  value: number;
  unit: Quantity['unit'];
  qualifier: Quantity['qualifier'];
}): Quantity {
  return row.qualifier
    ? { value: row.value, unit: row.unit, qualifier: row.qualifier }
    : { value: row.value, unit: row.unit };
}

type ObservationRow = v.InferOutput<v.ObjectSchema<typeof observationColumns, undefined>>;

function observationOf(file: string, line: number, row: ObservationRow) {
  return {
    period: periodOf(file, line, row),
    quantity: quantityOf(row),
    unitPublished: row.unit_published,
    flags: row.flag,
    ...(row.note ? { note: row.note } : {}),
    sourceUrl: row.source_url,
  };
}

// ---------------------------------------------------------------------------------------------
// Builders

export async function buildTrade(ctx: BuildContext): Promise<TradeFile> {
  const seriesFile = 'trade/trade-series.csv';
  const rows = await readRows(ctx, seriesFile, TradeSeriesRow);
  const groups = new Map<string, Row<v.InferOutput<typeof TradeSeriesRow>>[]>();
  for (const r of rows) {
    const p = periodOf(seriesFile, r.line, r.data);
    if (p.kind !== 'year')
      fail(seriesFile, r.line, 'period', 'must be a calendar year in an annual series');
    const key = `${r.data.direction}|${r.data.reporter}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const series: TradeSeriesJson[] = [...groups.values()].map((g) => {
    const first = g[0].data;
    const years = g.map((r) => r.data.year);
    const firstYear = Math.min(...years);
    const lastYear = Math.max(...years);
    const values: (number | null)[] = new Array(lastYear - firstYear + 1).fill(null);
    const seen = new Set<number>();
    const annotations: TradeSeriesJson['annotations'] = [];
    for (const { line, data } of g) {
      for (const field of ['unit', 'basis', 'reporter_role', 'product_group'] as const) {
        if (data[field] !== first[field])
          fail(seriesFile, line, field, 'differs within one series');
      }
      if (seen.has(data.year)) fail(seriesFile, line, 'year', 'appears twice in one series');
      seen.add(data.year);
      values[data.year - firstYear] = data.value;
      if (data.flag.length > 0 || data.note) {
        annotations.push({ year: data.year, flags: data.flag, note: data.note });
      }
    }
    return {
      direction: first.direction,
      reporter: first.reporter,
      reporterRole: first.reporter_role,
      basis: first.basis,
      productGroup: first.product_group,
      unit: first.unit,
      source: { dataset: first.source_dataset, url: first.source_url },
      firstYear,
      values,
      annotations,
    };
  });

  const anchorFile = 'trade/trade.csv';
  const anchors: TradeAnchor[] = (await readRows(ctx, anchorFile, TradeAnchorRow)).map(
    ({ line, data }) => ({
      ...observationOf(anchorFile, line, data),
      direction: data.direction,
      fromArea: data.from_area,
      toArea: data.to_area,
      reporter: data.reporter === '' ? null : data.reporter,
      productGroup: data.product_group,
    }),
  );
  return v.parse(TradeFileSchema, { version: 1, series, anchors });
}

export async function buildCrossings(ctx: BuildContext): Promise<CrossingsFile> {
  const crossingFile = 'crossings/border-crossings.csv';
  const crossings: Crossing[] = (await readRows(ctx, crossingFile, CrossingRow)).map(
    ({ line, data }) => {
      const hasPos = data.lon !== null && data.lat !== null;
      if ((data.lon === null) !== (data.lat === null)) {
        fail(crossingFile, line, 'lat', 'must be given together with lon');
      }
      if (hasPos !== (data.coord_quality !== 'none')) {
        fail(crossingFile, line, 'coord_quality', `must be "none" exactly when lon/lat are empty`);
      }
      if (hasPos && !(data.lon! > 4 && data.lon! < 32 && data.lat! > 57 && data.lat! < 72)) {
        fail(crossingFile, line, 'lon', 'is outside Scandinavia');
      }
      if (hasPos && !/^https?:\/\//.test(data.coord_source_url)) {
        fail(crossingFile, line, 'coord_source_url', 'must cite where the coordinates come from');
      }
      if (data.se_municipality && !data.se_municipality_code) {
        fail(crossingFile, line, 'se_municipality_code', 'is missing for a named municipality');
      }
      if (data.no_municipality && !data.no_municipality_code_2024) {
        fail(
          crossingFile,
          line,
          'no_municipality_code_2024',
          'is missing for a named municipality',
        );
      }
      return {
        id: data.id,
        nameSe: data.name_se,
        nameNo: data.name_no,
        mode: data.mode,
        route: data.route,
        seMunicipality: data.se_municipality
          ? { name: data.se_municipality, code: data.se_municipality_code }
          : null,
        noMunicipality: data.no_municipality
          ? { name: data.no_municipality, code2024: data.no_municipality_code_2024 }
          : null,
        position: hasPos ? [data.lon!, data.lat!] : null,
        coordQuality: data.coord_quality,
        ...(data.coord_source_url ? { coordSourceUrl: data.coord_source_url } : {}),
        note: data.note,
      };
    },
  );
  const ids = new Set<string>();
  for (const c of crossings) {
    if (ids.has(c.id)) throw new BuildError(`${crossingFile}: duplicate id "${c.id}"`);
    ids.add(c.id);
  }

  const trafficFile = 'crossings/border-traffic.csv';
  const traffic: TrafficObservation[] = (await readRows(ctx, trafficFile, TrafficRow)).map(
    ({ line, data }) => {
      // "all-rail" = the four rail crossings together, as the source counts them.
      const crossingIds =
        data.crossing_id === 'all-rail'
          ? crossings.filter((c) => c.mode === 'rail').map((c) => c.id)
          : data.crossing_id.split('+');
      for (const id of crossingIds) {
        if (!ids.has(id)) fail(trafficFile, line, 'crossing_id', `names unknown crossing "${id}"`);
      }
      return {
        ...observationOf(trafficFile, line, data),
        crossingIds,
        measure: data.measure,
        indicator: data.indicator,
        direction: data.direction,
      };
    },
  );
  return v.parse(CrossingsFileSchema, { version: 1, crossings, traffic });
}

export async function buildInvestments(ctx: BuildContext): Promise<InvestmentsFile> {
  const file = 'investments/investments.csv';
  const observations: InvestmentObservation[] = (await readRows(ctx, file, InvestmentRow)).map(
    ({ line, data }) => {
      let ref: InvestmentObservation['area']['ref'] = null;
      if (data.area_level !== '') {
        if (data.area_country === 'SE+NO') fail(file, line, 'area_level', 'needs a single country');
        const country = data.area_country;
        const era = data.area_era;
        if (era === '' || (country === 'SE') !== (era === 'se')) {
          fail(file, line, 'area_era', `does not fit country ${country}`);
        }
        const codeOk =
          data.area_level === 'country'
            ? data.area_code === country
            : data.area_level === 'county'
              ? /^\d{2}$/.test(data.area_code)
              : /^\d{4}$/.test(data.area_code);
        if (!codeOk) fail(file, line, 'area_code', `is not a ${data.area_level} code`);
        ref = { country, level: data.area_level, code: data.area_code, era };
      } else if (data.area_code !== '') {
        fail(file, line, 'area_level', 'is empty but area_code is set');
      }
      return {
        ...observationOf(file, line, data),
        area: { country: data.area_country, type: data.area_type, name: data.area_name, ref },
        indicatorId: data.indicator_id,
        indicator: data.indicator,
      };
    },
  );
  return v.parse(InvestmentsFileSchema, { version: 1, observations });
}

async function writeJson(ctx: BuildContext, name: string, data: unknown): Promise<void> {
  await mkdir(ctx.outDir, { recursive: true });
  const json = JSON.stringify(data);
  await writeFile(join(ctx.outDir, name), json);
  ctx.log(`${name}: ${(json.length / 1024).toFixed(1)} kB`);
}

export async function build(ctx: BuildContext): Promise<void> {
  const [trade, crossings, investments] = await Promise.all([
    buildTrade(ctx),
    buildCrossings(ctx),
    buildInvestments(ctx),
  ]);
  await writeJson(ctx, 'trade.json', trade);
  await writeJson(ctx, 'crossings.json', crossings);
  await writeJson(ctx, 'investments.json', investments);
}
