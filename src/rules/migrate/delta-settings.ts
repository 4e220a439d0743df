// The cluster.yml's settings beyond the plan, in the delta report: whether they were read at all,
// then each one's new home (private registries, services' extra_args and keys, node settings),
// and a line for every key that has none.
import { plural } from '../words.ts';
import { product, type DeltaInput, type DeltaItem } from './delta-item.ts';
import { cite } from './sources.ts';

export function sourceItems({ settings }: DeltaInput): DeltaItem[] {
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

export function registryItems({ settings }: DeltaInput): DeltaItem[] {
  return settings.registries.map((r) => ({
    topic: 'registries' as const,
    change: 'change' as const,
    text: `${r.url} → /etc/rancher/rke2/registries.yaml (spec.rkeConfig.registries in Rancher)${r.credentials ? ', its credentials under configs (not repeated here)' : ''}${r.isDefault ? '; it was the default registry, so it becomes system-default-registry, which Rancher sets on the servers' : ''}.`,
    sources: cite('rke2ServerConfig', 'rancherPlanner'),
  }));
}

/** The RKE2 config key that takes a service's extra flags, by RKE service name; a name not here reached nothing in rke. */
const RKE2_ARG_KEY: Record<string, string> = {
  'kube-api': 'kube-apiserver-arg',
  'kube-controller': 'kube-controller-manager-arg',
  scheduler: 'kube-scheduler-arg',
  kubelet: 'kubelet-arg',
  kubeproxy: 'kube-proxy-arg',
  etcd: 'etcd-arg',
};

export function extraArgItems({ settings, to }: DeltaInput): DeltaItem[] {
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

export function nodeItems({ settings }: DeltaInput): DeltaItem[] {
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
      text: `Node labels (${plural(n.labels, 'node')}) and taints (${n.taints}) → node-label and node-taint on those nodes (labels and taints on the machine pool in Rancher).`,
      sources: cite('rke2ServerConfig', 'tfClusterV2'),
    });
  if (n.ssh > 0)
    items.push({
      topic: 'node-settings',
      change: 'not-carried',
      text: `SSH settings (user, port, keys on ${plural(n.ssh, 'node')}): RKE2 is installed on each node itself, so nothing reads them; not carried.`,
      sources: [],
    });
  return items;
}

const UNCARRIED_NOTE: Record<string, string> = {
  addons: 'manifests rke applied: apply them to the new cluster yourself (or with Fleet)',
  addons_include: 'manifests rke applied: apply them to the new cluster yourself (or with Fleet)',
  system_images: 'RKE2 ships its own images; a mirror goes through system-default-registry and registries.yaml',
  bastion_host: 'an SSH jump host for rke; RKE2 is installed on each node',
};

export function notCarriedItems({ settings }: DeltaInput): DeltaItem[] {
  return settings.uncarried.map((key) => ({
    topic: 'not-carried' as const,
    change: 'not-carried' as const,
    text: `${key}: ${UNCARRIED_NOTE[key] ?? 'no equivalent in the sources this report rests on (not documented); carry it by hand if it is still needed'}.`,
    sources: key === 'system_images' ? cite('rke2ServerConfig') : [],
  }));
}
