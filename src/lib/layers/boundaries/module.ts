import type { PickingInfo } from '@deck.gl/core';
import type { LayerModule } from '../types';
import { areaLayers, type AreaPart } from './areaLayers';
import { areas } from '../../state/areas.svelte';
import { t } from '../../state/i18n.svelte';
import { view } from '../../state/view.svelte';
import { mapActions, type Bounds } from '../../state/mapActions';
import { matchScore } from '../../domain/textSearch';
import bbox from '@turf/bbox';
import BoundaryControls from './BoundaryControls.svelte';
import BoundaryLegend from './BoundaryLegend.svelte';
import AreaDetails from './AreaDetails.svelte';

/** Municipalities and counties: hover to identify, click to select. Always drawn first. */
export const boundariesLayer: LayerModule = {
  id: 'boundaries',
  Controls: BoundaryControls,
  Legend: BoundaryLegend,
  Details: AreaDetails,
  owns: (selection) => selection.kind === 'area',
  deckLayers: (active) =>
    areaLayers({ features: areas.shown, selected: areas.selected, visible: active }),
  select: (info: PickingInfo<AreaPart>) =>
    info.object ? { kind: 'area', area: info.object.feature.properties.area } : null,
  search: (query) =>
    areas.all.flatMap((feature) => {
      const { name, area } = feature.properties;
      const score = Math.max(matchScore(name, query), matchScore(area.code, query));
      if (score === 0) return [];
      const level = t(`areaLevel.${area.country}.${area.level as 'county' | 'municipality'}`);
      return [
        {
          key: feature.properties.key,
          label: name,
          detail: `${level} ${area.code} · ${t(`country.${area.country}`)}`,
          score,
          choose: () => {
            view.selection = { kind: 'area', area };
            mapActions.flyToBounds(bbox(feature) as Bounds);
          },
        },
      ];
    }),
  tooltip: (info: PickingInfo<AreaPart>) => {
    if (!info.object) return null;
    const { name, area } = info.object.feature.properties;
    const level = t(`areaLevel.${area.country}.${area.level as 'county' | 'municipality'}`);
    return `${name}\n${level} ${area.code} · ${t(`country.${area.country}`)}`;
  },
};
