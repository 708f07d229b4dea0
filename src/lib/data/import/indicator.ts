/** An imported file of values per area → an indicator of the indicator (choropleth) layer. */
import type { Indicator } from '../../domain/classification';
import type { UnitKey } from '../../domain/units';
import type { ImportedDataset } from './types';

/**
 * The unit says what was counted. A user's column only tells us for shares; otherwise the values
 * are counted as persons (most files planners load are population, jobs or commuters) and the title
 * names the column as written.
 */
export function unitOfColumn(column: string): UnitKey {
  if (/%|andel|procent|prosent|percent|share/i.test(column)) return 'percent';
  return 'persons';
}

export function datasetIndicator(dataset: ImportedDataset, id: string): Indicator | null {
  const payload = dataset.payload;
  if (payload.kind !== 'indicator') return null;
  const byYear = new Map<number, Map<string, number | null>>();
  for (const [year, key, value] of payload.values) {
    let m = byYear.get(year);
    if (!m) byYear.set(year, (m = new Map()));
    m.set(key, value);
  }
  return {
    id,
    title: { text: `${dataset.name} · ${payload.valueColumn}` },
    unit: unitOfColumn(payload.valueColumn),
    source: { label: dataset.name, url: '' },
    valuesByYear: byYear,
  };
}
