import { test, expect, type Page } from '@playwright/test';
import { E2E_BASE } from './site.ts';
import { failOnConsoleErrors } from './console-errors.ts';
import { expectNoSeriousAxe } from './axe.ts';
import { scrollToKeepPanels } from './keep-panels.ts';

// The snags a first-time user met in the editor: nodes added in bulk without addresses, a compare
// that ignored nodes, two fields with one name, "current" said twice, an empty plan described two
// ways, no way past a long node table to the add form, dim diagram text in the dark theme, and a
// datastore choice offered twice.

failOnConsoleErrors();

const CHECKER = `${E2E_BASE}checker/`;
const cluster = (page: Page, name: string) => page.getByRole('region', { name: new RegExp(`^Cluster ${name}\\b`) });
const saved = (page: Page) => page.getByRole('region', { name: 'Plans in this browser' });

async function openChecker(page: Page) {
  await page.goto(CHECKER);
  await expect(page.getByRole('heading', { name: 'Start from a preset' })).toBeVisible();
}

async function production(page: Page) {
  await openChecker(page);
  await page.getByRole('button', { name: 'Production downstream cluster', exact: true }).click();
  return cluster(page, 'production');
}

test('nodes added in bulk take the addresses from the first one up', async ({ page }) => {
  const prod = await production(page);
  const addresses = prod.getByRole('textbox', { name: /^Address of / });
  const before = await addresses.count();
  await prod.getByLabel('How many').fill('3');
  await prod.getByLabel('First address').fill('10.9');
  await expect(prod.getByText('The first address must be an IPv4 address such as 10.0.0.10')).toBeVisible();
  await expect(prod.getByRole('button', { name: /^Add/ })).toBeDisabled();
  await prod.getByLabel('First address').fill('10.1.0.250');
  await prod.getByRole('button', { name: 'Add 3 nodes' }).click();
  await expect(addresses).toHaveCount(before + 3);
  expect((await addresses.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).slice(-3)).toEqual([
    '10.1.0.250',
    '10.1.0.251',
    '10.1.0.252',
  ]);
});

test('compare names the nodes and roles that differ, even when the findings do not', async ({ page }) => {
  const prod = await production(page);
  await scrollToKeepPanels(page);
  await saved(page).getByLabel('Save this plan as').fill('before');
  await saved(page).getByRole('button', { name: 'Save' }).click();
  await prod.getByLabel('How many').fill('1');
  await prod.getByLabel('First address').fill('10.1.0.200');
  await prod.getByRole('button', { name: 'Add 1 node' }).click();
  const compare = page.getByRole('region', { name: 'Compare two plans' });
  await compare.getByLabel('Plan A').selectOption({ label: 'The plan being edited' });
  await compare.getByLabel('Plan B').selectOption({ label: 'before' });
  await expect(compare.getByRole('heading', { name: 'Nodes and roles' })).toBeVisible();
  await expect(compare.getByText(/^Only in A: production\/worker-\d+\.$/)).toBeVisible();
  await prod.getByLabel('etcd role of worker-1').check();
  await expect(compare.getByText('production/worker-1: etcd, worker in A, worker in B.')).toBeVisible();
});

test('each field has a name of its own, and a preset is "current" once', async ({ page }) => {
  await openChecker(page);
  await expect(page.getByRole('textbox', { name: 'Rancher version', exact: true })).toHaveCount(1);
  await expect(page.getByRole('textbox', { name: 'Rancher version of this plan', exact: true })).toHaveCount(1);
  // The default plan is the "Rancher on RKE" preset: aria-current says so, the name does not repeat it.
  const current = page.getByRole('button', { name: 'Rancher on RKE', exact: true });
  await expect(current).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('button', { name: /current/ })).toHaveCount(0);
});

test('an empty plan: the summary and the findings list say the same thing', async ({ page }) => {
  await openChecker(page);
  await page.getByRole('button', { name: 'Empty plan', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Finding count' })).toContainText('Nothing to check yet');
  const findings = page.locator('.ck-findings');
  await expect(findings).toContainText('Nothing to check yet');
  await expect(findings.locator('.ck-finding')).toHaveCount(0);
});

test('a skip link leads from the node table to the add form', async ({ page }) => {
  const prod = await production(page);
  await prod.getByRole('link', { name: 'Skip to adding nodes to production' }).click();
  await expect(prod.getByLabel('How many')).toBeFocused();
});

test('the datastore is offered once per meaning', async ({ page }) => {
  const prod = await production(page);
  const options = await prod.getByLabel('Datastore').locator('option').allTextContents();
  expect(options).toEqual(['etcd on the nodes (default)', 'external etcd']);
});

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });

  test('the diagram’s muted text reaches 4.5:1 on what it sits on, and axe finds nothing serious', async ({ page }) => {
    await openChecker(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const diagram = page.locator('.ck-diagram svg');
    await expect(diagram).toBeVisible();
    const ratios = await diagram.evaluate((svg) => {
      const channels = (css: string): number[] => {
        const srgb = /color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)/.exec(css);
        if (srgb) return srgb.slice(1, 4).map(Number);
        const rgb = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css);
        if (rgb) return rgb.slice(1, 4).map((v) => Number(v) / 255);
        throw new Error(`unreadable colour ${css}`);
      };
      const luminance = (css: string) => {
        const [r, g, b] = channels(css).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const contrast = (a: string, b: string) => {
        const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
        return (hi! + 0.05) / (lo! + 0.05);
      };
      const boxes = [...svg.querySelectorAll<SVGGraphicsElement>('.rd-cluster-box')];
      const page = getComputedStyle(document.body).backgroundColor;
      return [...svg.querySelectorAll<SVGTextElement>('text.rd-muted')].map((text) => {
        const t = text.getBBox();
        const box = boxes.find((b) => {
          const r = b.getBBox();
          return t.x >= r.x && t.y >= r.y && t.x + t.width <= r.x + r.width && t.y + t.height <= r.y + r.height;
        });
        return { text: text.textContent, ratio: contrast(getComputedStyle(text).fill, box ? getComputedStyle(box).fill : page) };
      });
    });
    expect(ratios.length).toBeGreaterThan(0);
    expect(ratios.filter((r) => r.ratio < 4.5)).toEqual([]);
    await expectNoSeriousAxe(page, '.ck-diagram');
  });
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe: saved plans, compare and a field's message are clean (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    const prod = await production(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await scrollToKeepPanels(page);
    await saved(page).getByLabel('Save this plan as').fill('base');
    await saved(page).getByRole('button', { name: 'Save' }).click();
    await prod.getByLabel('worker role of cp-1').check();
    await prod.getByLabel('Name of node 4', { exact: true }).fill('cp-2');
    await expect(prod.locator('.ck-problem')).toBeVisible();
    const compare = page.getByRole('region', { name: 'Compare two plans' });
    await compare.getByLabel('Plan B').selectOption({ label: 'base' });
    await expect(compare.getByRole('heading', { name: /Only in A/ })).toBeVisible();
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      await expectNoSeriousAxe(page, 'main');
    }
  });
}
