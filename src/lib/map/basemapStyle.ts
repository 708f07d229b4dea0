/**
 * The default basemap: a MapLibre style that needs nothing from the network. Sources start empty and
 * are filled with data from public/generated/ once it is loaded (MapLibre then redraws).
 * Calm colours so data layers carry the colour: light land, pale water, thin grey borders, the
 * national border a little stronger.
 */
import type { StyleSpecification } from 'maplibre-gl';

export const BASEMAP_COLOURS = {
  sea: '#d6e4ee',
  land: '#f6f4ef',
  landOther: '#ebe9e4',
  lake: '#d6e4ee',
  lakeOutline: '#b9cddb',
  municipalityBorder: '#c4c2bd',
  countyBorder: '#8f8d88',
  nationalBorder: '#4a4a48',
} as const;

/** Areas of the boundaries layer: hover tint and the selected area's outline. */
export const AREA_COLOURS = {
  hover: 'rgb(40 90 160 / 0.24)',
  selectedFill: 'rgb(40 90 160 / 0.16)',
  selectedLine: 'rgb(20 50 110)',
} as const;

/** GeoJSON sources of the basemap, filled at run time. */
export const BASEMAP_SOURCES = [
  'countries',
  'lakes',
  'national-borders',
  'county-borders',
  'municipality-borders',
  'areas',
  'selected-area',
] as const;

/** Map layers of the boundaries layer (shown or hidden with it). */
export const AREA_LAYER_IDS = ['areas-fill', 'selected-area-fill', 'selected-area-line'] as const;
export type BasemapSource = (typeof BASEMAP_SOURCES)[number];

const emptyCollection = { type: 'FeatureCollection' as const, features: [] };

export function basemapStyle(attribution: string): StyleSpecification {
  const sources: StyleSpecification['sources'] = {};
  for (const id of BASEMAP_SOURCES) {
    sources[id] = {
      type: 'geojson',
      data: emptyCollection,
      // One attribution string for the whole basemap; MapLibre shows each distinct string once.
      attribution,
      // Areas are addressed by their area key (hover state, selection).
      ...(id === 'areas' ? { promoteId: 'key' } : {}),
    };
  }
  return {
    version: 8,
    name: 'Gränsatlas local basemap',
    sources,
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': BASEMAP_COLOURS.sea } },
      {
        id: 'land',
        type: 'fill',
        source: 'countries',
        paint: {
          'fill-color': [
            'match',
            ['get', 'iso'],
            ['SE', 'NO'],
            BASEMAP_COLOURS.land,
            BASEMAP_COLOURS.landOther,
          ],
        },
      },
      { id: 'lakes', type: 'fill', source: 'lakes', paint: { 'fill-color': BASEMAP_COLOURS.lake } },
      {
        id: 'lake-outlines',
        type: 'line',
        source: 'lakes',
        paint: { 'line-color': BASEMAP_COLOURS.lakeOutline, 'line-width': 0.5 },
      },
      {
        // Invisible but hoverable and clickable; tinted while hovered.
        id: 'areas-fill',
        type: 'fill',
        source: 'areas',
        paint: {
          'fill-color': AREA_COLOURS.hover,
          'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 1, 0],
        },
      },
      {
        id: 'selected-area-fill',
        type: 'fill',
        source: 'selected-area',
        paint: { 'fill-color': AREA_COLOURS.selectedFill },
      },
      {
        id: 'municipality-borders',
        type: 'line',
        source: 'municipality-borders',
        paint: {
          'line-color': BASEMAP_COLOURS.municipalityBorder,
          'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.3, 8, 0.8],
          'line-opacity': ['interpolate', ['linear'], ['zoom'], 4, 0.4, 6, 1],
        },
      },
      {
        id: 'county-borders',
        type: 'line',
        source: 'county-borders',
        paint: {
          'line-color': BASEMAP_COLOURS.countyBorder,
          'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.7, 8, 1.4],
        },
      },
      {
        id: 'national-borders',
        type: 'line',
        source: 'national-borders',
        paint: {
          'line-color': BASEMAP_COLOURS.nationalBorder,
          'line-width': ['interpolate', ['linear'], ['zoom'], 4, 1.2, 8, 2.4],
        },
      },
      {
        id: 'selected-area-line',
        type: 'line',
        source: 'selected-area',
        paint: { 'line-color': AREA_COLOURS.selectedLine, 'line-width': 3 },
      },
    ],
  };
}
