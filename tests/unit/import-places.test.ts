/**
 * Points by a town or municipality name: the real names the app knows (the boundaries of Sweden and
 * of both Norwegian eras, and the town gazetteer in public/generated), resolved without guessing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { booleanPointInPolygon, point, pointToPolygonDistance } from '@turf/turf';
import type { Country, Era } from '../../src/lib/domain/areas';
import { knownPlaces, PlaceNames, type NamedAreas } from '../../src/lib/data/import/knownPlaces';
import { importFiles } from '../../src/lib/data/import/process';
import { fallbackMapping, guessMapping } from '../../src/lib/data/import/columns';
import { problemText } from '../../src/lib/data/import/messages';
import { translate } from '../../src/lib/i18n/translate';
import type { ImportOutcome, KnownCodes } from '../../src/lib/data/import/types';
import { KNOWN, latin1 } from '../fixtures/import/corpus';

const generated = (file: string) => new URL(`../../public/generated/${file}`, import.meta.url);
const FILES = ['se.topo.json', 'no-2020.topo.json', 'no-2024.topo.json', 'labels.json'];
const haveData = FILES.every((f) => existsSync(generated(f)));

type AreaTopology = Topology & {
  objects: Record<'county' | 'municipality', GeometryCollection<{ code: string; name: string }>>;
};
const topology = (file: string) =>
  JSON.parse(readFileSync(generated(file), 'utf8')) as AreaTopology;

/** The areas as the app loads them (names and refs; geometry is not needed here). */
function areasOf(file: string, country: Country, era: Era): NamedAreas {
  const topo = topology(file);
  const level = (l: 'county' | 'municipality') =>
    topo.objects[l].geometries.map((g) => {
      const { code, name } = g.properties as { code: string; name: string };
      return { properties: { area: { country, level: l, code, era }, name } };
    });
  return { county: level('county'), municipality: level('municipality') };
}

const towns = () =>
  JSON.parse(readFileSync(generated('labels.json'), 'utf8')) as {
    name: string;
    country: Country;
    lon: number;
    lat: number;
  }[];

function realPlaces() {
  return knownPlaces(
    [
      areasOf('se.topo.json', 'SE', 'se'),
      areasOf('no-2020.topo.json', 'NO', '2020'),
      areasOf('no-2024.topo.json', 'NO', '2024'),
    ],
    towns(),
  );
}

const area = (key: string) => ({ ok: true, place: { area: key } });

describe.skipIf(!haveData)('place names (real boundaries and towns)', () => {
  const names = haveData ? new PlaceNames(realPlaces()) : (null as unknown as PlaceNames);

  it('a municipality name is its area; case and Unicode form do not matter', () => {
    expect(names.resolve('Karlstad', null)).toEqual(area('SE-municipality-1780-se'));
    expect(names.resolve('Strömstad', null)).toEqual(area('SE-municipality-1486-se'));
    for (const spelling of ['Årjäng', 'årjäng', 'ÅRJÄNG', ' Årjäng ', 'Årjäng'.normalize('NFD')])
      expect(names.resolve(spelling, null)).toEqual(area('SE-municipality-1765-se'));
    expect(names.resolve('Karlstads kommun', null)).toEqual(area('SE-municipality-1780-se'));
  });

  it('Norwegian names in the era of the row: Halden 3001 until 2023, 3101 from 2024', () => {
    expect(names.resolve('Halden', 2022)).toEqual(area('NO-municipality-3001-2020'));
    expect(names.resolve('Halden', 2024)).toEqual(area('NO-municipality-3101-2024'));
    expect(names.resolve('Halden kommune', null)).toEqual(area('NO-municipality-3101-2024'));
    expect(names.resolve('Kongsvinger', 2021)).toEqual(area('NO-municipality-3401-2020'));
    // Each form of a multilingual name, and a name of one era only (Haram, split off in 2024).
    expect(names.resolve('Trondheim', 2024)).toEqual(area('NO-municipality-5001-2024'));
    expect(names.resolve('Tråante', null)).toEqual(area('NO-municipality-5001-2024'));
    expect(names.resolve('Trondheim', 2020)).toEqual(area('NO-municipality-5001-2020'));
    expect(names.resolve('Haram', 2022)).toEqual(area('NO-municipality-1580-2024'));
  });

  it('a town that is not a municipality is its position (border towns)', () => {
    for (const [name, country] of [
      ['Charlottenberg', 'SE'],
      ['Töcksfors', 'SE'],
      ['Åmotfors', 'SE'],
      ['Ørje', 'NO'],
    ] as const) {
      const r = names.resolve(name, null);
      const town = towns().find((t) => t.name === name && t.country === country)!;
      expect(r).toEqual({ ok: true, place: { lon: town.lon, lat: town.lat, name } });
    }
    // Magnor (Eidskog) is not in the gazetteer (GeoNames cities1000 lacks it).
    expect(names.resolve('Magnor', null)).toEqual({ ok: false, reason: 'unknown', name: 'Magnor' });
  });

  it('diacritics are only forgiven when that leads to one name', () => {
    expect(names.resolve('Arjang', null)).toEqual(area('SE-municipality-1765-se'));
    expect(names.resolve('Aarjaeng', null)).toMatchObject({ ok: false, reason: 'unknown' });
    // Håbo and Habo are two kommuner: each by its own spelling, never by a third.
    expect(names.resolve('Håbo', null)).toEqual(area('SE-municipality-0305-se'));
    expect(names.resolve('HABO', null)).toEqual(area('SE-municipality-0643-se'));
    expect(names.resolve('Hábo', null)).toMatchObject({ ok: false, reason: 'ambiguous' });
  });

  it('a name of two places is not guessed; a country or county column tells them apart', () => {
    expect(names.resolve('Våler', 2024)).toEqual({
      ok: false,
      reason: 'ambiguous',
      name: 'Våler',
      places: 'Våler 3114 (NO), Våler 3419 (NO)',
    });
    expect(names.resolve('Våler', 2024, null, 'Innlandet')).toEqual(
      area('NO-municipality-3419-2024'),
    );
    expect(names.resolve('Våler', 2024, 'NO', '31')).toEqual(area('NO-municipality-3114-2024'));
    // Lund: a kommun and a town in Sweden, a kommune in Norway.
    expect(names.resolve('Lund', null)).toMatchObject({
      reason: 'ambiguous',
      places: 'Lund 1281 (SE), Lund 1112 (NO)',
    });
    expect(names.resolve('Lund', null, 'SE')).toEqual(area('SE-municipality-1281-se'));
    expect(names.resolve('Lund', null, null, 'Skåne län')).toEqual(area('SE-municipality-1281-se'));
    expect(names.resolve('Lund', null, 'NO')).toEqual(area('NO-municipality-1112-2024'));
  });

  it('every town named like a municipality of its country lies inside that municipality', () => {
    // Why PlaceNames takes such a name for the municipality without calling it ambiguous; a town
    // named like a municipality elsewhere would have to become a second candidate.
    const sets = [
      ['se.topo.json', 'SE'],
      ['no-2020.topo.json', 'NO'],
      ['no-2024.topo.json', 'NO'],
    ] as const;
    let checked = 0;
    for (const [file, country] of sets) {
      const topo = topology(file);
      const fc = feature(topo, topo.objects.municipality);
      for (const t of towns().filter((t) => t.country === country)) {
        const same = fc.features.filter((f) => f.properties!.name.split(' - ').includes(t.name));
        for (const f of same) {
          const at = point([t.lon, t.lat]);
          // Inside, or just off its coast as the simplified boundaries draw it (Stockholm, Vadsø).
          const inside =
            booleanPointInPolygon(at, f as never) ||
            (pointToPolygonDistance(at, f as never, { units: 'kilometers' }) < 3 &&
              !fc.features.some((o) => booleanPointInPolygon(at, o as never)));
          expect(inside, `${t.name} ${file}`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(150);
  });
});

const enc = (s: string) => new TextEncoder().encode(s);

describe.skipIf(!haveData)('a CSV of points by place name', () => {
  const known: KnownCodes = haveData ? { ...KNOWN, places: realPlaces() } : KNOWN;
  const one = (text: string | Uint8Array): ImportOutcome =>
    importFiles([{ name: 'p.csv', bytes: typeof text === 'string' ? enc(text) : text }], known, {
      id: 'x',
      now: 0,
    })[0];

  it('draws the places it knows; unknown and ambiguous names are listed with their rows', () => {
    const out = one(
      'Ort,Projekt\nCharlottenberg,E18\nKarlstad,Bro\nMagnor,Tull\nVåler,Skola\n,Tom\nKongsvinger,Bane\n',
    );
    if (out.status !== 'ok' || out.dataset.payload.kind !== 'points') throw new Error(out.status);
    const { header, points } = out.dataset.payload;
    expect(header).toEqual(['Ort', 'Projekt']);
    expect(points.map((p) => p.cells[0])).toEqual(['Charlottenberg', 'Karlstad', 'Kongsvinger']);
    expect(points[0].place).toMatchObject({ name: 'Charlottenberg' });
    expect(points[1].place).toEqual({ area: 'SE-municipality-1780-se' });
    expect(points[2].place).toEqual({ area: 'NO-municipality-3401-2024' });
    expect(out.problems.map((p) => [p.key, p.row, p.column])).toEqual([
      ['unknownPlace', 4, 'Ort'],
      ['ambiguousPlace', 5, 'Ort'],
      ['emptyCell', 6, 'Ort'],
    ]);
    expect(out.unknown?.rows).toEqual([
      { row: 4, cells: ['Magnor', 'Tull'] },
      { row: 5, cells: ['Våler', 'Skola'] },
    ]);
    for (const p of out.problems)
      for (const lang of ['en', 'sv', 'nb'] as const) {
        const text = problemText(p, (k, params) => translate(lang, k, params));
        expect(text).not.toMatch(/\{\w+\}|imported\./);
      }
    expect(problemText(out.problems[1], (k, params) => translate('en', k, params))).toBe(
      'p.csv, row 5, column “Ort”: “Våler” can be more than one place (Våler 3114 (NO), Våler 3419 (NO)); add a country or county column to tell them apart',
    );
  });

  it('a country column and a county column tell places of the same name apart; years pick the era', () => {
    const out = one(
      'kommun;land;fylke;år\nLund;SE;;2022\nLund;Norge;;2022\nVåler;NO;Østfold;2024\nVåler;NO;34;2021\nHalden;;;2021\n',
    );
    if (out.status !== 'ok' || out.dataset.payload.kind !== 'points') throw new Error(out.status);
    expect(out.problems).toEqual([]);
    expect(out.dataset.payload.points.map((p) => p.place)).toEqual([
      { area: 'SE-municipality-1281-se' },
      { area: 'NO-municipality-1112-2020' },
      { area: 'NO-municipality-3114-2024' },
      { area: 'NO-municipality-3419-2020' },
      { area: 'NO-municipality-3001-2020' },
    ]);
  });

  it('Latin-1 (Excel) and UTF-8 with BOM files with å ä ö ø æ in the names', () => {
    const text = 'ort;antal\nÅrjäng;1\nTöcksfors;2\nØrje;3\nBærum;4\nÖrebro;5\nTønsberg;6\n';
    for (const bytes of [latin1(text), enc(`\uFEFF${text}`)]) {
      const out = one(bytes);
      if (out.status !== 'ok' || out.dataset.payload.kind !== 'points') throw new Error(out.status);
      expect(out.problems).toEqual([]);
      expect(out.dataset.payload.points.map((p) => p.place)).toEqual([
        { area: 'SE-municipality-1765-se' },
        expect.objectContaining({ name: 'Töcksfors' }),
        expect.objectContaining({ name: 'Ørje' }),
        { area: 'NO-municipality-3201-2024' },
        { area: 'SE-municipality-1880-se' },
        { area: 'NO-municipality-3905-2024' },
      ]);
    }
  });
});

describe('recognising a place name column', () => {
  const sample = (...cells: string[]) => cells.map((c) => [c, '1']);

  it('town and municipality headers; a "kommun" column of codes stays a code column', () => {
    for (const h of ['Ort', 'Sted', 'Town', 'Place', 'City', 'Tätort', 'Name of place'])
      expect(guessMapping([h, 'Antal'], sample('Charlottenberg'))).toMatchObject({
        kind: 'points',
        place: 0,
        code: -1,
      });
    expect(guessMapping(['Kommun', 'Projekt'], sample('Karlstad', 'Eda'))).toMatchObject({
      kind: 'points',
      place: 0,
      code: -1,
    });
    expect(guessMapping(['Kommune', 'Verdi'], sample('0301', '3101'))).toMatchObject({
      kind: 'indicator',
      code: 0,
      place: -1,
    });
  });

  it('lon/lat and origin/destination come first; a county column beside names is a hint', () => {
    expect(guessMapping(['ort', 'lat', 'lon'], [['A', '59', '13']])).toMatchObject({
      kind: 'points',
      lon: 2,
      lat: 1,
    });
    expect(
      guessMapping(
        ['ort', 'län'],
        [
          ['Charlottenberg', '17'],
          ['Töcksfors', '17'],
        ],
      ),
    ).toMatchObject({ kind: 'points', place: 0, county: 1, code: -1 });
    expect(fallbackMapping(['plats', 'x'], [['Eda', '1']])).toMatchObject({
      kind: 'points',
      place: 0,
    });
  });
});
