/**
 * The projects layer's pure logic: settings → filter, theme groups and colours, cluster input,
 * list rows and their CSV, the years of the time control and the per-area indicators. No browser
 * or Svelte imports, so every piece is unit-tested on the real project data.
 */
import {
  PROGRAMME_PERIODS,
  SEARCH_RANK,
  aggregateProjects,
  filterProjects,
  themeParts,
  type ProgrammePeriod,
  type Project,
  type ProjectFilter,
} from '../../domain/projects';
import { toCsv } from '../../domain/csv';
import { NO_ERAS } from '../../domain/areas';
import type { Indicator, SourceRef } from '../../domain/classification';
import type { Camera } from '../../state/viewState';
import type { ProjectsSettings, SortKey, ThemeGroup } from './settings';

type RGB = [number, number, number];

// ---------------------------------------------------------------------------------------------
// Themes and colours

/** Priority heads (as themeParts returns them) by theme group; anything else is 'unstated'. */
const GROUP_OF_PRIORITY: Record<string, ThemeGroup> = {
  'Små och medelstora företag': 'business',
  'Innovativa miljöer': 'business',
  'Ekonomisk tillväxt': 'business',
  'En smartare gränsregion': 'business',
  'Natur och kulturarv': 'environment',
  Kulturarv: 'environment',
  'En grönare gränsregion': 'environment',
  'Centrala/Nordens Gröna Bälte': 'environment',
  Transport: 'transport',
  'Hållbara transporter': 'transport',
  Sysselsättning: 'social',
  'Attraktiv livsmiljö': 'social',
  'En mer social gränsregion': 'social',
  'En starkare gränsregion': 'governance',
};

/** Themes written as "<sub-area> – <topic>" name no priority; their topic words decide. */
const GROUP_OF_TOPIC: [RegExp, ThemeGroup][] = [
  [/border obstacles|gränshinder/i, 'governance'],
  [/besöksnäring|turism|business/i, 'business'],
];

/** The theme group of a project; 'unstated' when the source names only a sub-area. */
export function themeGroup(project: Project): ThemeGroup {
  const { priority } = themeParts(project.theme);
  const byPriority = priority ? GROUP_OF_PRIORITY[priority] : undefined;
  return byPriority ?? GROUP_OF_TOPIC.find(([re]) => re.test(project.theme))?.[1] ?? 'unstated';
}

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies; grey for unstated. */
export const THEME_COLOURS: Record<ThemeGroup, RGB> = {
  business: [0, 114, 178],
  environment: [0, 158, 115],
  transport: [230, 159, 0],
  social: [204, 121, 167],
  governance: [86, 180, 233],
  unstated: [153, 153, 153],
};

/** Periods are ordered, so an ordered ramp (viridis stops, dark → light) rather than hues. */
export const PERIOD_COLOURS: Record<ProgrammePeriod, RGB> = {
  '2007-2013': [68, 1, 84],
  '2014-2020': [33, 145, 140],
  '2021-2027': [122, 209, 81],
};

export const CLUSTER_COLOUR: RGB = [55, 55, 60];

export function projectColour(project: Project, by: ProjectsSettings['colourBy']): RGB {
  return by === 'period' ? PERIOD_COLOURS[project.period] : THEME_COLOURS[themeGroup(project)];
}

// ---------------------------------------------------------------------------------------------
// Filters

/** The domain filter the settings describe (theme groups are applied separately). */
export function settingsToFilter(s: ProjectsSettings, year: number): ProjectFilter {
  const filter: ProjectFilter = {};
  if (s.periods.length) filter.periods = s.periods;
  if (s.leadCountry !== 'all') filter.leadCountries = [s.leadCountry];
  if (s.budgetMin !== null || s.budgetMax !== null) {
    filter.budget = {
      field: 'total',
      min: s.budgetMin ?? undefined,
      max: s.budgetMax ?? undefined,
      includeUnreported: s.budgetUnreported,
    };
  }
  if (s.activeInYear) filter.activeIn = { year, includeUndated: s.includeUndated };
  return filter;
}

export function applyProjectFilters(
  projects: readonly Project[],
  s: ProjectsSettings,
  year: number,
): Project[] {
  const filtered = filterProjects(projects, settingsToFilter(s, year));
  return s.themes.length ? filtered.filter((p) => s.themes.includes(themeGroup(p))) : filtered;
}

/** Whether any filter narrows the list (for the "no projects for this filter" state). */
export function isFiltered(s: ProjectsSettings): boolean {
  return (
    s.periods.length > 0 ||
    s.themes.length > 0 ||
    s.leadCountry !== 'all' ||
    s.budgetMin !== null ||
    s.budgetMax !== null ||
    s.activeInYear
  );
}

// ---------------------------------------------------------------------------------------------
// Clusters

export interface ProjectPointFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { id: string };
}

/** Supercluster input: one point per project at its lead town; projects without one are left out. */
export function clusterInput(projects: readonly Project[]): ProjectPointFeature[] {
  return projects.flatMap((p) =>
    p.lead
      ? [
          {
            type: 'Feature' as const,
            geometry: { type: 'Point' as const, coordinates: [p.lead.lon, p.lead.lat] },
            properties: { id: p.id },
          },
        ]
      : [],
  );
}

export type Bounds = [west: number, south: number, east: number, north: number];

/** Bounding box of points, or null when there are none. */
export function boundsOf(points: readonly [number, number][]): Bounds | null {
  if (!points.length) return null;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of points) {
    w = Math.min(w, lon);
    e = Math.max(e, lon);
    s = Math.min(s, lat);
    n = Math.max(n, lat);
  }
  return [w, s, e, n];
}

/** Where a project and its partners are, for flying to it (null when nothing is placed). */
export function projectBounds(p: Project): Bounds | null {
  const places = [p.lead, ...p.partners.map((x) => x.place)].filter((x) => x !== null);
  return boundsOf(places.map((x) => [x.lon, x.lat]));
}

/**
 * The area a camera shows in a viewport of `width`×`height` CSS pixels (Web Mercator, 512 px
 * tiles as MapLibre uses), for "only what is in view" without asking the map.
 */
export function cameraBounds(camera: Camera, width: number, height: number): Bounds {
  const worldSize = 512 * 2 ** camera.zoom;
  const x = ((camera.lon + 180) / 360) * worldSize;
  const sin = Math.sin((camera.lat * Math.PI) / 180);
  const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * worldSize;
  const lon = (px: number) => (px / worldSize) * 360 - 180;
  const lat = (py: number) =>
    (Math.atan(Math.sinh(Math.PI * (1 - (2 * py) / worldSize))) * 180) / Math.PI;
  return [lon(x - width / 2), lat(y + height / 2), lon(x + width / 2), lat(y - height / 2)];
}

export function inBounds(p: Project, [w, s, e, n]: Bounds): boolean {
  return (
    p.lead !== null && p.lead.lon >= w && p.lead.lon <= e && p.lead.lat >= s && p.lead.lat <= n
  );
}

// ---------------------------------------------------------------------------------------------
// List and CSV

/** Blank figures sort last in both directions: "not reported" is not small. */
export function sortProjects(
  projects: readonly Project[],
  key: SortKey,
  dir: 'asc' | 'desc',
): Project[] {
  const sign = dir === 'asc' ? 1 : -1;
  const byName = (a: Project, b: Project) => a.name.localeCompare(b.name, 'sv');
  const blankLast = <T>(a: T | null, b: T | null, cmp: (x: T, y: T) => number) =>
    a === null ? (b === null ? 0 : 1) : b === null ? -1 : sign * cmp(a, b);
  const compare = (a: Project, b: Project): number => {
    switch (key) {
      case 'name':
        return sign * byName(a, b);
      case 'period':
        return (
          sign * (a.period.localeCompare(b.period) || (a.start ?? '').localeCompare(b.start ?? ''))
        );
      case 'town':
        return blankLast(a.lead?.town ?? null, b.lead?.town ?? null, (x, y) =>
          x.localeCompare(y, 'sv'),
        );
      case 'budget':
        return blankLast(a.budgetTotalEur, b.budgetTotalEur, (x, y) => x - y);
    }
  };
  return [...projects].sort((a, b) => compare(a, b) || byName(a, b) || a.id.localeCompare(b.id));
}

export const CSV_COLUMNS = [
  'id',
  'name',
  'acronym',
  'programme',
  'period',
  'start',
  'end',
  'lead_partner',
  'lead_country',
  'lead_town',
  'partners',
  'budget_total_eur',
  'eu_funding_eur',
  'theme',
  'uncertain',
  'source_url',
] as const;

/**
 * The list as CSV (the shared policy in domain/csv: BOM, CRLF, plain numbers, no formulas): a header
 * row, one row per project in list order. Blank stays blank.
 */
export function projectsCsv(projects: readonly Project[]): string {
  const rows = projects.map((p) => [
    p.id,
    p.name,
    p.acronym,
    p.programme,
    p.period,
    p.start,
    p.end,
    p.leadPartner,
    p.leadCountry,
    p.lead?.town ?? null,
    p.partners
      .map((x) => [x.organisation, x.town, x.country].filter(Boolean).join(', '))
      .join(' | ') || null,
    p.budgetTotalEur,
    p.euFundingEur,
    p.theme,
    p.uncertain ? 'yes' : 'no',
    p.sourceUrl,
  ]);
  return toCsv([CSV_COLUMNS, ...rows]);
}

// ---------------------------------------------------------------------------------------------
// Years

export const PERIOD_YEARS: Record<ProgrammePeriod, [number, number]> = {
  '2007-2013': [2007, 2013],
  '2014-2020': [2014, 2020],
  '2021-2027': [2021, 2027],
};

/** The programme period a calendar year belongs to. */
export function periodOfYear(year: number): ProgrammePeriod | null {
  return (
    PROGRAMME_PERIODS.find((p) => year >= PERIOD_YEARS[p][0] && year <= PERIOD_YEARS[p][1]) ?? null
  );
}

/** Every year of the programme periods that have projects (the time control's years). */
export function programmeYears(projects: readonly Project[]): number[] {
  const periods = new Set(projects.map((p) => p.period));
  return PROGRAMME_PERIODS.filter((p) => periods.has(p)).flatMap((p) => {
    const [from, to] = PERIOD_YEARS[p];
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
}

// ---------------------------------------------------------------------------------------------
// Indicators

export const PROJECT_INDICATOR_IDS = {
  'count-municipality': 'projects-count-municipality',
  'count-county': 'projects-count-county',
  'eu-municipality': 'projects-eu-municipality',
  'eu-county': 'projects-eu-county',
} as const;

/**
 * Projects led from each area and their EU funding, per municipality and per county, as indicators
 * for the choropleth. Year axis: every year of a programme period carries that period's figures
 * (projects counted in their lead partner's area, once), so the shared time control picks the
 * programme of the year shown. EU funding is the sum over projects that report it; an area whose
 * projects all leave it blank is null (no data), never 0. Keys of both Norwegian eras are present.
 */
export function projectIndicators(projects: readonly Project[], source: SourceRef): Indicator[] {
  const out: Indicator[] = [];
  for (const level of ['municipality', 'county'] as const) {
    const count = new Map<number, Map<string, number | null>>();
    const eu = new Map<number, Map<string, number | null>>();
    for (const period of PROGRAMME_PERIODS) {
      const inPeriod = projects.filter((p) => p.period === period);
      if (!inPeriod.length) continue;
      const counts = new Map<string, number | null>();
      const funding = new Map<string, number | null>();
      for (const noEra of NO_ERAS) {
        for (const a of aggregateProjects(inPeriod, { level, noEra }).areas) {
          counts.set(a.key, a.projects);
          funding.set(a.key, a.euFundingReported > 0 ? a.euFundingEur : null);
        }
      }
      const [from, to] = PERIOD_YEARS[period];
      for (let year = from; year <= to; year++) {
        count.set(year, counts);
        eu.set(year, funding);
      }
    }
    out.push(
      {
        id: PROJECT_INDICATOR_IDS[`count-${level}`],
        title: { key: `projects.indicator.count.${level}` },
        unit: 'projects',
        source,
        valuesByYear: count,
      },
      {
        id: PROJECT_INDICATOR_IDS[`eu-${level}`],
        title: { key: `projects.indicator.eu.${level}` },
        unit: 'EUR',
        source,
        valuesByYear: eu,
      },
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Search

/**
 * searchProjects ranks 0 (best) … 7; the top bar's scale is 4 exact … 1 substring, shared with
 * place names. An exact acronym counts as exact; name prefixes as prefixes; word prefixes in the
 * name or in a town/organisation as word prefixes; every substring match as a substring.
 */
export function searchScore(rank: number): number {
  if (rank === SEARCH_RANK.acronymExact) return 4;
  if (rank === SEARCH_RANK.namePrefix) return 3;
  if (rank <= SEARCH_RANK.placeOrOrganisationWordPrefix) return 2;
  return 1;
}
