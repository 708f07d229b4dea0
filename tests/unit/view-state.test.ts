import { describe, expect, it } from 'vitest';
import {
  defaultView,
  sameExceptCamera,
  viewFromSearch,
  viewToSearch,
  type ViewState,
} from '../../src/lib/state/viewState';

const fallback = defaultView('sv');

describe('URL state', () => {
  it('round-trips a full view', () => {
    const view: ViewState = {
      lang: 'nb',
      camera: { lon: 11.3871, lat: 59.1234, zoom: 7.25 },
      layers: ['boundaries', 'commuting'],
      level: 'county',
      era: '2020',
      year: 2017,
      compareYear: 2022,
      selection: {
        kind: 'area',
        area: { country: 'NO', level: 'county', code: '30', era: '2020' },
      },
      settings: defaultView('en').settings,
    };
    const search = viewToSearch(view);
    expect(viewFromSearch(search, fallback)).toEqual(view);
  });

  it('round-trips a view with no layers and no selection', () => {
    const view: ViewState = { ...fallback, layers: [], lang: 'en' };
    expect(viewFromSearch(viewToSearch(view), defaultView('sv'))).toEqual(view);
  });

  it('gives the fallback for an empty URL', () => {
    expect(viewFromSearch('', fallback)).toEqual(fallback);
  });

  it.each([
    ['script in a value', '?lang=<script>alert(1)</script>&level=<img src=x onerror=alert(1)>'],
    ['javascript URL', '?sel=javascript:alert(1)&c=javascript:alert(1)'],
    ['out-of-range camera', '?c=999,-999,80'],
    ['NaN camera', '?c=NaN,Infinity,1'],
    ['exponent camera', '?c=1e3,5,5'],
    ['unknown layer', '?layers=evil,__proto__'],
    ['bad area code', '?sel=area:NO-municipality-30011-2020'],
    ['era mismatch', '?sel=area:SE-municipality-1780-2024'],
    ['country-level selection', '?sel=area:SE-country-SE-se'],
    ['prototype pollution', '?__proto__[lang]=en&constructor=x'],
    ['huge value', `?lang=${'sv'.repeat(5000)}`],
    ['broken encoding', '?lang=%E0%A4%A&c=%'],
  ])('falls back field by field for %s', (_name, search) => {
    const view = viewFromSearch(search, fallback);
    expect(view.lang).toBe(fallback.lang);
    expect(view.camera).toEqual(fallback.camera);
    expect(view.selection).toBeNull();
    expect(view.level).toBe(fallback.level);
    expect(['2020', '2024']).toContain(view.era);
    expect(view.layers).toEqual(fallback.layers);
    expect(({} as Record<string, unknown>).lang).toBeUndefined();
  });

  it('keeps the valid fields of a partly broken URL', () => {
    const view = viewFromSearch(
      '?lang=en&c=bogus&era=1999&sel=area:SE-municipality-1780-se',
      fallback,
    );
    expect(view.lang).toBe('en');
    expect(view.camera).toEqual(fallback.camera);
    expect(view.era).toBe(fallback.era);
    expect(view.selection).toEqual({
      kind: 'area',
      area: { country: 'SE', level: 'municipality', code: '1780', era: 'se' },
    });
  });

  it.each([
    { kind: 'project', id: 'se-no-2014-012' },
    { kind: 'crossing', id: 'svinesund-e6' },
    {
      kind: 'flow',
      layer: 'commuting',
      origin: 'SE-municipality-1730-se',
      destination: 'NO-municipality-3416-2024',
    },
  ] as const)('round-trips a $kind selection', (selection) => {
    const view: ViewState = { ...fallback, selection };
    expect(viewFromSearch(viewToSearch(view), fallback).selection).toEqual(selection);
  });

  it.each([
    '?sel=project:<b>x</b>',
    '?sel=project:../../etc',
    '?sel=commuting-flow:SE-municipality-1730-se',
    '?sel=commuting-flow:SE-municipality-1730-se>NO-county-99x-2024',
    '?sel=commuting-flow:a>b>c',
    '?sel=unknown:thing',
    '?y=1200&cy=abc',
    '?y=20222',
  ])('rejects the malformed selection or year in %s', (search) => {
    const view = viewFromSearch(search, fallback);
    expect(view.selection).toBeNull();
    expect(view.year).toBe(fallback.year);
    expect(view.compareYear).toBeNull();
  });

  it('drops duplicate layers', () => {
    expect(viewFromSearch('?layers=boundaries,boundaries', fallback).layers).toEqual([
      'boundaries',
    ]);
  });

  it('tells camera-only changes apart from the rest', () => {
    const moved = { ...fallback, camera: { lon: 5, lat: 60, zoom: 4 } };
    expect(sameExceptCamera(fallback, moved)).toBe(true);
    expect(sameExceptCamera(fallback, { ...fallback, era: '2020' })).toBe(false);
  });
});
