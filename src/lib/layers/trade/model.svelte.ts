/**
 * What the trade layer shows, derived from the view (year, settings, selection) and the loaded
 * data: the two flows of the year, one value per crossing, the chart series. Components and deck
 * layers read this; nothing here is stored twice.
 */
import { view } from '../../state/view.svelte';
import { tradeData } from '../../state/trade.svelte';
import {
  crossingValuesForYear,
  placedCrossings,
  tradeForYear,
  tradeSeries,
  type FlowForYear,
} from '../../domain/trade';
import { tradeChanges, crossingChange } from '../../domain/tradeChange';
import { compareSpan, type FigureChange } from '../../domain/yearChange';
import { crossingData, flowData, type CrossingSymbol } from './tradeLayers';
import { maxCrossingValue, maxFlowValue, tradeYears } from './helpers';

export { crossingName } from './helpers';

class TradeModel {
  settings = $derived(view.settings.trade);
  year = $derived(view.year);
  tradeYear = $derived(
    tradeData.trade ? tradeForYear(tradeData.trade, view.year, view.settings.trade.reporter) : null,
  );
  flows = $derived<FlowForYear[]>(this.tradeYear?.flows ?? []);
  /** Compare mode: the two years, earlier first; the arrows stay drawn for view.year. */
  span = $derived(compareSpan(view.year, view.compareYear));
  flowChanges = $derived(
    tradeData.trade && this.span
      ? tradeChanges(tradeData.trade, view.settings.trade.reporter, this.span)
      : [],
  );
  years = $derived(
    tradeData.trade ? tradeYears(tradeData.trade, view.settings.trade.reporter) : [],
  );
  maxFlow = $derived(
    tradeData.trade ? maxFlowValue(tradeData.trade, view.settings.trade.reporter) : 0,
  );
  series = $derived(
    tradeData.trade ? tradeSeries(tradeData.trade, view.settings.trade.reporter).series : [],
  );
  crossingValues = $derived(
    tradeData.crossings
      ? crossingValuesForYear(tradeData.crossings, view.year, view.settings.trade.symbols)
      : [],
  );
  symbols = $derived.by<CrossingSymbol[]>(() => {
    if (!tradeData.crossings) return [];
    const byId = new Map(this.crossingValues.map((v) => [v.crossingId, v]));
    return placedCrossings(tradeData.crossings).map((crossing) => ({
      crossing,
      value: byId.get(crossing.id) ?? null,
    }));
  });
  maxSymbol = $derived(
    tradeData.crossings ? maxCrossingValue(tradeData.crossings, view.settings.trade.symbols) : 0,
  );
  flowItems = $derived(flowData(this.flows, this.maxFlow));
  crossingItems = $derived(crossingData(this.symbols, this.maxSymbol));
  unplaced = $derived(tradeData.crossings?.crossings.filter((c) => c.position === null) ?? []);
  selectedCrossing = $derived(
    view.selection?.kind === 'crossing'
      ? (tradeData.crossings?.crossings.find(
          (c) => view.selection?.kind === 'crossing' && c.id === view.selection.id,
        ) ?? null)
      : null,
  );

  flowChange(direction: string | null): FigureChange | null {
    return this.flowChanges.find((c) => c.direction === direction)?.change ?? null;
  }

  /** A crossing's change in the measure its symbol shows; null when not comparing or no figure. */
  crossingChange(crossingId: string): FigureChange | null {
    return tradeData.crossings && this.span
      ? crossingChange(tradeData.crossings, crossingId, this.span, view.settings.trade.symbols)
      : null;
  }
}

export const tradeModel = new TradeModel();
