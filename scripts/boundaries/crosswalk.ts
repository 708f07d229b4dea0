/**
 * Derives the Norwegian 2020–2023 -> 2024 code crosswalk from the two boundary sets by area overlap
 * (mapshaper -union), so it follows the boundaries the app draws instead of a hand-kept list.
 */
import type { CrosswalkEntry, CrosswalkKind, NoCrosswalk } from '../../src/lib/domain/crosswalk';
import { BuildError } from '../lib/context';
import { runMapshaper } from './mapshaper';

/**
 * A 2024 municipality is a successor of a 2020 one when it holds at least this share of the 2020
 * area. The two files are different generalisations (2020 "medium", 2024 "S"), so shared borders
 * leave slivers; they stay under 2 % except small real border adjustments (Rauma -> Vestnes 3.5 %).
 * Ålesund's split (Haram re-established) gives 33 % / 51 %.
 */
export const SUCCESSOR_MIN_SHARE = 0.05;

interface Piece {
  c20: string | null;
  c24: string | null;
  area: number;
}

/** Names as comparable words: "Guovdageaidnu - Kautokeino" -> {guovdageaidnu, kautokeino}. */
function nameParts(name: string): Set<string> {
  return new Set(name.split(/\s+-\s+/).map((s) => s.trim().toLowerCase()));
}

export async function buildCrosswalk(input: {
  kommuner2020: string;
  kommuner2024: string;
  names2020: Map<string, string>;
  names2024: Map<string, string>;
}): Promise<NoCrosswalk> {
  const out = await runMapshaper(
    `
    -i k20.json k24.json combine-files
    -each 'c20=String(kommunenummer).padStart(4,"0")' target=k20
    -filter-fields c20 target=k20
    -each 'c24=String(kommunenummer).padStart(4,"0")' target=k24
    -filter-fields c24 target=k24
    -union target=k20,k24 fields=c20,c24 name=pieces
    -each 'area=this.area' target=pieces
    -o format=json target=pieces pieces.json
    `,
    { 'k20.json': input.kommuner2020, 'k24.json': input.kommuner2024 },
  );
  const pieces = JSON.parse(out['pieces.json']) as Piece[];
  const area20 = new Map<string, number>();
  const overlap = new Map<string, Map<string, number>>();
  for (const p of pieces) {
    if (!p.c20) continue;
    area20.set(p.c20, (area20.get(p.c20) ?? 0) + p.area);
    if (!p.c24) continue;
    const m = overlap.get(p.c20) ?? new Map<string, number>();
    m.set(p.c24, (m.get(p.c24) ?? 0) + p.area);
    overlap.set(p.c20, m);
  }

  const municipal = new Map<string, string[]>();
  for (const code of [...input.names2020.keys()].sort()) {
    const total = area20.get(code) ?? 0;
    const successors = [...(overlap.get(code) ?? new Map<string, number>())]
      .filter(([, a]) => total > 0 && a / total >= SUCCESSOR_MIN_SHARE)
      .map(([c]) => c)
      .sort();
    if (!successors.length)
      throw new BuildError(`crosswalk: 2020 kommune ${code} overlaps no 2024 kommune`);
    municipal.set(code, successors);
  }

  // Every 2024 kommune must come from somewhere, and a 1:1 successor must keep (part of) its name.
  const reached = new Set([...municipal.values()].flat());
  const orphans = [...input.names2024.keys()].filter((c) => !reached.has(c));
  if (orphans.length)
    throw new BuildError(
      `crosswalk: 2024 kommuner with no 2020 predecessor: ${orphans.join(', ')}`,
    );
  const renamed: string[] = [];
  for (const [from, to] of municipal) {
    if (to.length !== 1) continue;
    const a = nameParts(input.names2020.get(from) ?? '');
    const b = nameParts(input.names2024.get(to[0]) ?? '');
    if (![...a].some((x) => b.has(x)))
      renamed.push(
        `${from} ${input.names2020.get(from)} -> ${to[0]} ${input.names2024.get(to[0])}`,
      );
  }
  if (renamed.length)
    throw new BuildError(
      `crosswalk: 1:1 successors with a different name (check): ${renamed.join('; ')}`,
    );

  // Counties follow their municipalities: 30 Viken -> the counties its kommuner went to.
  const county = new Map<string, Set<string>>();
  for (const [from, to] of municipal) {
    const set = county.get(from.slice(0, 2)) ?? new Set<string>();
    for (const c of to) set.add(c.slice(0, 2));
    county.set(from.slice(0, 2), set);
  }

  const entries: CrosswalkEntry[] = [
    ...withKinds('county', new Map([...county].map(([k, s]) => [k, [...s].sort()]))),
    ...withKinds('municipality', municipal),
  ];
  return { fromEra: '2020', toEra: '2024', entries };
}

function withKinds(
  level: CrosswalkEntry['level'],
  mapping: Map<string, string[]>,
): CrosswalkEntry[] {
  const predecessors = new Map<string, number>();
  for (const to of mapping.values())
    for (const c of to) predecessors.set(c, (predecessors.get(c) ?? 0) + 1);
  return [...mapping]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([from, to]) => {
      let kind: CrosswalkKind;
      if (to.length > 1) kind = 'split';
      else if ((predecessors.get(to[0]) ?? 0) > 1) kind = 'merged';
      else kind = to[0] === from ? 'unchanged' : 'renumbered';
      return { level, from, to, kind };
    });
}
