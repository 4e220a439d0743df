/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// The real-world corpus suite (`npm run test:corpus`). Kept out of the default run because it reads
// files from outside the repository (RANCHER_ARCH_CORPUS) and specifies readers still being built.
// Astro's Vite config, as in vitest.config.ts, so the readers resolve as they do in the site.
export default getViteConfig({
  test: {
    include: ['test/corpus/**/*.test.ts'],
    environment: 'node',
  },
});
