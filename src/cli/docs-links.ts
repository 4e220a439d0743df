// Links from a finding or a rule to the guide. With a docs base (--docs-base, RANCHER_ARCH_DOCS_BASE
// or docsBase in the config file) they are absolute URLs; without one, a bare relative path means
// nothing in a terminal, so the page and heading are named in words beside the path.
import { docsPath, docsTitle, quoteText, ruleById, type DocsRef } from '../rules/index.ts';
import { UsageError } from './args.ts';

export interface DocsLink {
  /** "Guidance: High availability › What HA means for Rancher". */
  title: string;
  /** "high-availability/#what-ha-means-for-rancher", relative to the site root. */
  path: string;
  /** The absolute address, when a docs base is known. */
  url?: string;
}

/** A path on the same site as the report (/guides/rancher/): segments of unreserved URL characters only. */
const SITE_PATH = /^\/(?:[A-Za-z0-9._~-]+\/?)*$/;

/** Why `base` cannot be a docs base (an absolute http or https address, or a path such as /guides/rancher/), or undefined. */
export function docsBaseProblem(base: string): string | undefined {
  const text = base.trim();
  if (text.startsWith('/') && !text.startsWith('//'))
    return SITE_PATH.test(text) ? undefined : 'must be a path of letters, digits, ".", "_", "~" and "-" segments, such as /guides/rancher/';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'must be an absolute address such as https://guide.example.internal/, or a path such as /guides/rancher/';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http or https address';
  if (url.username || url.password) return 'must not carry a user name or password';
  return undefined;
}

/** Check a docs base and give it a trailing slash. Throws UsageError for anything but an http(s) URL or a site path. */
export function normaliseDocsBase(base: string | undefined, from: string): string | undefined {
  if (base === undefined || base.trim() === '') return undefined;
  const why = docsBaseProblem(base);
  if (why) throw new UsageError(`${from} ${why}; not ${quoteText(base)}`);
  const trimmed = base.trim();
  let text = trimmed;
  if (!trimmed.startsWith('/')) {
    // The URL parser percent-encodes what a URL cannot hold; what is left is safe in any format's link.
    const url = new URL(trimmed);
    url.search = '';
    url.hash = '';
    text = url.toString();
  }
  return text.endsWith('/') ? text : `${text}/`;
}

/** Is this link an absolute address (SARIF's helpUri and informationUri must be)? */
export const isAbsoluteLink = (url: string): boolean => /^https?:\/\//.test(url);

export function docsLink(docs: DocsRef, base: string | undefined): DocsLink {
  const path = docsPath(docs);
  return base ? { title: docsTitle(docs), path, url: base + path } : { title: docsTitle(docs), path };
}

/** The link for a finding's rule (every finding names a catalogue rule). */
export function findingLink(rule: string, fallbackPath: string, base: string | undefined): DocsLink {
  const found = ruleById(rule);
  if (found) return docsLink(found.docs, base);
  return base ? { title: fallbackPath, path: fallbackPath, url: base + fallbackPath } : { title: fallbackPath, path: fallbackPath };
}

/** "Guidance: … › … (page/#anchor)" or "Guidance: … › …: https://…/page/#anchor". */
export function describeLink(link: DocsLink): string {
  return link.url ? `${link.title}: ${link.url}` : `${link.title} (${link.path})`;
}
