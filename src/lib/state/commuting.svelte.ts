/**
 * Commuting data as loaded, mapped to the era shown, and filtered by the layer's settings. Loading
 * starts when the layer is activated; every failure stays a value (`errors`) for the legend to show.
 */
import {
  applyNoCrosswalk,
  crosswalkLookup,
  expandCompactOd,
  type CommuterFlow,
  type CompactOdMatrix,
  type CrossBorderDataset,
} from '../domain/commuting';
import { indexCrosswalk, type NoCrosswalk } from '../domain/crosswalk';
import { areaKey, type AreaRef, type NoEra } from '../domain/areas';
import {
  DOMESTIC_YEARS,
  loadCrossBorder,
  loadDomesticMatrix,
  loadNoCrosswalk,
} from '../data/commutingData';
import type { LoadError, Result } from '../data/load';
import { view } from './view.svelte';
import { areas } from './areas.svelte';
import { t } from './i18n.svelte';
import { viewDifferences, viewFlows, type ViewFlows } from '../layers/commuting/model';

/** Era-mapped flows of a loaded file, computed once per file and era. */
const eraCache = new WeakMap<object, Map<NoEra, CommuterFlow[] | null>>();

function inEra(
  file: object,
  flows: () => CommuterFlow[],
  era: NoEra,
  crosswalk: Result<NoCrosswalk> | null,
): CommuterFlow[] | null {
  let byEra = eraCache.get(file);
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache, nothing renders from it
  if (!byEra) eraCache.set(file, (byEra = new Map()));
  if (byEra.has(era)) return byEra.get(era)!;
  // The generated files use 2020–2023 codes; 2024 needs the crosswalk (split areas stay at county).
  let out: CommuterFlow[] | null;
  if (era === '2020') out = flows();
  else if (crosswalk?.ok) {
    out = applyNoCrosswalk(flows(), crosswalkLookup(indexCrosswalk(crosswalk.value))).flows;
  } else out = null;
  if (era === '2020' || crosswalk !== null) byEra.set(era, out);
  return out;
}

class CommutingState {
  crossBorder = $state.raw<Result<CrossBorderDataset> | null>(null);
  crosswalk = $state.raw<Result<NoCrosswalk> | null>(null);
  domesticFiles = $state.raw<Record<number, Result<CompactOdMatrix>>>({});

  settings = $derived(view.settings.commuting);

  /** Published cross-border figures in the era shown (null while loading or on error). */
  published = $derived.by(() => {
    const file = this.crossBorder;
    if (!file?.ok) return null;
    if (view.era === '2024' && this.crosswalk === null) return null;
    return inEra(file.value, () => file.value.flows, view.era, this.crosswalk);
  });

  /** Years with a published cross-border figure. */
  publishedYears = $derived(
    this.crossBorder?.ok ? [...new Set(this.crossBorder.value.flows.map((f) => f.year))] : [],
  );

  /** Years with data for the current scope (the shared time control offers these). */
  years = $derived(
    [
      ...new Set([
        ...this.publishedYears,
        ...(this.settings.scope === 'all' ? DOMESTIC_YEARS : []),
      ]),
    ].sort((a, b) => a - b),
  );

  domesticOf(year: number): CommuterFlow[] | null {
    const file = this.domesticFiles[year];
    if (!file?.ok) return null;
    if (view.era === '2024' && this.crosswalk === null) return null;
    return inEra(file.value, () => expandCompactOd(file.value), view.era, this.crosswalk);
  }

  flowsFor(year: number): ViewFlows {
    return viewFlows({
      published: this.published ?? [],
      domestic: this.settings.scope === 'all' ? this.domesticOf(year) : null,
      year,
      settings: this.settings,
    });
  }

  current = $derived(this.flowsFor(view.year));

  compare = $derived.by(() => {
    const cy = view.compareYear;
    if (cy === null || cy === view.year) return null;
    const all = { ...this.settings, topN: Number.MAX_SAFE_INTEGER };
    const at = (year: number) =>
      viewFlows({
        published: this.published ?? [],
        domestic: all.scope === 'all' ? this.domesticOf(year) : null,
        year,
        settings: all,
      });
    // Earlier year → later year, whichever handle is which.
    const [from, to] = cy < view.year ? [cy, view.year] : [view.year, cy];
    return { from, to, differences: viewDifferences(at(from), at(to), this.settings.topN) };
  });

  /** Every flow of the year (all measures, no filters), for the details of a flow or an area. */
  allOfYear(year: number): CommuterFlow[] {
    const published = (this.published ?? []).filter((f) => f.year === year);
    return [...published, ...(this.domesticOf(year) ?? [])];
  }

  errors = $derived.by(() => {
    const out: LoadError[] = [];
    for (const r of [this.crossBorder, this.crosswalk, ...Object.values(this.domesticFiles)])
      if (r && !r.ok) out.push(r.error);
    return out;
  });

  loading = $derived(this.crossBorder === null);
}

export const commuting = new CommutingState();

let started = false;
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, nothing renders from it
const domesticPending = new Set<number>();

/** Start loading (idempotent). Domestic matrices load when the scope and year need them. */
export function activateCommuting(): void {
  if (started) return;
  started = true;
  void loadCrossBorder().then((r) => (commuting.crossBorder = r));
  void loadNoCrosswalk().then((r) => (commuting.crosswalk = r));
  $effect.root(() => {
    $effect(() => {
      if (commuting.settings.scope !== 'all') return;
      for (const year of [view.year, view.compareYear]) {
        if (year === null || !DOMESTIC_YEARS.includes(year)) continue;
        if (commuting.domesticFiles[year] || domesticPending.has(year)) continue;
        domesticPending.add(year);
        void loadDomesticMatrix(year).then((r) => {
          domesticPending.delete(year);
          commuting.domesticFiles = { ...commuting.domesticFiles, [year]: r };
        });
      }
    });
  });
}

/** Display name of a flow end in the current language; place names stay in their own language. */
export function areaName(area: AreaRef, fallback?: string): string {
  if (area.level === 'country') return t(`country.${area.country}`);
  return areas.byKey.get(areaKey(area))?.properties.name ?? fallback ?? area.code;
}

/** A LoadError in the user's language. */
export function describeLoadError(error: LoadError): string {
  const what = error.url.split('/').pop() ?? error.url;
  const base = t('commuting.error.load', { file: what });
  return error.kind === 'invalid' ? `${base} (${error.detail})` : base;
}
