/**
 * The URL marks that the view uses files loaded in this browser ("imported.local=1"); the data never
 * goes into the link. The flow filters of the user's flow files live here too ("imported.min=50").
 */
import type { SettingsCodec } from '../settingsCodec';
import { readFlowFilters, writeFlowFilters, type FlowFilterSettings } from '../flows/settings';

export interface ImportedSettings extends FlowFilterSettings {
  local: boolean;
}

const P = 'imported.';

export const importedSettings: SettingsCodec<ImportedSettings> = {
  // A user's own file: every flow it has, not only the cross-border ones.
  defaults: {
    local: false,
    direction: 'both',
    scope: 'all',
    minPersons: 0,
    level: 'each',
    topN: 250,
    animate: false,
  },
  read: (params, fallback) => {
    const raw = params.get(`${P}local`);
    return {
      ...readFlowFilters(params, P, fallback),
      local: raw === '1' ? true : raw === '0' ? false : fallback.local,
    };
  },
  write: (s, params) => {
    if (s.local) params.set(`${P}local`, '1');
    writeFlowFilters(s, importedSettings.defaults, P, params);
  },
};
