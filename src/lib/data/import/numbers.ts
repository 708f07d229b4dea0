/** Numbers as planners write them: "1234", "1 234", "12.5", "12,5" (in `;`/tab files), "1e3". */
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const SPACES = /[\s\u00a0\u202f]/g;
/** PxWeb/SCB/SSB symbols for "no value": "..", ".", ":", "-", "–". */
const MISSING = /^(\.\.?|:|-|–|\.\.\.|x|NA|N\/A|null)?$/i;

export type ParsedNumber = number | null | undefined;

/** A finite or infinite number, `null` for a missing-value symbol or empty cell, `undefined` if not a number. */
export function parseCellNumber(raw: string, decimalComma: boolean): ParsedNumber {
  // Fast path: plain digits (most cells of a big file).
  const n = raw.length;
  if (n > 0 && n < 16) {
    let v = 0;
    let k = 0;
    for (; k < n; k++) {
      const c = raw.charCodeAt(k) - 48;
      if (c < 0 || c > 9) break;
      v = v * 10 + c;
    }
    if (k === n) return v;
  }
  let s = raw.trim();
  if (MISSING.test(s)) return null;
  if (NUMBER.test(s)) return Number(s);
  s = s.replace(SPACES, '');
  if (decimalComma && /^[-+]?\d*,\d+$/.test(s)) s = s.replace(',', '.');
  if (NUMBER.test(s)) return Number(s);
  return undefined;
}

/** Largest magnitude accepted; beyond it numbers lose integer precision (and are likely a mistake). */
export const MAX_VALUE = Number.MAX_SAFE_INTEGER;

/** "2020", "2020M01", "2020-03-01", "2020K4" → 2020; anything else → null. */
export function parseYear(raw: string): number | null {
  const m = /^\s*(\d{4})(?:$|[-TKQMH ]|\s)/i.exec(raw + ' ');
  if (!m) return null;
  const y = Number(m[1]);
  return y >= 1800 && y <= 2100 ? y : null;
}
