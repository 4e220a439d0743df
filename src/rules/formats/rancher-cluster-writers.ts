// An RKE2 or K3s cluster of a plan as Rancher builds it from machine pools, written two ways: a
// provisioning Cluster (provisioning.cattle.io/v1, YAML through the yaml Document API) and
// Terraform's rancher2_cluster_v2 (HCL, every string escaped for HCL). Nodes with the same pool
// (or, without one, the same roles) make one pool; the machines' own settings (cloud, size,
// credentials) are not in a plan, so each pool names a machine config to replace. Both read back
// through this project's readers into the same cluster: pools, roles, counts, version, CNI,
// address ranges, snapshots and the authorized endpoint.
import { Document } from 'yaml';
import { checkPlan } from '../check.ts';
import { usesServerRoles } from '../cluster-facts.ts';
import { KUBERNETES_ROLES, type Cluster, type KubernetesRole, type Plan } from '../vocabulary.ts';
import { ExportError } from './format.ts';
import { S3_BUCKET_PLACEHOLDER } from './rke2-config.ts';

/** What the machine config of each pool is called until someone names the real one (an Amazonec2Config, a VmwarevsphereConfig…). */
export const MACHINE_CONFIG_PLACEHOLDER = { kind: 'REPLACE-WITH-MACHINE-CONFIG-KIND', name: 'REPLACE-WITH-MACHINE-CONFIG-NAME' };
/** Rancher puts provisioned clusters in this namespace. */
const NAMESPACE = 'fleet-default';
/** The plan rules whose errors mean Rancher (or Kubernetes) would refuse the cluster. */
const REFUSED = new Set(['node-roles-present', 'plan-role-distribution']);

export interface Pool {
  name: string;
  roles: KubernetesRole[];
  quantity: number;
}

/** The cluster's machine pools: its nodes grouped by pool (or by roles), in the order they first appear. */
export function poolsOf(cluster: Cluster): Pool[] {
  const pools = new Map<string, Pool>();
  for (const node of cluster.nodes) {
    const roles = KUBERNETES_ROLES.filter((r) => node.roles.includes(r));
    const name = node.pool ?? (roles.join('-') || 'pool');
    const pool = pools.get(name) ?? { name, roles, quantity: 0 };
    pool.quantity++;
    pools.set(name, pool);
  }
  return [...pools.values()];
}

function pick(plan: Plan, name: string | undefined, what: string): Cluster {
  const found =
    name === undefined
      ? plan.clusters.length === 1
        ? plan.clusters[0]
        : plan.clusters.filter(usesServerRoles).length === 1
          ? plan.clusters.find(usesServerRoles)
          : undefined
      : plan.clusters.find((c) => c.name === name);
  if (found === undefined)
    throw new RangeError(name === undefined ? `The plan has ${plan.clusters.length} clusters; choose one.` : `The plan has no cluster named "${name}".`);
  if (!usesServerRoles(found)) throw new RangeError(`Cluster "${found.name}" is not RKE2 or K3s: Rancher builds machine pools with RKE2 or K3s only.`);
  const problems: string[] = checkPlan({ clusters: [found] })
    .findings.filter((f) => f.severity === 'error' && REFUSED.has(f.rule))
    .map((f) => f.message);
  if (found.nodes.length === 0) problems.push('The cluster has no nodes, so it has no machine pools.');
  if (found.nodes.some((n) => n.roles.includes('server') || n.roles.includes('agent')))
    problems.push('Its nodes are described as servers and agents; machine pools take the etcd, controlplane and worker roles.');
  if (found.datastore === 'external' || found.datastore === 'sqlite') problems.push('Rancher builds RKE2 and K3s clusters on embedded etcd only.');
  if (found.kubernetesVersion === undefined || !found.kubernetesVersion.toLowerCase().includes(`+${found.distribution}`))
    problems.push(
      `Rancher needs the ${found.distribution === 'rke2' ? 'RKE2' : 'K3s'} release to install (such as ${found.distribution === 'rke2' ? 'v1.31.1+rke2r1' : 'v1.31.1+k3s1'}); the cluster has ${found.kubernetesVersion === undefined ? 'none' : `"${found.kubernetesVersion}"`}.`,
    );
  if (problems.length > 0) throw new ExportError(`${what} for "${found.name}"`, problems);
  return found;
}

/** Settings every node shares (machineGlobalConfig / machine_global_config): the CNI (RKE2 only) and address ranges. */
function globalConfig(cluster: Cluster): Record<string, string> {
  const config: Record<string, string> = {};
  if (cluster.distribution === 'rke2' && cluster.network !== undefined)
    config.cni = cluster.network === 'weave' || cluster.network === 'other' ? 'none' : cluster.network;
  if (cluster.podCidrs !== undefined) config['cluster-cidr'] = cluster.podCidrs.join(',');
  if (cluster.serviceCidrs !== undefined) config['service-cidr'] = cluster.serviceCidrs.join(',');
  return config;
}

/** A provisioning Cluster for one RKE2 or K3s cluster of the plan. Throws RangeError or ExportError. */
export function toProvisioningCluster(plan: Plan, clusterName?: string): string {
  const cluster = pick(plan, clusterName, 'A provisioning Cluster');
  const rkeConfig: Record<string, unknown> = {};
  const global = globalConfig(cluster);
  if (Object.keys(global).length > 0) rkeConfig.machineGlobalConfig = global;
  const snapshots = cluster.etcdSnapshots;
  if (snapshots !== undefined) {
    const etcd: Record<string, unknown> = {};
    if (snapshots.enabled === false) etcd.disableSnapshots = true;
    if (snapshots.cron !== undefined) etcd.snapshotScheduleCron = snapshots.cron;
    if (snapshots.retention !== undefined) etcd.snapshotRetention = snapshots.retention;
    if (snapshots.offNode === 's3')
      etcd.s3 = { bucket: S3_BUCKET_PLACEHOLDER, endpoint: 's3.amazonaws.com', cloudCredentialName: 'REPLACE-WITH-CLOUD-CREDENTIAL' };
    if (Object.keys(etcd).length > 0) rkeConfig.etcd = etcd;
  }
  rkeConfig.machinePools = poolsOf(cluster).map((p) => ({
    name: p.name,
    quantity: p.quantity,
    etcdRole: p.roles.includes('etcd'),
    controlPlaneRole: p.roles.includes('controlplane'),
    workerRole: p.roles.includes('worker'),
    machineConfigRef: { ...MACHINE_CONFIG_PLACEHOLDER },
  }));
  const spec: Record<string, unknown> = { kubernetesVersion: cluster.kubernetesVersion };
  const ace = cluster.authorizedEndpoint;
  if (ace !== undefined)
    spec.localClusterAuthEndpoint = {
      enabled: true,
      ...(ace.fqdn === undefined ? {} : { fqdn: ace.port === undefined ? ace.fqdn : `${ace.fqdn}:${ace.port}` }),
    };
  spec.rkeConfig = rkeConfig;
  const doc = new Document({ apiVersion: 'provisioning.cattle.io/v1', kind: 'Cluster', metadata: { name: cluster.name, namespace: NAMESPACE }, spec });
  doc.commentBefore = [
    ` Provisioning Cluster for "${cluster.name}", written by rancher-arch.`,
    ` Replace ${MACHINE_CONFIG_PLACEHOLDER.kind} and ${MACHINE_CONFIG_PLACEHOLDER.name} in each machine pool with the machine config Rancher creates the machines from${snapshots?.offNode === 's3' ? ', and the S3 bucket and cloud credential' : ''}.`,
  ].join('\n');
  return doc.toString({ lineWidth: 0 });
}

/** A string as HCL writes it: JSON's escapes, plus $${ and %%{ so no template sequence is interpreted. */
export function hclString(text: string): string {
  return JSON.stringify(text).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

/** A Terraform resource name from a cluster name: letters, digits, "_" and "-", starting with a letter. */
function resourceName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_-]/g, '_');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `cluster_${cleaned}`;
}

/** Terraform's rancher2_cluster_v2 for one RKE2 or K3s cluster of the plan. Throws RangeError or ExportError. */
export function toClusterV2Hcl(plan: Plan, clusterName?: string): string {
  const cluster = pick(plan, clusterName, 'A rancher2_cluster_v2 resource');
  const lines: string[] = [
    `# rancher2_cluster_v2 for "${cluster.name}", written by rancher-arch.`,
    `# Replace ${MACHINE_CONFIG_PLACEHOLDER.kind} and ${MACHINE_CONFIG_PLACEHOLDER.name} in each machine pool with the machine config`,
    '# (a rancher2_machine_config_v2) Rancher creates the machines from.',
    `resource "rancher2_cluster_v2" ${hclString(resourceName(cluster.name))} {`,
    `  name               = ${hclString(cluster.name)}`,
    `  kubernetes_version = ${hclString(cluster.kubernetesVersion as string)}`,
  ];
  const ace = cluster.authorizedEndpoint;
  if (ace !== undefined) {
    lines.push('  local_auth_endpoint {', '    enabled = true');
    if (ace.fqdn !== undefined) lines.push(`    fqdn    = ${hclString(ace.port === undefined ? ace.fqdn : `${ace.fqdn}:${ace.port}`)}`);
    lines.push('  }');
  }
  lines.push('  rke_config {');
  const global = globalConfig(cluster);
  if (Object.keys(global).length > 0) {
    // The provider takes the shared settings as YAML text; yaml writes it, HCL escapes it.
    const yaml = new Document(global).toString({ lineWidth: 0 });
    lines.push(`    machine_global_config = ${hclString(yaml)}`);
  }
  for (const pool of poolsOf(cluster))
    lines.push(
      '    machine_pools {',
      `      name               = ${hclString(pool.name)}`,
      `      quantity           = ${pool.quantity}`,
      `      etcd_role          = ${pool.roles.includes('etcd')}`,
      `      control_plane_role = ${pool.roles.includes('controlplane')}`,
      `      worker_role        = ${pool.roles.includes('worker')}`,
      '      machine_config {',
      `        kind = ${hclString(MACHINE_CONFIG_PLACEHOLDER.kind)}`,
      `        name = ${hclString(MACHINE_CONFIG_PLACEHOLDER.name)}`,
      '      }',
      '    }',
    );
  const snapshots = cluster.etcdSnapshots;
  if (snapshots !== undefined) {
    const etcd: string[] = [];
    if (snapshots.enabled === false) etcd.push('      disable_snapshots      = true');
    if (snapshots.cron !== undefined) etcd.push(`      snapshot_schedule_cron = ${hclString(snapshots.cron)}`);
    if (snapshots.retention !== undefined) etcd.push(`      snapshot_retention     = ${snapshots.retention}`);
    if (snapshots.offNode === 's3')
      etcd.push(
        '      s3_config {',
        `        bucket   = ${hclString(S3_BUCKET_PLACEHOLDER)}`,
        `        endpoint = ${hclString('s3.amazonaws.com')}`,
        '      }',
      );
    if (etcd.length > 0) lines.push('    etcd {', ...etcd, '    }');
  }
  lines.push('  }', '}');
  return `${lines.join('\n')}\n`;
}
