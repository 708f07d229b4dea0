import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';

const GENERATED = path.resolve(__dirname, '../../public/generated');

function readGenerated<T>(name: string): T {
  const file = path.join(GENERATED, name);
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run data first`);
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

type Props = { code: string; name: string };
const areas = (file: string, object: 'municipality' | 'county') => {
  const t = readGenerated<Topology>(file);
  return feature(t, t.objects[object] as GeometryCollection<Props>).features;
};
const containing = (file: string, lonLat: [number, number]) =>
  areas(file, 'municipality')
    .filter((f) => booleanPointInPolygon(lonLat, f as Parameters<typeof booleanPointInPolygon>[1]))
    .map((f) => f.properties.code);

describe('generated area topologies', () => {
  it.each([
    ['se.topo.json', 290, 21],
    ['no-2020.topo.json', 356, 11],
    ['no-2024.topo.json', 357, 15],
  ])(
    '%s has %i municipalities and %i counties with code/name properties only',
    (file, nMun, nCounty) => {
      const t = readGenerated<Topology>(file);
      expect(Object.keys(t.objects).sort()).toEqual(['county', 'municipality']);
      for (const [object, count, pattern] of [
        ['municipality', nMun, /^\d{4}$/],
        ['county', nCounty, /^\d{2}$/],
      ] as const) {
        const geoms = (t.objects[object] as GeometryCollection).geometries;
        expect(geoms).toHaveLength(count);
        for (const g of geoms) {
          expect(Object.keys(g.properties ?? {}).sort()).toEqual(['code', 'name']);
          const { code, name } = g.properties as Props;
          expect(code).toMatch(pattern);
          expect(g.id).toBe(code);
          expect(name.length).toBeGreaterThan(0);
          expect(['Polygon', 'MultiPolygon']).toContain(g.type);
        }
        expect(new Set(geoms.map((g) => g.id)).size).toBe(count);
      }
    },
  );

  it('names counties as published (Swedish län with "län")', () => {
    const se = areas('se.topo.json', 'county');
    expect(se.find((f) => f.properties.code === '17')?.properties.name).toBe('Värmlands län');
    expect(
      areas('no-2020.topo.json', 'municipality').find((f) => f.properties.code === '0301')
        ?.properties.name,
    ).toBe('Oslo');
  });

  it('has Viken (30) only in the 2020 era', () => {
    const codes = (file: string) => areas(file, 'county').map((f) => f.properties.code);
    expect(codes('no-2020.topo.json')).toContain('30');
    expect(codes('no-2024.topo.json')).not.toContain('30');
    expect(codes('no-2024.topo.json')).toEqual(
      expect.arrayContaining(['31', '32', '33', '39', '40', '55', '56']),
    );
  });

  it('clips Swedish kommuner to land and erases the big lakes', () => {
    // Skagerrak off Tanum: sea, in 1435 Tanum in the raw Lantmäteriet file.
    expect(containing('se.topo.json', [11.0, 58.6])).toEqual([]);
    // Vänern (Natural Earth); 13.2,58.9 itself is on Värmlandsnäs, which is land.
    expect(containing('se.topo.json', [13.0, 58.9])).toEqual([]);
    expect(containing('se.topo.json', [13.4, 58.9])).toEqual([]);
    expect(containing('se.topo.json', [13.5, 59.38])).toEqual(['1780']);
    // Öckerö is an island kommun missing from Natural Earth land; it must survive the clip.
    expect(areas('se.topo.json', 'municipality').some((f) => f.properties.code === '1407')).toBe(
      true,
    );
  });

  it('places Halden in 3001 (2020) and 3101 (2024)', () => {
    expect(containing('no-2020.topo.json', [11.3875, 59.1248])).toEqual(['3001']);
    expect(containing('no-2024.topo.json', [11.3875, 59.1248])).toEqual(['3101']);
  });
});

describe('context layers', () => {
  const t = () => readGenerated<Topology>('context.topo.json');

  it('has Nordic countries with ISO alpha-2 codes', () => {
    const countries = feature(
      t(),
      t().objects.countries as GeometryCollection<{ iso: string; name: string }>,
    );
    const isos = countries.features.map((f) => f.properties.iso);
    expect(isos).toEqual(expect.arrayContaining(['SE', 'NO', 'FI', 'DK']));
    for (const iso of isos) expect(iso).toMatch(/^[A-Z]{2}$/);
  });

  it('fixes Natural Earth lake names', () => {
    const lakes = t().objects.lakes as GeometryCollection;
    const names = lakes.geometries.map((g) => (g.properties as { name: string | null }).name);
    expect(names).toContain('Mjøsa');
    expect(names).toContain('Vänern');
    expect(names).toContain('Stora Le');
    expect(names).not.toContain('Mhisa');
    expect(names).not.toContain('Yeren');
  });
});

describe('labels', () => {
  interface Label {
    name: string;
    country: 'SE' | 'NO';
    lon: number;
    lat: number;
    population: number;
    rank: number;
    role: string;
    source: string;
  }
  const labels = () => readGenerated<Label[]>('labels.json');

  it('has every Swedish residensstad and the border towns, placed from GeoNames', () => {
    const seats = labels().filter((l) => l.role === 'county-seat');
    expect(seats.filter((l) => l.country === 'SE')).toHaveLength(21);
    const names = labels().map((l) => l.name);
    for (const n of [
      'Karlstad',
      'Halden',
      'Strömstad',
      'Charlottenberg',
      'Kongsvinger',
      'Trysil',
      'Røros',
      'Sarpsborg',
    ])
      expect(names).toContain(n);
    const karlstad = labels().find((l) => l.name === 'Karlstad');
    expect(karlstad).toMatchObject({ country: 'SE', rank: 1, source: 'geonames' });
    expect(karlstad?.lon).toBeCloseTo(13.5, 1);
    expect(karlstad?.lat).toBeCloseTo(59.38, 1);
    for (const l of labels()) expect([1, 2, 3]).toContain(l.rank);
  });
});
