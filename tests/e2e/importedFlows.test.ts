/**
 * A user's flow file gets the commuting layer's controls, answered by the flow engine worker: a file
 * dropped while "Your data" is off turns the layer on; scope, minimum and level change what is shown
 * (counted in the panel and kept in the URL); the settings and the file survive a reload.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sharedBrowser, waitForMapIdle } from './helpers';

const { open } = sharedBrowser();

// Real 2024 codes: Strömstad → Halden, Eda → Kongsvinger, Fredrikstad → Halden (domestic).
const FLOWS =
  'origin,destination,persons,year\n1486,3101,500,2024\n1730,3401,40,2024\n3107,3101,900,2024\n1486,3101,450,2022\n';

async function drop(page: Page, name: string, text: string) {
  await page.evaluate(
    ([n, t]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], n, { type: 'text/csv' }));
      const target = document.querySelector('canvas')!;
      for (const type of ['dragenter', 'dragover', 'drop'])
        target.dispatchEvent(
          new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
        );
    },
    [name, text],
  );
}

describe('flows in your files', () => {
  it('are filtered with the flow controls in the engine, and keep them across a reload', async () => {
    const { page, context, pageErrors } = await open('/?lang=en&y=2024&layers=boundaries');
    // Dropped while the layer is off: the layer turns on and the file loads.
    await drop(page, 'border-flows.csv', FLOWS);
    await page
      .getByTestId('import-datasets')
      .getByText('border-flows.csv')
      .waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get('layers')).toContain('imported');

    const shown = page.getByTestId('imported-flows-shown');
    await expect.poll(() => shown.textContent()).toContain('2024: 3 of 3 flows shown');

    const controls = page.getByTestId('imported-controls');
    await controls.getByRole('radio', { name: 'Across the border only' }).check();
    await expect.poll(() => shown.textContent()).toContain('2024: 2 of 2 flows shown');

    await page.locator('#imported-flows-min').fill('100');
    await page.locator('#imported-flows-min').dispatchEvent('change');
    await expect.poll(() => shown.textContent()).toContain('2024: 1 of 1 flows shown');

    // The table lists exactly the flows shown, and its CSV has the same rows.
    const table = page.getByTestId('imported-flows-table');
    await table.locator('summary').click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    expect(await table.locator('tbody tr').first().textContent()).toMatch(/Strömstad.*Halden.*500/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      table.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toBe('\uFEFFFrom,To,Value\r\nStrömstad,Halden,500\r\n');

    // Country level: Strömstad and Eda add up to one Sweden → Norway flow of 540.
    await page.locator('#imported-flows-min').fill('0');
    await page.locator('#imported-flows-min').dispatchEvent('change');
    // Labels say what they mean for a user's file.
    expect(await controls.getByRole('radio', { name: 'All flows in the file' }).count()).toBe(1);
    expect(await page.locator('#imported-flows-level option[value="each"]').textContent()).toBe(
      'As in the file',
    );
    await page.locator('#imported-flows-level').selectOption('country');
    await expect.poll(() => shown.textContent()).toContain('2024: 1 of 1 flows shown');

    // The year control: 2022 has one flow.
    await page.locator('#imported-flows-level').selectOption('each');
    await expect.poll(() => page.url()).toContain('imported.scope=cross-border');
    const url = new URL(page.url());
    url.searchParams.set('y', '2022');
    await page.goto(url.toString());
    await waitForMapIdle(page);
    await expect
      .poll(() => shown.textContent(), { timeout: 30_000 })
      .toContain('2022: 1 of 1 flows shown');
    expect(await controls.getByRole('radio', { name: 'Across the border only' }).isChecked()).toBe(
      true,
    );

    await page.getByRole('button', { name: 'Remove border-flows.csv' }).click();
    await page.getByText('No files loaded yet.').waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

describe('files saved by an earlier version', () => {
  it('keeps a flow file saved with its rows inline (store version 1) and draws it', async () => {
    const { page, context, pageErrors } = await open('/?lang=en&y=2024&layers=boundaries');
    // What version 1 of the store held: one record per dataset, the rows inside it.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('gransatlas-imported', 1);
          req.onupgradeneeded = () => req.result.createObjectStore('datasets', { keyPath: 'id' });
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const db = req.result;
            const t = db.transaction('datasets', 'readwrite');
            t.objectStore('datasets').put({
              id: 'old1',
              name: 'saved-last-year.csv',
              rows: 2,
              bytes: 80,
              created: 1,
              payload: {
                kind: 'flows',
                places: [
                  { area: 'SE-municipality-1486-se' },
                  { area: 'NO-municipality-3101-2024' },
                ],
                origin: Int32Array.from([0, 1]),
                destination: Int32Array.from([1, 0]),
                value: Float64Array.from([500, 30]),
                year: Int32Array.from([2024, 2024]),
              },
            });
            t.oncomplete = () => {
              db.close();
              resolve();
            };
          };
        }),
    );
    const url = new URL(page.url());
    url.searchParams.set('layers', 'boundaries,imported');
    await page.goto(url.toString());
    await waitForMapIdle(page);
    await page.getByTestId('import-datasets').getByText('saved-last-year.csv').waitFor();
    await expect
      .poll(() => page.getByTestId('imported-flows-shown').textContent(), { timeout: 30_000 })
      .toContain('2024: 2 of 2 flows shown');
    // Moved, not copied: the description no longer holds the rows.
    const stored = await page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const req = indexedDB.open('gransatlas-imported');
          req.onsuccess = () => {
            const db = req.result;
            const t = db.transaction(['datasets', 'rows'], 'readonly');
            const d = t.objectStore('datasets').get('old1');
            const r = t.objectStore('rows').get('old1');
            t.oncomplete = () => {
              db.close();
              resolve([d.result.payload.origin.length, r.result.origin.length]);
            };
          };
        }),
    );
    expect(stored).toEqual([0, 2]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
