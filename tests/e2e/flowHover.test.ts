/**
 * Hovering a commuting flow or location highlights it on the map (a yellow highlight,
 * drawn by the pick layers in flowLayers.ts) and moving the pointer away removes it; the same in
 * compare mode. Pixels are read from the map canvas, so the tooltip (a DOM element) does not count.
 * Screenshots for review go to $COMMUTING_SHOTS when it is set.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pixelAt, project, sharedBrowser, waitForMapIdle } from './helpers';

const { open } = sharedBrowser();

type Rgb = [number, number, number];

// Inland anchors of the two national totals (flowLayers.ts COUNTRY_ANCHORS).
const SE: [number, number] = [14.6, 59.6];
const NO: [number, number] = [9.9, 60.9];
/** flowLayers.ts HIGHLIGHT_RGB at HIGHLIGHT_ALPHA (200 of 255), blended over what is drawn. */
const HIGHLIGHT: Rgb = [255, 200, 0];
const ALPHA = 200 / 255;

const VIEW = '/?lang=en&c=12.2,60.2,5.6&layers=boundaries,commuting';
/** Points on the national flow, Norway → Sweden, away from both location circles. */
const ALONG = [0.3, 0.4, 0.5, 0.6, 0.7].map(
  (f) => [NO[0] + (SE[0] - NO[0]) * f, NO[1] + (SE[1] - NO[1]) * f] as [number, number],
);
/** Inland Sweden, far from every cross-border flow. */
const AWAY: [number, number] = [16.5, 62.3];

const distance = (a: Rgb, b: Rgb) => Math.hypot(...a.map((v, i) => v - b[i]));
const highlighted = (under: Rgb): Rgb =>
  under.map((v, i) => Math.round(HIGHLIGHT[i] * ALPHA + v * (1 - ALPHA))) as Rgb;

async function shot(page: Page, name: string) {
  const dir = process.env.COMMUTING_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png` });
}

async function pixels(page: Page, points: [number, number][]): Promise<Rgb[]> {
  const out: Rgb[] = [];
  for (const p of points) out.push(await pixelAt(page, ...p));
  return out;
}

async function hover(page: Page, at: [number, number]) {
  const { x, y } = await project(page, ...at);
  await page.mouse.move(x, y);
}

/** Largest distance between what is drawn and what `expected` says, point by point. */
async function worst(page: Page, points: [number, number][], expected: Rgb[]): Promise<number> {
  const now = await pixels(page, points);
  return Math.max(...now.map((c, i) => distance(c, expected[i])));
}

/** Hovers the national flow and checks the highlight comes, and goes again with the pointer. */
async function hoverNationalFlow(page: Page, tooltip: RegExp) {
  await hover(page, AWAY);
  await waitForMapIdle(page);
  const before = await pixels(page, ALONG);
  // The flow is drawn there in the first place (its purple, not the pale basemap).
  expect(before.some((c) => c[0] < 200)).toBe(true);

  await hover(page, ALONG[2]);
  await expect.poll(() => page.locator('.tooltip').textContent()).toMatch(tooltip);
  const expected = before.map(highlighted);
  await expect.poll(() => worst(page, ALONG, expected), { timeout: 5_000 }).toBeLessThan(12);
  return before;
}

describe('hovering commuting flows', () => {
  it('highlights the hovered flow and location in yellow, and only while hovered', async () => {
    const { page, context, pageErrors } = await open(`${VIEW}&y=2008`);
    await page.getByTestId('commuting-shown').waitFor({ timeout: 20_000 });

    const before = await hoverNationalFlow(page, /Norway → Sweden/);
    await shot(page, 'desktop-hover-flow');

    // Away from the flow: exactly as before.
    await hover(page, AWAY);
    await expect.poll(() => worst(page, ALONG, before), { timeout: 5_000 }).toBeLessThan(4);

    // A location: Sweden's national total.
    const circle = await pixelAt(page, ...SE);
    await hover(page, SE);
    await expect.poll(() => page.locator('.tooltip').textContent()).toMatch(/Sweden/);
    await expect
      .poll(() => worst(page, [SE], [highlighted(circle)]), { timeout: 5_000 })
      .toBeLessThan(12);
    // Only the location, not the flow that ends there.
    expect(await worst(page, ALONG, before)).toBeLessThan(4);
    await shot(page, 'desktop-hover-location');
    await hover(page, AWAY);
    await expect.poll(() => worst(page, [SE], [circle]), { timeout: 5_000 }).toBeLessThan(4);

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('highlights a flow in compare mode too', async () => {
    // 2008 → 2009: Norway → Sweden fell by 200, drawn as a decline.
    const { page, context } = await open(`${VIEW}&y=2009&cy=2008`);
    await page.getByTestId('commuting-legend').getByText('Change 2008–2009').waitFor();
    const before = await hoverNationalFlow(page, /Norway → Sweden\s+Decline/);
    await shot(page, 'desktop-hover-compare');
    await hover(page, AWAY);
    await expect.poll(() => worst(page, ALONG, before), { timeout: 5_000 }).toBeLessThan(4);
    await context.close();
  });
});
