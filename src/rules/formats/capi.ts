// Cluster API manifests (also what Rancher Turtles imports): a cluster.x-k8s.io Cluster with its
// control plane (RKE2ControlPlane or KThreesControlPlane, `spec.replicas`) and MachineDeployments
// (`spec.replicas`), or a ClusterClass topology (`spec.topology.controlPlane.replicas`,
// `workers.machineDeployments[].replicas`). Control-plane machines are RKE2/K3s servers (etcd,
// control plane, workloads unless tainted) and machine deployments are agents. Counts may be
// clusterctl placeholders: `${VAR:=3}` reads as 3, a bare `${VAR}` is left open (nodesUnknown).
// Machines get their addresses at install time, so none are in the file.
import { splitCidrs } from '../cluster-networks.ts';
import { listNames } from '../words.ts';
import type { Format, ReaderOutput, SingleClusterOptions } from './format.ts';
import { substitute, nameFrom, hasPlaceholder } from './envsubst.ts';
import { formatPath, InputError, type InputWarning } from './input-error.ts';
import { groupOf, kindOf, objectsOf, type SourceObject } from './objects.ts';
import { expandPools, wholeCount, type PoolSpec } from './pools.ts';
import { distributionOfVersion } from './provisioning-cluster.ts';
import { isRecord, scalarText, singleClusterPlan, type ClusterInput } from './single-cluster.ts';
import type { ParsedText } from './text.ts';

const CAPI_GROUP = 'cluster.x-k8s.io';
/** Control planes we read, and the distribution each builds. */
const CONTROL_PLANES: Record<string, 'rke2' | 'k3s'> = { RKE2ControlPlane: 'rke2', KThreesControlPlane: 'k3s' };

const isCapiCluster = (o: Record<string, unknown>) => groupOf(o) === CAPI_GROUP && o.kind === 'Cluster';
const isMachineDeployment = (o: Record<string, unknown>) => groupOf(o) === CAPI_GROUP && o.kind === 'MachineDeployment';
const isControlPlane = (o: Record<string, unknown>) => groupOf(o) === `controlplane.${CAPI_GROUP}` && typeof o.kind === 'string' && o.kind in CONTROL_PLANES;

const record = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});
const rawName = (o: Record<string, unknown>) => scalarText(record(o.metadata).name);

export function looksLikeCapi(doc: ParsedText): boolean {
  return objectsOf(doc).some((o) => isCapiCluster(o.object));
}

interface Reading {
  doc: ParsedText;
  file: string | undefined;
  warnings: InputWarning[];
  /** Objects read into a cluster, by their index in `objects`. */
  used: Set<number>;
}

function placeOf(r: Reading, path: readonly PropertyKey[]): string {
  const at = r.doc.locate(path);
  return [r.file, at?.line, at?.col].filter((p) => p !== undefined).join(':');
}

function failAt(r: Reading) {
  return (reason: string, path: readonly PropertyKey[]): never => {
    throw new InputError(reason, { file: r.file, ...r.doc.locate(path), path: formatPath(path) });
  };
}

/** A replicas field: a number, a placeholder with a default, an open placeholder, or absent (1, as Cluster API defaults it). */
function replicas(r: Reading, value: unknown, path: readonly PropertyKey[]): { count: number | undefined; open?: string } {
  if (value === undefined || value === null) return { count: 1 };
  const where = { file: r.file, ...r.doc.locate(path), path: formatPath(path) };
  if (typeof value === 'string' && hasPlaceholder(value)) {
    const { text, open } = substitute(value);
    if (text === undefined) return { count: undefined, open: open.join(' ') };
    return { count: wholeCount(text, where) };
  }
  return { count: wholeCount(value, where) };
}

/** A version as written, with placeholder defaults filled in; undefined when a placeholder is open. */
function versionText(value: unknown): string | undefined {
  const text = scalarText(value);
  return text === undefined ? undefined : substitute(text).text;
}

function readCluster(r: Reading, objects: readonly SourceObject[], index: number, single: boolean, options: SingleClusterOptions) {
  const { object: cluster, path: at } = objects[index]!;
  r.used.add(index);
  const raw = rawName(cluster) ?? 'cluster';
  const name = nameFrom(raw) || 'cluster';
  if (name !== raw)
    r.warnings.push({
      place: placeOf(r, [...at, 'metadata', 'name']),
      message: `the cluster's name ${JSON.stringify(raw)} is a template placeholder; read as "${name}".`,
    });
  const spec = record(cluster.spec);
  const pools: PoolSpec[] = [];
  let distribution: 'rke2' | 'k3s' | undefined;
  const versions: { text: string | undefined; path: readonly PropertyKey[] }[] = [];
  const topology = isRecord(spec.topology) ? spec.topology : undefined;

  if (topology) {
    // ClusterClass: the class holds the templates, the topology holds the counts.
    const cpPath = [...at, 'spec', 'topology', 'controlPlane', 'replicas'];
    const cp = replicas(r, record(topology.controlPlane).replicas, cpPath);
    pools.push({ name: `${name}-control-plane`, roles: ['server'], ...cp, origin: cpPath });
    const mds = record(topology.workers).machineDeployments;
    if (Array.isArray(mds))
      mds.forEach((md, i) => {
        const mdPath = [...at, 'spec', 'topology', 'workers', 'machineDeployments', i];
        const pool = nameFrom(scalarText(record(md).name) ?? `md-${i}`) || `md-${i}`;
        pools.push({
          name: `${name}-${pool}`,
          roles: ['agent'],
          ...replicas(r, record(md).replicas, [...mdPath, 'replicas']),
          origin: [...mdPath, 'replicas'],
        });
      });
    versions.push({ text: versionText(topology.version), path: [...at, 'spec', 'topology', 'version'] });
  } else {
    const ref = record(spec.controlPlaneRef);
    const refName = scalarText(ref.name);
    const cpIndex = objects.findIndex(
      (o) => isControlPlane(o.object) && rawName(o.object) === refName && (ref.kind === undefined || o.object.kind === ref.kind),
    );
    if (cpIndex === -1) {
      const what =
        refName === undefined
          ? 'no control plane (spec.controlPlaneRef)'
          : `${JSON.stringify(scalarText(ref.kind) ?? 'control plane')} ${JSON.stringify(refName)}, which is not in the file`;
      r.warnings.push({ place: placeOf(r, [...at, 'spec']), message: `cluster "${name}" names ${what}; its control plane is not counted.` });
      pools.push({
        name: `${name}-control-plane`,
        roles: ['server'],
        count: undefined,
        open: `control plane ${refName ?? '(none named)'}`,
        origin: [...at, 'spec'],
      });
    } else {
      r.used.add(cpIndex);
      const { object: cp, path: cpAt } = objects[cpIndex]!;
      distribution = CONTROL_PLANES[cp.kind as string];
      const cpSpec = record(cp.spec);
      const cpPath = [...cpAt, 'spec', 'replicas'];
      pools.push({ name: nameFrom(refName ?? 'control-plane') || 'control-plane', roles: ['server'], ...replicas(r, cpSpec.replicas, cpPath), origin: cpPath });
      // RKE2ControlPlane has spec.version; older ones put it under spec.agentConfig.version.
      const written = cpSpec.version ?? record(cpSpec.agentConfig).version;
      versions.push({ text: versionText(written), path: [...cpAt, 'spec', cpSpec.version === undefined ? 'agentConfig' : 'version'] });
      if (written === undefined) r.warnings.push({ place: placeOf(r, [...cpAt, 'spec']), message: `the control plane of cluster "${name}" names no version.` });
    }
  }

  // Machine deployments belong to the cluster they name (spec.clusterName), or to the only cluster.
  objects.forEach((o, i) => {
    if (!isMachineDeployment(o.object)) return;
    const mdSpec = record(o.object.spec);
    const owner = scalarText(mdSpec.clusterName) ?? scalarText(record(record(o.object.metadata).labels)['cluster.x-k8s.io/cluster-name']);
    if (owner === undefined ? !single : owner !== rawName(cluster)) return;
    r.used.add(i);
    const mdRaw = rawName(o.object) ?? `md-${i}`;
    const mdPath = [...o.path, 'spec', 'replicas'];
    pools.push({ name: nameFrom(mdRaw) || `md-${i}`, roles: ['agent'], ...replicas(r, mdSpec.replicas, mdPath), origin: mdPath });
    versions.push({ text: versionText(record(record(mdSpec.template).spec).version), path: [...o.path, 'spec', 'template', 'spec', 'version'] });
  });

  const version = versions.find((v) => v.text !== undefined)?.text;
  const differing = [...new Set(versions.map((v) => v.text).filter((v) => v !== undefined))];
  if (differing.length > 1)
    r.warnings.push({
      place: placeOf(r, versions[0]!.path),
      message: `cluster "${name}" names several Kubernetes versions (${listNames(differing)}); read as ${version ?? ''}.`,
    });
  distribution ??= options.distribution ?? distributionOfVersion(version);
  if (distribution === undefined) {
    distribution = 'rke2';
    r.warnings.push({
      place: placeOf(r, at),
      message: `cluster "${name}" does not say whether it is RKE2 or K3s (no RKE2ControlPlane or KThreesControlPlane, no +rke2 or +k3s version); read as RKE2.`,
    });
  }

  // Templates often name the control plane and a deployment alike (both ${CLUSTER_NAME}): keep node names apart.
  const taken = new Set<string>();
  for (const pool of pools) {
    if (taken.has(pool.name)) pool.name = `${pool.name}-${pool.roles.includes('server') ? 'control-plane' : 'workers'}`;
    for (let n = 2; taken.has(pool.name); n++) pool.name = `${pool.name.replace(/-\d+$/, '')}-${n}`;
    taken.add(pool.name);
  }
  const expanded = expandPools(pools, failAt(r));
  const out: ClusterInput = { name, distribution, datastore: 'embedded', nodes: expanded.nodes };
  if (version !== undefined && distributionOfVersion(version) !== undefined) out.kubernetesVersion = version.startsWith('v') ? version : `v${version}`;
  if (expanded.unknown.length > 0) out.nodesUnknown = expanded.unknown;
  const network = record(spec.clusterNetwork);
  const blocks = (key: string) => {
    const list = record(network[key]).cidrBlocks;
    return Array.isArray(list) ? list.map(scalarText).filter((c): c is string => c !== undefined && !hasPlaceholder(c)) : [];
  };
  if (blocks('pods').length > 0) out.podCidrs = splitCidrs(blocks('pods').join(','));
  if (blocks('services').length > 0) out.serviceCidrs = splitCidrs(blocks('services').join(','));
  const origin = (planPath: readonly PropertyKey[]): readonly PropertyKey[] => {
    if (planPath[2] === 'nodes' && typeof planPath[3] === 'number') return expanded.origins[planPath[3]] ?? at;
    if (planPath[2] === 'name') return [...at, 'metadata', 'name'];
    if (planPath[2] === 'podCidrs') return [...at, 'spec', 'clusterNetwork', 'pods'];
    if (planPath[2] === 'serviceCidrs') return [...at, 'spec', 'clusterNetwork', 'services'];
    if (planPath[2] === 'kubernetesVersion') return versions.find((v) => v.text !== undefined)?.path ?? at;
    return at;
  };
  return { cluster: out, origin, total: expanded.total };
}

function readCapi(doc: ParsedText, options: SingleClusterOptions): ReaderOutput {
  const r: Reading = { doc, file: options.filename, warnings: [], used: new Set() };
  const objects = objectsOf(doc);
  const clusterIndexes = objects.flatMap((o, i) => (isCapiCluster(o.object) ? [i] : []));
  const read = clusterIndexes.map((i) => readCluster(r, objects, i, clusterIndexes.length === 1, options));
  const total = read.reduce((sum, c) => sum + c.total, 0);
  if (total > 0)
    r.warnings.push({
      place: placeOf(r, objects[clusterIndexes[0]!]!.path),
      message: `the machines' names and addresses are not in the file: the ${total.toLocaleString('en')} nodes are named after their control plane or machine deployment (<name>-1, <name>-2, …).`,
    });
  // Say which objects were not read (infrastructure, templates, secrets): they do not change the layout.
  const ignored = objects.filter((_, i) => !r.used.has(i)).map((o) => kindOf(o.object));
  if (ignored.length > 0) {
    const counts = new Map<string, number>();
    for (const k of ignored) counts.set(k, (counts.get(k) ?? 0) + 1);
    r.warnings.push({
      place: r.file ?? '',
      message: `not read (they do not change how many machines have which role): ${listNames([...counts].map(([k, n]) => (n > 1 ? `${n} × ${JSON.stringify(k)}` : JSON.stringify(k))))}.`,
    });
  }
  const plan = singleClusterPlan(read[0]?.cluster ?? { name: 'cluster' }, options);
  if (read.length > 1) plan.clusters = read.map((c) => c.cluster);
  return {
    plan,
    warnings: r.warnings,
    origin(path) {
      if (path[0] !== 'clusters' || typeof path[1] !== 'number') return [];
      return read[path[1]]?.origin(path) ?? [];
    },
  };
}

export const capiFormat: Format<'capi'> = {
  id: 'capi',
  label: 'Cluster API manifests (Cluster with RKE2ControlPlane or KThreesControlPlane and MachineDeployments, or a ClusterClass topology)',
  multiDocument: true,
  detect: looksLikeCapi,
  read: readCapi,
};
