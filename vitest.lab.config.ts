import { defineConfig } from 'vitest/config';

// The lab (npm run test:lab): the exported firewall rulesets, etcd layouts and nginx configs run
// for real in network namespaces. It needs root, ip, nft, etcd and nginx (see lab/setup.ts). Files
// run one after another in their own processes: they start real daemons on two shared cores, and
// each process names its namespaces after its pid.
export default defineConfig({
  test: {
    include: ['lab/**/*.lab.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    globalSetup: ['lab/setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
