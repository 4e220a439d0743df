import { test, expect, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { parseHeadersFile } from '../scripts/serving.mjs';

// The release archive as an intranet web server would hold it: `npm run package` for a sub-path,
// unpacked, served by a plain static server that sends the packaged headers.txt (so the full
// Content-Security-Policy, including frame-ancestors, is in force as an HTTP header as well as in
// each page's <meta>). Every page and every island must run with no CSP violation and no failed
// request; search and the checker must work.
const BASE = '/guides/rancher/';

// One worker builds the archive once and walks it in order.
test.describe.configure({ mode: 'default' });

let workDir = '';
let siteDir = '';
let headers: [string, string][] = [];
let server: Server;
let origin = '';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

/** A deliberately plain static server: base path → site/, directories → index.html, else 404.html. */
function serve(): Promise<void> {
  server = createServer((req, res) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    const send = (status: number, file: string) => {
      res.writeHead(status, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(res);
    };
    const notFound = () => send(404, join(siteDir, '404.html'));
    const path = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
    if (path === BASE.slice(0, -1)) {
      res.writeHead(301, { Location: BASE }).end();
      return;
    }
    if (!path.startsWith(BASE)) return notFound();
    let file = normalize(join(siteDir, path.slice(BASE.length)));
    if (file !== siteDir && !file.startsWith(siteDir + sep)) return notFound();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { Location: `${path}/` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file) || !statSync(file).isFile()) return notFound();
    send(200, file);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
}

/**
 * The archive is built once per test run: a worker restarted after a failed test reuses it. Runs
 * are told apart by the Playwright runner's process id (the workers' parent); folders left by
 * runs that have ended are removed.
 */
function runDir(): string {
  const prefix = 'rag-airgap-run-';
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (pid === process.ppid) continue;
    let alive = true;
    try {
      process.kill(pid, 0);
    } catch {
      alive = false;
    }
    if (!alive) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
  return join(tmpdir(), `${prefix}${process.ppid}`);
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  workDir = runDir();
  const release = join(workDir, 'release');
  if (!existsSync(join(workDir, 'packaged'))) packageArchive(release);
  await unpackAndServe(release);
});

function packageArchive(release: string) {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const build = spawnSync(process.execPath, ['scripts/package.mjs'], {
    env: { ...process.env, BASE_PATH: BASE, RELEASE_DIR: release, OUT_DIR: join(workDir, 'build') },
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    throw new Error(`npm run package failed (exit ${build.status}):\n${build.stdout}\n${build.stderr}`);
  }
  writeFileSync(join(workDir, 'packaged'), build.stdout);
}

async function unpackAndServe(release: string) {
  const archives = readdirSync(release).filter((f) => f.endsWith('.tar.gz'));
  expect(archives, 'one archive, named for the version and the sub-path').toEqual([
    expect.stringMatching(/^rancher-architecture-guide-\d+\.\d+\.\d+.*-guides-rancher\.tar\.gz$/),
  ]);
  const unpacked = join(workDir, 'unpacked');
  rmSync(unpacked, { recursive: true, force: true });
  mkdirSync(unpacked, { recursive: true });
  const [archive] = archives;
  if (!archive) throw new Error(`no archive in ${release}`);
  const untar = spawnSync('tar', ['-xzf', join(release, archive), '-C', unpacked], { encoding: 'utf8' });
  if (untar.status !== 0) throw new Error(`could not unpack the archive: ${untar.stderr}`);
  const [top] = readdirSync(unpacked);
  if (!top) throw new Error('the archive is empty');
  for (const file of ['SERVE.md', 'nginx.conf', 'headers.txt', 'site/index.html', 'site/404.html', 'site/sitemap-0.xml']) {
    expect(existsSync(join(unpacked, top, file)), `${file} in the archive`).toBe(true);
  }
  siteDir = join(unpacked, top, 'site');
  headers = parseHeadersFile(readFileSync(join(unpacked, top, 'headers.txt'), 'utf8')) as [string, string][];
  await serve();
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

test.afterAll(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

type Problems = { violations: string[]; failed: string[]; errors: string[] };

/** Records CSP violations (event and console), failed requests and script errors on a page. */
async function watch(page: Page): Promise<Problems> {
  const problems: Problems = { violations: [], failed: [], errors: [] };
  await page.exposeFunction('__reportCspViolation', (text: string) => problems.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation;
      report(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`);
    });
  });
  page.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) problems.violations.push(m.text());
    else if (m.type() === 'error') problems.errors.push(m.text());
  });
  page.on('pageerror', (e) => problems.errors.push(String(e)));
  page.on('requestfailed', (r) => {
    // Chromium fetches the favicon after the load event and cancels it when the test navigates on;
    // that cancellation is not a missing file (a 404 would still show up as a response below).
    if (r.failure()?.errorText === 'net::ERR_ABORTED' && r.url().endsWith('/favicon.svg')) return;
    problems.failed.push(`${r.failure()?.errorText} ${r.url()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.failed.push(`${r.status()} ${r.url()}`);
  });
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.failed.push(`outside request ${url}`);
  });
  return problems;
}

function expectClean(problems: Problems, where: string) {
  const evalHint = problems.violations.some((v) => /blocked eval/.test(v))
    ? " — a caught `new Function('')` probe counts too: zod 4 runs one unless `z.config({ jitless: true })` is set before the first parse"
    : '';
  expect(problems.violations, `CSP violations on ${where}${evalHint}`).toEqual([]);
  expect(problems.failed, `failed requests on ${where}`).toEqual([]);
  expect(problems.errors, `script errors on ${where}`).toEqual([]);
}

test('the packaged headers carry the same policy as every page, plus frame-ancestors', async ({ request }) => {
  const response = await request.get(`${origin}${BASE}`);
  expect(response.status()).toBe(200);
  const header = response.headers()['content-security-policy'];
  expect(header).toContain("frame-ancestors 'none'");
  expect(header).not.toContain("'unsafe-inline'");
  expect(header).not.toContain("'unsafe-eval'");
  const meta = (await response.text()).match(/http-equiv="content-security-policy" content="([^"]*)"/)?.[1];
  expect(meta).toBeTruthy();
  expect(header).toBe(`${meta!.replace(/&#39;/g, "'")}; frame-ancestors 'none'`);
  for (const name of ['x-content-type-options', 'referrer-policy', 'permissions-policy', 'cross-origin-opener-policy']) {
    expect(response.headers()[name], name).toBeTruthy();
  }
  const missing = await request.get(`${origin}${BASE}no-such-page/`);
  expect(missing.status()).toBe(404);
  expect(missing.headers()['content-security-policy']).toBe(header);
});

test('every page loads under the policy with no violation and no failed request', async ({ page }) => {
  test.setTimeout(120_000);
  const xml = readFileSync(join(siteDir, 'sitemap-0.xml'), 'utf8');
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);
  expect(paths.length).toBeGreaterThan(5);
  const problems = await watch(page);
  for (const path of [...paths, `${BASE}404.html`]) {
    await page.goto(`${origin}${path}`, { waitUntil: 'load' });
    // Scroll to the end so every client:visible island hydrates and lazy assets load.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState('networkidle');
    expectClean(problems, path);
    // The meta tag is the first thing in <head> after the charset, ahead of every inline script.
    const firstTwo = await page.evaluate(() => [...document.head.children].slice(0, 2).map((e) => e.outerHTML.slice(0, 60)));
    expect(firstTwo[1], path).toContain('content-security-policy');
  }
});

test('search works under the policy (Pagefind, WebAssembly)', async ({ page }) => {
  const problems = await watch(page);
  await page.goto(`${origin}${BASE}overview/`);
  await page
    .getByRole('button', { name: /search/i })
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await dialog.locator('input').fill('etcd');
  const first = dialog.locator('.pagefind-ui__result-link').first();
  await expect(first).toBeVisible({ timeout: 15_000 });
  expect(await first.getAttribute('href')).toMatch(new RegExp(`^${BASE}`));
  await first.click();
  await expect(page.locator('h1')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expectClean(problems, 'search');
});

test('the checker works under the policy: preset, role toggle, findings, theme', async ({ page }) => {
  const problems = await watch(page);
  await page.goto(`${origin}${BASE}checker/`);
  await expect(page.getByRole('heading', { name: 'Start from a preset' })).toBeVisible();
  await page.getByRole('button', { name: 'Production downstream cluster' }).click();
  const prod = page.getByRole('region', { name: /^Cluster production\b/ });
  await expect(prod.getByRole('heading', { name: 'Nodes (8)' })).toBeVisible();
  const count = page.getByRole('status', { name: 'Finding count' });
  const before = await count.textContent();
  await prod.getByLabel('worker role of cp-1').check();
  await expect(count).not.toHaveText(before!);
  await expect(page.locator('.ck-finding[data-rule="downstream-single-role"]').first()).toBeVisible();
  await expect(page.locator('.ck-diagram svg').first()).toBeVisible();
  // Starlight's theme picker: inline script plus attribute changes, all under the policy.
  const theme = page.locator('starlight-theme-select select').first();
  await expect(theme).toBeVisible();
  await theme.selectOption('light');
  await page.waitForLoadState('networkidle');
  expectClean(problems, 'checker');
});

test('the calculators work under the policy', async ({ page }) => {
  const problems = await watch(page);
  const calculator = async (path: string, name: string) => {
    await page.goto(`${origin}${BASE}${path}`);
    const region = page.getByRole('region', { name, exact: true });
    await page.locator('[data-calc]').last().scrollIntoViewIfNeeded();
    await region.scrollIntoViewIfNeeded();
    await expect(region).toBeVisible();
    return region;
  };
  const etcd = await calculator('node-roles/', 'etcd quorum calculator');
  await etcd.getByLabel('etcd members').fill('4');
  await expect(etcd.getByText(/quorum is 3/).first()).toBeVisible();

  const lb = await calculator('load-balancer/', 'Load balancer checker');
  await lb.getByLabel('Layer').selectOption('7');
  await expect(lb.locator('.ck-finding[data-rule="lb-layer-4"]')).toBeVisible();

  const ace = await calculator('authorized-endpoint/', 'Authorized endpoint checker');
  await ace.getByLabel('Certificate signed by a private CA').check();
  await expect(ace.locator('.ck-finding[data-rule="ace-ca-certificate"]')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expectClean(problems, 'calculators');
});

test('the sizing and ports islands work under the policy, lazy chunks included', async ({ page }) => {
  const problems = await watch(page);
  await page.goto(`${origin}${BASE}sizing/`);
  const sizing = page.getByRole('region', { name: 'Rancher server size calculator', exact: true });
  await page.locator('astro-island').first().scrollIntoViewIfNeeded();
  await expect(sizing).toBeVisible();
  await sizing.getByLabel('Downstream clusters').fill('151');
  await expect(sizing.getByText(/8 vCPUs and 32 GB per node/)).toBeVisible();
  // Loads the plan reader on demand: a dynamic import the policy must allow.
  await sizing.getByRole('button', { name: 'Use the plan from the checker' }).click();
  await expect(sizing.getByRole('status')).toHaveText(/No plan saved/);

  await page.goto(`${origin}${BASE}ports/`);
  const ports = page.getByRole('region', { name: 'Ports for your plan', exact: true });
  await page.locator('astro-island').first().scrollIntoViewIfNeeded();
  await expect(ports).toBeVisible();
  await ports
    .getByLabel(/Plan, RKE cluster\.yml/)
    .fill('clusters:\n  - name: a\n    nodes: [{ name: n1, address: 10.0.0.1, roles: [etcd, controlplane, worker] }]\n');
  await ports.getByRole('button', { name: 'Show the matrix' }).click();
  await expect(ports.getByLabel('nftables rules for a/n1')).toContainText('table inet rancher_arch {');
  await page.waitForLoadState('networkidle');
  expectClean(problems, 'sizing and ports');
});
