/** URL-serialised settings of the trade layer. */
import type { SettingsCodec } from '../settingsCodec';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TradeSettings {}

export const tradeSettings: SettingsCodec<TradeSettings> = {
  defaults: {},
  read: (_params, fallback) => fallback,
  write: () => undefined,
};
