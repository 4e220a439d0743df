// Lighthouse scores (performance, accessibility, best practices, SEO) for the checker page and two
// guidance pages, in the same Chromium the e2e tests use, offline: Lighthouse's default (mobile,
// simulated slow network and CPU) and its desktop preset. Each page twice: served by the nginx
// server block the release ships (real nginx on a loopback port, the build under its sub-path)
// and by a plain static server as SERVE.md suggests (python3 -m http.server: no compression, no
// cache headers). Prints figures only, no thresholds.
// Run after `npm run build:e2e`: npx tsx bench/lighthouse.ts
import lighthouse, { desktopConfig, type Flags } from 'lighthouse';
import { launch, type Site } from './lib/browser.ts';
import { freePort, servePlain, serveWithNginx } from './lib/servers.ts';

const PAGES = ['checker/', 'overview/', 'load-balancer/'];
const SERVERS: [string, () => Promise<Site>][] = [
  ['nginx, the shipped server block', serveWithNginx],
  ['python3 -m http.server (plain)', servePlain],
];

const port = await freePort();
const browser = await launch([`--remote-debugging-port=${port}`, '--remote-debugging-address=127.0.0.1']);
try {
  console.log('Lighthouse scores: performance / accessibility / best practices / SEO');
  for (const [server, serve] of SERVERS) {
    console.log(`\nServed by ${server}`);
    const site = await serve();
    try {
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
      await site.close();
    }
  }
} finally {
  await browser.close();
}
