/**
 * Context layers drawn under and over the areas: Nordic and neighbouring country outlines, and lakes
 * (Natural Earth), clipped to the region the app can show.
 */
import { bbox as turfBbox } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import * as topojson from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { BuildError } from '../lib/context';
import { runMapshaper } from './mapshaper';
import { expectCodes, geometries, parseTopology } from './topology';

/** lon/lat box of the context layers: west, south, east, north. */
export const CONTEXT_BBOX = [0, 53, 35, 72] as const;
export const LAKES_BBOX = [4, 54, 32, 72] as const;

/** ISO 3166-1 numeric (world-atlas ids) -> alpha-2, for every country that reaches into CONTEXT_BBOX. */
const ISO_ALPHA2: Record<string, string> = {
  '752': 'SE',
  '578': 'NO',
  '246': 'FI',
  '208': 'DK',
  '248': 'AX',
  '233': 'EE',
  '428': 'LV',
  '440': 'LT',
  '643': 'RU',
  '112': 'BY',
  '616': 'PL',
  '276': 'DE',
  '528': 'NL',
  '826': 'GB',
  '804': 'UA',
  '372': 'IE',
  '234': 'FO',
  '056': 'BE',
};

/**
 * Natural Earth 4.0 lost the non-ASCII letters of many Nordic lake names ("Mhisa" for Mjøsa); these
 * are the names in the region that the app can show, fixed by hand.
 */
export const LAKE_NAME_FIXES: Record<string, string> = {
  Mhisa: 'Mjøsa',
  Yeren: 'Øyeren',
  Krderen: 'Krøderen',
  Msvatn: 'Møsvatn',
  Foxen: 'Stora Le',
  Hurdalsjen: 'Hurdalsjøen',
  'Ovre Fryken': 'Övre Fryken',
  'Ostra Silen': 'Östra Silen',
  'Stora Blosjn': 'Stora Blåsjön',
  'Stora Bygdetrasket': 'Stora Bygdeträsket',
  Overstjuktan: 'Överstjuktan',
  Essandsjen: 'Essandsjøen',
  Aursjen: 'Aursjøen',
  Slensjen: 'Sølensjøen',
  Storsjen: 'Storsjøen',
  Storsjn: 'Storsjön',
  Orsasjn: 'Orsasjön',
  Holmsjn: 'Holmsjön',
  Landsjn: 'Landsjön',
  Locknesjn: 'Locknesjön',
  Lofssjn: 'Lofssjön',
  Ormsjn: 'Ormsjön',
  Bergsjn: 'Bergsjön',
  Helgasjn: 'Helgasjön',
  Ivsjn: 'Ivösjön',
  Vannsj: 'Vansjø',
  Nordsj: 'Norsjø',
  Flvatn: 'Flåvatn',
  Jlstravatnet: 'Jølstravatnet',
  Mjrn: 'Mjörn',
  Mckeln: 'Möckeln',
  Takern: 'Tåkern',
  Tamnaren: 'Tämnaren',
  Asunden: 'Åsunden',
  Ojaren: 'Öjaren',
  Baven: 'Båven',
};

type Props = Record<string, unknown>;

/** Natural Earth countries from world-atlas that reach into the context box, as `{ iso, name }`. */
export function contextCountries(worldAtlasJson: string): FeatureCollection {
  const world = JSON.parse(worldAtlasJson) as Topology;
  const all = topojson.feature(world, world.objects.countries as GeometryCollection<Props>);
  const [w, s, e, n] = CONTEXT_BBOX;
  const features: Feature[] = [];
  for (const f of all.features) {
    // Test each polygon part: Russia and the USA cross the antimeridian, so their whole box is the world.
    const parts =
      f.geometry.type === 'MultiPolygon'
        ? f.geometry.coordinates
        : f.geometry.type === 'Polygon'
          ? [f.geometry.coordinates]
          : [];
    const reaches = parts.some((rings) => {
      const [fw, fs, fe, fn] = turfBbox({ type: 'Polygon', coordinates: rings });
      return !(fe < w || fw > e || fn < s || fs > n);
    });
    if (!reaches) continue;
    const iso = ISO_ALPHA2[String(f.id)];
    if (!iso) {
      throw new BuildError(
        `world-atlas country ${String(f.id)} (${String(f.properties?.name)}) reaches the context box but has no ISO alpha-2 code in ISO_ALPHA2`,
      );
    }
    features.push({
      type: 'Feature',
      properties: { iso, name: String(f.properties?.name) },
      geometry: f.geometry,
    });
  }
  return { type: 'FeatureCollection', features };
}

/** Nordic land (SE, NO, FI) for clipping Swedish municipalities to the coast. */
export function nordicLand(countries: FeatureCollection): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: countries.features.filter((f) =>
      ['SE', 'NO', 'FI'].includes(String(f.properties?.iso)),
    ),
  };
}

function withLakeNames(fc: {
  features: { properties: Props | null; geometry: Geometry | null }[];
}) {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => {
      const raw =
        typeof f.properties?.name === 'string' && f.properties.name ? f.properties.name : null;
      return {
        type: 'Feature',
        properties: { name: raw === null ? null : (LAKE_NAME_FIXES[raw] ?? raw) },
        geometry: f.geometry,
      };
    }),
  };
}

export const CONTEXT_SIMPLIFY_M = 300;

export async function buildContext(input: {
  countries: FeatureCollection;
  lakes: string;
  lakesEurope: string;
}): Promise<Topology> {
  const lakes = withLakeNames(JSON.parse(input.lakes));
  const lakesEurope = withLakeNames(JSON.parse(input.lakesEurope));
  const out = await runMapshaper(
    `
    -i countries.json name=countries
    -clip bbox=${CONTEXT_BBOX.join(',')}
    -i lakes.json lakes-europe.json combine-files
    -merge-layers force name=lakes
    -clip bbox=${LAKES_BBOX.join(',')}
    -filter 'this.area > 0'
    -simplify interval=${CONTEXT_SIMPLIFY_M} keep-shapes target=countries,lakes
    -o format=topojson quantization=100000 target=countries,lakes out.json
    `,
    { 'countries.json': input.countries, 'lakes.json': lakes, 'lakes-europe.json': lakesEurope },
  );
  const topology = parseTopology(out['out.json'], 'context.topo.json');
  const countries = geometries(topology, 'countries', 'context');
  for (const g of countries) g.id = (g.properties as { iso: string }).iso;
  countries.sort((a, b) => String(a.id).localeCompare(String(b.id)));
  expectCodes(
    topology,
    'countries',
    { count: countries.length, pattern: /^[A-Z]{2}$/, present: ['SE', 'NO', 'FI', 'DK'] },
    'context',
  );
  const lakeGeoms = geometries(topology, 'lakes', 'context');
  for (const g of lakeGeoms)
    g.properties = { name: (g.properties as { name?: string | null })?.name ?? null };
  return topology;
}
