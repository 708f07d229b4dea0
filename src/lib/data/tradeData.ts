/**
 * Loaders of the trade layer's generated files (written by scripts/trade/build.ts): each is fetched
 * and validated once against the domain's schema; failures come back as values.
 */
import {
  CrossingsFileSchema,
  TradeFileSchema,
  type CrossingsFile,
  type TradeFile,
} from '../domain/trade';
import { InvestmentsFileSchema, type InvestmentsFile } from '../domain/investments';
import { fetchJson, type Result } from './load';
import { GENERATED_BASE } from './boundaries';

export function loadTradeFile(): Promise<Result<TradeFile>> {
  return fetchJson(GENERATED_BASE + 'trade.json', TradeFileSchema);
}

export function loadCrossingsFile(): Promise<Result<CrossingsFile>> {
  return fetchJson(GENERATED_BASE + 'crossings.json', CrossingsFileSchema);
}

export function loadInvestmentsFile(): Promise<Result<InvestmentsFile>> {
  return fetchJson(GENERATED_BASE + 'investments.json', InvestmentsFileSchema);
}
