/**
 * The projects layer in a real browser: the top search finds a project by a word of its name and
 * opens its details (budget, source link); filters reduce the points; the phone sheet shows the list.
 * Screenshots for review go to $PROJECTS_SHOTS when it is set.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForMapIdle, sharedBrowser } from './helpers';

const { open } = sharedBrowser();

async function shot(page: Page, name: string) {
  const dir = process.env.PROJECTS_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png` });
}

const legendCount = async (page: Page) =>
  Number(await page.getByTestId('projects-legend').getAttribute('data-count'));
const listCount = async (page: Page) =>
  Number(
    await page.getByTestId('projects-list').locator('[data-count]').getAttribute('data-count'),
  );

describe('projects layer', () => {
  it('finds "laks" in the top search and opens the project with its budget and source', async () => {
    const { page, context, pageErrors } = await open('/?lang=en');
    const input = page.locator('#area-search');
    await input.focus();
    await input.fill('laks');
    const option = page
      .locator('#area-search-results')
      .getByRole('option', { name: /Vänerlaxens fria gång/ });
    await option.waitFor();
    await option.click();
    const details = page.getByTestId('details');
    await expect.poll(() => details.locator('h2').textContent()).toBe('Vänerlaxens fria gång');
    // 3 425 614 EUR, formatted as currency in English.
    expect(await page.getByTestId('project-budget').textContent()).toMatch(/€3,425,614/);
    const source = page.getByTestId('project-source');
    expect(await source.getAttribute('href')).toMatch(/^https:\/\//);
    // Choosing it turned the layer on and put the selection in the URL.
    expect(page.url()).toContain('sel=project%3Ase-no-2007-002');
    expect(page.url()).toMatch(/layers=[^&]*projects/);
    await waitForMapIdle(page);
    await shot(page, 'desktop-selected');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('filters reduce the points and the list, and the filters live in the URL', async () => {
    const { page, context } = await open('/?lang=en&layers=boundaries,projects');
    await expect.poll(() => legendCount(page)).toBe(143);
    expect(await listCount(page)).toBe(143);
    await shot(page, 'desktop-all');
    const controls = page.getByTestId('controls-projects');
    await controls.getByRole('checkbox', { name: /2007–2013/ }).check();
    await expect.poll(() => legendCount(page)).toBe(18);
    expect(await listCount(page)).toBe(18);
    expect(page.url()).toContain('projects.period=2007-2013');
    await controls.getByRole('radio', { name: 'Norway' }).check();
    await expect.poll(() => legendCount(page)).toBeLessThan(18);
    // A link restores the filters.
    const restored = await open(page.url().replace(/^.*?\?/, '/?'));
    await expect.poll(() => legendCount(restored.page)).toBe(await legendCount(page));
    await restored.context.close();
    await context.close();
  });

  it('sorts the list by budget with the keyboard and exports exactly that list as CSV', async () => {
    const { page, context } = await open(
      '/?lang=en&layers=boundaries,projects&projects.period=2021-2027',
    );
    await expect.poll(() => listCount(page)).toBe(68);
    const header = page.getByRole('columnheader', { name: /Budget/ });
    await header.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    expect(page.url()).toContain('projects.sort=budget');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const file = await download;
    const path = await file.path();
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,name,acronym/);
    expect(lines.length).toBe(1 + 68);
    await context.close();
  });

  it('expands clusters when zoomed in and draws links for all shown projects', async () => {
    const { page, context } = await open(
      '/?lang=en&c=11.8,59.6,7.5&layers=boundaries,projects&projects.links=all&projects.colour=period',
    );
    await expect.poll(() => legendCount(page)).toBe(143);
    await waitForMapIdle(page);
    await shot(page, 'desktop-zoomed-links');
    await context.close();
  });

  it('a phone shows the project list in the bottom sheet', async () => {
    const { page, context } = await open('/?lang=sv&layers=boundaries,projects', {
      viewport: { width: 390, height: 844 },
    });
    const sheet = page.getByTestId('sheet');
    const list = sheet.getByTestId('projects-list');
    await list.scrollIntoViewIfNeeded();
    await expect.poll(() => list.isVisible()).toBe(true);
    await expect.poll(() => listCount(page)).toBe(143);
    await shot(page, 'phone-list');
    await context.close();
  });
});
