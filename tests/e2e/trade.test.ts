/**
 * The trade and indicator layers in a real browser: both trade directions are drawn for a year with
 * data and their series are in the panel's chart; a crossing is found by name and opens its history;
 * the indicator legend follows the classification method and shows areas without a value as
 * "no data". Screenshots for review go to $TRADE_SHOTS when it is set.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickMapAt, pixelAt, project, waitForMapIdle, sharedBrowser } from './helpers';
import { flowShape } from '../../src/lib/layers/trade/geometry';

const { open } = sharedBrowser();

async function shot(page: Page, name: string) {
  const dir = process.env.TRADE_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png` });
}

const distance = (a: number[], b: number[]) => Math.hypot(...a.map((c, i) => c - b[i]));

describe('trade layer', () => {
  it('draws both directions for 2019 and charts both series with the year marked', async () => {
    const { page, context, pageErrors } = await open('/?lang=en&layers=boundaries,trade&y=2019');
    const flows = page.getByTestId('trade-flow-values').locator('li');
    await flows.nth(1).waitFor();
    expect(await flows.count()).toBe(2);
    const legend = await page.getByTestId('trade-legend').innerText();
    expect(legend).toContain('Sweden → Norway');
    expect(legend).toContain('Norway → Sweden');
    expect(legend).toContain('USD million');
    expect(legend).toContain('as reported by Sweden');

    const chart = page.getByTestId('trade-chart');
    const paths = chart.locator('path[data-series]');
    expect(await paths.count()).toBe(2);
    for (const d of await paths.evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? ''))) {
      // 1960–2020 without gaps: one subpath of 61 points.
      expect(d.match(/M/g)?.length).toBe(1);
      expect(d.match(/L/g)?.length).toBe(60);
    }
    expect(await chart.getByTestId('trade-chart-selected').count()).toBe(1);
    expect(await chart.getByTestId('trade-chart-unit').innerText()).toContain('USD million');

    await waitForMapIdle(page);
    await shot(page, 'trade-desktop');
    const [lon, lat] = flowShape('SE-NO', 20_000).mid;
    const on = await pixelAt(page, lon, lat);
    await page.getByRole('checkbox', { name: 'Trade and crossings' }).uncheck();
    await waitForMapIdle(page);
    const off = await pixelAt(page, lon, lat);
    expect(distance(on, off), `arc ${on} vs no arc ${off}`).toBeGreaterThan(40);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('flags the suspect 2006 value in Norway’s reporting and marks a gap-free chart point', async () => {
    const { page, context } = await open(
      '/?lang=en&layers=boundaries,trade&y=2006&trade.reporter=NO',
    );
    await page.getByTestId('trade-flag').first().waitFor();
    expect(await page.getByTestId('trade-flag').first().innerText()).toContain('suspect');
    expect(await page.getByTestId('trade-legend').innerText()).toContain('as reported by Norway');
    expect(await page.getByTestId('trade-chart').locator('circle.flagged').count()).toBe(1);
    await context.close();
  });

  it('selects a flow by clicking its arrow and shows its value, source and national figures', async () => {
    const { page, context } = await open('/?lang=sv&layers=boundaries,trade&y=2019');
    await page.getByTestId('trade-flow-values').locator('li').nth(1).waitFor();
    await waitForMapIdle(page);
    const [lon, lat] = flowShape('NO-SE', 15_000).mid;
    await clickMapAt(
      page,
      lon,
      lat,
      async () => (await page.getByTestId('flow-value').count()) > 0,
    );
    expect(await page.locator('#details-heading').innerText()).toContain('Norge → Sverige');
    expect(await page.getByTestId('flow-value').innerText()).toMatch(/miljoner USD/);
    expect(page.url()).toContain('sel=trade-flow');
    expect(await page.getByTestId('flow-chart').locator('path[data-series]').count()).toBe(1);
    await page.getByTestId('trade-legend').scrollIntoViewIfNeeded();
    await shot(page, 'trade-flow-details');
    await context.close();
  });

  it('finds a crossing by its Norwegian name and shows its history and sources', async () => {
    const { page, context } = await open('/?lang=en&layers=boundaries,trade');
    const input = page.locator('#area-search');
    await input.fill('Svinesundbrua');
    await page.locator('#area-search-results').getByRole('option').first().waitFor();
    await input.press('ArrowDown');
    await input.press('Enter');
    await page.getByTestId('crossing-history').waitFor();
    expect(await page.getByTestId('crossing-name').innerText()).toContain('Svinesund');
    expect(await page.getByTestId('crossing-history').locator('tbody tr').count()).toBeGreaterThan(
      3,
    );
    expect(
      await page.getByTestId('crossing-history').locator('a[href^="https://"]').count(),
    ).toBeGreaterThan(0);
    await waitForMapIdle(page);
    await shot(page, 'trade-crossing');
    await context.close();
  });

  it('lays out on a phone', async () => {
    const { page, context } = await open('/?lang=sv&layers=boundaries,trade&y=2019', {
      viewport: { width: 390, height: 844 },
    });
    await page.getByTestId('trade-flow-values').locator('li').nth(1).waitFor();
    await waitForMapIdle(page);
    await shot(page, 'trade-phone');
    await page.getByTestId('trade-chart').scrollIntoViewIfNeeded();
    await shot(page, 'trade-phone-chart');
    await page.getByRole('button', { name: 'Dölj panelen' }).click();
    await waitForMapIdle(page);
    await shot(page, 'trade-phone-map');
    await context.close();
  });
});

describe('indicator layer', () => {
  const url =
    '/?lang=en&layers=boundaries,indicator&indicator.id=interreg_all_partner_budget&y=2022';

  it('offers the nearest year, changes breaks with the method and shows areas without value as no data', async () => {
    const { page, context, pageErrors } = await open(url);
    const legend = page.getByTestId('indicator-legend');
    await legend.waitFor();
    // 2022 has no figures: the legend says so and offers 2020.
    await page.getByTestId('indicator-no-year').waitFor();
    await page.getByTestId('indicator-no-year').getByRole('button', { name: 'Show 2020' }).click();
    const classes = page.getByTestId('indicator-class');
    await classes.first().waitFor();
    expect(await legend.innerText()).toContain('EUR million');

    const labels = () => classes.allInnerTexts();
    const quantile = await labels();
    await page.getByRole('radio', { name: 'Equal intervals' }).check();
    await page.waitForFunction(
      (before) =>
        [...document.querySelectorAll('[data-testid="indicator-class"]')]
          .map((e) => (e as HTMLElement).innerText)
          .join('|') !== before,
      quantile.join('|'),
    );
    const equal = await labels();
    // Manual breaks typed in the panel become the legend's classes.
    await page.getByRole('radio', { name: 'Manual breaks' }).check();
    await page.getByTestId('indicator-breaks').fill('1 2 5');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="indicator-class"]').length === 4,
    );
    expect(await labels()).toEqual([
      expect.stringContaining('0.74 – 1.00'),
      expect.stringContaining('1.00 – 2.00'),
      expect.stringContaining('2.00 – 5.00'),
      expect.stringContaining('5.00 – 17.06'),
    ]);
    expect(page.url()).toContain('indicator.breaks=1_2_5');
    await page.getByRole('radio', { name: 'Equal intervals' }).check();
    // Värmland (a figure) and Stockholms län (none) are drawn in different fills.
    await waitForMapIdle(page);
    const withValue = await pixelAt(page, 13.4, 60.1);
    const without = await pixelAt(page, 18.1, 59.4);
    expect(distance(withValue, without), `${withValue} vs ${without}`).toBeGreaterThan(40);
    expect(equal).not.toEqual(quantile);
    expect(page.url()).toContain('indicator.method=equal-interval');

    // Most counties have no Interreg figure here: counted and drawn as "no data", never as zero.
    const noData = await page.getByTestId('indicator-no-data').innerText();
    expect(noData).toMatch(/No data/);
    expect(Number(/\((\d+)/.exec(noData)?.[1])).toBeGreaterThan(0);

    await waitForMapIdle(page);
    // Stockholms län has no figure: its tooltip says "no data".
    const { x, y } = await project(page, 18.1, 59.4);
    await page.mouse.move(x, y);
    const tooltip = page.locator('.tooltip');
    await tooltip.waitFor();
    expect(await tooltip.innerText()).toContain('no data');
    // Värmland has a figure: value and unit.
    const v = await project(page, 13.2, 59.9);
    await page.mouse.move(v.x, v.y);
    await page.waitForFunction(() =>
      document.querySelector('.tooltip')?.textContent?.includes('EUR million'),
    );
    await shot(page, 'indicator-desktop');
    // Selecting the area shows its figure under the area's details.
    await page.mouse.click(v.x, v.y);
    await page.getByTestId('indicator-area-value').waitFor();
    expect(await page.getByTestId('indicator-area-value').innerText()).toMatch(
      /2020: 3\.42 EUR million/,
    );
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('lays out on a phone', async () => {
    const { page, context } = await open(
      url.replace('y=2022', 'y=2020').replace('lang=en', 'lang=nb'),
      {
        viewport: { width: 390, height: 844 },
      },
    );
    await page.getByTestId('indicator-class').first().waitFor();
    await waitForMapIdle(page);
    await shot(page, 'indicator-phone');
    await page.getByTestId('indicator-legend').scrollIntoViewIfNeeded();
    await shot(page, 'indicator-phone-legend');
    await context.close();
  });
});
