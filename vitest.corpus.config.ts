import { defineConfig } from 'vitest/config';

// The real-world corpus suite (`npm run test:corpus`). Kept out of the default run because it reads
// files from outside the repository (RANCHER_ARCH_CORPUS) and specifies readers still being built.
export default defineConfig({
  test: {
    include: ['test/corpus/**/*.test.ts'],
    environment: 'node',
  },
});
