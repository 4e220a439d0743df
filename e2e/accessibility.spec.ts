import { test, expect } from '@playwright/test';
import { sitePages } from './site.ts';
import { expectNoSeriousAxe } from './axe.ts';

// axe over every page in both themes: no serious or critical violation.
for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });
    for (const path of sitePages()) {
      test(`${path} has no serious accessibility violations`, async ({ page }) => {
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        // A page that failed to render would have nothing to violate: its heading must be there.
        await expect(page.locator('h1').first()).toBeVisible();
        await expectNoSeriousAxe(page);
      });
    }
  });
}
