// How quickly the checker answers, in Chromium, on plans of 1,000 and 5,000 nodes:
// - a role toggle, click to next paint, read from the Event Timing API (what the browser itself
//   reports for interactions; entries under its 16 ms reporting floor are counted as "< 16 ms"),
//   beside our own click → next frame and click → findings updated;
// - importing a 1,000-node plan pasted as YAML and as JSON, click to the summary naming the new
//   node count, plus the next frame.
// The toggle also at 4× CPU slowdown, for slower laptops. Prints figures only, no thresholds.
// Run after `npm run build:e2e`: npx tsx bench/checker-interaction.ts [runs]
import type { Page } from '@playwright/test';
import { stringify } from 'yaml';
import type { Plan } from '../src/rules/plan.ts';
import { workersPlan } from '../src/diagrams/test-plans.ts';
import { planHash } from '../src/islands/checker/share.ts';
import { launch, median, serveSite } from './lib/browser.ts';

const runs = Number(process.argv[2] ?? 15);
/**
 * How long the button is held: a person's click holds it some 60–120 ms. Pressed and released in
 * the same instant, the press's own work (pointer events, hit testing) ran just before the click
 * and counted as the click's input delay, which no real click has. BENCH_CLICK_HOLD_MS=0 for that.
 */
const HOLD_MS = Number(process.env.BENCH_CLICK_HOLD_MS ?? 60);
/** Plan sizes, in nodes (300: the issue's bound for findings following a toggle); BENCH_NODES=1000 picks others. */
const SIZES = (process.env.BENCH_NODES ?? '300,1000,5000').split(',').map(Number);

/** A plan of `total` nodes: the Rancher cluster, and a downstream one of 3 etcd, 2 controlplane and the rest workers. */
const plan = (total: number): Plan => workersPlan(total - 3 - 5);

const nodeCount = (p: Plan) => p.clusters.reduce((a, c) => a + c.nodes.length, 0);
const countPattern = (n: number) => new RegExp(`\\b${n.toLocaleString('en').replace(',', ',?')} nodes\\b`);
const fmt = (ms: number) => (Number.isNaN(ms) ? '   n/a' : `${ms.toFixed(1).padStart(6)} ms`);

async function toggleTimes(
  page: Page,
): Promise<{ eventTiming: number[]; parts: { delay: number; handlers: number }; under16: number; frame: number[]; findings: number[] }> {
  // Found by its label's text rather than getByRole, which computes every name on a page of thousands of controls.
  const found = await page.evaluate((name) => {
    for (const input of document.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
      const label = input.getAttribute('aria-label') ?? input.closest('label')?.textContent ?? '';
      if (label.replace(/\s+/g, ' ').trim() !== name) continue;
      input.dataset.bench = 'toggle';
      return true;
    }
    return false;
  }, 'etcd role of worker-1');
  if (!found) throw new Error('no checkbox named "etcd role of worker-1" on the page');
  const box = page.locator('[data-bench=toggle]');
  await box.scrollIntoViewIfNeeded();
  // Raw mouse input at the checkbox's centre: locator.click() runs Playwright's own checks in the
  // page around every click, which would be counted as the checker's time.
  const at = (await box.boundingBox())!;
  const x = at.x + at.width / 2;
  const y = at.y + at.height / 2;
  await page.mouse.move(x, y);
  await page.evaluate(() => {
    const w = window as unknown as { __bench: { events: PerformanceEventTiming[] } };
    w.__bench = { events: [] };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as PerformanceEventTiming[]) if (e.name === 'click') w.__bench.events.push(e);
    }).observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit);
  });
  // Listeners go in first (and are awaited), then the raw click, then the result is read back.
  const arm = () =>
    page.evaluate(() => {
      const w = window as unknown as { __pending: Promise<{ frame: number; findings: number }> };
      w.__pending = new Promise((resolve) => {
        const summary = document.querySelector('.ck-summary')!;
        const before = summary.textContent;
        let start = 0;
        let frame = 0;
        const done = () => {
          if (frame && summary.textContent !== before) resolve({ frame, findings: performance.now() - start });
        };
        const observer = new MutationObserver(() => {
          if (summary.textContent === before) return;
          observer.disconnect();
          done();
        });
        observer.observe(summary, { subtree: true, childList: true, characterData: true });
        document.addEventListener(
          'click',
          (e) => {
            start = e.timeStamp;
            // The frame after the one that paints the click's own changes.
            requestAnimationFrame(() =>
              setTimeout(() => {
                frame = performance.now() - start;
                done();
              }, 0),
            );
          },
          { capture: true, once: true },
        );
      });
    });
  const measureOnce = async () => {
    await arm();
    await page.mouse.down();
    if (HOLD_MS > 0) await page.waitForTimeout(HOLD_MS);
    await page.mouse.up();
    return page.evaluate(() => (window as unknown as { __pending: Promise<{ frame: number; findings: number }> }).__pending);
  };
  const frame: number[] = [];
  const findings: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const r = await measureOnce();
    if (i >= 3) {
      frame.push(r.frame);
      findings.push(r.findings);
    }
    // A reader's pace: the debounced link and storage update (300 ms after an edit, then at idle)
    // has run before the next click, as it has between two clicks of a person.
    await page.waitForTimeout(700);
    await page.evaluate(() => new Promise((ok) => requestIdleCallback(() => ok(undefined), { timeout: 1000 })));
  }
  await page.waitForTimeout(500);
  const entries = await page.evaluate(() =>
    (window as unknown as { __bench: { events: PerformanceEventTiming[] } }).__bench.events.map((e) => ({
      duration: e.duration,
      delay: e.processingStart - e.startTime,
      handlers: e.processingEnd - e.processingStart,
    })),
  );
  const measured = entries.slice(-runs);
  const under16 = Math.max(0, runs + 3 - entries.length);
  return {
    eventTiming: measured.map((e) => e.duration),
    parts: { delay: median(measured.map((e) => e.delay)), handlers: median(measured.map((e) => e.handlers)) },
    under16,
    frame,
    findings,
  };
}

function eventTimingMedian(durations: number[], under16: number, total: number): string {
  // Entries below 16 ms are never reported: they sort below every reported one.
  const all = [...Array<number>(Math.min(under16, total)).fill(0), ...durations].sort((a, b) => a - b).slice(-total);
  const m = median(all);
  return m < 16 ? '  < 16 ms' : `${m.toFixed(0).padStart(6)} ms`;
}

async function importTimes(page: Page, text: string, total: number): Promise<{ summary: number[]; frame: number[] }> {
  const summary: number[] = [];
  const frame: number[] = [];
  for (let i = 0; i < Math.max(3, Math.ceil(runs / 3)) + 1; i++) {
    await page
      .locator('button', { hasText: /^(Rancher on RKE|Empty plan)$/ })
      .first()
      .click();
    await page.waitForFunction((pattern) => !new RegExp(pattern).test(document.querySelector('.ck-summary')?.textContent ?? ''), countPattern(total).source);
    // Typing 100 KiB through fill() takes long and is not what is measured: set the value as a paste would.
    await page
      .locator('textarea')
      .first()
      .evaluate((area: HTMLTextAreaElement, value) => {
        Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(area, value);
        area.dispatchEvent(new Event('input', { bubbles: true }));
      }, text);
    const button = page.locator('button', { hasText: /^Import( pasted text)?$/ });
    const result = page.evaluate(
      (pattern) =>
        new Promise<{ summary: number; frame: number }>((resolve) => {
          let start = 0;
          document.addEventListener('click', (e) => void (start = e.timeStamp), { capture: true, once: true });
          const check = () => {
            if (!new RegExp(pattern).test(document.querySelector('.ck-summary')?.textContent ?? '')) return false;
            const at = performance.now() - start;
            requestAnimationFrame(() => setTimeout(() => resolve({ summary: at, frame: performance.now() - start }), 0));
            return true;
          };
          const observer = new MutationObserver(() => check() && observer.disconnect());
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        }),
      countPattern(total).source,
    );
    await button.click();
    const r = await result;
    if (i > 0) {
      summary.push(r.summary);
      frame.push(r.frame);
    }
    await page.waitForTimeout(300);
  }
  return { summary, frame };
}

const site = await serveSite();
const browser = await launch();
try {
  for (const slowdown of [1, 4]) {
    console.log(
      `\nCPU ${slowdown === 1 ? 'as is' : `slowed down ${slowdown}×`} (Chromium, 1280×800; medians of ${runs} toggles after 3 warm-ups; button held ${HOLD_MS} ms)`,
    );
    for (const total of SIZES) {
      const p = plan(total);
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      // tsx names the functions passed to page.evaluate with a helper the page does not have.
      await context.addInitScript('window.__name = (f) => f');
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await page.goto(site.url(`checker/${await planHash(p)}`));
      await page.waitForFunction((pattern) => new RegExp(pattern).test(document.querySelector('.ck-summary')?.textContent ?? ''), countPattern(total).source, {
        timeout: 60_000,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
      const t = await toggleTimes(page);
      console.log(
        `  role toggle, ${String(nodeCount(p)).padStart(5)} nodes: Event Timing click→paint ${eventTimingMedian(t.eventTiming, t.under16, runs)}` +
          ` (${t.under16} of ${runs + 3} under 16 ms; of those reported, input delay ${t.parts.delay.toFixed(1)} ms, handlers ${t.parts.handlers.toFixed(1)} ms)` +
          `   click→next frame ${fmt(median(t.frame))}   click→findings ${fmt(median(t.findings))}`,
      );
      if (total === 1000 && slowdown === 1) {
        const json = JSON.stringify(p);
        for (const [label, text] of [
          ['YAML', stringify(p)],
          ['JSON', json],
        ] as const) {
          const r = await importTimes(page, text, total);
          console.log(
            `  import of a 1,000-node plan (${label}, ${(text.length / 1024).toFixed(0)} KiB): click→summary ${fmt(median(r.summary))}   click→next frame ${fmt(median(r.frame))}`,
          );
        }
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await site.close();
}
