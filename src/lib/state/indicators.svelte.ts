/**
 * Area indicators offered by the indicator (choropleth) layer. Any layer or dataset with a value per
 * area code and year registers one here (project counts and EU funding per municipality, ownership
 * per county, an imported file…); the indicator layer draws the one chosen in its settings.
 */
import type { Indicator } from '../domain/classification';

class IndicatorRegistry {
  list = $state.raw<Indicator[]>([]);
}

export const indicators = new IndicatorRegistry();

/** Add or replace (same id) an indicator. */
export function registerIndicator(indicator: Indicator): void {
  indicators.list = [...indicators.list.filter((i) => i.id !== indicator.id), indicator];
}

export function removeIndicator(id: string): void {
  indicators.list = indicators.list.filter((i) => i.id !== id);
}
