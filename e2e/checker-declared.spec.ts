import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { E2E_BASE } from './site.ts';
import { failOnConsoleErrors } from './console-errors.ts';

// Files operators declare clusters in, read on the page: Terraform goes through the HCL parser,
// which loads (WebAssembly included) only when the first .tf file is read, under the page's strict
// Content-Security-Policy; a two-member etcd in a module's pool is reported like any other.
const CHECKER = `${E2E_BASE}checker/`;
const importer = (page: Page) => page.getByRole('region', { name: 'Start from your files' });
const notice = (page: Page) => page.locator('.ck-notice-bar');

const TWO_ETCD = `resource "rancher2_cluster_v2" "apps" {
  name               = "apps"
  kubernetes_version = "v1.31.4+rke2r1"
  rke_config {
    machine_pools {
      name               = "cp"
      control_plane_role = true
      etcd_role          = true
      quantity           = 2
    }
    machine_pools {
      name        = "wk"
      worker_role = true
      quantity    = 3
    }
  }
}
`;

test.describe('declared clusters on the page', () => {
  failOnConsoleErrors();

  test('a Terraform file chosen on the page: pools become nodes, the parser loads only then, and two etcd members are reported', async ({ page }) => {
    const wasm: string[] = [];
    page.on('request', (request) => {
      if (/\.wasm(\?|$)/.test(request.url()) && !request.url().includes('pagefind')) wasm.push(request.url());
    });
    await page.goto(CHECKER);
    await expect(page.getByRole('heading', { name: 'Start from a preset' })).toBeVisible();
    expect(wasm, 'no HCL parser before a Terraform file is read').toEqual([]);

    await importer(page)
      .getByLabel('Or choose a file')
      .setInputFiles({ name: 'main.tf', mimeType: 'text/plain', buffer: Buffer.from(TWO_ETCD) });
    await expect(notice(page)).toContainText('Imported Terraform files (main.tf): 1 cluster, 5 nodes.');
    expect(wasm.length, 'the parser and its grammar load once a .tf file is read').toBeGreaterThanOrEqual(1);
    await expect(page.locator('.ck-diagram .rd-node')).toHaveCount(5);
    await expect(page.locator('.ck-finding[data-rule="etcd-odd-members"]')).toHaveCount(1);
    // The module's pools are the plan's node groups: each node says which pool it came from.
    const table = page.getByRole('table', { name: 'Nodes (5)' });
    await expect(table.getByRole('columnheader', { name: 'Pool' })).toBeVisible();
    await expect(table.locator('.ck-cell-pool')).toHaveText(['cp', 'cp', 'wk', 'wk', 'wk']);
  });

  test('a folder of files chosen together: variables from a second file resolve the pool counts', async ({ page }) => {
    await page.goto(CHECKER);
    const read = (name: string) => readFileSync(`test/fixtures/terraform-vars/${name}`);
    await importer(page)
      .getByLabel('Or choose a file')
      .setInputFiles(['main.tf', 'variables.tf', 'workers.tfvars'].map((name) => ({ name, mimeType: 'text/plain', buffer: read(name) })));
    await expect(notice(page)).toContainText(/Imported Terraform files \(main\.tf, variables\.tf, workers\.tfvars\): 1 cluster, 7 nodes\./);
    await expect(page.locator('.ck-finding[data-rule="plan-counts-unknown"]')).toHaveCount(0);
  });
});
