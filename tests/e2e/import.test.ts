/**
 * "Your data" in a real browser: a flows file loaded with the file picker is drawn and listed; a
 * broken file shows a precise message and leaves the map as it was; a file dropped on the map with a
 * hostile name shows the name as text; the datasets are still there after a reload (IndexedDB), and
 * the URL only marks that local data is in use. Points named by town or municipality are drawn with
 * their columns in the tooltip, and a name the map does not know is listed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium';
import { openApp, pixelAt, project, waitForMapIdle } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const A: [number, number] = [11.2, 59.2];
const B: [number, number] = [14.8, 61.0];
const along = [0.3, 0.4, 0.5, 0.6, 0.7].map(
  (f) => [A[0] + (B[0] - A[0]) * f, A[1] + (B[1] - A[1]) * f] as [number, number],
);
const FLOWS = `origin_lon,origin_lat,dest_lon,dest_lat,value\n${A.join(',')},${B.join(',')},900\n${B.join(',')},${A.join(',')},300\n`;
const HOSTILE = '<img src=x onerror="window.__pwned=1">';

async function pixels(page: Page) {
  const out: [number, number, number][] = [];
  for (const p of along) out.push(await pixelAt(page, ...p));
  return out;
}
const changedCount = (a: [number, number, number][], b: [number, number, number][]) =>
  a.filter((c, i) => Math.hypot(...c.map((v, k) => v - b[i][k])) > 30).length;

async function pick(page: Page, name: string, text: string) {
  await page.getByTestId('import-file').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(text, 'utf8'),
  });
}

describe('your data (import)', () => {
  it('loads flows, survives a broken file, shows hostile names as text, persists across reload', async () => {
    const { page, context, pageErrors } = await openApp(
      '/?lang=en&c=13,60.1,5.8&layers=boundaries,imported',
      {},
      browser,
    );
    await waitForMapIdle(page);
    await page.getByTestId('imported-controls').waitFor();
    const before = await pixels(page);

    // 1. A flows file with lon/lat ends, picked with the file input.
    await pick(page, 'my-flows.csv', FLOWS);
    const list = page.getByTestId('import-datasets');
    await list.getByText('my-flows.csv').waitFor();
    expect(await list.textContent()).toMatch(/flows · 2 rows/);
    await expect.poll(() => page.url()).toContain('imported.local=1');
    expect(page.url()).not.toContain('900');
    await waitForMapIdle(page);
    const drawn = await pixels(page);
    expect(changedCount(drawn, before), JSON.stringify({ before, drawn })).toBeGreaterThan(0);

    // 2. A broken file: the message names file, row and column; the map is unchanged.
    await pick(page, 'broken.csv', 'origin,destination,value\n1780,3101,lots\n');
    const alert = page.getByRole('alert').filter({ hasText: 'broken.csv' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      'broken.csv, row 2, column “value”: “lots” is not a number',
    );
    expect(await list.locator('li').count()).toBe(1);
    await waitForMapIdle(page);
    expect(changedCount(await pixels(page), before)).toBeGreaterThan(0);

    // 3. Dropped on the map, with a hostile file name and a hostile cell: both stay text.
    await page.evaluate(
      ([name, text]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], name, { type: 'text/csv' }));
        const target = document.querySelector('canvas')!;
        for (const type of ['dragenter', 'dragover', 'drop'])
          target.dispatchEvent(
            new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
          );
      },
      [`${HOSTILE}.csv`, `name,lon,lat\n"${HOSTILE.replace(/"/g, '""')}",12.5,60.5\n`],
    );
    await list.getByText(`${HOSTILE}.csv`).waitFor();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();

    // 4. Reload: both files are still listed (IndexedDB), the flows still drawn.
    await page.reload();
    await waitForMapIdle(page);
    await list.getByText('my-flows.csv').waitFor();
    expect(await list.locator('li').count()).toBe(2);
    await waitForMapIdle(page);
    expect(changedCount(await pixels(page), before)).toBeGreaterThan(0);

    // 5. Remove: gone from the list and from the map; the URL mark goes with the last one.
    await page.getByRole('button', { name: 'Remove my-flows.csv' }).click();
    await page.getByRole('button', { name: `Remove ${HOSTILE}.csv` }).click();
    await page.getByText('No files loaded yet.').waitFor();
    await expect.poll(() => page.url()).not.toContain('imported.local');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
  it('asks which column is which, remembers it for the same header, and cancels a load', async () => {
    const { page, context, pageErrors } = await openApp(
      '/?lang=en&layers=boundaries,imported',
      {},
      browser,
    );
    await waitForMapIdle(page);
    const list = page.getByTestId('import-datasets');

    // Columns it does not recognise: the mapping step, started from its best guess.
    await pick(page, 'odd.csv', 'bo,jobb,folk\n1780,3101,4\n1737,3118,2\n');
    const form = page.getByTestId('import-mapping');
    await form.waitFor();
    await form.getByTestId('import-kind').selectOption('flows');
    await form.getByTestId('import-role-origin').selectOption({ label: 'bo' });
    await form.getByTestId('import-role-destination').selectOption({ label: 'jobb' });
    await form.getByTestId('import-role-value').selectOption({ label: 'folk' });
    await form.getByRole('button', { name: 'Use these columns' }).click();
    await list.getByText('odd.csv').waitFor();
    expect(await list.textContent()).toMatch(/flows · 2 rows/);

    // The same header again: no questions.
    await pick(page, 'odd-2.csv', 'bo,jobb,folk\n1780,3101,9\n');
    await list.getByText('odd-2.csv').waitFor();
    expect(await form.count()).toBe(0);

    // A big file is cancelled while the progress bar shows; nothing is added.
    await page.evaluate(() => {
      const line = '1780,3101,1,2024\n';
      const body = line.repeat(5_000_000);
      const dt = new DataTransfer();
      dt.items.add(new File([`origin,destination,value,year\n${body}`], 'big.csv'));
      const input = document.querySelector('[data-testid="import-file"]') as HTMLInputElement;
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.getByTestId('import-progress').waitFor();
    await page.getByRole('button', { name: 'Cancel' }).dispatchEvent('click');
    await page.getByText('Loading big.csv was cancelled; the map is unchanged.').waitFor();
    expect(await list.locator('li').count()).toBe(2);

    // Web addresses: http(s) only; a failed download is a message, nothing else changes.
    const url = page.getByTestId('import-url');
    await url.fill('ftp://example.org/flows.csv');
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'only http:// and https://' }).waitFor();
    // A same-origin file that is not data the map can use: fetched, then refused with a reason.
    await url.fill(new URL('/generated/labels.json', page.url()).href);
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'labels.json: format not recognised' })
      .waitFor();
    expect(await list.locator('li').count()).toBe(2);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('draws points named by town or municipality, with tooltips; an unknown name is listed', async () => {
    const { page, context, pageErrors } = await openApp(
      '/?lang=en&c=12.6,59.75,7.5&layers=boundaries,imported',
      {},
      browser,
    );
    await waitForMapIdle(page);
    const list = page.getByTestId('import-datasets');
    const charlottenberg: [number, number] = [12.30398, 59.88422];
    // About 5 px west of the town (zoom 7.5), inside the drawn point: the place label's own dot
    // and its white ring sit on the town itself.
    const beside: [number, number] = [charlottenberg[0] - 0.02, charlottenberg[1]];
    const before = await pixelAt(page, ...beside);

    await pick(
      page,
      'places.csv',
      'ort,projekt\nCharlottenberg,E18 Eda\nKarlstad,Bro\nKongsvinger,Bane\nMagnor,Tull\n',
    );
    await list.getByText('places.csv').waitFor();
    expect(await list.textContent()).toMatch(/points · 3 rows/);
    const report = page.getByTestId('import-report').filter({ hasText: 'places.csv' });
    expect(await report.textContent()).toContain(
      'places.csv, row 5, column “ort”: “Magnor” is not a Swedish or Norwegian municipality or a town the map knows',
    );
    expect(await page.getByTestId('import-download-unknown').textContent()).toContain('1 rows');

    // The town is drawn where it is, and its tooltip shows the row's columns.
    await waitForMapIdle(page);
    const moved = async () => {
      const now = await pixelAt(page, ...beside);
      return Math.hypot(...now.map((v, k) => v - before[k]));
    };
    await expect.poll(moved, { timeout: 10_000 }).toBeGreaterThan(30);
    const at = await project(page, ...charlottenberg);
    await page.mouse.move(at.x, at.y);
    await page.mouse.move(at.x + 1, at.y + 1);
    await expect
      .poll(() => page.locator('.tooltip').textContent())
      .toMatch(/ort: Charlottenberg\s*projekt: E18 Eda/);
    const dir = process.env.IMPORT_SHOTS;
    if (dir) await page.screenshot({ path: `${dir}/import-places.png` });
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
