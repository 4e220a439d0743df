// Moving off RKE: an RKE cluster of a plan → the RKE2 (or K3s) cluster that replaces it, the delta
// report (what changes, item by item, with sources) and the steps of the move. The target is a
// plan like any other, checked by the same rules; an error there is reported, never hidden.
import { checkPlan } from '../check.ts';
import { isRancherCluster } from '../cluster-facts.ts';
import { cronEvery } from '../formats/rke2-config.ts';
import { validatePlan } from '../formats/validate.ts';
import { poolsOf } from '../formats/rancher-cluster-writers.ts';
import { NEWEST_DATA_LINE } from '../kubernetes-versions.ts';
import type { Finding } from '../report.ts';
import type { Cluster, EtcdSnapshots, KubernetesRole, Plan, PlanInput } from '../vocabulary.ts';
import { deltaItems } from './delta.ts';
import type { DeltaItem } from './delta-item.ts';
import { targetKubernetesVersion, type TargetVersion } from './kubernetes.ts';
import { isServer, RKE2_CNI, targetLayout, type LayoutChange, type Target } from './layout.ts';
import { sourceFromPlan, type RkeSource } from './rke-source.ts';
import { migrationSteps, type Step } from './steps.ts';

export { TOPIC_LABEL, type DeltaItem } from './delta-item.ts';
export { sourceFromClusterYml, sourceFromPlan, type RkeSource } from './rke-source.ts';
export type { LayoutChange, Target } from './layout.ts';
export type { Step } from './steps.ts';

export const MIGRATION_TARGETS = ['rke2', 'k3s'] as const;

export interface MigrateOptions {
  to?: Target;
  /** The Rancher version the new cluster is planned for; default the plan's, else the newest line in the channel data. */
  rancherVersion?: string;
  /** Which RKE cluster of the plan; default the only one. */
  cluster?: string;
  /** The fixed registration address (load balancer, DNS name or virtual IP) nodes join through. */
  registrationAddress?: string;
  /** What the source file says beyond the plan (cluster.yml); default what the plan holds. */
  settings?: RkeSource;
}

export interface PoolSummary {
  name: string;
  roles: KubernetesRole[];
  count: number;
}

export interface Migration {
  to: Target;
  source: { cluster: string; nodes: number; from: RkeSource['from'] };
  /** The plan of the new cluster alone, validated. */
  target: Plan;
  summary: {
    cluster: string;
    rancherVersion: string;
    rancherVersionStated: boolean;
    servers: number;
    agents: number;
    pools: PoolSummary[];
    firstServer?: string;
    registration?: string;
    kubernetesVersion?: string;
    network?: string;
  };
  changes: LayoutChange[];
  items: DeltaItem[];
  steps: Step[];
  /** The target's findings at error and warning severity: errors mean the layout could not be carried cleanly. */
  findings: Finding[];
  version: TargetVersion;
}

/** The plan holds no RKE cluster to move, or not the one named. */
export class MigrateError extends Error {
  override name = 'MigrateError';
}

function pickRke(plan: Plan, name: string | undefined): Cluster {
  const rke = plan.clusters.filter((c) => c.distribution === 'rke');
  if (name !== undefined) {
    const found = plan.clusters.find((c) => c.name === name);
    if (found === undefined) throw new MigrateError(`the plan has no cluster named "${name}".`);
    if (found.distribution !== 'rke') throw new MigrateError(`cluster "${name}" is not RKE; migrate moves RKE clusters to RKE2 or K3s.`);
    return found;
  }
  if (rke.length === 1) return rke[0] as Cluster;
  if (rke.length === 0)
    throw new MigrateError(
      'the input holds no RKE cluster. migrate reads an RKE cluster.yml, Terraform with an rke_cluster, or a plan whose cluster has distribution: rke.',
    );
  throw new MigrateError(`the plan has ${rke.length} RKE clusters (${rke.map((c) => c.name).join(', ')}); choose one with --cluster NAME.`);
}

/** RKE's snapshots as RKE2 and K3s take them: hours become a cron schedule, and RKE's retention of 6 is kept. */
function targetSnapshots(source: EtcdSnapshots | undefined): EtcdSnapshots | undefined {
  if (source === undefined) return undefined;
  if (source.enabled === false) return { enabled: false };
  return {
    ...(source.intervalHours === undefined ? {} : { cron: cronEvery(source.intervalHours) }),
    // RKE keeps 6 unless told otherwise, RKE2 and K3s 5: the new cluster keeps what the old one did.
    retention: source.retention ?? 6,
    ...(source.offNode === undefined ? {} : { offNode: source.offNode }),
  };
}

export function migratePlan(plan: Plan, options: MigrateOptions = {}): Migration {
  const to = options.to ?? 'rke2';
  const source = pickRke(plan, options.cluster);
  const settings = options.settings ?? sourceFromPlan(source, 'plan');
  const rancherVersionStated = options.rancherVersion !== undefined || plan.rancher?.version !== undefined;
  const rancherVersion = options.rancherVersion ?? plan.rancher?.version ?? NEWEST_DATA_LINE;
  const registration = options.registrationAddress ?? (isRancherCluster(plan, source) ? source.loadBalancer?.address : undefined);
  const layout = targetLayout(plan, source, to, registration, settings.sans);
  const version = targetKubernetesVersion(settings.kubernetesVersion ?? source.kubernetesVersion, to, rancherVersion);

  const cluster = layout.cluster;
  if (version.version !== undefined) cluster.kubernetesVersion = version.version;
  const plugin = settings.networkPlugin ?? 'canal';
  if (to === 'rke2') cluster.network = RKE2_CNI.has(plugin) ? (plugin as Cluster['network']) : 'canal';
  else if (plugin === 'none') cluster.network = 'none';
  const snapshots = source.datastore === 'external' ? {} : targetSnapshots(source.etcdSnapshots);
  if (snapshots !== undefined) cluster.etcdSnapshots = snapshots;
  if (source.authorizedEndpoint !== undefined || settings.ace !== undefined) {
    const fqdn = source.authorizedEndpoint?.fqdn ?? settings.ace?.fqdn;
    const controlPlane = (cluster.nodes ?? []).filter((n) => n.roles?.includes('controlplane')).map((n) => n.name);
    cluster.authorizedEndpoint = { ...(fqdn === undefined ? {} : { fqdn }), targets: fqdn === undefined ? [] : controlPlane };
  }
  const runsRancher = isRancherCluster(plan, source);
  const input: PlanInput = {
    rancher: { ...(plan.rancher ?? { install: 'kubernetes' }), version: rancherVersion, ...(runsRancher ? { cluster: cluster.name } : {}) },
    clusters: [cluster],
  };
  if (!runsRancher && input.rancher) delete input.rancher.cluster;
  const target = validatePlan(input);
  const targetCluster = target.clusters[0] as Cluster;
  const findings = checkPlan(target).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');

  const servers = targetCluster.nodes.filter(isServer).length;
  const items = deltaItems({ plan, source, target, targetCluster, to, settings, version, registration, firstServer: layout.firstServer });
  return {
    to,
    source: { cluster: source.name, nodes: source.nodes.length, from: settings.from },
    target,
    summary: {
      cluster: targetCluster.name,
      rancherVersion,
      rancherVersionStated,
      servers,
      agents: targetCluster.nodes.length - servers,
      pools: poolsOf(targetCluster).map(({ name, roles, quantity }) => ({ name, roles, count: quantity })),
      ...(layout.firstServer === undefined ? {} : { firstServer: layout.firstServer }),
      ...(registration === undefined ? {} : { registration }),
      ...(targetCluster.kubernetesVersion === undefined ? {} : { kubernetesVersion: targetCluster.kubernetesVersion }),
      ...(targetCluster.network === undefined ? {} : { network: targetCluster.network }),
    },
    changes: layout.changes,
    items,
    steps: migrationSteps(to, runsRancher),
    findings,
    version,
  };
}
