// rancher2_cluster_v2 (provider rancher/rancher2): machine pools become <pool>-1 … <pool>-N, as in
// a provisioning Cluster; the distribution comes from kubernetes_version, the CNI and address
// ranges from machine_global_config, snapshots from rke_config.etcd, and the authorized endpoint
// from local_auth_endpoint.
import { splitCidrs } from '../cluster-networks.ts';
import { LIMITS } from '../limits.ts';
import { NETWORK_PLUGINS, type KubernetesRole, type NetworkPlugin } from '../vocabulary.ts';
import { parse as parseYaml } from 'yaml';
import type { SingleClusterOptions } from './format.ts';
import type { Block } from './hcl.ts';
import { InputError } from './input-error.ts';
import { fromRkeConfigEtcd } from './etcd-snapshots.ts';
import { distributionOfVersion } from './provisioning-cluster.ts';
import type { ClusterInput, NodeInput } from './single-cluster.ts';
import { evaluate, literalParts, Unknown, type Scope } from './terraform-eval.ts';
import { attr } from './terraform-modules.ts';
import {
  at,
  blocksNamed,
  clusterName,
  instancesOf,
  knownValues,
  place,
  readVersion,
  shown,
  sourcePath,
  unresolved,
  value,
  type ClusterRead,
  type Ctx,
} from './terraform-resource.ts';

const POOL_ROLES: readonly (readonly [string, KubernetesRole])[] = [
  ['etcd_role', 'etcd'],
  ['control_plane_role', 'controlplane'],
  ['worker_role', 'worker'],
];

export function readClusterV2(block: Block, ctx: Ctx, options: SingleClusterOptions): ClusterRead {
  const scope = ctx.instance.scope;
  const where = at(ctx, block.pos);
  const { name, at: nameAt } = clusterName(block, 'name', ctx, undefined);
  const unknown: string[] = [];
  const nodes: NodeInput[] = [];
  const cluster: ClusterInput = { name, distribution: 'rke2', nodes };
  const read: ClusterRead = { cluster, where, source: sourcePath(ctx, block), nameAt, nodes: [] };
  const version = readVersion(block, ctx, read);

  const rkeConfig = block.body.blocks.find((b) => b.type === 'rke_config');
  const poolBlocks = blocksNamed(rkeConfig, 'machine_pools');
  if (poolBlocks.length === 0) unknown.push('no machine_pools: a custom cluster, whose machines register themselves');
  const usedNames = new Set<string>();
  poolBlocks.forEach((poolBlock, p) => {
    const poolWhere = at(ctx, poolBlock.pos);
    const instances = instancesOf(poolBlock, scope);
    if ('unknown' in instances) {
      unknown.push(instances.unknown);
      return;
    }
    for (const { body, scope: poolScope } of instances) {
      const nameAttr = attr(body, 'name');
      const rawName = nameAttr ? evaluate(nameAttr.value, poolScope) : undefined;
      let poolName = typeof rawName === 'string' && rawName.trim() !== '' ? rawName.trim() : undefined;
      if (poolName === undefined) {
        // Keep what the files do say ("${local.cluster_name}-cp" → "cp"), else number the pool.
        const literal = nameAttr ? literalParts(nameAttr.value).replace(/^[-_.]+|[-_.]+$/g, '') : '';
        poolName = literal && !usedNames.has(literal) ? literal : `pool-${p + 1}`;
        ctx.warnings.push({
          place: place(nameAttr ? at(ctx, nameAttr.pos) : poolWhere),
          message: `machine pool name ${nameAttr ? `${shown(nameAttr.value.text)} is not known from these files` : 'is missing'}; its nodes are named ${poolName}-1, ${poolName}-2, ….`,
        });
      }
      usedNames.add(poolName);
      const roles: KubernetesRole[] = [];
      for (const [field, role] of POOL_ROLES) {
        const a = attr(body, field);
        const v = a ? evaluate(a.value, poolScope) : false;
        if (v === true) roles.push(role);
        else if (v instanceof Unknown && a) unknown.push(unresolved(field, a.value, v));
      }
      const qAttr = attr(body, 'quantity');
      const q = qAttr ? evaluate(qAttr.value, poolScope) : 1; // the provider's default quantity is 1
      if (q instanceof Unknown) {
        unknown.push(unresolved('quantity', qAttr!.value, q));
        continue;
      }
      if (typeof q !== 'number' || !Number.isInteger(q) || q < 0)
        throw new InputError(`quantity must be a whole number of machines, 0 or more (got ${shown(JSON.stringify(q))})`, {
          ...(qAttr ? at(ctx, qAttr.pos) : poolWhere),
        });
      if (nodes.length + q > LIMITS.nodesPerCluster)
        throw new InputError(`the machine pools add up to more than ${LIMITS.nodesPerCluster.toLocaleString('en')} machines; a cluster is limited to that.`, {
          ...(qAttr ? at(ctx, qAttr.pos) : poolWhere),
        });
      const nodeWhere = qAttr ? at(ctx, qAttr.pos) : poolWhere;
      for (let n = 1; n <= q; n++) {
        nodes.push({ name: `${poolName}-${n}`, pool: poolName, roles: [...roles] });
        read.nodes.push({
          where: nodeWhere,
          nameAt: nameAttr ? at(ctx, nameAttr.pos) : undefined,
          source: [...read.source, 'rke_config', 'machine_pools', p],
        });
      }
    }
  });

  cluster.distribution = options.distribution ?? distributionOfVersion(version) ?? 'rke2';
  if (options.distribution === undefined && distributionOfVersion(version) === undefined)
    ctx.warnings.push({
      place: place(read.versionAt ?? where),
      message: `kubernetes_version ${version === undefined ? 'is not known from these files' : `(${JSON.stringify(shown(version))}) names neither +rke2 nor +k3s`}, so cluster "${name}" was read as RKE2. Choose with --distribution k3s or --distribution rke2.`,
    });

  // rke_config.etcd as the provider writes it; without the block Rancher's and the distribution's defaults apply.
  const etcd = rkeConfig?.body.blocks.find((b) => b.type === 'etcd');
  const etcdValues = etcd ? knownValues(etcd, ['disable_snapshots', 'snapshot_schedule_cron', 'snapshot_retention'], scope) : {};
  if (rkeConfig && etcdValues)
    cluster.etcdSnapshots = fromRkeConfigEtcd({
      disableSnapshots: etcdValues.disable_snapshots,
      snapshotScheduleCron: etcdValues.snapshot_schedule_cron,
      snapshotRetention: etcdValues.snapshot_retention,
      s3: blocksNamed(etcd, 's3_config').length > 0 ? { bucket: 'stated' } : undefined,
    });
  readGlobalConfig(rkeConfig, scope, cluster);
  readAce(block, ctx, read);
  if (nodes.length > 0)
    ctx.warnings.push({
      place: place(where),
      message: `cluster "${name}": the machines' names and addresses are not in the files; the ${nodes.length.toLocaleString('en')} nodes are named after their machine pool (<pool>-1, <pool>-2, …).`,
    });
  if (unknown.length > 0) cluster.nodesUnknown = unknown.slice(0, 64);
  return read;
}

/**
 * machine_global_config: the YAML text of settings every node shares, as in a provisioning
 * Cluster's machineGlobalConfig: the CNI and the address ranges. Text the files leave open, or
 * that is not a YAML mapping, says nothing here.
 */
function readGlobalConfig(rkeConfig: Block | undefined, scope: Scope, cluster: ClusterInput): void {
  const text = rkeConfig ? value(rkeConfig, 'machine_global_config', scope) : undefined;
  if (typeof text !== 'string' || text.length > LIMITS.detailedYamlChars) return;
  let global: unknown;
  try {
    global = parseYaml(text, { maxAliasCount: 0 });
  } catch {
    return;
  }
  if (global === null || typeof global !== 'object' || Array.isArray(global)) return;
  const settings = global as Record<string, unknown>;
  const cni = typeof settings.cni === 'string' ? settings.cni.trim() : undefined;
  if (cni) cluster.network = (NETWORK_PLUGINS as readonly string[]).includes(cni) ? (cni as NetworkPlugin) : 'other';
  for (const [field, key] of [
    ['podCidrs', 'cluster-cidr'],
    ['serviceCidrs', 'service-cidr'],
  ] as const) {
    const range = settings[key];
    if (typeof range === 'string' && range.trim() !== '') cluster[field] = splitCidrs(range);
  }
}

function readAce(block: Block, ctx: Ctx, read: ClusterRead): void {
  const ace = block.body.blocks.find((b) => b.type === 'local_auth_endpoint');
  if (!ace) return;
  const scope = ctx.instance.scope;
  read.aceAt = at(ctx, ace.pos);
  const enabled = value(ace, 'enabled', scope) ?? false;
  if (enabled instanceof Unknown) {
    ctx.warnings.push({
      place: place(read.aceAt),
      message: `local_auth_endpoint: enabled = ${shown(attr(ace, 'enabled')!.value.text)} is not known from these files (${shown(enabled.why)}); the authorized cluster endpoint was not judged.`,
    });
    return;
  }
  if (enabled !== true) return;
  const rawFqdn = value(ace, 'fqdn', scope);
  const written = typeof rawFqdn === 'string' && rawFqdn.trim() !== '' ? rawFqdn.trim() : undefined;
  const fqdn = written?.replace(/:\d+$/, '');
  const port = written === undefined ? undefined : /:(\d+)$/.exec(written)?.[1];
  const caCerts = value(ace, 'ca_certs', scope);
  const ca = typeof caCerts === 'string' && caCerts.trim() !== '';
  const controlPlane = read.cluster.nodes!.filter((n) => n.roles?.includes('controlplane')).map((n) => n.name);
  read.cluster.authorizedEndpoint = { targets: fqdn ? controlPlane : [], privateCA: ca, caCertificate: ca };
  if (port !== undefined) read.cluster.authorizedEndpoint.port = Number(port);
  if (fqdn) read.cluster.authorizedEndpoint.fqdn = fqdn;
  if (rawFqdn instanceof Unknown)
    ctx.warnings.push({ place: place(read.aceAt), message: `local_auth_endpoint: fqdn is not known from these files (${shown(rawFqdn.why)}).` });
}
