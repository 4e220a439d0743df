// Values for Rancher's cluster-templates Helm charts (rancher/cluster-template-examples and its
// kin): `nodepools: [{ name, quantity, etcd, controlplane, worker, … }]`, the cluster's name under
// `cluster.name`, and `kubernetesVersion` and `localClusterAuthEndpoint` either at the top level or
// under `cluster.config` (charts differ). The chart renders a provisioning Cluster whose machine
// pools are these node pools, so they are read the same way: `quantity` nodes per pool, named
// <pool>-1 … <pool>-N, with the pool's roles. An override file may hold only some of the values;
// what it leaves to the chart's defaults is named in a warning.
import { splitCidrs } from '../cluster-networks.ts';
import type { KubernetesRole } from '../vocabulary.ts';
import type { Format, ReaderOutput, SingleClusterOptions } from './format.ts';
import { formatPath, InputError, type InputWarning } from './input-error.ts';
import { expandPools, wholeCount, type PoolSpec } from './pools.ts';
import { distributionOfVersion } from './provisioning-cluster.ts';
import { isRecord, scalarText, singleClusterPlan, type ClusterInput } from './single-cluster.ts';
import type { ParsedText } from './text.ts';

const POOL_KEYS = ['quantity', 'etcd', 'controlplane', 'worker'];
const ROLE_KEYS: readonly (readonly [string, KubernetesRole])[] = [
  ['etcd', 'etcd'],
  ['controlplane', 'controlplane'],
  ['worker', 'worker'],
];

function poolsKey(data: Record<string, unknown>): 'nodepools' | 'nodePools' | undefined {
  for (const key of ['nodepools', 'nodePools'] as const) if (Array.isArray(data[key])) return key;
  return undefined;
}

function looksLikeHelmValues(doc: ParsedText): boolean {
  const data = doc.data;
  if (!isRecord(data) || 'apiVersion' in data || 'kind' in data) return false;
  const key = poolsKey(data);
  return key !== undefined && (data[key] as unknown[]).some((p) => isRecord(p) && POOL_KEYS.some((k) => k in p));
}

/** The first of several places a value may live in, with its path. */
function firstOf(data: Record<string, unknown>, paths: readonly (readonly string[])[]): { value: unknown; path: readonly string[] } | undefined {
  for (const path of paths) {
    let at: unknown = data;
    for (const key of path) at = isRecord(at) ? at[key] : undefined;
    if (at !== undefined && at !== null) return { value: at, path };
  }
  return undefined;
}

function readHelmValues(doc: ParsedText, options: SingleClusterOptions): ReaderOutput {
  const data = doc.data as Record<string, unknown>;
  const file = options.filename;
  const warnings: InputWarning[] = [];
  const where = (path: readonly PropertyKey[]) => ({ file, ...doc.locate(path), path: formatPath(path) });
  const fail = (reason: string, path: readonly PropertyKey[]): never => {
    throw new InputError(reason, where(path));
  };
  const place = (path: readonly PropertyKey[]) => {
    const at = doc.locate(path);
    return [file, at?.line, at?.col].filter((p) => p !== undefined).join(':');
  };
  const key = poolsKey(data) ?? 'nodepools';
  const list = data[key] as unknown[];
  const pools: PoolSpec[] = list.map((raw, i) => {
    const path = [key, i];
    if (!isRecord(raw)) return fail('expected a node pool (a mapping with name, quantity and roles)', path);
    const name = scalarText(raw.name) ?? fail('a node pool needs a name', [...path, 'name']);
    const roles = ROLE_KEYS.filter(([field]) => raw[field] === true).map(([, role]) => role);
    // The chart's template gives a pool without quantity one machine, as Rancher does.
    const count = raw.quantity === undefined || raw.quantity === null ? 1 : wholeCount(raw.quantity, where([...path, 'quantity']));
    return { name, roles, count, origin: [...path, raw.quantity === undefined ? 'name' : 'quantity'] };
  });
  const expanded = expandPools(pools, fail);

  const nameAt = firstOf(data, [['cluster', 'name']]);
  let name = scalarText(nameAt?.value);
  if (name === undefined) {
    name = 'cluster';
    warnings.push({
      place: place(nameAt?.path ?? []),
      message: `cluster.name is ${nameAt ? 'empty' : 'not in this file'} (the chart takes it at install time); the cluster is called "cluster" here.`,
    });
  }
  const versionAt = firstOf(data, [['kubernetesVersion'], ['cluster', 'config', 'kubernetesVersion'], ['cluster', 'kubernetesVersion']]);
  const version = scalarText(versionAt?.value);
  let distribution = options.distribution ?? distributionOfVersion(version);
  if (distribution === undefined) {
    distribution = 'rke2';
    warnings.push({
      place: place(versionAt?.path ?? []),
      message: `kubernetesVersion ${version === undefined ? 'is not set in this file (the chart default applies)' : `(${JSON.stringify(version)}) names neither +rke2 nor +k3s`}, so the cluster was read as RKE2. Choose with --distribution k3s or --distribution rke2.`,
    });
  }
  const cluster: ClusterInput = { name, distribution, nodes: expanded.nodes };
  if (version !== undefined && distributionOfVersion(version) !== undefined) cluster.kubernetesVersion = version;

  const cidrAt = (k: string) => firstOf(data, [['clusterConfig', k]]);
  const podText = scalarText(cidrAt('clusterCIDR')?.value);
  const serviceText = scalarText(cidrAt('serviceCIDR')?.value);
  if (podText) cluster.podCidrs = splitCidrs(podText);
  if (serviceText) cluster.serviceCidrs = splitCidrs(serviceText);

  const aceAt = firstOf(data, [['localClusterAuthEndpoint'], ['cluster', 'config', 'localClusterAuthEndpoint']]);
  const ace = aceAt?.value;
  if (isRecord(ace) && ace.enabled === true) {
    const written = scalarText(ace.fqdn);
    const fqdn = written?.replace(/:\d+$/, '');
    const port = written === undefined ? undefined : /:(\d+)$/.exec(written)?.[1];
    const ca = scalarText(ace.caCerts) !== undefined;
    const controlPlane = expanded.nodes.filter((n) => n.roles?.includes('controlplane')).map((n) => n.name);
    cluster.authorizedEndpoint = { targets: fqdn ? controlPlane : [], privateCA: ca, caCertificate: ca };
    if (port !== undefined) cluster.authorizedEndpoint.port = Number(port);
    if (fqdn) cluster.authorizedEndpoint.fqdn = fqdn;
  }
  warnings.push({
    place: place([key]),
    message: `the machines' names and addresses are not in the file: the ${expanded.total.toLocaleString('en')} nodes are named after their node pool (<pool>-1, <pool>-2, …).`,
  });
  return {
    plan: singleClusterPlan(cluster, options),
    warnings,
    origin(path) {
      if (path[0] !== 'clusters') return [];
      if (path[2] === 'nodes' && typeof path[3] === 'number') return expanded.origins[path[3]] ?? [key];
      if (path[2] === 'name') return nameAt?.path ?? [];
      if (path[2] === 'kubernetesVersion') return versionAt?.path ?? [];
      if (path[2] === 'podCidrs') return ['clusterConfig', 'clusterCIDR'];
      if (path[2] === 'serviceCidrs') return ['clusterConfig', 'serviceCIDR'];
      if (path[2] === 'authorizedEndpoint') return aceAt?.path ?? [];
      return [];
    },
  };
}

export const helmValuesFormat: Format<'helm-values'> = {
  id: 'helm-values',
  label: "values for Rancher's cluster-templates Helm chart (nodepools:)",
  detect: looksLikeHelmValues,
  read: readHelmValues,
};
