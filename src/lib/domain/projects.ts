/**
 * Interreg Sverige-Norge projects: the typed project, filters, ranked search, aggregates per
 * municipality/county and lead→partner links. Pure: no browser, Node or Svelte imports.
 *
 * Blank is not zero: a budget or funding figure the source did not give is `null`, is never
 * summed as 0, and is counted separately wherever figures are added up.
 */
import { areaKey, eraOf, type AreaRef, type Country, type NoEra } from './areas';
import { foldText } from './textSearch';

export const PROGRAMME_PERIODS = ['2007-2013', '2014-2020', '2021-2027'] as const;
export type ProgrammePeriod = (typeof PROGRAMME_PERIODS)[number];

/** Programme sub-areas (delområden) as written in the theme column. */
export const SUBAREAS = [
  'Inre Skandinavien',
  'Gränslöst Samarbete',
  'Nordens Gröna Bälte',
  'Centrala Skandinavien',
  'delområdesöverskridande',
] as const;
export type Subarea = (typeof SUBAREAS)[number];

export type PartnerRole = 'co-owner' | 'partner' | 'co-funder';

/** How the point of a place was obtained (see data/projects/README.md). */
export type PlacePrecision = 'place' | 'seat' | 'published' | 'surface';

/** A gazetteer place: a town (municipality level) or a region that stands for a county. */
export interface ProjectPlace {
  town: string;
  country: Country;
  level: 'municipality' | 'county';
  /** Official municipality code per Norwegian era; null for a county-level place. */
  municipality: Record<NoEra, string> | null;
  county: Record<NoEra, string>;
  lon: number;
  lat: number;
  precision: PlacePrecision;
  /** "geonames:<id>", a cited URL, or "surface:<boundary file>:<code>". */
  coordSource: string;
}

export interface ProjectPartner {
  /** Null when the source names only an organisation, no town. */
  place: ProjectPlace | null;
  town: string | null;
  /** Null when the source does not say (one partner: "Morokulien/Eda (Grensetjänsten)"). */
  country: Country | null;
  organisation: string | null;
  role: PartnerRole;
  /** The role as the source wrote it ("co-lead", "NO owner", …). */
  roleText: string | null;
}

export interface Project {
  id: string;
  name: string;
  acronym: string | null;
  programme: string;
  period: ProgrammePeriod;
  /** ISO date or bare year as published; null when the source gives none. */
  start: string | null;
  end: string | null;
  leadPartner: string;
  leadCountry: Country;
  /** Null when the source does not state the lead partner's town. */
  lead: ProjectPlace | null;
  partners: ProjectPartner[];
  /** Remarks such as "SE partner not stated". */
  partnersNote: string | null;
  budgetTotalEur: number | null;
  /** ERDF only (Swedish side); null = not reported. */
  euFundingEur: number | null;
  theme: string;
  summary: string;
  sourceUrl: string;
  uncertain: boolean;
  uncertainNote: string | null;
}

// ---------------------------------------------------------------------------------------------
// Themes

/** Priority (insatsområde / prioritering) and sub-areas read from the theme text. */
export function themeParts(theme: string): { priority: string | null; subareas: Subarea[] } {
  const subareas = SUBAREAS.filter((s) => theme.includes(s));
  const head = theme.split(' (')[0].split(' – ')[0].split(' / ')[0].trim();
  const priority = !head || head.startsWith('(') || subareas.some((s) => head === s) ? null : head;
  return { priority, subareas };
}

// ---------------------------------------------------------------------------------------------
// Time

export type Activity = 'active' | 'inactive' | 'unknown';

function yearOf(date: string | null): number | null {
  const m = date ? /^(\d{4})/.exec(date) : null;
  return m ? Number(m[1]) : null;
}

/**
 * Whether a project ran in `year`. A missing start or end is not guessed: if the known bound
 * does not rule the year out, the answer is 'unknown'.
 */
export function activityInYear(project: Project, year: number): Activity {
  const start = yearOf(project.start);
  const end = yearOf(project.end);
  if (start !== null && year < start) return 'inactive';
  if (end !== null && year > end) return 'inactive';
  return start !== null && end !== null ? 'active' : 'unknown';
}

// ---------------------------------------------------------------------------------------------
// Filters

export interface ProjectFilter {
  periods?: readonly ProgrammePeriod[];
  /** Priorities as returned by themeParts(). */
  priorities?: readonly string[];
  subareas?: readonly Subarea[];
  leadCountries?: readonly Country[];
  budget?: {
    /** Which figure the range applies to; default the total budget. */
    field?: 'total' | 'eu';
    min?: number;
    max?: number;
    /** Keep projects whose figure is not reported; default false (they cannot be in range). */
    includeUnreported?: boolean;
  };
  activeIn?: { year: number; includeUndated?: boolean };
}

export function matchesFilter(p: Project, f: ProjectFilter): boolean {
  if (f.periods?.length && !f.periods.includes(p.period)) return false;
  if (f.leadCountries?.length && !f.leadCountries.includes(p.leadCountry)) return false;
  if (f.priorities?.length || f.subareas?.length) {
    const parts = themeParts(p.theme);
    if (f.priorities?.length && !(parts.priority && f.priorities.includes(parts.priority)))
      return false;
    if (f.subareas?.length && !parts.subareas.some((s) => f.subareas?.includes(s))) return false;
  }
  if (f.budget && (f.budget.min !== undefined || f.budget.max !== undefined)) {
    const value = f.budget.field === 'eu' ? p.euFundingEur : p.budgetTotalEur;
    if (value === null) {
      if (!f.budget.includeUnreported) return false;
    } else {
      if (f.budget.min !== undefined && value < f.budget.min) return false;
      if (f.budget.max !== undefined && value > f.budget.max) return false;
    }
  }
  if (f.activeIn) {
    const a = activityInYear(p, f.activeIn.year);
    if (a === 'inactive' || (a === 'unknown' && !f.activeIn.includeUndated)) return false;
  }
  return true;
}

export function filterProjects(projects: readonly Project[], filter: ProjectFilter): Project[] {
  return projects.filter((p) => matchesFilter(p, filter));
}

// ---------------------------------------------------------------------------------------------
// Search

/**
 * Folds case, diacritics and the Swedish/Norwegian spellings that differ only in letters:
 * "Malmö" → "malmo", "Ørje" → "orje", "lax"/"laks" → "laks".
 */
export function foldProjectText(text: string): string {
  return foldText(text).replace(/x/g, 'ks').replace(/\s+/g, ' ');
}

/** Lower is better. */
export const SEARCH_RANK = {
  acronymExact: 0,
  namePrefix: 1,
  nameWordPrefix: 2,
  placeOrOrganisationWordPrefix: 3,
  nameSubstring: 4,
  placeOrOrganisationSubstring: 5,
  summarySubstring: 6,
  allWords: 7,
} as const;
export type SearchRank = (typeof SEARCH_RANK)[keyof typeof SEARCH_RANK];

export interface ProjectSearchHit {
  project: Project;
  rank: SearchRank;
}

const WORD_SPLIT = /[\s\-–—/(),.:;!?&"'’]+/;

function wordPrefix(text: string, q: string): boolean {
  return text.split(WORD_SPLIT).some((w) => w.startsWith(q));
}

interface SearchFields {
  acronym: string;
  name: string;
  places: string[];
  summary: string;
}

function searchFields(p: Project): SearchFields {
  const places = [
    p.leadPartner,
    p.lead?.town ?? '',
    ...p.partners.flatMap((x) => [x.organisation ?? '', x.town ?? '']),
  ].filter(Boolean);
  return {
    acronym: foldProjectText(p.acronym ?? ''),
    name: foldProjectText(p.name),
    places: places.map(foldProjectText),
    summary: foldProjectText(`${p.summary} ${p.theme}`),
  };
}

function rankOf(f: SearchFields, q: string): SearchRank | null {
  if (f.acronym && f.acronym === q) return SEARCH_RANK.acronymExact;
  if (f.name.startsWith(q) || (f.acronym && f.acronym.startsWith(q))) return SEARCH_RANK.namePrefix;
  if (wordPrefix(f.name, q) || wordPrefix(f.acronym, q)) return SEARCH_RANK.nameWordPrefix;
  if (f.places.some((t) => wordPrefix(t, q))) return SEARCH_RANK.placeOrOrganisationWordPrefix;
  if (f.name.includes(q) || f.acronym.includes(q)) return SEARCH_RANK.nameSubstring;
  if (f.places.some((t) => t.includes(q))) return SEARCH_RANK.placeOrOrganisationSubstring;
  if (f.summary.includes(q)) return SEARCH_RANK.summarySubstring;
  const words = q.split(' ').filter(Boolean);
  const all = [f.acronym, f.name, ...f.places, f.summary].join(' ');
  if (words.length > 1 && words.every((w) => all.includes(w))) return SEARCH_RANK.allWords;
  return null;
}

/**
 * Projects matching `query` by acronym, name, lead or partner organisation, town, or summary,
 * best first: exact acronym > name prefix > word prefix in the name > word prefix in a
 * town/organisation > substring (name, then towns/organisations, then summary) > all words
 * somewhere. Ties: newest period first, then name.
 */
export function searchProjects(
  projects: readonly Project[],
  query: string,
  limit = 20,
): ProjectSearchHit[] {
  const q = foldProjectText(query);
  if (!q) return [];
  const hits: ProjectSearchHit[] = [];
  for (const project of projects) {
    const rank = rankOf(searchFields(project), q);
    if (rank !== null) hits.push({ project, rank });
  }
  hits.sort(
    (a, b) =>
      a.rank - b.rank ||
      b.project.period.localeCompare(a.project.period) ||
      a.project.name.localeCompare(b.project.name, 'sv'),
  );
  return hits.slice(0, limit);
}

// ---------------------------------------------------------------------------------------------
// Aggregates

/** The area a place falls in at `level`, or null (a county-level place has no municipality). */
export function placeArea(
  place: ProjectPlace,
  level: 'municipality' | 'county',
  noEra: NoEra,
): AreaRef | null {
  const era = eraOf(place.country, noEra);
  if (level === 'municipality') {
    return place.municipality
      ? { country: place.country, level, code: place.municipality[noEra], era }
      : null;
  }
  return { country: place.country, level, code: place.county[noEra], era };
}

export interface ProjectAreaAggregate {
  area: AreaRef;
  key: string;
  /** Distinct projects attributed to the area. */
  projects: number;
  /** Sum of EU funding over the projects that report it. */
  euFundingEur: number;
  /** Projects whose EU funding is reported (and so included in the sum). */
  euFundingReported: number;
  /** Projects whose EU funding is not reported: not in the sum, not zero. */
  euFundingUnreported: number;
  projectIds: string[];
}

export interface ProjectAggregates {
  areas: ProjectAreaAggregate[];
  /** Projects that could not be attributed to any area at this level (no town, or region only). */
  unplaced: string[];
}

export interface AggregateOptions {
  level: 'municipality' | 'county';
  noEra: NoEra;
  /**
   * 'lead': each project counts once, in its lead partner's area; sums add up across areas.
   * 'involved': a project counts in every area where its lead or a partner sits; funding is the
   * whole project's in each area, so sums do not add up across areas.
   */
  by?: 'lead' | 'involved';
}

export function aggregateProjects(
  projects: readonly Project[],
  { level, noEra, by = 'lead' }: AggregateOptions,
): ProjectAggregates {
  const byKey = new Map<string, ProjectAreaAggregate>();
  const unplaced: string[] = [];
  for (const p of projects) {
    const places = by === 'lead' ? [p.lead] : [p.lead, ...p.partners.map((x) => x.place)];
    const areas = new Map<string, AreaRef>();
    for (const place of places) {
      const area = place && placeArea(place, level, noEra);
      if (area) areas.set(areaKey(area), area);
    }
    if (areas.size === 0) unplaced.push(p.id);
    for (const [key, area] of areas) {
      let agg = byKey.get(key);
      if (!agg) {
        agg = {
          area,
          key,
          projects: 0,
          euFundingEur: 0,
          euFundingReported: 0,
          euFundingUnreported: 0,
          projectIds: [],
        };
        byKey.set(key, agg);
      }
      agg.projects += 1;
      agg.projectIds.push(p.id);
      if (p.euFundingEur === null) agg.euFundingUnreported += 1;
      else {
        agg.euFundingEur += p.euFundingEur;
        agg.euFundingReported += 1;
      }
    }
  }
  const areas = [...byKey.values()].sort(
    (a, b) => b.projects - a.projects || a.key.localeCompare(b.key),
  );
  return { areas, unplaced };
}

// ---------------------------------------------------------------------------------------------
// Links for the map

export interface ProjectLink {
  projectId: string;
  from: [number, number];
  to: [number, number];
  partnerTown: string;
  partnerCountry: Country;
  role: PartnerRole;
  /** Lead and partner in different countries. */
  crossBorder: boolean;
}

/**
 * Lead→partner lines: one per distinct partner point of each project with a lead point.
 * Partners at the lead's own point (same town) and partners without a town give no line.
 */
export function projectLinks(
  projects: readonly Project[],
  options: { crossBorderOnly?: boolean } = {},
): ProjectLink[] {
  const links: ProjectLink[] = [];
  for (const p of projects) {
    const lead = p.lead;
    if (!lead) continue;
    const seen = new Set<string>([`${lead.lon},${lead.lat}`]);
    for (const partner of p.partners) {
      const place = partner.place;
      if (!place) continue;
      const at = `${place.lon},${place.lat}`;
      if (seen.has(at)) continue;
      const crossBorder = place.country !== lead.country;
      if (options.crossBorderOnly && !crossBorder) continue;
      seen.add(at);
      links.push({
        projectId: p.id,
        from: [lead.lon, lead.lat],
        to: [place.lon, place.lat],
        partnerTown: place.town,
        partnerCountry: place.country,
        role: partner.role,
        crossBorder,
      });
    }
  }
  return links;
}
