/**
 * Commuting data builder.
 *
 * Reads   data/commuting/cross-border.csv, data/commuting/cross-border-shares.csv (curated, validated here)
 *         SSB 03321 matrices via ctx.resolveSource (ids in data/sources/commuting.json)
 * Writes  <outDir>/commuting-cross-border.json   published counts and shares (CrossBorderDataset)
 *         <outDir>/commuting-no-<year>.json       Norwegian municipality matrix in 2020-era codes
 *                                                (CompactOdMatrix; 2017 is FHI's conversion, marked)
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import * as v from 'valibot';
import { BuildError, type BuildContext } from '../lib/context';
import { isValidCode, type AreaRef } from '../../src/lib/domain/areas';
import {
  MEASURES,
  isMeasureKey,
  validateFlows,
  type CompactOdMatrix,
  type CrossBorderDataset,
  type MeasureKey,
  type PublishedFlow,
  type PublishedShare,
} from '../../src/lib/domain/commuting';

/** The domestic matrices: source id, year, the CSV's column names, and how the figures were made. */
export const DOMESTIC_SOURCES = [
  {
    id: 'no-commuting-2017-b2020-fhi',
    year: 2017,
    work: 'work_municipality_code_2020',
    residence: 'residence_municipality_code_2020',
    conversion:
      'SSB 2017 figures converted to 2020 municipality codes by Folkehelseinstituttet (spread); municipalities divided in 2020 were split by population weights, so some pairs are estimates with fractional persons. Same-municipality rows were removed by FHI.',
    hasSameMunicipality: false,
  },
  ...[2020, 2021, 2022].map((year) => ({
    id: `no-commuting-${year}-ssb03321-b2020`,
    year,
    work: 'work_municipality_code',
    residence: 'residence_municipality_code',
    conversion: null,
    hasSameMunicipality: true,
  })),
] as const;

const Bool = v.pipe(
  v.picklist(['true', 'false'], 'must be true or false'),
  v.transform((s) => s === 'true'),
);
const Year = v.pipe(
  v.string(),
  v.regex(/^(19|20)\d{2}$/, 'must be a four-digit year'),
  v.transform(Number),
);
const Country = v.picklist(['SE', 'NO'], 'must be SE or NO');
const LevelSchema = v.picklist(['country', 'county', 'municipality']);
const EraSchema = v.picklist(['se', '2020', '2024']);
const NonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
const Measure = v.pipe(
  v.string(),
  v.check(isMeasureKey, 'is not a known measure key (see MEASURES)'),
  v.transform((s) => s as MeasureKey),
);

const Common = {
  year: Year,
  origin_country: Country,
  origin_level: LevelSchema,
  origin_code: NonEmpty,
  origin_era: EraSchema,
  origin_name: NonEmpty,
  destination_country: Country,
  destination_level: LevelSchema,
  destination_code: NonEmpty,
  destination_era: EraSchema,
  destination_name: NonEmpty,
  measure: Measure,
  year_inferred: Bool,
  measure_note: NonEmpty,
  source_url: v.pipe(v.string(), v.url('must be a URL')),
  source_title: NonEmpty,
  licence: v.picklist(['CC BY 4.0', 'quoted-figure'], 'must be "CC BY 4.0" or "quoted-figure"'),
};

export const CrossBorderRowSchema = v.strictObject({
  ...Common,
  persons: v.pipe(
    v.string(),
    v.regex(/^\d+$/, 'must be a whole number of persons (shares go to cross-border-shares.csv)'),
    v.transform(Number),
  ),
  rounded: Bool,
  code_note: v.string(),
});

export const ShareRowSchema = v.strictObject({
  ...Common,
  percent: v.pipe(
    v.string(),
    v.regex(/^\d+(\.\d+)?$/, 'must be a percentage'),
    v.transform(Number),
  ),
  percent_kind: v.picklist([
    'share-of-flow',
    'share-of-employed',
    'employment-addition',
    'employment-rate-pp',
    'change',
  ]),
  percent_qualifier: v.picklist(['exact', 'about', 'over', 'almost']),
  percent_of: NonEmpty,
});

type Row = Record<string, unknown>;

function endOf(row: Row, prefix: 'origin' | 'destination', where: string): AreaRef {
  const area = {
    country: row[`${prefix}_country`],
    level: row[`${prefix}_level`],
    code: row[`${prefix}_code`],
    era: row[`${prefix}_era`],
  } as AreaRef;
  if (
    !isValidCode(area.level, area.code) ||
    (area.level === 'country' && area.code !== area.country)
  )
    throw new BuildError(`${where}: ${prefix}_code "${area.code}" is not a ${area.level} code`);
  if ((area.country === 'SE') !== (area.era === 'se'))
    throw new BuildError(
      `${where}: ${prefix}_era "${area.era}" does not belong to ${area.country}`,
    );
  return area;
}

/** Parses and validates one curated CSV; every problem is reported with its row and column. */
export function parseCurated<S extends v.GenericSchema<Row, Row>>(
  text: string,
  file: string,
  schema: S,
): { rows: v.InferOutput<S>[]; errors: string[] } {
  const parsed = Papa.parse<Row>(text, { header: true, skipEmptyLines: true });
  const errors = parsed.errors.map(
    (e) => `${file} row ${(e.row ?? 0) + 2}: malformed CSV: ${e.message}`,
  );
  const rows: v.InferOutput<S>[] = [];
  parsed.data.forEach((raw, i) => {
    const result = v.safeParse(schema, raw);
    if (result.success) rows.push(result.output);
    else
      for (const issue of result.issues)
        errors.push(`${file} row ${i + 2}, column ${v.getDotPath(issue) ?? '?'}: ${issue.message}`);
  });
  return { rows, errors };
}

export function crossBorderDataset(flowsCsv: string, sharesCsv: string): CrossBorderDataset {
  const counts = parseCurated(flowsCsv, 'cross-border.csv', CrossBorderRowSchema);
  const shares = parseCurated(sharesCsv, 'cross-border-shares.csv', ShareRowSchema);
  const errors = [...counts.errors, ...shares.errors];
  if (errors.length > 0) throw new BuildError(errors.slice(0, 20).join('\n'));

  const common = (
    r: v.InferOutput<typeof CrossBorderRowSchema> | v.InferOutput<typeof ShareRowSchema>,
    where: string,
  ) => ({
    year: r.year,
    origin: endOf(r, 'origin', where),
    destination: endOf(r, 'destination', where),
    measure: { key: r.measure, note: r.measure_note },
    source: { id: r.source_url, url: r.source_url, title: r.source_title },
    originName: r.origin_name,
    destinationName: r.destination_name,
    yearInferred: r.year_inferred,
    licence: r.licence,
  });
  const flows: PublishedFlow[] = counts.rows.map((r, i) => ({
    ...common(r, `cross-border.csv row ${i + 2}`),
    persons: r.persons,
    rounded: r.rounded,
  }));
  const shareRows: PublishedShare[] = shares.rows.map((r, i) => ({
    ...common(r, `cross-border-shares.csv row ${i + 2}`),
    percent: r.percent,
    kind: r.percent_kind,
    qualifier: r.percent_qualifier,
    percentOf: r.percent_of,
  }));
  const issues = validateFlows(flows);
  if (issues.length > 0)
    throw new BuildError(
      issues.map((i) => `cross-border.csv row ${i.index + 2}, ${i.field}: ${i.message}`).join('\n'),
    );
  const used = new Set([...flows, ...shareRows].map((f) => f.measure.key));
  return {
    flows,
    shares: shareRows,
    measures: Object.values(MEASURES).filter((m) => used.has(m.key)),
  };
}

interface ManifestEntry {
  id: string;
  url: string;
  licence: string;
  attribution: string;
  description: string;
}

const DomesticRow = v.object({
  year: Year,
  persons: v.pipe(
    v.string(),
    v.regex(/^\d+(\.\d+)?$/, 'must be a number ≥ 0'),
    v.transform(Number),
  ),
});

/** Columnar matrix of one domestic CSV, same-municipality rows split off into livesAndWorks. */
export function compactDomestic(
  text: string,
  spec: (typeof DOMESTIC_SOURCES)[number],
  entry: ManifestEntry,
): CompactOdMatrix {
  const file = `${spec.id}.csv`;
  const parsed = Papa.parse<Row>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0)
    throw new BuildError(
      `${file} row ${(parsed.errors[0].row ?? 0) + 2}: ${parsed.errors[0].message}`,
    );
  const triples: [string, string, number][] = [];
  const errors: string[] = [];
  parsed.data.forEach((raw, i) => {
    const residence = String(raw[spec.residence] ?? '');
    const work = String(raw[spec.work] ?? '');
    const r = v.safeParse(DomesticRow, raw);
    if (!/^\d{4}$/.test(residence))
      errors.push(`${file} row ${i + 2}: bad ${spec.residence} "${residence}"`);
    if (!/^\d{4}$/.test(work)) errors.push(`${file} row ${i + 2}: bad ${spec.work} "${work}"`);
    if (!r.success)
      errors.push(`${file} row ${i + 2}: ${v.getDotPath(r.issues[0])}: ${r.issues[0].message}`);
    else if (r.output.year !== spec.year)
      errors.push(`${file} row ${i + 2}: year ${r.output.year}, expected ${spec.year}`);
    else triples.push([residence, work, r.output.persons]);
  });
  if (errors.length > 0) throw new BuildError(errors.slice(0, 20).join('\n'));

  const codes = [...new Set(triples.flatMap(([a, b]) => [a, b]))].sort();
  const index = new Map(codes.map((c, i) => [c, i]));
  const livesAndWorks: (number | null)[] | null = spec.hasSameMunicipality
    ? codes.map(() => null)
    : null;
  const seen = new Set<string>();
  const cols = { origin: [] as number[], destination: [] as number[], persons: [] as number[] };
  triples.sort((a, b) =>
    a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0,
  );
  for (const [residence, work, persons] of triples) {
    const key = `${residence}>${work}`;
    if (seen.has(key)) throw new BuildError(`${file}: duplicate pair ${residence} → ${work}`);
    seen.add(key);
    const o = index.get(residence) as number;
    const d = index.get(work) as number;
    if (o === d) {
      if (livesAndWorks) livesAndWorks[o] = persons;
      continue;
    }
    cols.origin.push(o);
    cols.destination.push(d);
    cols.persons.push(persons);
  }
  return {
    year: spec.year,
    country: 'NO',
    era: '2020',
    measure: 'no-employed-q4-03321',
    conversion: spec.conversion,
    source: {
      id: spec.id,
      url: entry.url,
      title: 'SSB table 03321: employed persons by municipality of work and residence, 4th quarter',
      attribution: entry.attribution,
      licence: entry.licence,
    },
    codes,
    ...cols,
    livesAndWorks,
  };
}

async function writeJson(ctx: BuildContext, name: string, value: unknown): Promise<void> {
  const text = JSON.stringify(value);
  await writeFile(path.join(ctx.outDir, name), text);
  ctx.log(`commuting: wrote ${name} (${(text.length / 1024).toFixed(0)} KiB)`);
}

export async function build(ctx: BuildContext): Promise<void> {
  await mkdir(ctx.outDir, { recursive: true });
  const dir = path.join(ctx.dataDir, 'commuting');
  const dataset = crossBorderDataset(
    await readFile(path.join(dir, 'cross-border.csv'), 'utf8'),
    await readFile(path.join(dir, 'cross-border-shares.csv'), 'utf8'),
  );
  await writeJson(ctx, 'commuting-cross-border.json', dataset);

  const manifest = JSON.parse(
    await readFile(path.join(ctx.dataDir, 'sources', 'commuting.json'), 'utf8'),
  ) as ManifestEntry[];
  for (const spec of DOMESTIC_SOURCES) {
    const entry = manifest.find((e) => e.id === spec.id);
    if (!entry) throw new BuildError(`data/sources/commuting.json has no entry "${spec.id}"`);
    const file = await ctx.resolveSource(spec.id);
    const matrix = compactDomestic(await readFile(file, 'utf8'), spec, entry);
    const crossing = matrix.persons.reduce((a, b) => a + b, 0);
    ctx.log(
      `commuting: ${spec.id}: ${matrix.codes.length} municipalities, ${matrix.persons.length} pairs, ${Math.round(crossing)} persons commuting between municipalities`,
    );
    await writeJson(ctx, `commuting-no-${spec.year}.json`, matrix);
  }
}
