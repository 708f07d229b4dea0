/**
 * The flow table every flow layer shows (commuting, a user's flow files): rows, columns, sorting and
 * the CSV of exactly what is shown. Pure; the component is FlowTableView.svelte.
 */
import type { MeasureKey } from '../../domain/commuting';
import { toCsv } from '../../domain/csv';

export type ColumnKey =
  'origin' | 'destination' | 'measure' | 'persons' | 'before' | 'after' | 'change';

export interface TableRow {
  originKey: string;
  destinationKey: string;
  origin: string;
  destination: string;
  /** Measure key (the table shows its translated name); null for a user's file. */
  measure: MeasureKey | null;
  persons: number | null;
  before: number | null;
  after: number | null;
  change: number | null;
}

export const NUMERIC: ReadonlySet<ColumnKey> = new Set(['persons', 'before', 'after', 'change']);

export type SortDirection = 'ascending' | 'descending';

/** Sorted copy; numbers numerically (missing last), text by the language's collation. */
export function sortRows(
  rows: readonly TableRow[],
  column: ColumnKey,
  direction: SortDirection,
  locale: string,
): TableRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const collator = new Intl.Collator(locale);
  return [...rows].sort((a, b) => {
    const x = a[column];
    const y = b[column];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const c =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : collator.compare(String(x), String(y));
    return sign * c;
  });
}

/**
 * The table as CSV (the shared policy in domain/csv: BOM, CRLF, plain numbers, no formulas): a
 * header row, then one line per row in the order shown.
 */
export function tableCsv(
  columns: readonly ColumnKey[],
  header: Record<ColumnKey, string>,
  rows: readonly TableRow[],
  measureLabel: (key: MeasureKey | null) => string = (k) => k ?? '',
): string {
  return toCsv([
    columns.map((c) => header[c]),
    ...rows.map((row) =>
      columns.map((c) => (c === 'measure' ? measureLabel(row.measure) : row[c])),
    ),
  ]);
}
