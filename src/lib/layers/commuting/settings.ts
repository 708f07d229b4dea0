/** URL-serialised settings of the commuting layer ("commuting.dir=SE->NO&commuting.min=50…"). */
import type { MeasureKey } from '../../domain/commuting';
import { MEASURES } from '../../domain/commuting';
import { readChoice, type SettingsCodec } from '../settingsCodec';
import { readFlowFilters, writeFlowFilters, type FlowFilterSettings } from '../flows/settings';

/** 'auto': the preferred measure among those the year has (see preferredMeasure). */
export type MeasureChoice = 'auto' | MeasureKey;
export const MEASURE_CHOICES = ['auto', ...Object.keys(MEASURES)] as readonly MeasureChoice[];

export interface CommutingSettings extends FlowFilterSettings {
  measure: MeasureChoice;
}

const P = 'commuting.';

export const commutingSettings: SettingsCodec<CommutingSettings> = {
  defaults: {
    direction: 'both',
    scope: 'cross-border',
    minPersons: 0,
    level: 'each',
    measure: 'auto',
    topN: 100,
    animate: false,
  },
  read: (params, fallback) => ({
    ...readFlowFilters(params, P, fallback),
    measure: readChoice(params, `${P}measure`, MEASURE_CHOICES, fallback.measure),
  }),
  write: (s, params) => {
    writeFlowFilters(s, commutingSettings.defaults, P, params);
    if (s.measure !== commutingSettings.defaults.measure) params.set(`${P}measure`, s.measure);
  },
};
