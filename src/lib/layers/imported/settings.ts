/**
 * The URL only marks that the view uses files loaded in this browser ("imported.local=1"); the data
 * never goes into the link.
 */
import type { SettingsCodec } from '../settingsCodec';

export interface ImportedSettings {
  local: boolean;
}

export const importedSettings: SettingsCodec<ImportedSettings> = {
  defaults: { local: false },
  read: (params, fallback) => {
    const raw = params.get('imported.local');
    return { local: raw === '1' ? true : raw === '0' ? false : fallback.local };
  },
  write: (s, params) => {
    if (s.local) params.set('imported.local', '1');
  },
};
