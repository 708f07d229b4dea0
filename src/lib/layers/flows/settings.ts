/**
 * The flow filters every flow layer shares (direction, scope, level, minimum, top-N, animation) and
 * how they live in the URL under a layer's prefix ("commuting.dir", "imported.min", …).
 */
import type { Direction } from '../../domain/commuting';
import type { QueryLevel } from '../../domain/flowQuery';
import { readBoolean, readChoice, readInteger } from '../settingsCodec';

export const DIRECTIONS: readonly Direction[] = ['both', 'SE->NO', 'NO->SE'];
export const SCOPES = ['cross-border', 'all'] as const;
export type Scope = (typeof SCOPES)[number];
/** 'each': every figure at the level its source gives (never aggregated). */
export const FLOW_LEVELS = ['each', 'country', 'county', 'municipality'] as const;
export type FlowLevel = QueryLevel;

export const TOP_N_MAX = 5000;
export const MIN_PERSONS_MAX = 1_000_000;

export interface FlowFilterSettings {
  direction: Direction;
  scope: Scope;
  minPersons: number;
  level: FlowLevel;
  topN: number;
  animate: boolean;
}

export function readFlowFilters(
  params: URLSearchParams,
  prefix: string,
  fallback: FlowFilterSettings,
): FlowFilterSettings {
  return {
    direction: readChoice(params, `${prefix}dir`, DIRECTIONS, fallback.direction),
    scope: readChoice(params, `${prefix}scope`, SCOPES, fallback.scope),
    minPersons: readInteger(params, `${prefix}min`, 0, MIN_PERSONS_MAX, fallback.minPersons),
    level: readChoice(params, `${prefix}level`, FLOW_LEVELS, fallback.level),
    topN: readInteger(params, `${prefix}top`, 1, TOP_N_MAX, fallback.topN),
    animate: readBoolean(params, `${prefix}anim`, fallback.animate),
  };
}

/** Writes only what differs from the defaults, so a plain link stays short. */
export function writeFlowFilters(
  s: FlowFilterSettings,
  defaults: FlowFilterSettings,
  prefix: string,
  params: URLSearchParams,
): void {
  if (s.direction !== defaults.direction) params.set(`${prefix}dir`, s.direction);
  if (s.scope !== defaults.scope) params.set(`${prefix}scope`, s.scope);
  if (s.minPersons !== defaults.minPersons) params.set(`${prefix}min`, String(s.minPersons));
  if (s.level !== defaults.level) params.set(`${prefix}level`, s.level);
  if (s.topN !== defaults.topN) params.set(`${prefix}top`, String(s.topN));
  if (s.animate !== defaults.animate) params.set(`${prefix}anim`, s.animate ? '1' : '0');
}
