/**
 * Filtering and aggregating a column-wise flow table — a user's origin–destination file, up to
 * millions of rows — the way the commuting controls read it: year → scope and direction → level →
 * minimum → top-N. The flow engine worker runs this on every control change; the main thread only
 * ever receives the top-N. Pure, and written for typed arrays so 1M rows stay well under the
 * engine's budget (measured by `npm run bench`).
 *
 * Same rules as `commuting.ts`: direction applies to cross-border flows only, and a sum is never made
 * where a figure given at a level would meet figures raised to it from smaller areas (that would
 * count people twice); such groups are left out and counted.
 */
import { areaKey, parseAreaKey, type AreaRef, type Country, type Level } from './areas';
import type { Direction } from './commuting';

/** One end of a table row: an official area (its key), or a position from the file. */
export type TablePlace = { area: string } | { lon: number; lat: number; name?: string };

/** Rows column-wise: `origin[i]`/`destination[i]` index `places`; `year[i]` 0 = no year. */
export interface FlowTable {
  places: readonly TablePlace[];
  origin: Int32Array;
  destination: Int32Array;
  value: Float64Array;
  year: Int32Array;
}

/** 'each': every row at the level the file gives it. */
export type QueryLevel = 'each' | Level;
export const QUERY_LEVELS: readonly QueryLevel[] = ['each', 'country', 'county', 'municipality'];

export interface FlowQuery {
  year: number;
  direction: Direction;
  scope: 'cross-border' | 'all';
  level: QueryLevel;
  minPersons: number;
  topN: number;
  /** Node id (area key): only its incoming and outgoing flows. */
  selected: string | null;
}

/** A drawable end: `id` is the area key for areas, `point-<index>` for positions. */
export interface QueryNode {
  id: string;
  place: TablePlace;
}

export interface QueriedFlow {
  origin: string;
  dest: string;
  count: number;
}

export interface FlowQueryResult {
  /** The year shown: the asked one, else the file's nearest; null for a file without years. */
  year: number | null;
  /** Largest first, at most topN. */
  flows: QueriedFlow[];
  /** The ends the flows use. */
  nodes: QueryNode[];
  /** Pairs that passed every filter, before top-N. */
  matched: number;
  /** Groups left out at this level because they would count people twice. */
  doubleCounted: number;
}

const UNKNOWN = 0;
const COUNTRY_CODE: Record<Country, number> = { SE: 1, NO: 2 };
const LEVEL_RANK: Record<Level, number> = { country: 0, county: 1, municipality: 2 };

/** What a query needs about the table, computed once per table. */
export interface FlowTableIndex {
  /** Per place: 0 unknown (a position), 1 Sweden, 2 Norway. */
  country: Uint8Array;
  /** Per level: place index → node index, -1 when the place has no end at that level. */
  nodeOf: Record<QueryLevel, Int32Array>;
  /** Per place and level: 1 when the place had to be raised to reach the level. */
  raised: Record<QueryLevel, Uint8Array>;
  nodes: QueryNode[];
  /** Years of the rows (0 = no year left out), ascending. */
  years: number[];
}

function raise(area: AreaRef, level: Level): AreaRef | null {
  if (LEVEL_RANK[area.level] < LEVEL_RANK[level]) return null;
  if (area.level === level) return area;
  if (level === 'country') return { ...area, level, code: area.country };
  return { ...area, level, code: area.code.slice(0, 2) };
}

export function indexFlowTable(table: FlowTable): FlowTableIndex {
  const n = table.places.length;
  const country = new Uint8Array(n);
  const nodes: QueryNode[] = [];
  const nodeIds = new Map<string, number>();
  const node = (id: string, place: TablePlace) => {
    let i = nodeIds.get(id);
    if (i === undefined) {
      i = nodes.push({ id, place }) - 1;
      nodeIds.set(id, i);
    }
    return i;
  };
  const nodeOf = {} as Record<QueryLevel, Int32Array>;
  const raised = {} as Record<QueryLevel, Uint8Array>;
  for (const level of QUERY_LEVELS) {
    nodeOf[level] = new Int32Array(n).fill(-1);
    raised[level] = new Uint8Array(n);
  }
  table.places.forEach((place, i) => {
    if (!('area' in place)) {
      nodeOf.each[i] = node(`point-${i}`, place);
      return;
    }
    const area = parseAreaKey(place.area);
    if (!area) return;
    country[i] = COUNTRY_CODE[area.country];
    nodeOf.each[i] = node(place.area, place);
    for (const level of ['country', 'county', 'municipality'] as const) {
      const up = raise(area, level);
      if (!up) continue;
      const key = areaKey(up);
      nodeOf[level][i] = node(key, { area: key });
      raised[level][i] = up === area ? 0 : 1;
    }
  });
  const years = new Set<number>();
  for (let i = 0; i < table.year.length; i++) if (table.year[i] !== 0) years.add(table.year[i]);
  return { country, nodeOf, raised, nodes, years: [...years].sort((a, b) => a - b) };
}

/** The asked year if the file has it, else the nearest (the earlier on a tie); 0 without years. */
export function shownYear(years: readonly number[], asked: number): number {
  let best = 0;
  for (const y of years) if (best === 0 || Math.abs(y - asked) < Math.abs(best - asked)) best = y;
  return best;
}

/** A copy twice as long (the kept pairs grow as the rows are read). */
function grown<T extends Int32Array | Float64Array | Uint8Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}

/** The n-th largest value (n ≥ 1) of the first `length` entries, without sorting them all. */
function nthLargest(values: Float64Array, length: number, n: number): number {
  const a = values.slice(0, length);
  // Quickselect for index length - n of the ascending order.
  const k = length - n;
  let lo = 0;
  let hi = length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i++] = a[j];
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k];
}

/**
 * The node a selection keeps flows of, or -2 for none: an area not drawn at the query's level (a
 * municipality while counties are shown, or one the file does not have) filters nothing.
 */
function selectedNode(index: FlowTableIndex, q: FlowQuery): number {
  if (q.selected === null) return -2;
  const node = index.nodes.findIndex((n) => n.id === q.selected);
  if (node < 0) return -2;
  if (q.level !== 'each' && parseAreaKey(q.selected)?.level !== q.level) return -2;
  return node;
}

export function queryFlows(table: FlowTable, index: FlowTableIndex, q: FlowQuery): FlowQueryResult {
  const year = shownYear(index.years, q.year);
  const map = index.nodeOf[q.level];
  const raisedOf = index.raised[q.level];
  const { country } = index;
  const nodeCount = index.nodes.length;
  const selected = selectedNode(index, q);
  const aggregate = q.level === 'county' || q.level === 'country';
  const rows = table.origin.length;

  // Kept pairs: origin node, destination node, sum.
  let keptOrigin = new Int32Array(1024);
  let keptDest = new Int32Array(1024);
  let keptValue = new Float64Array(1024);
  let kept = 0;
  const push = (o: number, d: number, v: number) => {
    if (kept === keptValue.length) {
      keptOrigin = grown(keptOrigin);
      keptDest = grown(keptDest);
      keptValue = grown(keptValue);
    }
    keptOrigin[kept] = o;
    keptDest[kept] = d;
    keptValue[kept] = v;
    return kept++;
  };
  // Aggregated levels: pair → kept slot, and whether a given and a raised figure met there.
  const slotOf = aggregate ? new Map<number, number>() : null;
  let mixed = aggregate ? new Uint8Array(1024) : null;

  for (let i = 0; i < rows; i++) {
    if (year !== 0 && table.year[i] !== year) continue;
    const v = table.value[i];
    if (!(v > 0)) continue;
    const po = table.origin[i];
    const pd = table.destination[i];
    const o = map[po];
    const d = map[pd];
    if (o < 0 || d < 0 || o === d) continue;
    const co = country[po];
    const cd = country[pd];
    const cross = co !== UNKNOWN && cd !== UNKNOWN && co !== cd;
    if (q.scope === 'cross-border' && !cross) continue;
    if (cross && q.direction !== 'both') {
      const seToNo = co === COUNTRY_CODE.SE;
      if (seToNo !== (q.direction === 'SE->NO')) continue;
    }
    if (selected !== -2 && o !== selected && d !== selected) continue;
    if (!slotOf) {
      // Rows are pairs already: the minimum can be applied here, keeping the kept list short.
      if (v >= q.minPersons) push(o, d, v);
      continue;
    }
    // Bit 1: a figure given at this level; bit 2: one raised to it.
    const kind = raisedOf[po] || raisedOf[pd] ? 2 : 1;
    const key = o * nodeCount + d;
    const slot = slotOf.get(key);
    if (slot === undefined) {
      const s = push(o, d, v);
      slotOf.set(key, s);
      if (mixed!.length <= s) mixed = grown(mixed!);
      mixed![s] = kind;
    } else {
      keptValue[slot] += v;
      mixed![slot] |= kind;
    }
  }

  // Minimum persons (after aggregation) and double counting.
  let matched = 0;
  let doubleCounted = 0;
  for (let s = 0; s < kept; s++) {
    if (mixed && mixed[s] === 3) {
      doubleCounted++;
      continue;
    }
    if (keptValue[s] < q.minPersons) continue;
    keptOrigin[matched] = keptOrigin[s];
    keptDest[matched] = keptDest[s];
    keptValue[matched] = keptValue[s];
    matched++;
  }

  // Top-N: the n-th largest value first, then a full sort of only the few at or above it.
  const n = Math.max(0, Math.min(q.topN, matched));
  const threshold = n === 0 ? Infinity : nthLargest(keptValue, matched, n);
  const candidates: number[] = [];
  for (let s = 0; s < matched; s++) if (keptValue[s] >= threshold) candidates.push(s);
  const id = (node: number) => index.nodes[node].id;
  candidates.sort(
    (a, b) =>
      keptValue[b] - keptValue[a] ||
      (id(keptOrigin[a]) < id(keptOrigin[b])
        ? -1
        : id(keptOrigin[a]) > id(keptOrigin[b])
          ? 1
          : 0) ||
      (id(keptDest[a]) < id(keptDest[b]) ? -1 : id(keptDest[a]) > id(keptDest[b]) ? 1 : 0),
  );
  const used = new Set<number>();
  const flows: QueriedFlow[] = candidates.slice(0, n).map((s) => {
    used.add(keptOrigin[s]);
    used.add(keptDest[s]);
    return { origin: id(keptOrigin[s]), dest: id(keptDest[s]), count: keptValue[s] };
  });
  return {
    year: year === 0 ? null : year,
    flows,
    nodes: [...used].map((i) => index.nodes[i]),
    matched,
    doubleCounted,
  };
}
