// `terraform show -json` output (a saved plan or the state): every variable is resolved there, so
// the clusters are read as written. rancher2_cluster_v2 resources under planned_values (root
// module and child modules) become machine-pool nodes as in a provisioning Cluster; rke_cluster
// resources become their `nodes`, as in a cluster.yml. A value Terraform only knows after apply
// is left out of planned_values, and is reported as unknown rather than guessed.
import { LIMITS } from '../limits.ts';
import { KUBERNETES_ROLES, type KubernetesRole, type PlanInput } from '../vocabulary.ts';
import type { Format, ReaderOutput, SingleClusterOptions } from './format.ts';
import { InputError, type InputWarning } from './input-error.ts';
import { distributionOfVersion } from './provisioning-cluster.ts';
import { isRecord, scalarText, singleClusterPlan, type ClusterInput, type NodeInput } from './single-cluster.ts';
import type { ParsedText } from './text.ts';

const CLUSTER_TYPES = ['rancher2_cluster_v2', 'rke_cluster'];
/** Child modules followed at most this deep. */
const MAX_MODULE_DEPTH = 16;

function isPlanJson(data: unknown): boolean {
  return isRecord(data) && typeof data.format_version === 'string' && (isRecord(data.planned_values) || isRecord(data.values));
}

interface Found {
  resource: Record<string, unknown>;
  path: (string | number)[];
}

/** Every cluster resource in a module tree, with its path in the document. */
function clusterResources(module: unknown, path: (string | number)[], depth: number, out: Found[]): void {
  if (!isRecord(module) || depth > MAX_MODULE_DEPTH) return;
  if (Array.isArray(module.resources))
    module.resources.forEach((r, i) => {
      if (isRecord(r) && r.mode !== 'data' && CLUSTER_TYPES.includes(String(r.type))) out.push({ resource: r, path: [...path, 'resources', i] });
    });
  if (Array.isArray(module.child_modules)) module.child_modules.forEach((m, i) => clusterResources(m, [...path, 'child_modules', i], depth + 1, out));
}

const first = (v: unknown): Record<string, unknown> | undefined => (Array.isArray(v) && isRecord(v[0]) ? v[0] : isRecord(v) ? v : undefined);

function readPlanJson(doc: ParsedText, options: SingleClusterOptions): ReaderOutput {
  const data = doc.data as Record<string, unknown>;
  const file = options.filename;
  const warnings: InputWarning[] = [];
  const place = (path: readonly PropertyKey[]) => {
    const pos = doc.locate(path);
    return [file, pos?.line, pos?.col].filter((p) => p !== undefined).join(':');
  };
  const rootKey = isRecord(data.planned_values) ? 'planned_values' : 'values';
  const found: Found[] = [];
  clusterResources((data[rootKey] as Record<string, unknown>).root_module, [rootKey, 'root_module'], 0, found);
  if (found.length === 0)
    throw new InputError('this terraform show -json output has no rancher2_cluster_v2 or rke_cluster resource in its planned values.', { file, path: rootKey });

  const clusters: ClusterInput[] = [];
  /** Per cluster: the document path of each node's pool or nodes entry. */
  const nodeSources: (string | number)[][][] = [];
  let total = 0;
  for (const { resource, path } of found) {
    const values = isRecord(resource.values) ? resource.values : {};
    const vpath = [...path, 'values'];
    const label = scalarText(resource.name) ?? 'cluster';
    const rke = resource.type === 'rke_cluster';
    const named = scalarText(rke ? values.cluster_name : values.name);
    if (named === undefined && !rke)
      warnings.push({
        place: place(path),
        message: `${String(resource.address)}: the name is only known after apply; the cluster is called "${label}" after its resource name.`,
      });
    const nodes: NodeInput[] = [];
    const sources: (string | number)[][] = [];
    const version = scalarText(values.kubernetes_version);
    const cluster: ClusterInput = { name: named ?? (rke ? 'local' : label), distribution: rke ? 'rke' : 'rke2', nodes };
    if (version !== undefined) cluster.kubernetesVersion = version;
    const unknown: string[] = [];
    if (rke) {
      const list = Array.isArray(values.nodes) ? values.nodes : [];
      list.forEach((n, i) => {
        if (!isRecord(n)) return;
        const address = scalarText(n.address);
        const name = (scalarText(n.hostname_override) ?? address ?? `node-${i + 1}`).toLowerCase();
        const roles = (Array.isArray(n.role) ? n.role : []).filter((r): r is KubernetesRole => (KUBERNETES_ROLES as readonly unknown[]).includes(r));
        nodes.push(address ? { name, address, roles } : { name, roles });
        sources.push([...vpath, 'nodes', i]);
      });
    } else {
      const pools = first(values.rke_config)?.machine_pools;
      if (!Array.isArray(pools) || pools.length === 0) unknown.push('no machine_pools: a custom cluster, whose machines register themselves');
      (Array.isArray(pools) ? pools : []).forEach((pool, i) => {
        if (!isRecord(pool)) return;
        const poolPath = [...vpath, 'rke_config', 0, 'machine_pools', i];
        const poolName = scalarText(pool.name) ?? `pool-${i + 1}`;
        const q = pool.quantity ?? 1;
        if (typeof q !== 'number' || !Number.isInteger(q) || q < 0)
          throw new InputError('must be a whole number of machines, 0 or more', { file, ...doc.locate([...poolPath, 'quantity']), path: 'quantity' });
        total += q;
        if (total > LIMITS.nodes || nodes.length + q > LIMITS.nodesPerCluster)
          throw new InputError(`the machine pools add up to more machines than a plan may hold (${LIMITS.nodesPerCluster.toLocaleString('en')} per cluster).`, {
            file,
            ...doc.locate(poolPath),
          });
        const roles: KubernetesRole[] = [];
        if (pool.etcd_role === true) roles.push('etcd');
        if (pool.control_plane_role === true) roles.push('controlplane');
        if (pool.worker_role === true) roles.push('worker');
        for (let n = 1; n <= q; n++) {
          nodes.push({ name: `${poolName}-${n}`, pool: poolName, roles: [...roles] });
          sources.push([...poolPath, 'quantity']);
        }
      });
      const distribution = options.distribution ?? distributionOfVersion(version);
      if (distribution === undefined)
        warnings.push({
          place: place([...vpath, 'kubernetes_version']),
          message: `${String(resource.address)}: kubernetes_version ${version === undefined ? 'is not known' : 'names neither +rke2 nor +k3s'}, so the cluster was read as RKE2.`,
        });
      cluster.distribution = distribution ?? 'rke2';
      const ace = first(values.local_auth_endpoint);
      const fqdn = scalarText(ace?.fqdn)?.replace(/:\d+$/, '');
      if (ace?.enabled === true) {
        const ca = scalarText(ace.ca_certs) !== undefined;
        const targets = fqdn ? nodes.filter((n) => n.roles?.includes('controlplane')).map((n) => n.name) : [];
        cluster.authorizedEndpoint = { targets, privateCA: ca, caCertificate: ca, ...(fqdn ? { fqdn } : {}) };
      }
    }
    if (unknown.length) cluster.nodesUnknown = unknown;
    clusters.push(cluster);
    nodeSources.push(sources);
  }
  const plan: PlanInput =
    clusters.length === 1
      ? singleClusterPlan(clusters[0]!, options)
      : { clusters, ...(options.rancherVersion ? { rancher: { install: 'kubernetes' as const, version: options.rancherVersion } } : {}) };
  return {
    plan,
    warnings,
    origin(path) {
      const c = typeof path[1] === 'number' ? path[1] : -1;
      const at = found[c];
      if (path[0] !== 'clusters' || !at) return [];
      if (path[2] === 'nodes' && typeof path[3] === 'number') return nodeSources[c]?.[path[3]] ?? at.path;
      return at.path;
    },
  };
}

export const terraformPlanJsonFormat: Format<'terraform-plan-json'> = {
  id: 'terraform-plan-json',
  label: 'terraform show -json output',
  detect: (doc) => isPlanJson(doc.data),
  read: readPlanJson,
};
