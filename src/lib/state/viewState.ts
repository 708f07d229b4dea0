/**
 * The whole view as one plain object, and its URL form. The URL is a serialisation of ViewState;
 * parsing is strict per field: anything malformed falls back to that field's default, so a hostile
 * or truncated link still opens a working map and nothing from it reaches the page as markup.
 */
import * as v from 'valibot';
import { parseAreaKey, areaKey, type AreaRef, type NoEra } from '../domain/areas';
import { isLanguage, type Language } from '../i18n/translate';
import {
  defaultLayerSettings,
  readLayerSettings,
  writeLayerSettings,
  type LayerSettings,
} from '../layers/settings';
import { readInteger } from '../layers/settingsCodec';

/** Layers in drawing order (later ones on top). */
export const LAYER_IDS = [
  'boundaries',
  'indicator',
  'commuting',
  'trade',
  'projects',
  'imported',
] as const;
export type LayerId = (typeof LAYER_IDS)[number];

export type BoundaryLevel = 'county' | 'municipality';

export interface Camera {
  lon: number;
  lat: number;
  zoom: number;
}

/** What the details panel shows. Exactly one thing is selected at a time. */
export type Selection =
  | { kind: 'area'; area: AreaRef }
  /** A flow between two areas (area keys), e.g. commuting from Eda to Eidskog. */
  | { kind: 'flow'; layer: 'commuting' | 'trade'; origin: string; destination: string }
  | { kind: 'project'; id: string }
  | { kind: 'crossing'; id: string };

/** Range of years any layer can show (trade goes back to 1960). */
export const YEAR_RANGE = { min: 1960, max: 2030 } as const;
export const DEFAULT_YEAR = 2022;

export interface ViewState {
  lang: Language;
  camera: Camera;
  /** Active layers, in drawing order. */
  layers: LayerId[];
  level: BoundaryLevel;
  /** Norwegian boundary era shown; Swedish areas are the same in both. */
  era: NoEra;
  /** The year of the shared time control. */
  year: number;
  /** "Compare with year…"; null when not comparing. */
  compareYear: number | null;
  selection: Selection | null;
  /** Each layer's own settings (filters, modes), keyed by layer id. */
  settings: LayerSettings;
  /** Chromeless view for an iframe (`embed=1`): map, legend and attribution only. Absent = false. */
  embed?: boolean;
}

/** Värmland, Østfold, Innlandet and Oslo in view, with Trøndelag/Jämtland to the north. */
export const DEFAULT_CAMERA: Camera = { lon: 12.4, lat: 60.6, zoom: 5.3 };

export function defaultView(lang: Language): ViewState {
  return {
    lang,
    camera: { ...DEFAULT_CAMERA },
    layers: ['boundaries'],
    level: 'municipality',
    era: '2024',
    year: DEFAULT_YEAR,
    compareYear: null,
    selection: null,
    settings: defaultLayerSettings(),
  };
}

const CameraSchema = v.object({
  lon: v.pipe(v.number(), v.finite(), v.minValue(-180), v.maxValue(180)),
  lat: v.pipe(v.number(), v.finite(), v.minValue(-85), v.maxValue(85)),
  zoom: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(22)),
});

const MAX_PARAM_LENGTH = 200;

function param(params: URLSearchParams, name: string): string | null {
  const value = params.get(name);
  return value !== null && value.length <= MAX_PARAM_LENGTH ? value : null;
}

function parseCamera(raw: string | null): Camera | null {
  if (!raw) return null;
  const parts = raw.split(',');
  if (parts.length !== 3 || parts.some((p) => !/^-?\d+(\.\d+)?$/.test(p))) return null;
  const [lon, lat, zoom] = parts.map(Number);
  const result = v.safeParse(CameraSchema, { lon, lat, zoom });
  return result.success ? result.output : null;
}

function parseLayers(raw: string | null): LayerId[] | null {
  if (raw === null) return null;
  if (raw === '') return [];
  const ids = raw
    .split(',')
    .filter((id): id is LayerId => (LAYER_IDS as readonly string[]).includes(id));
  // A list naming no layer we know is a broken link, not a request for an empty map.
  return ids.length > 0 ? [...new Set(ids)] : null;
}

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,80}$/;

function parseSelection(raw: string | null): Selection | null {
  if (!raw) return null;
  const colon = raw.indexOf(':');
  const kind = raw.slice(0, colon);
  const rest = raw.slice(colon + 1);
  if (kind === 'area') {
    const area = parseAreaKey(rest);
    return area && area.level !== 'country' ? { kind: 'area', area } : null;
  }
  if (kind === 'project' || kind === 'crossing') {
    return ID_PATTERN.test(rest) ? { kind, id: rest } : null;
  }
  if (kind === 'commuting-flow' || kind === 'trade-flow') {
    const [origin, destination, extra] = rest.split('>');
    if (extra !== undefined || !origin || !destination) return null;
    if (!parseAreaKey(origin) || !parseAreaKey(destination)) return null;
    return {
      kind: 'flow',
      layer: kind === 'commuting-flow' ? 'commuting' : 'trade',
      origin,
      destination,
    };
  }
  return null;
}

function selectionToParam(selection: Selection): string {
  switch (selection.kind) {
    case 'area':
      return `area:${areaKey(selection.area)}`;
    case 'flow':
      return `${selection.layer}-flow:${selection.origin}>${selection.destination}`;
    case 'project':
    case 'crossing':
      return `${selection.kind}:${selection.id}`;
  }
}

/**
 * The view a URL describes. `fallback` supplies every field the URL lacks or gets wrong (its
 * language is the remembered or browser language).
 */
export function viewFromSearch(search: string, fallback: ViewState): ViewState {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return fallback;
  }
  const lang = param(params, 'lang');
  const level = param(params, 'level');
  const era = param(params, 'era');
  const { min, max } = YEAR_RANGE;
  const compareYear = param(params, 'cy') === null ? null : readInteger(params, 'cy', min, max, -1);
  return {
    lang: isLanguage(lang) ? lang : fallback.lang,
    camera: parseCamera(param(params, 'c')) ?? fallback.camera,
    layers: parseLayers(param(params, 'layers')) ?? fallback.layers,
    level: level === 'county' || level === 'municipality' ? level : fallback.level,
    era: era === '2020' || era === '2024' ? era : fallback.era,
    year: readInteger(params, 'y', min, max, fallback.year),
    compareYear: compareYear === -1 ? fallback.compareYear : compareYear,
    selection: parseSelection(param(params, 'sel')) ?? fallback.selection,
    settings: readLayerSettings(params, fallback.settings),
    // Only the exact flag turns it on; written only when true, so ordinary links never carry it.
    ...(param(params, 'embed') === '1' ? { embed: true } : {}),
  };
}

function round(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

/** The URL query for a view; stable key order so equal views give equal strings. */
export function viewToSearch(view: ViewState): string {
  const params = new URLSearchParams();
  params.set('lang', view.lang);
  params.set(
    'c',
    [round(view.camera.lon, 4), round(view.camera.lat, 4), round(view.camera.zoom, 2)].join(','),
  );
  params.set('layers', view.layers.join(','));
  params.set('level', view.level);
  params.set('era', view.era);
  params.set('y', String(view.year));
  if (view.compareYear !== null) params.set('cy', String(view.compareYear));
  if (view.selection) params.set('sel', selectionToParam(view.selection));
  writeLayerSettings(view.settings, params);
  if (view.embed) params.set('embed', '1');
  return `?${params.toString()}`;
}

/** True when two views differ only in camera (such changes replace the history entry). */
export function sameExceptCamera(a: ViewState, b: ViewState): boolean {
  return (
    viewToSearch({ ...a, camera: DEFAULT_CAMERA }) ===
    viewToSearch({ ...b, camera: DEFAULT_CAMERA })
  );
}
