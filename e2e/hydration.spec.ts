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

// The checker's plan is only known in the browser, so the island renders after its JavaScript; the
// server-rendered fallback holds the kinds of file it reads, in the import hint's words, width and
// size, with a little more text. Lighthouse's mobile and desktop viewports: the page's largest
// paint must stay that server-rendered text, never the hint the island paints later (which made a
// plain static server, without compression, score 77–80 on mobile).
for (const [label, viewport, deviceScaleFactor] of [
  ['mobile', { width: 412, height: 823 }, 1.75],
  ['desktop', { width: 1350, height: 940 }, 1],
] as const)
  test(`/checker/ on ${label}: the largest paint is the server-rendered text, not the island's later hint`, async ({ browser }) => {
    const context = await browser.newContext({ viewport, deviceScaleFactor });
    const page = await context.newPage();
    await page.goto(`${E2E_BASE}checker/`);
    const hint = page.locator('.ck-drop .ck-hint[id$="-kinds"]');
    await expect(hint).toContainText('kubectl get nodes -o json');
    // Each entry names its element while it is in the page; the fallback's paragraph has gone by now.
    const entries = await page.evaluate(
      () =>
        new Promise<{ size: number; hint: boolean }[]>((done) => {
          const seen: { size: number; hint: boolean }[] = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries() as (PerformanceEntry & { size: number; element: Element | null })[])
              seen.push({ size: e.size, hint: e.element?.matches('[id$="-kinds"]') ?? false });
          }).observe({ type: 'largest-contentful-paint', buffered: true });
          setTimeout(() => done(seen), 200);
        }),
    );
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.filter((e) => e.hint)).toEqual([]);
    // …because the server sent the words the hint holds.
    const fallback = await page.request.get(`${E2E_BASE}checker/`).then((r) => r.text());
    expect(fallback).toContain('With JavaScript, the checker starts from your files');
    await context.close();
  });
