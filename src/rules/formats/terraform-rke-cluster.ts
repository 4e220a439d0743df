// rke_cluster (provider rancher/rke): `nodes` blocks as in a cluster.yml, named and lower-cased as
// rke names them, with the pod and service networks from services, external etcd or the snapshots
// of services.etcd.backup_config, and rke's refusal of a role it does not know as a finding.
import { docsPath } from '../guide-pages.ts';
import { rule as rkeConfigValid } from '../catalogue/rke-config-valid.ts';
import { splitCidrs } from '../cluster-networks.ts';
import { LIMITS } from '../limits.ts';
import { KUBERNETES_ROLES, type KubernetesRole } from '../vocabulary.ts';
import type { SingleClusterOptions } from './format.ts';
import type { Block } from './hcl.ts';
import { InputError } from './input-error.ts';
import { fromBackupConfig } from './etcd-snapshots.ts';
import type { ClusterInput, NodeInput, RefusedNode } from './single-cluster.ts';
import { evaluate, Unknown, type Value } from './terraform-eval.ts';
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

export function readRkeCluster(block: Block, ctx: Ctx, options: SingleClusterOptions): ClusterRead {
  const scope = ctx.instance.scope;
  const where = at(ctx, block.pos);
  const { name, at: nameAt } = clusterName(block, 'cluster_name', ctx, 'local'); // "local" is rke's own default
  const nodes: NodeInput[] = [];
  const unknown: string[] = [];
  const cluster: ClusterInput = { name, distribution: 'rke', nodes };
  const read: ClusterRead = { cluster, where, source: sourcePath(ctx, block), nameAt, nodes: [] };
  readVersion(block, ctx, read);
  const refusals: { nodes: RefusedNode[]; message: string }[] = [];
  const noAddress: string[] = [];
  blocksNamed(block, 'nodes').forEach((nodeBlock, b) => {
    const instances = instancesOf(nodeBlock, scope);
    if ('unknown' in instances) {
      unknown.push(instances.unknown);
      return;
    }
    for (const { body, scope: nodeScope } of instances) {
      if (nodes.length >= LIMITS.nodesPerCluster)
        throw new InputError(`more than ${LIMITS.nodesPerCluster.toLocaleString('en')} nodes in one cluster.`, { ...where });
      const address = value(body, 'address', nodeScope);
      const override = value(body, 'hostname_override', nodeScope);
      const known = (v: Value | undefined) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
      // rke names a node by hostname_override, else by its address, and lower-cases either.
      const nodeName = (known(override) ?? known(address) ?? `node-${nodes.length + 1}`).toLowerCase();
      if (address instanceof Unknown) noAddress.push(`${nodeName} (${shown(attr(body, 'address')!.value.text)})`);
      const roleAttr = attr(body, 'role');
      const rawRoles = roleAttr ? evaluate(roleAttr.value, nodeScope) : [];
      const roles: KubernetesRole[] = [];
      if (rawRoles instanceof Unknown) unknown.push(unresolved('role', roleAttr!.value, rawRoles));
      else
        for (const r of Array.isArray(rawRoles) ? rawRoles : [rawRoles]) {
          if (r instanceof Unknown) {
            unknown.push(unresolved('role', roleAttr!.value, r));
            continue;
          }
          const role = typeof r === 'string' ? r.trim() : r;
          if ((KUBERNETES_ROLES as readonly unknown[]).includes(role)) {
            if (!roles.includes(role as KubernetesRole)) roles.push(role as KubernetesRole);
          } else
            refusals.push({
              nodes: [{ name: nodeName, index: nodes.length }], // this node is pushed below
              message: `Node "${nodeName}" has the role ${shown(JSON.stringify(r))}, which rke does not know; it refuses the cluster. Use etcd, controlplane or worker.`,
            });
        }
      const addr = known(address);
      // An address only Terraform knows (a resource's IP) is not a missing one: say where it comes from.
      const from = address instanceof Unknown ? shown(attr(body, 'address')!.value.text) : undefined;
      nodes.push(addr ? { name: nodeName, address: addr, roles } : { name: nodeName, roles, ...(from ? { addressFrom: from } : {}) });
      const nameField = attr(body, known(override) ? 'hostname_override' : 'address');
      read.nodes.push({ where: at(ctx, nodeBlock.pos), nameAt: nameField ? at(ctx, nameField.pos) : undefined, source: [...read.source, 'nodes', b] });
    }
  });
  if (noAddress.length > 0)
    ctx.warnings.push({
      place: place(where),
      message: `cluster "${name}": ${noAddress.length === 1 ? 'one address is' : `${noAddress.length} addresses are`} only known when Terraform runs: ${noAddress.slice(0, 5).join(', ')}${noAddress.length > 5 ? ', …' : ''}. Checks that need addresses were not judged for them.`,
    });
  // rke reads the pod network on kube_controller and the service network on kube_api (or kube_controller).
  const services = block.body.blocks.find((b) => b.type === 'services');
  const service = (type: string) => services?.body.blocks.find((b) => b.type === type);
  for (const [field, places] of [
    ['podCidrs', [['kube_controller', 'cluster_cidr']]],
    [
      'serviceCidrs',
      [
        ['kube_api', 'service_cluster_ip_range'],
        ['kube_controller', 'service_cluster_ip_range'],
      ],
    ],
  ] as const)
    for (const [svc, key] of places) {
      const b = service(svc);
      const v = b ? value(b, key, scope) : undefined;
      if (typeof v !== 'string' || v.trim() === '') continue;
      cluster[field] = splitCidrs(v);
      break;
    }
  const etcd = service('etcd');
  const external = etcd ? value(etcd, 'external_urls', scope) : undefined;
  if (Array.isArray(external) && external.length > 0) cluster.datastore = 'external';
  else {
    // services.etcd.backup_config; without it rke's defaults apply (snapshots on, local only).
    const backup = etcd?.body.blocks.find((b) => b.type === 'backup_config');
    const backupValues = backup ? knownValues(backup, ['enabled', 'interval_hours', 'retention'], scope) : {};
    if (backupValues)
      cluster.etcdSnapshots = fromBackupConfig({
        backup_config: { ...backupValues, ...(blocksNamed(backup, 's3_backup_config').length > 0 ? { s3backupconfig: { bucket_name: 'stated' } } : {}) },
      });
  }
  if (unknown.length > 0) cluster.nodesUnknown = unknown.slice(0, 64);
  const clusterLabel = options.clusterName ?? name;
  ctx.findings.push(
    ...refusals.map((r) => ({
      rule: 'rke-config-valid' as const,
      severity: rkeConfigValid.severity,
      cluster: clusterLabel,
      nodes: r.nodes.map((n) => n.name),
      at: { cluster: ctx.cluster, nodes: r.nodes.map((n) => n.index) },
      message: r.message,
      docs: docsPath(rkeConfigValid.docs),
    })),
  );
  return read;
}
