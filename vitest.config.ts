import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code they test. The e2e/ folder belongs to Playwright; test/corpus has
// its own config (npm run test:corpus) because it needs the corpus folder outside the repository.
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'bench/**/*.test.ts'],
    environment: 'node',
    // Property tests run hundreds of cases; on a busy two-core CI machine that can pass 5 s.
    testTimeout: 30_000,
    // The diagram styles are imported raw for SVG exports; Vitest blanks CSS unless told otherwise.
    css: { include: [/diagrams\.css/] },
  },
});
