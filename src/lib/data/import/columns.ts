/**
 * Which column is which: recognised from header names in Swedish, Norwegian and English (and the
 * flowmap.blue names), or chosen by the user in the mapping step and remembered per header signature.
 */
import { NO_MAPPING, type ColumnMapping } from './types';

/** Lower case, no diacritics, no spaces/punctuation: "Från kommun" → "frankommun". */
export function normaliseHeader(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]/g, '');
}

const NAMES: Record<Exclude<keyof ColumnMapping, 'kind'>, string[]> = {
  origin: [
    'origin',
    'orig',
    'from',
    'fran',
    'fra',
    'source',
    'o',
    'home',
    'residence',
    'bostad',
    'bosted',
    'boende',
    'bostedskommune',
    'bostadskommun',
    'frankommun',
    'frakommune',
    'origincode',
  ],
  destination: [
    'dest',
    'destination',
    'to',
    'till',
    'til',
    'target',
    'd',
    'work',
    'workplace',
    'arbetsplats',
    'arbeidssted',
    'arbetsstallekommun',
    'arbeidsstedskommune',
    'tillkommun',
    'tilkommune',
    'destcode',
    'destinationcode',
  ],
  value: [
    'value',
    'count',
    'persons',
    'people',
    'flow',
    'flows',
    'antal',
    'antall',
    'varde',
    'verdi',
    'n',
    'total',
    'sum',
    'number',
    'amount',
    'pendlare',
    'pendlere',
    'personer',
    'magnitude',
  ],
  year: ['year', 'ar', 'aar', 'time', 'tid', 'period', 'arstall', 'artal'],
  code: [
    'code',
    'kod',
    'kode',
    'areacode',
    'region',
    'regionkod',
    'regionkode',
    'kommun',
    'kommune',
    'kommunkod',
    'kommunenummer',
    'kommunnummer',
    'knr',
    'kommunekode',
    'municipality',
    'municipalitycode',
    'lan',
    'lanskod',
    'fylke',
    'fylkesnummer',
    'county',
    'area',
    'areaid',
    'id',
  ],
  lon: ['lon', 'lng', 'long', 'longitude', 'x', 'lengdegrad', 'longitud'],
  lat: ['lat', 'latitude', 'y', 'breddegrad', 'latitud'],
  originLon: [
    'originlon',
    'olon',
    'fromlon',
    'lonorigin',
    'lonfrom',
    'originlng',
    'fromlng',
    'lon1',
    'x1',
  ],
  originLat: ['originlat', 'olat', 'fromlat', 'latorigin', 'latfrom', 'lat1', 'y1'],
  destLon: [
    'destlon',
    'dlon',
    'tolon',
    'londest',
    'lonto',
    'destinationlon',
    'destlng',
    'tolng',
    'lon2',
    'x2',
  ],
  destLat: ['destlat', 'dlat', 'tolat', 'latdest', 'latto', 'destinationlat', 'lat2', 'y2'],
  name: [
    'name',
    'namn',
    'navn',
    'label',
    'title',
    'titel',
    'tittel',
    'place',
    'plats',
    'sted',
    'ort',
  ],
  country: ['country', 'land', 'countrycode'],
};

const LOOKUP = new Map<string, keyof typeof NAMES>();
for (const [role, names] of Object.entries(NAMES))
  for (const n of names) if (!LOOKUP.has(n)) LOOKUP.set(n, role as keyof typeof NAMES);

/** The roles recognised from the header names (first column wins). */
export function recogniseColumns(header: readonly string[]): Omit<ColumnMapping, 'kind'> {
  const m = { ...NO_MAPPING };
  header.forEach((h, i) => {
    const role = LOOKUP.get(normaliseHeader(h));
    if (role && m[role] === -1) m[role] = i;
  });
  return m;
}

/**
 * The mapping the header implies, or null when it is not clear (the user then picks). Flows need
 * origin + destination (codes) or both ends' lon/lat, and a value; area values need a code and a
 * value; points need lon/lat, or a code column without a value.
 */
export function guessMapping(header: readonly string[]): ColumnMapping | null {
  const m = recogniseColumns(header);
  const hasValue = m.value >= 0;
  if (m.origin >= 0 && m.destination >= 0 && hasValue) return { kind: 'flows', ...m };
  if (m.originLon >= 0 && m.originLat >= 0 && m.destLon >= 0 && m.destLat >= 0 && hasValue)
    return { kind: 'flows', ...m };
  if (m.lon >= 0 && m.lat >= 0) return { kind: 'points', ...m };
  if (m.code >= 0 && hasValue) return { kind: 'indicator', ...m };
  if (m.code >= 0) return { kind: 'points', ...m };
  return null;
}

/** A best effort to start the mapping form from when `guessMapping` is unsure. */
export function fallbackMapping(header: readonly string[]): ColumnMapping {
  const m = recogniseColumns(header);
  if (m.origin >= 0 || m.destination >= 0) return { kind: 'flows', ...m };
  return { kind: 'indicator', ...m };
}

/** Key of a header "shape" for remembering a mapping: the normalised names in order. */
export function headerSignature(header: readonly string[]): string {
  return `gransatlas.import.mapping:${header.map(normaliseHeader).join('|')}`;
}

/** Is a mapping complete for its kind (and does every index fall inside the header)? */
export function mappingComplete(m: ColumnMapping, columns: number): boolean {
  const inRange = (i: number) => i >= 0 && i < columns;
  const idx = Object.entries(m).filter(([k]) => k !== 'kind') as [string, number][];
  if (idx.some(([, i]) => i >= columns || i < -1)) return false;
  if (m.kind === 'flows')
    return (
      inRange(m.value) &&
      ((inRange(m.origin) && inRange(m.destination)) ||
        (inRange(m.originLon) && inRange(m.originLat) && inRange(m.destLon) && inRange(m.destLat)))
    );
  if (m.kind === 'indicator') return inRange(m.code) && inRange(m.value);
  return (inRange(m.lon) && inRange(m.lat)) || inRange(m.code);
}
