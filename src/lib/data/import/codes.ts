/**
 * Recognising official area codes in a user's file: Swedish kommun (4 digits) / län (2), Norwegian
 * kommune / fylke of the 2020–2023 or the 2024– era. The same digits can mean different areas
 * (1860 is Laxå in Sweden and Vestvågøy in Norway; 03 is Uppsala län and Oslo), and Norwegian codes
 * were renumbered in 2024 (Halden 3001 → 3101), so a bare code is resolved against the known codes
 * of every country and era, with the file's dominant country and era breaking ties.
 */
import {
  areaKey,
  noEraForYear,
  parseAreaKey,
  type Country,
  type Level,
  type NoEra,
} from '../../domain/areas';
import type { KnownCodes } from './types';

type Era = 'se' | NoEra;
interface Candidate {
  country: Country;
  level: Extract<Level, 'county' | 'municipality'>;
  era: Era;
}

export type CodeResolution =
  { ok: true; key: string } | { ok: false; reason: 'unknown' | 'ambiguous'; code: string };

export interface FilePreference {
  country: Country | null;
  era: NoEra | null;
}

/** "1780", "SE1780", "NO-3101", "0301 Oslo", "301" (a number column lost the zero). */
export function splitCode(raw: string): { country: Country | null; code: string } | null {
  const s = raw.trim();
  const m = /^(?:(SE|NO)[-_ ]?)?(\d{1,4})(?:\s+\D.*)?$/i.exec(s);
  if (!m) return null;
  let code = m[2];
  if (code.length === 1 || code.length === 3) code = `0${code}`;
  return { country: m[1] ? (m[1].toUpperCase() as Country) : null, code };
}

export class CodeIndex {
  private sets: {
    cand: Omit<Candidate, 'level'>;
    county: Set<string>;
    municipality: Set<string>;
  }[];
  private cache = new Map<string, CodeResolution>();
  pref: FilePreference = { country: null, era: null };

  constructor(known: KnownCodes) {
    const s = (c: { county: string[]; municipality: string[] }) => ({
      county: new Set(c.county),
      municipality: new Set(c.municipality),
    });
    this.sets = [
      { cand: { country: 'SE', era: 'se' }, ...s(known.se) },
      { cand: { country: 'NO', era: '2020' }, ...s(known.no2020) },
      { cand: { country: 'NO', era: '2024' }, ...s(known.no2024) },
    ];
  }

  candidates(country: Country | null, code: string): Candidate[] {
    const level = code.length === 2 ? 'county' : 'municipality';
    return this.sets
      .filter((s) => (country === null || s.cand.country === country) && s[level].has(code))
      .map((s) => ({ ...s.cand, level }));
  }

  /** Sets the file's dominant country and Norwegian era from a sample of its codes. */
  learn(rawCodes: Iterable<string>): void {
    let se = 0;
    let no = 0;
    let e2020 = 0;
    let e2024 = 0;
    for (const raw of rawCodes) {
      const sc = splitCode(raw);
      if (!sc) continue;
      const cands = this.candidates(sc.country, sc.code);
      const countries = new Set(cands.map((c) => c.country));
      if (countries.size === 1) {
        if (countries.has('SE')) se++;
        else no++;
      }
      const eras = new Set(cands.filter((c) => c.country === 'NO').map((c) => c.era));
      if (eras.size === 1) {
        if (eras.has('2020')) e2020++;
        else e2024++;
      }
    }
    this.pref = {
      country: se > no ? 'SE' : no > se ? 'NO' : null,
      era: e2020 > e2024 ? '2020' : e2024 > e2020 ? '2024' : null,
    };
    this.cache.clear();
  }

  /** The area key of a code in a row of `year` (null: no year column). */
  resolve(raw: string, year: number | null, countryHint: Country | null = null): CodeResolution {
    const cacheKey = `${raw}|${year ?? ''}|${countryHint ?? ''}`;
    const hit = this.cache.get(cacheKey);
    if (hit) return hit;
    const out = this.resolveUncached(raw, year, countryHint);
    if (this.cache.size < 100_000) this.cache.set(cacheKey, out);
    return out;
  }

  private resolveUncached(raw: string, year: number | null, hint: Country | null): CodeResolution {
    const code = raw.trim();
    if (/^(SE|NO)-(county|municipality)-/.test(code)) {
      const area = parseAreaKey(code);
      if (!area || area.level === 'country') return { ok: false, reason: 'unknown', code };
      const ok = this.candidates(area.country, area.code).some((c) => c.era === area.era);
      return ok ? { ok: true, key: areaKey(area) } : { ok: false, reason: 'unknown', code };
    }
    const sc = splitCode(code);
    if (!sc) return { ok: false, reason: 'unknown', code };
    let cands = this.candidates(sc.country ?? hint, sc.code);
    if (cands.length === 0) return { ok: false, reason: 'unknown', code };
    if (new Set(cands.map((c) => c.country)).size > 1) {
      if (!this.pref.country) return { ok: false, reason: 'ambiguous', code };
      cands = cands.filter((c) => c.country === this.pref.country);
    }
    if (cands.length > 1) {
      // The same code in both Norwegian eras (unchanged areas such as Oslo 0301).
      const era = year !== null ? noEraForYear(year) : (this.pref.era ?? '2024');
      cands = cands.filter((c) => c.era === era);
    }
    const c = cands[0];
    return {
      ok: true,
      key: areaKey({ country: c.country, level: c.level, code: sc.code, era: c.era }),
    };
  }
}

/** A country column's value: "SE", "Sverige", "Sweden", "NO", "Norge", "Norway", "Noreg". */
export function parseCountry(raw: string): Country | null {
  const s = raw.trim().toLowerCase();
  if (['se', 'swe', 'sverige', 'sweden', 'sverige/sweden'].includes(s)) return 'SE';
  if (['no', 'nor', 'norge', 'norway', 'noreg'].includes(s)) return 'NO';
  return null;
}
