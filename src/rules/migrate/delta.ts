// The delta report: everything that changes when an RKE cluster is rebuilt as RKE2 or K3s, item
// by item, each with the documents it rests on. An item with no source says so ("not documented"):
// the report never invents an equivalent, and nothing in the source is dropped without a line.
import { portMatrix, type PortMatrix } from '../ports/matrix.ts';
import { portSources, type PortSourceId } from '../ports/tables.ts';
import type { Cluster, Plan } from '../vocabulary.ts';
import { listNames } from '../words.ts';
import type { TargetVersion } from './kubernetes.ts';
import { REGISTRATION_PORTS, type Target } from './layout.ts';
import type { RkeSource } from './rke-source.ts';
import type { Source } from '../sources.ts';
import { cite } from './sources.ts';

export type DeltaTopic =
  | 'source'
  | 'ports'
  | 'load-balancer'
  | 'runtime'
  | 'cni'
  | 'kubernetes'
  | 'ace'
  | 'ingress'
  | 'registries'
  | 'snapshots'
  | 'extra-args'
  | 'node-settings'
  | 'not-carried';

/** What the item asks of the operator: open or close a port, something that changes, is kept, or has to be done by hand. */
export type DeltaChange = 'open' | 'close' | 'change' | 'keep' | 'by-hand' | 'not-carried';

export interface DeltaItem {
  topic: DeltaTopic;
  change: DeltaChange;
  text: string;
  /** Empty: not documented in the sources this project rests on. */
  sources: Source[];
}

export const TOPIC_LABEL: Record<DeltaTopic, string> = {
  source: 'What was read',
  ports: 'Ports',
  'load-balancer': 'Load balancer',
  runtime: 'Container runtime',
  cni: 'Network plugin (CNI)',
  kubernetes: 'Kubernetes version',
  ace: 'Authorized cluster endpoint',
  ingress: 'Ingress controller',
  registries: 'Private registries',
  snapshots: 'etcd snapshots',
  'extra-args': 'Services’ extra_args and settings',
  'node-settings': 'Node settings',
  'not-carried': 'Not carried',
};

export interface DeltaInput {
  plan: Plan;
  source: Cluster;
  target: Plan;
  targetCluster: Cluster;
  to: Target;
  settings: RkeSource;
  version: TargetVersion;
  registration: string | undefined;
  firstServer: string | undefined;
}

const RKE2_ARG_KEY: Record<string, string> = {
  'kube-api': 'kube-apiserver-arg',
  'kube-controller': 'kube-controller-manager-arg',
  scheduler: 'kube-scheduler-arg',
  kubelet: 'kubelet-arg',
  kubeproxy: 'kube-proxy-arg',
  etcd: 'etcd-arg',
};

export function deltaItems(input: DeltaInput): DeltaItem[] {
  return [
    ...sourceItems(input),
    ...portItems(input),
    ...loadBalancerItems(input),
    ...runtimeItems(input),
    ...cniItems(input),
    kubernetesItem(input),
    ...aceItems(input),
    ...ingressItems(input),
    ...registryItems(input),
    ...snapshotItems(input),
    ...extraArgItems(input),
    ...nodeItems(input),
    ...notCarriedItems(input),
  ];
}

const product = (to: Target) => (to === 'rke2' ? 'RKE2' : 'K3s');

function sourceItems({ settings }: DeltaInput): DeltaItem[] {
  if (settings.from === 'cluster-yml') return [];
  const what =
    settings.from === 'terraform'
      ? "Terraform's rke_cluster was read for its nodes, roles, address ranges, version and snapshots only"
      : 'A plan holds nodes, roles, address ranges, version and snapshots only';
  return [
    {
      topic: 'source',
      change: 'by-hand',
      text: `${what}: its network, ingress, private registries, authentication SANs and services' extra_args were not examined. Compare them with this list by hand, or run migrate on the cluster.yml.`,
      sources: [],
    },
  ];
}

// ---- ports -------------------------------------------------------------------------------------

interface PortUse {
  protocol: string;
  /** The ports the rule covers, each one (a NodePort range is 2,768 numbers, small enough). */
  ports: Set<number>;
  /** ICMP and "any" rules have no port: compared by protocol alone. */
  portless: boolean;
  kinds: Set<string>;
  why: string;
  source: PortSourceId;
  optional?: string;
}

/** The inbound rules of one cluster's matrix, one per rule id (loopback-only and our own rules left out). */
function rulesOf(matrix: PortMatrix, cluster: string): PortUse[] {
  const found = new Map<string, PortUse>();
  for (const node of matrix.clusters.find((c) => c.name === cluster)?.nodes ?? [])
    for (const rule of node.rules) {
      if (rule.local || rule.ours) continue;
      const key = `${rule.id}/${rule.protocol}/${rule.ports}`;
      let use = found.get(key);
      if (use === undefined) {
        const ports = new Set<number>();
        if (rule.range) for (let p = rule.range[0]; p <= rule.range[1]; p++) ports.add(p);
        use = {
          protocol: rule.protocol,
          ports,
          portless: rule.range === undefined,
          kinds: new Set(),
          why: rule.why,
          source: rule.source,
          ...(rule.optional ? { optional: rule.optional } : {}),
        };
        found.set(key, use);
      }
      use.kinds.add(node.kind);
    }
  return [...found.values()];
}

/** 2379, 2381, 8472 → "2379, 2381"; consecutive numbers become ranges. */
function rangesOf(ports: readonly number[]): string {
  const sorted = [...ports].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** For each rule of `side`, the ports no rule of `other` covers (same protocol). */
function uncovered(side: readonly PortUse[], other: readonly PortUse[]): { use: PortUse; label: string }[] {
  const covered = new Map<string, Set<number>>();
  const portless = new Set<string>();
  for (const o of other) {
    if (o.portless) portless.add(o.protocol);
    const set = covered.get(o.protocol) ?? new Set<number>();
    for (const p of o.ports) set.add(p);
    covered.set(o.protocol, set);
  }
  const out: { use: PortUse; label: string }[] = [];
  for (const use of side) {
    if (use.portless) {
      if (!portless.has(use.protocol)) out.push({ use, label: use.protocol.toUpperCase() });
      continue;
    }
    const left = [...use.ports].filter((p) => !covered.get(use.protocol)?.has(p));
    if (left.length > 0) out.push({ use, label: `${rangesOf(left)}/${use.protocol}` });
  }
  const first = (x: { use: PortUse }) => Math.min(...x.use.ports);
  return out.sort((a, b) => first(a) - first(b));
}

/** Ports the ingress controller binds on the nodes that run it; no port table lists them for downstream RKE2 nodes. */
const INGRESS_PORTS = new Set([80, 443]);

/**
 * The cluster with at most three nodes of each role set: which ports a node needs follows from its
 * roles and its cluster, not from how many nodes share them, and the matrix of a 5,000-node
 * cluster takes seconds to build. Three keep every "two or more servers" condition as it was.
 */
function representative(cluster: Cluster): Cluster {
  const seen = new Map<string, number>();
  const nodes = cluster.nodes.filter((n) => {
    const key = [...n.roles].sort().join('+');
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count <= 3;
  });
  return nodes.length === cluster.nodes.length ? cluster : { ...cluster, nodes };
}

function portItems({ plan, source, target, targetCluster, to, settings }: DeltaInput): DeltaItem[] {
  const before = rulesOf(portMatrix({ ...plan, clusters: [representative(source)] }), source.name);
  const after = rulesOf(portMatrix({ ...target, clusters: [representative(targetCluster)] }), targetCluster.name);
  const kinds = (use: PortUse) => [...use.kinds].join(', ');
  const optional = (use: PortUse) => (use.optional ? ` (${use.optional})` : '');
  const items: DeltaItem[] = uncovered(after, before).map(({ use, label }) => ({
    topic: 'ports',
    change: 'open',
    text: `Open ${label} on ${kinds(use)}: ${use.why}${optional(use)}`,
    sources: [...portSources(use.source)],
  }));
  const ingress = settings.ingressProvider !== 'none';
  for (const { use, label } of uncovered(before, after)) {
    if (ingress && !use.portless && [...use.ports].every((p) => INGRESS_PORTS.has(p))) {
      items.push({
        topic: 'ports',
        change: 'keep',
        text: `Keep ${label} open on the nodes that run the ingress controller: ${to === 'rke2' ? 'RKE2 deploys one that binds 80 and 443' : 'K3s bundles one'}, though the downstream port tables do not list it.`,
        sources: to === 'rke2' ? cite('rke2Networking') : [],
      });
      continue;
    }
    items.push({
      topic: 'ports',
      change: 'close',
      text: `Close ${label}: RKE's table listed it on ${kinds(use)} (${use.why.replace(/\.$/, '')})${optional(use)}, and ${to === 'rke2' ? 'RKE2' : 'K3s'}'s does not. Keep it only if something of your own still uses it.`,
      sources: [...portSources(use.source)],
    });
  }
  return items;
}

// ---- load balancer -------------------------------------------------------------------------------

function loadBalancerItems({ to, registration, targetCluster, firstServer }: DeltaInput): DeltaItem[] {
  const ports = REGISTRATION_PORTS[to];
  const servers = targetCluster.nodes.filter((n) => n.roles.includes('etcd') || n.roles.includes('controlplane')).map((n) => n.name);
  const listen = ports.map((p) => `${p}/tcp`).join(' and ');
  if (registration !== undefined)
    return [
      {
        topic: 'load-balancer',
        change: 'open',
        text: `The fixed registration address ${registration} listens on ${listen} (layer 4) and forwards to the servers ${listNames(servers)}${to === 'rke2' ? '; health-check 6443 as well as 9345, since a server opens 9345 before it can serve joins' : ''}. Add servers to it only once they have joined.`,
        sources: cite('rke2Ha'),
      },
    ];
  return [
    {
      topic: 'load-balancer',
      change: 'by-hand',
      text: `No fixed registration address is known (give one with --registration-address). The config files join the first server${firstServer ? ` "${firstServer}"` : ''} directly, and Rancher joins its machines to the first server itself; for a cluster that survives losing that server, put a layer-4 load balancer, DNS name or virtual IP on ${listen} in front of the servers.`,
      sources: cite('rke2Ha'),
    },
  ];
}

// ---- runtime -------------------------------------------------------------------------------------

function runtimeItems({ settings, to }: DeltaInput): DeltaItem[] {
  const extras: string[] = [];
  if (settings.nodeSettings.dockerSocket > 0)
    extras.push(`docker_socket on ${settings.nodeSettings.dockerSocket} node${settings.nodeSettings.dockerSocket === 1 ? '' : 's'} has no meaning there`);
  return [
    {
      topic: 'runtime',
      change: 'change',
      text: `Docker → containerd, embedded in ${product(to)}: the control plane runs as static pods under the kubelet, images are pulled by containerd into its own store, and docker commands on the nodes give way to crictl and kubectl. Docker need not be installed on the new nodes${extras.length ? `; ${extras.join('; ')}` : ''}.`,
      sources: cite('rke1VsRke2'),
    },
  ];
}

// ---- CNI ---------------------------------------------------------------------------------------

/** The RKE2 cni value for an RKE network plugin, where one exists. */
const RKE2_CNI = new Set(['canal', 'calico', 'flannel', 'cilium', 'none']);

function cniItems({ settings, to, targetCluster }: DeltaInput): DeltaItem[] {
  const stated = settings.networkPlugin;
  const plugin = stated ?? 'canal';
  const from = stated === undefined ? 'RKE’s default, canal' : `${plugin}`;
  const items: DeltaItem[] = [];
  if (to === 'k3s')
    items.push({
      topic: 'cni',
      change: plugin === 'flannel' || plugin === 'none' ? 'keep' : 'change',
      text: `${from} → ${targetCluster.network === 'none' ? 'none (bring your own CNI, as before)' : 'flannel, built into K3s'}. K3s has no cni setting: ${plugin === 'canal' || plugin === 'calico' ? `${plugin}'s network policies need a plugin installed after flannel is turned off` : 'nothing to set'}.`,
      sources: [],
    });
  else if (RKE2_CNI.has(plugin))
    items.push({
      topic: 'cni',
      change: 'keep',
      text: `${from} → cni: ${plugin}. Written explicitly: standalone RKE2 defaults to canal, but Rancher-provisioned RKE2 defaults to calico, and the CNI cannot be changed after the cluster starts.`,
      sources: cite('rkeDefaults', 'rke2ServerConfig', 'rancherPlanner', 'rancherRke2Config'),
    });
  else
    items.push({
      topic: 'cni',
      change: 'not-carried',
      text: `${plugin} has no RKE2 equivalent (cni takes canal, calico, cilium, flannel or none); the plan takes canal, RKE’s own default. Choose before the cluster starts: the CNI cannot be changed later.`,
      sources: cite('rke2ServerConfig', 'rancherRke2Config'),
    });
  if (settings.networkOptions.length > 0)
    items.push({
      topic: 'cni',
      change: 'by-hand',
      text: `network.options (${settings.networkOptions.join(', ')}) are RKE’s own keys; how each maps to ${product(to)}'s network plugin settings is not documented. Set them on the new cluster by hand.`,
      sources: [],
    });
  return items;
}

// ---- Kubernetes --------------------------------------------------------------------------------

function kubernetesItem({ settings, version, to }: DeltaInput): DeltaItem {
  const from = settings.kubernetesVersion === undefined ? 'not stated (RKE’s default for its release)' : settings.kubernetesVersion;
  return {
    topic: 'kubernetes',
    change: version.version === undefined ? 'by-hand' : 'change',
    text: `${from} → ${version.version ?? `no ${product(to)} release chosen`}. ${version.why}`,
    sources: cite('kdm'),
  };
}

// ---- ACE ---------------------------------------------------------------------------------------

function aceItems({ settings, to }: DeltaInput): DeltaItem[] {
  if (settings.ace === undefined)
    return settings.from === 'cluster-yml'
      ? [
          {
            topic: 'ace',
            change: 'by-hand',
            text: `The cluster.yml does not say whether the authorized cluster endpoint is on (Rancher keeps that setting); if it is on for the RKE cluster, turn it on for the new one: Terraform's local_auth_endpoint is off unless enabled.`,
            sources: cite('tfClusterV2', 'rancherRke2Config'),
          },
        ]
      : [];
  return [
    {
      topic: 'ace',
      change: 'change',
      text: `The source has the authorized cluster endpoint on${settings.ace.fqdn ? ` (${settings.ace.fqdn})` : ''}. On ${product(to)} clusters Terraform's local_auth_endpoint is off unless enabled (the Rancher docs call it on by default in the UI): the provisioning Cluster and Terraform written here turn it on. Kubeconfigs with the old contexts stop working with the old cluster.`,
      sources: cite('tfClusterV2', 'rancherRke2Config', 'rancherPlanner'),
    },
  ];
}

// ---- ingress -----------------------------------------------------------------------------------

function ingressItems({ settings, to, version }: DeltaInput): DeltaItem[] {
  const provider = settings.ingressProvider ?? 'nginx';
  const from = settings.ingressProvider === undefined ? 'RKE’s default, nginx' : provider;
  const minor = version.version === undefined ? undefined : /^v?1\.(\d+)/.exec(version.version)?.[1];
  const items: DeltaItem[] = [];
  if (to === 'k3s')
    items.push({
      topic: 'ingress',
      change: 'change',
      text: `${from} → K3s’s bundled ingress controller (Traefik); ingress-nginx is not bundled.`,
      sources: [],
    });
  else if (provider === 'none') items.push({ topic: 'ingress', change: 'keep', text: `none → ingress-controller: none.`, sources: cite('rke2ServerConfig') });
  else {
    const traefik = minor !== undefined && Number(minor) >= 36;
    items.push({
      topic: 'ingress',
      change: traefik ? 'change' : 'keep',
      text: traefik
        ? `${from} → Traefik: from RKE2 v1.36 new clusters get Traefik by default, and the ingress-nginx chart leaves community releases in v1.37. Ingress resources written for nginx (annotations, class) need review; set ingress-controller: ingress-nginx while it is still offered.`
        : `${from} → rke2-ingress-nginx, which RKE2 deploys by default on ports 80 and 443. From RKE2 v1.36 new clusters get Traefik instead, so plan that move: annotations and ingress classes written for nginx need review.`,
      sources: cite('rke2Networking', 'rke2V136', 'rke2IngressMigration'),
    });
  }
  if (settings.ingressSettings.length > 0)
    items.push({
      topic: 'ingress',
      change: 'by-hand',
      text: `ingress ${settings.ingressSettings.join(', ')}: how RKE’s ingress settings map onto ${product(to)}'s ingress chart is not documented; set them on the new cluster by hand.`,
      sources: [],
    });
  return items;
}

// ---- registries --------------------------------------------------------------------------------

function registryItems({ settings }: DeltaInput): DeltaItem[] {
  return settings.registries.map((r) => ({
    topic: 'registries' as const,
    change: 'change' as const,
    text: `${r.url} → /etc/rancher/rke2/registries.yaml (spec.rkeConfig.registries in Rancher)${r.credentials ? ', its credentials under configs (not repeated here)' : ''}${r.isDefault ? '; it was the default registry, so it becomes system-default-registry, which Rancher sets on the servers' : ''}.`,
    sources: cite('rke2ServerConfig', 'rancherPlanner'),
  }));
}

// ---- snapshots ---------------------------------------------------------------------------------

function snapshotItems({ source, targetCluster, settings }: DeltaInput): DeltaItem[] {
  const from = source.etcdSnapshots;
  const to = targetCluster.etcdSnapshots;
  if (source.datastore === 'external' || to === undefined) return [];
  const items: DeltaItem[] = [];
  const snapshotSources = cite('rke2ServerConfig', 'rke2Backup', 'rkeDefaults');
  if (to.enabled === false)
    items.push({ topic: 'snapshots', change: 'keep', text: 'backup_config.enabled: false → etcd-disable-snapshots: true.', sources: snapshotSources });
  else {
    const interval = from?.intervalHours;
    items.push({
      topic: 'snapshots',
      change: 'change',
      text:
        interval === undefined
          ? `Every 12 hours (RKE’s default) → etcd-snapshot-schedule-cron: "0 */12 * * *" (RKE2’s default).`
          : `interval_hours: ${interval} → etcd-snapshot-schedule-cron: "${to.cron ?? ''}".`,
      sources: snapshotSources,
    });
    items.push({
      topic: 'snapshots',
      change: 'change',
      text:
        from?.retention === undefined
          ? `Keep 6 (RKE’s default) → etcd-snapshot-retention: ${to.retention ?? 6}, written because RKE2 keeps 5 by default.`
          : `retention: ${from.retention} → etcd-snapshot-retention: ${to.retention ?? from.retention}.`,
      sources: snapshotSources,
    });
  }
  if (settings.s3 !== undefined) {
    const values = (
      [
        ['bucket_name', 'etcd-s3-bucket', settings.s3.bucket],
        ['endpoint', 'etcd-s3-endpoint', settings.s3.endpoint],
        ['region', 'etcd-s3-region', settings.s3.region],
        ['folder', 'etcd-s3-folder', settings.s3.folder],
      ] as const
    )
      .filter(([, , v]) => v !== undefined)
      .map(([rke, rke2, v]) => `${rke} → ${rke2}: ${v}`);
    items.push({
      topic: 'snapshots',
      change: 'change',
      text: `s3backupconfig → etcd-s3: true with ${values.join(', ')}; access_key and secret_key → etcd-s3-access-key and etcd-s3-secret-key${settings.s3.customCa ? '; custom_ca → etcd-s3-endpoint-ca' : ''} (in Rancher: spec.rkeConfig.etcd.s3 with a cloud credential). The files written here hold a placeholder bucket to replace.`,
      sources: cite('rke2ServerConfig', 'rke2Backup'),
    });
  } else if (from?.offNode === 's3')
    items.push({
      topic: 'snapshots',
      change: 'by-hand',
      text: 'The source copies snapshots to S3: set etcd-s3 and its bucket, endpoint and credentials on the servers.',
      sources: cite('rke2ServerConfig'),
    });
  if (settings.legacySnapshot !== undefined)
    items.push({
      topic: 'snapshots',
      change: 'by-hand',
      text: `services.etcd ${Object.entries(settings.legacySnapshot)
        .map(([k, v]) => `${k}: ${v ?? '(not shown)'}`)
        .join(
          ', ',
        )} are RKE’s older snapshot keys (before backup_config); how they map to RKE2 is not documented. Set etcd-snapshot-schedule-cron and etcd-snapshot-retention to the schedule you want.`,
      sources: [],
    });
  return items;
}

// ---- services ----------------------------------------------------------------------------------

function extraArgItems({ settings, to }: DeltaInput): DeltaItem[] {
  const items: DeltaItem[] = [];
  for (const arg of settings.extraArgs) {
    const key = RKE2_ARG_KEY[arg.service];
    const written = `${arg.flag}=${arg.value ?? '(value not shown)'}`;
    if (key === undefined)
      items.push({
        topic: 'extra-args',
        change: 'not-carried',
        text: `services.${arg.service}.extra_args ${arg.flag}: rke has no service of that name, so the flag reached nothing; not carried.`,
        sources: [],
      });
    else
      items.push({
        topic: 'extra-args',
        change: 'change',
        text: `services.${arg.service}.extra_args ${arg.flag} → ${key}: ["${written}"]${arg.service === 'kubelet' || arg.service === 'kubeproxy' ? ' on every node' : ' on the servers'} (machineGlobalConfig or machineSelectorConfig in Rancher). ${product(to)} may set the flag itself: check it is still wanted.`,
        sources: cite('rke2ServerConfig', 'rancherRke2Config'),
      });
  }
  for (const k of settings.serviceKeys) {
    const key =
      k.service === 'kubelet' ? ({ cluster_domain: 'cluster-domain', cluster_dns_server: 'cluster-dns' } as Record<string, string>)[k.key] : undefined;
    items.push({
      topic: 'extra-args',
      change: 'change',
      text: `services.${k.service}.${k.key} → ${key ?? 'no key'}: ${k.value ?? '(value not shown)'}; it must be the same on every server.`,
      sources: cite('rke2ServerConfig', 'rke2Ha'),
    });
  }
  for (const e of settings.serviceExtras)
    items.push({
      topic: 'extra-args',
      change: 'by-hand',
      text: `services.${e.service}.${e.key}: no ${product(to)} key for it in the sources this report rests on (not documented); carry it by hand if it is still needed.`,
      sources: [],
    });
  return items;
}

// ---- nodes -------------------------------------------------------------------------------------

function nodeItems({ settings }: DeltaInput): DeltaItem[] {
  const n = settings.nodeSettings;
  const items: DeltaItem[] = [
    {
      topic: 'node-settings',
      change: 'change',
      text: 'hostname_override → node-name; address → node-external-ip and internal_address → node-ip (Rancher also uses the internal address for advertise-address on servers when the two differ).',
      sources: cite('rke2ServerConfig', 'rancherPlanner'),
    },
  ];
  if (settings.sans.length > 0)
    items.push({
      topic: 'node-settings',
      change: 'keep',
      text: `authentication.sans (${settings.sans.join(', ')}) → tls-san on every server, beside the fixed registration address.`,
      sources: cite('rke2ServerConfig', 'rke2Ha'),
    });
  if (settings.unusableSans.length > 0)
    items.push({
      topic: 'node-settings',
      change: 'not-carried',
      text: `authentication.sans ${settings.unusableSans.map((s) => JSON.stringify(s)).join(', ')}: not an address or DNS name, not carried into tls-san.`,
      sources: [],
    });
  if (n.labels > 0 || n.taints > 0)
    items.push({
      topic: 'node-settings',
      change: 'change',
      text: `Node labels (${n.labels} node${n.labels === 1 ? '' : 's'}) and taints (${n.taints}) → node-label and node-taint on those nodes (labels and taints on the machine pool in Rancher).`,
      sources: cite('rke2ServerConfig', 'tfClusterV2'),
    });
  if (n.ssh > 0)
    items.push({
      topic: 'node-settings',
      change: 'not-carried',
      text: `SSH settings (user, port, keys on ${n.ssh} node${n.ssh === 1 ? '' : 's'}): RKE2 is installed on each node itself, so nothing reads them; not carried.`,
      sources: [],
    });
  return items;
}

// ---- what cannot be carried --------------------------------------------------------------------

const UNCARRIED_NOTE: Record<string, string> = {
  addons: 'manifests rke applied: apply them to the new cluster yourself (or with Fleet)',
  addons_include: 'manifests rke applied: apply them to the new cluster yourself (or with Fleet)',
  system_images: 'RKE2 ships its own images; a mirror goes through system-default-registry and registries.yaml',
  bastion_host: 'an SSH jump host for rke; RKE2 is installed on each node',
};

function notCarriedItems({ settings }: DeltaInput): DeltaItem[] {
  return settings.uncarried.map((key) => ({
    topic: 'not-carried' as const,
    change: 'not-carried' as const,
    text: `${key}: ${UNCARRIED_NOTE[key] ?? 'no equivalent in the sources this report rests on (not documented); carry it by hand if it is still needed'}.`,
    sources: key === 'system_images' ? cite('rke2ServerConfig') : [],
  }));
}
