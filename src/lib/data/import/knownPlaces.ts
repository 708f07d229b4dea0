/**
 * Place names in a user's file ("Karlstad", "Charlottenberg", "Halden kommune") → places. The main
 * thread builds the list of names it knows (`knownPlaces`: every municipality and county of Sweden
 * and of both Norwegian eras, and the app's towns); the worker resolves names against it
 * (`PlaceNames`). A name is never guessed: two municipalities called Våler, Lund in both countries or
 * a spelling that could be two names (Håbo / Habo) is reported as ambiguous unless a country or
 * county column tells them apart.
 */
import {
  areaKey,
  countyOf,
  noEraForYear,
  type AreaRef,
  type Country,
  type Level,
} from '../../domain/areas';
import { splitCode } from './codes';
import { normaliseHeader } from './columns';
import type { KnownPlace, Place } from './types';

/** What the boundaries give for an area (a subset of `AreaProperties`). */
export interface NamedArea {
  area: AreaRef;
  name: string;
}

/** The areas of one country and era, as loaded for the map (a subset of `AreaLayerData`). */
export interface NamedAreas {
  county: readonly { properties: NamedArea }[];
  municipality: readonly { properties: NamedArea }[];
}

/** What the town gazetteer gives (a subset of `PlaceLabel`). */
export interface Town {
  name: string;
  country: Country;
  lon: number;
  lat: number;
}

/**
 * The names the importer knows, one entry per form of a name: Norwegian official names with Sámi
 * or Kven forms ("Trondheim - Tråante") give each form; Swedish county names also without "län"
 * ("Värmlands län", "Värmland").
 */
export function knownPlaces(
  areaSets: readonly (NamedAreas | null | undefined)[],
  towns: readonly Town[],
): KnownPlace[] {
  const out: KnownPlace[] = [];
  for (const set of areaSets)
    for (const { properties: a } of set ? [...set.county, ...set.municipality] : [])
      for (const name of nameForms(a.name, a.area.level)) out.push({ name, area: a.area });
  for (const t of towns) out.push({ name: t.name, country: t.country, lon: t.lon, lat: t.lat });
  return out;
}

function nameForms(name: string, level: Level): string[] {
  const forms = new Set([name, ...name.split(' - ')].map((s) => s.trim()).filter((s) => s !== ''));
  if (level === 'county')
    for (const f of [...forms]) {
      const m = /^(.+?)(s?) län$/.exec(f);
      if (m) {
        forms.add(m[1] + m[2]);
        forms.add(m[1]);
      }
    }
  return [...forms];
}

/** The same name up to case, Unicode form (a decomposed "å" from a Mac) and spacing. */
export function nameKey(raw: string): string {
  return raw
    .normalize('NFC')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[\u2010-\u2015]/g, '-')
    .toLowerCase();
}

/**
 * Without diacritics or punctuation ("Arjang" for "Årjäng"), the same folding as column headers;
 * only used when it leads to a single name (Håbo and Habo are two Swedish kommuner).
 */
const foldedKey = normaliseHeader;

export type PlaceResolution =
  | { ok: true; place: Place }
  | { ok: false; reason: 'unknown'; name: string }
  /** `places`: the candidates, e.g. "Våler 3114 (NO), Våler 3419 (NO)" (plain text, any language). */
  | { ok: false; reason: 'ambiguous'; name: string; places: string };

type Area = Extract<KnownPlace, { area: AreaRef }>;
type TownPlace = Extract<KnownPlace, { lon: number }>;
const isArea = (k: KnownPlace): k is Area => 'area' in k;
const countryOf = (k: KnownPlace): Country => (isArea(k) ? k.area.country : k.country);

export class PlaceNames {
  /** Municipalities and towns by `nameKey`. */
  private byName = new Map<string, KnownPlace[]>();
  /** `foldedKey` → the `nameKey`s it comes from. */
  private byFolded = new Map<string, Set<string>>();
  /** Counties by `nameKey`, for a county column. */
  private counties = new Map<string, AreaRef[]>();
  private cache = new Map<string, PlaceResolution>();

  constructor(known: readonly KnownPlace[]) {
    for (const k of known) {
      const key = nameKey(k.name);
      if (isArea(k) && k.area.level === 'county') {
        push(this.counties, key, k.area);
        continue;
      }
      push(this.byName, key, k);
      const folded = foldedKey(k.name);
      let keys = this.byFolded.get(folded);
      if (!keys) this.byFolded.set(folded, (keys = new Set()));
      keys.add(key);
    }
  }

  /**
   * The place a name means in a row of `year` (null: no year column; Norwegian names then take the
   * 2024 era), told apart by the row's country and county cells where given.
   */
  resolve(
    raw: string,
    year: number | null,
    country: Country | null = null,
    county: string | null = null,
  ): PlaceResolution {
    const era = year === null ? '' : noEraForYear(year);
    const cacheKey = `${raw}|${era}|${country ?? ''}|${county ?? ''}`;
    let hit = this.cache.get(cacheKey);
    if (!hit) {
      hit = this.resolveUncached(raw.trim(), year, country, county);
      if (this.cache.size < 100_000) this.cache.set(cacheKey, hit);
    }
    return hit;
  }

  private resolveUncached(
    name: string,
    year: number | null,
    country: Country | null,
    county: string | null,
  ): PlaceResolution {
    const found = this.lookup(name);
    if (typeof found === 'string') return { ok: false, reason: 'ambiguous', name, places: found };
    let cands = found;
    if (country) cands = cands.filter((c) => countryOf(c) === country);
    const counties = county === null ? null : this.countyHint(county);
    if (counties && counties.length > 0)
      cands = cands.filter((c) =>
        isArea(c)
          ? counties.some((k) => k.country === c.area.country && k.code === countyOf(c.area.code))
          : counties.some((k) => k.country === c.country),
      );
    // A Norwegian municipality in the era of the row (Halden is 3001 until 2023, 3101 after); a name
    // of the other era only (Haram, split from Ålesund in 2024) still finds its area.
    const wanted = year === null ? '2024' : noEraForYear(year);
    const areas = cands.filter(isArea);
    const norwegian = areas.filter((c) => c.area.country === 'NO');
    const inEra = norwegian.filter((c) => c.area.era === wanted);
    const municipalities = uniqueAreas([
      ...areas.filter((c) => c.area.country === 'SE'),
      ...(inEra.length > 0 ? inEra : norwegian),
    ]);
    // A town named like a municipality of its own country is that municipality's town (Karlstad,
    // Kongsvinger; the unit tests check each lies inside it): the area stands for both.
    const towns = cands.filter(
      (c): c is TownPlace =>
        !isArea(c) && !municipalities.some((m) => m.area.country === c.country),
    );
    const places = [...municipalities, ...towns];
    if (places.length === 0) return { ok: false, reason: 'unknown', name };
    if (places.length > 1)
      return { ok: false, reason: 'ambiguous', name, places: places.map(describe).join(', ') };
    const p = places[0];
    return {
      ok: true,
      place: isArea(p) ? { area: areaKey(p.area) } : { lon: p.lon, lat: p.lat, name: p.name },
    };
  }

  /** Entries of a name, or the names it could be (a folded spelling of two names). */
  private lookup(name: string): KnownPlace[] | string {
    const key = nameKey(name);
    const exact = this.byName.get(key);
    if (exact) return exact;
    // "Karlstads kommun", "Halden kommune", "Eda municipality": municipalities only.
    const m = /^(.+?)(s?) (kommun|kommune|municipality)$/.exec(key);
    if (m) {
      const named = this.byName.get(m[1] + m[2]) ?? (m[2] ? this.byName.get(m[1]) : undefined);
      const areas = named?.filter(isArea) ?? [];
      if (areas.length > 0) return areas;
    }
    const keys = this.byFolded.get(foldedKey(name));
    if (!keys) return [];
    if (keys.size === 1) return this.byName.get([...keys][0]) ?? [];
    return [...keys].map((k) => this.byName.get(k)?.[0]?.name ?? k).join(', ');
  }

  /** A county cell: a code ("17", "SE17", "NO-34") or a name ("Värmland", "Innlandet"). */
  private countyHint(raw: string): { country: Country; code: string }[] {
    const code = splitCode(raw);
    if (code && code.code.length === 2) {
      const all = [...this.counties.values()].flat();
      return all.filter(
        (c) => c.code === code.code && (code.country === null || c.country === code.country),
      );
    }
    return this.counties.get(nameKey(raw)) ?? [];
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function uniqueAreas(areas: Area[]): Area[] {
  const seen = new Set<string>();
  return areas.filter((a) => {
    const k = `${a.area.country}-${a.area.code}-${a.area.era}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function describe(p: KnownPlace): string {
  return isArea(p) ? `${p.name} ${p.area.code} (${p.area.country})` : `${p.name} (${p.country})`;
}
