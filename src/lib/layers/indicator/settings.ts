/**
 * URL-serialised settings of the indicator layer: which indicator, how it is classified and
 * coloured ("indicator.id=interreg_all_partner_budget&indicator.method=jenks&indicator.classes=4").
 */
import {
  CLASSIFICATION_METHODS,
  DEFAULT_CLASSES,
  DIVERGING_PALETTES,
  MAX_CLASSES,
  MIN_CLASSES,
  SEQUENTIAL_PALETTES,
  type ClassificationMethod,
  type PaletteName,
} from '../../domain/classificationOptions';
import { readChoice, readInteger, readParam, type SettingsCodec } from '../settingsCodec';

export const PALETTES: readonly PaletteName[] = [...SEQUENTIAL_PALETTES, ...DIVERGING_PALETTES];
/** Indicator ids are data-defined ("ownership:SE-owned-in-NO:enterprises"): a safe charset only. */
const INDICATOR_ID = /^[A-Za-z0-9][A-Za-z0-9:_.-]{0,99}$/;
export const MAX_MANUAL_BREAKS = MAX_CLASSES - 1;

export interface IndicatorSettings {
  /** Registry id of the indicator shown; null = the first one available. */
  id: string | null;
  method: ClassificationMethod;
  classes: number;
  palette: PaletteName;
  /** Inner thresholds for manual breaks, ascending. */
  breaks: number[];
}

/** Manual breaks as typed ("10, 50; 100" or "10 50 100"): ascending finite numbers, or null. */
export function parseBreaks(text: string): number[] | null {
  const parts = text
    .trim()
    .split(/[\s;,]+/)
    .filter((p) => p !== '');
  if (parts.length === 0 || parts.length > MAX_MANUAL_BREAKS) return null;
  if (parts.some((p) => !/^-?\d+(\.\d+)?$/.test(p))) return null;
  const values = parts.map(Number);
  if (values.some((v, i) => !Number.isFinite(v) || (i > 0 && v <= values[i - 1]))) return null;
  return values;
}

export const indicatorSettings: SettingsCodec<IndicatorSettings> = {
  defaults: {
    id: null,
    method: 'quantile',
    classes: DEFAULT_CLASSES,
    palette: 'viridis',
    breaks: [],
  },
  read: (params, fallback) => {
    const id = readParam(params, 'indicator.id', 100);
    const breaksRaw = readParam(params, 'indicator.breaks', 200);
    const breaks = breaksRaw === null ? null : parseBreaks(breaksRaw.replace(/_/g, ','));
    return {
      id: id !== null && INDICATOR_ID.test(id) ? id : fallback.id,
      method: readChoice(params, 'indicator.method', CLASSIFICATION_METHODS, fallback.method),
      classes: readInteger(params, 'indicator.classes', MIN_CLASSES, MAX_CLASSES, fallback.classes),
      palette: readChoice(params, 'indicator.palette', PALETTES, fallback.palette),
      breaks: breaks ?? [...fallback.breaks],
    };
  },
  write: (s, params) => {
    const d = indicatorSettings.defaults;
    if (s.id !== null) params.set('indicator.id', s.id);
    if (s.method !== d.method) params.set('indicator.method', s.method);
    if (s.classes !== d.classes) params.set('indicator.classes', String(s.classes));
    if (s.palette !== d.palette) params.set('indicator.palette', s.palette);
    if (s.breaks.length > 0) params.set('indicator.breaks', s.breaks.join('_'));
  },
};
