import type { PickingInfo } from '@deck.gl/core';
import type { LayerModule } from '../types';
import { view } from '../../state/view.svelte';
import { areas } from '../../state/areas.svelte';
import { t, fmt } from '../../state/i18n.svelte';
import { activateCommuting, areaName, commuting } from '../../state/commuting.svelte';
import { areaKey, type AreaRef } from '../../domain/areas';
import {
  areaPosition,
  DECLINE_COLOURS,
  differencePairs,
  FLOW_COLOURS,
  flowmapData,
  flowmapLayer,
  flowPairs,
  GROWTH_COLOURS,
  pickLayers,
} from './flowLayers';
import type { FlowLocation } from '../flows/flowmapData';
import { flowSelection, locationSelection } from './model';
import CommutingControls from './CommutingControls.svelte';
import CommutingLegend from './CommutingLegend.svelte';
import FlowDetails from './FlowDetails.svelte';
import CommutingAreaSection from './CommutingAreaSection.svelte';

function locate(area: AreaRef): FlowLocation | null {
  const key = areaKey(area);
  const p = areaPosition(area, areas.byKey.get(key));
  return p ? { id: key, name: areaName(area), lon: p[0], lat: p[1] } : null;
}

let everActive = false;

function selectedAreaKey(): string | null {
  const s = view.selection;
  if (s?.kind === 'area') return areaKey(s.area);
  return null;
}

interface FlowObject {
  type: 'flow';
  origin: { id?: unknown; name?: string };
  dest: { id?: unknown; name?: string };
  count: number;
}
interface LocationObject {
  type: 'location';
  id: unknown;
  name: string;
  totals: { incomingCount: number; outgoingCount: number };
}
type Picked = FlowObject | LocationObject;

const reducedMotion = () =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

export const commutingLayer: LayerModule = {
  id: 'commuting',
  Controls: CommutingControls,
  Legend: CommutingLegend,
  Details: FlowDetails,
  AreaSection: CommutingAreaSection,
  owns: (selection) => selection.kind === 'flow' && selection.layer === 'commuting',
  activate: activateCommuting,
  years: () => commuting.years,
  deckLayers: (active) => {
    if (active) {
      everActive = true;
      activateCommuting();
    }
    if (!everActive) return [];
    const s = commuting.settings;
    const common = {
      visible: active,
      topN: s.topN,
      animate: s.animate && !reducedMotion(),
      selected: selectedAreaKey(),
    };
    const compare = commuting.compare;
    if (compare) {
      const growth = flowmapData(differencePairs(compare.differences, 1), locate);
      const decline = flowmapData(differencePairs(compare.differences, -1), locate);
      const max = Math.max(1, ...[...growth.flows, ...decline.flows].map((f) => f.count));
      return [
        flowmapLayer({
          ...common,
          id: 'commuting-decline',
          data: decline,
          colours: DECLINE_COLOURS,
          maxMagnitude: max,
        }),
        flowmapLayer({
          ...common,
          id: 'commuting-growth',
          data: growth,
          colours: GROWTH_COLOURS,
          maxMagnitude: max,
        }),
        ...pickLayers('commuting-decline', decline, active, common.selected),
        ...pickLayers('commuting-growth', growth, active, common.selected),
      ];
    }
    const data = flowmapData(flowPairs(commuting.current.flows), locate);
    return [
      flowmapLayer({ ...common, id: 'commuting-flows', data, colours: FLOW_COLOURS }),
      ...pickLayers('commuting-flows', data, active, common.selected),
    ];
  },
  select: (info: PickingInfo) => {
    const o = info.object as Picked | undefined;
    if (!o) return null;
    if (o.type === 'flow') return flowSelection(o.origin.id, o.dest.id);
    return locationSelection(o.id);
  },
  tooltip: (info: PickingInfo) => {
    const o = info.object as Picked | undefined;
    if (!o) return null;
    if (o.type === 'location') {
      return `${o.name}\n${t('commuting.in')}: ${fmt(o.totals.incomingCount)} · ${t('commuting.out')}: ${fmt(o.totals.outgoingCount)}`;
    }
    const head = `${o.origin.name ?? ''} → ${o.dest.name ?? ''}`;
    const compare = commuting.compare;
    if (compare) {
      const grew = info.layer?.id.startsWith('commuting-growth');
      return `${head}\n${t(grew ? 'commuting.growth' : 'commuting.decline')}: ${fmt(o.count)} · ${compare.from}–${compare.to}`;
    }
    const measure = commuting.current.flows.find(
      (f) => areaKey(f.origin) === o.origin.id && areaKey(f.destination) === o.dest.id,
    )?.measure.key;
    return [
      head,
      t('commuting.personsValue', { value: fmt(o.count) }) + ` · ${view.year}`,
      measure ? t(`commuting.measure.${measure}`) : '',
      t('commuting.clickForSource'),
    ]
      .filter(Boolean)
      .join('\n');
  },
};
