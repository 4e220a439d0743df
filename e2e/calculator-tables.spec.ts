import { test, expect, type Locator, type Page } from '@playwright/test';
import { E2E_BASE } from './site.ts';
import { failOnConsoleErrors } from './console-errors.ts';

// The calculators add to the guidance's tables rather than replacing them: with JavaScript on, on
// a laptop and on a phone, each table stays visible beside the fields, and a value that is not
// valid gets a message beside its field while the result keeps the last valid value.

const SCREENS = [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 812 },
] as const;

failOnConsoleErrors();

/** The calculator once its script has run (its heading changes and its fields appear). */
async function calculator(page: Page, path: string, name: string): Promise<Locator> {
  await page.goto(`${E2E_BASE}${path}`);
  await page.locator('[data-calc]').scrollIntoViewIfNeeded();
  const calc = page.getByRole('region', { name, exact: true });
  await expect(calc).toBeVisible();
  return calc;
}

for (const screen of SCREENS) {
  test.describe(`${screen.name} (${screen.width}×${screen.height})`, () => {
    test.use({ viewport: { width: screen.width, height: screen.height } });

    test('etcd: the 1–7 member table stays, and the row for the chosen count is marked', async ({ page }) => {
      const calc = await calculator(page, 'node-roles/', 'etcd quorum calculator');
      const table = calc.getByRole('table', { name: 'etcd members, votes needed and failures survived' });
      await expect(table).toBeVisible();
      await expect(table.getByRole('row')).toHaveCount(8);
      for (const row of await table.getByRole('row').all()) await expect(row).toBeVisible();
      const members = calc.getByLabel('etcd members');
      await expect(members).toBeVisible();
      await expect(table.locator('tr[aria-current="true"]')).toHaveText(/^321$/);
      await members.fill('5');
      await expect(table.locator('tr[aria-current="true"]')).toHaveText(/^532$/);
      await expect(calc.getByText('5 members: quorum is 3, so the cluster survives 2 failed members.')).toBeVisible();

      // Not a valid count: a message beside the field; the result keeps 5.
      await members.fill('99');
      await expect(members).toHaveAttribute('aria-invalid', 'true');
      await expect(calc.getByText('Enter a whole number from 0 to 15.')).toBeVisible();
      await expect(members).toHaveAccessibleDescription('Enter a whole number from 0 to 15.');
      await expect(calc.getByText('5 members: quorum is 3, so the cluster survives 2 failed members.')).toBeVisible();
      await expect(table).toBeVisible();
      await members.fill('7');
      await expect(members).not.toHaveAttribute('aria-invalid', 'true');
      await expect(calc.getByText('Enter a whole number from 0 to 15.')).toBeHidden();
    });

    test('load balancer: the recommendations table stays beside the fields', async ({ page }) => {
      const calc = await calculator(page, 'load-balancer/', 'Load balancer checker');
      await expect(calc.getByRole('table', { name: /Rancher load balancer/ })).toBeVisible();
      await expect(calc.getByRole('table', { name: /Rancher load balancer/ })).toContainText('80 and 443');
      await expect(calc.getByLabel('Layer')).toBeVisible();
      const ports = calc.getByLabel('Ports');
      await ports.fill('80, 99999');
      await expect(calc.getByText('Each port is a whole number from 1 to 65535.')).toBeVisible();
      await expect(ports).toHaveAttribute('aria-invalid', 'true');
      await expect(calc.getByText('These settings match the guidance.')).toBeVisible();
      await ports.fill('443');
      await expect(calc.locator('.ck-finding[data-rule="lb-ports-80-443"]')).toBeVisible();
      await expect(calc.getByRole('table', { name: /Rancher load balancer/ })).toBeVisible();
    });

    test('authorized endpoint: the recommendations table stays beside the fields', async ({ page }) => {
      const calc = await calculator(page, 'authorized-endpoint/', 'Authorized endpoint checker');
      await expect(calc.getByRole('table', { name: /authorized cluster endpoint/ })).toBeVisible();
      await expect(calc.getByLabel('FQDN', { exact: true })).toBeVisible();
      await calc.getByLabel('FQDN', { exact: true }).fill('10.0.0.5');
      await expect(calc.getByText(/^The FQDN is an IP address/)).toBeVisible();
      await expect(calc.getByRole('table', { name: /authorized cluster endpoint/ })).toBeVisible();
    });
  });
}
