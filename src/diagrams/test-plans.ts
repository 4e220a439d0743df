// Plans of any size for tests and the bench: a Rancher RKE cluster plus one downstream cluster
// whose node count brings the plan to `total` nodes (sizedPlan), or that has a given number of
// plain workers (workersPlan, the checker's large-cluster shape).
import { planSchema, type Plan } from '../rules/plan.ts';

/** Both shapes start with Rancher on a three-node RKE cluster behind a load balancer. */
const RANCHER = { version: '2.4.8', install: 'kubernetes', cluster: 'rancher' };
const RANCHER_CLUSTER = {
  name: 'rancher',
  nodes: [1, 2, 3].map((i) => ({ name: `rancher-${i}`, address: `10.0.0.${i}`, roles: ['etcd', 'controlplane', 'worker'] })),
  loadBalancer: { targets: ['rancher-1', 'rancher-2', 'rancher-3'] },
};

export function sizedPlan(total: number): Plan {
  const downstream = Math.max(0, total - 3);
  const etcd = Math.min(5, downstream);
  const cp = Math.min(3, downstream - etcd);
  return planSchema.parse({
    rancher: RANCHER,
    clusters: [
      RANCHER_CLUSTER,
      ...(downstream
        ? [
            {
              name: 'apps',
              userWorkloads: true,
              nodes: Array.from({ length: downstream }, (_, i) =>
                i < etcd
                  ? { name: `etcd-${i + 1}`, roles: ['etcd'] }
                  : i < etcd + cp
                    ? { name: `cp-${i + 1}`, roles: ['controlplane'] }
                    : { name: `worker-with-a-long-name-${i + 1}`, address: `10.2.${Math.floor(i / 250)}.${i % 250}`, roles: ['worker'] },
              ),
              loadBalancer: { targets: ['worker-with-a-long-name-9'] },
              authorizedEndpoint: { fqdn: 'api.apps.example.com', targets: ['cp-6', 'cp-7', 'cp-8'], privateCA: true },
            },
          ]
        : []),
    ],
  });
}

/**
 * The Rancher cluster plus "apps": etcd-1…3, cp-1…2 and worker-1…worker-N, every worker with an
 * address. The etcd and controlplane nodes get addresses unless `withoutControlAddresses` is set.
 */
export function workersPlan(workers: number, { withoutControlAddresses = false } = {}): Plan {
  const at = (address: string) => (withoutControlAddresses ? {} : { address });
  return planSchema.parse({
    rancher: RANCHER,
    clusters: [
      RANCHER_CLUSTER,
      {
        name: 'apps',
        userWorkloads: true,
        nodes: [
          ...[1, 2, 3].map((i) => ({ name: `etcd-${i}`, ...at(`10.1.0.${i}`), roles: ['etcd'] })),
          ...[1, 2].map((i) => ({ name: `cp-${i}`, ...at(`10.1.0.${10 + i}`), roles: ['controlplane'] })),
          ...Array.from({ length: workers }, (_, i) => ({
            name: `worker-${i + 1}`,
            address: `10.2.${Math.floor(i / 250)}.${(i % 250) + 1}`,
            roles: ['worker'],
          })),
        ],
      },
    ],
  });
}
