/** URL-serialised settings of the trade layer ("trade.reporter=NO&trade.symbols=freight"). */
import type { Reporter, CrossingSymbolMeasure } from '../../domain/trade';
import { readChoice, type SettingsCodec } from '../settingsCodec';

export const REPORTERS: readonly Reporter[] = ['SE', 'NO'];
export const SYMBOL_MEASURES: readonly CrossingSymbolMeasure[] = ['traffic', 'heavy', 'freight'];

export interface TradeSettings {
  /** Whose statistics the flows and the chart show; never both in one total. */
  reporter: Reporter;
  /** What the crossing symbols are sized by. */
  symbols: CrossingSymbolMeasure;
}

export const tradeSettings: SettingsCodec<TradeSettings> = {
  defaults: { reporter: 'SE', symbols: 'traffic' },
  read: (params, fallback) => ({
    reporter: readChoice(params, 'trade.reporter', REPORTERS, fallback.reporter),
    symbols: readChoice(params, 'trade.symbols', SYMBOL_MEASURES, fallback.symbols),
  }),
  write: (settings, params) => {
    if (settings.reporter !== 'SE') params.set('trade.reporter', settings.reporter);
    if (settings.symbols !== 'traffic') params.set('trade.symbols', settings.symbols);
  },
};
