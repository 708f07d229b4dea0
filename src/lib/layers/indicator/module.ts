import type { PickingInfo } from '@deck.gl/core';
import type { LayerModule } from '../types';
import type { AreaPart } from '../boundaries/areaLayers';
import { t } from '../../state/i18n.svelte';
import { indicatorModel, startIndicatorLayer } from './model.svelte';
import { choroplethLayers } from './choroplethLayer';
import { formatChange, formatValue, unitName } from '../trade/format';
import type { AreaChange, IndicatorChange } from '../../domain/indicatorChange';
import IndicatorControls from './IndicatorControls.svelte';
import IndicatorLegend from './IndicatorLegend.svelte';
import IndicatorAreaSection from './IndicatorAreaSection.svelte';

/** "Strömstad: +12 projects (2008 → 2014)", then both years' values. */
function changeTooltip(name: string, change: IndicatorChange, area: AreaChange): string {
  const { from, to } = change.span;
  const unit = indicatorModel.indicator ? unitName(indicatorModel.indicator.unit) : '';
  const year = (y: number, v: number | null) =>
    `${y}: ${v === null ? t('indicator.tooltip.noData') : `${formatValue(v)} ${unit}`}`;
  const head =
    area.change === null
      ? t('indicator.tooltip.changeNoData', { name, from, to })
      : `${name}: ${formatChange(area.change)} ${unitName(change.unit)} (${from} → ${to})`;
  return `${head}\n${year(from, area.before)} · ${year(to, area.after)}`;
}

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
      noDataKeys: indicatorModel.noDataKeys,
      visible: active,
    }),
  // Clicking an area selects it, as on the plain map; the details then show its sections.
  select: (info: PickingInfo<AreaPart>) =>
    info.object ? { kind: 'area', area: info.object.feature.properties.area } : null,
  tooltip: (info: PickingInfo<AreaPart>) => {
    if (!info.object || !indicatorModel.indicator) return null;
    const { name, key } = info.object.feature.properties;
    const change = indicatorModel.change;
    const areaChange = indicatorModel.areaChange(key);
    if (change && areaChange) return changeTooltip(name, change, areaChange);
    const value = indicatorModel.value(key);
    return value === null
      ? `${name}\n${t('indicator.tooltip.noData')}`
      : `${name}\n${formatValue(value)} ${unitName(indicatorModel.indicator.unit)}`;
  },
  years: () => indicatorModel.years,
};
