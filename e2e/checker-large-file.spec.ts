import { test, expect, type Page } from '@playwright/test';
import { kubectlNode } from '../src/rules/testing/kubectl-list.ts';
import { E2E_BASE } from './site.ts';
import { failOnConsoleErrors } from './console-errors.ts';

// A kubectl node list far past the 5 MB input bound, dropped on the checker's import: it is read
// in a Web Worker, with progress and a Cancel button; cancelling leaves the plan as it was; the
// worker is loaded only when a file is read, and only on the checker's page.
const CHECKER = `${E2E_BASE}checker/`;
const importer = (page: Page) => page.getByRole('region', { name: 'Start from your files' });
const notice = (page: Page) => page.locator('.ck-notice-bar');

/** One agent node of `kubectl get nodes -o json`, with the name and address left to fill in (@N, @A). */
const NODE_TEMPLATE = JSON.stringify(kubectlNode(5), null, 4)
  .replaceAll('rke2-agent-5', 'rke2-agent-@N')
  .replaceAll('"10.0.0.6"', '"@A"')
  .replace(/\n/g, '\n        ');

/** Build a list of `count` nodes in the page (no 100 MB crosses from the test) and drop it on the import box. */
async function dropList(page: Page, count: number, name: string): Promise<number> {
  return importer(page)
    .locator('.ck-drop')
    .evaluate(
      (zone, { template, count, name }) => {
        const parts = ['{\n    "apiVersion": "v1",\n    "items": ['];
        for (let i = 0; i < count; i++)
          parts.push(`${i === 0 ? '' : ','}\n        ${template.replaceAll('@N', String(i)).replaceAll('@A', `10.${(i >> 8) & 255}.${i & 255}.10`)}`);
        parts.push('\n    ],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n');
        const file = new File(parts, name, { type: 'application/json' });
        const data = new DataTransfer();
        data.items.add(file);
        zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
        return file.size;
      },
      { template: NODE_TEMPLATE, count, name },
    );
}

test.describe('a large kubectl list on the checker', () => {
  failOnConsoleErrors();

  test('is read in a worker with progress; Cancel stops one read, the next one completes', async ({ page, baseURL }) => {
    // Offline, as in an air-gapped data centre: nothing outside the site's own host is reached.
    const origin = new URL(baseURL!).origin;
    const outside: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      outside.push(url);
      return route.abort('blockedbyclient');
    });
    const workerRequests: string[] = [];
    page.on('request', (r) => {
      if (/read-worker/.test(r.url())) workerRequests.push(r.url());
    });
    await page.goto(CHECKER);
    await expect(page.getByRole('heading', { name: 'Start from a preset' })).toBeVisible();
    const nodesBefore = await page.locator('.ck-diagram .rd-node').count();
    expect(workerRequests).toEqual([]);

    // 4,000 nodes, about 100 MB: cancelled while it reads.
    const size = await dropList(page, 4000, 'nodes-4000.json');
    expect(size).toBeGreaterThan(80 * 1024 * 1024);
    const reading = importer(page).getByRole('status').filter({ hasText: 'Reading nodes-4000.json' });
    await expect(reading).toBeVisible();
    await expect(reading.locator('progress')).toHaveAttribute('max', String(size));
    await expect.poll(async () => Number(await reading.locator('progress').getAttribute('value'))).toBeGreaterThan(0);
    await reading.getByRole('button', { name: 'Cancel' }).click();
    await expect(importer(page).getByText('Reading nodes-4000.json was cancelled. Your plan has not changed.')).toBeVisible();
    await expect(importer(page).locator('progress')).toHaveCount(0);
    await expect(page.locator('.ck-diagram .rd-node')).toHaveCount(nodesBefore);
    expect(workerRequests).toHaveLength(1);
    expect(workerRequests[0]).toContain(`${E2E_BASE}_astro/`);

    // 1,000 nodes, about 24 MB: read to the end and imported.
    await dropList(page, 1000, 'nodes-1000.json');
    await expect(notice(page)).toContainText('Imported a kubectl nodes list (nodes-1000.json): 1 cluster, 1000 nodes.', { timeout: 60_000 });
    await expect(importer(page).getByRole('alert')).toHaveCount(0);
    expect(outside).toEqual([]);
  });

  test('pages without the checker never load the worker, nor a script that names it', async ({ page }) => {
    const naming: string[] = [];
    const seen: Promise<void>[] = [];
    page.on('response', (r) => {
      if (/read-worker/.test(r.url())) naming.push(r.url());
      else if (r.status() >= 300 && r.status() < 400) return;
      else if (/\.m?js(\?|$)/.test(r.url())) seen.push(r.text().then((body) => void (body.includes('read-worker') && naming.push(r.url()))));
    });
    for (const path of ['', 'overview/', 'sizing/', 'ports/', 'cli/']) {
      await page.goto(`${E2E_BASE}${path}`);
      await page.waitForLoadState('networkidle');
    }
    await Promise.all(seen);
    expect(seen.length).toBeGreaterThan(0);
    expect(naming).toEqual([]);
  });
});
