import type { PickingInfo } from '@deck.gl/core';
import type { LayerModule } from '../types';
import type { AreaPart } from '../boundaries/areaLayers';
import { t } from '../../state/i18n.svelte';
import { indicatorModel, startIndicatorLayer } from './model.svelte';
import { choroplethLayers } from './choroplethLayer';
import { formatValue, unitName } from '../trade/format';
import IndicatorControls from './IndicatorControls.svelte';
import IndicatorLegend from './IndicatorLegend.svelte';
import IndicatorAreaSection from './IndicatorAreaSection.svelte';

/** Any area-level figure as a choropleth (see state/indicators.svelte.ts for the registry). */
export const indicatorLayer: LayerModule = {
  id: 'indicator',
  Controls: IndicatorControls,
  Legend: IndicatorLegend,
  AreaSection: IndicatorAreaSection,
  activate: startIndicatorLayer,
  deckLayers: (active) =>
    choroplethLayers({
      features: indicatorModel.features,
      fills: indicatorModel.fills,
      fillsSignature: indicatorModel.fillsSignature,
      visible: active,
    }),
  // Clicking an area selects it, as on the plain map; the details then show its sections.
  select: (info: PickingInfo<AreaPart>) =>
    info.object ? { kind: 'area', area: info.object.feature.properties.area } : null,
  tooltip: (info: PickingInfo<AreaPart>) => {
    if (!info.object || !indicatorModel.indicator) return null;
    const { name, key } = info.object.feature.properties;
    const value = indicatorModel.value(key);
    return value === null
      ? `${name}\n${t('indicator.tooltip.noData')}`
      : `${name}\n${formatValue(value)} ${unitName(indicatorModel.indicator.unit)}`;
  },
  years: () => indicatorModel.years,
};
