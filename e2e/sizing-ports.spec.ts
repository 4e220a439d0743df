import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { E2E_BASE } from './site.ts';
import { planSchema } from '../src/rules/plan.ts';
import { planHash } from '../src/islands/checker/share.ts';
import { failOnConsoleErrors } from './console-errors.ts';
import { expectNoSeriousAxe } from './axe.ts';

// The two guidance pages with calculators: "Sizing the Rancher server" (sizing/) and "Ports and
// firewalls" (ports/). Each keeps its static tables with and without JavaScript; the islands add
// the answer for the reader's numbers or plan.

failOnConsoleErrors();

/** The island once hydrated: client:visible waits until its fallback is scrolled into view. */
async function island(page: Page, name: string, fallback: string) {
  const either = page.getByRole('region', { name, exact: true }).or(page.getByRole('region', { name: fallback, exact: true }));
  await either.scrollIntoViewIfNeeded();
  const region = page.getByRole('region', { name, exact: true });
  await expect(region).toBeVisible();
  return region;
}

const STORED_PLAN = {
  rancher: { version: '2.8.3', install: 'kubernetes', cluster: 'rancher' },
  clusters: [
    {
      name: 'rancher',
      distribution: 'rke2',
      nodes: [
        { name: 'rancher-1', address: '10.0.0.1', roles: ['server'], cpu: 4, memoryGiB: 16 },
        { name: 'rancher-2', address: '10.0.0.2', roles: ['server'], cpu: 4, memoryGiB: 16 },
        { name: 'rancher-3', address: '10.0.0.3', roles: ['server'], cpu: 2, memoryGiB: 8 },
      ],
      loadBalancer: { targets: ['rancher-1', 'rancher-2', 'rancher-3'] },
    },
    { name: 'apps', distribution: 'rke', nodes: [{ name: 'n1', address: '10.1.0.1', roles: ['etcd', 'controlplane', 'worker'] }] },
  ],
};

async function storePlan(page: Page) {
  await page.addInitScript((text) => window.localStorage.setItem('rancher-arch:checker-plan', text), JSON.stringify(STORED_PLAN));
}

test.describe('Sizing the Rancher server', () => {
  test('the calculator answers per version and distribution, and the static tables stay', async ({ page }) => {
    await page.goto(`${E2E_BASE}sizing/`);
    const calc = await island(page, 'Rancher server size calculator', 'Rancher server size');
    await expect(page.getByRole('table', { name: /RKE2 \(October 2023 revision\)/ })).toBeVisible();
    await expect(page.getByRole('table', { name: /K3s server size by number of agents/ })).toBeVisible();

    await calc.getByLabel('Rancher version').selectOption('2.5');
    await calc.getByLabel('Rancher runs on').selectOption('k3s');
    await calc.getByLabel('Downstream clusters').fill('6');
    await calc.getByLabel('Nodes in them').fill('70');
    await expect(calc.getByText('For 6 downstream clusters with 70 nodes on K3s, Rancher 2.5 asks for 2 vCPUs and 8 GB per node')).toBeVisible();
    await expect(calc.getByText('External database host (optional): 2 vCPUs, 4 GB and 1,000 IOPS.')).toBeVisible();
    await expect(calc.getByText(/later judged this table too optimistic\. Its October 2023 revision asks for 4 vCPUs and 16 GB/)).toBeVisible();

    await calc.getByLabel('Rancher version').selectOption('2.3');
    await calc.getByLabel('Rancher runs on').selectOption('rke');
    await calc.getByLabel('Downstream clusters').fill('16');
    await expect(calc.getByText(/Rancher 2\.3 asks for 8 vCPUs and 32 GB per node \(Large: up to 50 clusters and 500 nodes\)/)).toBeVisible();

    await calc.getByLabel('Rancher version').selectOption('2.15');
    await calc.getByLabel('Rancher runs on').selectOption('rke2');
    await calc.getByLabel('Downstream clusters').fill('501');
    await expect(
      calc.getByText(/past the largest row \(Large: up to 500 clusters and 5,000 nodes\)\. The table sends larger installs to Rancher/),
    ).toBeVisible();
  });

  test('takes the scale and the Rancher nodes from the checker’s saved plan', async ({ page }) => {
    await storePlan(page);
    await page.goto(`${E2E_BASE}sizing/`);
    const calc = await island(page, 'Rancher server size calculator', 'Rancher server size');
    await calc.getByRole('button', { name: 'Use the plan from the checker' }).click();
    await expect(calc.getByRole('status')).toHaveText('Took Rancher 2.8.3, RKE2 and 1 downstream cluster from the checker’s plan.');
    await expect(calc.getByLabel('Rancher version')).toHaveValue('2.8.3');
    await expect(calc.getByLabel('Downstream clusters')).toHaveValue('1');
    const nodes = calc.getByRole('table', { name: /Rancher nodes in the checker’s plan/ });
    await expect(nodes.getByRole('row', { name: /rancher-3/ })).toContainText('below: needs 4 vCPUs and 16 GB');
    await expect(nodes.getByRole('row', { name: /rancher-1/ })).toContainText('meets the row');
  });

  test('says so when no plan is saved', async ({ page }) => {
    await page.goto(`${E2E_BASE}sizing/`);
    const calc = await island(page, 'Rancher server size calculator', 'Rancher server size');
    await calc.getByRole('button', { name: 'Use the plan from the checker' }).click();
    await expect(calc.getByRole('status')).toHaveText(/No plan saved in this browser yet/);
  });

  test('the RoleBinding estimate, against 60,000', async ({ page }) => {
    await page.goto(`${E2E_BASE}sizing/`);
    const calc = await island(page, 'RoleBinding estimate calculator', 'RoleBinding estimate');
    for (const [label, value] of [
      ['Clusters (C)', '0'],
      ['Users per cluster, on average (Ua)', '0'],
      ['Projects (P)', '0'],
      ['Users per project, on average (Pa)', '0'],
      ['Users (U)', '60000'],
    ] as const)
      await calc.getByLabel(label).fill(value);
    await expect(calc.getByText(/At least 60,000 RoleBindings: below the 60,000/)).toBeVisible();
    await calc.getByLabel('Users (U)').fill('60001');
    await expect(calc.getByText(/At least 60,001 RoleBindings: past the 60,000/)).toBeVisible();
    await calc.getByLabel('Clusters (C)').fill('10');
    await calc.getByLabel('Users (U)').fill('100');
    await calc.getByLabel('Users per cluster, on average (Ua)').fill('5');
    await calc.getByLabel('Projects (P)').fill('20');
    await calc.getByLabel('Users per project, on average (Pa)').fill('3');
    await expect(calc.getByText('At least 695 RoleBindings')).toBeVisible();
    await expect(calc.getByText(/per project \(5 × Pa × P\), the estimate is 980\./)).toBeVisible();
    await expect(calc.getByText(/With 50 users or more/)).toBeVisible();
  });
});

test.describe('Ports and firewalls', () => {
  test('a pasted plan gets its matrix, per-node rules and downloads; the static tables stay', async ({ page }) => {
    await page.goto(`${E2E_BASE}ports/`);
    const calc = await island(page, 'Ports for your plan', 'Ports for your plan');
    await expect(page.getByRole('table', { name: 'Rancher on RKE2: server nodes' })).toContainText('9345');
    const yaml = [
      'rancher: { version: "2.8.3", install: kubernetes, cluster: rancher }',
      'clusters:',
      '  - name: rancher',
      '    distribution: rke2',
      '    nodes:',
      '      - { name: rancher-1, address: 10.0.0.1, roles: [server] }',
      '      - { name: rancher-2, address: 10.0.0.2, roles: [server] }',
      '      - { name: rancher-3, address: 10.0.0.3, roles: [server] }',
      '    loadBalancer: { targets: [rancher-1, rancher-2, rancher-3] }',
    ].join('\n');
    await calc.getByLabel(/Plan, RKE cluster\.yml/).fill(yaml);
    await calc.getByRole('button', { name: 'Show the matrix' }).click();
    await expect(calc.getByRole('status').first()).toHaveText('Showing the matrix for the pasted plan: 3 nodes.');
    const servers = calc.getByRole('table', { name: 'rancher-1, rancher-2 and rancher-3 (server)' });
    await expect(servers.getByRole('row', { name: /^9345 TCP every node of rancher/ })).toBeVisible();
    await expect(calc.getByRole('table', { name: 'Load balancer listeners' })).toContainText('TCP 9345');

    const rules = calc.getByLabel('nftables rules for rancher/rancher-1');
    await expect(rules).toContainText('table inet rancher_arch {');
    await expect(rules).toContainText('elements = {');
    await calc.getByRole('combobox', { name: /^Node/ }).selectOption('rancher/rancher-2');
    await calc.getByLabel('Firewall').selectOption('firewalld');
    await expect(calc.getByLabel('firewalld rules for rancher/rancher-2')).toContainText('firewall-cmd --permanent --add-rich-rule=\'rule family="ipv4"');

    const download = page.waitForEvent('download');
    await calc.getByRole('button', { name: 'Download rancher-rancher-2.sh' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('rancher-rancher-2.sh');
    expect(readFileSync(await file.path(), 'utf8')).toMatch(/^#!\/bin\/sh/);
    const csv = page.waitForEvent('download');
    await calc.getByRole('button', { name: 'CSV' }).click();
    expect(readFileSync(await (await csv).path(), 'utf8')).toMatch(/^section,cluster,node,/);
  });

  test('bad input is reported with its place, and nothing is shown', async ({ page }) => {
    await page.goto(`${E2E_BASE}ports/`);
    const calc = await island(page, 'Ports for your plan', 'Ports for your plan');
    await calc.getByLabel(/Plan, RKE cluster\.yml/).fill('clusters:\n  - name: a\n    nodes: [{ name: "x y" }]\n');
    await calc.getByRole('button', { name: 'Show the matrix' }).click();
    await expect(calc.getByRole('status').first()).toHaveText(/^pasted input:3:\d+ clusters\[0\]\.nodes\[0\]\.name/);
    await expect(calc.getByRole('table')).toHaveCount(0);
  });

  test('the checker’s saved plan, read through the plan reader', async ({ page }) => {
    await storePlan(page);
    await page.goto(`${E2E_BASE}ports/`);
    const calc = await island(page, 'Ports for your plan', 'Ports for your plan');
    await calc.getByRole('button', { name: 'Use the plan from the checker' }).click();
    await expect(calc.getByRole('status').first()).toHaveText('Showing the matrix for the checker’s plan: 4 nodes.');
    await expect(calc.getByRole('table', { name: 'n1 (etcd + controlplane + worker)' })).toContainText('2379-2380');
  });
});

test('the checker reports a Rancher node below its row, linking to the sizing page', async ({ page }) => {
  await page.goto(`${E2E_BASE}checker/${await planHash(planSchema.parse(STORED_PLAN))}`);
  const finding = page.locator('.ck-finding[data-rule="rancher-node-size"]');
  await expect(finding).toContainText('Node "rancher-3" of the Rancher cluster "rancher" has 2 vCPUs and 8 GiB');
  await expect(finding.getByRole('link')).toHaveAttribute('href', '../sizing/#rancher-server-nodes-by-scale');
});

test('without JavaScript both pages keep their tables, and the islands say what they would add', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${E2E_BASE}sizing/`);
  await expect(page.getByRole('region', { name: 'Rancher server size' })).toContainText('needs JavaScript');
  const revised = page.getByRole('table', { name: /RKE2 \(October 2023 revision\)/ });
  await expect(revised.getByRole('row', { name: /^Small 150 1,500 4 16 GB/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /Rancher before 2\.4 on RKE/ })).toContainText('contact Rancher');
  await expect(page.getByRole('table', { name: /RKE2 server size by number of agents/ })).toContainText('226–450 agents');
  await expect(page.getByText(/wal_fsync_duration_seconds should stay under 10 ms/)).toBeVisible();
  await page.goto(`${E2E_BASE}ports/`);
  await expect(page.getByRole('region', { name: 'Ports for your plan' })).toContainText('needs JavaScript');
  await expect(page.getByRole('table', { name: 'Downstream RKE: etcd nodes' })).toContainText('2379-2380');
  await expect(page.getByRole('table', { name: 'Downstream RKE2 in machine pools: etcd-only server nodes' })).toContainText('Our reading');
  await expect(page.getByRole('table', { name: /Ports of each network plugin/ })).toContainText('4240/tcp');
  await context.close();
});

for (const theme of ['light', 'dark'] as const)
  test(`axe: the sizing and ports islands, filled in, have no serious violations (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await storePlan(page);
    await page.goto(`${E2E_BASE}sizing/`);
    const sizing = await island(page, 'Rancher server size calculator', 'Rancher server size');
    await sizing.getByRole('button', { name: 'Use the plan from the checker' }).click();
    await expect(sizing.getByRole('table')).toBeVisible();
    await island(page, 'RoleBinding estimate calculator', 'RoleBinding estimate');
    await expectNoSeriousAxe(page, '.calc');
    await page.goto(`${E2E_BASE}ports/`);
    const ports = await island(page, 'Ports for your plan', 'Ports for your plan');
    await ports.getByRole('button', { name: 'Use the plan from the checker' }).click();
    await expect(ports.getByRole('table').first()).toBeVisible();
    await expectNoSeriousAxe(page, '.calc');
  });
