/**
 * "No data" is hatched, not plain grey, in a real browser: Stockholms län (no Interreg figure for
 * 2020) is drawn in alternating stripes while Värmland (a figure) is one flat class colour; a no-data
 * area still answers hover with its "no data" tooltip, on a stripe and between stripes; the legend's
 * no-data swatch and the PNG export's show the same hatch. Screenshots go to $HATCH_SHOTS when set.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { project, waitForMapIdle, sharedBrowser } from './helpers';

const { open } = sharedBrowser();

const URL_2020 =
  '/?lang=en&layers=boundaries,indicator&indicator.id=interreg_all_partner_budget&y=2020';
/** Inside Stockholms län (no value) and Värmland (a value), away from borders and lakes. */
const STOCKHOLM: [number, number] = [18.1, 59.4];
const VARMLAND: [number, number] = [13.4, 60.1];

type Rgb = [number, number, number];
const distance = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** `count` map-canvas colours in a row of CSS pixels starting at lon, lat. */
function rowAt(page: Page, [lon, lat]: [number, number], count: number): Promise<Rgb[]> {
  return page.evaluate(
    ([lo, la, n]) => {
      type PixelMap = {
        project(p: [number, number]): { x: number; y: number };
        getCanvas(): HTMLCanvasElement;
      };
      const map = (window as unknown as { __gransatlasMap: PixelMap }).__gransatlasMap;
      const canvas = map.getCanvas();
      const scale = canvas.width / canvas.clientWidth;
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(canvas, 0, 0);
      const p = map.project([lo, la]);
      const out: [number, number, number][] = [];
      for (let i = 0; i < n; i++) {
        const d = ctx.getImageData(Math.round((p.x + i) * scale), Math.round(p.y * scale), 1, 1);
        out.push([d.data[0], d.data[1], d.data[2]]);
      }
      return out;
    },
    [lon, lat, count] as [number, number, number],
  );
}

async function shot(page: Page, name: string) {
  const dir = process.env.HATCH_SHOTS;
  if (!dir) return;
  await page.screenshot({ path: `${dir}/${name}.png` });
  // Close-ups around Stockholm (hatched areas meeting each other and the class areas), at the
  // view's zoom and two levels in: the borders must still show through the stripes.
  const at = await project(page, ...STOCKHOLM);
  const clip = { x: at.x - 260, y: at.y - 200, width: 320, height: 320 };
  await page.screenshot({ path: `${dir}/${name}-close.png`, clip });
  await page.evaluate(([lon, lat]) => {
    type ZoomMap = { getZoom(): number; jumpTo(o: object): void };
    const map = (window as unknown as { __gransatlasMap: ZoomMap }).__gransatlasMap;
    map.jumpTo({ center: [lon, lat], zoom: map.getZoom() + 2 });
  }, STOCKHOLM);
  await waitForMapIdle(page);
  await page.screenshot({ path: `${dir}/${name}-zoomed.png` });
}

describe('no-data hatch', () => {
  it('stripes areas without a value, keeps class areas flat, and keeps their tooltip', async () => {
    const { page, context, pageErrors } = await open(URL_2020);
    await page.getByTestId('indicator-class').first().waitFor();
    await waitForMapIdle(page);

    // 24 CSS pixels span about three stripes (one every ~8 px along a row).
    const hatched = await rowAt(page, STOCKHOLM, 24);
    const flat = await rowAt(page, VARMLAND, 24);
    const spread = (row: Rgb[]) => Math.max(...row.map((c) => distance(c, row[0])));
    expect(spread(hatched), `Stockholm row ${JSON.stringify(hatched)}`).toBeGreaterThan(25);
    expect(spread(flat), `Värmland row ${JSON.stringify(flat)}`).toBeLessThan(6);
    // Stripes alternate: the row goes dark → light → dark more than once.
    const lightness = hatched.map((c) => c[0] + c[1] + c[2]);
    const mid = (Math.max(...lightness) + Math.min(...lightness)) / 2;
    const flips = lightness.slice(1).filter((l, i) => l > mid !== lightness[i] > mid).length;
    expect(flips).toBeGreaterThanOrEqual(4);
    // Hovering on a stripe and between stripes both reach the area: "no data".
    const darkest = lightness.indexOf(Math.min(...lightness));
    const lightest = lightness.indexOf(Math.max(...lightness));
    const start = await project(page, ...STOCKHOLM);
    const tooltip = page.locator('.tooltip');
    for (const offset of [darkest, lightest]) {
      await page.mouse.move(start.x + 40, start.y + 40);
      await page.mouse.move(start.x + offset, start.y);
      await page.waitForFunction(() =>
        document.querySelector('.tooltip')?.textContent?.includes('Stockholm'),
      );
      expect(await tooltip.innerText()).toContain('no data');
    }

    // The legend's no-data swatch is hatched too.
    const swatch = page.getByTestId('indicator-no-data-swatch');
    const style = await swatch.evaluate((el) => {
      const s = getComputedStyle(el);
      return { image: s.backgroundImage, colour: s.backgroundColor };
    });
    expect(style.image).toContain('repeating-linear-gradient');
    expect(style.colour).toBe('rgb(217, 217, 217)');
    await page.getByTestId('indicator-legend').scrollIntoViewIfNeeded();
    await swatch.screenshot({ path: `${process.env.HATCH_SHOTS ?? '/tmp'}/hatch-swatch.png` });
    // Last: the close-ups move the map.
    await shot(page, 'hatch-desktop');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('draws the hatched swatch in the PNG export’s legend', async () => {
    const { page, context } = await open(URL_2020);
    await page.getByTestId('indicator-class').first().waitFor();
    await waitForMapIdle(page);
    await page.getByTestId('open-export').click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.getByLabel('1×').check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download PNG' }).click(),
    ]);
    const path = `${process.env.HATCH_SHOTS ?? '/tmp'}/hatch-export.png`;
    await download.saveAs(path);
    const { readFileSync } = await import('node:fs');
    const b64 = readFileSync(path).toString('base64');
    // The legend's swatch column (exportPng draws colour swatches, and this hatch, at x 30–46 at
    // 1×): some swatch rows are grey and not uniform — the hatch — while class swatches are flat.
    const hatchedRows = await page.evaluate(async (data) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      let rows = 0;
      for (let y = 56; y < Math.min(image.height, 600); y++) {
        const px = ctx.getImageData(31, y, 14, 1).data;
        const greys: number[] = [];
        for (let i = 0; i < px.length; i += 4) {
          const [r, g, b] = [px[i], px[i + 1], px[i + 2]];
          if (Math.max(r, g, b) - Math.min(r, g, b) < 12 && r < 235) greys.push(r);
        }
        if (greys.length === 14 && Math.max(...greys) - Math.min(...greys) > 25) rows++;
      }
      return rows;
    }, b64);
    expect(hatchedRows).toBeGreaterThan(4);
    await context.close();
  });
});
