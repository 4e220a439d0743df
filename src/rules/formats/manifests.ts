// Several Kubernetes objects in one input, holding Rancher provisioning Clusters: the `kind: List`
// that `kubectl get clusters.provisioning.cattle.io -A -o yaml` prints, or a YAML stream such as
// `helm template` output of a cluster-templates chart. Every object is read by its own kind: each
// provisioning Cluster becomes a cluster of the plan (through the provisioning Cluster reader), and
// every other object is named in a warning as not read. (Cluster API streams are capi.ts's; a List
// of Nodes is kubectl-nodes.ts's.)
import { listNames } from '../words.ts';
import type { Format, ReaderOutput, SingleClusterOptions } from './format.ts';
import { InputError, type InputWarning } from './input-error.ts';
import { groupOf, isCollection, kindOf, objectsOf, type SourceObject } from './objects.ts';
import { distributionOfVersion, isProvisioningCluster, readProvisioningCluster } from './provisioning-cluster.ts';
import { isRecord, scalarText, singleClusterPlan, type ClusterInput } from './single-cluster.ts';
import type { ParsedText } from './text.ts';

function looksLikeManifests(doc: ParsedText): boolean {
  if (!isCollection(doc)) return false;
  const objects = objectsOf(doc);
  // Cluster API clusters are read by the capi format, with their control planes and deployments.
  if (objects.some((o) => groupOf(o.object) === 'cluster.x-k8s.io' && o.object.kind === 'Cluster')) return false;
  return objects.some((o) => isProvisioningCluster(o.object));
}

/** The object alone, as its own document: positions still point into the whole input. */
function subDocument(doc: ParsedText, at: SourceObject): ParsedText {
  return { data: at.object, locate: (path) => doc.locate([...at.path, ...path]), warnings: [], syntax: doc.syntax };
}

interface Read {
  cluster: ClusterInput;
  origin: (planPath: readonly PropertyKey[]) => readonly PropertyKey[];
}

/**
 * A provisioning Cluster whose machines Rancher does not build from pools (the local cluster, a
 * custom cluster: `rkeConfig` without machinePools) is still a cluster with a name and a version;
 * how many nodes it has is not in the object, so its counts are open rather than zero.
 */
function withoutPools(object: Record<string, unknown>, at: SourceObject, options: SingleClusterOptions): Read {
  const spec = isRecord(object.spec) ? object.spec : {};
  const version = scalarText(spec.kubernetesVersion);
  const name = scalarText(isRecord(object.metadata) ? object.metadata.name : undefined) ?? 'cluster';
  const cluster: ClusterInput = {
    name,
    distribution: options.distribution ?? distributionOfVersion(version) ?? 'rke2',
    nodes: [],
    nodesUnknown: ['spec.rkeConfig.machinePools (none: the machines join with a registration command)'],
  };
  if (distributionOfVersion(version) !== undefined) cluster.kubernetesVersion = version;
  return {
    cluster,
    origin: (planPath) =>
      planPath[2] === 'name' ? [...at.path, 'metadata', 'name'] : planPath[2] === 'kubernetesVersion' ? [...at.path, 'spec', 'kubernetesVersion'] : at.path,
  };
}

function readManifests(doc: ParsedText, options: SingleClusterOptions): ReaderOutput {
  const file = options.filename;
  const objects = objectsOf(doc);
  const warnings: InputWarning[] = [];
  const place = (path: readonly PropertyKey[]) => {
    const pos = doc.locate(path);
    return [file, pos?.line, pos?.col].filter((p) => p !== undefined).join(':');
  };
  const read: Read[] = [];
  const ignored: string[] = [];
  for (const at of objects) {
    if (!isProvisioningCluster(at.object)) {
      ignored.push(kindOf(at.object));
      continue;
    }
    const spec = isRecord(at.object.spec) ? at.object.spec : {};
    const rkeConfig = spec.rkeConfig;
    const name = JSON.stringify(scalarText(isRecord(at.object.metadata) ? at.object.metadata.name : undefined) ?? '(unnamed)');
    if (!isRecord(rkeConfig)) {
      // Registered and hosted clusters: Rancher does not build their nodes, and the object says nothing of them.
      warnings.push({
        place: place(at.path),
        message: `provisioning Cluster ${name} has no spec.rkeConfig (a registered or hosted cluster), so the plan cannot hold it; check it with kubectl get nodes -o json.`,
      });
      continue;
    }
    const pools = rkeConfig.machinePools;
    if (!Array.isArray(pools) || pools.length === 0) {
      read.push(withoutPools(at.object, at, options));
      warnings.push({
        place: place([...at.path, 'spec', 'rkeConfig']),
        message: `provisioning Cluster ${name} has no machine pools: its machines join with a registration command, so how many there are and their roles are not in the file. Read kubectl get nodes -o json from it to check them.`,
      });
      continue;
    }
    const output = readProvisioningCluster(subDocument(doc, at), { ...options, clusterName: undefined, as: undefined, rancherVersion: undefined });
    warnings.push(...(output.warnings ?? []));
    const cluster = output.plan.clusters?.[0];
    if (!cluster) continue;
    read.push({ cluster, origin: (planPath) => [...at.path, ...(output.origin?.(['clusters', 0, ...planPath.slice(2)]) ?? [])] });
  }
  if (read.length === 0) throw new InputError(warnings[0]?.message ?? 'no provisioning Cluster in this input is one the plan can hold.', { file });
  if (ignored.length > 0) {
    const counts = new Map<string, number>();
    for (const k of ignored) counts.set(k, (counts.get(k) ?? 0) + 1);
    warnings.push({
      place: file ?? '',
      message: `not read (only provisioning.cattle.io Clusters describe a cluster's machines here): ${listNames([...counts].map(([k, n]) => (n > 1 ? `${n} × ${JSON.stringify(k)}` : JSON.stringify(k))))}.`,
    });
  }
  const plan = singleClusterPlan(read[0]!.cluster, options);
  if (read.length > 1) plan.clusters = read.map((r) => r.cluster);
  return {
    plan,
    warnings,
    origin(path) {
      if (path[0] !== 'clusters' || typeof path[1] !== 'number') return [];
      return read[path[1]]?.origin(path) ?? [];
    },
  };
}

export const manifestsFormat: Format<'manifests'> = {
  id: 'manifests',
  label: "several Kubernetes objects holding Rancher's provisioning Clusters (a kind: List or a YAML stream)",
  multiDocument: true,
  detect: looksLikeManifests,
  read: readManifests,
};
