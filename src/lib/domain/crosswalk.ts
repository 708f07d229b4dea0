/**
 * Norwegian code crosswalk 2020–2023 -> 2024 (public/generated/crosswalk-no-2020-2024.json, built by
 * scripts/boundaries/crosswalk.ts from the two boundary sets). Pure: the caller loads and validates
 * the JSON and passes it in.
 */
import type { Level } from './areas';

export type CrosswalkLevel = Extract<Level, 'county' | 'municipality'>;
export type CrosswalkKind = 'unchanged' | 'renumbered' | 'split' | 'merged';

export interface CrosswalkEntry {
  level: CrosswalkLevel;
  /** 2020–2023 code, zero-padded ("3001", "30"). */
  from: string;
  /** 2024 code(s); several when the area was split, ordered by code. */
  to: string[];
  kind: CrosswalkKind;
}

export interface NoCrosswalk {
  fromEra: '2020';
  toEra: '2024';
  entries: CrosswalkEntry[];
}

export type CrosswalkIndex = ReadonlyMap<string, CrosswalkEntry>;

const key = (level: CrosswalkLevel, code: string) => `${level}:${code}`;

/** Index the entries once; lookups are then O(1). */
export function indexCrosswalk(crosswalk: NoCrosswalk): CrosswalkIndex {
  return new Map(crosswalk.entries.map((e) => [key(e.level, e.from), e]));
}

/** The 2024 code(s) covering a 2020–2023 area; [] for a code the crosswalk does not know. */
export function noCodeIn2024(
  index: CrosswalkIndex,
  code2020: string,
  level: CrosswalkLevel,
): string[] {
  return index.get(key(level, code2020))?.to ?? [];
}

/** The 2020–2023 code(s) that a 2024 area came from (inverse of `noCodeIn2024`). */
export function noCodesIn2020(
  index: CrosswalkIndex,
  code2024: string,
  level: CrosswalkLevel,
): string[] {
  const from: string[] = [];
  for (const e of index.values())
    if (e.level === level && e.to.includes(code2024)) from.push(e.from);
  return from.sort();
}
