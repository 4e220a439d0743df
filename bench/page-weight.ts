// JavaScript each kind of page makes the browser load, measured in Chromium: every request is
// intercepted, and every script counted — module entries, islands and their chunks, and what
// loads at idle time (Starlight's search UI did) — first with no interaction at all, then after
// scrolling to the bottom so every `client:visible` island has hydrated. Sizes are gzip -9 of the
// bytes served, per chunk. Prints figures only, no thresholds.
// Run after `npm run build:e2e`: npx tsx bench/page-weight.ts
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { kib, launch, serveSite } from './lib/browser.ts';

const PAGES = [
  ['home page', ''],
  ['guidance page', 'overview/'],
  ['guidance page', 'separation/'],
  ['calculator page', 'node-roles/'],
  ['calculator page', 'load-balancer/'],
  ['calculator page', 'authorized-endpoint/'],
  ['calculator page', 'sizing/'],
  ['calculator page', 'ports/'],
  ['checker page', 'checker/'],
] as const;

interface Script {
  url: string;
  gzip: number;
  phase: 'load' | 'scroll';
}

/** Wait until the main thread has been idle and no request started for `quietMs`. */
async function settle(page: Page, pending: () => number, quietMs = 1200): Promise<void> {
  let quietSince = Date.now();
  for (let i = 0; i < 100; i++) {
    await page.evaluate(() => new Promise((ok) => (window.requestIdleCallback ?? setTimeout)(() => ok(undefined), { timeout: 2000 })));
    await page.waitForTimeout(150);
    if (pending() > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
  }
}

async function measure(url: string): Promise<{ scripts: Script[]; inline: number }> {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const scripts: Script[] = [];
    let phase: Script['phase'] = 'load';
    let inFlight = 0;
    await page.route('**/*', async (route) => {
      inFlight++;
      try {
        const response = await route.fetch();
        const body = await response.body();
        const request = route.request();
        const isScript = request.resourceType() === 'script' || /javascript/.test(response.headers()['content-type'] ?? '');
        if (isScript) scripts.push({ url: new URL(request.url()).pathname, gzip: gzipSync(body, { level: 9 }).length, phase });
        await route.fulfill({ response, body });
      } finally {
        inFlight--;
      }
    });
    await page.goto(url, { waitUntil: 'load' });
    await settle(page, () => inFlight);
    phase = 'scroll';
    await page.evaluate(async () => {
      for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
        window.scrollTo(0, y);
        await new Promise((ok) => setTimeout(ok, 60));
      }
    });
    await settle(page, () => inFlight);
    const inline = await page.evaluate(() => [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').filter((t) => t.trim()));
    return { scripts, inline: inline.reduce((a, s) => a + gzipSync(s, { level: 9 }).length, 0) };
  } finally {
    await browser.close();
  }
}

const site = await serveSite();
try {
  console.log('JavaScript loaded per page in Chromium, 1280×800 (gzip -9 of each script served; inline scripts counted separately)');
  console.log('"load" = no interaction, idle-time loads included; "+ scroll" = after scrolling every island into view.\n');
  for (const [kind, path] of PAGES) {
    const { scripts, inline } = await measure(site.url(path));
    const sum = (phase?: Script['phase']) => scripts.filter((s) => !phase || s.phase === phase).reduce((a, s) => a + s.gzip, 0);
    console.log(
      `${kind.padEnd(16)} /${path.padEnd(22)} load ${kib(sum('load')).padStart(10)}   + scroll ${kib(sum()).padStart(10)}   (${scripts.length} files, + ${kib(inline)} inline)`,
    );
    if (kind !== 'guidance page' && kind !== 'home page')
      for (const s of [...scripts].sort((a, b) => b.gzip - a.gzip))
        console.log(`      ${kib(s.gzip).padStart(10)}  ${s.phase === 'load' ? '     ' : 'scroll'}  ${s.url.split('/').pop()}`);
  }
} finally {
  await site.close();
}
