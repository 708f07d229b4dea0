/**
 * Cross-border ownership (Swedish-owned enterprises in Norway, Norwegian-owned in Sweden) and
 * Interreg Sverige-Norge money. Official FATS figures (SSB, Tillväxtanalys) are kept apart from
 * secondary estimates and single-company facts; the latter are never added to statistical totals.
 */
import * as v from 'valibot';
import { areaKey, type AreaRef } from './areas';
import type { Indicator } from './classification';
import { ObservationSchema } from './trade';
import type { DataFlag, UnitKey } from './units';

export const INVESTMENT_INDICATORS = [
  'se_owned_enterprises_in_no',
  'se_owned_employed_in_no',
  'se_owned_turnover_in_no',
  'se_owned_value_added_in_no',
  'se_owned_gross_investment_in_no',
  'se_share_of_foreign_enterprises_in_no',
  'se_share_of_foreign_employment_in_no',
  'se_share_of_foreign_value_added_in_no',
  'se_groups_with_no_subsidiaries',
  'foreign_enterprises_in_no',
  'no_owned_enterprises_in_se',
  'no_owned_employed_in_se',
  'no_owned_employed_change_in_se',
  'no_owned_new_enterprises_in_se',
  'foreign_enterprises_in_se',
  'foreign_employed_in_se',
  'interreg_programme_total',
  'interreg_programme_erdf',
  'interreg_programme_no_ir',
  'interreg_regional_cofinancing',
  'interreg_funds_available',
  'interreg_decisions',
  'interreg_all_projects_with_partner',
  'interreg_all_partner_participations',
  'interreg_all_partner_budget',
  'interreg_all_partner_erdf',
  'company_level',
] as const;
export type InvestmentIndicatorId = (typeof INVESTMENT_INDICATORS)[number];

const AreaRefSchema = v.object({
  country: v.picklist(['SE', 'NO']),
  level: v.picklist(['country', 'county', 'municipality']),
  code: v.string(),
  era: v.picklist(['2020', '2024', 'se']),
});

export const InvestmentObservationSchema = v.object({
  ...ObservationSchema.entries,
  area: v.object({
    country: v.picklist(['SE', 'NO', 'SE+NO']),
    /** As in the source: country, county, NUTS3, sub-county region, programme area, … */
    type: v.string(),
    name: v.string(),
    /** Official area identity where one exists (countries, counties); null for programme areas etc. */
    ref: v.nullable(AreaRefSchema),
  }),
  indicatorId: v.picklist(INVESTMENT_INDICATORS),
  indicator: v.string(),
});

export const InvestmentsFileSchema = v.object({
  version: v.literal(1),
  observations: v.array(InvestmentObservationSchema),
});

export type InvestmentObservation = v.InferOutput<typeof InvestmentObservationSchema>;
export type InvestmentsFile = v.InferOutput<typeof InvestmentsFileSchema>;

export type OwnershipDirection = 'SE-owned-in-NO' | 'NO-owned-in-SE';
export type OwnershipMeasure = 'enterprises' | 'employed';

const OWNERSHIP_IDS: Record<OwnershipDirection, Record<OwnershipMeasure, InvestmentIndicatorId>> = {
  'SE-owned-in-NO': {
    enterprises: 'se_owned_enterprises_in_no',
    employed: 'se_owned_employed_in_no',
  },
  'NO-owned-in-SE': {
    enterprises: 'no_owned_enterprises_in_se',
    employed: 'no_owned_employed_in_se',
  },
};

/** Flags that make a figure unfit for an official series (kept for the details panel instead). */
const NOT_OFFICIAL: readonly DataFlag[] = ['SECONDARY', 'COMPANY_LEVEL', 'THIRD_PARTY'];

export interface OwnershipOptions {
  /** Include secondary/undated estimates (e.g. ">2,500 companies", c.2022). Default false. */
  includeSecondary?: boolean;
}

/**
 * National figures for one direction and measure, oldest first. Official only by default; an
 * estimate comes back with its flags when `includeSecondary` is set.
 */
export function ownershipByCountry(
  file: InvestmentsFile,
  direction: OwnershipDirection,
  measure: OwnershipMeasure,
  options: OwnershipOptions = {},
): InvestmentObservation[] {
  const id = OWNERSHIP_IDS[direction][measure];
  return file.observations
    .filter(
      (o) =>
        o.indicatorId === id &&
        o.area.ref?.level === 'country' &&
        (options.includeSecondary ||
          (!o.flags.some((f) => NOT_OFFICIAL.includes(f)) && !o.flags.includes('UNDATED'))),
    )
    .sort((a, b) => a.period.year - b.period.year);
}

/**
 * Per-county ownership figures as an indicator (areas by official code). The curated data has no
 * official county × owner-country figures yet (Tillväxtanalys' län table is still to be fetched),
 * so this is empty today; the map shows "no data" rather than inventing zeros.
 */
export function ownershipByCounty(
  file: InvestmentsFile,
  direction: OwnershipDirection,
  measure: OwnershipMeasure,
): Indicator {
  const id = OWNERSHIP_IDS[direction][measure];
  const rows = file.observations.filter(
    (o) =>
      o.indicatorId === id &&
      o.area.ref?.level === 'county' &&
      !o.flags.some((f) => NOT_OFFICIAL.includes(f)),
  );
  return toIndicator(
    `ownership:${direction}:${measure}`,
    { key: `investments.ownership.${direction}.${measure}` },
    measure === 'enterprises' ? 'enterprises' : 'persons',
    rows,
    direction === 'NO-owned-in-SE'
      ? { label: 'Tillväxtanalys', url: 'https://www.tillvaxtanalys.se/' }
      : {
          label: 'SSB utfono',
          url: 'https://www.ssb.no/virksomheter-foretak-og-regnskap/virksomheter-og-foretak/statistikk/utenlandske-datterselskap-i-norge',
        },
  );
}

/** Single-firm facts (shopping centres, acquisitions) for the details panel; never totals. */
export function companyFacts(file: InvestmentsFile): InvestmentObservation[] {
  return file.observations.filter((o) => o.indicatorId === 'company_level');
}

export interface ProgrammeBudget {
  programme: string;
  rows: InvestmentObservation[];
}

const PROGRAMME_IDS: readonly InvestmentIndicatorId[] = [
  'interreg_programme_total',
  'interreg_programme_erdf',
  'interreg_programme_no_ir',
  'interreg_regional_cofinancing',
  'interreg_funds_available',
  'interreg_decisions',
];

/**
 * Interreg Sverige-Norge budgets grouped by programme period (newest first). Rows differ in
 * whether technical assistance is included; the indicator text says which, so never sum them.
 */
export function interregBudgets(file: InvestmentsFile): ProgrammeBudget[] {
  const groups = new Map<string, InvestmentObservation[]>();
  for (const o of file.observations) {
    if (!PROGRAMME_IDS.includes(o.indicatorId)) continue;
    const programme = programmeOf(o);
    groups.set(programme, [...(groups.get(programme) ?? []), o]);
  }
  return [...groups.entries()]
    .map(([programme, rows]) => ({ programme, rows }))
    .sort((a, b) => b.programme.localeCompare(a.programme));
}

function programmeOf(o: InvestmentObservation): string {
  if (o.period.kind === 'range') return o.period.label;
  const y = o.period.year;
  return y >= 2021 ? '2021-2027' : y >= 2014 ? '2014-2020' : '2007-2013';
}

export type RegionalInterregMeasure =
  | 'interreg_all_projects_with_partner'
  | 'interreg_all_partner_participations'
  | 'interreg_all_partner_budget'
  | 'interreg_all_partner_erdf';

/**
 * Interreg participation per county (NUTS3) for 2014-2020, all Interreg programmes, from a
 * third-party aggregation of keep.eu: keyed under year 2020 (the programme's last year).
 * EUR sums are lower bounds; Norwegian partners get no ERDF by design.
 */
export function interregRegionalIndicator(
  file: InvestmentsFile,
  measure: RegionalInterregMeasure,
): Indicator {
  const rows = file.observations.filter((o) => o.indicatorId === measure && o.area.ref);
  const unit = rows[0]?.quantity.unit ?? 'projects';
  return toIndicator(measure, { key: `investments.${measure}` }, unit, rows, {
    label: 'keep.eu export aggregated by ltalve/interreg-map (third party)',
    url: rows[0]?.sourceUrl ?? 'https://github.com/ltalve/interreg-map',
  });
}

function toIndicator(
  id: string,
  title: Indicator['title'],
  unit: UnitKey,
  rows: InvestmentObservation[],
  source: Indicator['source'],
): Indicator {
  const valuesByYear = new Map<number, Map<string, number | null>>();
  const notesByYear = new Map<number, string[]>();
  for (const o of rows) {
    if (!o.area.ref || o.quantity.unit !== unit) continue;
    const ref: AreaRef = o.area.ref;
    const year = o.period.year;
    const m = valuesByYear.get(year) ?? new Map<string, number | null>();
    m.set(areaKey(ref), o.quantity.value);
    valuesByYear.set(year, m);
    const notes = notesByYear.get(year) ?? [];
    for (const f of o.flags) if (!notes.includes(f)) notes.push(f);
    notesByYear.set(year, notes);
  }
  return {
    id,
    title,
    unit,
    source,
    valuesByYear,
    notesByYear,
  };
}
