// /etc/rancher/rke2/config.yaml: one RKE2 node's settings. Read: told apart from K3s by what only
// RKE2 has (rke2- components under disable, server: on port 9345, cni, profile…). Written: one
// file per node of an RKE2 cluster — the first server starts the cluster, the others join it
// through the fixed registration address on 9345 — built with the yaml Document API.
import { Document } from 'yaml';
import { checkPlan } from '../check.ts';
import { rancherCluster } from '../cluster-facts.ts';
import { isIPv4, isIPv6, parseRegistrationUrl } from '../identifiers.ts';
import type { Cluster, EtcdSnapshots, Plan, PlanNode } from '../vocabulary.ts';
import { ExportError, type Format, type WriteOptions } from './format.ts';
import { distributionFrom, looksLikeServerConfig, readServerConfig } from './server-config.ts';

/** Where RKE2 nodes register (the supervisor), per the RKE2 docs. */
export const RKE2_REGISTRATION_PORT = 9345;
/** What the file holds until someone puts the cluster's shared secret there. */
export const TOKEN_PLACEHOLDER = 'REPLACE-WITH-ONE-SHARED-SECRET';
/** What etcd-s3-bucket holds until someone names the bucket the snapshots go to. */
export const S3_BUCKET_PLACEHOLDER = 'REPLACE-WITH-BUCKET';
/** The taint RKE2's docs give for servers that should run no ordinary workloads. */
const NO_WORKLOADS_TAINT = 'CriticalAddonsOnly=true:NoExecute';
/** The plan rules whose errors mean RKE2 (or Kubernetes) would refuse the written files. */
const RKE2_REFUSES = new Set(['node-roles-present', 'node-name-dns1123', 'plan-node-unique', 'plan-role-distribution']);

/** What a node runs, from either way of describing it. */
interface NodeJob {
  unit: 'rke2-server' | 'rke2-agent';
  etcd: boolean;
  apiserver: boolean;
  workloads: boolean;
}

function jobOf(node: PlanNode): NodeJob {
  if (node.roles.includes('server')) return { unit: 'rke2-server', etcd: true, apiserver: true, workloads: true };
  if (node.roles.includes('agent')) return { unit: 'rke2-agent', etcd: false, apiserver: false, workloads: true };
  const etcd = node.roles.includes('etcd');
  const apiserver = node.roles.includes('controlplane');
  const workloads = node.roles.includes('worker');
  return { unit: etcd || apiserver ? 'rke2-server' : 'rke2-agent', etcd, apiserver, workloads };
}

/** One node's file. */
export interface Rke2NodeConfig {
  node: string;
  /** The systemd unit that reads it: RKE2 decides server or agent by the unit, not by the file. */
  unit: 'rke2-server' | 'rke2-agent';
  /** The server that starts the cluster (no server: line). */
  first: boolean;
  text: string;
}

const hostInUrl = (address: string) => (isIPv6(address) ? `[${address}]` : address);
/** The registration URL of an address on RKE2's supervisor port. */
const joinUrl = (address: string) => `https://${hostInUrl(address)}:${RKE2_REGISTRATION_PORT}`;
/** "10.0.0.10:9345" from a checked registration URL, for the file's comment. */
function hostPort(url: string): string {
  const parsed = parseRegistrationUrl(url);
  return parsed === undefined ? 'its registration address' : `${hostInUrl(parsed.host)}:${parsed.port ?? 443}`;
}

/** The RKE2 cluster to write: the one named, else the Rancher cluster if it is RKE2, else the only RKE2 cluster. */
function pickCluster(plan: Plan, name?: string): Cluster {
  if (name !== undefined) {
    const found = plan.clusters.find((c) => c.name === name);
    if (!found) throw new RangeError(`The plan has no cluster named "${name}".`);
    if (found.distribution !== 'rke2') throw new RangeError(`Cluster "${found.name}" is not RKE2; an RKE2 config.yaml describes RKE2 nodes only.`);
    return found;
  }
  const rancher = rancherCluster(plan);
  if (rancher?.distribution === 'rke2') return rancher;
  const rke2 = plan.clusters.filter((c) => c.distribution === 'rke2');
  if (rke2.length === 1) return rke2[0] as Cluster;
  throw new RangeError(rke2.length === 0 ? 'The plan has no RKE2 cluster.' : `The plan has ${rke2.length} RKE2 clusters; choose one.`);
}

/**
 * One RKE2 config.yaml per node of an RKE2 cluster (default: the Rancher cluster when it is RKE2).
 * The first node that runs etcd starts the cluster; every other node joins with
 * `server: https://<address>:9345` and the shared token (a placeholder). Servers list the load
 * balancer's address (or the first server's) under tls-san; split roles become disable-etcd or
 * disable-apiserver/-controller-manager/-scheduler, and servers without the worker role get the
 * CriticalAddonsOnly taint. Throws RangeError for a missing or non-RKE2 cluster, and ExportError
 * when RKE2 would refuse the files or a node has no address to join through.
 */
export function rke2Configs(plan: Plan, clusterName?: string): Rke2NodeConfig[] {
  const cluster = pickCluster(plan, clusterName);
  const what = `RKE2 config files for "${cluster.name}"`;
  const problems = checkPlan({ clusters: [cluster] })
    .findings.filter((f) => f.severity === 'error' && RKE2_REFUSES.has(f.rule))
    .map((f) => f.message);
  if (cluster.datastore === 'external' || cluster.datastore === 'sqlite')
    problems.push(
      `The cluster keeps its data in ${cluster.datastore === 'sqlite' ? 'SQLite' : 'an external datastore'}; rancher-arch writes RKE2 files for embedded etcd only.`,
    );
  if (cluster.nodes.length === 0) problems.push('The cluster has no nodes.');
  if (problems.length > 0) throw new ExportError(what, problems);

  const jobs = cluster.nodes.map((node) => ({ node, job: jobOf(node) }));
  // A node that states where it joins (server: in its own config file) keeps that address: it is
  // never turned into a first server, which would start a second, separate cluster.
  const stated = [...new Set(jobs.map(({ node }) => node.server).filter((u): u is string => u !== undefined))];
  // A dedicated control-plane node cannot start a cluster: the first server must hold etcd.
  const first = jobs.find(({ node, job }) => job.etcd && node.server === undefined);
  if (!first && stated.length === 0)
    throw new ExportError(what, ['No node runs etcd, so none can be the first server. Give at least one server the etcd role.']);

  const lb = cluster.loadBalancer;
  // The fixed registration address: the load balancer, when the plan gives its address and it
  // forwards 9345, else the one address the joining nodes of the plan already name. Full servers
  // join through it (or the first server); servers with split roles join through the first
  // server, which holds etcd, as the RKE2 docs show for control-plane nodes (a load balancer in
  // front of the API servers has no backend while they are still missing); agents need a server
  // that runs the API, so the load balancer or such a server.
  const lbUrl = lb?.address !== undefined && lb.ports.includes(RKE2_REGISTRATION_PORT) ? joinUrl(lb.address) : undefined;
  const fixedUrl = lbUrl ?? (stated.length === 1 ? stated[0] : undefined);
  const firstUrl = first?.node.address === undefined ? undefined : joinUrl(first.node.address);
  const apiNode = jobs.find(({ node, job }) => job.apiserver && node.address !== undefined)?.node.address;
  const apiUrl = apiNode === undefined ? undefined : joinUrl(apiNode);
  const joinVia = (node: PlanNode, job: NodeJob): string | undefined => {
    if (node.server !== undefined) return node.server;
    if (job.unit === 'rke2-agent') return fixedUrl ?? apiUrl;
    return job.etcd && job.apiserver ? (fixedUrl ?? firstUrl) : (firstUrl ?? fixedUrl);
  };
  const stranded = jobs.filter(({ node, job }) => node !== first?.node && joinVia(node, job) === undefined).map(({ node }) => node.name);
  if (stranded.length > 0)
    throw new ExportError(what, [
      `${stranded.join(', ')} cannot join: the plan gives no address to join through. Give the load balancer its address (loadBalancer.address, forwarding ${RKE2_REGISTRATION_PORT}), or the first server${first ? ` "${first.node.name}"` : ''} and the API servers theirs.`,
    ]);
  // The API certificate must be valid for the address clients and joining nodes use, and for
  // whatever the plan's servers already list.
  const fixedHost = lb?.address ?? (fixedUrl === undefined ? undefined : parseRegistrationUrl(fixedUrl)?.host);
  const sharedSan = fixedHost ?? (jobs.length > 1 ? first?.node.address : undefined);
  // Written even when it is RKE2's default (canal): the value must match on every server, and it
  // marks the file as RKE2's rather than K3s's.
  const network = cluster.network ?? 'canal';
  const cni = network === 'weave' || network === 'other' ? 'none' : network;

  return jobs.map(({ node, job }) => {
    const isFirst = node === first?.node;
    const via = joinVia(node, job) as string;
    const body: Record<string, unknown> = {};
    if (!isFirst) body.server = via;
    body.token = TOKEN_PLACEHOLDER;
    body['node-name'] = node.name;
    // node-ip takes an IP address; a DNS name stays out (RKE2 then finds the address itself).
    if (node.address !== undefined && (isIPv4(node.address) || isIPv6(node.address))) body['node-ip'] = node.address;
    if (job.unit === 'rke2-server') {
      const sans = [...new Set([...(sharedSan === undefined ? [] : [sharedSan]), ...(node.tlsSan ?? [])])];
      if (sans.length > 0) body['tls-san'] = sans;
      if (!job.etcd) body['disable-etcd'] = true;
      if (!job.apiserver) {
        body['disable-apiserver'] = true;
        body['disable-controller-manager'] = true;
        body['disable-scheduler'] = true;
      }
      if (!job.workloads) body['node-taint'] = [NO_WORKLOADS_TAINT];
      body.cni = cni;
      // Critical values: every server must carry the same ranges, or RKE2 refuses to join it.
      if (cluster.podCidrs !== undefined) body['cluster-cidr'] = cluster.podCidrs.join(',');
      if (cluster.serviceCidrs !== undefined) body['service-cidr'] = cluster.serviceCidrs.join(',');
      // Snapshots are taken on the servers that hold etcd: what the plan states, RKE2's defaults for the rest.
      if (job.etcd && cluster.etcdSnapshots !== undefined) Object.assign(body, snapshotKeys(cluster.etcdSnapshots));
    }
    const doc = new Document(body);
    doc.commentBefore = [
      ` /etc/rancher/rke2/config.yaml for "${node.name}" in cluster "${cluster.name}", written by rancher-arch.`,
      ` Start it with the ${job.unit} service (install with INSTALL_RKE2_TYPE=${job.unit === 'rke2-server' ? 'server' : 'agent'}).`,
      isFirst ? ' This is the first server: start it before every other node.' : ` Joins the cluster through ${hostPort(via)}.`,
      ` Replace ${TOKEN_PLACEHOLDER} with one secret, the same on every node.`,
      ...(job.etcd && cluster.etcdSnapshots?.offNode === 's3' && cluster.etcdSnapshots.enabled !== false
        ? [` Replace ${S3_BUCKET_PLACEHOLDER} and add the S3 endpoint and credentials (etcd-s3-endpoint, etcd-s3-access-key, etcd-s3-secret-key).`]
        : []),
    ].join('\n');
    return { node: node.name, unit: job.unit, first: isFirst, text: doc.toString({ lineWidth: 0 }) };
  });
}

/**
 * RKE2's snapshot keys for what the plan states. RKE1's interval in hours becomes the cron
 * schedule RKE2 takes; an S3 copy gets a placeholder bucket, as the plan holds none.
 */
function snapshotKeys(snapshots: EtcdSnapshots): Record<string, unknown> {
  const keys: Record<string, unknown> = {};
  if (snapshots.enabled === false) {
    keys['etcd-disable-snapshots'] = true;
    return keys;
  }
  const cron = snapshots.cron ?? (snapshots.intervalHours === undefined ? undefined : cronEvery(snapshots.intervalHours));
  if (cron !== undefined) keys['etcd-snapshot-schedule-cron'] = cron;
  if (snapshots.retention !== undefined) keys['etcd-snapshot-retention'] = snapshots.retention;
  if (snapshots.offNode === 's3') {
    keys['etcd-s3'] = true;
    keys['etcd-s3-bucket'] = S3_BUCKET_PLACEHOLDER;
  }
  return keys;
}

/** Every n hours as cron: within a day on the hour; a day or more as whole days at midnight. */
export function cronEvery(hours: number): string {
  if (hours < 24) return `0 */${hours} * * *`;
  const days = Math.max(1, Math.round(hours / 24));
  return days === 1 ? '0 0 * * *' : `0 0 */${days} * *`;
}

/** The config.yaml of one node (`options.node`; may be left out when the cluster has one node). */
export function toRke2Config(plan: Plan, options: WriteOptions = {}): string {
  const configs = rke2Configs(plan, options.cluster);
  const name = options.node ?? (configs.length === 1 ? configs[0]?.node : undefined);
  if (name === undefined) throw new RangeError(`The cluster has ${configs.length} nodes; choose one.`);
  const found = configs.find((c) => c.node === name);
  if (!found) throw new RangeError(`The cluster has no node named "${name}".`);
  return found.text;
}

export const rke2ConfigFormat: Format<'rke2-config'> = {
  id: 'rke2-config',
  label: 'an RKE2 config.yaml',
  detect: (doc) => looksLikeServerConfig(doc.data) && distributionFrom(doc.data as Record<string, unknown>) === 'rke2',
  read(doc, options) {
    return readServerConfig(doc, options, options.distribution ?? 'rke2', false);
  },
  write: toRke2Config,
};
