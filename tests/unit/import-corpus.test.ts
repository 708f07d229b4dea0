import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/lib/data/import/process';
import type { ImportOutcome, ImportProblem } from '../../src/lib/data/import/types';
import { translate } from '../../src/lib/i18n/translate';
import { problemText } from '../../src/lib/data/import/messages';
import { CORPUS, KNOWN } from '../fixtures/import/corpus';

function run(name: string): ImportOutcome {
  const out = importFiles([{ name, bytes: CORPUS[name] }], KNOWN, { id: 't', now: 0 });
  expect(out).toHaveLength(1);
  return out[0];
}
const keys = (ps: ImportProblem[]) => ps.map((p) => p.key);

describe('broken-file corpus: each gives the right message, nothing throws', () => {
  it('every file of the corpus gives an outcome and every problem a message in every language', () => {
    for (const name of Object.keys(CORPUS)) {
      const out = run(name);
      const problems = out.status === 'needs-mapping' ? [] : out.problems;
      for (const p of problems)
        for (const lang of ['en', 'sv', 'nb'] as const) {
          const text = problemText(p, (k, params) => translate(lang, k, params));
          expect(text).not.toMatch(/\{\w+\}|imported\./);
          expect(text).toContain(p.file);
        }
    }
  });

  it('truncated: the open quote is reported at its row; complete rows are kept', () => {
    const out = run('truncated.csv');
    expect(out.status).toBe('ok');
    if (out.status !== 'ok') return;
    expect(out.problems).toContainEqual(expect.objectContaining({ key: 'unclosedQuote', row: 3 }));
    expect(out.dataset.rows).toBe(1);
  });

  it('wrong delimiter: rows that do not split like the header are named', () => {
    const out = run('wrong-delimiter.csv');
    expect(out.status).toBe('failed');
    if (out.status !== 'failed') return;
    expect(out.problems[0]).toMatchObject({
      key: 'fieldCount',
      row: 2,
      params: { found: 1, expected: 3, delimiter: ';' },
    });
    expect(out.problemCount).toBe(2);
  });

  it('BOM + semicolons + decimal comma + "år" header', () => {
    const out = run('bom-semicolon.csv');
    expect(out.status).toBe('ok');
    if (out.status !== 'ok' || out.dataset.payload.kind !== 'indicator') throw new Error('kind');
    expect(out.dataset.payload.values).toEqual([
      [2024, 'SE-municipality-1780-se', 12.5],
      [2024, 'SE-municipality-1737-se', 7],
    ]);
  });

  it('Latin-1 (Windows-1252) Swedish characters are decoded', () => {
    const out = run('latin1.csv');
    expect(out.status).toBe('ok');
    if (out.status !== 'ok' || out.dataset.payload.kind !== 'indicator') throw new Error('kind');
    expect(out.dataset.payload.valueColumn).toBe('värde');
    expect(out.dataset.rows).toBe(3);
  });

  it('empty and only-header files fail with their own message', () => {
    expect(run('empty.csv')).toMatchObject({ status: 'failed', problems: [{ key: 'empty' }] });
    expect(run('only-header.csv')).toMatchObject({
      status: 'failed',
      problems: [{ key: 'onlyHeader', row: 1 }],
    });
  });

  it('duplicate headers name the column and both positions', () => {
    expect(run('duplicate-headers.csv')).toMatchObject({
      status: 'failed',
      problems: [
        { key: 'duplicateHeader', row: 1, column: 'value', params: { first: 3, second: 4 } },
      ],
    });
  });

  it('huge numbers are refused per row, the rest shown', () => {
    const out = run('huge-numbers.csv');
    if (out.status !== 'ok') throw new Error(out.status);
    expect(keys(out.problems)).toEqual(['tooBig', 'tooBig']);
    expect(out.problems.map((p) => p.row)).toEqual([2, 3]);
    expect(out.problems[0].column).toBe('value');
    expect(out.dataset.rows).toBe(1);
  });

  it('negative flows are refused per row', () => {
    const out = run('negative.csv');
    if (out.status !== 'ok') throw new Error(out.status);
    expect(out.problems).toEqual([
      { key: 'negative', file: 'negative.csv', row: 2, column: 'value', params: { value: '-5' } },
    ]);
  });

  it('HTML in names stays text, byte for byte', () => {
    const out = run('html-names.csv');
    if (out.status !== 'ok' || out.dataset.payload.kind !== 'points') throw new Error('kind');
    expect(out.dataset.payload.points[0].cells[0]).toBe('<img src=x onerror=alert(1)>');
    expect(out.dataset.payload.points[1].cells[0]).toBe('<script>alert(1)</script>');
  });

  it('unknown codes: listed with row and column, offered as rows, the rest shown', () => {
    const out = run('unknown-codes.csv');
    if (out.status !== 'ok') throw new Error(out.status);
    expect(out.problems).toEqual([
      {
        key: 'unknownCode',
        file: 'unknown-codes.csv',
        row: 3,
        column: 'origin',
        params: { value: '9999' },
      },
      {
        key: 'unknownCode',
        file: 'unknown-codes.csv',
        row: 4,
        column: 'destination',
        params: { value: '0000' },
      },
    ]);
    expect(out.unknown?.rows).toEqual([
      { row: 3, cells: ['9999', '3101', '2'] },
      { row: 4, cells: ['1780', '0000', '3'] },
    ]);
    expect(out.dataset.rows).toBe(1);
  });

  it('binary and broken JSON files are refused', () => {
    expect(run('binary.png')).toMatchObject({ status: 'failed', problems: [{ key: 'notText' }] });
    expect(run('bad.json')).toMatchObject({ status: 'failed', problems: [{ key: 'badJson' }] });
  });

  it('a file over the limit is refused without being parsed', () => {
    const big = { name: 'big.csv', bytes: { length: 300 * 1024 * 1024 } as unknown as Uint8Array };
    expect(importFiles([big], KNOWN, { id: 'x' })[0]).toMatchObject({
      status: 'failed',
      problems: [{ key: 'tooLarge' }],
    });
  });

  it('garbage input never throws', () => {
    const junk = [
      new Uint8Array([0xc3]),
      new TextEncoder().encode('"'),
      new TextEncoder().encode('[1,2]'),
      new TextEncoder().encode('{"version":"2.0"}'),
      new TextEncoder().encode('a\n"b\n\n'),
    ];
    for (const bytes of junk)
      expect(() => importFiles([{ name: 'j', bytes }], KNOWN, { id: 'j' })).not.toThrow();
  });
});
