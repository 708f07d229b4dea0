/**
 * projects.json (written by scripts/projects/build.ts): schema, parser and loader. Places are
 * stored once in `places` and referenced by index; parsing resolves them into Project objects.
 */
import * as v from 'valibot';
import {
  PROGRAMME_PERIODS,
  type Project,
  type ProjectPartner,
  type ProjectPlace,
} from '../domain/projects';
import { describeIssues, fetchJson, type LoadError, type Result } from './load';

export const PROJECTS_FILE_VERSION = 1;

const CountrySchema = v.picklist(['SE', 'NO']);
const EraCodes = (pattern: RegExp) =>
  v.object({
    '2020': v.pipe(v.string(), v.regex(pattern)),
    '2024': v.pipe(v.string(), v.regex(pattern)),
  });
const NullableText = v.nullable(v.pipe(v.string(), v.minLength(1)));
const Euros = v.nullable(v.pipe(v.number(), v.minValue(0)));
const DateOrYear = v.nullable(v.pipe(v.string(), v.regex(/^\d{4}(-\d{2}-\d{2})?$/)));

export const ProjectPlaceSchema = v.object({
  town: v.pipe(v.string(), v.minLength(1)),
  country: CountrySchema,
  level: v.picklist(['municipality', 'county']),
  municipality: v.nullable(EraCodes(/^\d{4}$/)),
  county: EraCodes(/^\d{2}$/),
  lon: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)),
  lat: v.pipe(v.number(), v.minValue(-90), v.maxValue(90)),
  precision: v.picklist(['place', 'seat', 'published', 'surface']),
  coordSource: v.pipe(v.string(), v.minLength(1)),
});

const PlaceIndex = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0)));

export const ProjectRecordSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^se-no-\d{4}-\d{3}$/)),
  name: v.pipe(v.string(), v.minLength(1)),
  acronym: NullableText,
  programme: v.pipe(v.string(), v.minLength(1)),
  period: v.picklist(PROGRAMME_PERIODS),
  start: DateOrYear,
  end: DateOrYear,
  leadPartner: v.pipe(v.string(), v.minLength(1)),
  leadCountry: CountrySchema,
  lead: PlaceIndex,
  partners: v.array(
    v.object({
      place: PlaceIndex,
      town: NullableText,
      country: v.nullable(CountrySchema),
      organisation: NullableText,
      role: v.picklist(['co-owner', 'partner', 'co-funder']),
      roleText: NullableText,
    }),
  ),
  partnersNote: NullableText,
  budgetTotalEur: Euros,
  euFundingEur: Euros,
  theme: v.string(),
  summary: v.string(),
  sourceUrl: v.pipe(v.string(), v.url()),
  uncertain: v.boolean(),
  uncertainNote: NullableText,
});

export const ProjectsFileSchema = v.object({
  version: v.literal(PROJECTS_FILE_VERSION),
  /** Attribution and terms of the data, shown behind the "Source" link. */
  attribution: v.array(v.string()),
  places: v.array(ProjectPlaceSchema),
  projects: v.array(ProjectRecordSchema),
});
export type ProjectsFile = v.InferOutput<typeof ProjectsFileSchema>;

export interface ProjectsData {
  projects: Project[];
  places: ProjectPlace[];
  attribution: string[];
}

/** Resolves place indices; a dangling index is an error, not a dropped point. */
export function hydrateProjects(file: ProjectsFile): Result<ProjectsData, string> {
  const places: ProjectPlace[] = file.places;
  const bad: string[] = [];
  const at = (i: number | null, where: string): ProjectPlace | null => {
    if (i === null) return null;
    const place = places[i];
    if (!place) bad.push(`${where}: no place ${i}`);
    return place ?? null;
  };
  const projects = file.projects.map((r): Project => {
    const partners = r.partners.map((x, n): ProjectPartner => ({
      ...x,
      place: at(x.place, `${r.id} partner ${n + 1}`),
    }));
    return { ...r, lead: at(r.lead, `${r.id} lead`), partners };
  });
  if (bad.length) return { ok: false, error: bad.slice(0, 3).join('; ') };
  return { ok: true, value: { projects, places, attribution: file.attribution } };
}

/** Validates parsed JSON; never throws. */
export function parseProjectsFile(json: unknown): Result<ProjectsData, string> {
  const parsed = v.safeParse(ProjectsFileSchema, json);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.issues) };
  return hydrateProjects(parsed.output);
}

/** Fetches and parses generated/projects.json. */
export async function loadProjects(
  url = 'generated/projects.json',
): Promise<Result<ProjectsData, LoadError>> {
  const file = await fetchJson(url, ProjectsFileSchema);
  if (!file.ok) return file;
  const data = hydrateProjects(file.value);
  return data.ok ? data : { ok: false, error: { kind: 'invalid', url, detail: data.error } };
}
