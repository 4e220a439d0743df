import { test, expect, type Page } from '@playwright/test';
import { sizedPlan } from '../src/diagrams/test-plans.ts';
import { planHash } from '../src/islands/checker/share.ts';
import { E2E_BASE } from './site.ts';
import { failOnConsoleErrors } from './console-errors.ts';

// Diagrams as a reader sees them on a laptop and on a phone: no text drawn below 11 CSS pixels
// (measured in the rendered SVG), the page never scrolls sideways because of a diagram, header
// lines stay apart and inside their cluster, load balancers and endpoints are boxes linked to the
// nodes, the Rancher cluster is linked to what it manages, and "+N more" opens on click.

const SCREENS = [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 812 },
] as const;

const GUIDANCE = ['separation/', 'k3s-cluster/', 'rke-cluster/', 'load-balancer/', 'node-roles/', 'authorized-endpoint/'];
const CHECKER = `${E2E_BASE}checker/`;

failOnConsoleErrors();

interface TextSizes {
  count: number;
  /** Computed font size × rendering scale (drawn width ÷ viewBox width), the smallest found. */
  smallest: number;
  /** Height of the smallest text's box on screen. */
  smallestBox: number;
  where: string;
  scales: number[];
}

/** Every visible text of every visible diagram under `scope`, measured as drawn. */
function measureText(page: Page, scope: string): Promise<TextSizes> {
  return page.evaluate((selector) => {
    const out = { count: 0, smallest: Infinity, smallestBox: Infinity, where: '', scales: [] as number[] };
    for (const svg of document.querySelectorAll<SVGSVGElement>(`${selector} svg.rd-svg`)) {
      if (svg.getClientRects().length === 0) continue; // the layout for the other screen size
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      out.scales.push(scale);
      for (const t of svg.querySelectorAll('text')) {
        if (t.getClientRects().length === 0 || !t.textContent?.trim()) continue;
        const size = parseFloat(getComputedStyle(t).fontSize) * scale;
        out.count++;
        if (size < out.smallest) {
          out.smallest = size;
          out.smallestBox = t.getBoundingClientRect().height;
          out.where = t.textContent;
        }
      }
    }
    return out;
  }, scope);
}

/** Header lines of each drawn cluster: pairs that overlap, and lines that leave their cluster's frame. */
function headerProblems(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const problems: string[] = [];
    for (const svg of document.querySelectorAll<SVGSVGElement>(`${selector} svg.rd-svg`)) {
      if (svg.getClientRects().length === 0) continue;
      for (const cluster of svg.querySelectorAll<SVGGElement>('g.rd-cluster')) {
        const name = cluster.dataset.cluster!;
        const frame = svg.querySelector(`rect[data-frame="${CSS.escape(name)}"]`)!.getBoundingClientRect();
        const lines = [...cluster.children].filter((e) => e.tagName === 'text').map((e) => ({ text: e.textContent, box: e.getBoundingClientRect() }));
        for (const [i, a] of lines.entries()) {
          if (a.box.left < frame.left || a.box.right > frame.right || a.box.top < frame.top) problems.push(`${name}: "${a.text}" leaves its cluster`);
          for (const b of lines.slice(i + 1)) {
            const overlap = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
            const side = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
            if (overlap > 0.5 && side > 0.5) problems.push(`${name}: "${a.text}" runs into "${b.text}"`);
          }
        }
      }
    }
    return problems;
  }, scope);
}

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

for (const screen of SCREENS) {
  test.describe(`${screen.name} (${screen.width}×${screen.height})`, () => {
    test.use({ viewport: { width: screen.width, height: screen.height } });

    test('guidance diagrams draw every text at 11px or more, at full scale, without widening the page', async ({ page }) => {
      for (const path of GUIDANCE) {
        await page.goto(`${E2E_BASE}${path}`);
        const sizes = await measureText(page, '.sl-markdown-content');
        expect(sizes.count, `${path}: texts measured`).toBeGreaterThan(10);
        expect(sizes.smallest, `${path}: smallest text "${sizes.where}"`).toBeGreaterThanOrEqual(11);
        expect(sizes.smallestBox, `${path}: box of "${sizes.where}"`).toBeGreaterThanOrEqual(11);
        for (const scale of sizes.scales) expect(scale, `${path}: the diagram is not shrunk`).toBeCloseTo(1, 2);
        expect(await headerProblems(page, '.sl-markdown-content'), path).toEqual([]);
        expect(await sideways(page), `${path}: the page scrolls sideways`).toBeLessThanOrEqual(0);
        // The drawing fits the text column (the guidance's own plans never need to scroll).
        const fits = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('.sl-markdown-content .rd-scroll')]
            .filter((r) => r.getClientRects().length)
            .every((r) => r.scrollWidth <= r.clientWidth + 1),
        );
        expect(fits, `${path}: diagram fits its column`).toBe(true);
      }
    });

    test('a diagram region can be reached and scrolled from the keyboard', async ({ page }) => {
      await page.goto(`${E2E_BASE}rke-cluster/`);
      const region = page.getByRole('region', { name: /^Diagram: Rancher on an RKE cluster/ });
      await expect(region).toBeVisible();
      await region.focus();
      await expect(region).toBeFocused();
      await expect(region.getByRole('img')).toBeVisible();
    });

    for (const total of [3, 30, 300, 1000]) {
      test(`checker: ${total} nodes, every text at 11px or more; load balancer, endpoint and "manages" links drawn`, async ({ page }) => {
        // A big plan takes a while to decode, check and lay out (every node row of the editor
        // too) on a machine busy with other suites: these bounds are patience, not a timing test.
        const patience = total >= 1000 ? 100_000 : 30_000;
        test.setTimeout(patience + 60_000);
        const plan = sizedPlan(total);
        await page.goto(`${CHECKER}${await planHash(plan)}`);
        const diagram = page.locator('.ck-diagram');
        await expect(diagram.locator('[data-cluster="rancher"]')).toBeVisible({ timeout: patience });
        if (total > 3) await expect(diagram.locator('[data-cluster="apps"]')).toBeAttached({ timeout: patience });
        const sizes = await measureText(page, '.ck-diagram');
        expect(sizes.count).toBeGreaterThan(20);
        expect(sizes.smallest, `smallest text "${sizes.where}"`).toBeGreaterThanOrEqual(11);
        expect(sizes.smallestBox, `box of "${sizes.where}"`).toBeGreaterThanOrEqual(11);
        for (const scale of sizes.scales) expect(scale).toBeCloseTo(1, 2);
        expect(await headerProblems(page, '.ck-diagram')).toEqual([]);
        expect(await sideways(page), 'the page scrolls sideways').toBeLessThanOrEqual(0);

        // The load balancer and (downstream) the authorized endpoint are boxes with links to their nodes.
        const rancher = diagram.locator('[data-cluster="rancher"]');
        await expect(rancher.locator('[data-shape="load-balancer"]')).toContainText('Load balancer');
        expect(await rancher.locator(':scope > path.rd-link').count()).toBeGreaterThanOrEqual(3);
        if (total > 3) {
          const apps = diagram.locator('[data-cluster="apps"]');
          await expect(apps.locator('[data-shape="load-balancer"]')).toBeAttached();
          await expect(apps.locator('[data-shape="endpoint"]')).toContainText('api.apps.example.com');
          expect(await apps.locator(':scope > path.rd-link').count()).toBeGreaterThanOrEqual(2);
          // Rancher is linked to the cluster it manages.
          await expect(diagram.locator('svg > path.rd-link-manage')).toHaveCount(1);
        }
      });
    }

    test('checker: a collapsed group opens on click and closes again from its button', async ({ page }) => {
      await page.goto(`${CHECKER}${await planHash(sizedPlan(300))}`);
      const diagram = page.locator('.ck-diagram');
      const workers = diagram.locator('[data-node^="apps/worker-"]');
      const more = diagram.locator('[data-more="apps/worker"]');
      await expect(more).toContainText('+278 more', { timeout: 30_000 });
      await expect(workers).toHaveCount(11);
      await more.click();
      await expect(workers).toHaveCount(289);
      await expect(more).toHaveCount(0);
      const toggle = page.getByRole('button', { name: 'Show fewer worker nodes in apps' });
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');
      await toggle.click();
      await expect(workers).toHaveCount(11);
      // The keyboard route: the same button, focused and pressed.
      const open = page.getByRole('button', { name: 'Show all 289 worker nodes in apps' });
      await open.focus();
      await page.keyboard.press('Enter');
      await expect(workers).toHaveCount(289);
      const sizes = await measureText(page, '.ck-diagram');
      expect(sizes.smallest).toBeGreaterThanOrEqual(11);
    });

    test('without JavaScript the checker page draws the recommended architecture at 11px or more', async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: screen.width, height: screen.height } });
      const page = await context.newPage();
      await page.goto(CHECKER);
      const sizes = await measureText(page, '.sl-markdown-content');
      expect(sizes.count).toBeGreaterThan(10);
      expect(sizes.smallest).toBeGreaterThanOrEqual(11);
      expect(await sideways(page)).toBeLessThanOrEqual(0);
      await context.close();
    });
  });
}
