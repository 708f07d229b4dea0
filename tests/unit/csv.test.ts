import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, toCsv } from '../../src/lib/domain/csv';

/** The file without its BOM, split into lines (the trailing CRLF leaves no empty last line). */
const lines = (csv: string) => csv.slice(1).replace(/\r\n$/, '').split('\r\n');

describe('one CSV policy for every download', () => {
  it('starts with a BOM and ends every line, the last too, with CRLF', () => {
    const csv = toCsv([
      ['stad', 'land'],
      ['Strömstad', 'Sverige'],
      ['Halden', 'Norge'],
    ]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv).toBe('\uFEFFstad,land\r\nStrömstad,Sverige\r\nHalden,Norge\r\n');
    // The BOM is three bytes in UTF-8: what Excel looks for before it reads å ä ö ø æ.
    expect([...new TextEncoder().encode(csv).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('quotes only what needs it, doubling quotes (RFC 4180), and semicolons too', () => {
    expect(lines(toCsv([['a,b', 'say "hi"', 'two\nlines', 'x;y', ' pad', 'Ørje æ']]))[0]).toBe(
      '"a,b","say ""hi""","two\nlines","x;y"," pad",Ørje æ',
    );
  });

  it('writes numbers plain and blanks blank, never 0', () => {
    expect(lines(toCsv([[1234567, -120, 0, 0.25, null, undefined, Number.NaN, 'x']]))[0]).toBe(
      '1234567,-120,0,0.25,,,,x',
    );
  });

  it('defuses text a spreadsheet would run as a formula, but not negative numbers', () => {
    const row = ['=HYPERLINK("x")', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '=1+1\nx', -1, 'a=b'];
    expect(lines(toCsv([row]))[0]).toBe(
      [
        `"'=HYPERLINK(""x"")"`,
        `"'+1"`,
        `"'-1"`,
        `"'@SUM(A1)"`,
        `"'\tx"`,
        `"'\rx"`,
        `"'=1+1\nx"`,
        '-1',
        'a=b',
      ].join(','),
    );
  });

  it('reads back as the same cells (apart from the formula guard)', () => {
    const rows = [
      ['bor i', 'arbetar i', 'personer'],
      ['Strömstad', 'Halden, Østfold', '1234'],
      ['"Åmål"', 'Fredrikstad;Sarpsborg', ''],
    ];
    const parsed = Papa.parse<string[]>(toCsv(rows).slice(1), { newline: '\r\n' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.slice(0, rows.length)).toEqual(rows);
  });

  it('an empty table is an empty file with its BOM', () => {
    expect(toCsv([])).toBe(CSV_BOM);
  });
});
