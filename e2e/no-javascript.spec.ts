import { test, expect } from '@playwright/test';
import { sitePages } from './site.ts';

// Reading must not depend on JavaScript: with scripts off, every page still shows its heading
// and its text.
test.use({ javaScriptEnabled: false });

for (const path of sitePages()) {
  test(`${path} reads without JavaScript`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator('h1').first()).toBeVisible();
    const main = page.locator('main');
    await expect(main).toBeVisible();
    const words = (await main.innerText()).split(/\s+/).filter(Boolean).length;
    expect(words, 'words of main content').toBeGreaterThan(40);
  });
}
