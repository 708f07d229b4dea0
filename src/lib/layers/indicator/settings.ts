/** URL-serialised settings of the indicator layer. */
import type { SettingsCodec } from '../settingsCodec';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface IndicatorSettings {}

export const indicatorSettings: SettingsCodec<IndicatorSettings> = {
  defaults: {},
  read: (_params, fallback) => fallback,
  write: () => undefined,
};
