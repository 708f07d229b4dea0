/**
 * Pure: what deck.gl draws of a user's dataset (the flow engine's answer as flow locations and
 * flows, points with their tooltip text).
 */
import { parseAreaKey } from '../../domain/areas';
import type { AreaFeature } from '../../data/boundaries';
import type { ImportedDataset, Place } from '../../data/import/types';
import type { FlowQueryResult } from '../../domain/flowQuery';
import { areaPosition } from '../commuting/flowLayers';
import type { FlowDatum, FlowLocation } from '../flows/flowmapData';
import type { TableRow } from '../flows/table';

export interface PointDatum {
  position: [number, number];
  /** "column: value" lines, plain text for the tooltip. */
  text: string;
}

export type Lookup = ReadonlyMap<string, AreaFeature>;

function locate(place: Place, id: string, lookup: Lookup): FlowLocation | null {
  if (!('area' in place))
    return { id, name: place.name ?? `${place.lat}, ${place.lon}`, lon: place.lon, lat: place.lat };
  const area = parseAreaKey(place.area);
  if (!area) return null;
  const feature = lookup.get(place.area);
  const pos = areaPosition(area, feature);
  if (!pos) return null;
  return { id, name: feature?.properties.name ?? area.code, lon: pos[0], lat: pos[1] };
}

/** Keys of the areas a dataset's flows or points are placed on. */
export function areasOf(d: ImportedDataset): string[] {
  const places =
    d.payload.kind === 'flows'
      ? d.payload.places
      : d.payload.kind === 'points'
        ? d.payload.points.map((p) => p.place)
        : [];
  return places.flatMap((p) => ('area' in p ? [p.area] : []));
}

/** The flow engine's answer → what FlowmapLayer draws; ends without a position are left out. */
export function drawableFlows(
  result: FlowQueryResult,
  lookup: Lookup,
): { locations: FlowLocation[]; flows: FlowDatum[] } {
  const located = new Map<string, FlowLocation>();
  for (const node of result.nodes) {
    const l = locate(node.place, node.id, lookup);
    if (l) located.set(node.id, l);
  }
  return {
    locations: [...located.values()],
    flows: result.flows.filter((f) => located.has(f.origin) && located.has(f.dest)),
  };
}

export function pointsOf(d: ImportedDataset, lookup: Lookup): PointDatum[] {
  if (d.payload.kind !== 'points') return [];
  const { header, points } = d.payload;
  const out: PointDatum[] = [];
  for (const p of points) {
    const loc = locate(p.place, '', lookup);
    if (!loc) continue;
    const text = header
      .map((h, i) => `${h}: ${p.cells[i] ?? ''}`)
      .slice(0, 12)
      .join('\n');
    out.push({ position: [loc.lon, loc.lat], text });
  }
  return out;
}

/** The flows drawn as table rows, largest first (a file's values are not known to be persons). */
export function flowRows(drawn: { locations: FlowLocation[]; flows: FlowDatum[] }): TableRow[] {
  const byId = new Map(drawn.locations.map((l) => [l.id, l.name]));
  return drawn.flows.map((f) => ({
    originKey: f.origin,
    destinationKey: f.dest,
    origin: byId.get(f.origin) ?? f.origin,
    destination: byId.get(f.dest) ?? f.dest,
    measure: null,
    persons: f.count,
    before: null,
    after: null,
    change: null,
  }));
}
