import type { LayerModule } from '../types';
import type { AreaFeature } from '../../data/boundaries';
import { areas } from '../../state/areas.svelte';
import { t } from '../../state/i18n.svelte';
import { view } from '../../state/view.svelte';
import { mapActions, type Bounds } from '../../state/mapActions';
import { matchScore } from '../../domain/textSearch';
import bbox from '@turf/bbox';
import BoundaryControls from './BoundaryControls.svelte';
import BoundaryLegend from './BoundaryLegend.svelte';
import AreaDetails from './AreaDetails.svelte';

/** One line per fact, for the map tooltip of a hovered area. */
export function areaTooltip(feature: AreaFeature): string {
  const { name, area } = feature.properties;
  const level = t(`areaLevel.${area.country}.${area.level as 'county' | 'municipality'}`);
  return `${name}\n${level} ${area.code} · ${t(`country.${area.country}`)}`;
}

/**
 * Municipalities and counties: hover to identify, click to select. Drawn by MapLibre as part of the
 * basemap (src/lib/map/basemapStyle.ts), so the first view needs no deck.gl; the map view routes
 * hover and click to areas when no data layer object is under the pointer.
 */
export const boundariesLayer: LayerModule = {
  id: 'boundaries',
  Controls: BoundaryControls,
  Legend: BoundaryLegend,
  Details: AreaDetails,
  owns: (selection) => selection.kind === 'area',
  deckLayers: () => [],
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
};
