// How traffic reaches and crosses the new cluster, in the delta report: the load balancer in front
// of the servers, the network plugin, the authorized cluster endpoint and the ingress controller.
import { listNames } from '../words.ts';
import { product, type DeltaInput, type DeltaItem } from './delta-item.ts';
import { isServer, REGISTRATION_PORTS, RKE2_CNI } from './layout.ts';
import { cite } from './sources.ts';

export function loadBalancerItems({ to, registration, targetCluster, firstServer }: DeltaInput): DeltaItem[] {
  const ports = REGISTRATION_PORTS[to];
  const servers = targetCluster.nodes.filter(isServer).map((n) => n.name);
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

export function cniItems({ settings, to, targetCluster }: DeltaInput): DeltaItem[] {
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

export function aceItems({ settings, to }: DeltaInput): DeltaItem[] {
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

export function ingressItems({ settings, to, version }: DeltaInput): DeltaItem[] {
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
