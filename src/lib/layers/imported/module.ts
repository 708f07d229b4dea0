/**
 * "Your data": files the user loads (drop on the map, file picker, web address). Parsing and
 * validation run in a worker (src/lib/data/import); the datasets live in IndexedDB
 * (state/imported.svelte.ts); flow files are filtered in the flow engine worker (model.svelte.ts)
 * with the same controls as commuting. Area values go to the indicator layer as indicators.
 */
import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer, PickingInfo } from '@deck.gl/core';
import { FLOW_COLOURS, flowmapLayer, pickLayers } from '../commuting/flowLayers';
import { locationSelection } from '../commuting/model';
import type { LayerModule } from '../types';
import { fmt } from '../../state/i18n.svelte';
import { view } from '../../state/view.svelte';
import { ensureNorwegianEra } from '../../state/mapData.svelte';
import { imported, restoreImported } from '../../state/imported.svelte';
import { currentQuery, importedModel, startFlowEngine } from './model.svelte';
import { areasOf, type PointDatum } from './drawData';
import ImportedControls from './ImportedControls.svelte';

interface FlowPick {
  type: 'flow' | 'location';
  id?: unknown;
  name?: string;
  origin?: { name?: string };
  dest?: { name?: string };
  count?: number;
}

export const importedLayer: LayerModule = {
  id: 'imported',
  Controls: ImportedControls,
  activate() {
    startFlowEngine();
    void restoreImported().then(() => {
      // Flows and points drawn on Norwegian areas need that era's boundaries, whichever is shown.
      const keys = imported.datasets.flatMap(areasOf);
      if (keys.some((k) => k.endsWith('-2020'))) void ensureNorwegianEra('2020');
      if (keys.some((k) => k.endsWith('-2024'))) void ensureNorwegianEra('2024');
    });
  },
  deckLayers(active) {
    const layers: Layer[] = [];
    const settings = currentQuery();
    const animate =
      view.settings.imported.animate &&
      !(typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches);
    for (const f of importedModel.flows) {
      const id = `imported-flows-${f.dataset.id}`;
      const data = { locations: f.locations, flows: f.flows };
      layers.push(
        flowmapLayer({
          id,
          data,
          visible: active,
          topN: settings.topN,
          animate,
          colours: FLOW_COLOURS,
          selected: settings.selected,
        }),
        ...pickLayers(id, data, active, settings.selected),
      );
    }
    for (const p of importedModel.points)
      layers.push(
        new ScatterplotLayer<PointDatum>({
          id: `imported-points-${p.dataset.id}`,
          data: p.data,
          visible: active,
          pickable: true,
          getPosition: (d) => d.position,
          radiusUnits: 'pixels',
          getRadius: 6,
          getFillColor: [136, 86, 167, 220],
          getLineColor: [255, 255, 255, 255],
          stroked: true,
          lineWidthUnits: 'pixels',
          getLineWidth: 1.5,
        }) as unknown as Layer,
      );
    for (const d of importedModel.areas)
      if (d.payload.kind === 'areas')
        layers.push(
          new GeoJsonLayer({
            id: `imported-areas-${d.id}`,
            data: d.payload.geojson as never,
            visible: active,
            pickable: true,
            filled: true,
            stroked: true,
            getFillColor: [136, 86, 167, 50],
            getLineColor: [110, 1, 107, 220],
            lineWidthUnits: 'pixels',
            getLineWidth: 1.5,
            pointRadiusUnits: 'pixels',
            getPointRadius: 5,
          }) as unknown as Layer,
        );
    return layers;
  },
  select(info: PickingInfo) {
    const o = info.object as FlowPick | undefined;
    if (!o || !info.layer?.id.startsWith('imported-flows-')) return null;
    return o.type === 'location' ? locationSelection(o.id) : null;
  },
  tooltip(info: PickingInfo) {
    const id = info.layer?.id ?? '';
    const o = info.object as unknown;
    if (!o) return null;
    if (id.startsWith('imported-points-')) return (o as PointDatum).text;
    if (id.startsWith('imported-flows-')) {
      const f = o as FlowPick;
      if (f.type === 'location') return f.name ?? null;
      return `${f.origin?.name ?? ''} → ${f.dest?.name ?? ''}: ${fmt(f.count ?? 0)}`;
    }
    if (id.startsWith('imported-areas-')) {
      const props = (o as { properties?: Record<string, unknown> }).properties ?? {};
      return Object.entries(props)
        .slice(0, 12)
        .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
        .join('\n');
    }
    return null;
  },
  years: () => importedModel.years,
};
