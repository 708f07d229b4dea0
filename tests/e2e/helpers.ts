import { afterAll, beforeAll, inject } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium';

export const baseURL = () => inject('baseURL');

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every request the page made to somewhere other than the preview server. */
  foreignRequests: string[];
  /** Uncaught page errors. */
  pageErrors: string[];
}

export async function openApp(
  path = '/',
  options: { viewport?: { width: number; height: number }; locale?: string } = {},
  browser?: Browser,
): Promise<Session> {
  const b = browser ?? (await launchChromium());
  const context = await b.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: options.locale ?? 'sv-SE',
  });
  const page = await context.newPage();
  const origin = new URL(baseURL()).origin;
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      foreignRequests.push(url);
    }
  });
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.goto(new URL(path, baseURL()).href);
  return { browser: b, context, page, foreignRequests, pageErrors };
}

/**
 * Resolves when the app has its data for the view, deck.gl is attached, MapLibre is idle and the
 * flow layers' drawing data has come back from their worker.
 */
export async function waitForMapIdle(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    () =>
      '__gransatlasMap' in window &&
      document.documentElement.dataset.mapData === 'ready' &&
      // deck.gl (data layers, place names) is attached just after the first idle.
      document.documentElement.dataset.overlay === 'ready',
    null,
    { timeout },
  );
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        type IdleMap = {
          loaded(): boolean;
          areTilesLoaded(): boolean;
          once(event: string, cb: () => void): void;
          triggerRepaint(): void;
        };
        const map = (window as unknown as { __gransatlasMap: IdleMap }).__gransatlasMap;
        // Flow layers get their drawing data from a worker (html[data-flowmap]); then deck.gl draws
        // (and so can pick) new layer data one frame after it is given: wait two.
        const settle = () => {
          if (document.documentElement.dataset.flowmap === 'pending') setTimeout(settle, 20);
          else requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
        };
        if (map.loaded() && map.areTilesLoaded()) settle();
        else map.once('idle', settle);
        map.triggerRepaint();
      }),
  );
}

/** Colour of the map canvas where `lon, lat` is drawn. */
export async function pixelAt(
  page: Page,
  lon: number,
  lat: number,
): Promise<[number, number, number]> {
  return page.evaluate(
    ([lo, la]) => {
      type PixelMap = {
        project(p: [number, number]): { x: number; y: number };
        getCanvas(): HTMLCanvasElement;
      };
      const map = (window as unknown as { __gransatlasMap: PixelMap }).__gransatlasMap;
      const canvas = map.getCanvas();
      const point = map.project([lo, la]);
      const scale = canvas.width / canvas.clientWidth;
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(canvas, 0, 0);
      const d = ctx.getImageData(
        Math.round(point.x * scale),
        Math.round(point.y * scale),
        1,
        1,
      ).data;
      return [d[0], d[1], d[2]] as [number, number, number];
    },
    [lon, lat] as [number, number],
  );
}

/** Screen position (CSS pixels, relative to the page) of a lon/lat on the map. */
export async function project(
  page: Page,
  lon: number,
  lat: number,
): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([lo, la]) => {
      type ProjectMap = {
        project(p: [number, number]): { x: number; y: number };
        getCanvas(): HTMLCanvasElement;
      };
      const map = (window as unknown as { __gransatlasMap: ProjectMap }).__gransatlasMap;
      const point = map.project([lo, la]);
      const rect = map.getCanvas().getBoundingClientRect();
      return { x: rect.left + point.x, y: rect.top + point.y };
    },
    [lon, lat] as [number, number],
  );
}

/**
 * Click the map at a place until `done()` says the click took effect. Right after load deck.gl may
 * not answer the very first click (its event handling starts with its first rendered frame), so the
 * click is repeated, 700 ms apart so that two clicks never make a double-click zoom.
 */
export async function clickMapAt(
  page: Page,
  lon: number,
  lat: number,
  done: () => Promise<boolean>,
): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const { x, y } = await project(page, lon, lat);
    await page.mouse.move(x, y);
    await page.mouse.click(x, y);
    await page.waitForTimeout(700);
    if (await done()) return;
  }
  throw new Error(`Clicking the map at ${lon},${lat} had no effect`);
}

/**
 * One Chromium for a test file (started before its tests, closed after), and `open(path)`, which
 * gives a fresh browser context with the app loaded and its map ready.
 */
export function sharedBrowser(defaultPath = '/') {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    browser: () => browser,
    open: async (
      path = defaultPath,
      options: Parameters<typeof openApp>[1] = {},
    ): Promise<Session> => {
      const session = await openApp(path, options, browser);
      await waitForMapIdle(session.page);
      return session;
    },
  };
}
