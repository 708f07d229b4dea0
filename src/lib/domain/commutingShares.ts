/**
 * Published commuting shares (percentages, data/commuting/cross-border-shares.csv): which concern an
 * area or a year, and how each is phrased. A share is never turned into a count of persons: the
 * whole it refers to is rarely published alongside it.
 *
 * Also which Norwegian municipalities the 2024 crosswalk keeps at county level, so the legend can
 * name them. Pure: callers pass the loaded data in.
 */
import type { AreaRef, NoEra } from './areas';
import { countyHoldingParts, type PublishedShare, type ShareKind } from './commuting';
import type { CrosswalkIndex, NoCrosswalk } from './crosswalk';
import { noCodeIn2024, noCodesIn2020 } from './crosswalk';

export type ShareSide = 'origin' | 'destination';

/** A share that concerns an area, and how. */
export interface AreaShare {
  share: PublishedShare;
  /** Which end of the share the area is. */
  side: ShareSide;
  /**
   * Set when the share's end is a Norwegian area of the other era that is not exactly this area
   * (it was split or merged in 2024): the code and era the source refers to, so the UI can say so.
   */
  refersTo: { code: string; era: NoEra } | null;
}

type Relation = 'same' | 'related' | null;

/**
 * How a share's end relates to an area of the era shown. Countries are the same in every era.
 * Norwegian ends of the other era go through the crosswalk: a 1:1 code (unchanged or renumbered) is
 * the same area; a split or merged one only overlaps it, which is 'related', never 'same'.
 */
function relation(end: AreaRef, area: AreaRef, crosswalk: CrosswalkIndex | null): Relation {
  if (end.country !== area.country || end.level !== area.level) return null;
  if (end.level === 'country' || end.era === area.era)
    return end.code === area.code ? 'same' : null;
  if (!crosswalk || end.era === 'se' || area.era === 'se') return null;
  const level = end.level;
  const [code2020, code2024] = end.era === '2020' ? [end.code, area.code] : [area.code, end.code];
  const to = noCodeIn2024(crosswalk, code2020, level);
  if (!to.includes(code2024)) return null;
  return to.length === 1 && noCodesIn2020(crosswalk, code2024, level).length === 1
    ? 'same'
    : 'related';
}

/**
 * The shares whose origin or destination is `area`, found by official code in the area's era
 * (`crosswalk` maps Norwegian codes between 2020–2023 and 2024; without it only same-era codes and
 * countries match). Oldest first.
 */
export function sharesOfArea(
  shares: readonly PublishedShare[],
  area: AreaRef,
  crosswalk: CrosswalkIndex | null,
): AreaShare[] {
  const out: AreaShare[] = [];
  for (const share of shares) {
    for (const side of ['origin', 'destination'] as const) {
      const end = share[side];
      const r = relation(end, area, crosswalk);
      if (!r) continue;
      const refersTo = r === 'related' ? { code: end.code, era: end.era as NoEra } : null;
      out.push({ share, side, refersTo });
      break;
    }
  }
  return out.sort((a, b) => a.share.year - b.share.year);
}

/** Between the two countries as wholes (no end below country level). */
export function isCountryShare(share: PublishedShare): boolean {
  return share.origin.level === 'country' && share.destination.level === 'country';
}

const LEVEL_ORDER = { country: 0, county: 1, municipality: 2 } as const;

/** Whole countries first, then coarser areas before finer, then by code: a stable reading order. */
function compareShares(a: PublishedShare, b: PublishedShare): number {
  const rank = (s: PublishedShare) =>
    LEVEL_ORDER[s.origin.level] + LEVEL_ORDER[s.destination.level];
  return (
    a.year - b.year ||
    rank(a) - rank(b) ||
    a.origin.code.localeCompare(b.origin.code) ||
    a.destination.code.localeCompare(b.destination.code) ||
    a.kind.localeCompare(b.kind)
  );
}

/** The shares published for `year`, whole countries first. */
export function sharesOfYear(shares: readonly PublishedShare[], year: number): PublishedShare[] {
  return shares.filter((s) => s.year === year).sort(compareShares);
}

/** Every share between the two countries as wholes, oldest first. */
export function countryShares(shares: readonly PublishedShare[]): PublishedShare[] {
  return shares.filter(isCountryShare).sort(compareShares);
}

/** The closest years before and after `year` that have a share (null where there is none). */
export function nearestShareYears(
  shares: readonly PublishedShare[],
  year: number,
): { before: number | null; after: number | null } {
  let before: number | null = null;
  let after: number | null = null;
  for (const { year: y } of shares) {
    if (y < year && (before === null || y > before)) before = y;
    if (y > year && (after === null || y < after)) after = y;
  }
  return { before, after };
}

// ---------------------------------------------------------------------------------------------
// Phrasing (i18n keys; the component fills in names and the formatted number)

export type ShareQualifier = PublishedShare['qualifier'];

/** Message wrapping the formatted number: "about {value}", "over {value}"… */
export function qualifierKey(qualifier: ShareQualifier) {
  return `commuting.shares.qualifier.${qualifier}` as const;
}

export type ShareSentence =
  | Exclude<ShareKind, 'share-of-flow'>
  | 'share-of-flow-origin'
  | 'share-of-flow-destination'
  | 'share-of-flow-countries';

/**
 * Which sentence says what a share means. A share of a flow names the end that is finer than a
 * country ("… of commuters from Sweden to Norway live in Strömstad"); between two whole countries
 * it can only say who the share is (the whole is the source's own words, shown beside it).
 */
export function shareSentence(share: PublishedShare): ShareSentence {
  if (share.kind !== 'share-of-flow') return share.kind;
  if (share.origin.level !== 'country') return 'share-of-flow-origin';
  if (share.destination.level !== 'country') return 'share-of-flow-destination';
  return 'share-of-flow-countries';
}

export function shareSentenceKey(share: PublishedShare) {
  return `commuting.shares.sentence.${shareSentence(share)}` as const;
}

/**
 * How to format a share's number: as a percent (0.12 → "12 %"), a signed percent for a change, or
 * a plain number of percentage points (an employment-rate difference is not a percent of anything).
 */
export function shareNumber(share: PublishedShare): {
  value: number;
  options: Intl.NumberFormatOptions;
  unit: 'percent' | 'points';
} {
  if (share.kind === 'employment-rate-pp')
    return { value: share.percent, options: { maximumFractionDigits: 1 }, unit: 'points' };
  const options: Intl.NumberFormatOptions = { style: 'percent', maximumFractionDigits: 1 };
  if (share.kind === 'change') options.signDisplay = 'exceptZero';
  return { value: share.percent / 100, options, unit: 'percent' };
}

// ---------------------------------------------------------------------------------------------
// Municipalities the 2024 crosswalk keeps at county level

export interface SplitKeptAtCounty {
  /** 2020–2023 code of the municipality that was split. */
  from: string;
  /** Its 2024 municipalities. */
  parts: string[];
  /** The 2024 county their flows are shown at. */
  county: string;
}

/**
 * Municipalities split in 2024 whose parts all lie in one county: `applyNoCrosswalk` keeps their
 * flows at that county (the same `countyHoldingParts` rule), since no rule divides the persons.
 * Splits across counties are dropped there, not kept, so they are not listed here.
 */
export function splitsKeptAtCounty(crosswalk: NoCrosswalk): SplitKeptAtCounty[] {
  return crosswalk.entries
    .filter((e) => e.level === 'municipality' && e.kind === 'split')
    .flatMap((e) => {
      const county = countyHoldingParts(e.to);
      return county ? [{ from: e.from, parts: [...e.to], county }] : [];
    })
    .sort((a, b) => a.from.localeCompare(b.from));
}
