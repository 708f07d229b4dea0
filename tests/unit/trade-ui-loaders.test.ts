import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  loadCrossingsFile,
  loadInvestmentsFile,
  loadTradeFile,
} from '../../src/lib/data/tradeData';

function serve(body: string, status = 200) {
  vi.stubGlobal('fetch', async () => new Response(body, { status }));
}

afterEach(() => vi.unstubAllGlobals());

describe('trade data loaders', () => {
  it('load and validate the generated files', async () => {
    serve(readFileSync('public/generated/trade.json', 'utf8'));
    const trade = await loadTradeFile();
    expect(trade.ok && trade.value.series).toHaveLength(4);
    serve(readFileSync('public/generated/crossings.json', 'utf8'));
    const crossings = await loadCrossingsFile();
    expect(crossings.ok && crossings.value.crossings).toHaveLength(22);
    serve(readFileSync('public/generated/investments.json', 'utf8'));
    expect((await loadInvestmentsFile()).ok).toBe(true);
  });

  it('return a missing file, a broken body and a wrong shape as values', async () => {
    serve('not found', 404);
    expect(await loadTradeFile()).toMatchObject({ ok: false, error: { kind: 'missing' } });
    serve('<!doctype html>');
    expect(await loadCrossingsFile()).toMatchObject({ ok: false, error: { kind: 'missing' } });
    serve(JSON.stringify({ version: 1, series: [{ direction: 'SE-NO' }], anchors: [] }));
    const invalid = await loadTradeFile();
    expect(invalid).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    if (!invalid.ok && invalid.error.kind === 'invalid')
      expect(invalid.error.detail).toMatch(/series/);
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('offline');
    });
    expect(await loadInvestmentsFile()).toMatchObject({ ok: false, error: { kind: 'network' } });
  });
});
