/**
 * Loaded trade, crossing and investment data, shared by the trade layer (flows, crossings, chart,
 * ownership figures) and the indicator layer (ownership per county and Interreg per county register
 * themselves in the indicator registry once investments.json has loaded). Each file loads once.
 */
import type { CrossingsFile, TradeFile } from '../domain/trade';
import {
  interregRegionalIndicator,
  ownershipByCounty,
  type InvestmentsFile,
  type OwnershipDirection,
  type OwnershipMeasure,
  type RegionalInterregMeasure,
} from '../domain/investments';
import { availableYears } from '../domain/classification';
import type { LoadError, Result } from '../data/load';
import { loadCrossingsFile, loadInvestmentsFile, loadTradeFile } from '../data/tradeData';
import { registerIndicator } from './indicators.svelte';

export type TradeFileId = 'trade' | 'crossings' | 'investments';

class TradeData {
  trade = $state.raw<TradeFile | null>(null);
  crossings = $state.raw<CrossingsFile | null>(null);
  investments = $state.raw<InvestmentsFile | null>(null);
  errors = $state.raw<{ file: TradeFileId; error: LoadError }[]>([]);
}

export const tradeData = new TradeData();

// Bookkeeping, not view state: nothing renders from it.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const started = new Set<TradeFileId>();

async function load<T>(file: TradeFileId, fetch: () => Promise<Result<T>>, store: (v: T) => void) {
  if (started.has(file)) return;
  started.add(file);
  const result = await fetch();
  if (result.ok) store(result.value);
  else {
    console.warn(`Gränsatlas: could not load ${result.error.url} (${result.error.kind})`);
    tradeData.errors = [...tradeData.errors, { file, error: result.error }];
  }
}

export function ensureTradeData(): void {
  void load('trade', loadTradeFile, (v) => (tradeData.trade = v));
  void load('crossings', loadCrossingsFile, (v) => (tradeData.crossings = v));
  ensureInvestments();
}

const REGIONAL: readonly RegionalInterregMeasure[] = [
  'interreg_all_projects_with_partner',
  'interreg_all_partner_participations',
  'interreg_all_partner_budget',
  'interreg_all_partner_erdf',
];
const OWNERSHIP: readonly [OwnershipDirection, OwnershipMeasure][] = [
  ['SE-owned-in-NO', 'enterprises'],
  ['SE-owned-in-NO', 'employed'],
  ['NO-owned-in-SE', 'enterprises'],
  ['NO-owned-in-SE', 'employed'],
];

/** Load investments.json and offer its per-county figures to the indicator layer. */
export function ensureInvestments(): void {
  void load('investments', loadInvestmentsFile, (file) => {
    tradeData.investments = file;
    // Ownership per county has no official figures yet (see domain/investments): an indicator
    // without a single value would only offer an empty map, so it appears once data exists.
    for (const [direction, measure] of OWNERSHIP) {
      const indicator = ownershipByCounty(file, direction, measure);
      if (availableYears(indicator).length > 0) registerIndicator(indicator);
    }
    for (const measure of REGIONAL) registerIndicator(interregRegionalIndicator(file, measure));
  });
}
