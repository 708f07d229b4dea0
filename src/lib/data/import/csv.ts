/**
 * A small, fast CSV reader for user files: `;`, `,` or tab delimiters (detected), RFC 4180 quotes
 * (doubled quotes, delimiters and line breaks inside quotes), CRLF or LF. Records are handed to a
 * callback one at a time, so a 100 MB file never exists as an array of rows.
 */

export type Delimiter = ',' | ';' | '\t';
const CANDIDATES: Delimiter[] = [';', ',', '\t'];

/** Counts of each candidate outside quotes, per line, in the first lines of the text. */
export function detectDelimiter(text: string): Delimiter {
  const lines: Record<Delimiter, number>[] = [];
  let counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  const end = Math.min(text.length, 64 * 1024);
  for (let i = 0; i < end && lines.length < 20; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
    else if (!quoted && c === '\n') {
      lines.push(counts);
      counts = { ',': 0, ';': 0, '\t': 0 };
    }
  }
  if (counts[','] + counts[';'] + counts['\t'] > 0) lines.push(counts);
  if (lines.length === 0) return ',';
  // A delimiter that appears the same number of times on every line wins; more columns win ties.
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const d of CANDIDATES) {
    const first = lines[0][d];
    if (first === 0) continue;
    const consistent = lines.filter((l) => l[d] === first).length / lines.length;
    const score = consistent * 1000 + first;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

export interface CsvIssue {
  kind: 'unclosedQuote';
  row: number;
}

/**
 * Calls `onRecord(cells, row)` for every record (`row` = 1-based line where it starts); blank lines
 * are skipped; `cells` is reused for the next record, so copy it to keep it. Returns an issue when the text ends inside a quoted field (a truncated file). Calls
 * `onProgress(offset)` now and then.
 */
export function readCsv(
  text: string,
  delimiter: Delimiter,
  onRecord: (cells: string[], row: number) => void,
  onProgress?: (offset: number) => void,
): CsvIssue | null {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let i = 0;
  let line = 1;
  let nextProgress = 1 << 20;
  // One array for every record (less garbage on big files): a caller that keeps cells copies them.
  const cells: string[] = [];
  while (i < n) {
    const startLine = line;
    cells.length = 0;
    let recordDone = false;
    while (!recordDone) {
      if (text.charCodeAt(i) === 34 /* " */) {
        // Quoted field.
        let value = '';
        let j = i + 1;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) {
            return { kind: 'unclosedQuote', row: startLine };
          }
          const chunk = text.slice(j, q);
          for (let k = 0; k < chunk.length; k++) if (chunk.charCodeAt(k) === 10) line++;
          value += chunk;
          if (text.charCodeAt(q + 1) === 34) {
            value += '"';
            j = q + 2;
          } else {
            j = q + 1;
            break;
          }
        }
        // Anything between the closing quote and the delimiter is kept (lenient, like Excel).
        let k = j;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === d || c === 10 || c === 13) break;
          k++;
        }
        value += text.slice(j, k);
        cells.push(value);
        i = k;
      } else {
        let k = i;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === d || c === 10 || c === 13) break;
          k++;
        }
        cells.push(text.slice(i, k));
        i = k;
      }
      const c = i < n ? text.charCodeAt(i) : -1;
      if (c === d) {
        i++;
        if (i >= n) cells.push('');
      } else {
        if (c === 13) i++;
        if (i < n && text.charCodeAt(i) === 10) i++;
        if (c === 13 || c === 10) line++;
        recordDone = true;
      }
    }
    if (!(cells.length === 1 && cells[0] === '')) onRecord(cells, startLine);
    if (onProgress && i >= nextProgress) {
      onProgress(i);
      nextProgress = i + (1 << 20);
    }
  }
  return null;
}
