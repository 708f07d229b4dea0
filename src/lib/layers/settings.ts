/** Every layer's settings codec; ViewState.settings has one entry per layer here. */
import { commutingSettings } from './commuting/settings';
import { projectsSettings } from './projects/settings';
import { tradeSettings } from './trade/settings';
import { indicatorSettings } from './indicator/settings';
import { importedSettings } from './imported/settings';
import type { SettingsCodec } from './settingsCodec';

export const LAYER_SETTINGS = {
  commuting: commutingSettings,
  projects: projectsSettings,
  trade: tradeSettings,
  indicator: indicatorSettings,
  imported: importedSettings,
};

export type LayerSettings = {
  [K in keyof typeof LAYER_SETTINGS]: (typeof LAYER_SETTINGS)[K] extends SettingsCodec<infer S>
    ? S
    : never;
};

export function defaultLayerSettings(): LayerSettings {
  return structuredClone(
    Object.fromEntries(Object.entries(LAYER_SETTINGS).map(([id, c]) => [id, c.defaults])),
  ) as LayerSettings;
}

export function readLayerSettings(params: URLSearchParams, fallback: LayerSettings): LayerSettings {
  const out: Record<string, unknown> = {};
  for (const [id, codec] of Object.entries(LAYER_SETTINGS)) {
    out[id] = (codec as SettingsCodec<unknown>).read(params, fallback[id as keyof LayerSettings]);
  }
  return out as LayerSettings;
}

export function writeLayerSettings(settings: LayerSettings, params: URLSearchParams): void {
  for (const [id, codec] of Object.entries(LAYER_SETTINGS)) {
    (codec as SettingsCodec<unknown>).write(settings[id as keyof LayerSettings], params);
  }
}
