// Lighthouse scores (performance, accessibility, best practices, SEO) for the checker page and a
// guidance page, served from the build on the loopback address, in the same Chromium the e2e
// tests use, offline. Lighthouse's default (mobile, simulated slow network and CPU) and its
// desktop preset. Prints figures only, no thresholds.
// Run after `npm run build:e2e`: npx tsx bench/lighthouse.ts
import { createServer } from 'node:net';
import lighthouse, { desktopConfig, type Flags } from 'lighthouse';
import { launch, serveSite } from './lib/browser.ts';

const PAGES = ['checker/', 'overview/', 'load-balancer/'];

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => ok(port));
    });
  });
}

const site = await serveSite();
const port = await freePort();
const browser = await launch([`--remote-debugging-port=${port}`, '--remote-debugging-address=127.0.0.1']);
try {
  console.log('Lighthouse scores: performance / accessibility / best practices / SEO');
  for (const path of PAGES) {
    for (const [label, config] of [
      ['mobile ', undefined],
      ['desktop', desktopConfig],
    ] as const) {
      const flags: Flags = { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] };
      const result = await lighthouse(site.url(path), flags, config);
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`Lighthouse returned nothing for ${path}`);
      const score = (id: string) => {
        const s = lhr.categories[id]?.score;
        return s === null || s === undefined ? '  –' : String(Math.round(s * 100)).padStart(3);
      };
      const failing = Object.values(lhr.audits)
        .filter(
          (a) =>
            a.score !== null &&
            a.score < 1 &&
            a.scoreDisplayMode !== 'informative' &&
            a.scoreDisplayMode !== 'manual' &&
            a.scoreDisplayMode !== 'notApplicable',
        )
        .filter((a) => Object.values(lhr.categories).some((c) => c.auditRefs.some((r) => r.id === a.id && r.weight > 0)))
        .map((a) => a.id);
      const metric = (id: string) => lhr.audits[id]?.displayValue ?? '–';
      console.log(
        `  /${path.padEnd(16)} ${label}  ${score('performance')} /${score('accessibility')} /${score('best-practices')} /${score('seo')}` +
          `   FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}` +
          (failing.length ? `   below 1: ${failing.join(', ')}` : ''),
      );
    }
  }
} finally {
  await browser.close();
  await site.close();
}
