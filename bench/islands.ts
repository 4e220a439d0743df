// What the islands cost: gzip bytes of JavaScript each page type loads (docs page, page with a
// calculator, the checker), read from the e2e build, and the time from a role toggle to updated
// findings + diagram on a 200-node plan in Chromium. Prints figures only, no thresholds.
// Run after `npm run build:e2e`: npx tsx bench/islands.ts [dist-dir] [runs]
import { createServer } from 'node:http';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { chromium } from '@playwright/test';
import { planSchema } from '../src/rules/plan.ts';
import { PRESETS } from '../src/rules/presets.ts';
import { planHash } from '../src/islands/checker/share.ts';
import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/browser.ts';
import { E2E_BASE, E2E_OUT_DIR } from '../e2e/site.ts';

const dist = process.argv[2] ?? E2E_OUT_DIR;
const runs = Number(process.argv[3] ?? 15);
const base = E2E_BASE;
if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} has no build: run npm run build:e2e first.`);

// ---- JavaScript per page ---------------------------------------------------------------------
const fileOf = (url: string) => join(dist, decodeURIComponent(url.slice(base.length)));
const staticImportsIn = (code: string) => [...code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]*?\s*from\s*)?["']([^"']+\.m?js)["']/g)].map((m) => m[1]!);
// The bundler writes dynamic imports with backticks as well as quotes.
const dynamicImportsIn = (code: string) => [...code.matchAll(/\bimport\(\s*["'`]([^"'`]+\.m?js)["'`]\s*\)/g)].map((m) => m[1]!);
const importsIn = (code: string, lazy = true) => [...staticImportsIn(code), ...(lazy ? dynamicImportsIn(code) : [])];

/** Gzip bytes of every module a page loads: its module scripts, island components and renderers, and their imports. */
function pageJs(htmlFile: string, lazy = true): { files: number; gzip: number; inlineGzip: number } {
  const html = readFileSync(htmlFile, 'utf8');
  const pageUrl = `http://x${base}${htmlFile.slice(dist.length + 1).replace(/index\.html$/, '')}`;
  const entries = [
    ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/(?:component|renderer)-url="([^"]+)"/g)].map((m) => m[1]!),
  ];
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).filter((s) => s.trim());
  for (const code of inline) entries.push(...importsIn(code, lazy));
  const seen = new Set<string>();
  const queue = entries.map((e) => new URL(e.replace(/&amp;/g, '&'), pageUrl).pathname);
  let gzip = 0;
  while (queue.length) {
    const path = queue.pop()!;
    if (seen.has(path) || !path.startsWith(base)) continue;
    seen.add(path);
    const file = fileOf(path);
    if (!existsSync(file)) continue;
    const code = readFileSync(file);
    gzip += gzipSync(code, { level: 9 }).length;
    for (const i of importsIn(code.toString('utf8'), lazy)) queue.push(new URL(i, `http://x${path}`).pathname);
  }
  const inlineGzip = inline.reduce((a, s) => a + gzipSync(s, { level: 9 }).length, 0);
  return { files: seen.size, gzip, inlineGzip };
}

function htmlPages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '_astro' || name === 'pagefind' ? [] : htmlPages(path);
    return name === 'index.html' ? [path] : [];
  });
}

const pages = htmlPages(dist);
const withIslands = (f: string) => readFileSync(f, 'utf8').includes('<astro-island');
const checkerPage = join(dist, 'checker', 'index.html');
const docsPage = pages.find((f) => f.endsWith(join('overview', 'index.html')) && !withIslands(f)) ?? pages.find((f) => !withIslands(f));
// Calculators are static HTML with a small script (data-calc), not hydrated islands.
const calculatorPage = pages.find((f) => f !== checkerPage && readFileSync(f, 'utf8').includes('data-calc='));
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`JavaScript shipped per page (gzip -9, modules followed through static and dynamic imports; ${dist})`);
const pageFile = (slug: string) => (existsSync(join(dist, slug, 'index.html')) ? join(dist, slug, 'index.html') : undefined);
for (const [kind, file] of [
  ['docs page, no island', docsPage],
  ['page with a calculator', calculatorPage],
  ['checker page', checkerPage],
  ['sizing page', pageFile('sizing')],
  ['ports page', pageFile('ports')],
] as const) {
  if (!file) {
    console.log(`  ${kind.padEnd(24)} no such page in this build`);
    continue;
  }
  const r = pageJs(file);
  const eager = pageJs(file, false);
  console.log(
    `  ${kind.padEnd(24)} ${kib(r.gzip).padStart(10)} in ${r.files} files (${kib(eager.gzip)} before any lazy chunk), + ${kib(r.inlineGzip)} inline   (${file.slice(dist.length + 1)})`,
  );
}

// ---- Role toggle → findings + diagram, 200 nodes ----------------------------------------------
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (!path.startsWith(base)) return void res.writeHead(404).end();
  let file = fileOf(path);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const port = (server.address() as AddressInfo).port;

const plan = planSchema.parse({
  rancher: PRESETS['rancher-rke'].plan.rancher,
  clusters: [
    PRESETS['rancher-rke'].plan.clusters[0],
    {
      name: 'apps',
      distribution: 'rke',
      userWorkloads: true,
      nodes: [
        ...[1, 2, 3].map((i) => ({ name: `etcd-${i}`, roles: ['etcd'] })),
        ...[1, 2].map((i) => ({ name: `cp-${i}`, roles: ['controlplane'] })),
        ...Array.from({ length: 192 }, (_, i) => ({ name: `worker-${i + 1}`, roles: ['worker'] })),
      ],
    },
  ],
});
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}${base}checker/${await planHash(plan)}`);
  await page.getByText('Loaded the plan from the link.').waitFor();
  const nodes = await page.locator('.ck-node').count();
  const measure = () =>
    page.evaluate(async () => {
      const label = [...document.querySelectorAll('label.ck-role')].find((l) => l.textContent === 'etcd role of worker-100')!;
      const input = label.querySelector('input')!;
      const summary = document.querySelector('[aria-label="Finding count"]')!;
      const diagram = document.querySelector('.ck-diagram')!;
      const before = { checked: input.checked, summary: summary.textContent, svg: diagram.querySelector('svg')!.innerHTML.length };
      return new Promise<{ dom: number; frame: number }>((resolve) => {
        let start = 0;
        const observer = new MutationObserver(() => {
          const svg = diagram.querySelector('svg')!.innerHTML.length;
          if (input.checked === before.checked || summary.textContent === before.summary || svg === before.svg) return;
          const dom = performance.now() - start;
          observer.disconnect();
          requestAnimationFrame(() => resolve({ dom, frame: performance.now() - start }));
        });
        observer.observe(document.querySelector('.ck')!, { subtree: true, childList: true, characterData: true, attributes: true });
        start = performance.now();
        input.click();
      });
    });
  for (let i = 0; i < 3; i++) await measure(); // warm-up (JIT, first layouts)
  const dom: number[] = [];
  const frame: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await measure();
    dom.push(r.dom);
    frame.push(r.frame);
    await page.waitForTimeout(250); // let the debounced link/storage update run between toggles
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`Role toggle on a ${nodes}-node plan in Chromium (median of ${runs} toggles, after 3 warm-ups)`);
  console.log(
    `  click → findings, count and diagram updated in the DOM: ${median(dom).toFixed(1)} ms (min ${Math.min(...dom).toFixed(1)}, max ${Math.max(...dom).toFixed(1)})`,
  );
  console.log(
    `  click → next animation frame:                          ${median(frame).toFixed(1)} ms (min ${Math.min(...frame).toFixed(1)}, max ${Math.max(...frame).toFixed(1)})`,
  );
} finally {
  await browser.close();
  server.close();
}
