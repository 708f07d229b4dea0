/**
 * The border map on local data: it draws, switches era and language, keeps its state in the URL,
 * works on a phone and with the keyboard, survives hostile links and makes no outside requests.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { clickMapAt, pixelAt, project, waitForMapIdle, sharedBrowser } from './helpers';

const { open } = sharedBrowser('/');

async function searchAndChoose(page: Page, query: string) {
  const input = page.locator('#area-search');
  await input.fill(query);
  await page.locator('#area-search-results').getByRole('option').first().waitFor();
  await input.press('ArrowDown');
  await input.press('Enter');
}

describe('default view', () => {
  it('draws land and sea in different colours, from local data only, without errors', async () => {
    const { page, foreignRequests, pageErrors, context } = await open('/');
    // Known places in the default view: open sea in the Skagerrak and land east of Karlstad.
    const seaPixel = await pixelAt(page, 10.2, 57.9);
    const landPixel = await pixelAt(page, 14.2, 59.9);
    const distance = Math.hypot(...seaPixel.map((c, i) => c - landPixel[i]));
    expect(distance, `sea ${seaPixel} vs land ${landPixel}`).toBeGreaterThan(15);
    // The canvas is not blank: the two samples are not both the clear colour.
    expect(seaPixel.concat(landPixel).some((c) => c > 0)).toBe(true);
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    const { page, context } = await open('/?lang=en');
    const require = createRequire(import.meta.url);
    await page.addScriptTag({
      content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'),
    });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run(
              ctx: unknown,
              opts: unknown,
            ): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
          };
        }
      ).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, count: v.nodes.length }));
    });
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious).toEqual([]);
    await context.close();
  });

  it('draws place names from the local label set (county seats and border towns)', async () => {
    const { page, context } = await open('/?lang=sv');
    const labels = (await page.evaluate(async () =>
      (await fetch('./generated/labels.json')).json(),
    )) as { name: string; lon: number; lat: number }[];
    const names = labels.map((l) => l.name);
    expect(names).toEqual(expect.arrayContaining(['Karlstad', 'Halden', 'Strömstad', 'Årjäng']));
    // Text is dark on light land: right of Karlstad's dot (from ~8 px, past the dot) there must be
    // dark pixels once the names have been drawn (they arrive just after the first idle).
    const karlstad = labels.find((l) => l.name === 'Karlstad')!;
    const darkest = async () => {
      let min = 255;
      for (let dx = 0.3; dx <= 1.2; dx += 0.03) {
        const [r, g, b] = await pixelAt(page, karlstad.lon + dx, karlstad.lat);
        min = Math.min(min, (r + g + b) / 3);
      }
      return min;
    };
    await expect.poll(darkest, { timeout: 15_000 }).toBeLessThan(120);
    await context.close();
  });
});

describe('boundaries', () => {
  it('era switch makes Viken appear and disappear', async () => {
    const { page, context } = await open('/?lang=nb&level=county&era=2020');
    const selected = (code: string) => async () =>
      new URL(page.url()).searchParams.get('sel')?.includes(`-county-${code}-`) ?? false;
    await clickMapAt(page, 10.2, 59.74, selected('30')); // Drammen
    await expect.poll(() => page.getByTestId('details').locator('h2').textContent()).toBe('Viken');
    await expect.poll(() => page.getByTestId('details-code').textContent()).toBe('30');

    await page.getByLabel('2024–', { exact: false }).check();
    await waitForMapIdle(page);
    await expect.poll(() => page.getByTestId('details').textContent()).toContain('finnes ikke');
    await clickMapAt(page, 10.2, 59.74, selected('33'));
    await expect
      .poll(() => page.getByTestId('details').locator('h2').textContent())
      .toBe('Buskerud');
    await expect.poll(() => page.getByTestId('details-code').textContent()).toBe('33');

    // Search finds Viken itself only in the 2020 era (Sandviken and the like match in both).
    const optionNames = async () =>
      (await page.locator('#area-search-results [role=option] span').allTextContents()).map((t) =>
        t.trim(),
      );
    await page.locator('#area-search').fill('Viken');
    await expect.poll(optionNames).toContain('Sandviken');
    expect(await optionNames()).not.toContain('Viken');
    await page.getByLabel('2020–2023', { exact: false }).check();
    await waitForMapIdle(page);
    await page.locator('#area-search').fill('Vike');
    await page.locator('#area-search').fill('Viken');
    await expect.poll(optionNames).toContain('Viken');
    await context.close();
  });

  it('hover shows name, code and country', async () => {
    const { page, context } = await open('/?lang=en&level=municipality&era=2024&c=12.5,59.6,7');
    const eda = await project(page, 12.3, 59.88);
    await page.mouse.move(eda.x, eda.y);
    await page.mouse.move(eda.x + 2, eda.y + 1);
    await expect
      .poll(() => page.locator('.tooltip').textContent())
      .toMatch(/Eda.*Kommun\s+1730.*Sweden/s);
    await context.close();
  });
});

describe('language, URL state and history', () => {
  it('language switch changes visible text and is remembered', async () => {
    const { page, context } = await open('/', { locale: 'en-GB' });
    await expect.poll(() => page.getByRole('button', { name: 'About the data' }).count()).toBe(1);
    await page.getByLabel('Language').selectOption('sv');
    await expect.poll(() => page.getByRole('button', { name: 'Om data' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
    // Remembered without the URL saying so.
    await page.goto(new URL('/', page.url()).href);
    await expect.poll(() => page.getByRole('button', { name: 'Om data' }).count()).toBe(1);
    await context.close();
  });

  it('reload restores level, era, selection, camera and language', async () => {
    const { page, context } = await open('/?lang=en');
    await page.getByLabel('County (län / fylke)').check();
    await page.getByLabel('2020–2023', { exact: false }).check();
    await searchAndChoose(page, 'Värmlands län');
    await expect.poll(() => page.getByTestId('details-code').textContent()).toBe('17');
    await waitForMapIdle(page);
    await page.waitForTimeout(1200); // let the fly-to finish and the URL settle
    const before = new URL(page.url());
    expect(before.searchParams.get('sel')).toBe('area:SE-county-17-se');
    expect(before.searchParams.get('era')).toBe('2020');
    await page.reload();
    await waitForMapIdle(page);
    const after = new URL(page.url());
    expect(after.search).toBe(before.search);
    expect(await page.getByTestId('details-code').textContent()).toBe('17');
    expect(await page.getByLabel('County (län / fylke)').isChecked()).toBe(true);
    await context.close();
  });

  it('back and forward step through changes', async () => {
    const { page, context } = await open('/?lang=en&era=2024&level=municipality');
    await page.getByLabel('2020–2023', { exact: false }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get('era')).toBe('2020');
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('era')).toBe('2024');
    await expect.poll(() => page.getByLabel('2024–', { exact: false }).isChecked()).toBe(true);
    await page.goForward();
    await expect.poll(() => page.getByLabel('2020–2023', { exact: false }).isChecked()).toBe(true);
    await context.close();
  });

  it('a hostile URL falls back to defaults without errors or script execution', async () => {
    const hostile =
      '/?lang=%3Cimg%20src%3Dx%20onerror%3D%22window.__pwned%3D1%22%3E&c=NaN,1e999,99' +
      '&sel=area:%3Cscript%3Ewindow.__pwned%3D1%3C/script%3E&layers=__proto__&era=javascript:alert(1)';
    const { page, pageErrors, context } = await open(hostile, { locale: 'nb-NO' });
    expect(pageErrors).toEqual([]);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    const url = new URL(page.url());
    expect(url.searchParams.get('lang')).toBe('nb');
    expect(url.searchParams.get('era')).toBe('2024');
    expect(url.searchParams.get('sel')).toBeNull();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await context.close();
  });
});

describe('layout and keyboard', () => {
  it('a phone shows the panel as a collapsible bottom sheet', async () => {
    const { page, context } = await open('/?lang=en', { viewport: { width: 390, height: 844 } });
    const sheet = page.getByTestId('sheet');
    await expect.poll(() => sheet.isVisible()).toBe(true);
    const box = (await sheet.boundingBox())!;
    expect(box.y + box.height).toBeCloseTo(844, 0);
    expect(box.width).toBe(390);
    await page.getByRole('button', { name: 'Hide panel' }).click();
    await expect.poll(() => page.locator('#sheet-body').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Show panel' }).click();
    await expect
      .poll(() => page.getByRole('checkbox', { name: 'Administrative areas' }).isVisible())
      .toBe(true);
    await context.close();
  });

  it('an area can be found and selected with the keyboard alone; Esc clears it', async () => {
    const { page, context } = await open('/?lang=sv');
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab'); // search
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe(
      'combobox',
    );
    await page.keyboard.type('Strömst');
    await page.locator('#area-search-results').getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('details').locator('h2').textContent())
      .toBe('Strömstad');
    expect(await page.getByTestId('details-code').textContent()).toBe('1486');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('details').count()).toBe(0);
    await context.close();
  });

  it('About the data lists the sources with licences and credits', async () => {
    const { page, context } = await open('/?lang=en');
    await page.getByRole('button', { name: 'About the data' }).click();
    const about = page.getByTestId('about');
    await expect.poll(() => about.textContent()).toContain('CC BY 4.0');
    const text = (await about.textContent())!;
    expect(text).toContain('Kartverket');
    expect(text).toContain('Lantmäteriet');
    expect(text).toContain('Natural Earth');
    // The curated datasets too, with who published them and on what terms.
    expect(text).toContain('Curated datasets');
    expect(text).toContain('IMF');
    expect(await about.locator('[data-dataset]').count()).toBeGreaterThanOrEqual(5);
    const attribution = await page.locator('.maplibregl-ctrl-attrib').textContent();
    expect(attribution).toContain('© Kartverket');
    await context.close();
  });
});
