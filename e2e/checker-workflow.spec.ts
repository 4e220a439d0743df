import { test, expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { workersPlan } from '../src/diagrams/test-plans.ts';
import { E2E_BASE } from './site.ts';
import { failOnConsoleErrors } from './console-errors.ts';
import { scrollToKeepPanels } from './keep-panels.ts';

// The checker as an operator's daily tool, at a laptop's and a phone's width: import first, inline
// validation, undo and redo, plans saved in the browser and opened from links, compare, print, the
// node table for large clusters, and hostile links and pastes that must answer with a message.
const CHECKER = `${E2E_BASE}checker/`;
const CLUSTER_YML = readFileSync('test/fixtures/rke-ha-3node.cluster.yml', 'utf8');

/** "#plan=v1.…" for any JSON text, as the checker writes its links (deflate-raw, base64url). */
const linkFor = (json: string) => `#plan=v1.${deflateRawSync(Buffer.from(json)).toString('base64url')}`;

/** The Rancher cluster and "apps" with `workers` workers; its etcd and controlplane nodes have no address. */
const bigPlan = (workers: number) => JSON.stringify(workersPlan(workers, { withoutControlAddresses: true }));

const count = (page: Page) => page.getByRole('status', { name: 'Finding count' });
const cluster = (page: Page, name: string) => page.getByRole('region', { name: new RegExp(`^Cluster ${name}\\b`) });
const diagramNode = (page: Page, key: string) => page.locator(`.ck-diagram [data-node="${key}"]`);
const notice = (page: Page) => page.locator('.ck-notice-bar');
const importer = (page: Page) => page.getByRole('region', { name: 'Start from your files' });
const saved = (page: Page) => page.getByRole('region', { name: 'Plans in this browser' });

async function openChecker(page: Page, hash = '') {
  await page.goto(`${CHECKER}${hash}`);
  await expect(page.getByRole('heading', { name: 'Start from a preset' })).toBeVisible();
}

/** Put text into a field at once, as pasting does (fill() types it in, which takes long for 100 KiB). */
async function paste(field: Locator, text: string) {
  await field.evaluate((el: HTMLTextAreaElement, value) => {
    el.focus();
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

async function preset(page: Page, name: string) {
  await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
}

const VIEWPORTS = [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 812 },
] as const;

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    failOnConsoleErrors();

    test('import comes first; a cluster.yml read as the Rancher cluster, at the site-wide version', async ({ page }) => {
      await page.addInitScript(() => localStorage.setItem('rancher-arch:rancher-version', '2.4.8'));
      await openChecker(page);
      // "Start from your files" is the first thing in the checker, above the editor.
      const headings = await page.locator('.ck h2').allTextContents();
      expect(headings[0]).toBe('Start from your files');
      const importBox = (await importer(page).boundingBox())!;
      const editorBox = (await page.getByRole('heading', { name: 'Your plan' }).boundingBox())!;
      expect(importBox.y).toBeLessThan(editorBox.y);
      // On a laptop the results sit beside the editor; on a phone, below it.
      const findingsBox = (await page.getByRole('heading', { name: 'Findings', exact: true }).boundingBox())!;
      if (viewport.width >= 1024) expect(findingsBox.x).toBeGreaterThan(editorBox.x + 300);
      else expect(findingsBox.y).toBeGreaterThan(editorBox.y);

      const imp = importer(page);
      await expect(imp.getByLabel('Rancher version')).toHaveValue('2.4.8');
      await imp.getByLabel('This is the Rancher server’s cluster').check();
      await imp.getByLabel('Paste or drop a file here').fill(CLUSTER_YML);
      await imp.getByRole('button', { name: 'Import pasted text' }).click();
      await expect(notice(page)).toContainText('Imported an RKE cluster.yml as the Rancher server’s cluster: 1 cluster, 3 nodes.');
      // Read as Rancher's own cluster: no advice to split roles as for a downstream cluster.
      await expect(page.getByRole('heading', { name: /local \(Rancher server, 3 nodes\)/ })).toBeVisible();
      await expect(page.locator('.ck-finding[data-rule="downstream-single-role"]')).toHaveCount(0);
      await expect(page.getByLabel('Cluster that runs Rancher')).toHaveValue('local');
      await expect(page.getByRole('textbox', { name: 'Rancher version', exact: true }).last()).toHaveValue('2.4.8');

      // A bad version is explained beside its field and nothing is imported.
      await imp.getByLabel('Rancher version').fill('two point four');
      await expect(imp.getByLabel('Rancher version')).toHaveAttribute('aria-invalid', 'true');
      await expect(imp.getByText('The version must look like 2.4 or v2.4.8.')).toBeVisible();
    });

    test('files: past 5 MB only node lists are read, UTF-16 read like the CLI reads it, drop works like choose', async ({ page }) => {
      await openChecker(page);
      const imp = importer(page);
      const chooser = imp.getByLabel('Or choose a file');
      await chooser.setInputFiles({ name: 'huge.yaml', mimeType: 'application/yaml', buffer: Buffer.alloc(20 * 1024 * 1024, 0x20) });
      // Past 5 MB only a kubectl node list is read on (node by node); this is not one.
      await expect(imp.getByRole('alert')).toContainText('input is more than 5 MB (reading stopped there)');
      await expect(imp.getByRole('alert')).toContainText('this is not one: nothing but blank space starts it');
      await expect(imp.getByLabel('Paste or drop a file here')).toHaveValue('');

      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CLUSTER_YML, 'utf16le')]);
      await chooser.setInputFiles({ name: 'cluster-utf16.yml', mimeType: 'application/yaml', buffer: utf16 });
      await expect(notice(page)).toContainText('Imported an RKE cluster.yml (cluster-utf16.yml): 1 cluster, 3 nodes.');
      await expect(page.locator('.ck-diagram .rd-node')).toHaveCount(3);

      // Dropped on the import box, a file is read the same way.
      await preset(page, 'Empty plan');
      await imp.locator('.ck-drop').evaluate((zone, text) => {
        const data = new DataTransfer();
        data.items.add(new File([text], 'dropped.cluster.yml', { type: 'application/yaml' }));
        zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      }, CLUSTER_YML);
      await expect(notice(page)).toContainText('Imported an RKE cluster.yml (dropped.cluster.yml): 1 cluster, 3 nodes.');
      await expect(page.locator('.ck-diagram .rd-node')).toHaveCount(3);
    });

    test('every field says why it refuses a value, and the plan keeps its own', async ({ page }) => {
      await openChecker(page);
      await preset(page, 'Production downstream cluster');
      const prod = cluster(page, 'production');
      await scrollToKeepPanels(page);
      const link = page.getByLabel('Link to this plan');
      await expect(link).toHaveValue(/#plan=v1\./);
      const before = await link.inputValue();

      // A name another node has.
      const name = prod.getByLabel('Name of node 4', { exact: true });
      await name.fill('cp-2');
      await expect(name).toHaveAttribute('aria-invalid', 'true');
      await expect(prod.getByText('Another node is already named “cp-2”. The plan keeps “cp-1”.')).toBeVisible();
      await expect(diagramNode(page, 'production/cp-1')).toHaveCount(1);
      // Escape brings the plan's value back.
      await name.press('Escape');
      await expect(name).toHaveValue('cp-1');
      await expect(name).not.toHaveAttribute('aria-invalid', 'true');

      // A blank cluster name, a name with a space, a bad address.
      const clusterName = prod.getByLabel('Cluster name');
      await clusterName.fill('');
      await expect(prod.getByText('The cluster name must not be empty. The plan keeps “production”.')).toBeVisible();
      await clusterName.fill('prod east');
      await expect(prod.getByText(/The cluster name contains a space.*The plan keeps “production”\./)).toBeVisible();
      await clusterName.press('Escape');
      const address = prod.getByLabel('Address of etcd-1');
      await address.fill('10.1.0.300');
      await expect(prod.getByText(/The address looks like an IPv4 address but is not one.*The plan keeps “10\.1\.0\.1”\./)).toBeVisible();
      await address.press('Escape');

      // Ports and the FQDN, on the load balancer and the endpoint.
      await prod.getByLabel('A load balancer fronts this cluster').check();
      const ports = prod.getByLabel('Ports');
      await ports.fill('80, 99999');
      await expect(ports).toHaveAttribute('aria-invalid', 'true');
      await expect(prod.getByText('“99999” is not a port; ports are whole numbers from 1 to 65535. The plan keeps “80, 443”.')).toBeVisible();
      await ports.press('Escape');
      const fqdn = prod.getByLabel('FQDN');
      await fqdn.fill('api example');
      await expect(prod.getByText(/The FQDN contains a space/)).toBeVisible();
      await fqdn.press('Escape');

      // The Rancher version, on the Rancher section.
      await page.getByLabel('This plan includes the Rancher server').check();
      const version = page.locator('.ck-rancher').getByLabel('Rancher version');
      await version.fill('two point four');
      await expect(page.getByText(/The version must look like 2\.4 or v2\.4\.8\. The plan keeps/)).toBeVisible();
      await version.fill('v2.5');
      await expect(version).not.toHaveAttribute('aria-invalid', 'true');

      // Valid text applies as it is typed, like every other field.
      await name.fill('cp-a');
      await expect(diagramNode(page, 'production/cp-a')).toHaveCount(1);
      await expect(link).not.toHaveValue(before);
    });

    test('undo and redo: buttons and keys, for edits, removal, presets and imports', async ({ page }) => {
      await openChecker(page);
      await preset(page, 'Production downstream cluster');
      const prod = cluster(page, 'production');
      const undo = page.getByRole('button', { name: 'Undo', exact: true });
      const redo = page.getByRole('button', { name: 'Redo', exact: true });

      await prod.getByLabel('worker role of cp-1').check();
      await expect(page.locator('.ck-finding[data-rule="downstream-single-role"]').first()).toBeVisible();
      await undo.click();
      await expect(prod.getByLabel('worker role of cp-1')).not.toBeChecked();
      await expect(page.getByText('Undone: the worker role of node cp-1.')).toBeVisible();
      await redo.click();
      await expect(prod.getByLabel('worker role of cp-1')).toBeChecked();

      // From the keyboard, with focus anywhere in the checker.
      await prod.getByLabel('worker role of cp-1').focus();
      await page.keyboard.press('ControlOrMeta+z');
      await expect(prod.getByLabel('worker role of cp-1')).not.toBeChecked();
      await page.keyboard.press('ControlOrMeta+Shift+z');
      await expect(prod.getByLabel('worker role of cp-1')).toBeChecked();

      // Removing a cluster, then undoing it.
      await prod.getByRole('button', { name: 'Remove cluster production' }).click();
      await expect(cluster(page, 'production')).toHaveCount(0);
      await undo.click();
      await expect(cluster(page, 'production')).toBeVisible();
      await expect(cluster(page, 'production').getByLabel('worker role of cp-1')).toBeChecked();

      // Typing in one field is one step.
      const name = cluster(page, 'production').getByLabel('Name of node 1', { exact: true });
      await name.click();
      await name.press('End');
      await name.pressSequentially('x', { delay: 20 });
      await name.pressSequentially('yz', { delay: 20 });
      await expect(diagramNode(page, 'production/etcd-1xyz')).toHaveCount(1);
      await undo.click();
      await expect(name).toHaveValue('etcd-1');

      // A preset and an import are steps too.
      await preset(page, 'Empty plan');
      await expect(count(page)).toContainText('Nothing to check yet: the plan has no clusters.');
      await undo.click();
      await expect(cluster(page, 'production')).toBeVisible();
      await importer(page).getByLabel('Paste or drop a file here').fill(CLUSTER_YML);
      await importer(page).getByRole('button', { name: 'Import pasted text' }).click();
      await expect(cluster(page, 'local')).toBeVisible();
      await undo.click();
      await expect(cluster(page, 'production')).toBeVisible();
      await expect(cluster(page, 'local')).toHaveCount(0);
      await redo.click();
      await expect(cluster(page, 'local')).toBeVisible();
    });

    test('saved plans, and a share link opened beside them without overwriting anything', async ({ page }) => {
      await openChecker(page);
      await preset(page, 'Production downstream cluster');
      await cluster(page, 'production').getByLabel('worker role of cp-1').check();
      await scrollToKeepPanels(page);
      const panel = saved(page);
      await panel.getByLabel('Save this plan as').fill('option A');
      await panel.getByRole('button', { name: 'Save' }).click();
      await expect(panel.getByRole('status')).toHaveText('Saved “option A” in this browser.');
      await expect(panel.getByRole('button', { name: 'Open option A' })).toBeVisible();
      // The same name again: the page asks before replacing.
      await panel.getByLabel('Save this plan as').fill('option A');
      await expect(panel.getByText('A saved plan is already called “option A”: saving replaces it.')).toBeVisible();
      await expect(panel.getByRole('button', { name: 'Replace “option A”' })).toBeVisible();
      await panel.getByLabel('Save this plan as').fill('');
      // The plan being edited is stored when the page is idle: wait until it holds the last edit.
      await expect
        .poll(() => page.evaluate(() => localStorage.getItem('rancher-arch:checker-plan') ?? ''))
        .toMatch(/"name":"cp-1","address":"10\.1\.0\.11","roles":\["controlplane","worker"\]/);

      // Someone sends a link to a different plan.
      await page.goto('about:blank');
      await openChecker(page, linkFor(bigPlan(3)));
      await expect(notice(page)).toContainText('Loaded the plan from the link.');
      await expect(notice(page)).toContainText(/It is in your saved plans as “From a link, [^”]+”\./);
      await expect(notice(page)).toContainText(/The plan you had here is saved as “My plan before a link, [^”]+”; Undo also brings it back\./);
      await expect(cluster(page, 'apps')).toBeVisible();
      await scrollToKeepPanels(page);
      await expect(saved(page).locator('.ck-saved-list li')).toHaveCount(3);
      // Undo goes back to the plan that was here.
      await page.getByRole('button', { name: 'Undo', exact: true }).click();
      await expect(cluster(page, 'production').getByLabel('worker role of cp-1')).toBeChecked();

      // Opening a saved plan, deleting one and putting it back.
      await saved(page).getByRole('button', { name: 'Open option A' }).click();
      await expect(notice(page)).toContainText('Opened the saved plan “option A”.');
      await saved(page).getByRole('button', { name: 'Delete option A' }).click();
      await expect(saved(page).getByRole('status')).toContainText('Deleted “option A”.');
      await saved(page).getByRole('button', { name: 'Put it back' }).click();
      await expect(saved(page).getByRole('button', { name: 'Open option A' })).toBeVisible();

      // Reloading the page's own link is a restore, not a new saved plan. The address bar and
      // storage hold the plan a moment after the last edit (when the browser is idle), and the
      // page says when they do: wait for that, or the reload finds the address an edit behind.
      await expect(page.locator('.ck')).toHaveAttribute('data-plan-kept', 'true');
      await page.reload();
      await expect(notice(page)).toContainText('Restored the plan saved in this browser.');
      await scrollToKeepPanels(page);
      await expect(saved(page).locator('.ck-saved-list li')).toHaveCount(3);
    });

    test('compare two plans: the findings that differ', async ({ page }) => {
      await openChecker(page);
      await preset(page, 'Production downstream cluster');
      await scrollToKeepPanels(page);
      await saved(page).getByLabel('Save this plan as').fill('by the book');
      await saved(page).getByRole('button', { name: 'Save' }).click();
      await cluster(page, 'production').getByLabel('worker role of cp-1').check();
      await cluster(page, 'production').getByLabel('etcd role of worker-1').check();
      const compare = page.getByRole('region', { name: 'Compare two plans' });
      await compare.getByLabel('Plan A').selectOption({ label: 'The plan being edited' });
      await compare.getByLabel('Plan B').selectOption({ label: 'by the book' });
      await expect(compare.getByRole('heading', { name: /Only in A/ })).toBeVisible();
      await expect(compare.locator('.ck-finding[data-rule="etcd-odd-members"]')).toHaveCount(1);
      await expect(compare.locator('.ck-finding[data-rule="downstream-single-role"]').first()).toBeVisible();
      await expect(compare.getByRole('heading', { name: 'Only in B (0)' })).toBeVisible();
    });

    test('large clusters: a table with headers, a page of rows at a time, a filter and a skip link', async ({ page }) => {
      await openChecker(page, linkFor(bigPlan(292)));
      const apps = cluster(page, 'apps');
      await expect(count(page)).toContainText('300 nodes');
      const table = apps.getByRole('table');
      for (const header of ['Name', 'Address', 'Zone', 'Roles', 'etcd', 'control plane', 'worker', 'Fail']) {
        await expect(table.getByRole('columnheader', { name: header, exact: true })).toBeVisible();
      }
      await expect(apps.getByText('Rows 1–50 of 297')).toBeVisible();
      await expect(table.locator('tbody tr')).toHaveCount(50);
      await apps.getByRole('button', { name: 'Next page of nodes' }).click();
      await expect(apps.getByText('Rows 51–100 of 297')).toBeVisible();
      await expect(apps.getByLabel('Name of node 51', { exact: true })).toHaveValue('worker-46');
      await apps.getByLabel('Find a node').fill('worker-250');
      await expect(table.locator('tbody tr')).toHaveCount(1);
      await apps.getByLabel('etcd role of worker-250').check();
      await expect(page.locator('.ck-finding[data-rule="etcd-odd-members"]')).toHaveCount(1);
      // The skip link jumps past every row to the findings.
      await apps.getByRole('link', { name: 'Skip to findings' }).click();
      await expect(page.getByRole('heading', { name: 'Findings', exact: true })).toBeFocused();
    });

    test('an empty plan is fine to edit, and the summary says there is nothing to check', async ({ page }) => {
      await openChecker(page);
      await preset(page, 'Empty plan');
      await expect(page.getByRole('button', { name: /^Empty plan/ })).toHaveAttribute('aria-current', 'true');
      await expect(count(page)).toHaveText('Nothing to check yet: the plan has no clusters.');
      await page.getByRole('button', { name: 'Add a cluster' }).click();
      await expect(count(page)).toHaveText('Nothing to check yet: the plan has no nodes.');
      await expect(page.getByRole('button', { name: /^Empty plan/ })).not.toHaveAttribute('aria-current', 'true');
      await cluster(page, 'cluster').getByRole('button', { name: 'Add 1 node' }).click();
      await expect(count(page)).toContainText('1 node');
    });

    test('print: findings, the diagram and a table of every node', async ({ page }) => {
      await openChecker(page);
      await preset(page, 'Production downstream cluster');
      await cluster(page, 'production').getByLabel('Fail etcd-1').check();
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.ck-editor')).toBeHidden();
      await expect(page.locator('.ck-start')).toBeHidden();
      await expect(page.locator('.ck-finding').first()).toBeVisible();
      await expect(page.locator('.ck-diagram svg').first()).toBeVisible();
      const nodes = page.locator('.ck-print-table');
      await expect(nodes).toBeVisible();
      await expect(nodes.locator('tbody tr')).toHaveCount(8);
      await expect(nodes.locator('tbody tr').first()).toContainText('etcd-1');
      await expect(nodes.locator('tbody tr').first()).toContainText('failed');
      await page.emulateMedia({ media: 'screen' });
      await expect(nodes).toBeHidden();
    });

    test('a short link that inflates to 100,000 nodes answers with a message; the checker opens normally after', async ({ page }) => {
      const nodes = Array.from({ length: 100_000 }, () => ({ name: 'a' }));
      const hash = linkFor(JSON.stringify({ clusters: [{ name: 'c', nodes }] }));
      expect(hash.length).toBeLessThan(10_000);
      await page.goto(`${CHECKER}${hash}`);
      const alert = page.getByRole('alert');
      await expect(alert).toContainText('The plan in this link could not be loaded', { timeout: 20_000 });
      await expect(alert).toContainText('100,000 nodes');
      await expect(diagramNode(page, 'rancher/rancher-1')).toHaveCount(1);
      // Nothing of it was stored: a plain visit opens as usual.
      await page.goto('about:blank');
      await openChecker(page);
      // The checker has finished starting (the preset is marked) before the absence of an alert means anything.
      await expect(page.getByRole('button', { name: /^Rancher on RKE/ })).toHaveAttribute('aria-current', 'true');
      await expect(diagramNode(page, 'rancher/rancher-1')).toHaveCount(1);
      await expect(page.getByRole('alert')).toHaveCount(0);
      const stored = await page.evaluate(() => localStorage.getItem('rancher-arch:checker-plan'));
      expect(stored === null || !stored.includes('"name":"a"')).toBe(true);
    });

    test('pasting 10,000 clusters answers with a message; nothing changes or is stored', async ({ page }) => {
      await openChecker(page);
      const yaml = `clusters:\n${Array.from({ length: 10_000 }, (_, i) => `  - name: c${i}\n`).join('')}`;
      const imp = importer(page);
      await paste(imp.getByLabel('Paste or drop a file here'), yaml);
      await imp.getByRole('button', { name: 'Import pasted text' }).click();
      await expect(imp.getByRole('alert')).toContainText('the plan has 10,000 clusters; at most 2,500 are checked at once, since', { timeout: 20_000 });
      await expect(diagramNode(page, 'rancher/rancher-1')).toHaveCount(1);
      await page.goto('about:blank');
      await openChecker(page);
      await expect(diagramNode(page, 'rancher/rancher-1')).toHaveCount(1);
      await expect(page.getByRole('alert')).toHaveCount(0);
    });
  });
}
