/**
 * "Compare with year…" on the indicator and trade layers, in a real browser, with expectations
 * computed here from the same data files the app loads (public/generated): the indicator legend
 * becomes the change legend, an area's change and both values show in its tooltip and details,
 * and the trade tooltip, details and chart give both years and the change. Screenshots for review
 * go to $COMPARE_SHOTS when it is set.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickMapAt, project, sharedBrowser, waitForMapIdle } from './helpers';
import { flowShape } from '../../src/lib/layers/trade/geometry';
import { parseProjectsFile } from '../../src/lib/data/projects';
import { projectIndicators } from '../../src/lib/layers/projects/logic';
import { areaChanges } from '../../src/lib/domain/indicatorChange';
import { formatNumber } from '../../src/lib/i18n/translate';
import type { TradeFile } from '../../src/lib/domain/trade';

const { open } = sharedBrowser();

async function shot(page: Page, name: string) {
  const dir = process.env.COMPARE_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png` });
}

const generated = (name: string): unknown =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../public/generated/${name}`, import.meta.url)), 'utf8'),
  );

/** Numbers as the app writes them in English (trade/format.ts: formatValue, formatChange). */
const digits = (n: number) => (Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2);
const value = (n: number) => formatNumber('en', n, { maximumFractionDigits: digits(n) });
const signed = (n: number) =>
  formatNumber('en', n, { maximumFractionDigits: digits(n), signDisplay: 'exceptZero' });
const percent = (p: number) =>
  formatNumber('en', p / 100, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
/** Tooltip text with its line breaks and no-break spaces made plain. */
const plain = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('indicator layer, compare with year', () => {
  const parsed = parseProjectsFile(generated('projects.json'));
  if (!parsed.ok) throw new Error(parsed.error);
  const counts = projectIndicators(parsed.value.projects, {
    label: '',
    url: 'https://x.org/',
  }).find((i) => i.id === 'projects-count-municipality')!;
  /** Change per area the indicator names, Norwegian ones in the boundary era the map shows. */
  const changesFor = (era: string) => {
    const keys = [
      ...new Set([2008, 2014].flatMap((y) => [...counts.valuesByYear.get(y)!.keys()])),
    ].filter((k) => k.startsWith('SE-') || k.endsWith(`-${era}`));
    return areaChanges(counts, { from: 2008, to: 2014 }, keys);
  };
  const karlstad = changesFor('2024').get('SE-municipality-1780-se')!;

  // The project counts are registered by the projects layer; it is turned off once they are in,
  // so its points do not cover the areas.
  const url =
    '/?lang=en&layers=boundaries,indicator,projects&indicator.id=projects-count-municipality&y=2014&cy=2008&c=13.3,59.4,7';

  it('switches the legend to the change 2008 → 2014, with its unit and areas without both years as no data', async () => {
    const { page, context, pageErrors } = await open(url);
    const legend = page.getByTestId('indicator-legend');
    await page.getByTestId('indicator-change-title').waitFor();
    expect(await page.getByTestId('indicator-change-title').innerText()).toBe('Change 2008 → 2014');
    expect(await page.getByTestId('indicator-unit').innerText()).toContain('Change in projects');
    await page.getByRole('checkbox', { name: 'Cross-border projects' }).uncheck();
    await waitForMapIdle(page);
    // The map shows the Norwegian era the indicator's codes are in (it says so in the URL).
    const changes = changesFor(new URL(page.url()).searchParams.get('era') ?? '2024');

    // One class per kind of change in the data; the counts add up to the areas with both years.
    const classes = page.getByTestId('indicator-class');
    await classes.first().waitFor();
    const withChange = [...changes.values()].filter((c) => c.change !== null);
    const shown = await classes.allInnerTexts();
    const total = shown.reduce((n, text) => n + Number(/\((\d+) areas?\)/.exec(text)?.[1] ?? 0), 0);
    expect(total).toBe(withChange.length);
    const zeros = withChange.filter((c) => c.change === 0).length;
    expect(shown.find((text) => text.startsWith('No change'))).toContain(`(${zeros} areas)`);
    expect(shown.some((text) => text.startsWith('+'))).toBe(true);
    // Areas with a figure in one year only are "no data", and the legend says why.
    const oneYear = [...changes.values()].filter((c) => (c.before === null) !== (c.after === null));
    expect(oneYear.length).toBeGreaterThan(0);
    const noData = Number(
      /\((\d+)/.exec(await page.getByTestId('indicator-no-data').innerText())?.[1],
    );
    expect(noData).toBeGreaterThanOrEqual(oneYear.length);
    expect(await page.getByTestId('indicator-change-no-data').innerText()).toContain(
      'never counted as 0',
    );
    expect(await legend.innerText()).toContain('Colours: RdBu');
    // The palette menu shows the palette drawn, and offers only palettes that can show a sign.
    const palette = page.getByTestId('indicator-palette');
    expect(await palette.inputValue()).toBe('RdBu');
    expect(await palette.locator('option', { hasText: 'viridis' }).count()).toBe(0);
    await legend.scrollIntoViewIfNeeded();
    await shot(page, 'indicator-compare-legend');

    // Karlstad: its change and both years in the tooltip…
    const { x, y } = await project(page, 13.5, 59.39);
    await page.mouse.move(x, y);
    const expected = `Karlstad: ${signed(karlstad.change!)} projects (2008 → 2014)`;
    await page.waitForFunction(
      (text) => document.querySelector('.tooltip')?.textContent?.includes(text),
      expected,
    );
    expect(plain(await page.locator('.tooltip').innerText())).toBe(
      `${expected} 2008: ${value(karlstad.before!)} projects · 2014: ${value(karlstad.after!)} projects`,
    );
    await shot(page, 'indicator-compare');
    // …and in its details.
    await page.mouse.click(x, y);
    await page.getByTestId('indicator-area-change').waitFor();
    expect(plain(await page.getByTestId('indicator-area-change').innerText())).toBe(
      `Change 2008 → 2014: ${signed(karlstad.change!)} projects`,
    );
    expect(plain(await page.getByTestId('indicator-area-values').innerText())).toBe(
      `2008: ${value(karlstad.before!)} projects · 2014: ${value(karlstad.after!)} projects`,
    );
    await shot(page, 'indicator-compare-details');

    // Turning compare off brings back the year's legend.
    await page.goto(page.url().replace(/&cy=\d+/, ''));
    await page.getByTestId('indicator-legend').waitFor();
    expect(await page.getByTestId('indicator-change-title').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

describe('trade layer, compare with year', () => {
  const trade = generated('trade.json') as TradeFile;
  const published = (direction: string, year: number) => {
    const s = trade.series.find((x) => x.direction === direction && x.reporter === 'SE')!;
    return s.values[year - s.firstYear]!;
  };
  /** "2010: …, 2020: …, change … (…)" for Sweden's reporting of one direction. */
  const changeText = (direction: string, from: number, to: number) => {
    const before = published(direction, from);
    const after = published(direction, to);
    const p = ((after - before) / before) * 100;
    return (
      `${from}: ${value(before)} USD million, ${to}: ${value(after)} USD million, ` +
      `change ${signed(after - before)} USD million (${percent(p)})`
    );
  };

  it('shows both years and the change in the arrow’s tooltip, the flow details and the chart', async () => {
    const { page, context, pageErrors } = await open(
      '/?lang=en&layers=boundaries,trade&y=2020&cy=2010',
    );
    await page.getByTestId('trade-flow-values').locator('li').nth(1).waitFor();
    // The arrows stay drawn for the year; the legend says where the change is.
    expect(await page.getByTestId('trade-compare-hint').innerText()).toContain(
      'Arrows show 2020; the change 2010 → 2020 is in the tooltip and the details.',
    );
    const chartChange = page.getByTestId('trade-chart-change');
    expect(plain(await chartChange.locator('li[data-series="SE-NO"]').innerText())).toContain(
      plain(changeText('SE-NO', 2010, 2020)),
    );
    expect(plain(await chartChange.locator('li[data-series="NO-SE"]').innerText())).toContain(
      plain(changeText('NO-SE', 2010, 2020)),
    );
    expect(await page.getByTestId('trade-chart-compare').count()).toBe(1);
    await chartChange.scrollIntoViewIfNeeded();
    await shot(page, 'trade-compare-chart');

    await waitForMapIdle(page);
    const [lon, lat] = flowShape('SE-NO', 20_000).mid;
    const { x, y } = await project(page, lon, lat);
    await page.mouse.move(x, y);
    await page.locator('.tooltip').waitFor();
    const expected = `Sweden → Norway: ${changeText('SE-NO', 2010, 2020)}`;
    await expect
      .poll(async () => plain(await page.locator('.tooltip').innerText()))
      .toContain(plain(expected));
    await shot(page, 'trade-compare-tooltip');

    await clickMapAt(
      page,
      lon,
      lat,
      async () => (await page.getByTestId('flow-change').count()) > 0,
    );
    expect(plain(await page.getByTestId('flow-change').innerText())).toBe(
      plain(changeText('SE-NO', 2010, 2020)),
    );
    expect(await page.getByTestId('flow-chart-compare').count()).toBe(1);
    await shot(page, 'trade-compare-details');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('says "no data" for the change when a year has no figure, never a change from 0', async () => {
    const last = trade.series[0].firstYear + trade.series[0].values.length - 1;
    const { page, context } = await open(
      `/?lang=en&layers=boundaries,trade&y=${last}&cy=${last + 3}&sel=trade-flow:SE-country-SE-se>NO-country-NO-2024`,
    );
    await page.getByTestId('flow-change').waitFor();
    expect(plain(await page.getByTestId('flow-change').innerText())).toBe(
      `${last}: ${value(published('SE-NO', last))} USD million, ${last + 3}: no figure published, change: no data`,
    );
    await context.close();
  });
});
