/**
 * The "no data" hatch: the atlas the map draws is a seamless "/" stripe mask of the intended
 * density, the legend's CSS and the export's SVG use the same stripes, and only the parts of areas
 * without a value (all of them, islands included) are hatched — on the real Swedish counties.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import {
  HATCH_PATTERN,
  NO_DATA_HATCH,
  hatchCss,
  hatchMask,
  hatchSwatchSvg,
  noDataHatchAtlas,
  noDataParts,
} from '../../src/lib/layers/indicator/hatch';
import { areaParts } from '../../src/lib/layers/boundaries/areaLayers';
import { areaKey, type AreaRef } from '../../src/lib/domain/areas';
import type { AreaFeature } from '../../src/lib/data/boundaries';

const alphaAt = (mask: Uint8ClampedArray, size: number, x: number, y: number) =>
  mask[(((y + size) % size) * size + ((x + size) % size)) * 4 + 3];

describe('hatch mask', () => {
  const size = 16;
  const mask = hatchMask(size, 2.6);

  it('is a "/" stripe: opaque along x + y = size, clear halfway between stripes', () => {
    for (let x = 0; x < size; x++)
      expect(alphaAt(mask, size, x, size - 1 - x)).toBeGreaterThan(200);
    // On the other diagonal, a quarter and three quarters of the way, lie the gaps.
    expect(alphaAt(mask, size, size / 4, size / 4)).toBe(0);
    expect(alphaAt(mask, size, (3 * size) / 4, (3 * size) / 4)).toBe(0);
  });

  it('tiles without a seam: moving one texel along a stripe never changes it, across the edges too', () => {
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        expect(alphaAt(mask, size, x + 1, y - 1)).toBe(alphaAt(mask, size, x, y));
      }
    }
  });

  it('covers about stripe width ÷ spacing of the tile, and is white so only alpha counts', () => {
    let alpha = 0;
    for (let i = 0; i < size * size; i++) {
      alpha += mask[i * 4 + 3];
      expect([mask[i * 4], mask[i * 4 + 1], mask[i * 4 + 2]]).toEqual([255, 255, 255]);
    }
    const spacing = size / Math.SQRT2;
    expect(alpha / 255 / (size * size)).toBeCloseTo(2.6 / spacing, 1);
  });
});

describe('no-data atlas', () => {
  it('is one tile, named in the mapping, drawn at the hatch’s size in CSS pixels', () => {
    const atlas = noDataHatchAtlas();
    expect(atlas.data.length).toBe(atlas.width * atlas.height * 4);
    expect(atlas.mapping[HATCH_PATTERN]).toEqual({
      x: 0,
      y: 0,
      width: atlas.width,
      height: atlas.height,
    });
    expect(atlas.width * atlas.scale).toBe(NO_DATA_HATCH.tilePx);
  });
});

describe('legend and export swatches', () => {
  it('use the map’s stripe spacing and width', () => {
    const css = hatchCss();
    expect(css).toMatch(
      /^repeating-linear-gradient\(135deg, rgba\(100, 100, 100, 0\.45\) 0 1\.1px/,
    );
    expect(css).toContain(`${(NO_DATA_HATCH.tilePx / Math.SQRT2).toFixed(3)}px)`);
    const svg = hatchSwatchSvg('#d9d9d9');
    expect(svg).toContain('fill="#d9d9d9"');
    expect(svg).toContain(`width="${(NO_DATA_HATCH.tilePx / Math.SQRT2).toFixed(3)}"`);
    expect(svg).toContain('rotate(-45)');
  });
});

const seFile = new URL('../../public/generated/se.topo.json', import.meta.url);

describe.skipIf(!existsSync(seFile))('which parts are hatched (real Swedish counties)', () => {
  type AreaTopology = Topology & {
    objects: { county: GeometryCollection<{ code: string; name: string }> };
  };
  const topology = JSON.parse(readFileSync(seFile, 'utf8')) as AreaTopology;
  const counties: AreaFeature[] = feature(topology, topology.objects.county).features.map((f) => {
    const area: AreaRef = { country: 'SE', level: 'county', code: f.properties.code, era: 'se' };
    const key = areaKey(area);
    return { ...f, id: key, properties: { key, area, name: f.properties.name } } as AreaFeature;
  });
  const parts = areaParts(counties);
  const stockholm = areaKey({ country: 'SE', level: 'county', code: '01', era: 'se' });
  const varmland = areaKey({ country: 'SE', level: 'county', code: '17', era: 'se' });

  it('hatches every part of an area without a value (Stockholm’s archipelago too), and nothing else', () => {
    const hatched = noDataParts(parts, new Set([stockholm]));
    const stockholmParts = parts.filter((p) => p.feature.properties.key === stockholm);
    expect(stockholmParts.length).toBeGreaterThan(1);
    expect(hatched).toEqual(stockholmParts);
  });

  it('hatches nothing when every area has a value, and everything when none has', () => {
    expect(noDataParts(parts, new Set())).toEqual([]);
    const all = new Set(counties.map((c) => c.properties.key));
    expect(noDataParts(parts, all)).toHaveLength(parts.length);
    expect(noDataParts(parts, new Set([varmland])).map((p) => p.feature.properties.name)).toEqual(
      parts
        .filter((p) => p.feature.properties.key === varmland)
        .map((p) => p.feature.properties.name),
    );
  });
});
