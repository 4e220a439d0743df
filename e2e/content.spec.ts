import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { GUIDE_PAGES, RULES, docsPath } from '../src/rules/index.ts';
import { E2E_OUT_DIR } from './site.ts';

// The guidance pages, read as files from the built site: no browser and no server needed.
// DIST_DIR names the build folder (default: the e2e build). BASE_PATH is the sub-path it was built
// for; without it, the base is read from the build itself (the prefix of Astro's asset folder),
// so a build made for "/" and one made for "/guides/rancher/" are both checked correctly.
const DIST = process.env.DIST_DIR ?? E2E_OUT_DIR;

function withSlashes(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

function inferBase(): string {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const asset = /(?:href|src)="([^"]*?\/)_astro\//.exec(html);
  if (!asset) throw new Error(`Cannot tell the base path of ${DIST}: set BASE_PATH.`);
  return withSlashes(asset[1] ?? '');
}

function buildReady(): void {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html is missing: build the site first (npm run build:e2e, or set DIST_DIR).`);
}

// ---- small HTML helpers (the built HTML is Astro's own output: quoted attributes, no surprises)

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) return String.fromCodePoint(name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(tag);
  if (!match) return undefined;
  return decodeEntities(match[1] ?? match[2] ?? match[3] ?? '');
}

/** Script and style bodies can hold text that looks like markup; links are never in them. */
function withoutScriptBodies(html: string): string {
  return html.replace(/(<(script|style)\b[^>]*>)[\s\S]*?<\/\2>/gi, '$1');
}

function elementIds(html: string): Set<string> {
  const ids = new Set<string>();
  for (const m of withoutScriptBodies(html).matchAll(/<[a-z][\w:-]*\s[^>]*?\bid\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) ids.add(decodeEntities(m[1] ?? m[2] ?? ''));
  return ids;
}

/** Heading ids only (h1–h6), for "this topic has a heading" checks. */
function headingIds(html: string): Set<string> {
  const ids = new Set<string>();
  for (const m of html.matchAll(/<h[1-6]\b[^>]*?\bid\s*=\s*"([^"]*)"/gi)) ids.add(decodeEntities(m[1] ?? ''));
  return ids;
}

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...htmlFiles(path));
    else if (name.endsWith('.html')) out.push(path);
  }
  return out;
}

/** The file a site path (below the base, no query or hash) is served from, if any. */
function fileFor(pathBelowBase: string): string | undefined {
  const candidates =
    pathBelowBase === '' || pathBelowBase.endsWith('/')
      ? [join(DIST, pathBelowBase, 'index.html')]
      : [join(DIST, pathBelowBase), join(DIST, pathBelowBase, 'index.html'), join(DIST, `${pathBelowBase}.html`)];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile());
}

const cache = new Map<string, string>();
function read(file: string): string {
  let text = cache.get(file);
  if (text === undefined) cache.set(file, (text = readFileSync(file, 'utf8')));
  return text;
}

/** The built HTML of a page given by slug ("separation/", "" for the home page). */
function page(slug: string): string {
  const file = fileFor(slug);
  if (!file) throw new Error(`No built page for "${slug}" in ${DIST}`);
  return read(file);
}

// ---- 1. every topic of the seed text has a page and a heading

/** The seed's sections and statements, and where this site answers each. */
const SEED_TOPICS: { topic: string; page: string; headings: string[] }[] = [
  { topic: 'Separation of Rancher and user clusters', page: 'separation/', headings: ['one-host-one-job'] },
  { topic: 'A dedicated Rancher cluster without user workloads', page: 'separation/', headings: ['keep-user-workloads-off-the-rancher-cluster'] },
  { topic: 'Why HA is better for Rancher in production', page: 'high-availability/', headings: ['what-ha-means-for-rancher'] },
  { topic: 'Not a single Docker container', page: 'high-availability/', headings: ['why-a-single-docker-container-is-not-enough'] },
  { topic: 'RKE or K3s by Rancher version', page: 'high-availability/', headings: ['which-distribution-for-which-rancher-version'] },
  { topic: 'K3s for a first v2.4 install, no RKE-to-K3s migration', page: 'high-availability/', headings: ['choosing-k3s-for-a-first-install'] },
  { topic: 'K3s Kubernetes cluster installations', page: 'k3s-cluster/', headings: ['two-servers-and-an-external-datastore'] },
  { topic: 'RKE Kubernetes cluster installations', page: 'rke-cluster/', headings: ['three-nodes-every-role'] },
  { topic: 'What RKE requires (one node per role)', page: 'rke-cluster/', headings: ['what-rke-itself-requires'] },
  { topic: 'Load balancer in front', page: 'load-balancer/', headings: ['put-a-load-balancer-in-front'] },
  { topic: 'Layer-4 load balancer', page: 'load-balancer/', headings: ['layer-4-not-layer-7'] },
  { topic: 'Ports 80 and 443 to all nodes', page: 'load-balancer/', headings: ['forward-80-and-443-to-every-node'] },
  { topic: 'TLS terminated at the ingress, port 80 to the Rancher pods', page: 'load-balancer/', headings: ['terminate-tls-at-the-ingress'] },
  { topic: 'Environment: hosted infrastructure', page: 'environment/', headings: ['hosted-infrastructure'] },
  { topic: 'Environment: a dedicated cluster', page: 'environment/', headings: ['a-cluster-just-for-rancher'] },
  { topic: 'Environment: not a managed Kubernetes service', page: 'environment/', headings: ['why-not-a-managed-kubernetes-service'] },
  { topic: 'K3s and RKE cluster roles for the Rancher server', page: 'node-roles/', headings: ['roles-on-the-rancher-server-cluster'] },
  { topic: 'Downstream contrast: one role per node', page: 'node-roles/', headings: ['one-role-per-node-downstream'] },
  { topic: 'Downstream minimum: 3 etcd, 2 controlplane, 1+ worker', page: 'node-roles/', headings: ['the-minimum-downstream-layout'] },
  { topic: 'Why all roles on three nodes is safe for Rancher', page: 'node-roles/', headings: ['why-all-roles-on-three-nodes-is-safe-for-rancher'] },
  { topic: 'etcd quorum and odd member counts', page: 'node-roles/', headings: ['odd-etcd-member-counts'] },
  { topic: 'Authorized cluster endpoint: FQDN and load balancer', page: 'authorized-endpoint/', headings: ['an-fqdn-in-front-of-the-control-plane'] },
  { topic: 'Authorized cluster endpoint: private CA certificate', page: 'authorized-endpoint/', headings: ['private-ca-certificates'] },
  { topic: 'Where the sources disagree', page: 'disagreements/', headings: ['where-the-sources-disagree'] },
  { topic: 'What changed after v2.4', page: 'disagreements/', headings: ['what-changed-after-v24'] },
  {
    topic: 'Later versions: timeline, RKE1 end of life, current contradictions',
    page: 'versions/',
    headings: ['timeline', 'rke1-end-of-life', 'where-todays-docs-contradict-themselves'],
  },
  { topic: 'Plan file format', page: 'plan-format/', headings: ['node-names-and-addresses', 'references-between-sections'] },
  {
    topic: 'Moving off RKE1: why, the plan, the changes, the steps',
    page: 'moving-to-rke2/',
    headings: [
      'why-the-move-is-due',
      'no-conversion-in-place',
      'the-plan-for-the-new-cluster',
      'what-changes',
      'the-steps',
      'plan-it-with-rancher-arch-migrate',
    ],
  },
];

test.describe('guidance content', () => {
  test.beforeAll(buildReady);

  for (const { topic, page: slug, headings } of SEED_TOPICS) {
    test(`topic "${topic}" has a page and a heading`, () => {
      const html = page(slug);
      expect(html, `${slug} has a title`).toMatch(/<h1\b/);
      const ids = headingIds(html);
      for (const id of headings) expect(ids.has(id), `${slug} has a heading #${id}`).toBe(true);
    });
  }

  test('every page of the guide is built', () => {
    const slugs = [
      '',
      'overview/',
      'separation/',
      'high-availability/',
      'k3s-cluster/',
      'rke-cluster/',
      'load-balancer/',
      'environment/',
      'node-roles/',
      'authorized-endpoint/',
      'sizing/',
      'ports/',
      'disagreements/',
      'versions/',
      'moving-to-rke2/',
      'plan-format/',
      'rules/',
      'cli/',
      'checker/',
    ];
    for (const slug of slugs) expect(fileFor(slug), `page "${slug}"`).toBeTruthy();
  });

  test('the etcd table lists quorum and fault tolerance for 1 to 7 members', () => {
    const html = page('node-roles/');
    const cells = (row: string) => [...row.matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>/g)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, '').trim());
    const rows = [...html.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => cells(m[1] ?? '')).filter((r) => r.length === 3);
    for (let n = 1; n <= 7; n++) {
      const expected = [String(n), String(Math.floor(n / 2) + 1), String(Math.floor((n - 1) / 2))];
      expect(rows, `row for ${n} etcd members`).toContainEqual(expected);
    }
  });
});

// ---- 2. every rule's docs anchor exists, and the rule reference lists every rule

test.describe('rule documentation', () => {
  test.beforeAll(buildReady);

  test('the catalogue is not empty', () => {
    expect(Array.isArray(RULES) && RULES.length, 'RULES exported by src/rules/index.ts').toBeGreaterThan(0);
  });

  test('every rule links a heading that exists in the built site, under the title and heading it names', () => {
    const missing: string[] = [];
    const headingText = (html: string, id: string) => {
      const m = new RegExp(`<h([1-6])[^>]*\\sid="${id}"[^>]*>([\\s\\S]*?)</h\\1>`).exec(html);
      return m ? decodeEntities((m[2] ?? '').replace(/<[^>]+>/g, '')).trim() : undefined;
    };
    for (const rule of RULES) {
      const [path = '', anchor] = docsPath(rule.docs).split('#');
      const file = fileFor(path);
      if (!file) missing.push(`${rule.id}: no page ${path}`);
      else if (!anchor) missing.push(`${rule.id}: ${docsPath(rule.docs)} has no #anchor`);
      else {
        const html = read(file);
        const heading = headingText(html, anchor);
        if (heading === undefined) missing.push(`${rule.id}: no heading #${anchor} on ${path}`);
        else if (heading.replace(/`/g, '') !== rule.docs.heading)
          missing.push(`${rule.id}: heading #${anchor} reads "${heading}", the rule says "${rule.docs.heading}"`);
        const title = headingText(html, '_top');
        if (title !== GUIDE_PAGES[rule.docs.page].title)
          missing.push(`${rule.id}: page ${path} is titled "${title}", GUIDE_PAGES says "${GUIDE_PAGES[rule.docs.page].title}"`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('the rule reference has one entry per rule, with its severity and a link to its guidance', () => {
    const html = page('rules/');
    const ids = elementIds(html);
    for (const rule of RULES) {
      expect(ids.has(rule.id), `#${rule.id} on the rules page`).toBe(true);
      expect(html, `link to ${docsPath(rule.docs)}`).toContain(`href="../${docsPath(rule.docs)}"`);
    }
    for (const severity of new Set(RULES.map((r) => r.severity))) expect(html.toLowerCase(), `severity "${severity}" shown as text`).toContain(`>${severity}<`);
  });
});

// ---- 3. no broken internal link or anchor anywhere in the build

test('no internal link or anchor in the build is broken', () => {
  buildReady();
  const base = withSlashes(process.env.BASE_PATH ?? inferBase());
  const origin = 'http://site.invalid';
  const broken: string[] = [];
  let checked = 0;

  for (const file of htmlFiles(DIST)) {
    const pageUrl = new URL(base + relative(DIST, file).split(sep).join('/'), origin);
    const html = withoutScriptBodies(read(file));
    for (const [, name = '', rest] of html.matchAll(/<(a|link|script|img|source|iframe)\b([^>]*)>/gi)) {
      const tag = ` ${rest}`;
      const ref = name.toLowerCase() === 'a' || name.toLowerCase() === 'link' ? attribute(tag, 'href') : attribute(tag, 'src');
      if (ref === undefined || ref === '' || /^(https?:|mailto:|tel:|data:|javascript:|\/\/)/i.test(ref)) continue;
      if (name.toLowerCase() === 'link' && /\b(preconnect|dns-prefetch)\b/.test(attribute(tag, 'rel') ?? '')) continue;
      checked++;
      const where = `${relative(DIST, file)} → ${ref}`;
      const url = new URL(ref, pageUrl);
      if (url.origin !== origin || !url.pathname.startsWith(base)) {
        broken.push(`${where}: leaves the base path ${base}`);
        continue;
      }
      const target = fileFor(decodeURIComponent(url.pathname.slice(base.length)));
      if (!target) {
        broken.push(`${where}: no such file`);
        continue;
      }
      const hash = decodeURIComponent(url.hash.slice(1));
      if (hash && target.endsWith('.html') && !elementIds(read(target)).has(hash)) broken.push(`${where}: no element #${hash}`);
    }
  }
  expect(checked, 'links found in the build').toBeGreaterThan(50);
  expect(broken).toEqual([]);
});

// ---- 4. diagrams are inline SVG and add no JavaScript

const DIAGRAM_PAGES = ['separation/', 'k3s-cluster/', 'rke-cluster/'];
/** Diagram pages that also hold a small calculator (static HTML and one small script): the diagram stays static. */
const CALCULATOR_PAGES = ['load-balancer/', 'node-roles/', 'authorized-endpoint/'];
/** Guidance pages with no diagram and no island: whatever scripts they load are Starlight's own. */
const PLAIN_PAGES = ['overview/', 'high-availability/', 'environment/', 'disagreements/', 'versions/', 'moving-to-rke2/', 'plan-format/', 'cli/'];

/** Inline SVGs that carry a <title>: the diagrams (Starlight's icons have none). */
function titledSvgCount(html: string): number {
  return [...html.matchAll(/<svg\b[\s\S]*?<\/svg>/gi)].filter((m) => /<title\b/i.test(m[0])).length;
}

/** Every script of a page: external ones by src, inline ones by a hash of their text. */
function scripts(html: string): Set<string> {
  const found = new Set<string>();
  for (const [, attrs, body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = attribute(` ${attrs}`, 'src');
    found.add(src ? `src ${src.replace(/^(\.\.\/)+|^\//, '')}` : `inline ${createHash('sha256').update(body).digest('hex').slice(0, 12)}`);
  }
  return found;
}

test.describe('diagrams', () => {
  test.beforeAll(buildReady);

  test('the plain comparison pages have no diagram and no island', () => {
    for (const slug of PLAIN_PAGES) {
      const html = page(slug);
      expect(titledSvgCount(html), `diagrams on ${slug}`).toBe(0);
      expect(html, `island on ${slug}`).not.toContain('<astro-island');
    }
  });

  for (const slug of DIAGRAM_PAGES) {
    test(`${slug} shows its diagram as inline SVG and ships no extra script`, () => {
      const html = page(slug);
      expect(html).toContain('<svg');
      expect(titledSvgCount(html), 'inline SVG diagrams with a <title>').toBeGreaterThan(0);
      expect(html, 'no hydrated island').not.toContain('<astro-island');
      // Starlight loads some scripts only where they are needed (code blocks, tabs), so the
      // baseline is every script the plain pages load; a diagram page may add none of its own.
      const starlights = new Set(PLAIN_PAGES.flatMap((plain) => [...scripts(page(plain))]));
      const extra = [...scripts(html)].filter((s) => !starlights.has(s));
      expect(extra, `scripts on ${slug} that no plain page loads`).toEqual([]);
    });
  }

  for (const slug of CALCULATOR_PAGES) {
    test(`${slug} draws its diagram as static SVG and its calculator as static HTML with one script of its own`, () => {
      const html = page(slug);
      expect(html, 'the calculator').toMatch(/<section[^>]*data-calc="[a-z-]+"/);
      expect(html, 'no hydrated island').not.toContain('<astro-island');
      expect(titledSvgCount(html), 'static inline SVG diagrams with a <title>').toBeGreaterThan(0);
      const starlights = new Set(PLAIN_PAGES.flatMap((plain) => [...scripts(page(plain))]));
      const extra = [...scripts(html)].filter((s) => !starlights.has(s));
      expect(extra, `scripts on ${slug} that no plain page loads`).toEqual([
        expect.stringMatching(/^src (.*\/)?_astro\/Calculator\.astro_astro_type_script[^/]*\.js$/),
      ]);
    });
  }
});
