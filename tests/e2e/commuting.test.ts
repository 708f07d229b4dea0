/**
 * The commuting layer in a real browser: a flow is drawn across the border and listed in the table;
 * selecting Strömstad shows its figures in the panel; the year changes what is shown; the CSV export
 * has the table's rows; a broken data file gives a message and leaves the map working; published
 * shares read as percentages with their sources; the 2024 legend names the areas kept at county level.
 * Screenshots for review go to $COMMUTING_SHOTS when it is set.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { clickMapAt, openApp, pixelAt, waitForMapIdle, sharedBrowser } from './helpers';

const { open, browser } = sharedBrowser();

async function shot(page: Page, name: string) {
  const dir = process.env.COMMUTING_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png` });
}

/** Waits until the layer's data is in (the legend says how many flows are shown). */
async function commutingReady(page: Page) {
  await page.getByTestId('commuting-shown').waitFor({ timeout: 20_000 });
  await waitForMapIdle(page);
}

async function tableRows(page: Page): Promise<string[][]> {
  const table = page.getByTestId('commuting-table');
  if (!(await table.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await table.locator('summary').click();
  }
  // Rows are rendered once the table is open.
  await table.locator('tbody tr, .hint').first().waitFor();
  return table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())),
    );
}

// Inland anchors of the two national totals (flowLayers.ts COUNTRY_ANCHORS).
const SE: [number, number] = [14.6, 59.6];
const NO: [number, number] = [9.9, 60.9];

describe('commuting layer', () => {
  it('draws a flow across the border and lists Sweden → Norway flows in the table', async () => {
    const base = '/?lang=en&c=12.2,60.2,5.6&y=2008';
    const off = await open(`${base}&layers=boundaries`);
    const along = [0.35, 0.45, 0.5, 0.55, 0.65].map(
      (f) => [SE[0] + (NO[0] - SE[0]) * f, SE[1] + (NO[1] - SE[1]) * f] as [number, number],
    );
    const before: [number, number, number][] = [];
    for (const p of along) before.push(await pixelAt(off.page, ...p));
    await off.context.close();

    const { page, context, pageErrors } = await open(`${base}&layers=boundaries,commuting`);
    await commutingReady(page);
    const after: [number, number, number][] = [];
    for (const p of along) after.push(await pixelAt(page, ...p));
    const changed = after.filter(
      (c, i) => Math.hypot(...c.map((v, k) => v - before[i][k])) > 30,
    ).length;
    expect(changed, `${JSON.stringify(before)} vs ${JSON.stringify(after)}`).toBeGreaterThan(0);

    const rows = await tableRows(page);
    // 2008: Strömstad → Norway 790, main job in Norway (register), as published.
    expect(rows).toContainEqual(['Strömstad', 'Norway', '790']);
    expect(rows.some((r) => r[0] === 'Norway' && r[1] === 'Sweden')).toBe(true);
    await shot(page, 'desktop-2008-table');

    // Clicking the national flow selects it: details say what was counted and link the source.
    const mid: [number, number] = [(SE[0] + NO[0]) / 2, (SE[1] + NO[1]) / 2];
    const details = page.getByTestId('details');
    await clickMapAt(page, ...mid, async () => page.url().includes('sel=commuting-flow'));
    expect(await details.locator('h2').textContent()).toMatch(/Norway.*→.*Sweden/);
    const figure = details.getByTestId('commuting-flow-figure').first();
    expect(await figure.textContent()).toMatch(/1,000 persons/);
    expect(await figure.textContent()).toMatch(/main job/i);
    expect(await figure.getByRole('link').getAttribute('href')).toMatch(/^https?:\/\//);
    await shot(page, 'desktop-flow-details');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('compares two years: growth and decline with a legend, pairs without both years left out', async () => {
    const { page, context } = await open('/?lang=en&layers=boundaries,commuting&y=2009&cy=2008');
    await page.getByTestId('commuting-legend').getByText('Change 2008–2009').waitFor();
    const rows = await tableRows(page);
    // Norway → Sweden 1 000 (2008) → 800 (2009); Strömstad has no 2009 figure: not a fall to 0.
    expect(rows).toEqual([['Norway', 'Sweden', '1,000', '800', '-200']]);
    await waitForMapIdle(page);
    await shot(page, 'desktop-compare');
    await context.close();
  });

  it('shows Strömstad’s commuting in the panel when Strömstad is selected', async () => {
    const { page, context } = await open('/?lang=en&layers=boundaries,commuting&y=2008');
    await commutingReady(page);
    const input = page.locator('#area-search');
    await input.fill('Strömstad');
    // Other layers answer the search too (projects, crossings): choose the municipality, code 1486.
    const option = page.locator('#area-search-results').getByRole('option', { name: /1486/ });
    await option.waitFor();
    await option.click();
    const section = page.getByTestId('commuting-area');
    await section.waitFor();
    expect(await section.getByTestId('commuting-out').first().textContent()).toBe('790');
    // The time series covers every year with data: 2003 and 2008 figures, gaps between.
    expect(await section.locator('svg[role=img]').count()).toBeGreaterThan(0);
    await waitForMapIdle(page);
    await shot(page, 'desktop-stromstad');
    // Swedish formatting of the same number in Swedish.
    await page.goto(page.url().replace('lang=en', 'lang=sv'));
    await page.getByTestId('commuting-area').waitFor();
    expect(await page.getByTestId('commuting-out').first().textContent()).toBe('790');
    await context.close();
  });

  it('changing the year changes the flows shown', async () => {
    const { page, context } = await open('/?lang=en&layers=boundaries,commuting&y=2008');
    await commutingReady(page);
    const rows2008 = await tableRows(page);
    await page.getByTestId('time-control').locator('input[type=range]').fill('2015');
    await expect.poll(() => page.url()).toContain('y=2015');
    await expect
      .poll(async () => JSON.stringify(await tableRows(page)))
      .not.toBe(JSON.stringify(rows2008));
    const rows2015 = await tableRows(page);
    // 2015 has Nordic Mobility figures: 22 700 Sweden → Norway.
    expect(rows2015.some((r) => r[0] === 'Sweden' && r[1] === 'Norway')).toBe(true);
    await context.close();
  });

  it('exports exactly the table as CSV (header, numbers, BOM)', async () => {
    const { page, context } = await open(
      '/?lang=sv&layers=boundaries,commuting&y=2022&commuting.scope=all&commuting.top=25',
    );
    await commutingReady(page);
    const rows = await tableRows(page);
    expect(rows.length).toBe(25);
    // Sort by origin (a real button in the header) and export that order.
    const th = page.getByTestId('commuting-table').locator('th').first();
    await th.getByRole('button').click();
    expect(await th.getAttribute('aria-sort')).toBe('ascending');
    const sorted = await tableRows(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ladda ned CSV' }).click(),
    ]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    // One measure in the table: it is named above it, not repeated in a column.
    expect(lines[0]).toBe('Bor i,Arbetar i,Personer');
    expect(lines.length - 1).toBe(sorted.length);
    lines.slice(1).forEach((line, i) => {
      const cells = line.match(/"(?:[^"]|"")*"|[^,]+/g)!.map((c) => c.replace(/^"|"$/g, ''));
      expect(cells[0]).toBe(sorted[i][0]);
      expect(cells[1]).toBe(sorted[i][1]);
      // The table formats 1 234 for Swedish; the CSV keeps the plain number.
      expect(Number(cells[2])).toBe(Number(sorted[i][2].replace(/\s/g, '')));
    });
    await shot(page, 'desktop-2022-all');
    await context.close();
  });

  it('a broken data file gives a message and leaves the map working', async () => {
    const session = await openApp('/?lang=en&layers=boundaries,commuting&y=2008', {}, browser());
    const { page, context, pageErrors } = session;
    await page.route('**/generated/commuting-cross-border.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"flows": 3}' }),
    );
    await page.reload();
    await waitForMapIdle(page);
    const alert = page.getByTestId('commuting-legend').getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/commuting-cross-border\.json/);
    // The boundaries still answer: select an area by search.
    await page.locator('#area-search').fill('Eda');
    await page.locator('#area-search-results').getByRole('option').first().waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('controls, table, legend and area section pass axe; animation draws without errors', async () => {
    const { page, context, pageErrors } = await open(
      '/?lang=en&layers=boundaries,commuting&y=2008&commuting.anim=1&sel=area:SE-municipality-1486-se',
    );
    await commutingReady(page);
    await tableRows(page);
    await page.getByTestId('commuting-area').waitFor();
    const require = createRequire(import.meta.url);
    await page.addScriptTag({
      content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'),
    });
    const violations = await page.evaluate(async () => {
      type Axe = {
        run(
          ctx: unknown,
          opts: unknown,
        ): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
      };
      const axe = (window as unknown as { axe: Axe }).axe;
      const include = [
        ['[data-testid=controls-commuting]'],
        ['[data-testid=legend-commuting]'],
        ['[data-testid=area-section-commuting]'],
      ];
      const result = await axe.run({ include }, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, count: v.nodes.length }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    // The table's header buttons sort by keyboard too.
    const persons = page.getByTestId('commuting-table').locator('th').nth(2);
    await persons.getByRole('button').focus();
    await page.keyboard.press('Enter');
    expect(await persons.getAttribute('aria-sort')).toBe('descending');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('shows Strömstad’s published shares as percentages with their source', async () => {
    const { page, context, pageErrors } = await open(
      '/?lang=en&layers=boundaries,commuting&y=2008&sel=area:SE-municipality-1486-se',
    );
    const shares = page.getByTestId('commuting-area-shares');
    await shares.waitFor({ timeout: 20_000 });
    const first = shares.getByTestId('commuting-share').first();
    // 2007 (year inferred by the dataset): 12 % of employed Strömstad residents work in Norway.
    expect(await first.textContent()).toMatch(
      /2007: 12% of employed residents of Strömstad work in Norway\s*Year not stated/,
    );
    expect(await first.getByRole('link').getAttribute('href')).toMatch(/^https:\/\/www\.nrk\.no\//);
    const texts = await shares.getByTestId('commuting-share').allTextContents();
    expect(texts.map((t) => t.match(/^\s*(\d{4})/)?.[1])).toEqual(['2007', '2009', '2014', '2023']);
    expect(texts[3]).toMatch(/over 6% of commuters from Sweden to Norway live in Strömstad/);
    // A share is never turned into a number of persons.
    expect(texts.join(' ')).not.toMatch(/\d persons/);
    await waitForMapIdle(page);
    await shares.scrollIntoViewIfNeeded();
    await shot(page, 'desktop-stromstad-shares');
    // Swedish and Norwegian put a (no-break) space before the percent sign.
    for (const lang of ['sv', 'nb']) {
      await page.goto(page.url().replace(/lang=\w+/, `lang=${lang}`));
      const item = page.getByTestId('commuting-area-shares').getByTestId('commuting-share').first();
      await item.waitFor({ timeout: 20_000 });
      expect(await item.textContent()).toMatch(/^\s*2007: 12\u00a0% av de sysselsatt/);
    }
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('lists the layer’s published shares of the year, the nearest years when none, and the whole countries', async () => {
    const { page, context, pageErrors } = await open(
      '/?lang=en&layers=boundaries,commuting&y=2007',
    );
    await commutingReady(page);
    const list = page.getByTestId('commuting-shares');
    const summary = list.locator('> summary');
    expect(await summary.textContent()).toBe('Published shares 2007 (3)');
    await summary.click();
    const items = list.locator('> ul').getByTestId('commuting-share');
    expect(await items.allTextContents()).toEqual([
      expect.stringMatching(/^\s*2007: 12% of employed residents of Strömstad work in Norway/),
      expect.stringMatching(/^\s*2007: over 10% of employed residents of Eda work in Norway/),
      expect.stringMatching(/^\s*2007: over 10% of employed residents of Årjäng work in Norway/),
    ]);
    for (const link of await items.getByRole('link').all())
      expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
    await items.last().scrollIntoViewIfNeeded();
    await shot(page, 'desktop-shares-2007');

    // 2004 has none: say so and offer 2001 and 2007.
    await page.getByTestId('time-control').locator('input[type=range]').fill('2004');
    const none = list.getByTestId('commuting-shares-none');
    await none.waitFor();
    expect(await none.textContent()).toMatch(/No published share for 2004/);
    await none.getByRole('button', { name: 'Shares for 2001' }).click();
    await expect.poll(() => page.url()).toContain('y=2001');
    expect(await items.first().textContent()).toMatch(
      /2001: about 87% of the persons the source counts live in Sweden and work in Norway/,
    );

    // Shares between the whole countries are reachable from any year.
    const countries = list.getByTestId('commuting-country-shares');
    await countries.locator('summary').click();
    const years = (await countries.getByTestId('commuting-share').allTextContents()).map((t) =>
      t.trim().slice(0, 4),
    );
    expect(years).toEqual(['2001', '2008', '2015']);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('names the municipalities kept at county level in the 2024 boundaries', async () => {
    const { page, context } = await open(
      '/?lang=en&layers=boundaries,commuting&y=2022&era=2024&commuting.scope=all',
    );
    await commutingReady(page);
    const note = page.getByTestId('commuting-split-note');
    expect(await note.textContent()).toBe(
      'Kept at county level because split in 2024 (persons are never divided): Ålesund (1508) and Haram (1580), until 2024 one municipality (1507), shown as Møre og Romsdal (15).',
    );
    await note.scrollIntoViewIfNeeded();
    await shot(page, 'desktop-2024-split-note');
    // Across the border only: the municipality matrices are not shown, and neither is the note.
    await page.goto(page.url().replace('commuting.scope=all', 'commuting.scope=cross-border'));
    // No cross-border figure for 2022: the legend says so (and still offers the shares).
    await page.getByTestId('commuting-shares').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('commuting-split-note').count()).toBe(0);
    await context.close();
  });

  it('works on a phone', async () => {
    const { page, context } = await open(
      '/?lang=sv&layers=boundaries,commuting&y=2008&sel=area:SE-municipality-1486-se',
      { viewport: { width: 390, height: 844 } },
    );
    await page.getByTestId('commuting-area').waitFor({ timeout: 20_000 });
    await waitForMapIdle(page);
    await shot(page, 'phone-stromstad');
    const shares = page.getByTestId('commuting-area-shares');
    await shares.scrollIntoViewIfNeeded();
    expect(await shares.getByRole('link').first().isVisible()).toBe(true);
    await shot(page, 'phone-stromstad-shares');
    await context.close();
  });
});
