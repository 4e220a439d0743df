import { expect, type Page } from '@playwright/test';

/**
 * The foot of the checker (save, share, compare, export) loads its code when the reader comes near
 * it: scroll there, as they would, and wait for the panels.
 */
export async function scrollToKeepPanels(page: Page): Promise<void> {
  await page.locator('.ck-keep').scrollIntoViewIfNeeded();
  await expect(page.getByRole('heading', { name: 'Plans in this browser' })).toBeVisible();
}
