/**
 * Presenter mode in real Chromium: stories survive a reload and step with the keyboard, the PNG
 * export is the map on screen at 2× with a frame, the app works offline after the first load, a
 * broken story file leaves the stories intact, and embed=1 shows a chromeless map.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { pixelAt, project, waitForMapIdle, sharedBrowser } from './helpers';

const SHOTS = process.env.E2E_SHOTS ?? '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

const { open } = sharedBrowser('/?lang=en');

interface Cam {
  lon: number;
  lat: number;
  zoom: number;
}

function camera(page: Page): Promise<Cam> {
  return page.evaluate(() => {
    type CamMap = { getCenter(): { lng: number; lat: number }; getZoom(): number };
    const map = (window as unknown as { __gransatlasMap: CamMap }).__gransatlasMap;
    const c = map.getCenter();
    return { lon: c.lng, lat: c.lat, zoom: map.getZoom() };
  });
}

/** Move the map as a user would (the view follows on `moveend`). */
async function jumpTo(page: Page, lon: number, lat: number, zoom: number) {
  await page.evaluate(
    ([lo, la, z]) =>
      new Promise<void>((resolve) => {
        type JumpMap = {
          once(e: string, cb: () => void): void;
          jumpTo(o: { center: [number, number]; zoom: number }): void;
        };
        const map = (window as unknown as { __gransatlasMap: JumpMap }).__gransatlasMap;
        map.once('moveend', () => resolve());
        map.jumpTo({ center: [lo, la], zoom: z });
      }),
    [lon, lat, zoom] as [number, number, number],
  );
  await page.waitForFunction(
    (z) => decodeURIComponent(location.search).includes(`,${z}`),
    String(zoom),
  );
}

/** Waits until the map has arrived at (and stopped at) a camera. */
async function waitForCamera(page: Page, target: Cam) {
  await page.waitForFunction(
    (t) => {
      type CamMap = {
        getCenter(): { lng: number; lat: number };
        getZoom(): number;
        isMoving(): boolean;
      };
      const map = (window as unknown as { __gransatlasMap: CamMap }).__gransatlasMap;
      const c = map.getCenter();
      return (
        !map.isMoving() &&
        Math.abs(c.lng - t.lon) < 0.01 &&
        Math.abs(c.lat - t.lat) < 0.01 &&
        Math.abs(map.getZoom() - t.zoom) < 0.02
      );
    },
    target,
    { timeout: 15_000 },
  );
}

const SLIDES: (Cam & { title: string; saved?: string })[] = [
  {
    lon: 12.4,
    lat: 60.6,
    zoom: 5.3,
    title: 'The border region <b>overview</b>',
    saved: 'The border region ‹b>overview‹/b>',
  },
  { lon: 11.4, lat: 59.2, zoom: 7.5, title: 'Östfold och Värmland' },
  { lon: 14.2, lat: 63.3, zoom: 6.5, title: 'Trøndelag – Jämtland' },
];

async function buildStory(page: Page) {
  await page.getByTestId('open-stories').click();
  const dialog = page.getByTestId('stories-dialog');
  await dialog.waitFor();
  for (const [index, slide] of SLIDES.entries()) {
    await jumpTo(page, slide.lon, slide.lat, slide.zoom);
    await dialog.getByTestId('add-slide').click();
    const title = dialog.getByLabel(`Title of slide ${index + 1}`);
    await title.fill(slide.title);
  }
  await dialog.getByTestId('story-title').fill('Gränsregionen');
  return dialog;
}

async function slideTitles(page: Page): Promise<string[]> {
  await page.getByTestId('stories-dialog').waitFor();
  const inputs = page.getByTestId('slides').locator('input[type="text"]');
  return inputs.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
}

describe('stories', () => {
  it('builds a three-slide story that survives a reload and presents with the keyboard', async () => {
    const { page, context, pageErrors, foreignRequests } = await open('/?lang=en');
    await buildStory(page);
    expect(await slideTitles(page)).toEqual(SLIDES.map((s) => s.saved ?? s.title));

    // Reorder with the keyboard and the buttons, duplicate, delete: back to the same three.
    const grip = page.getByTestId('slides').locator('[data-slide-row]').first();
    await grip.focus();
    await page.keyboard.press('Alt+ArrowDown');
    expect((await slideTitles(page))[1]).toBe(SLIDES[0].saved);
    await page.getByTestId('slides').getByRole('button', { name: 'Move up' }).nth(1).click();
    expect(await slideTitles(page)).toEqual(SLIDES.map((s) => s.saved ?? s.title));
    // Drag and drop (the handle onto another slide).
    const rows = page.getByTestId('slides').locator('li');
    const grips = page.getByTestId('slides').locator('[data-slide-row]');
    await grips.nth(0).dragTo(rows.nth(2));
    expect((await slideTitles(page))[2]).toBe(SLIDES[0].saved);
    await grips.nth(2).dragTo(rows.nth(0));
    expect(await slideTitles(page)).toEqual(SLIDES.map((s) => s.saved ?? s.title));
    await page.getByTestId('slides').getByRole('button', { name: 'Duplicate' }).first().click();
    expect(await slideTitles(page)).toHaveLength(4);
    await page.getByTestId('slides').getByRole('button', { name: 'Delete' }).nth(1).click();
    expect(await slideTitles(page)).toEqual(SLIDES.map((s) => s.saved ?? s.title));

    await page.reload();
    await waitForMapIdle(page);
    await page.getByTestId('open-stories').click();
    expect(await slideTitles(page)).toEqual(SLIDES.map((s) => s.saved ?? s.title));
    expect(await page.getByTestId('story-title').inputValue()).toBe('Gränsregionen');

    await page.getByTestId('present').click();
    await page.getByTestId('presenting').waitFor();
    expect(await page.locator('html').getAttribute('class')).toContain('projector');
    await expect.poll(() => page.locator('header.topbar').count()).toBe(0);
    // Titles are text, never markup.
    expect(await page.getByTestId('slide-title').textContent()).toBe(SLIDES[0].saved);
    expect(await page.getByTestId('slide-title').locator('b').count()).toBe(0);
    await waitForCamera(page, SLIDES[0]);

    await page.keyboard.press('ArrowRight');
    await waitForCamera(page, SLIDES[1]);
    expect(await page.getByTestId('slide-title').textContent()).toBe(SLIDES[1].title);
    await waitForMapIdle(page);
    await page.screenshot({ path: `${SHOTS}/presenting-desktop.png` });

    await page.keyboard.press('Space');
    await waitForCamera(page, SLIDES[2]);
    const third = await camera(page);
    expect(Math.abs(third.lat - SLIDES[0].lat)).toBeGreaterThan(1);
    await page.keyboard.press('ArrowLeft');
    await waitForCamera(page, SLIDES[1]);
    expect(await page.getByTestId('slide-count').textContent()).toContain('2');

    await page.keyboard.press('Escape');
    await page.getByTestId('presenting').waitFor({ state: 'detached' });
    await page.locator('header.topbar').waitFor();
    expect(await page.locator('html').getAttribute('class')).not.toContain('projector');
    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('keeps the stories when an import is broken or hostile, and adds a valid one', async () => {
    const { page, context } = await open('/?lang=en');
    const dialog = page.getByTestId('stories-dialog');
    await page.getByTestId('open-stories').click();
    await dialog.getByTestId('add-slide').click();
    await dialog.getByLabel('Title of slide 1').fill('Keep me');
    const stored = await page.evaluate(() => localStorage.getItem('gransatlas.stories'));

    const input = dialog.getByTestId('import-file');
    const message = dialog.getByTestId('presenter-message');
    const cases: [string, string, RegExp][] = [
      ['broken.json', '{"format":"gransatlas-stories","version":1,"stories":[{', /not valid JSON/],
      ['other.json', '{"type":"FeatureCollection","features":[]}', /not a Gränsatlas story/],
      [
        'hostile.json',
        JSON.stringify({
          format: 'gransatlas-stories',
          version: 1,
          stories: [{ id: 'x', title: '<img src=x onerror="window.pwned=1">', slides: [] }],
        }),
        /markup/,
      ],
      [
        'badview.json',
        JSON.stringify({
          format: 'gransatlas-stories',
          version: 1,
          stories: [{ id: 'x', title: 'X', slides: [{ id: 'a', title: 'A', view: '?c=999,0,0' }] }],
        }),
        /invalid map view/,
      ],
      [
        'v9.json',
        JSON.stringify({ format: 'gransatlas-stories', version: 9, stories: [] }),
        /version/,
      ],
    ];
    for (const [name, text, expected] of cases) {
      await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
      await expect.poll(() => message.textContent()).toMatch(expected);
      expect(await message.getAttribute('role')).toBe('alert');
      expect(await slideTitles(page)).toEqual(['Keep me']);
      expect(await page.evaluate(() => localStorage.getItem('gransatlas.stories'))).toBe(stored);
    }
    expect(await page.evaluate(() => 'pwned' in window)).toBe(false);

    // A valid file (the app's own export format) is added next to what is there.
    const valid = JSON.stringify({
      format: 'gransatlas-stories',
      version: 1,
      stories: [
        {
          id: 'imported',
          title: 'Imported',
          slides: [{ id: 'a', title: 'Oslo', notes: '', view: '?lang=en&c=10.75,59.91,9' }],
        },
      ],
    });
    await input.setInputFiles({
      name: 'ok.json',
      mimeType: 'application/json',
      buffer: Buffer.from(valid),
    });
    await expect.poll(() => message.textContent()).toMatch(/imported/i);
    expect(await slideTitles(page)).toEqual(['Oslo']);
    expect(await dialog.getByTestId('story-select').locator('option').count()).toBe(2);
    await context.close();
  });

  it('shares a story as a link that adds it in another browser', async () => {
    const { page, context } = await open('/?lang=en');
    await page.getByTestId('open-stories').click();
    const dialog = page.getByTestId('stories-dialog');
    await jumpTo(page, 11.4, 59.2, 7.5);
    await dialog.getByTestId('add-slide').click();
    await dialog.getByLabel('Title of slide 1').fill('Delad bild');
    await dialog.getByRole('button', { name: 'Copy story link' }).click();
    const link = await dialog.locator('input.share-link').inputValue();
    expect(link).toMatch(/#story=[A-Za-z0-9_-]+$/);
    await context.close();

    const other = await open(`/${link.slice(link.indexOf('#'))}`);
    await other.page.getByTestId('stories-dialog').waitFor();
    expect(await slideTitles(other.page)).toEqual(['Delad bild']);
    expect(await other.page.evaluate(() => location.hash)).toBe('');
    await other.context.close();
  });
});

describe('PNG export', () => {
  it('gives a 2× image of what the screen shows, with the frame', async () => {
    const { page, context } = await open('/?lang=en');
    const size = await page.evaluate(() => {
      type SizeMap = { getCanvas(): HTMLCanvasElement };
      const c = (window as unknown as { __gransatlasMap: SizeMap }).__gransatlasMap.getCanvas();
      return { width: c.clientWidth, height: c.clientHeight };
    });
    await page.getByTestId('open-export').click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.getByLabel('2×').check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download PNG' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('gransatlas-2x.png');
    await download.saveAs(`${SHOTS}/export-2x.png`);
    const png = readFileSync(`${SHOTS}/export-2x.png`);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBe(size.width * 2);
    expect(height).toBe((size.height + 56 + 36) * 2);

    // Non-blank, and the map part matches the screen: the same place has the same colour.
    const land = await pixelAt(page, 14.2, 59.9);
    const sea = await pixelAt(page, 10.2, 57.9);
    const landAt = await project(page, 14.2, 59.9);
    const seaAt = await project(page, 10.2, 57.9);
    const mapTop = await page.evaluate(
      () =>
        (
          window as unknown as { __gransatlasMap: { getCanvas(): HTMLCanvasElement } }
        ).__gransatlasMap
          .getCanvas()
          .getBoundingClientRect().top,
    );
    const sample = await page.evaluate(
      async ({ b64, points }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${b64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(image, 0, 0);
        const colours = new Set<string>();
        const data = ctx.getImageData(0, 0, image.width, image.height).data;
        for (let i = 0; i < data.length; i += 4 * 97) {
          colours.add(`${data[i] >> 3},${data[i + 1] >> 3},${data[i + 2] >> 3}`);
        }
        const at = points.map(([x, y]) => [...ctx.getImageData(x, y, 1, 1).data.slice(0, 3)]);
        return { distinct: colours.size, at };
      },
      {
        b64: png.toString('base64'),
        points: [landAt, seaAt].map(
          (p) => [Math.round(p.x * 2), Math.round((p.y - mapTop + 56) * 2)] as [number, number],
        ),
      },
    );
    expect(sample.distinct).toBeGreaterThan(8);
    const distance = (a: number[], b: number[]) => Math.hypot(...a.map((c, i) => c - b[i]));
    expect(distance(sample.at[0], land), `land ${sample.at[0]} vs ${land}`).toBeLessThan(30);
    expect(distance(sample.at[1], sea), `sea ${sample.at[1]} vs ${sea}`).toBeLessThan(30);
    await context.close();
  });
});

describe('offline', () => {
  it('works with the network cut after the first load: map and stories', async () => {
    const { page, context } = await open('/?lang=en');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The first load is not controlled; after the worker is active a reload is.
    await page.reload();
    await waitForMapIdle(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.getByTestId('open-stories').click();
    await page.getByTestId('add-slide').click();
    await page.getByLabel('Title of slide 1').fill('Offline');

    await context.setOffline(true);
    await page.reload();
    await waitForMapIdle(page);
    const land = await pixelAt(page, 14.2, 59.9);
    const sea = await pixelAt(page, 10.2, 57.9);
    expect(Math.hypot(...land.map((c, i) => c - sea[i]))).toBeGreaterThan(15);
    await page.getByTestId('open-stories').click();
    expect(await slideTitles(page)).toEqual(['Offline']);
    await page.getByTestId('present').click();
    await page.getByTestId('presenting').waitFor();
    expect(await page.getByTestId('slide-title').textContent()).toBe('Offline');
    await context.close();
  });
});

describe('embed and screens', () => {
  it('embed=1 shows map, legend and attribution without the chrome', async () => {
    const { page, context } = await open('/?lang=en&embed=1');
    expect(await page.locator('header.topbar').count()).toBe(0);
    expect(await page.getByTestId('panel').count()).toBe(0);
    await page.getByTestId('legend-boundaries').waitFor();
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('Kartverket');
    expect(page.url()).toContain('embed=1');
    const href = await page.getByTestId('open-in-app').getAttribute('href');
    expect(href).not.toContain('embed');
    expect(href).toContain('layers=boundaries');
    await page.screenshot({ path: `${SHOTS}/embed-desktop.png` });
    await context.close();
  });

  it('presents on a phone', async () => {
    const { page, context } = await open('/?lang=sv', { viewport: { width: 390, height: 844 } });
    // On a phone the top bar's actions sit in a menu.
    await page.getByRole('button', { name: 'Meny' }).click();
    await page.getByTestId('open-stories').click();
    await page.getByTestId('add-slide').click();
    await page.getByLabel('Titel på bild 1').fill('Gränsregionen från ovan');
    await page.screenshot({ path: `${SHOTS}/stories-phone.png` });
    await page.getByTestId('present').click();
    await page.getByTestId('presenting').waitFor();
    await waitForMapIdle(page);
    await page.screenshot({ path: `${SHOTS}/presenting-phone.png` });
    await context.close();
  });
});
