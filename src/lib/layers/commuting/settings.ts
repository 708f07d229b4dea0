/** URL-serialised settings of the commuting layer. */
import type { SettingsCodec } from '../settingsCodec';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CommutingSettings {}

export const commutingSettings: SettingsCodec<CommutingSettings> = {
  defaults: {},
  read: (_params, fallback) => fallback,
  write: () => undefined,
};
