import { test, expect, type Page } from '@playwright/test';
import { E2E_BASE } from './site.ts';

// A guidance page and the checker's report as they come out of a printer: Chromium renders each to
// PDF on A4 and on US Letter, and the print view (emulated print media) must show the text and the
// diagrams without the screen-only furniture.

const SHEETS = ['A4', 'Letter'] as const;

/** Render to PDF and check it is a real, non-trivial PDF with at least one page. */
async function printTo(page: Page, format: (typeof SHEETS)[number]) {
  const pdf = await page.pdf({ format, printBackground: false });
  expect(pdf.subarray(0, 5).toString('latin1'), `${format} output is a PDF`).toBe('%PDF-');
  expect(pdf.length, `${format} PDF size`).toBeGreaterThan(20_000);
  const body = pdf.toString('latin1');
  const pages = body.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
  expect(pages, `${format} page count`).toBeGreaterThan(0);
  return { pdf, pages };
}

const hidden = async (page: Page, selector: string) => {
  // The selector must match something, or a renamed class would make the check pass vacuously.
  await expect(page.locator(selector).first(), selector).toBeAttached();
  for (const el of await page.locator(selector).all()) await expect(el, selector).toBeHidden();
};

test('a guidance page prints on A4 and Letter: text and diagram, no navigation', async ({ page }) => {
  await page.goto(`${E2E_BASE}load-balancer/`);
  await page.emulateMedia({ media: 'print' });

  await expect(page.locator('h1')).toBeVisible();
  for (const selector of [
    'nav.sidebar',
    'site-search',
    'starlight-theme-select',
    '.pagination-links',
    '.right-sidebar-container',
    '.sl-menu-button',
    '#starlight__mobile-toc',
    '.meta',
  ]) {
    await hidden(page, selector);
  }
  const diagram = page.locator('.sl-markdown-content .rd-figure svg').first();
  await expect(diagram).toBeVisible();
  expect((await diagram.boundingBox())!.height).toBeGreaterThan(50);
  expect(
    await page
      .locator('.rd-figure')
      .first()
      .evaluate((el) => getComputedStyle(el).breakInside),
  ).toBe('avoid');

  // Black on white.
  const colours = await page.evaluate(() => {
    const body = getComputedStyle(document.body);
    // A paragraph of the page's own text (the version aside above it keeps its colours).
    const text = getComputedStyle(document.querySelector('.sl-markdown-content > p')!);
    return { background: body.backgroundColor, text: text.color };
  });
  expect(colours).toEqual({ background: 'rgb(255, 255, 255)', text: 'rgb(0, 0, 0)' });

  // An outside link in the text is followed by its address on paper.
  const after = await page.evaluate(() => {
    const a = document.createElement('a');
    a.href = 'https://ranchermanager.docs.rancher.com/';
    a.textContent = 'Rancher docs';
    document.querySelector('.sl-markdown-content > p')!.append(a);
    return getComputedStyle(a, '::after').content;
  });
  expect(after).toBe('" (https://ranchermanager.docs.rancher.com/)"');

  for (const format of SHEETS) {
    const { pdf } = await printTo(page, format);
    // Chromium embeds fonts as subsets, so the page's words are not stored as plain text. What can
    // be checked without a PDF library: the page's title in the document information.
    expect(pdf.toString('latin1')).toMatch(/\/Title \(Load balancer and ingress \| Rancher Architecture Guide\)/);
  }
});

test("the checker's report prints: summary, findings and diagram, not the editor", async ({ page }) => {
  await page.goto(`${E2E_BASE}checker/`);
  await expect(page.getByRole('heading', { name: 'Start from a preset' })).toBeVisible();
  await page.getByRole('button', { name: 'Production downstream cluster' }).click();
  const summary = page.getByRole('status', { name: 'Finding count' });
  await expect(summary).toContainText('1 cluster and 8 nodes');
  const before = await summary.textContent();
  // The preset follows the guidance; give it something to report (a controlplane node running workloads).
  await page
    .getByRole('region', { name: /^Cluster production\b/ })
    .getByLabel('worker role of cp-1')
    .check();
  // The findings follow the edit in one render with the summary: once the summary has changed, the list is whole.
  await expect(summary).not.toHaveText(before ?? '');
  await expect(page.locator('.ck-finding').first()).toBeVisible();
  const findings = await page.locator('.ck-finding').count();
  await page.emulateMedia({ media: 'print' });

  // The checker page is full width (Starlight's splash template): it has no sidebar to hide.
  await expect(page.locator('nav.sidebar')).toHaveCount(0);
  for (const selector of ['site-search', 'starlight-theme-select', '.ck-editor', '.ck-presets', '.ck-import', '.ck-keep', '.ck-button']) {
    await hidden(page, selector);
  }
  await expect(page.getByRole('status', { name: 'Finding count' })).toBeVisible();
  await expect(page.locator('.ck-finding')).toHaveCount(findings);
  for (const finding of await page.locator('.ck-finding').all()) await expect(finding).toBeVisible();
  const diagram = page.locator('.ck-diagram svg').first();
  await expect(diagram).toBeVisible();
  expect((await diagram.boundingBox())!.width).toBeGreaterThan(300);

  for (const format of SHEETS) {
    const { pages } = await printTo(page, format);
    expect(pages, `${format}: the report fits a few sheets`).toBeLessThan(15);
  }
});
