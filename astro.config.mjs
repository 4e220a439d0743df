// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import react from '@astrojs/react';
import { cliBundle } from './src/cli/site-bundle.mjs';
import { cspConfig, cspSeal } from './scripts/csp.mjs';
import { treeShakeD3 } from './scripts/tree-shake-d3.mjs';

// Hosting: BASE_PATH puts the whole site under a sub-path (e.g. /guides/rancher/); SITE_URL is
// only used to write absolute URLs into the sitemap. Neither changes what the pages request.
const base = process.env.BASE_PATH ?? '/';
const site = process.env.SITE_URL ?? 'http://localhost:4321';
// Where "Edit page" links point (the repository's edit URL, ending in a slash); unset, the pages
// have none — better no link than one to a host an air-gapped reader cannot reach.
const editBase = process.env.EDIT_LINK_BASE;

export default defineConfig({
  site,
  base,
  outDir: process.env.OUT_DIR ?? './dist',
  trailingSlash: 'ignore',
  // Starlight turns on Astro's prefetching of every link a pointer rests on, a 1.1 KiB script on
  // every page. The pages are static files on the reader's own network: the next one arrives fast
  // without it, and the weight budgets (issue 19) go to what the page itself does.
  prefetch: false,
  // A strict Content-Security-Policy for every page, written by Astro as a <meta http-equiv> with
  // the hashes of the inline scripts and styles it emits. scripts/csp.mjs adds the hashes of the
  // inline scripts Starlight puts in every page and reads the finished policy back out of the
  // built HTML for the nginx snippet, so the header and the meta tag never drift apart.
  security: { csp: cspConfig() },
  vite: {
    // d3's unused curves and tilings out of the checker's bundle (see the module).
    plugins: [treeShakeD3()],
    // React's runtime in one file: every page with an island loads all of it (react-dom's client,
    // react, the JSX runtime and Astro's renderer), and as one file it is 0.8 KiB smaller gzipped
    // than in four. Only the browser build: the server renders with its own React.
    environments: {
      client: {
        build: {
          rolldownOptions: {
            output: { codeSplitting: { groups: [{ name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler|@astrojs[\\/]react)[\\/]/ }] } },
          },
        },
      },
    },
    // The checker reads chosen files in a Web Worker (src/islands/checker/read-worker.ts) that
    // loads parts of the reader on demand, which needs the worker bundled as an ES module.
    worker: { format: 'es' },
    resolve: {
      // js-yaml 5 (our YAML reader) sits at the top of node_modules while Astro and Starlight use
      // their own js-yaml 4: bundled into the build, each import resolves from its importer, not the top.
      noExternal: ['js-yaml'],
      // Starlight's search loads Pagefind's UI at idle time on every page; this stand-in loads it
      // when the search dialog is first opened (see the module for how).
      alias: [{ find: /^@pagefind\/default-ui$/, replacement: fileURLToPath(new URL('./src/components/pagefind-on-demand.ts', import.meta.url)) }],
    },
  },
  integrations: [
    starlight({
      title: 'Rancher Architecture Guide',
      description: 'How to lay out the Rancher server cluster and the clusters it manages, with a checker for your own plan.',
      editLink: editBase ? { baseUrl: editBase } : undefined,
      lastUpdated: false,
      // Starlight's Markdown transforms (asides, heading anchor links) only run in folders it
      // knows; our pages live outside src/content/docs.
      markdown: { processedDirs: ['./content/docs/'] },
      customCss: ['./src/styles/site.css', './src/diagrams/diagrams.css', './src/styles/print.css'],
      // The "I run Rancher …" choice on every page and the advice by version on the guidance pages.
      components: { MarkdownContent: './src/components/overrides/MarkdownContent.astro' },
      routeMiddleware: './src/route-data.ts',
      sidebar: [
        { label: 'Start here', items: ['overview'] },
        {
          label: 'Guidance',
          items: [
            'separation',
            'high-availability',
            'k3s-cluster',
            'rke-cluster',
            'load-balancer',
            'environment',
            'node-roles',
            'authorized-endpoint',
            'sizing',
            'ports',
            'cluster-networks',
            'backups',
            'moving-to-rke2',
          ],
        },
        { label: 'Check your plan', items: ['checker', 'plan-format', 'cli', 'rules'] },
        { label: 'Background', items: ['disagreements', 'versions'] },
      ],
    }),
    // One runtime for the islands and diagrams: React renders them at build time, in the browser
    // and in the unit tests, so what the tests see is what ships. Pages without an island load none of it.
    react(),
    cliBundle(),
    // After Starlight, so it sees the finished pages.
    cspSeal(),
  ],
});
