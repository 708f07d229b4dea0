/**
 * The whole view as one plain object, and its URL form. The URL is a serialisation of ViewState;
 * parsing is strict per field: anything malformed falls back to that field's default, so a hostile
 * or truncated link still opens a working map and nothing from it reaches the page as markup.
 */
import * as v from 'valibot';
import { parseAreaKey, areaKey, type AreaRef, type NoEra } from '../domain/areas';
import { isLanguage, type Language } from '../i18n/translate';

export const LAYER_IDS = ['boundaries'] as const;
export type LayerId = (typeof LAYER_IDS)[number];

export type BoundaryLevel = 'county' | 'municipality';

export interface Camera {
  lon: number;
  lat: number;
  zoom: number;
}

export type Selection = { kind: 'area'; area: AreaRef };

export interface ViewState {
  lang: Language;
  camera: Camera;
  /** Active layers, in drawing order. */
  layers: LayerId[];
  level: BoundaryLevel;
  /** Norwegian boundary era shown; Swedish areas are the same in both. */
  era: NoEra;
  selection: Selection | null;
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
    selection: null,
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
  return [...new Set(ids)];
}

function parseSelection(raw: string | null): Selection | null {
  if (!raw?.startsWith('area:')) return null;
  const area = parseAreaKey(raw.slice('area:'.length));
  return area && area.level !== 'country' ? { kind: 'area', area } : null;
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
  return {
    lang: isLanguage(lang) ? lang : fallback.lang,
    camera: parseCamera(param(params, 'c')) ?? fallback.camera,
    layers: parseLayers(param(params, 'layers')) ?? fallback.layers,
    level: level === 'county' || level === 'municipality' ? level : fallback.level,
    era: era === '2020' || era === '2024' ? era : fallback.era,
    selection: parseSelection(param(params, 'sel')) ?? fallback.selection,
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
  if (view.selection) params.set('sel', `area:${areaKey(view.selection.area)}`);
  return `?${params.toString()}`;
}

/** True when two views differ only in camera (such changes replace the history entry). */
export function sameExceptCamera(a: ViewState, b: ViewState): boolean {
  return (
    viewToSearch({ ...a, camera: DEFAULT_CAMERA }) ===
    viewToSearch({ ...b, camera: DEFAULT_CAMERA })
  );
}
