/**
 * Boundary and context map data built by scripts/build-data.ts into public/generated/. TopoJSON is
 * validated once here and turned into typed GeoJSON features keyed by official code and era.
 */
import * as v from 'valibot';
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import {
  areaKey,
  isValidCode,
  type AreaRef,
  type Country,
  type Era,
  type NoEra,
} from '../domain/areas';
import { fetchJson, type Result } from './load';

export const GENERATED_BASE = './generated/';

export interface AreaProperties {
  key: string;
  area: AreaRef;
  name: string;
}
export type AreaFeature = Feature<Polygon | MultiPolygon, AreaProperties>;

export interface AreaLayerData {
  county: AreaFeature[];
  municipality: AreaFeature[];
  /** Borders between two areas only (no coastline, no national border), for the basemap lines. */
  countyBorders: MultiLineString;
  municipalityBorders: MultiLineString;
}

const internalBorders = (topology: Topology, object: 'county' | 'municipality') =>
  mesh(topology, topology.objects[object] as GeometryCollection, (a, b) => a !== b);

const GeometrySchema = v.looseObject({
  type: v.picklist(['Polygon', 'MultiPolygon']),
  properties: v.object({ code: v.string(), name: v.string() }),
});
const CollectionSchema = v.object({
  type: v.literal('GeometryCollection'),
  geometries: v.array(GeometrySchema),
});
const AreaTopologySchema = v.looseObject({
  type: v.literal('Topology'),
  arcs: v.array(v.unknown()),
  objects: v.looseObject({ county: CollectionSchema, municipality: CollectionSchema }),
});

function toAreaFeatures(
  topology: Topology,
  object: 'county' | 'municipality',
  country: Country,
  era: Era,
): AreaFeature[] {
  const collection = feature(
    topology,
    topology.objects[object] as GeometryCollection<{ code: string; name: string }>,
  );
  return collection.features.flatMap((f) => {
    const { code, name } = f.properties;
    if (!isValidCode(object, code)) return [];
    const area: AreaRef = { country, level: object, code, era };
    return [
      { ...f, id: areaKey(area), properties: { key: areaKey(area), area, name } } as AreaFeature,
    ];
  });
}

async function loadAreas(file: string, country: Country, era: Era): Promise<Result<AreaLayerData>> {
  const result = await fetchJson(GENERATED_BASE + file, AreaTopologySchema);
  if (!result.ok) return result;
  const topology = result.value as unknown as Topology;
  return {
    ok: true,
    value: {
      county: toAreaFeatures(topology, 'county', country, era),
      municipality: toAreaFeatures(topology, 'municipality', country, era),
      countyBorders: internalBorders(topology, 'county'),
      municipalityBorders: internalBorders(topology, 'municipality'),
    },
  };
}

export const loadSwedishAreas = () => loadAreas('se.topo.json', 'SE', 'se');
export const loadNorwegianAreas = (era: NoEra) => loadAreas(`no-${era}.topo.json`, 'NO', era);

const ContextTopologySchema = v.looseObject({
  type: v.literal('Topology'),
  arcs: v.array(v.unknown()),
  objects: v.looseObject({
    countries: v.object({
      type: v.literal('GeometryCollection'),
      geometries: v.array(v.looseObject({ properties: v.looseObject({ iso: v.string() }) })),
    }),
    lakes: v.object({ type: v.literal('GeometryCollection'), geometries: v.array(v.unknown()) }),
  }),
});

export interface ContextData {
  countries: FeatureCollection<Polygon | MultiPolygon, { iso: string; name: string }>;
  lakes: FeatureCollection<Polygon | MultiPolygon, { name: string | null }>;
  /** Land borders between countries (shared arcs of two different countries). */
  nationalBorders: MultiLineString;
}

export async function loadContext(): Promise<Result<ContextData>> {
  const result = await fetchJson(GENERATED_BASE + 'context.topo.json', ContextTopologySchema);
  if (!result.ok) return result;
  const topology = result.value as unknown as Topology;
  return {
    ok: true,
    value: {
      countries: feature(topology, topology.objects.countries) as ContextData['countries'],
      lakes: feature(topology, topology.objects.lakes) as ContextData['lakes'],
      nationalBorders: mesh(
        topology,
        topology.objects.countries as GeometryCollection,
        (a, b) => a !== b,
      ),
    },
  };
}

const LabelSchema = v.object({
  name: v.string(),
  country: v.picklist(['SE', 'NO']),
  lon: v.pipe(v.number(), v.finite()),
  lat: v.pipe(v.number(), v.finite()),
  population: v.number(),
  rank: v.picklist([1, 2, 3]),
  role: v.picklist(['county-seat', 'border-town', 'town']),
  source: v.string(),
});
export type PlaceLabel = v.InferOutput<typeof LabelSchema>;

export const loadLabels = () => fetchJson(GENERATED_BASE + 'labels.json', v.array(LabelSchema));
