import { test, expect, type Page } from '@playwright/test';
import { VERSION_NOTES } from '../src/components/version-notes.ts';
import { expectNoSeriousAxe } from './axe.ts';
import { E2E_BASE } from './site.ts';

// The "I run Rancher …" choice: on every page, remembered across pages and tabs, highlighting the
// rows of each guidance page's "Advice by Rancher version" table that hold for the chosen release
// and summing them up in an aside. Without JavaScript the table is all there and the control is not.

const GUIDANCE = Object.keys(VERSION_NOTES);
const choice = (page: Page) => page.getByLabel('I run Rancher');
const aside = (page: Page) => page.getByRole('complementary', { name: 'For the Rancher version you run' });

test('the choice is on every kind of page and is remembered from page to page', async ({ page }) => {
  await page.goto(`${E2E_BASE}k3s-cluster/`);
  await expect(choice(page)).toBeVisible();
  await expect(choice(page)).toHaveValue('');
  await expect(aside(page)).toBeHidden();
  await choice(page).selectOption('2.8');
  expect(await page.evaluate(() => localStorage.getItem('rancher-arch:rancher-version'))).toBe('2.8');
  await expect(page.locator('#rancher-version-profile')).toHaveText('Checked as Rancher 2.5 – 2.11.');

  for (const path of ['rke-cluster/', '', 'checker/', 'rules/']) {
    await page.goto(`${E2E_BASE}${path}`);
    await expect(choice(page), path).toBeVisible();
    await expect(choice(page), path).toHaveValue('2.8');
  }
});

test('the aside and the highlighted rows follow the version chosen', async ({ page }) => {
  await page.goto(`${E2E_BASE}high-availability/`);
  const rows = page.locator('.version-notes-table tbody tr');
  await expect(rows).toHaveCount(VERSION_NOTES['high-availability']!.length);

  await choice(page).selectOption('2.4');
  await expect(aside(page)).toBeVisible();
  await expect(aside(page)).toContainText('For Rancher 2.4, the advice on this page holds as written.');
  await expect(page.locator('.version-applies')).toHaveCount(0);

  await choice(page).selectOption('2.12');
  await expect(aside(page)).toContainText('For Rancher 2.12, the advice on this page differs in');
  await expect(aside(page).getByRole('listitem').filter({ hasText: 'RKE is gone' })).toHaveCount(1);
  await expect(aside(page).getByRole('listitem').filter({ hasText: 'RKE2 can host Rancher' })).toHaveCount(1);
  await expect(aside(page).getByRole('listitem').filter({ hasText: 'K3s arrives with 2.4' })).toHaveCount(0);
  const highlighted = page.locator('.version-applies');
  await expect(highlighted.filter({ hasText: 'RKE is gone' })).toContainText('(yours)');
  await expect(rows.filter({ hasText: 'K3s arrives with 2.4' })).not.toHaveClass(/version-applies/);

  await choice(page).selectOption('2.3');
  await expect(aside(page)).toContainText('differs in one way');
  await expect(aside(page).getByRole('listitem')).toHaveText(/K3s arrives with 2\.4/);

  // Patch releases where the advice changes are choices of their own.
  await page.goto(`${E2E_BASE}authorized-endpoint/`);
  await choice(page).selectOption('2.6.0');
  await expect(aside(page).getByRole('listitem').filter({ hasText: 'Registered RKE2 and K3s clusters' })).toHaveCount(0);
  await choice(page).selectOption('2.6.3');
  await expect(aside(page).getByRole('listitem').filter({ hasText: 'Registered RKE2 and K3s clusters' })).toHaveCount(1);

  await choice(page).selectOption('');
  await expect(aside(page)).toBeHidden();
  expect(await page.evaluate(() => localStorage.getItem('rancher-arch:rancher-version'))).toBeNull();
});

test('links copied into the aside stay under the sub-path', async ({ page }) => {
  await page.goto(`${E2E_BASE}rke-cluster/`);
  await choice(page).selectOption('2.12');
  const link = aside(page).getByRole('link', { name: 'rke1-end-of-life' });
  await expect(link).toHaveAttribute('href', '../rules/#rke1-end-of-life');
  await link.click();
  await expect(page).toHaveURL(`${E2E_BASE}rules/#rke1-end-of-life`);
  await expect(choice(page)).toHaveValue('2.12');
  // The rules page has no version table, so no aside either.
  await expect(page.locator('[data-version-aside]')).toHaveCount(0);
});

test('a choice made in another tab reaches this one', async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto(`${E2E_BASE}load-balancer/`);
  await second.goto(`${E2E_BASE}load-balancer/`);
  await choice(first).selectOption('2.9');
  await expect(choice(second)).toHaveValue('2.9');
  await expect(aside(second)).toContainText('9345');
});

test('a version stored by hand that is not a version is ignored', async ({ page }) => {
  await page.goto(`${E2E_BASE}separation/`);
  await page.evaluate(() => localStorage.setItem('rancher-arch:rancher-version', '<b>2.9</b>'));
  await page.reload();
  await expect(choice(page)).toHaveValue('');
  await expect(aside(page)).toBeHidden();
});

test('with a version chosen the guidance pages have no serious accessibility violations', async ({ page }) => {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(`${E2E_BASE}high-availability/`);
    await choice(page).selectOption('2.12');
    await expect(aside(page)).toBeVisible();
    await expectNoSeriousAxe(page);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const slug of GUIDANCE) {
    test(`${slug}/ shows its whole version table and no dead control`, async ({ page }) => {
      await page.goto(`${E2E_BASE}${slug}/`);
      await expect(page.getByRole('heading', { name: 'Advice by Rancher version' })).toBeVisible();
      const rows = page.locator('.version-notes-table tbody tr');
      await expect(rows).toHaveCount(VERSION_NOTES[slug as keyof typeof VERSION_NOTES]!.length);
      for (const row of await rows.all()) await expect(row).toBeVisible();
      await expect(page.locator('[data-version-choice]')).toBeHidden();
      await expect(page.locator('[data-version-aside]')).toBeHidden();
    });
  }
});
