import type { PickingInfo } from '@deck.gl/core';
import type { LayerModule, SearchResult } from '../types';
import { view } from '../../state/view.svelte';
import { t } from '../../state/i18n.svelte';
import { mapActions } from '../../state/mapActions';
import { ensureTradeData, tradeData } from '../../state/trade.svelte';
import { matchScore } from '../../domain/textSearch';
import { unionYears } from '../../domain/years';
import { tradeModel, crossingName } from './model.svelte';
import { tradeLayers, type CrossingDatum, type FlowDatum } from './tradeLayers';
import { flagNames, formatFigureChange, formatQuantity } from './format';
import TradeControls from './TradeControls.svelte';
import TradeLegend from './TradeLegend.svelte';
import TradeDetails from './TradeDetails.svelte';

type TradePick = PickingInfo<FlowDatum | CrossingDatum>;

/** Area keys of the two countries for a trade-flow selection (Norway in the era shown). */
export function countryKey(country: 'SE' | 'NO'): string {
  return country === 'SE' ? 'SE-country-SE-se' : `NO-country-NO-${view.era}`;
}

function selectedDirection(): string | null {
  const s = view.selection;
  if (s?.kind !== 'flow' || s.layer !== 'trade') return null;
  return s.origin.startsWith('SE-') ? 'SE-NO' : 'NO-SE';
}

function crossingYears(): number[] {
  const years = new Set<number>();
  for (const o of tradeData.crossings?.traffic ?? [])
    if (o.crossingIds.length === 1) years.add(o.period.year);
  return [...years];
}

export const tradeLayer: LayerModule = {
  id: 'trade',
  Controls: TradeControls,
  Legend: TradeLegend,
  Details: TradeDetails,
  owns: (s) => s.kind === 'crossing' || (s.kind === 'flow' && s.layer === 'trade'),
  activate: ensureTradeData,
  deckLayers: (active) =>
    tradeLayers({
      flows: tradeModel.flowItems,
      crossings: tradeModel.crossingItems,
      selectedCrossingId: tradeModel.selectedCrossing?.id ?? null,
      selectedDirection: selectedDirection(),
      visible: active,
    }),
  select: (info: TradePick) => {
    const d = info.object;
    if (!d) return null;
    if (d.kind === 'crossing') return { kind: 'crossing', id: d.crossing.id };
    const [from, to] =
      d.flow.direction === 'SE-NO' ? (['SE', 'NO'] as const) : (['NO', 'SE'] as const);
    return { kind: 'flow', layer: 'trade', origin: countryKey(from), destination: countryKey(to) };
  },
  tooltip: (info: TradePick) => {
    const d = info.object;
    if (!d) return null;
    if (d.kind === 'flow') {
      const lines = [
        `${t(`trade.direction.${d.flow.direction}`)} ${view.year}`,
        `${formatQuantity(d.flow.quantity)} (${t(`trade.reportedBy.${view.settings.trade.reporter}`)})`,
      ];
      if (d.flow.flags.length > 0) lines.push(`⚠ ${flagNames(d.flow.flags)}`);
      const change = tradeModel.flowChange(d.flow.direction);
      if (change)
        lines.push(`${t(`trade.direction.${d.flow.direction}`)}: ${formatFigureChange(change)}`);
      return lines.join('\n');
    }
    const lines = [crossingName(d.crossing, view.lang)];
    if (d.value) {
      const o = d.value.observation;
      lines.push(`${formatQuantity(o.quantity)} (${o.period.label})`);
      if (!d.value.isSelectedYear) lines.push(t('trade.crossing.shownOlder', { year: view.year }));
      if (o.flags.length > 0) lines.push(`⚠ ${flagNames(o.flags)}`);
    }
    const change = tradeModel.crossingChange(d.crossing.id);
    if (change) lines.push(formatFigureChange(change));
    if (d.crossing.coordQuality === 'village') lines.push(t('trade.crossing.coord.village'));
    return lines.join('\n');
  },
  years: () => unionYears([tradeModel.years, crossingYears()]),
  prepareSearch: ensureTradeData,
  search: (query): SearchResult[] =>
    (tradeData.crossings?.crossings ?? []).flatMap((c) => {
      const score = Math.max(matchScore(c.nameSe, query), matchScore(c.nameNo, query));
      if (score === 0) return [];
      return [
        {
          key: `crossing:${c.id}`,
          label: crossingName(c, view.lang),
          detail: t('trade.search.detail', {
            mode: t(`trade.crossing.mode.${c.mode}`),
            names: c.nameSe === c.nameNo ? c.route : `${c.nameSe} / ${c.nameNo}`,
          }),
          score,
          choose: () => {
            if (!view.layers.includes('trade')) view.layers = [...view.layers, 'trade'];
            view.selection = { kind: 'crossing', id: c.id };
            if (c.position) {
              const [lon, lat] = c.position;
              mapActions.flyToBounds([lon - 0.3, lat - 0.15, lon + 0.3, lat + 0.15]);
            }
          },
        },
      ];
    }),
};
