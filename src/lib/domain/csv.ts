/**
 * The one way Gränsatlas writes CSV for download (commuting table, project list, rows with unknown
 * codes), so every file opens the same way in a spreadsheet:
 *
 * - UTF-8 with a byte-order mark: without it Excel guesses a legacy code page and garbles å ä ö ø æ.
 * - Comma-separated, CRLF line ends, a CRLF after the last row too (RFC 4180).
 * - A cell is quoted only when it must be (it holds a comma, quote, line break or a leading or
 *   trailing space), quotes doubled. Also when it holds a semicolon: Swedish and Norwegian
 *   spreadsheet settings use ";" as list separator and some programs guess it.
 * - Text a spreadsheet would run as a formula (= + - @ tab CR first) gets a leading apostrophe and
 *   quotes. Numbers are never touched: -120 stays a number.
 * - Numbers plain: dot decimals, no grouping, no unit. Blank (null, NaN) stays an empty cell, never 0.
 *
 * Papaparse's `unparse` does the quoting and the formula guard; this module only fixes the policy.
 */
import Papa from 'papaparse';

/** What a cell may hold. */
export type CsvValue = string | number | null | undefined;

/** The byte-order mark that lets spreadsheet programs read the file as UTF-8. */
export const CSV_BOM = '\uFEFF';

/** Media type for a Blob of `toCsv` output. */
export const CSV_MIME = 'text/csv;charset=utf-8';

const CRLF = '\r\n';

/**
 * Papaparse's own `escapeFormulae: true` pattern ends in `.*$` without the s flag, so "=1+1\nx"
 * slips through; only the first character matters.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A non-finite number has no plain spelling ("NaN", "Infinity" are not data): blank. */
const plain = (value: CsvValue): string | number | null =>
  value === undefined || (typeof value === 'number' && !Number.isFinite(value)) ? null : value;

/**
 * A whole CSV file: a BOM, then one line per row (the first row is the header), CRLF after each.
 * Rows are written as given; a short row is not padded.
 */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  if (rows.length === 0) return CSV_BOM;
  const body = Papa.unparse(
    rows.map((row) => row.map(plain)),
    {
      newline: CRLF,
      escapeFormulae: FORMULA_START,
      quotes: (value: unknown) => typeof value === 'string' && value.includes(';'),
    },
  );
  return CSV_BOM + body + CRLF;
}
