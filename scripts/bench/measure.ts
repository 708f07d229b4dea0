/**
 * One cold page load in a fresh browser context: what it fetched for its first view (before the
 * map's first `idle`, or until its deck.gl overlay is attached) with gzip sizes, and when that idle
 * came.
 *
 * A page under test follows the app's contract: it sets `window.__gransatlasMap` to its MapLibre
 * map and `document.documentElement.dataset.mapData = 'ready'` once the view's data is in.
 * "First idle" is the first `idle` MapLibre fires after both, in ms since navigation start
 * (`performance.now()` in the page).
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Browser, Page, Response } from 'playwright-core';

export const VIEWPORT = { width: 1280, height: 800 } as const;
export const LOCALE = 'sv-SE';

/**
 * Installed before any page script runs. Plain JavaScript in a string: tsx keeps function names
 * with helpers that do not exist in the page, so a serialised TS function would not run there.
 */
const PROBE = `(() => {
  const bench = { readyAt: null, idleAt: null };
  let map = null;
  const check = () => {
    if (bench.readyAt !== null || !map || document.documentElement?.dataset.mapData !== 'ready') return;
    bench.readyAt = performance.now();
    map.once('idle', () => { bench.idleAt = performance.now(); });
    // A frame is drawn after the data is in, so an idle always follows it.
    map.triggerRepaint();
  };
  Object.defineProperty(window, '__benchProbe', { value: bench });
  Object.defineProperty(window, '__gransatlasMap', {
    configurable: true,
    enumerable: true,
    get: () => map,
    set: (value) => { map = value; check(); },
  });
  new MutationObserver(check).observe(document, {
    subtree: true,
    attributes: true,
    attributeFilter: ['data-map-data'],
  });
})();`;

const READ_VIEW = `(() => {
  const map = window.__gransatlasMap;
  const c = map.getCenter();
  const box = map.getContainer();
  return {
    readyMs: window.__benchProbe.readyAt,
    firstIdleMs: window.__benchProbe.idleAt,
    idleEpochMs: performance.timeOrigin + window.__benchProbe.idleAt,
    overlayLoadEpochMs: (() => {
      const mark = performance.getEntriesByName('gransatlas-overlay-load')[0];
      return mark ? performance.timeOrigin + mark.startTime : null;
    })(),
    camera: { lon: c.lng, lat: c.lat, zoom: map.getZoom() },
    mapSize: { width: box.clientWidth, height: box.clientHeight },
  };
})()`;

export type AssetKind = 'js' | 'data' | 'css' | 'font' | 'html' | 'other';

export interface FetchedFile {
  path: string;
  bytes: number;
  gzipBytes: number;
}

export interface AssetGroup {
  bytes: number;
  gzipBytes: number;
  files: FetchedFile[];
}

export interface PageLoad {
  firstIdleMs: number;
  readyMs: number;
  camera: { lon: number; lat: number; zoom: number };
  mapSize: { width: number; height: number };
  /** The first step: before the overlay mark (app) or the first idle (other pages). */
  assets: Record<AssetKind, AssetGroup>;
  /** The app's JS until deck.gl and the place names are attached; null for other pages. */
  firstView: { js: AssetGroup } | null;
  pageErrors: string[];
  /** Requests to anything but the local server (should be none). */
  foreignRequests: string[];
}

type ViewReading = Pick<PageLoad, 'firstIdleMs' | 'readyMs' | 'camera' | 'mapSize'> & {
  idleEpochMs: number;
  overlayLoadEpochMs: number | null;
};

const gzipCache = new Map<string, number>();

/** gzip -9 size of a body; the same file fetched in every run is compressed once. */
export function gzipBytes(body: Buffer): number {
  const key = createHash('sha1').update(body).digest('hex');
  let size = gzipCache.get(key);
  if (size === undefined) {
    size = gzipSync(body, { level: 9 }).length;
    gzipCache.set(key, size);
  }
  return size;
}

function kindOf(response: Response): AssetKind {
  const type = response.request().resourceType();
  const pathname = new URL(response.url()).pathname;
  if (type === 'script' || /\.m?js$/.test(pathname)) return 'js';
  if (type === 'fetch' || type === 'xhr') return 'data';
  if (type === 'stylesheet') return 'css';
  if (type === 'font') return 'font';
  if (type === 'document') return 'html';
  return 'other';
}

async function group(responses: Response[]): Promise<AssetGroup> {
  const files: FetchedFile[] = [];
  for (const response of responses) {
    const body = await response.body();
    files.push({
      path: new URL(response.url()).pathname,
      bytes: body.length,
      gzipBytes: gzipBytes(body),
    });
  }
  files.sort((a, b) => a.path.localeCompare(b.path));
  return {
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
    files,
  };
}

/**
 * `untilOverlay`: the page draws its map first and attaches deck.gl (place names, data layers) as a
 * second step once the map is idle: it marks `gransatlas-overlay-load` when that step starts and
 * sets `<html data-overlay="ready">` when it is done. `assets` is then what was requested before the
 * mark (the map's own step, independent of when the idle comes) and `firstView` everything until
 * the overlay is ready (deck.gl and the place names included).
 */
const requestedBy = (responses: Response[], epochMs: number) =>
  responses.filter((r) => r.request().timing().startTime < epochMs);

export async function measureLoad(
  browser: Browser,
  url: string,
  { untilOverlay = false, timeoutMs = 90_000 } = {},
): Promise<PageLoad> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    locale: LOCALE,
  });
  try {
    await context.addInitScript({ content: PROBE });
    const page = await context.newPage();
    const origin = new URL(url).origin;
    const responses: Response[] = [];
    const foreignRequests: string[] = [];
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    page.on('request', (request) => {
      const u = request.url();
      if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) {
        foreignRequests.push(u);
      }
    });
    page.on('response', (response) => {
      if (response.url().startsWith(origin) && response.status() === 200) {
        responses.push(response);
      }
    });
    await page.goto(url);
    try {
      await page.waitForFunction(
        'window.__benchProbe && window.__benchProbe.idleAt !== null',
        null,
        {
          timeout: timeoutMs,
          polling: 50,
        },
      );
    } catch (error) {
      const errors = pageErrors.length ? ` Page errors: ${pageErrors.join(' | ')}` : '';
      throw new Error(`${url}: no map idle after the data was ready (${String(error)}).${errors}`);
    }
    const { idleEpochMs, overlayLoadEpochMs, ...view } =
      await page.evaluate<ViewReading>(READ_VIEW);
    let initialEnd = idleEpochMs;
    let firstView: PageLoad['firstView'] = null;
    if (untilOverlay) {
      await page.waitForFunction("document.documentElement.dataset.overlay === 'ready'", null, {
        timeout: timeoutMs,
        polling: 50,
      });
      const ready = await page.evaluate<number>('performance.timeOrigin + performance.now()');
      if (overlayLoadEpochMs === null) throw new Error(`${url}: no gransatlas-overlay-load mark`);
      initialEnd = overlayLoadEpochMs;
      const until = requestedBy(responses, ready);
      firstView = { js: await group(until.filter((r) => kindOf(r) === 'js')) };
    }
    // Only what was requested by then belongs to the first step.
    const initial = requestedBy(responses, initialEnd);
    const byKind = (kind: AssetKind) => group(initial.filter((r) => kindOf(r) === kind));
    const assets = {
      js: await byKind('js'),
      data: await byKind('data'),
      css: await byKind('css'),
      font: await byKind('font'),
      html: await byKind('html'),
      other: await byKind('other'),
    };
    return { ...view, assets, firstView, pageErrors, foreignRequests };
  } finally {
    await context.close();
  }
}

export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const round = (n: number) => Math.round(n);
  return {
    median: round(median),
    min: round(sorted[0]),
    max: round(sorted[sorted.length - 1]),
    runs: values.map(round),
  };
}

/**
 * Resolves (with the page's performance.now()) once the map is idle, the flow layers' drawing data
 * is back from their worker (html[data-flowmap]) and the map is idle again, i.e. redrawn with it.
 */
export function idleWithFlows(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const map = (
      window as unknown as {
        __gransatlasMap: { once(e: string, f: () => void): void; triggerRepaint(): void };
      }
    ).__gransatlasMap;
    const mapIdle = () =>
      new Promise<void>((resolve) => {
        map.once('idle', () => resolve());
        map.triggerRepaint();
      });
    await mapIdle();
    while (document.documentElement.dataset.flowmap === 'pending')
      await new Promise((r) => setTimeout(r, 10));
    await mapIdle();
    return performance.now();
  });
}
