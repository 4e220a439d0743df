// Benchmark of `migrate`: an RKE cluster of growing size (3 etcd+controlplane nodes, the rest
// workers) through migratePlan (layout, checkPlan on the target, both port matrices, the delta
// report), the per-node config.yaml of every node, and the provisioning Cluster.
// Run: npx node bench/migrate.ts   (figures only; no thresholds)
import { LIMITS, validatePlan } from '../src/rules/index.ts';
import { emitText } from '../src/rules/migrate/emit.ts';
import { migratePlan } from '../src/rules/migrate/index.ts';
import { time } from './lib/timing.ts';

function rkeCluster(nodes: number) {
  return validatePlan({
    clusters: [
      {
        name: 'big',
        distribution: 'rke',
        nodes: Array.from({ length: nodes }, (_, i) => ({
          name: `n${i}`,
          address: `10.0.${Math.floor(i / 250)}.${(i % 250) + 1}`,
          roles: i < 3 ? (['etcd', 'controlplane'] as const) : (['worker'] as const),
        })),
      },
    ],
  });
}

const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(1)} ms`);
const rows = [['nodes', 'migratePlan', 'every config.yaml', 'provisioning Cluster', 'delta items']];
for (const n of [12, 500, LIMITS.nodesPerCluster]) {
  const plan = rkeCluster(n);
  const m = migratePlan(plan, { registrationAddress: 'rke2.example.net' });
  rows.push([
    n.toLocaleString('en'),
    fmt(time(() => migratePlan(plan, { registrationAddress: 'rke2.example.net' }))),
    fmt(time(() => emitText(m, 'config'))),
    fmt(time(() => emitText(m, 'provisioning'))),
    String(m.items.length),
  ]);
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const r of rows) console.log(r.map((c, i) => c.padStart(widths[i]!)).join('  '));
