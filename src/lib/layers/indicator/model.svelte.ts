/**
 * The indicator layer's derived state: the chosen indicator, the areas it is drawn over (the level
 * and Norwegian era its codes are in), the year's values and the choropleth. Legend, tooltip and
 * deck layers all read this one model.
 */
import { untrack } from 'svelte';
import { view } from '../../state/view.svelte';
import { indicators } from '../../state/indicators.svelte';
import { ensureNorwegianEra, mapData } from '../../state/mapData.svelte';
import { messages } from '../../i18n/messages';
import type { MessageKey } from '../../i18n/translate';
import { ensureInvestments } from '../../state/trade.svelte';
import {
  NO_DATA_FILL,
  availableYears,
  indicatorChoropleth,
  type Indicator,
} from '../../domain/classification';
import { indicatorChange, type AreaChange } from '../../domain/indicatorChange';
import { compareSpan } from '../../domain/yearChange';
import type { AreaFeature } from '../../data/boundaries';
import { indicatorGeography, toRgba } from './legend';

export function indicatorTitle(indicator: Indicator): string {
  if ('text' in indicator.title) return indicator.title.text;
  const key = indicator.title.key;
  return key in messages[view.lang] ? messages[view.lang][key as MessageKey] : key;
}

// Translucent enough that the basemap's borders and lakes stay readable under the fill.
const NO_DATA_RGBA = toRgba(NO_DATA_FILL, 170);
const CLASS_ALPHA = 205;

class IndicatorModel {
  settings = $derived(view.settings.indicator);
  indicator = $derived(
    indicators.list.find((i) => i.id === view.settings.indicator.id) ?? indicators.list[0] ?? null,
  );
  geography = $derived(this.indicator ? indicatorGeography(this.indicator, view.era) : null);
  /** "county|2020": a primitive, so effects re-run only when the target really changes. */
  target = $derived(this.geography ? `${this.geography.level}|${this.geography.era}` : '');
  features = $derived.by<AreaFeature[]>(() => {
    const g = this.geography;
    if (!g || g.level === 'country') return [];
    return [...(mapData.sweden?.[g.level] ?? []), ...(mapData.norway[g.era]?.[g.level] ?? [])];
  });
  areaKeys = $derived(this.features.map((f) => f.properties.key));
  result = $derived(
    this.indicator
      ? indicatorChoropleth(this.indicator, view.year, this.areaKeys, {
          method: view.settings.indicator.method,
          classes: view.settings.indicator.classes,
          manualBreaks: view.settings.indicator.breaks,
          palette: view.settings.indicator.palette,
        })
      : null,
  );
  /** Compare mode (the time control's second year): the change per area, later minus earlier. */
  span = $derived(compareSpan(view.year, view.compareYear));
  change = $derived(
    this.indicator && this.span
      ? indicatorChange(this.indicator, this.span, this.areaKeys, {
          method: view.settings.indicator.method,
          classes: view.settings.indicator.classes,
          manualBreaks: view.settings.indicator.breaks,
          palette: view.settings.indicator.palette,
        })
      : null,
  );
  years = $derived(this.indicator ? availableYears(this.indicator) : []);
  /**
   * Fill per area key for the year shown, or for the change when comparing; no value → the
   * no-data grey, never a class colour.
   */
  fills = $derived.by(() => {
    // A new map per change, never mutated afterwards.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const out = new Map<string, [number, number, number, number]>();
    const change = this.change;
    if (change) {
      const classes = change.classes;
      for (const key of this.areaKeys) {
        const fill = classes.ok ? classes.colourFor(change.areas.get(key)?.change) : null;
        out.set(key, fill?.kind === 'class' ? toRgba(fill.colour, CLASS_ALPHA) : NO_DATA_RGBA);
      }
      return out;
    }
    const r = this.result;
    if (!r) return out;
    const values = r.pick.status === 'ok' ? r.pick.values : null;
    for (const key of this.areaKeys) {
      const fill = r.choropleth.ok ? r.choropleth.colourFor(values?.get(key)) : null;
      out.set(key, fill?.kind === 'class' ? toRgba(fill.colour, CLASS_ALPHA) : NO_DATA_RGBA);
    }
    return out;
  });

  /**
   * Areas without a value for the year shown, or without a change when comparing (hatched on the
   * map; the tooltip says "no data").
   */
  noDataKeys = $derived.by<ReadonlySet<string>>(() => {
    const change = this.change;
    const missing = change
      ? (key: string) => (change.areas.get(key)?.change ?? null) === null
      : (key: string) => this.value(key) === null;
    // A new set per change, never mutated afterwards (the no-data layer keys its data on it).
    return new Set(this.areaKeys.filter(missing));
  });

  /**
   * What the fills depend on, as a string: deck.gl compares update triggers by value one level
   * deep, so a new Map would look unchanged to it.
   */
  fillsSignature = $derived.by(() => {
    const r = this.result;
    if (!r) return '';
    const legend = r.choropleth.ok ? r.choropleth.legend : null;
    const change = this.change?.classes;
    return JSON.stringify([
      this.span,
      change?.ok ? change.entries.map((e) => [e.from, e.to, e.colour]) : null,
      this.indicator?.id,
      r.pick.status,
      r.pick.year,
      this.areaKeys.length,
      legend?.breaks,
      legend?.entries.map((e) => e.colour),
    ]);
  });

  value(key: string): number | null {
    const r = this.result;
    if (!r || r.pick.status !== 'ok') return null;
    const v = r.pick.values.get(key);
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  }

  /** Both years' values and the change of one area, when comparing. */
  areaChange(key: string): AreaChange | null {
    return this.change?.areas.get(key) ?? null;
  }
}

export const indicatorModel = new IndicatorModel();

let started = false;

/**
 * While the layer is on: load the indicators' data and the boundaries their codes need, and show
 * the map at the indicator's level and era (a county figure is drawn over counties). Runs when the
 * layer is turned on or the indicator's geography changes, so the user can still change level after.
 */
export function startIndicatorLayer(): void {
  ensureInvestments();
  if (started) return;
  started = true;
  $effect.root(() => {
    const on = $derived(view.layers.includes('indicator'));
    $effect(() => {
      const target = indicatorModel.target;
      if (!on || !target) return;
      const [level, era] = target.split('|') as [
        'county' | 'municipality' | 'country',
        '2020' | '2024',
      ];
      void ensureNorwegianEra(era);
      untrack(() => {
        if (level !== 'country' && view.level !== level) view.level = level;
        if (view.era !== era) view.era = era;
      });
    });
  });
}
