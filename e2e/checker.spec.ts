import { test, expect, type Page, type Download } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { E2E_BASE } from './site.ts';
import { failOnConsoleErrors } from './console-errors.ts';
import { expectNoSeriousAxe } from './axe.ts';
import { scrollToKeepPanels } from './keep-panels.ts';

// The plan checker driven as a reader would: presets, edits, findings, the diagram, failures,
// import, export, share links, storage, keyboard only, screen-reader basics and axe.
const CHECKER = `${E2E_BASE}checker/`;
const CLUSTER_YML = readFileSync('test/fixtures/rke-ha-3node.cluster.yml', 'utf8');

failOnConsoleErrors();

async function openChecker(page: Page, hash = '') {
  await page.goto(`${CHECKER}${hash}`);
  await expect(page.getByRole('heading', { name: 'Start from a preset' })).toBeVisible();
}

const count = (page: Page) => page.getByRole('status', { name: 'Finding count' });
const cluster = (page: Page, name: string) => page.getByRole('region', { name: new RegExp(`^Cluster ${name}\\b`) });
const diagramNode = (page: Page, key: string) => page.locator(`.ck-diagram [data-node="${key}"]`);
const readDownload = async (download: Download) => readFileSync(await download.path(), 'utf8');

test('preset, edits, findings, highlight and failure what-if', async ({ page }) => {
  await openChecker(page);
  await page.getByRole('button', { name: 'Production downstream cluster' }).click();
  const prod = cluster(page, 'production');
  await expect(prod.getByRole('heading', { name: 'Nodes (8)' })).toBeVisible();
  const before = await count(page).textContent();

  // Rename a node: the diagram and the failure list follow.
  await prod.getByLabel('Name of node 1', { exact: true }).fill('etcd-a');
  await prod.getByLabel('Name of node 1', { exact: true }).press('Enter');
  await expect(diagramNode(page, 'production/etcd-a')).toHaveCount(1);

  // Toggle a role: the findings change (a controlplane node that also runs workloads).
  await prod.getByLabel('worker role of cp-1').check();
  await expect(count(page)).not.toHaveText(before!);
  await expect(page.locator('.ck-finding[data-rule="downstream-single-role"]').first()).toBeVisible();

  // Bulk-add five workers.
  await prod.getByLabel('How many').fill('5');
  await prod.getByRole('button', { name: 'Add 5 nodes' }).click();
  await expect(prod.getByRole('heading', { name: 'Nodes (13)' })).toBeVisible();
  await expect(count(page)).toContainText('13 nodes');

  // Hovering a finding highlights its nodes in the diagram; leaving clears it.
  const finding = page.locator('.ck-finding[data-rule="downstream-single-role"]').first();
  await finding.hover();
  await expect(diagramNode(page, 'production/cp-1')).toHaveClass(/is-highlighted/);
  await page.getByRole('heading', { name: 'Findings' }).hover();
  await expect(diagramNode(page, 'production/cp-1')).not.toHaveClass(/is-highlighted/);
  // Focus does the same (keyboard users reach the finding's link).
  await finding.getByRole('link').focus();
  await expect(diagramNode(page, 'production/cp-1')).toHaveClass(/is-highlighted/);
  await expect(finding.getByRole('link')).toHaveAttribute('href', /^\.\.\/[a-z-]+\/#/);

  // Fail one etcd node from the list and one by clicking the diagram: quorum is lost.
  await prod.getByLabel('Fail etcd-2').check();
  await expect(diagramNode(page, 'production/etcd-2')).toHaveClass(/is-failed/);
  await diagramNode(page, 'production/etcd-3').click();
  await expect(diagramNode(page, 'production/etcd-3')).toHaveClass(/is-failed/);
  await expect(prod.getByLabel('Fail etcd-3')).toBeChecked();
  const failure = page.getByRole('region', { name: 'What if nodes fail?' });
  await expect(failure.getByText(/etcd quorum:.*lost, 1 of 3 members alive/)).toBeVisible();
  await expect(failure.getByText(/Kubernetes API:.*unavailable/)).toBeVisible();
  await expect(count(page)).toContainText('2 nodes marked failed');
  // Clicking a failed node again brings it back.
  await diagramNode(page, 'production/etcd-3').click();
  await expect(diagramNode(page, 'production/etcd-3')).not.toHaveClass(/is-failed/);

  await failure.getByRole('button', { name: 'Clear failures' }).click();
  await failure.getByRole('button', { name: 'Smallest failure that breaks cluster production' }).click();
  await expect(failure.getByRole('status')).toContainText(/breaks cluster "production"/);
  await expect(page.locator('.ck-diagram .rd-node.is-failed')).not.toHaveCount(0);
});

test('editing the cluster, load balancer, endpoint and Rancher sections', async ({ page }) => {
  await openChecker(page);
  await page.getByRole('button', { name: 'Rancher on RKE' }).click();
  const rancher = cluster(page, 'rancher');
  await expect(count(page)).toContainText('0 errors');
  await rancher.getByLabel('Layer').selectOption('7');
  await expect(page.locator('.ck-finding[data-rule="lb-layer-4"]')).toBeVisible();
  await rancher.getByLabel('Layer').selectOption('4');
  await rancher.getByLabel('rancher-3 is a target of the load balancer').uncheck();
  await expect(page.locator('.ck-finding[data-rule="lb-all-nodes"]')).toBeVisible();
  await rancher.getByLabel('Distribution').selectOption('k3s');
  await expect(rancher.getByLabel('server role of rancher-1')).toBeChecked();
  await rancher.getByLabel('Distribution').selectOption('rke');
  await rancher.getByLabel('kubectl reaches this cluster directly (authorized endpoint)').check();
  await expect(rancher.getByLabel('FQDN')).toHaveValue('api.rancher.example.com');
  // Text fields apply as you type, once the value is valid.
  await rancher.getByLabel('Cluster name').fill('local');
  await expect(cluster(page, 'local')).toBeVisible();
  await expect(page.getByLabel('Cluster that runs Rancher')).toHaveValue('local');
  await page.getByRole('button', { name: 'Add a cluster' }).click();
  await expect(cluster(page, 'cluster')).toBeVisible();
  await cluster(page, 'cluster').getByRole('button', { name: 'Remove cluster cluster' }).click();
  await expect(cluster(page, 'cluster')).toHaveCount(0);
  await page.getByLabel('Installed').selectOption('docker');
  await expect(page.locator('.ck-finding[data-rule="docker-install-not-production"]')).toBeVisible();
});

test('import: a cluster.yml replaces the plan; bad input is explained and changes nothing', async ({ page }) => {
  await openChecker(page);
  await page.getByRole('button', { name: 'Production downstream cluster' }).click();
  const imp = page.getByRole('region', { name: 'Start from your files' });

  await imp.getByLabel('Or choose a file').setInputFiles({ name: 'cluster.yml', mimeType: 'application/yaml', buffer: Buffer.from(CLUSTER_YML) });
  await expect(page.getByText(/Imported an RKE cluster\.yml \(cluster\.yml\): 1 cluster, 3 nodes/).first()).toBeVisible();
  await expect(page.locator('.ck-diagram .rd-node')).toHaveCount(3);
  const after = await count(page).textContent();

  await imp.getByLabel('Paste or drop a file here').fill('clusters:\n  - name: broken\n    nodes:\n      - name: n1\n        roles: [boss]\n');
  await imp.getByRole('button', { name: 'Import pasted text' }).click();
  const alert = imp.getByRole('alert');
  await expect(alert).toContainText('Could not import');
  await expect(alert).toContainText('"boss" is not a role');
  await expect(alert.getByText(/Where:/)).toContainText('clusters[0].nodes[0].roles[0]');
  await expect(alert.getByText(/Where:/)).toContainText(/5:\d+/);
  await expect(count(page)).toHaveText(after!);
  await expect(page.locator('.ck-diagram .rd-node')).toHaveCount(3);

  await imp.getByLabel('Paste or drop a file here').fill('http {\n  server { listen 80; }\n}\n');
  await imp.getByRole('button', { name: 'Import pasted text' }).click();
  await expect(alert).toContainText('nginx configuration');
  await expect(page.locator('.ck-diagram .rd-node')).toHaveCount(3);
});

test('export: every file downloads with the right content, and copies', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openChecker(page);
  await page.getByRole('button', { name: 'Rancher on RKE' }).click();
  await cluster(page, 'rancher').getByLabel('Layer').selectOption('7');
  await scrollToKeepPanels(page);
  const exp = page.getByRole('region', { name: 'Export' });
  const expected: [string, string, RegExp][] = [
    ['Download Plan (YAML)', 'plan.yaml', /clusters:[\s\S]*name: rancher-1/],
    ['Download RKE cluster.yml for “rancher”', 'rancher.cluster.yml', /nodes:[\s\S]*address: 10\.0\.0\.1/],
    ['Download nginx layer-4 load balancer config', 'nginx.conf', /stream \{[\s\S]*10\.0\.0\.3:443/],
    ['Download Findings (Markdown, for a ticket)', 'findings.md', /^## [\s\S]*lb-layer-4[\s\S]*\(http:\/\/127\.0\.0\.1:\d+\/guides\/rancher\/load-balancer\/#/],
    ['Download Findings (JSON)', 'findings.json', /"rule": "lb-layer-4"/],
    ['Download Diagram (SVG)', 'plan.svg', /^<\?xml[\s\S]*<svg[\s\S]*data-node="rancher\/rancher-1"[\s\S]*<\/svg>\s*$/],
  ];
  for (const [button, filename, content] of expected) {
    const [download] = await Promise.all([page.waitForEvent('download'), exp.getByRole('button', { name: button }).click()]);
    expect(download.suggestedFilename()).toBe(filename);
    expect(await readDownload(download)).toMatch(content);
  }
  const json = JSON.parse(
    await readDownload((await Promise.all([page.waitForEvent('download'), exp.getByRole('button', { name: 'Download Findings (JSON)' }).click()]))[0]),
  );
  expect(json.summary.errors + json.summary.warnings).toBeGreaterThan(0);

  await exp.getByRole('button', { name: 'Copy Plan (YAML)' }).click();
  await expect(exp.getByRole('status')).toHaveText('Copied Plan (YAML) to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/layer: 7/);
});

test('export: a file the real tool would refuse is not made, and the panel says why', async ({ page }) => {
  await openChecker(page);
  const imp = page.getByRole('region', { name: 'Start from your files' });
  await imp
    .getByLabel('Paste or drop a file here')
    .fill('rancher: {version: 2.8.5, cluster: r}\nclusters: [{name: r, nodes: [{name: a, roles: [etcd, controlplane, worker]}]}]\n');
  await imp.getByRole('button', { name: 'Import pasted text' }).click();
  await expect(count(page)).toContainText('1 cluster and 1 node');
  await scrollToKeepPanels(page);
  const exp = page.getByRole('region', { name: 'Export' });
  let downloads = 0;
  page.on('download', () => downloads++);
  await exp.getByRole('button', { name: 'Download nginx layer-4 load balancer config' }).click();
  await expect(exp.getByText(/^nginx would refuse it: .*a, which has no address/)).toBeVisible();
  await expect(exp.getByRole('status')).toContainText('Not exported: nginx would refuse nginx.conf.');
  await exp.getByRole('button', { name: 'Download RKE cluster.yml for “r”' }).click();
  await expect(exp.getByText(/^rke would refuse it: .*has no address/)).toBeVisible();
  expect(downloads).toBe(0);
});

test('share link round-trip, reload from storage, and a malformed link', async ({ page, browser }) => {
  await openChecker(page);
  await scrollToKeepPanels(page);
  const link = page.getByLabel('Link to this plan');
  await expect(link).toHaveValue(/#plan=v1\./);
  const startLink = await link.inputValue();
  await page.getByRole('button', { name: 'Rancher on K3s' }).click();
  // Links follow edits a moment later (debounced): wait for each edit's own link.
  await expect(link).not.toHaveValue(startLink);
  await expect(link).toHaveValue(/#plan=v1\./);
  const presetLink = await link.inputValue();
  const rancher = cluster(page, 'rancher');
  await rancher.getByLabel('Name of node 2', { exact: true }).fill('shared-node');
  await rancher.getByLabel('Name of node 2', { exact: true }).press('Enter');
  await expect(link).not.toHaveValue(presetLink);
  await expect(page).toHaveURL(/#plan=v1\.[A-Za-z0-9_-]+$/);
  await expect.poll(async () => (await link.inputValue()) === page.url()).toBe(true);
  const url = await link.inputValue();

  // A fresh browser (no storage) opens the link and gets the same plan.
  const other = await browser.newContext();
  const fresh = await other.newPage();
  const errors: string[] = [];
  fresh.on('pageerror', (e) => errors.push(String(e)));
  await fresh.goto(url);
  await expect(fresh.getByText('Loaded the plan from the link.')).toBeVisible();
  await expect(fresh.locator('.ck-diagram [data-node="rancher/shared-node"]')).toHaveCount(1);
  await expect(fresh.getByRole('region', { name: /^Cluster rancher/ }).getByLabel('Distribution')).toHaveValue('k3s');
  await other.close();
  expect(errors).toEqual([]);

  // The same browser without the hash: the plan comes back from localStorage.
  await page.goto(CHECKER);
  await expect(page.getByText('Restored the plan saved in this browser.')).toBeVisible();
  await expect(diagramNode(page, 'rancher/shared-node')).toHaveCount(1);
  await page.reload();
  await expect(diagramNode(page, 'rancher/shared-node')).toHaveCount(1);

  // A malformed or hostile link: a clear message and the reader's own plan, never a blank page.
  for (const hash of ['#plan=v1.not-a-plan', '#plan=v9.xyz', `#plan=v1.${'A'.repeat(300_000)}`, '#plan=%3Cscript%3E']) {
    await page.goto('about:blank');
    await page.goto(`${CHECKER}${hash}`);
    await expect(page.getByRole('alert')).toContainText('The plan in this link could not be loaded');
    await expect(page.getByRole('alert')).toContainText('Showing the plan saved in this browser, unchanged.');
    await expect(diagramNode(page, 'rancher/shared-node')).toHaveCount(1);
  }
  // The bad link did not overwrite the saved plan.
  await page.goto(CHECKER);
  await expect(diagramNode(page, 'rancher/shared-node')).toHaveCount(1);

  // A link pasted into the address bar of the open checker (only the hash changes) loads too;
  // a bad one there keeps the reader's plan.
  await page.evaluate((hash) => (window.location.hash = hash), '#plan=v1.AAAA');
  await expect(page.getByRole('alert')).toContainText('Your plan has not changed');
  await expect(diagramNode(page, 'rancher/shared-node')).toHaveCount(1);
  await page.getByRole('button', { name: 'Empty plan' }).click();
  await expect(page.locator('.ck-diagram .rd-node')).toHaveCount(0);
  await expect.poll(() => page.url()).not.toBe(url); // the address now holds the empty plan
  await page.evaluate((hash) => (window.location.hash = hash), new URL(url).hash);
  await expect(page.getByText('Loaded the plan from the link.')).toBeVisible();
  await expect(diagramNode(page, 'rancher/shared-node')).toHaveCount(1);
});

test('keyboard only: load a preset, toggle a role, read the new count', async ({ page }) => {
  await openChecker(page);
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const label = el.closest('label')?.textContent ?? el.getAttribute('aria-label') ?? '';
      return `${el.tagName}|${(el.textContent ?? '').trim()}|${label.trim()}`;
    });
  const tabTo = async (match: (f: string) => boolean, limit = 300) => {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      if (match(await focused())) return;
    }
    throw new Error('never reached the control with Tab');
  };
  await tabTo((f) => f.startsWith('BUTTON|Production downstream cluster'));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Nodes (8)' })).toBeVisible();
  const before = await count(page).textContent();
  await tabTo((f) => f.startsWith('INPUT|') && f.endsWith('worker role of etcd-1'));
  await page.keyboard.press('Space');
  await expect(page.getByLabel('worker role of etcd-1')).toBeChecked();
  await expect(count(page)).not.toHaveText(before!);
  await expect(count(page)).toHaveText(/\d+ errors?, \d+ warnings?, \d+ notes?/);
  // Enter on the preset buttons and Space on "Fail" checkboxes are enough for the what-if too.
  await tabTo((f) => f.startsWith('INPUT|') && f.endsWith('Fail etcd-1'));
  await page.keyboard.press('Space');
  await expect(count(page)).toContainText('1 node marked failed');
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe: no serious violations in the busiest state (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await openChecker(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await page.getByRole('button', { name: 'Production downstream cluster' }).click();
    const prod = cluster(page, 'production');
    await prod.getByLabel('worker role of cp-1').check();
    await prod.getByLabel('Fail etcd-1').check();
    await prod.getByLabel('Fail cp-1').check();
    await prod.getByLabel('A load balancer fronts this cluster').check();
    await prod.getByLabel('Certificate signed by a private CA').check();
    const imp = page.getByRole('region', { name: 'Start from your files' });
    await imp.getByLabel('Paste or drop a file here').fill('clusters: 5');
    await imp.getByRole('button', { name: 'Import pasted text' }).click();
    await expect(imp.getByRole('alert')).toBeVisible();
    await page.locator('.ck-finding').first().hover();
    await expectNoSeriousAxe(page, 'main');
  });
}

test('mobile width: no horizontal scroll outside the diagram', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await openChecker(page);
  await page.getByRole('button', { name: 'Production downstream cluster' }).click();
  await cluster(page, 'production').getByLabel('A load balancer fronts this cluster').check();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('without JavaScript the page explains itself and draws the recommended architecture', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(CHECKER);
  await expect(page.getByText('The interactive checker needs JavaScript.')).toBeVisible();
  await expect(page.getByRole('img', { name: 'The recommended architecture' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'rancher-arch CLI', exact: true })).toHaveAttribute('href', '../cli/');
  await context.close();
});

test('the fallback gives way to the checker once it runs', async ({ page }) => {
  await openChecker(page);
  await expect(page.getByText('The interactive checker needs JavaScript.')).toHaveCount(0);
});

test('save, share, compare and export load when the reader comes near them, or asks for them', async ({ page, browser }) => {
  const loads: string[] = [];
  page.on('request', (r) => void (/\/KeepPanels\.[\w-]+\.js$/.test(r.url()) && loads.push(r.url())));
  await openChecker(page);
  await expect(page.locator('.ck')).toHaveAttribute('data-plan-kept', 'true');
  await page.waitForLoadState('networkidle');
  expect(loads).toEqual([]);
  await expect(page.getByRole('heading', { name: 'Plans in this browser' })).toHaveCount(0);
  await page.locator('.ck-keep').scrollIntoViewIfNeeded();
  await expect(page.getByRole('heading', { name: 'Plans in this browser' })).toBeVisible();
  expect(loads).toHaveLength(1);

  // Asked for with the button before coming near (a click that does not scroll): the panels take
  // its place and the focus, so a keyboard user is not left on a button that is gone.
  const context = await browser.newContext();
  const other = await context.newPage();
  await openChecker(other);
  await other.getByRole('button', { name: 'Save, share, compare or export this plan' }).dispatchEvent('click');
  await expect(other.getByRole('heading', { name: 'Plans in this browser' })).toBeFocused();
  await context.close();
});
