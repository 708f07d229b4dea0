import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  loadCrossBorder,
  loadDomesticMatrix,
  loadNoCrosswalk,
} from '../../src/lib/data/commutingData';

const generated = (file: string) =>
  readFileSync(new URL(`../../public/generated/${file}`, import.meta.url), 'utf8');

function serve(files: Record<string, string | null>) {
  vi.stubGlobal('fetch', async (url: string) => {
    const body = files[url.split('/').pop()!];
    return body === undefined || body === null
      ? new Response('not found', { status: 404 })
      : new Response(body, { status: 200 });
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('loading the generated commuting files', () => {
  it('accepts the real files', async () => {
    serve({
      'commuting-cross-border.json': generated('commuting-cross-border.json'),
      'commuting-no-2022.json': generated('commuting-no-2022.json'),
      'crosswalk-no-2020-2024.json': generated('crosswalk-no-2020-2024.json'),
    });
    const cross = await loadCrossBorder();
    expect(cross.ok && cross.value.flows.length).toBeGreaterThan(20);
    const matrix = await loadDomesticMatrix(2022);
    expect(matrix.ok && matrix.value.persons.length).toBeGreaterThan(20_000);
    expect((await loadNoCrosswalk()).ok).toBe(true);
  });

  it('turns a missing, broken or inconsistent file into a value naming what is wrong', async () => {
    const real = JSON.parse(generated('commuting-no-2022.json'));
    serve({
      'commuting-cross-border.json': '{"flows": [{"persons": -3}]}',
      'commuting-no-2021.json': JSON.stringify({ ...real, persons: real.persons.slice(1) }),
      'commuting-no-2020.json': JSON.stringify(real),
    });
    const cross = await loadCrossBorder();
    expect(cross).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    const short = await loadDomesticMatrix(2021);
    expect(short.ok ? '' : short.error.kind === 'invalid' && short.error.detail).toMatch(
      /same length/,
    );
    const wrongYear = await loadDomesticMatrix(2020);
    expect(
      wrongYear.ok ? '' : wrongYear.error.kind === 'invalid' && wrongYear.error.detail,
    ).toMatch(/expected 2020, got 2022/);
    expect(await loadDomesticMatrix(2017)).toMatchObject({ ok: false, error: { kind: 'missing' } });
  });
});
