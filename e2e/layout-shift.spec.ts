import { test, expect } from '@playwright/test';
import { E2E_BASE } from './site.ts';

// A browser paints a long page before all of its HTML has arrived. What it paints then must stand
// where it stays: on wide screens Starlight's table of contents comes first in the HTML but is
// placed after the page, and it used to paint at the left and jump right (a 0.42 layout shift in
// one desktop Lighthouse run out of three).

test('on a wide screen the table of contents stands at the right before the page text arrives', async ({ page }) => {
  await page.setViewportSize({ width: 1350, height: 940 });
  await page.goto(`${E2E_BASE}overview/`);
  const column = page.locator('.right-sidebar-container');
  const settled = await column.boundingBox();
  expect(settled, 'the overview page has a table of contents').not.toBeNull();
  expect(settled!.x).toBeGreaterThan(900);
  // The row as the browser has it when it paints before the page's own column is parsed.
  await page.evaluate(() => document.querySelector('.main-pane')?.remove());
  expect((await column.boundingBox())!.x).toBe(settled!.x);
});
