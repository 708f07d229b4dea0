/**
 * Pure: a user's dataset → what deck.gl draws (flow locations and flows of one year, points with
 * their tooltip text).
 */
import { parseAreaKey } from '../../domain/areas';
import type { AreaFeature } from '../../data/boundaries';
import type { ImportedDataset, ImportedFlows, Place } from '../../data/import/types';
import { areaPosition, type FlowDatum, type FlowLocation } from '../commuting/flowLayers';

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

/** Years a flows file has (0 = no year). */
export function flowYears(f: ImportedFlows): number[] {
  return [...new Set(f.year)].filter((y) => y > 0).sort((a, b) => a - b);
}

export function flowsForYear(
  f: ImportedFlows,
  year: number,
  lookup: Lookup,
): { year: number | null; locations: FlowLocation[]; flows: FlowDatum[] } {
  const years = flowYears(f);
  const shown = years.length === 0 ? 0 : years.includes(year) ? year : years[years.length - 1];
  const locations = new Map<number, FlowLocation | null>();
  const at = (i: number) => {
    if (!locations.has(i)) locations.set(i, locate(f.places[i], String(i), lookup));
    return locations.get(i) ?? null;
  };
  const flows: FlowDatum[] = [];
  for (let i = 0; i < f.origin.length; i++) {
    if (f.year[i] !== shown || f.value[i] <= 0) continue;
    const o = at(f.origin[i]);
    const d = at(f.destination[i]);
    if (o && d) flows.push({ origin: o.id, dest: d.id, count: f.value[i] });
  }
  return {
    year: shown || null,
    locations: [...locations.values()].filter((l): l is FlowLocation => l !== null),
    flows,
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
