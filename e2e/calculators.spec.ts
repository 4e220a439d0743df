import { test, expect, type Locator, type Page } from '@playwright/test';
import { E2E_BASE } from './site.ts';
import { failOnConsoleErrors } from './console-errors.ts';
import { expectNoSeriousAxe } from './axe.ts';

// The three small calculators, static HTML that a small script completes, on the guidance pages
// that hold them: node-roles/ (etcd quorum), load-balancer/ and authorized-endpoint/. They add
// to the guidance's tables rather than replacing them: with JavaScript on, on a laptop and on a
// phone, each table stays visible beside the fields, and a value that is not valid gets a message
// beside its field while the result keeps the last valid value.
const pageFor = (path: string) => `${E2E_BASE}${path}`;

failOnConsoleErrors();

const FALLBACK: Record<string, string> = {
  'etcd quorum calculator': 'etcd quorum',
  'Load balancer checker': 'Load balancer settings',
  'Authorized endpoint checker': 'Authorized endpoint settings',
};

/** The calculator once its script has run: its heading changes from the static one and its fields appear. */
async function calculatorOn(page: Page, name: string) {
  const either = page.getByRole('region', { name, exact: true }).or(page.getByRole('region', { name: FALLBACK[name], exact: true }));
  await either.scrollIntoViewIfNeeded();
  const calc = page.getByRole('region', { name, exact: true });
  await expect(calc).toBeVisible();
  return calc;
}

/** Open `path` and wait for its calculator. */
async function calculator(page: Page, path: string, name: string): Promise<Locator> {
  await page.goto(pageFor(path));
  return calculatorOn(page, name);
}

test('etcd: members → quorum, tolerance and the even-count lesson', async ({ page }) => {
  await page.goto(pageFor('node-roles/'));
  const calc = await calculatorOn(page, 'etcd quorum calculator');
  const members = calc.getByLabel('etcd members');
  await expect(members).toHaveValue('3');
  await expect(calc.getByText('3 members: quorum is 2, so the cluster survives 1 failed member.')).toBeVisible();
  await members.fill('4');
  await expect(calc.getByText('4 members: quorum is 3, so the cluster survives 1 failed member.')).toBeVisible();
  await expect(calc.getByText(/An even count gains nothing/)).toBeVisible();
  await expect(calc.locator('.ck-finding[data-rule="etcd-odd-members"]')).toBeVisible();
  await members.fill('5');
  await expect(calc.getByText(/quorum is 3, so the cluster survives 2 failed members/)).toBeVisible();
  await expect(calc.getByText(/An even count/)).toHaveCount(0);
  await members.fill('1');
  await expect(calc.locator('.ck-finding[data-rule="downstream-three-etcd"]')).toBeVisible();
  await expect(calc.locator('.ck-finding a').first()).toHaveAttribute('href', /^\.\.\/[a-z-]+\/#/);
});

test('load balancer: layer, ports, targets and TLS → findings', async ({ page }) => {
  await page.goto(pageFor('load-balancer/'));
  const calc = await calculatorOn(page, 'Load balancer checker');
  await expect(calc.getByText('These settings match the guidance.')).toBeVisible();
  await calc.getByLabel('Layer').selectOption('7');
  await expect(calc.locator('.ck-finding[data-rule="lb-layer-4"]')).toContainText('Warning');
  await calc.getByLabel('Layer').selectOption('4');
  await calc.getByLabel('Nodes the load balancer targets').fill('2');
  await expect(calc.locator('.ck-finding[data-rule="lb-all-nodes"]')).toBeVisible();
  await calc.getByLabel('Nodes the load balancer targets').fill('3');
  await calc.getByLabel('Ports').fill('443');
  await calc.getByLabel('Ports').press('Enter');
  await expect(calc.locator('.ck-finding[data-rule="lb-ports-80-443"]')).toBeVisible();
  await calc.getByLabel('Ports').fill('80, 443');
  await calc.getByLabel('Ports').press('Enter');
  await calc.getByLabel('TLS ends at').selectOption('load-balancer');
  await expect(calc.locator('.ck-finding[data-rule="lb-tls-at-ingress"]')).toBeVisible();
  await calc.getByLabel('TLS ends at').selectOption('ingress');
  await expect(calc.getByText('These settings match the guidance.')).toBeVisible();
});

test('authorized endpoint: FQDN, targets, private CA → findings', async ({ page }) => {
  await page.goto(pageFor('authorized-endpoint/'));
  const calc = await calculatorOn(page, 'Authorized endpoint checker');
  await expect(calc.getByText('This endpoint matches the guidance.')).toBeVisible();
  await calc.getByLabel('Certificate signed by a private CA').check();
  await expect(calc.locator('.ck-finding[data-rule="ace-ca-certificate"]')).toBeVisible();
  await calc.getByLabel('CA certificate supplied').check();
  await expect(calc.locator('.ck-finding[data-rule="ace-ca-certificate"]')).toHaveCount(0);
  await calc.getByLabel('FQDN', { exact: true }).fill('');
  await calc.getByLabel('FQDN', { exact: true }).press('Enter');
  await expect(calc.locator('.ck-finding[data-rule="ace-fqdn"]')).toBeVisible();
  await calc.getByLabel('FQDN', { exact: true }).fill('api.example.com');
  await calc.getByLabel('FQDN', { exact: true }).press('Enter');
  await calc.getByLabel('Controlplane nodes behind the FQDN').fill('1');
  await expect(calc.locator('.ck-finding[data-rule="ace-controlplane-targets"]')).toBeVisible();
});

test('without JavaScript each calculator leaves a static table in its place', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(pageFor('node-roles/'));
  await expect(page.getByRole('region', { name: 'etcd quorum' }).getByRole('table')).toContainText('Failures tolerated');
  await page.goto(pageFor('load-balancer/'));
  await expect(page.getByRole('table', { name: /Rancher load balancer/ })).toContainText('80 and 443');
  await page.goto(pageFor('authorized-endpoint/'));
  await expect(page.getByRole('table', { name: /authorized cluster endpoint/ })).toContainText('controlplane');
  await context.close();
});

for (const theme of ['light', 'dark'] as const)
  test(`axe: calculators have no serious violations (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    for (const [path, name] of [
      ['node-roles/', 'etcd quorum calculator'],
      ['load-balancer/', 'Load balancer checker'],
      ['authorized-endpoint/', 'Authorized endpoint checker'],
    ] as const) {
      await page.goto(pageFor(path));
      const calc = await calculatorOn(page, name);
      await expect(calc.getByRole('combobox').or(calc.getByRole('spinbutton')).first()).toBeVisible();
      await expectNoSeriousAxe(page, '.calc');
    }
  });

const SCREENS = [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 812 },
] as const;

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
