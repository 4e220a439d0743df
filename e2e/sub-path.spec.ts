import { test, expect } from '@playwright/test';
import { E2E_BASE, sitePages } from './site.ts';

// The e2e build is hosted under E2E_BASE: every page, asset and internal link must stay inside it.
test('every page lives under the base path', () => {
  const pages = sitePages();
  expect(pages.length).toBeGreaterThan(5);
  for (const path of pages) expect(path.startsWith(E2E_BASE), path).toBe(true);
});

test('assets and internal links resolve under the base path', async ({ page }) => {
  await page.goto(E2E_BASE);
  const urls = await page.evaluate(() =>
    [
      ...[...document.querySelectorAll('link[href]')].map((l) => (l as HTMLLinkElement).href),
      ...[...document.querySelectorAll('script[src]')].map((s) => (s as HTMLScriptElement).src),
      ...[...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
    ].filter((u) => u.startsWith(location.origin)),
  );
  expect(urls.length).toBeGreaterThan(3);
  for (const url of new Set(urls.map((u) => u.split('#')[0] ?? u))) {
    expect(new URL(url).pathname.startsWith(E2E_BASE), url).toBe(true);
    const response = await page.request.get(url);
    expect(response.status(), url).toBeLessThan(400);
  }
});

test('search finds guidance under the base path', async ({ page }) => {
  await page.goto(`${E2E_BASE}overview/`);
  await page
    .getByRole('button', { name: /search/i })
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await dialog.locator('input').fill('etcd quorum');
  const firstResult = dialog.locator('.pagefind-ui__result-link').first();
  await expect(firstResult).toBeVisible({ timeout: 15_000 });
  const href = await firstResult.getAttribute('href');
  expect(href!.startsWith(E2E_BASE), href!).toBe(true);
  await firstResult.click();
  await expect(page).toHaveURL(new RegExp(E2E_BASE));
  await expect(page.locator('h1')).toBeVisible();
});

test('a missing page shows the 404 page with a way back', async ({ page }) => {
  const response = await page.goto(`${E2E_BASE}no-such-page/`);
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toContainText(/404|not found/i);
});

test('dark mode can be chosen and is remembered', async ({ page }) => {
  await page.goto(`${E2E_BASE}overview/`);
  await page.locator('starlight-theme-select select').first().selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('pages link to the next and previous page in reading order', async ({ page }) => {
  await page.goto(`${E2E_BASE}separation/`);
  await expect(page.locator('a[rel="next"]')).toHaveAttribute('href', `${E2E_BASE}high-availability/`);
  await expect(page.locator('a[rel="prev"]')).toHaveAttribute('href', `${E2E_BASE}overview/`);
});

test('the edit link opens the page source in the configured repository', async ({ page }) => {
  await page.goto(`${E2E_BASE}node-roles/`);
  await expect(page.getByRole('link', { name: /edit page/i })).toHaveAttribute(
    'href',
    'https://git.example.internal/rancher-guide/edit/main/content/docs/node-roles.mdx',
  );
});
