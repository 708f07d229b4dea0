/**
 * The benchmark's reference page: MapLibre alone drawing the app's default boundaries. It fetches
 * the same three TopoJSON files, converts them with topojson-client and shows them as GeoJSON fill
 * and line layers in a local style. The camera and map size come from the query string
 * (`lon`, `lat`, `zoom`, `w`, `h`) so it draws what the app draws.
 */
import { Map as MapLibreMap, type GeoJSONSource, type StyleSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiLineString } from 'geojson';

const params = new URLSearchParams(location.search);
const num = (key: string, fallback: number) => {
  const value = Number(params.get(key));
  return params.has(key) && Number.isFinite(value) ? value : fallback;
};

const container = document.getElementById('map')!;
if (params.has('w')) container.style.width = `${num('w', 0)}px`;
if (params.has('h')) container.style.height = `${num('h', 0)}px`;

const SOURCES = [
  'countries',
  'lakes',
  'areas',
  'municipality-borders',
  'county-borders',
  'national-borders',
] as const;
type SourceId = (typeof SOURCES)[number];

const line = (id: SourceId, color: string, width: number) => ({
  id,
  type: 'line' as const,
  source: id,
  paint: { 'line-color': color, 'line-width': width },
});

const style: StyleSpecification = {
  version: 8,
  sources: Object.fromEntries(
    SOURCES.map((id) => [
      id,
      { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    ]),
  ),
  layers: [
    { id: 'sea', type: 'background', paint: { 'background-color': '#d6e4ee' } },
    { id: 'countries', type: 'fill', source: 'countries', paint: { 'fill-color': '#f6f4ef' } },
    { id: 'lakes', type: 'fill', source: 'lakes', paint: { 'fill-color': '#d6e4ee' } },
    {
      id: 'areas',
      type: 'fill',
      source: 'areas',
      paint: { 'fill-color': '#7aa6c2', 'fill-opacity': 0.25 },
    },
    line('municipality-borders', '#c4c2bd', 0.6),
    line('county-borders', '#8f8d88', 1),
    line('national-borders', '#4a4a48', 1.5),
  ],
};

const map = new MapLibreMap({
  container,
  style,
  center: [num('lon', 12.4), num('lat', 60.6)],
  zoom: num('zoom', 5.3),
  attributionControl: false,
  // As in the app (its canvas can be read back for export).
  canvasContextAttributes: { preserveDrawingBuffer: true },
});
(window as unknown as { __gransatlasMap: MapLibreMap }).__gransatlasMap = map;

const load = async (name: string) =>
  (await (await fetch(`./generated/${name}`)).json()) as Topology;
const objectOf = (topology: Topology, name: string) => topology.objects[name] as GeometryCollection;
const features = (topology: Topology, name: string) =>
  (feature(topology, objectOf(topology, name)) as FeatureCollection).features;
const borders = (topologies: Topology[], name: string): MultiLineString => ({
  type: 'MultiLineString',
  coordinates: topologies.flatMap((t) => mesh(t, objectOf(t, name), (a, b) => a !== b).coordinates),
});

const styleLoaded = new Promise<void>((resolve) => map.once('load', () => resolve()));
const [se, no, context] = await Promise.all(
  ['se.topo.json', 'no-2024.topo.json', 'context.topo.json'].map(load),
);
const data: Record<SourceId, FeatureCollection | MultiLineString> = {
  countries: { type: 'FeatureCollection', features: features(context, 'countries') },
  lakes: { type: 'FeatureCollection', features: features(context, 'lakes') },
  areas: {
    type: 'FeatureCollection',
    features: [...features(se, 'municipality'), ...features(no, 'municipality')] as Feature[],
  },
  'municipality-borders': borders([se, no], 'municipality'),
  'county-borders': borders([se, no], 'county'),
  'national-borders': borders([context], 'countries'),
};
await styleLoaded;
for (const id of SOURCES) (map.getSource(id) as GeoJSONSource).setData(data[id]);
document.documentElement.dataset.mapData = 'ready';
