/**
 * URL-serialised settings of the projects layer: the filters (so a shared link restores exactly the
 * list and points the sender saw), the colour mode, the link option and the list's sort. Every
 * parameter is read strictly on its own; a bad value falls back without touching the others.
 */
import { PROGRAMME_PERIODS, type ProgrammePeriod } from '../../domain/projects';
import type { Country } from '../../domain/areas';
import {
  readBoolean,
  readChoice,
  readInteger,
  readParam,
  type SettingsCodec,
} from '../settingsCodec';

/**
 * Coarse theme groups over the programme priorities of the three periods (see themeGroup in
 * ./logic.ts): few enough for a colour-blind-safe categorical palette.
 */
export const THEME_GROUPS = [
  'business',
  'environment',
  'transport',
  'social',
  'governance',
  'unstated',
] as const;
export type ThemeGroup = (typeof THEME_GROUPS)[number];

export const SORT_KEYS = ['name', 'period', 'town', 'budget'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Budget bounds offered in the controls (EUR); the URL accepts any integer in range. */
export const MAX_BUDGET_EUR = 1_000_000_000;

export interface ProjectsSettings {
  /** Empty = all periods. */
  periods: ProgrammePeriod[];
  /** Empty = all themes. */
  themes: ThemeGroup[];
  /** Country of the lead partner; 'all' = both. */
  leadCountry: Country | 'all';
  /** Total budget range in EUR; null = open end. */
  budgetMin: number | null;
  budgetMax: number | null;
  /** With a budget range set, keep projects whose budget is not reported. */
  budgetUnreported: boolean;
  /** Only projects active in the year of the shared time control. */
  activeInYear: boolean;
  /** With activeInYear: keep projects whose dates do not rule the year out (a bound missing). */
  includeUndated: boolean;
  colourBy: 'theme' | 'period';
  /** Lead→partner lines: for the selected project only, or for every filtered project. */
  links: 'selected' | 'all';
  /** The list shows only the projects whose point is in the map view. */
  listInView: boolean;
  sort: SortKey;
  sortDir: 'asc' | 'desc';
}

export const projectsSettings: SettingsCodec<ProjectsSettings> = {
  defaults: {
    periods: [],
    themes: [],
    leadCountry: 'all',
    budgetMin: null,
    budgetMax: null,
    budgetUnreported: false,
    activeInYear: false,
    includeUndated: true,
    colourBy: 'theme',
    links: 'selected',
    listInView: false,
    sort: 'name',
    sortDir: 'asc',
  },
  read(params, fallback) {
    return {
      periods: readList(params, 'projects.period', PROGRAMME_PERIODS, fallback.periods),
      themes: readList(params, 'projects.theme', THEME_GROUPS, fallback.themes),
      leadCountry: readChoice(
        params,
        'projects.lead',
        ['all', 'SE', 'NO'] as const,
        fallback.leadCountry,
      ),
      budgetMin: readBound(params, 'projects.bmin', fallback.budgetMin),
      budgetMax: readBound(params, 'projects.bmax', fallback.budgetMax),
      budgetUnreported: readBoolean(params, 'projects.bnr', fallback.budgetUnreported),
      activeInYear: readBoolean(params, 'projects.active', fallback.activeInYear),
      includeUndated: readBoolean(params, 'projects.undated', fallback.includeUndated),
      colourBy: readChoice(
        params,
        'projects.colour',
        ['theme', 'period'] as const,
        fallback.colourBy,
      ),
      links: readChoice(params, 'projects.links', ['selected', 'all'] as const, fallback.links),
      listInView: readBoolean(params, 'projects.inview', fallback.listInView),
      sort: readChoice(params, 'projects.sort', SORT_KEYS, fallback.sort),
      sortDir: readChoice(params, 'projects.dir', ['asc', 'desc'] as const, fallback.sortDir),
    };
  },
  write(s, params) {
    const d = projectsSettings.defaults;
    if (s.periods.length) params.set('projects.period', s.periods.join(','));
    if (s.themes.length) params.set('projects.theme', s.themes.join(','));
    if (s.leadCountry !== d.leadCountry) params.set('projects.lead', s.leadCountry);
    if (s.budgetMin !== null) params.set('projects.bmin', String(s.budgetMin));
    if (s.budgetMax !== null) params.set('projects.bmax', String(s.budgetMax));
    if (s.budgetUnreported !== d.budgetUnreported) params.set('projects.bnr', '1');
    if (s.activeInYear !== d.activeInYear) params.set('projects.active', '1');
    if (s.includeUndated !== d.includeUndated) params.set('projects.undated', '0');
    if (s.colourBy !== d.colourBy) params.set('projects.colour', s.colourBy);
    if (s.links !== d.links) params.set('projects.links', s.links);
    if (s.listInView !== d.listInView) params.set('projects.inview', '1');
    if (s.sort !== d.sort) params.set('projects.sort', s.sort);
    if (s.sortDir !== d.sortDir) params.set('projects.dir', s.sortDir);
  },
};

/**
 * A comma list of known values, deduplicated and in canonical order. An empty or wholly unknown
 * list is a broken link: the fallback is kept. Unknown members alone are dropped.
 */
function readList<T extends string>(
  params: URLSearchParams,
  name: string,
  choices: readonly T[],
  fallback: T[],
): T[] {
  const raw = readParam(params, name);
  if (raw === null) return fallback;
  const wanted = new Set(raw.split(','));
  const known = choices.filter((c) => wanted.has(c));
  return known.length ? known : fallback;
}

function readBound(params: URLSearchParams, name: string, fallback: number | null): number | null {
  const n = readInteger(params, name, 0, MAX_BUDGET_EUR, -1);
  return n < 0 ? fallback : n;
}
