import { test, expect, type Page } from '@playwright/test';
import { E2E_BASE } from './site.ts';
import { failOnConsoleErrors } from './console-errors.ts';

// What the islands look like in the live DOM once hydrated, checked on the built pages rather than
// on a server-side serialisation: a runtime whose hydration skips attribute updates (Preact's
// useSyncExternalStore did) or drops a prop (Preact wrote no spellcheck for spellCheck={false})
// passes a render-to-string test and still ships broken markup.

failOnConsoleErrors();

async function hydrated(page: Page, path: string, region: string) {
  await page.goto(`${E2E_BASE}${path}`);
  const calc = page.getByRole('region', { name: region, exact: true });
  // client:visible hydrates once the fallback is in view; the calculator's own title says it ran.
  await page.locator('.calc').first().scrollIntoViewIfNeeded();
  await expect(calc).toBeVisible();
  return calc;
}

for (const [path, region] of [
  ['sizing/', 'Rancher server size calculator'],
  ['ports/', 'Ports for your plan'],
] as const)
  test(`/${path}: the calculator's button row keeps its class and flex layout after hydration`, async ({ page }) => {
    const calc = await hydrated(page, path, region);
    const row = calc.locator('p', { has: page.getByRole('button', { name: 'Use the plan from the checker' }) });
    await expect(row).toHaveClass('ck-row');
    await expect(row).toHaveCSS('display', 'flex');
  });

for (const [path, region] of [
  ['sizing/', 'Rancher server size calculator'],
  ['ports/', 'Ports for your plan'],
] as const)
  test(`/${path}: headings go down one level at a time, with the calculator hydrated`, async ({ page }) => {
    await hydrated(page, path, region);
    const levels = await page.locator('main :is(h1, h2, h3, h4, h5, h6)').evaluateAll((hs) => hs.map((h) => `${h.tagName} ${h.textContent?.trim()}`));
    const jumps = levels.filter((h, i) => i > 0 && Number(h[1]) > Number(levels[i - 1]![1]) + 1);
    expect(levels.length).toBeGreaterThan(2);
    expect(jumps).toEqual([]);
  });

test('text fields for names, addresses, YAML and JSON carry spellcheck="false" in the live DOM', async ({ page }) => {
  const ports = await hydrated(page, 'ports/', 'Ports for your plan');
  await expect(ports.getByRole('textbox')).toHaveAttribute('spellcheck', 'false');

  for (const [path, label] of [
    ['load-balancer/', 'Ports'],
    ['authorized-endpoint/', 'FQDN'],
  ] as const) {
    await page.goto(`${E2E_BASE}${path}`);
    await expect(page.locator('.calc').getByLabel(label, { exact: true })).toHaveAttribute('spellcheck', 'false');
  }

  await page.goto(`${E2E_BASE}checker/`);
  await expect(page.getByRole('heading', { name: 'Start from a preset' })).toBeVisible();
  // The import's text and Rancher version, the plan's Rancher version, and the validated fields.
  const versions = page.getByRole('textbox', { name: /Rancher version/ });
  await expect(versions).toHaveCount(2);
  for (const field of [
    page.getByLabel('Paste or drop a file here'),
    versions.first(),
    versions.last(),
    page.getByLabel('Name of node 1', { exact: true }).first(),
    page.getByRole('textbox', { name: /^Address of / }).first(),
  ])
    await expect(field).toHaveAttribute('spellcheck', 'false');
});
