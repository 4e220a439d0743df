// Rancher's provisioning Cluster (apiVersion provisioning.cattle.io/v1, kind Cluster): an RKE2 or
// K3s cluster Rancher builds from machine pools. Each pool becomes `quantity` nodes named
// <pool>-1 … <pool>-N with the pool's roles; the Kubernetes version tells RKE2 (+rke2) from K3s
// (+k3s); spec.localClusterAuthEndpoint becomes the authorized endpoint. It is always one
// downstream cluster, and the machines' addresses are not in the file.
import { quoteText } from '../words.ts';
import { splitCidrs } from '../cluster-networks.ts';
import { LIMITS } from '../limits.ts';
import { NETWORK_PLUGINS, type KubernetesRole, type NetworkPlugin } from '../vocabulary.ts';
import type { Format, ReaderOutput, SingleClusterOptions } from './format.ts';
import { formatPath, InputError, type InputWarning } from './input-error.ts';
import { fromRkeConfigEtcd } from './etcd-snapshots.ts';
import { isRecord, scalarText, singleClusterPlan, type ClusterInput, type NodeInput } from './single-cluster.ts';
import { toProvisioningCluster } from './rancher-cluster-writers.ts';
import type { ParsedText } from './text.ts';

const POOLS = ['spec', 'rkeConfig', 'machinePools'] as const;
/** The pool fields that switch each role on. */
const ROLE_FIELDS: readonly (readonly [string, KubernetesRole])[] = [
  ['etcdRole', 'etcd'],
  ['controlPlaneRole', 'controlplane'],
  ['workerRole', 'worker'],
];

export function isProvisioningCluster(data: unknown): boolean {
  return isRecord(data) && typeof data.apiVersion === 'string' && data.apiVersion.startsWith('provisioning.cattle.io/') && data.kind === 'Cluster';
}

/** RKE2 or K3s from a version such as v1.31.4+rke2r1 or v1.30.8+k3s1; undefined when it does not say. */
export function distributionOfVersion(version: string | undefined): 'rke2' | 'k3s' | undefined {
  if (version === undefined) return undefined;
  if (/\+rke2/i.test(version)) return 'rke2';
  if (/\+k3s/i.test(version)) return 'k3s';
  return undefined;
}

export function readProvisioningCluster(doc: ParsedText, options: SingleClusterOptions): ReaderOutput {
  const data = doc.data as Record<string, unknown>;
  const file = options.filename;
  const fail = (reason: string, path: readonly PropertyKey[]): never => {
    throw new InputError(reason, { file, ...doc.locate(path), path: formatPath(path) });
  };
  const warnings: InputWarning[] = [];
  const place = (path: readonly PropertyKey[]) => {
    const at = doc.locate(path);
    return [file, at?.line, at?.col].filter((p) => p !== undefined).join(':');
  };

  const metadata = isRecord(data.metadata) ? data.metadata : {};
  const spec = isRecord(data.spec) ? data.spec : {};
  const rkeConfig = spec.rkeConfig;
  if (!isRecord(rkeConfig))
    fail(
      'this Cluster has no spec.rkeConfig, so Rancher does not build its nodes (a registered or hosted cluster). Check the cluster itself: kubectl get nodes -o json.',
      ['spec'],
    );
  const pools = (rkeConfig as Record<string, unknown>).machinePools;
  if (pools !== undefined && !Array.isArray(pools)) fail(`expected a list of machine pools`, POOLS);
  if (!Array.isArray(pools) || pools.length === 0)
    fail(
      'this Cluster has no machine pools: it is a custom cluster whose machines join with a registration command. List its nodes in a plan, or read kubectl get nodes -o json from it.',
      ['spec', 'rkeConfig'],
    );
  const poolList = pools as unknown[];

  // Bound the work before making any node: the quantities together are the cluster's size.
  const quantities = poolList.map((raw, i) => {
    const path = [...POOLS, i];
    if (!isRecord(raw)) return fail('expected a machine pool (a mapping with name, quantity and roles)', path);
    const q = raw.quantity;
    // Cluster API gives a machine deployment without replicas one machine.
    if (q === undefined || q === null) return 1;
    if (typeof q !== 'number' || !Number.isInteger(q) || q < 0) return fail('must be a whole number of machines, 0 or more', [...path, 'quantity']);
    return q;
  });
  const total = quantities.reduce((a, b) => a + b, 0);
  if (total > LIMITS.nodesPerCluster)
    fail(`the machine pools add up to ${total.toLocaleString('en')} machines; a cluster is limited to ${LIMITS.nodesPerCluster.toLocaleString('en')}.`, POOLS);

  const nodes: NodeInput[] = [];
  /** For each node, the pool it came from (its index in the file). */
  const poolOf: number[] = [];
  poolList.forEach((raw, i) => {
    const pool = raw as Record<string, unknown>;
    const name = scalarText(pool.name);
    if (name === undefined) fail('a machine pool needs a name', [...POOLS, i, 'name']);
    const roles = ROLE_FIELDS.filter(([field]) => pool[field] === true).map(([, role]) => role);
    for (let n = 1; n <= (quantities[i] as number); n++) {
      nodes.push({ name: `${name as string}-${n}`, pool: name, roles: [...roles] });
      poolOf.push(i);
    }
  });

  const version = scalarText(spec.kubernetesVersion);
  let distribution = options.distribution ?? distributionOfVersion(version);
  if (distribution === undefined) {
    distribution = 'rke2';
    warnings.push({
      place: place(['spec', 'kubernetesVersion']),
      message: `spec.kubernetesVersion ${version === undefined ? 'is missing' : `(${quoteText(version)}) names neither +rke2 nor +k3s`}, so the cluster was read as RKE2. Choose with --distribution k3s or --distribution rke2.`,
    });
  }

  const cluster: ClusterInput = { name: scalarText(metadata.name) ?? 'cluster', distribution, nodes };
  if (distributionOfVersion(version) !== undefined) cluster.kubernetesVersion = version;
  // Settings every node of the cluster shares: the address ranges are among them.
  const global = (rkeConfig as Record<string, unknown>).machineGlobalConfig;
  for (const [field, key] of [
    ['podCidrs', 'cluster-cidr'],
    ['serviceCidrs', 'service-cidr'],
  ] as const) {
    const text = isRecord(global) ? scalarText(global[key]) : undefined;
    if (text !== undefined) cluster[field] = splitCidrs(text);
  }
  // The CNI is a setting every server shares; K3s has no cni key.
  const cni = isRecord(global) ? scalarText(global.cni) : undefined;
  if (cni !== undefined) cluster.network = (NETWORK_PLUGINS as readonly string[]).includes(cni) ? (cni as NetworkPlugin) : 'other';
  // Rancher's RKE2 and K3s clusters keep their data in embedded etcd and take scheduled snapshots
  // unless spec.rkeConfig.etcd says otherwise.
  cluster.etcdSnapshots = fromRkeConfigEtcd((rkeConfig as Record<string, unknown>).etcd);
  const ace = spec.localClusterAuthEndpoint;
  if (isRecord(ace) && ace.enabled === true) {
    // Rancher's FQDN field may carry a port: the load balancer listens there instead of 443.
    const written = scalarText(ace.fqdn);
    const fqdn = written?.replace(/:\d+$/, '');
    const port = written === undefined ? undefined : /:(\d+)$/.exec(written)?.[1];
    const ca = scalarText(ace.caCerts) !== undefined;
    const controlPlane = nodes.filter((n) => n.roles?.includes('controlplane')).map((n) => n.name);
    cluster.authorizedEndpoint = { targets: fqdn ? controlPlane : [], privateCA: ca, caCertificate: ca };
    if (port !== undefined) cluster.authorizedEndpoint.port = Number(port);
    if (fqdn) {
      cluster.authorizedEndpoint.fqdn = fqdn;
      warnings.push({
        place: place(['spec', 'localClusterAuthEndpoint', 'fqdn']),
        message: `the Cluster does not say which machines the load balancer behind ${quoteText(fqdn)} reaches; they were taken to be the controlplane nodes.`,
      });
    }
  }
  warnings.push({
    place: place(POOLS),
    message: `the machines' names and addresses are not in the file: the ${total.toLocaleString('en')} nodes are named after their machine pool (<pool>-1, <pool>-2, …).`,
  });

  return {
    plan: singleClusterPlan(cluster, options),
    warnings,
    origin(path) {
      if (path[0] !== 'clusters') return [];
      if (path[2] === 'name') return ['metadata', 'name'];
      if (path[2] === 'kubernetesVersion') return ['spec', 'kubernetesVersion'];
      if (path[2] === 'podCidrs') return ['spec', 'rkeConfig', 'machineGlobalConfig', 'cluster-cidr'];
      if (path[2] === 'serviceCidrs') return ['spec', 'rkeConfig', 'machineGlobalConfig', 'service-cidr'];
      if (path[2] === 'etcdSnapshots') {
        const key = ({ enabled: 'disableSnapshots', cron: 'snapshotScheduleCron', retention: 'snapshotRetention', offNode: 's3' } as Record<string, string>)[
          String(path[3])
        ];
        return ['spec', 'rkeConfig', 'etcd', ...(key === undefined ? [] : [key])];
      }
      if (path[2] === 'nodes' && typeof path[3] === 'number') {
        const pool = poolOf[path[3]];
        if (pool === undefined) return [...POOLS];
        return path[4] === 'name' ? [...POOLS, pool, 'name'] : [...POOLS, pool];
      }
      if (path[2] === 'authorizedEndpoint') return path[3] === 'fqdn' ? ['spec', 'localClusterAuthEndpoint', 'fqdn'] : ['spec', 'localClusterAuthEndpoint'];
      return [];
    },
  };
}

export const provisioningClusterFormat: Format<'provisioning-cluster'> = {
  id: 'provisioning-cluster',
  label: "Rancher's provisioning Cluster (provisioning.cattle.io/v1)",
  detect: (doc) => isProvisioningCluster(doc.data),
  read: readProvisioningCluster,
  write: (plan, options) => toProvisioningCluster(plan, options?.cluster),
};
