/** Numbers with their published unit, flags and qualifiers in the view's language. */
import type { MessageKey } from '../../i18n/translate';
import type { DataFlag, Quantity, UnitKey } from '../../domain/units';
import type { FigureChange } from '../../domain/yearChange';
import { fmt, t } from '../../state/i18n.svelte';

/** A unit's name; 'percentage_points' is the unit of a change between two percentages. */
export function unitName(unit: UnitKey | 'percentage_points'): string {
  return t(`trade.unit.${unit}` as MessageKey);
}

/** Significant digits that keep small and large published values as they were written. */
export function formatValue(value: number): string {
  const abs = Math.abs(value);
  return fmt(value, { maximumFractionDigits: abs >= 100 ? 0 : abs >= 10 ? 1 : 2 });
}

/** A change with its sign ("+12", "−3,5"); zero has none. Same digits as formatValue. */
export function formatChange(value: number): string {
  const abs = Math.abs(value);
  return fmt(value, {
    maximumFractionDigits: abs >= 100 ? 0 : abs >= 10 ? 1 : 2,
    signDisplay: 'exceptZero',
  });
}

/** A relative change in percent, signed, in the language's percent style ("+19,1 %"). */
export function formatPercentChange(percent: number): string {
  return fmt(percent / 100, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
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

/**
 * "2010: 13 949 USD million, 2020: 16 618 USD million, change +2 669 USD million (+19.1 %)".
 * A missing year reads "no figure published" and makes the change "no data", never a change from 0.
 */
export function formatFigureChange(c: FigureChange): string {
  const side = (f: FigureChange['before']) =>
    `${f.year}: ${f.quantity.value === null ? t('trade.flow.noValue') : formatQuantity(f.quantity)}`;
  let change: string;
  if (c.reason === 'missing' || c.change.value === null) {
    change = t(
      c.reason === 'not-comparable' ? 'trade.compare.notComparable' : 'trade.compare.noData',
    );
  } else {
    const percent = c.percent === null ? '' : ` (${formatPercentChange(c.percent)})`;
    change = t('trade.compare.change', {
      change: `${formatChange(c.change.value)} ${unitName(c.change.unit)}${percent}`,
    });
  }
  return `${side(c.before)}, ${side(c.after)}, ${change}`;
}
