import { test, expect } from '@playwright/test';
import { sitePages } from './site.ts';

// The site must work in an air-gapped data centre: no page may reach for any host but its own,
// and nothing it asks its own host for may be missing.
for (const path of sitePages()) {
  test(`${path} requests nothing outside its own host`, async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const outside: string[] = [];
    const failed: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      outside.push(url);
      return route.abort('blockedbyclient');
    });
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(path, { waitUntil: 'networkidle' });
    // The page rendered (a blank one would request nothing and pass).
    await expect(page.locator('h1').first()).toBeVisible();
    // Scroll to the end so lazily hydrated islands and lazy assets load too.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState('networkidle');
    expect(outside, 'requests to other hosts').toEqual([]);
    expect(failed, 'failed requests to the site itself').toEqual([]);
  });
}
