/** Numbers with their published unit, flags and qualifiers in the view's language. */
import type { MessageKey } from '../../i18n/translate';
import type { DataFlag, Quantity, UnitKey } from '../../domain/units';
import { fmt, t } from '../../state/i18n.svelte';

export function unitName(unit: UnitKey): string {
  return t(`trade.unit.${unit}` as MessageKey);
}

/** Significant digits that keep small and large published values as they were written. */
export function formatValue(value: number): string {
  const abs = Math.abs(value);
  return fmt(value, { maximumFractionDigits: abs >= 100 ? 0 : abs >= 10 ? 1 : 2 });
}

/** "≈ 1 234 USD million": value, unit; "%" is attached as the locale writes it. */
export function formatQuantity(q: Pick<Quantity, 'value' | 'unit' | 'qualifier'>): string {
  if (q.value === null) return '–';
  const qualifier = q.qualifier ? `${t(`trade.qualifier.${q.qualifier}`)} ` : '';
  return `${qualifier}${formatValue(q.value)} ${unitName(q.unit)}`;
}

export function flagNames(flags: readonly DataFlag[]): string {
  return flags.map((f) => t(`trade.flag.${f}`)).join(', ');
}
