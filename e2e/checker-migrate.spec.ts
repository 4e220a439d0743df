import { test, expect, type Download, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { E2E_BASE } from './site.ts';
import { failOnConsoleErrors } from './console-errors.ts';
import { expectNoSeriousAxe } from './axe.ts';

// "Moving to RKE2" in the checker: offered for a plan with an RKE cluster, its code loaded only
// when the reader opens it; then the new layout, what changes (each item with its sources), the
// steps, and the files of the new cluster to download.
const CHECKER = `${E2E_BASE}checker/`;
const section = (page: Page) => page.getByRole('region', { name: 'Moving to RKE2' });
const readDownload = async (download: Download) => readFileSync(await download.path(), 'utf8');

failOnConsoleErrors();

test('the panel loads when opened, and shows the layout, the delta report, the steps and the files', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto(CHECKER);
  await expect(page.getByRole('heading', { name: 'Start from a preset' })).toBeVisible();
  await page.getByRole('button', { name: 'Production downstream cluster' }).click();
  const migrate = section(page);
  await expect(migrate).toBeVisible();
  const before = scripts.length;
  expect(
    scripts.some((u) => /MigratePanel/.test(u)),
    'the panel’s code is not loaded before it is opened',
  ).toBe(false);

  await migrate.getByRole('button', { name: 'Plan the move to RKE2' }).click();
  await expect(migrate.getByRole('heading', { name: 'Target layout' })).toBeVisible();
  expect(
    scripts.slice(before).some((u) => /MigratePanel/.test(u)),
    'opening it loads the panel’s code',
  ).toBe(true);
  await expect(migrate.locator('.ck-migrate-layout li').first()).toHaveText(/^RKE2 cluster "production-rke2" \(from RKE cluster "production", 8 nodes\)/);
  await expect(migrate.getByRole('heading', { name: 'What changes' })).toBeVisible();
  await expect(migrate.locator('.ck-migrate-item[data-change="open"]').filter({ hasText: 'Open 9345/tcp' })).toHaveCount(1);
  await expect(migrate.locator('.ck-migrate-item[data-change="close"]').filter({ hasText: 'Close 2376/tcp' })).toHaveCount(1);
  // Every item names its sources or says that none documents it.
  const items = migrate.locator('.ck-migrate-item');
  const n = await items.count();
  expect(n).toBeGreaterThan(8);
  for (let i = 0; i < n; i++) await expect(items.nth(i)).toContainText(/Sources?: /);
  await expect(migrate.locator('.ck-migrate-steps > li')).toHaveCount(5);
  await expect(migrate.locator('.ck-migrate-steps').getByRole('link', { name: /cattle-drive/ })).toHaveAttribute(
    'href',
    'https://github.com/rancherlabs/cattle-drive',
  );

  // A registration address: the load balancer item names it; a bad one is refused with a reason.
  const address = migrate.getByLabel('Fixed registration address (optional)');
  await address.fill('a b');
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await expect(migrate.locator('.ck-problem')).toContainText('The address');
  await address.fill('rke2.example.net');
  await expect(
    migrate.locator('.ck-migrate-item').filter({ hasText: 'The fixed registration address rke2.example.net listens on 9345/tcp and 6443/tcp' }),
  ).toHaveCount(1);

  // The files: a provisioning Cluster with a pool per role set, and every node's config.yaml.
  const [cluster] = await Promise.all([
    page.waitForEvent('download'),
    migrate.getByRole('button', { name: 'Download Provisioning Cluster (Rancher)' }).click(),
  ]);
  expect(cluster.suggestedFilename()).toBe('production-rke2.cluster.yaml');
  const yaml = await readDownload(cluster);
  expect(yaml).toContain('kind: Cluster');
  expect(yaml).toMatch(/machinePools:\n\s+- name: etcd\n\s+quantity: 3/);
  const [configs] = await Promise.all([
    page.waitForEvent('download'),
    migrate.getByRole('button', { name: 'Download RKE2 config.yaml of every node' }).click(),
  ]);
  const text = await readDownload(configs);
  expect(text.split(/^---$/m)).toHaveLength(8);
  expect(text).toContain('server: https://rke2.example.net:9345');

  // K3s instead: the layout says so.
  await migrate.getByLabel('New distribution').selectOption('k3s');
  await expect(migrate.locator('.ck-migrate-layout li').first()).toHaveText(/^K3s cluster "production-k3s"/);
  // RKE2 config files only: for K3s the list says why instead of offering a download that would fail.
  await expect(migrate.getByRole('button', { name: 'Download RKE2 config.yaml of every node' })).toHaveCount(0);
  await expect(migrate.getByText(/writes per-node config\.yaml for RKE2 only/)).toBeVisible();
  await expectNoSeriousAxe(page, '.ck-migrate-section');
});

test('an imported cluster.yml brings what it says beyond the plan: extra_args, registries, snapshots to S3', async ({ page }) => {
  await page.goto(CHECKER);
  await expect(page.getByRole('heading', { name: 'Start from a preset' })).toBeVisible();
  const imp = page.getByRole('region', { name: 'Start from your files' });
  await imp
    .getByLabel('Or choose a file')
    .setInputFiles({ name: 'cluster.yml', mimeType: 'application/yaml', buffer: readFileSync('test/fixtures/rke-migrate-split-registries.cluster.yml') });
  await expect(page.getByText(/Imported an RKE cluster\.yml \(cluster\.yml\): 1 cluster, 8 nodes/).first()).toBeVisible();
  const migrate = section(page);
  await migrate.getByRole('button', { name: 'Plan the move to RKE2' }).click();
  await expect(migrate.locator('.ck-migrate-layout li').first()).toHaveText(
    /^RKE2 cluster "shop-rke2" \(from RKE cluster "shop", 8 nodes\): 5 servers, 3 agents\./,
  );
  await expect(migrate.locator('.ck-migrate-changes li').first()).toContainText('4 etcd members become 3');
  await expect(migrate.locator('.ck-migrate-item').filter({ hasText: 'kube-apiserver-arg: ["audit-log-maxage=30"]' })).toHaveCount(1);
  await expect(migrate.locator('.ck-migrate-item').filter({ hasText: /registry\.shop\.example\.net → .*system-default-registry/ })).toHaveCount(1);
  await expect(migrate.locator('.ck-migrate-item[data-change="by-hand"]').filter({ hasText: 'services.kube-api.extra_binds' })).toContainText(
    'Source: not documented.',
  );
  await expect(migrate).not.toContainText('not-a-real-secret');
});

test('a plan without an RKE cluster offers no move', async ({ page }) => {
  await page.goto(CHECKER);
  await page.getByRole('button', { name: 'RKE2 for Rancher 2.12' }).click();
  await expect(page.getByRole('heading', { name: 'Findings' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Moving to RKE2' })).toHaveCount(0);
});
