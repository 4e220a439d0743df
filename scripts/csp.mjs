// The site's Content-Security-Policy, in one place.
//
// Astro's own CSP support (`security.csp`) writes a <meta http-equiv> into every page with the
// hashes of the scripts and styles Astro bundles. Two things it leaves out, so the integration
// below completes the policy after the build:
//   - `is:inline` scripts, which Starlight uses for the theme switch, the mobile menu and the table
//     of contents — Astro does not hash those;
//   - inline `style="…"` attributes, which Starlight writes for icon sizes and the theme picker.
// The integration hashes every inline script, <style> element and style attribute in every built
// page, writes the same site-wide policy into every page's meta tag (moved to the top of <head>,
// before the first inline script), and fails the build if a page would run anything unhashed.
// `npm run package` reads that meta tag back out for the nginx snippet and headers.txt, so the
// HTTP header and the meta tag cannot drift apart.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Directives that carry no hashes. frame-ancestors is HTTP-only (ignored in <meta>). */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/**
 * Pagefind (the search) compiles its WebAssembly module in the browser; Chromium and Firefox treat
 * WebAssembly compilation as eval unless script-src allows 'wasm-unsafe-eval'. It permits
 * WebAssembly only, not JavaScript eval() or new Function().
 */
export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"];

/** Directives only an HTTP header can carry. */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"];

/** The `security.csp` setting for astro.config.mjs. */
export function cspConfig() {
  return {
    algorithm: /** @type {const} */ ('SHA-256'),
    directives: /** @type {any} */ (CSP_DIRECTIVES),
    scriptDirective: { resources: SCRIPT_SOURCES },
    styleDirective: { resources: ["'self'"] },
  };
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const decodeAttribute = (value) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

// Script types a browser runs (and so checks against script-src); JSON data blocks are not run.
const RUNNABLE_SCRIPT = /^(|text\/javascript|module|application\/javascript)$/i;

/** The inline code a page carries, hashed: scripts, <style> elements and style attributes. */
export function inlineHashes(html) {
  const scripts = new Set();
  const styles = new Set();
  const styleAttributes = new Set();
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1];
    if (/\ssrc=/i.test(attrs)) continue;
    const type = attrs.match(/\stype=["']?([^"'\s>]*)/i)?.[1] ?? '';
    if (RUNNABLE_SCRIPT.test(type)) scripts.add(sha256(m[2]));
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) styles.add(sha256(m[1]));
  // Only look inside tags, outside script and style bodies.
  const markup = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, '');
  for (const tag of markup.matchAll(/<[a-zA-Z][^>]*>/g)) {
    for (const a of tag[0].matchAll(/\sstyle=(?:"([^"]*)"|'([^']*)')/gi)) {
      styleAttributes.add(sha256(decodeAttribute(a[1] ?? a[2])));
    }
  }
  return { scripts, styles, styleAttributes };
}

/** The site-wide policy for <meta>, from the hashes of every page. */
export function buildPolicy({ scripts, styles, styleAttributes }) {
  const sorted = (set) => [...set].sort();
  const directives = [
    CSP_DIRECTIVES[0],
    `script-src ${[...SCRIPT_SOURCES, ...sorted(scripts)].join(' ')}`,
    `style-src 'self' ${sorted(styles).join(' ')}`.trim(),
  ];
  // 'unsafe-hashes' lets the listed hashes match style="…" attributes; only those exact
  // attribute values are allowed, not arbitrary inline styles.
  if (styleAttributes.size > 0) directives.push(`style-src-attr 'unsafe-hashes' ${sorted(styleAttributes).join(' ')}`);
  else directives.push("style-src-attr 'none'");
  directives.push(...CSP_DIRECTIVES.slice(1));
  return directives.join('; ');
}

/** The policy for the HTTP header: the meta policy plus what only a header can say. */
export const headerPolicy = (metaPolicy) => [metaPolicy, ...HEADER_ONLY_DIRECTIVES].join('; ');

const META = /<meta http-equiv="content-security-policy" content="([^"]*)"\s*\/?>/i;

/** The policy in a built page's meta tag, or undefined. */
export function metaPolicyOf(html) {
  const m = html.match(META);
  return m ? decodeAttribute(m[1]) : undefined;
}

async function htmlFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) out.push(join(entry.parentPath, entry.name));
  }
  return out;
}

/** Rewrite every page's CSP meta tag to the one site-wide policy. Returns the policy. */
export async function sealSite(dir) {
  const files = await htmlFiles(dir);
  const all = { scripts: new Set(), styles: new Set(), styleAttributes: new Set() };
  const pages = [];
  for (const file of files) {
    const html = await readFile(file, 'utf8');
    const found = inlineHashes(html);
    for (const key of Object.keys(all)) for (const h of found[key]) all[key].add(h);
    pages.push({ file, html });
  }
  const policy = buildPolicy(all);
  const meta = `<meta http-equiv="content-security-policy" content="${policy.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`;
  for (const { file, html } of pages) {
    const without = html.replace(META, '');
    // Right after <meta charset>, so it governs every inline script that follows in <head>.
    const charset = without.match(/<meta charset="[^"]*"\s*\/?>/i);
    if (!charset) throw new Error(`CSP: ${file} has no <meta charset> to put the policy after`);
    const at = charset.index + charset[0].length;
    await writeFile(file, without.slice(0, at) + meta + without.slice(at));
  }
  return { policy, pages: files.length, ...Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v.size])) };
}

/** Astro integration: completes and unifies the CSP meta tag once the pages are written. */
export function cspSeal() {
  return {
    name: 'rancher-guide:csp-seal',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const result = await sealSite(fileURLToPath(dir));
        logger.info(
          `one policy for ${result.pages} pages: ${result.scripts} inline script, ${result.styles} style and ` +
            `${result.styleAttributes} style-attribute hashes`,
        );
      },
    },
  };
}
