import { test, expect } from '@playwright/test';
import { E2E_BASE } from './site.ts';
test('debug persistence', async ({ page }) => {
  page.on('console', (m) => console.log('console', m.type(), m.text()));
  await page.goto(`${E2E_BASE}checker/`);
  await expect(page.getByRole('heading', { name: 'Start from a preset' })).toBeVisible();
  await page.getByRole('button', { name: 'Production downstream cluster' }).click();
  for (const ms of [200, 500, 1000, 2000, 4000]) {
    await page.waitForTimeout(ms);
    console.log(ms, await page.evaluate(() => Object.keys(localStorage).join(',') + ' ' + location.hash.slice(0, 30)));
  }
});
