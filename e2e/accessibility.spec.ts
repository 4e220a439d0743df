import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { sitePages } from './site.ts';

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
        const results = await new AxeBuilder({ page }).analyze();
        const serious = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v) =>
              `${v.id} (${v.impact}): ${v.nodes
                .map((n) => n.target.join(' '))
                .slice(0, 5)
                .join(', ')}`,
          );
        expect(serious).toEqual([]);
      });
    }
  });
}
