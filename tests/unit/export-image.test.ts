import { describe, expect, it } from 'vitest';
import {
  EXPORT_FRAME,
  exportLayout,
  metresPerPixel,
  scaleBar,
} from '../../src/lib/domain/exportImage';

describe('scale bar', () => {
  it('gives Web Mercator ground resolution', () => {
    // 512 px tiles: zoom 0 at the equator is 40 075 km / 512 px.
    expect(metresPerPixel(0, 0)).toBeCloseTo(78_271.517, 2);
    // Halves with each zoom step, shrinks with cos(latitude): at 60° it is half the equator's.
    expect(metresPerPixel(5, 60)).toBeCloseTo(78_271.517 / 32 / 2, 2);
  });

  it('picks a round length that fits', () => {
    // Default view (zoom 5.3, 60.6°N): ~1 190 m/px, so 120 px is ~143 km -> 100 km.
    const bar = scaleBar(5.3, 60.6, 120);
    expect(bar.metres).toBe(100_000);
    expect(bar.label).toBe('100 km');
    expect(bar.pixels).toBeGreaterThan(60);
    expect(bar.pixels).toBeLessThanOrEqual(120);
    // Zoom 12 at 59.4°N: ~9.7 m/px, 120 px ~1 170 m -> 1 km; zoom 12.5: ~6.9 m/px -> 500 m.
    expect(scaleBar(12, 59.4, 120).label).toBe('1 km');
    expect(scaleBar(12.5, 59.4, 120).label).toBe('500 m');
    for (const zoom of [3, 4.5, 6, 7.7, 9, 11]) {
      const b = scaleBar(zoom, 60, 100);
      expect(String(b.metres)).toMatch(/^[125]0*$/);
      expect(b.pixels).toBeLessThanOrEqual(100);
      expect(b.pixels).toBeGreaterThan(100 / 2.5 - 1e-9);
    }
  });
});

describe('export layout', () => {
  it('scales the map and the frame by the pixel ratio', () => {
    const one = exportLayout(1280, 800, 1);
    expect(one.width).toBe(1280);
    expect(one.height).toBe(800 + EXPORT_FRAME.title + EXPORT_FRAME.footer);
    const two = exportLayout(1280, 800, 2);
    expect(two.width).toBe(2560);
    expect(two.height).toBe(2 * one.height);
    expect(two.map).toEqual({ x: 0, y: 2 * EXPORT_FRAME.title, width: 2560, height: 1600 });
  });
});
