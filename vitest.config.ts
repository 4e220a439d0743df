/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Unit tests sit beside the code they test. The e2e/ folder belongs to Playwright; test/corpus has
// its own config (npm run test:corpus) because it needs the corpus folder outside the repository.
// The Vite config is Astro's own (its integrations, aliases and JSX settings), so a test resolves
// and renders a module the way the site does: React, the Pagefind stand-in, the same plugins.
const PROCESS_TESTS = ['src/cli/smoke.test.ts', 'src/cli/pipes.test.ts', 'src/cli/output/sarif.test.ts', 'src/cli/large-inputs.test.ts'];

export default getViteConfig({
  test: {
    environment: 'node',
    // Property tests run hundreds of cases; on a busy two-core CI machine that can pass 5 s.
    testTimeout: 30_000,
    // The diagram styles are imported raw for SVG exports; Vitest blanks CSS unless told otherwise.
    css: { include: [/diagrams\.css/] },
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.{ts,tsx}', 'bench/**/*.test.ts'], exclude: PROCESS_TESTS } },
      // Tests that start processes (the CLI itself, Microsoft's SARIF validator on .NET): seconds each, not milliseconds.
      { extends: true, test: { name: 'process', include: PROCESS_TESTS } },
    ],
  },
});
