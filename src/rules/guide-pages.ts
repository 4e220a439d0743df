// The guide's pages that rules link to: the path under the site and the title a reader sees, so a
// finding can name its guidance in words where a link cannot be followed (a terminal, a CI log).
// The content tests check each title against the page and each rule's heading against its anchor.
export const GUIDE_PAGES = {
  separation: { section: 'Guidance', title: 'Separation of the Rancher server and user clusters' },
  'high-availability': { section: 'Guidance', title: 'High availability' },
  'k3s-cluster': { section: 'Guidance', title: 'The K3s cluster for Rancher' },
  'rke-cluster': { section: 'Guidance', title: 'The RKE cluster for Rancher' },
  'load-balancer': { section: 'Guidance', title: 'Load balancer and ingress' },
  environment: { section: 'Guidance', title: 'Where to run it' },
  'node-roles': { section: 'Guidance', title: 'Node roles' },
  'authorized-endpoint': { section: 'Guidance', title: 'Authorized cluster endpoint' },
  sizing: { section: 'Guidance', title: 'Sizing the Rancher server' },
  'cluster-networks': { section: 'Guidance', title: 'Pod and service networks' },
  backups: { section: 'Guidance', title: 'Backups and recovery' },
  'moving-to-rke2': { section: 'Guidance', title: 'Moving to RKE2' },
  'plan-format': { section: 'Check your plan', title: 'Plan file format' },
  versions: { section: 'Background', title: 'How the advice changed, 2.0 → 2.15' },
} as const satisfies Record<string, { section: string; title: string }>;

export type GuidePage = keyof typeof GUIDE_PAGES;

/** Where a rule's explanation lives: a page and one of its headings (text and anchor). */
export interface DocsRef {
  page: GuidePage;
  heading: string;
  anchor: string;
}

/** "load-balancer/#layer-4-not-layer-7": relative to the site root, as links are written. */
export function docsPath(docs: DocsRef): string {
  return `${docs.page}/#${docs.anchor}`;
}

/** "Guidance: Load balancer and ingress › Layer 4, not layer 7". */
export function docsTitle(docs: DocsRef): string {
  const page = GUIDE_PAGES[docs.page];
  return `${page.section}: ${page.title} › ${docs.heading}`;
}
