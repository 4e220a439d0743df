import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** The sub-path and output folder the e2e build uses (see the test:e2e script). */
export const E2E_BASE = '/guides/rancher/';
export const E2E_OUT_DIR = 'dist-e2e';
/** Port of the preview server; E2E_PORT lets two checkouts run their suites side by side. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4329);

/** Every page of the built site, as paths under the base, read from the sitemap. */
export function sitePages(): string[] {
  const dir = E2E_OUT_DIR;
  const sitemap = join(dir, 'sitemap-0.xml');
  if (!existsSync(sitemap)) throw new Error(`${sitemap} is missing: run the e2e build first (npm run build:e2e).`);
  const xml = readFileSync(sitemap, 'utf8');
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);
  if (paths.length === 0) throw new Error(`${sitemap} lists no pages`);
  return paths;
}
