/**
 * Which column is which: recognised from header names in Swedish, Norwegian and English (and the
 * flowmap.blue names), or chosen by the user in the mapping step and remembered per header signature.
 */
import { splitCode } from './codes';
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

/** Roles recognised from one header name each (a header may also name a place or a county, below). */
type SingleRole = Exclude<keyof ColumnMapping, 'kind' | 'place' | 'county'>;

const NAMES: Record<SingleRole, string[]> = {
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

/**
 * Columns that name places (towns or municipalities). "kommun" is also a code column: what its
 * cells hold decides (see `guessMapping`).
 */
const PLACE_NAMES = new Set([
  'kommun',
  'kommune',
  'municipality',
  'kommunnamn',
  'kommunenavn',
  'municipalityname',
  'ort',
  'ortnamn',
  'tatort',
  'stad',
  'plats',
  'sted',
  'stedsnavn',
  'tettsted',
  'town',
  'city',
  'place',
  'placename',
  'nameofplace',
]);
/** Columns that name or code a county (län, fylke): they tell apart places of the same name. */
const COUNTY_NAMES = new Set([
  'lan',
  'lansnamn',
  'lanskod',
  'fylke',
  'fylkesnavn',
  'fylkesnummer',
  'county',
  'countyname',
  'countycode',
]);

const LOOKUP = new Map<string, SingleRole>();
for (const [role, names] of Object.entries(NAMES))
  for (const n of names) if (!LOOKUP.has(n)) LOOKUP.set(n, role as SingleRole);

/** The roles recognised from the header names (first column wins). */
export function recogniseColumns(header: readonly string[]): Omit<ColumnMapping, 'kind'> {
  const m = { ...NO_MAPPING };
  header.forEach((h, i) => {
    const n = normaliseHeader(h);
    const role = LOOKUP.get(n);
    if (role && m[role] === -1) m[role] = i;
    if (m.place === -1 && PLACE_NAMES.has(n)) m.place = i;
    if (m.county === -1 && COUNTY_NAMES.has(n)) m.county = i;
  });
  return m;
}

/** Do most filled cells of a column (in the sample rows) hold names rather than area codes? */
function holdsNames(sample: readonly string[][], column: number): boolean {
  let names = 0;
  let codes = 0;
  for (const row of sample) {
    const cell = (row[column] ?? '').trim();
    if (cell === '') continue;
    if (splitCode(cell) || /^(SE|NO)-(county|municipality)-/.test(cell)) codes++;
    else if (/\p{L}/u.test(cell)) names++;
  }
  return names > codes;
}

/**
 * The roles of the header, with the sample's word on a column that may hold codes or names: a
 * "kommun" column of names is a place column, and a county column beside a place column only tells
 * apart places of the same name.
 */
function recogniseWithSample(
  header: readonly string[],
  sample: readonly string[][],
): Omit<ColumnMapping, 'kind'> {
  const m = recogniseColumns(header);
  if (m.code < 0) return m;
  const placeNames = m.place >= 0 && m.place !== m.code && holdsNames(sample, m.place);
  if (holdsNames(sample, m.code) || (placeNames && m.code === m.county)) {
    if (m.place < 0 || !placeNames) m.place = m.code;
    m.code = -1;
  } else if (m.place === m.code) m.place = -1;
  return m;
}

/**
 * The mapping the header (and a sample of rows) implies, or null when it is not clear (the user then
 * picks). Flows need origin + destination (codes) or both ends' lon/lat, and a value; area values
 * need a code and a value; points need lon/lat, or a code column without a value, or a place name
 * column (a town or municipality).
 */
export function guessMapping(
  header: readonly string[],
  sample: readonly string[][] = [],
): ColumnMapping | null {
  const m = recogniseWithSample(header, sample);
  const hasValue = m.value >= 0;
  if (m.origin >= 0 && m.destination >= 0 && hasValue) return { kind: 'flows', ...m };
  if (m.originLon >= 0 && m.originLat >= 0 && m.destLon >= 0 && m.destLat >= 0 && hasValue)
    return { kind: 'flows', ...m };
  if (m.lon >= 0 && m.lat >= 0) return { kind: 'points', ...m };
  if (m.code >= 0 && hasValue) return { kind: 'indicator', ...m };
  if (m.code >= 0) return { kind: 'points', ...m };
  if (m.place >= 0) return { kind: 'points', ...m };
  return null;
}

/** A best effort to start the mapping form from when `guessMapping` is unsure. */
export function fallbackMapping(
  header: readonly string[],
  sample: readonly string[][] = [],
): ColumnMapping {
  const m = recogniseWithSample(header, sample);
  if (m.origin >= 0 || m.destination >= 0) return { kind: 'flows', ...m };
  if (m.place >= 0 && m.code < 0) return { kind: 'points', ...m };
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
  return (inRange(m.lon) && inRange(m.lat)) || inRange(m.code) || inRange(m.place);
}
