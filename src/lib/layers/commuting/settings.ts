/** URL-serialised settings of the commuting layer ("commuting.dir=SE->NO&commuting.min=50…"). */
import type { Direction, MeasureKey } from '../../domain/commuting';
import { MEASURES } from '../../domain/commuting';
import type { Level } from '../../domain/areas';
import { readBoolean, readChoice, readInteger, type SettingsCodec } from '../settingsCodec';

export const DIRECTIONS: readonly Direction[] = ['both', 'SE->NO', 'NO->SE'];
export const SCOPES = ['cross-border', 'all'] as const;
export type Scope = (typeof SCOPES)[number];
/** 'each': every figure at the level its source gives (never aggregated). */
export const FLOW_LEVELS = ['each', 'country', 'county', 'municipality'] as const;
export type FlowLevel = 'each' | Level;
/** 'auto': the preferred measure among those the year has (see preferredMeasure). */
export type MeasureChoice = 'auto' | MeasureKey;
export const MEASURE_CHOICES = ['auto', ...Object.keys(MEASURES)] as readonly MeasureChoice[];

export const TOP_N_MAX = 5000;
export const MIN_PERSONS_MAX = 1_000_000;

export interface CommutingSettings {
  direction: Direction;
  scope: Scope;
  minPersons: number;
  level: FlowLevel;
  measure: MeasureChoice;
  topN: number;
  animate: boolean;
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
    direction: readChoice(params, `${P}dir`, DIRECTIONS, fallback.direction),
    scope: readChoice(params, `${P}scope`, SCOPES, fallback.scope),
    minPersons: readInteger(params, `${P}min`, 0, MIN_PERSONS_MAX, fallback.minPersons),
    level: readChoice(params, `${P}level`, FLOW_LEVELS, fallback.level),
    measure: readChoice(params, `${P}measure`, MEASURE_CHOICES, fallback.measure),
    topN: readInteger(params, `${P}top`, 1, TOP_N_MAX, fallback.topN),
    animate: readBoolean(params, `${P}anim`, fallback.animate),
  }),
  // Only what differs from the defaults, so a plain link stays short.
  write: (s, params) => {
    const d = commutingSettings.defaults;
    if (s.direction !== d.direction) params.set(`${P}dir`, s.direction);
    if (s.scope !== d.scope) params.set(`${P}scope`, s.scope);
    if (s.minPersons !== d.minPersons) params.set(`${P}min`, String(s.minPersons));
    if (s.level !== d.level) params.set(`${P}level`, s.level);
    if (s.measure !== d.measure) params.set(`${P}measure`, s.measure);
    if (s.topN !== d.topN) params.set(`${P}top`, String(s.topN));
    if (s.animate !== d.animate) params.set(`${P}anim`, s.animate ? '1' : '0');
  },
};
