// The sender groups of a plan's firewall matrix: the etcd nodes of a cluster, the Rancher nodes,
// the load balancer, clients and admins, a cluster's pod network. Each is kept once, by key, so a
// 5,000-node cluster does not repeat 5,000 addresses per rule (see matrix.ts).
import { effectiveRoles, hostFromText, isControlPlane, isEtcdMember, isRancherCluster, rancherCluster } from '../cluster-facts.ts';
import { podNetworkOf } from '../cluster-networks.ts';
import type { Cluster, Plan, PlanNode } from '../vocabulary.ts';
import type { Peer } from './tables.ts';

export interface Member {
  cluster?: string;
  name: string;
  address?: string;
}

/** A named set of senders: nodes of the plan, or something outside it that the reader fills in. */
export interface Group {
  key: string;
  peer: Peer;
  /** The cluster a node group belongs to. */
  cluster?: string;
  /** With the cluster's name ("etcd nodes of production"). */
  label: string;
  /** Without it ("etcd nodes of this cluster"), for tables that describe a kind of node. */
  generic: string;
  /** Nodes of the plan; undefined for outside groups (load balancer, clients, admins, pod network). */
  members?: Member[];
  /** Networks an outside group holds from the start (a cluster's pod network). */
  defaults?: string[];
}

const OUTSIDE: Record<'load-balancer' | 'api-clients' | 'service-clients' | 'admin' | 'self', Omit<Group, 'key' | 'peer'>> = {
  'load-balancer': { label: 'the load balancer', generic: 'the load balancer' },
  'api-clients': { label: 'UI, API and kubectl users', generic: 'UI, API and kubectl users' },
  'service-clients': { label: 'users of the published applications', generic: 'users of the published applications' },
  admin: { label: 'administrators (and the host running rke up)', generic: 'administrators (and the host running rke up)' },
  self: { label: 'the node itself', generic: 'the node itself' },
};

const CLUSTER_GROUP_WORDS: Record<'cluster-nodes' | 'etcd' | 'controlplane' | 'servers', string> = {
  'cluster-nodes': 'every node',
  etcd: 'etcd nodes',
  controlplane: 'controlplane nodes',
  servers: 'servers',
};

const member = (cluster: string | undefined, node: Pick<PlanNode, 'name' | 'address'>): Member => ({
  ...(cluster === undefined ? {} : { cluster }),
  name: node.name,
  ...(node.address === undefined ? {} : { address: node.address }),
});

export class Groups {
  readonly all: Record<string, Group> = {};
  private readonly plan: Plan;
  constructor(plan: Plan) {
    this.plan = plan;
  }

  outside(peer: keyof typeof OUTSIDE): string {
    if (!this.all[peer]) this.all[peer] = { key: peer, peer, ...OUTSIDE[peer] };
    return peer;
  }

  /** The key of a group of the cluster's nodes, or undefined when it has no members. */
  ofCluster(cluster: Cluster, peer: keyof typeof CLUSTER_GROUP_WORDS): string | undefined {
    const pick: Record<typeof peer, (n: PlanNode) => boolean> = {
      'cluster-nodes': () => true,
      etcd: (n) => isEtcdMember(cluster, n),
      controlplane: (n) => isControlPlane(cluster, n),
      servers: (n) => {
        const roles = effectiveRoles(cluster, n);
        return roles.has('etcd') || roles.has('controlplane');
      },
    };
    const nodes = cluster.nodes.filter(pick[peer]);
    if (nodes.length === 0) return undefined;
    // A group with the same nodes as the whole cluster is the whole cluster: one set, not two.
    if (peer !== 'cluster-nodes' && nodes.length === cluster.nodes.length) return this.ofCluster(cluster, 'cluster-nodes');
    const key = `${cluster.name}:${peer}`;
    if (!this.all[key])
      this.all[key] = {
        key,
        peer,
        cluster: cluster.name,
        label: `${CLUSTER_GROUP_WORDS[peer]} of ${cluster.name}`,
        generic: `${CLUSTER_GROUP_WORDS[peer]} of this cluster`,
        members: nodes.map((n) => member(cluster.name, n)),
      };
    return key;
  }

  /** The cluster's pod network (its cluster-cidr, stated or the distribution's default), as a group of networks. */
  podNetwork(cluster: Cluster): string {
    const key = `${cluster.name}:pod-network`;
    if (!this.all[key]) {
      const network = podNetworkOf(cluster);
      const words =
        network === undefined
          ? 'pods (the plan states no cluster-cidr: add yours)'
          : `pods (${network.defaulted ? 'default ' : ''}cluster-cidr ${network.cidrs.join(', ')})`;
      this.all[key] = { key, peer: 'pod-network', cluster: cluster.name, label: words, generic: words, defaults: network?.cidrs ?? [] };
    }
    return key;
  }

  rancherNodes(): string | undefined {
    const r = rancherCluster(this.plan);
    if (r) return this.ofCluster(r, 'cluster-nodes');
    const host = this.plan.rancher?.install === 'docker' ? this.plan.rancher.host : undefined;
    if (host === undefined) {
      // Rancher is not in the plan: the reader fills its addresses in.
      if (!this.all['rancher-nodes'])
        this.all['rancher-nodes'] = {
          key: 'rancher-nodes',
          peer: 'rancher-nodes',
          label: 'the Rancher server nodes (not in this plan)',
          generic: 'the Rancher server nodes',
        };
      return 'rancher-nodes';
    }
    if (!this.all['rancher-nodes']) {
      const ref = hostFromText(host);
      this.all['rancher-nodes'] = {
        key: 'rancher-nodes',
        peer: 'rancher-nodes',
        label: 'the Rancher Docker host',
        generic: 'the Rancher server nodes',
        members: [{ name: host, ...(ref.address === undefined ? {} : { address: ref.address }) }],
      };
    }
    return 'rancher-nodes';
  }

  downstreamNodes(): string | undefined {
    if (this.all['downstream-nodes']) return 'downstream-nodes';
    const members = this.plan.clusters.filter((c) => !isRancherCluster(this.plan, c)).flatMap((c) => c.nodes.map((n) => member(c.name, n)));
    if (members.length === 0) return undefined;
    this.all['downstream-nodes'] = {
      key: 'downstream-nodes',
      peer: 'downstream-nodes',
      label: 'nodes of the downstream clusters',
      generic: 'nodes of the downstream clusters',
      members,
    };
    return 'downstream-nodes';
  }

  resolve(peer: Peer, cluster: Cluster | undefined, serverStyle: boolean): string | undefined {
    switch (peer) {
      case 'cluster-nodes':
        return cluster && this.ofCluster(cluster, 'cluster-nodes');
      case 'etcd':
      case 'controlplane':
        // Standalone servers are both: name them as servers.
        return cluster && this.ofCluster(cluster, serverStyle ? 'servers' : peer);
      case 'servers':
        return cluster && this.ofCluster(cluster, 'servers');
      case 'rancher-nodes':
        return this.rancherNodes();
      case 'downstream-nodes':
        return this.downstreamNodes();
      case 'pod-network':
        return cluster && this.podNetwork(cluster);
      default:
        return this.outside(peer);
    }
  }
}
