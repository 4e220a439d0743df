// What each file of the real-world corpus must read as, and which findings a reader of the guidance
// expects to see for it. These are facts about the files (names, addresses, roles), checked by hand
// against each file and its row in SOURCES.md; the files themselves never enter this repository.
//
// The table is a specification, not a snapshot: where today's readers differ from the reading rules
// the project is moving to, the rules win and the suite fails until the code catches up.
//
// Findings are checked two ways: `fires` lists rules that must report (optionally with the exact set
// of nodes their findings name, merged over all findings of that rule), `quiet` lists rules that must
// not. Neither list is exhaustive: rules are still being added.
import type { Distribution, Hosting, NodeRole } from '../../src/rules/index.ts';

export type Datastore = 'external' | 'embedded' | 'sqlite';

export interface NodeFacts {
  name: string;
  /** undefined: the node must have no address. */
  address: string | undefined;
  /** Compared as a set. */
  roles: NodeRole[];
}

/** A rule id, or a rule id with the nodes its findings must name (as a set, over all its findings). */
export type Fires = string | { rule: string; nodes: string[] };

export interface FindingExpectation {
  fires: Fires[];
  quiet: string[];
}

export interface ReadExpectation extends FindingExpectation {
  format: string;
  cluster: string;
  distribution: Distribution;
  /** Required keys, so every entry says "unset" out loud. */
  hosting: Hosting | undefined;
  datastore: Datastore | undefined;
  nodes: NodeFacts[];
  /** Checked when given: the declared Kubernetes version (null: none). */
  kubernetesVersion?: string | null;
  /** Checked when given: does the file leave some node counts open (a variable without a default)? */
  countsUnknown?: boolean;
  /** Checked when given: nodes per machine pool; null = the count is open (no nodes, and named as open). */
  pools?: Record<string, number | null>;
  /** Checked when given: the authorized cluster endpoint's FQDN, or null for none. */
  ace?: { fqdn: string | undefined } | null;
}

export type FileExpectation =
  | {
      /** The default reading: a downstream cluster, no Rancher version. */
      read: ReadExpectation;
      /** Read again with { as: 'rancher', rancherVersion: '2.4.8' }: same cluster, these findings. */
      asRancher?: FindingExpectation;
      /** Read several corpus files together as one input: the name each takes in the set → the corpus file. The key is then a label. */
      set?: Record<string, string>;
    }
  | {
      /** readInputDetailed must throw an InputError whose message matches. */
      refused: RegExp;
      set?: Record<string, string>;
    };

// ---------------------------------------------------------------------------------------------
// Shorthands

const ALL: NodeRole[] = ['etcd', 'controlplane', 'worker'];
const CP_ETCD: NodeRole[] = ['controlplane', 'etcd'];
const WORKER: NodeRole[] = ['worker'];
const SERVER: NodeRole[] = ['server'];

/** A cluster.yml node without hostname_override: rke names it after its address, lower-cased. */
const at = (address: string, roles: NodeRole[]): NodeFacts => ({ name: address.toLowerCase(), address, roles });
/** A node whose name differs from its address (hostname_override, kubectl metadata.name). */
const named = (name: string, address: string | undefined, roles: NodeRole[]): NodeFacts => ({ name, address, roles });

/** Nothing in these cluster.yml files is refused by rke, and every node has a role and a valid name. */
const RKE_ACCEPTS = ['rke-config-valid', 'rke-each-role', 'node-roles-present', 'node-name-dns1123', 'plan-node-unique'];

/** Read as the Rancher cluster of Rancher 2.4.8, these never apply: the version is set, RKE is supported, nothing is downstream. */
const RANCHER_248_QUIET = [
  'rancher-version-unset',
  'rke1-end-of-life',
  'rancher-distribution-supported',
  'rancher-not-managed-kubernetes',
  'docker-install-not-production',
  'downstream-single-role',
  'downstream-three-etcd',
  'downstream-two-controlplane',
  'downstream-survives-node-loss',
];

/** Inputs other than cluster.yml: every node gets a valid name and a role its distribution knows. */
const CLEAN_NODES = ['node-roles-present', 'node-name-dns1123', 'plan-role-distribution', 'plan-node-unique', 'rke-config-valid'];

// ---------------------------------------------------------------------------------------------
// RKE cluster.yml

export const CLUSTER_YML: Record<string, FileExpectation> = {
  'rke-ha-3node-allroles.cluster.yml': {
    // The documented Rancher HA layout, read as a downstream cluster: combining roles is what the
    // downstream advice warns about, and nothing else is wrong with it.
    read: {
      format: 'cluster-yml',
      cluster: 'local', // no cluster_name: rke's default
      distribution: 'rke',
      hosting: undefined,
      datastore: undefined,
      nodes: [at('165.227.114.63', ALL), at('165.227.116.167', ALL), at('165.227.127.226', ALL)],
      fires: [{ rule: 'downstream-single-role', nodes: ['165.227.114.63', '165.227.116.167', '165.227.127.226'] }],
      quiet: [...RKE_ACCEPTS, 'etcd-odd-members', 'downstream-three-etcd', 'downstream-two-controlplane', 'downstream-survives-node-loss'],
    },
  },

  'rke-ha-3node-allroles-behind-nginx.rancher-cluster.yml': {
    read: {
      format: 'cluster-yml',
      cluster: 'local',
      distribution: 'rke',
      hosting: undefined,
      datastore: undefined,
      nodes: [at('172.16.0.13', ALL), at('172.16.0.14', ALL), at('172.16.0.15', ALL)],
      fires: [{ rule: 'downstream-single-role', nodes: ['172.16.0.13', '172.16.0.14', '172.16.0.15'] }],
      quiet: [...RKE_ACCEPTS, 'etcd-odd-members', 'downstream-three-etcd', 'downstream-two-controlplane', 'downstream-survives-node-loss'],
    },
    // The recommended Rancher layout. The nginx file beside it is not part of the plan, so the
    // cluster.yml alone has no load balancer; 2.4 advises K3s for a first install.
    asRancher: {
      fires: ['lb-present', 'rancher-k3s-preferred'],
      quiet: [...RANCHER_248_QUIET, 'rancher-cluster-ha', 'rancher-rke-three-nodes', 'rancher-rke-all-roles', 'etcd-odd-members'],
    },
  },

  'rke-full-example-2018.cluster.yml': {
    read: {
      format: 'cluster-yml',
      cluster: 'mycluster',
      distribution: 'rke',
      hosting: undefined, // cloud_provider: aws is a cloud integration, not a hosting fact the reading rules take
      datastore: undefined, // the external etcd block is commented out
      nodes: [
        at('1.1.1.1', CP_ETCD),
        at('2.2.2.2', WORKER),
        // "role" is not a role: rke refuses it, and the node is left with none
        named('node3', 'example.com', []),
      ],
      fires: [
        { rule: 'rke-config-valid', nodes: ['node3'] },
        { rule: 'node-roles-present', nodes: ['node3'] },
        'downstream-three-etcd', // one etcd node
        'downstream-two-controlplane', // one controlplane node
        { rule: 'downstream-single-role', nodes: ['1.1.1.1'] },
        'downstream-survives-node-loss', // losing 1.1.1.1 takes etcd and the API
      ],
      quiet: ['etcd-odd-members', 'rke-each-role', 'node-name-dns1123', 'plan-node-unique'],
    },
  },

  'rke-split-1cp-etcd-5workers-bastion.cluster.yml': {
    read: {
      format: 'cluster-yml',
      cluster: 'local',
      distribution: 'rke',
      hosting: undefined,
      datastore: undefined,
      nodes: [
        named('k8s-master-1', '194.47.177.126', CP_ETCD),
        named('k8s-node-1', '192.168.199.11', WORKER),
        named('k8s-node-2', '192.168.199.12', WORKER),
        named('k8s-node-3', '192.168.199.13', WORKER),
        named('k8s-node-4', '192.168.199.14', WORKER),
        named('k8s-node-5', '192.168.199.15', WORKER),
      ],
      fires: [
        'downstream-three-etcd',
        'downstream-two-controlplane',
        { rule: 'downstream-single-role', nodes: ['k8s-master-1'] },
        'downstream-survives-node-loss', // the master is the only etcd member and the only API server
      ],
      quiet: [...RKE_ACCEPTS, 'etcd-odd-members'],
    },
  },

  'rke-single-node-svc-cidr-overlaps-node.rancher-cluster.yml': {
    read: {
      format: 'cluster-yml',
      cluster: 'rancher-cluster',
      distribution: 'rke',
      hosting: undefined,
      datastore: undefined,
      nodes: [at('172.16.128.4', ALL)], // "role: " with a trailing space is still the role key
      fires: [
        'downstream-three-etcd',
        'downstream-two-controlplane',
        { rule: 'downstream-single-role', nodes: ['172.16.128.4'] },
        'downstream-survives-node-loss',
        // SOURCES.md: its service_cluster_ip_range 172.16.0.0/16 holds the node's own address.
        { rule: 'node-outside-cluster-networks', nodes: ['172.16.128.4'] },
      ],
      quiet: [...RKE_ACCEPTS, 'etcd-odd-members'],
    },
    asRancher: {
      fires: ['rancher-cluster-ha', 'rancher-rke-three-nodes', 'rancher-k3s-preferred', 'node-outside-cluster-networks'],
      // One node needs no load balancer in front; it already has every role.
      quiet: [...RANCHER_248_QUIET, 'lb-present', 'rancher-rke-all-roles', 'etcd-odd-members'],
    },
  },

  'rke-5node-4etcd-custom-sshport.cluster.yml': {
    read: {
      format: 'cluster-yml',
      cluster: 'danbooru',
      distribution: 'rke',
      hosting: undefined,
      datastore: undefined,
      nodes: [
        named('korone', 'ssh.korone.donmai.us', ALL),
        named('ame', 'ame.donmai.us', ALL),
        named('gura', 'gura.donmai.us', ALL),
        named('ina', 'ina.donmai.us', ALL),
        named('mori', 'mori.donmai.us', WORKER),
      ],
      fires: [
        'etcd-odd-members', // four members tolerate one loss, like three
        { rule: 'downstream-single-role', nodes: ['korone', 'ame', 'gura', 'ina'] },
      ],
      // Four etcd members and four API servers: any one node can go.
      quiet: [...RKE_ACCEPTS, 'downstream-three-etcd', 'downstream-two-controlplane', 'downstream-survives-node-loss', 'etcd-max-members'],
    },
  },

  'rke-4node-2etcd-duplicate-key.cluster.yml': {
    read: {
      format: 'cluster-yml',
      cluster: 'hq-rke-cluster-1',
      distribution: 'rke',
      hosting: undefined,
      datastore: undefined,
      nodes: [
        named('rkm1', '192.168.112.10', CP_ETCD),
        named('rkm2', '192.168.112.11', CP_ETCD),
        named('rkw1', '192.168.112.12', WORKER),
        named('rkw2', '192.168.112.13', WORKER),
      ],
      fires: [
        'etcd-odd-members',
        'downstream-three-etcd',
        { rule: 'downstream-single-role', nodes: ['rkm1', 'rkm2'] },
        'downstream-survives-node-loss', // two etcd members: losing either loses quorum
      ],
      quiet: [...RKE_ACCEPTS, 'downstream-two-controlplane'],
    },
  },

  'rke-4node-4etcd-no-user.cluster.yml': {
    read: {
      format: 'cluster-yml',
      cluster: 'openspaceaarhus',
      distribution: 'rke',
      hosting: undefined,
      datastore: undefined,
      nodes: [at('10.37.200.100', ALL), at('10.37.200.101', ALL), at('10.37.200.102', ALL), at('10.37.200.103', ['etcd', 'worker'])],
      fires: [
        // rke refuses a node without an SSH user; none of the four has one
        { rule: 'rke-config-valid', nodes: ['10.37.200.100', '10.37.200.101', '10.37.200.102', '10.37.200.103'] },
        'etcd-odd-members',
        { rule: 'downstream-single-role', nodes: ['10.37.200.100', '10.37.200.101', '10.37.200.102', '10.37.200.103'] },
      ],
      quiet: [
        'rke-each-role',
        'node-roles-present',
        'node-name-dns1123',
        'downstream-three-etcd',
        'downstream-two-controlplane',
        'downstream-survives-node-loss',
      ],
    },
  },

  'rke-external-etcd.cluster.yml': {
    read: {
      format: 'cluster-yml',
      cluster: 'rancher', // only a name: without as/rancherVersion it is still read as downstream
      distribution: 'rke',
      hosting: undefined,
      datastore: 'external', // services.etcd.external_urls
      nodes: [named('rancher-master', '192.168.0.2', ['controlplane', 'worker']), named('rancher-worker', '192.168.0.3', WORKER)],
      fires: [
        'downstream-two-controlplane',
        { rule: 'downstream-single-role', nodes: ['rancher-master'] },
        'downstream-survives-node-loss', // rancher-master is the only API server
      ],
      // etcd lives outside the cluster: no etcd node is needed or counted.
      quiet: [...RKE_ACCEPTS, 'downstream-three-etcd', 'etcd-odd-members'],
    },
  },

  'rke-1node-quoted-ansible.rancher-cluster.yml': {
    read: {
      format: 'cluster-yml',
      cluster: 'local',
      distribution: 'rke',
      hosting: undefined,
      datastore: undefined,
      nodes: [at('40.84.132.84', ALL)], // double-quoted address and user read as plain strings
      fires: [
        'downstream-three-etcd',
        'downstream-two-controlplane',
        { rule: 'downstream-single-role', nodes: ['40.84.132.84'] },
        'downstream-survives-node-loss',
      ],
      quiet: [...RKE_ACCEPTS, 'etcd-odd-members'],
    },
    asRancher: {
      fires: ['rancher-cluster-ha', 'rancher-rke-three-nodes', 'rancher-k3s-preferred'],
      quiet: [...RANCHER_248_QUIET, 'lb-present', 'rancher-rke-all-roles', 'etcd-odd-members'],
    },
  },

  'rke-ha-3node-allroles-aws-internal.rancher-cluster.yml': {
    read: {
      format: 'cluster-yml',
      cluster: 'local',
      distribution: 'rke',
      hosting: undefined, // EC2 by its addresses, but a cluster.yml does not say where it runs
      datastore: undefined,
      nodes: [at('54.180.136.191', ALL), at('52.78.122.211', ALL), at('13.125.3.219', ALL)],
      fires: [{ rule: 'downstream-single-role', nodes: ['54.180.136.191', '52.78.122.211', '13.125.3.219'] }],
      quiet: [...RKE_ACCEPTS, 'etcd-odd-members', 'downstream-three-etcd', 'downstream-two-controlplane', 'downstream-survives-node-loss'],
    },
    asRancher: {
      fires: ['lb-present', 'rancher-k3s-preferred'],
      quiet: [...RANCHER_248_QUIET, 'rancher-cluster-ha', 'rancher-rke-three-nodes', 'rancher-rke-all-roles', 'etcd-odd-members'],
    },
  },

  'rke-7node-3etcd-7cp-rkeconfig.cluster.yml': {
    read: {
      format: 'cluster-yml',
      cluster: 'local', // cluster_name: "" means rke's default
      distribution: 'rke',
      hosting: undefined,
      datastore: undefined,
      // hostname_override: "" falls back to the address
      nodes: [
        at('ec2-54-186-53-59.us-west-2.compute.amazonaws.com', ALL),
        at('ec2-52-34-11-56.us-west-2.compute.amazonaws.com', ALL),
        at('ec2-34-215-181-14.us-west-2.compute.amazonaws.com', ALL),
        at('ec2-34-220-238-31.us-west-2.compute.amazonaws.com', ['controlplane', 'worker']),
        at('ec2-34-215-102-16.us-west-2.compute.amazonaws.com', ['controlplane', 'worker']),
        at('ec2-35-167-231-79.us-west-2.compute.amazonaws.com', ['controlplane', 'worker']),
        at('ec2-52-40-173-253.us-west-2.compute.amazonaws.com', ['controlplane', 'worker']),
      ],
      fires: [
        {
          rule: 'downstream-single-role',
          nodes: [
            'ec2-54-186-53-59.us-west-2.compute.amazonaws.com',
            'ec2-52-34-11-56.us-west-2.compute.amazonaws.com',
            'ec2-34-215-181-14.us-west-2.compute.amazonaws.com',
            'ec2-34-220-238-31.us-west-2.compute.amazonaws.com',
            'ec2-34-215-102-16.us-west-2.compute.amazonaws.com',
            'ec2-35-167-231-79.us-west-2.compute.amazonaws.com',
            'ec2-52-40-173-253.us-west-2.compute.amazonaws.com',
          ],
        },
      ],
      quiet: [...RKE_ACCEPTS, 'etcd-odd-members', 'etcd-max-members', 'downstream-three-etcd', 'downstream-two-controlplane', 'downstream-survives-node-loss'],
    },
  },

  'rke-1node-commented-out-nodes.cluster.yml': {
    read: {
      format: 'cluster-yml',
      cluster: 'local',
      distribution: 'rke',
      hosting: undefined,
      datastore: undefined,
      nodes: [at('144.126.249.70', ALL)], // node02 and node03 are comments, not nodes
      fires: [
        'downstream-three-etcd',
        'downstream-two-controlplane',
        { rule: 'downstream-single-role', nodes: ['144.126.249.70'] },
        'downstream-survives-node-loss',
      ],
      quiet: [...RKE_ACCEPTS, 'etcd-odd-members'],
    },
  },

  'rke-2node-2etcd-sshkey-block.cluster.yml': {
    read: {
      format: 'cluster-yml',
      cluster: 'local',
      distribution: 'rke',
      hosting: undefined,
      datastore: undefined,
      nodes: [named('server1', '10.10.0.201', CP_ETCD), at('10.10.0.202', ALL)],
      fires: [
        'etcd-odd-members',
        'downstream-three-etcd',
        { rule: 'downstream-single-role', nodes: ['server1', '10.10.0.202'] },
        'downstream-survives-node-loss', // two etcd members: no failure tolerated
      ],
      quiet: [...RKE_ACCEPTS, 'downstream-two-controlplane'],
    },
  },

  'rke-6node-invalid-roles-homelab.cluster.yml': {
    read: {
      format: 'cluster-yml',
      cluster: 'greenleenet',
      distribution: 'rke',
      hosting: undefined,
      datastore: undefined,
      // Only "worker" is a role rke knows; the invented ones are refused and dropped. "_" is a legal
      // plan name character, so the file is read; the names are still not valid DNS-1123 hostnames.
      nodes: [
        at('gateway.greenlee.lan', WORKER),
        at('pihole.greenlee.lan', WORKER),
        at('cluster_1.greenlee.lan', WORKER),
        at('cluster_2.greenlee.lan', WORKER),
        at('downloader.greenlee.lan', WORKER),
        at('media.greenlee.lan', WORKER),
      ],
      fires: [
        {
          rule: 'rke-config-valid', // every node lists at least one invented role
          nodes: [
            'gateway.greenlee.lan',
            'pihole.greenlee.lan',
            'cluster_1.greenlee.lan',
            'cluster_2.greenlee.lan',
            'downloader.greenlee.lan',
            'media.greenlee.lan',
          ],
        },
        // no hostname_override: the hostname defaults to the address, and "_" is not allowed in it
        { rule: 'node-name-dns1123', nodes: ['cluster_1.greenlee.lan', 'cluster_2.greenlee.lan'] },
        'rke-each-role', // no etcd and no controlplane node at all
      ],
      // After the invented roles are dropped, every node is a plain worker.
      quiet: ['etcd-odd-members', 'downstream-single-role', 'node-roles-present', 'plan-node-unique'],
    },
  },

  'rke-12node-3cp-etcd-9workers.cluster.yml': {
    read: {
      format: 'cluster-yml',
      cluster: 'local',
      distribution: 'rke',
      hosting: undefined,
      datastore: undefined,
      nodes: [
        at('10.10.0.11', CP_ETCD),
        at('10.10.0.12', CP_ETCD),
        at('10.10.0.13', CP_ETCD),
        at('10.10.0.14', WORKER),
        at('10.10.0.15', WORKER),
        at('10.10.0.16', WORKER),
        at('10.10.75.151', WORKER),
        at('10.10.75.152', WORKER),
        at('10.10.75.153', WORKER), // "user: rkeuser  " with trailing spaces is still a user
        at('10.10.75.154', WORKER),
        at('10.10.76.51', WORKER),
        at('10.10.76.50', WORKER),
      ],
      fires: [{ rule: 'downstream-single-role', nodes: ['10.10.0.11', '10.10.0.12', '10.10.0.13'] }],
      quiet: [...RKE_ACCEPTS, 'etcd-odd-members', 'downstream-three-etcd', 'downstream-two-controlplane', 'downstream-survives-node-loss'],
    },
  },

  'rke-3node-1cp-etcd-2workers-quoted.rancher-cluster.yml': {
    read: {
      format: 'cluster-yml',
      cluster: 'local',
      distribution: 'rke',
      hosting: undefined,
      datastore: undefined,
      nodes: [at('192.168.157.10', CP_ETCD), at('192.168.157.11', WORKER), at('192.168.157.12', WORKER)],
      fires: [
        'downstream-three-etcd',
        'downstream-two-controlplane',
        { rule: 'downstream-single-role', nodes: ['192.168.157.10'] },
        'downstream-survives-node-loss',
      ],
      quiet: [...RKE_ACCEPTS, 'etcd-odd-members'],
    },
    // Three nodes, but laid out like a downstream cluster: not HA, and no node has all three roles.
    asRancher: {
      fires: [
        'rancher-cluster-ha',
        { rule: 'rancher-rke-all-roles', nodes: ['192.168.157.10', '192.168.157.11', '192.168.157.12'] },
        'lb-present',
        'rancher-k3s-preferred',
      ],
      quiet: [...RANCHER_248_QUIET, 'rancher-rke-three-nodes', 'etcd-odd-members'],
    },
  },

  'rke-3node-3etcd-1cp-dualstack-addons.cluster.yml': {
    read: {
      format: 'cluster-yml',
      cluster: 'local',
      distribution: 'rke',
      hosting: undefined,
      datastore: undefined,
      // The "---" lines inside the addons block scalar are text, not document breaks.
      nodes: [at('172.30.10.85', CP_ETCD), at('172.30.10.55', ['etcd', 'worker']), at('172.30.10.29', ['etcd', 'worker'])],
      fires: [
        'downstream-two-controlplane',
        { rule: 'downstream-single-role', nodes: ['172.30.10.85', '172.30.10.55', '172.30.10.29'] },
        'downstream-survives-node-loss', // 172.30.10.85 is the only API server
      ],
      quiet: [...RKE_ACCEPTS, 'etcd-odd-members', 'downstream-three-etcd'],
    },
  },

  'rke-5node-2allroles-3workers.cluster.yml': {
    read: {
      format: 'cluster-yml',
      cluster: 'local',
      distribution: 'rke',
      hosting: undefined,
      datastore: undefined,
      nodes: [at('10.198.1.156', ALL), at('10.198.1.157', ALL), at('10.198.1.158', WORKER), at('10.198.1.159', WORKER), at('10.198.1.160', WORKER)],
      fires: [
        'etcd-odd-members',
        'downstream-three-etcd',
        { rule: 'downstream-single-role', nodes: ['10.198.1.156', '10.198.1.157'] },
        'downstream-survives-node-loss',
      ],
      quiet: [...RKE_ACCEPTS, 'downstream-two-controlplane'],
    },
  },

  'rke-5node-nodes-last-port2223.cluster.yml': {
    read: {
      format: 'cluster-yml',
      cluster: 'rancher-home',
      distribution: 'rke',
      hosting: undefined,
      datastore: undefined,
      // Short hostnames are valid addresses; the commented-out node "box" is not a node.
      nodes: [at('cloud.stackmasters.com', ALL), at('nuc1', WORKER), at('nuc2', WORKER), at('hp01', WORKER), at('hp02', WORKER)],
      fires: [
        'downstream-three-etcd',
        'downstream-two-controlplane',
        { rule: 'downstream-single-role', nodes: ['cloud.stackmasters.com'] },
        'downstream-survives-node-loss',
      ],
      quiet: [...RKE_ACCEPTS, 'etcd-odd-members'],
    },
  },

  'rke-2node-allroles-two-users.cluster.yml': {
    read: {
      format: 'cluster-yml',
      cluster: 'local',
      distribution: 'rke',
      hosting: undefined,
      datastore: undefined,
      nodes: [at('23.94.217.130', ALL), at('192.241.148.238', ALL)], // CRLF line ends change nothing
      fires: [
        'etcd-odd-members',
        'downstream-three-etcd',
        { rule: 'downstream-single-role', nodes: ['23.94.217.130', '192.241.148.238'] },
        'downstream-survives-node-loss',
      ],
      quiet: [...RKE_ACCEPTS, 'downstream-two-controlplane'],
    },
  },

  'rke-3node-quoted-flow-roles-comments.cluster.yml': {
    read: {
      format: 'cluster-yml',
      cluster: 'devopslive',
      distribution: 'rke',
      hosting: undefined,
      datastore: undefined,
      nodes: [at('node1.devopslive.ru', ALL), at('node2.devopslive.ru', ALL), at('node3.devopslive.ru', ALL)],
      fires: [{ rule: 'downstream-single-role', nodes: ['node1.devopslive.ru', 'node2.devopslive.ru', 'node3.devopslive.ru'] }],
      quiet: [...RKE_ACCEPTS, 'etcd-odd-members', 'downstream-three-etcd', 'downstream-two-controlplane', 'downstream-survives-node-loss'],
    },
  },

  'rke-1node-dns-address-docstart.rancher-cluster.yml': {
    read: {
      format: 'cluster-yml',
      cluster: 'local',
      distribution: 'rke',
      hosting: undefined,
      datastore: undefined,
      nodes: [at('home.dbnet.com.au', ALL)],
      fires: [
        'downstream-three-etcd',
        'downstream-two-controlplane',
        { rule: 'downstream-single-role', nodes: ['home.dbnet.com.au'] },
        'downstream-survives-node-loss',
      ],
      quiet: [...RKE_ACCEPTS, 'etcd-odd-members'],
    },
    asRancher: {
      fires: ['rancher-cluster-ha', 'rancher-rke-three-nodes', 'rancher-k3s-preferred'],
      quiet: [...RANCHER_248_QUIET, 'lb-present', 'rancher-rke-all-roles', 'etcd-odd-members'],
    },
  },
};

// ---------------------------------------------------------------------------------------------
// kubectl get nodes (NodeList, List, one Node, a bare array). One cluster named "cluster"; the
// address is the InternalIP.

export const KUBECTL_NODES: Record<string, FileExpectation> = {
  'kubectl-nodes-k3s-single-server.json': {
    read: {
      format: 'kubectl-nodes',
      cluster: 'cluster',
      distribution: 'k3s', // kubelet v1.33.4+k3s1
      hosting: undefined, // providerID k3s:// names no cloud
      datastore: 'sqlite', // a server with no etcd label and no datastore-endpoint in its node args
      nodes: [named('c9b7eea91', '10.0.0.11', SERVER)],
      fires: ['downstream-survives-node-loss'],
      quiet: [...CLEAN_NODES, 'etcd-odd-members'], // SQLite: no etcd members to count
    },
  },

  'kubectl-nodes-rke2-harvester.yaml': {
    read: {
      format: 'kubectl-nodes',
      cluster: 'cluster',
      distribution: 'rke2', // kubelet v1.21.7+rke2r1
      hosting: undefined, // providerID rke2://
      datastore: 'embedded', // etcd label
      // control-plane, etcd and master labels: a server (the reading rules make kubectl RKE2 nodes
      // servers or agents, even though this one came from a Rancher machine pool)
      nodes: [named('node1', '172.16.132.182', SERVER)],
      fires: ['downstream-survives-node-loss'],
      quiet: [...CLEAN_NODES, 'etcd-odd-members'], // one member is odd
    },
  },

  'kubectl-nodes-eks-eksctl-list.json': {
    read: {
      format: 'kubectl-nodes',
      cluster: 'cluster',
      distribution: 'eks', // kubelet -eks-, and no control-plane node listed
      hosting: 'ec2', // providerID aws:// (managed clusters keep their hosting too)
      datastore: undefined,
      // Managed: the nodes listed are the workers; AWS runs the control plane.
      nodes: [
        named('ip-192-168-4-135.eu-central-1.compute.internal', '192.168.4.135', WORKER),
        named('ip-192-168-47-102.eu-central-1.compute.internal', '192.168.47.102', WORKER),
      ],
      fires: [],
      quiet: [
        ...CLEAN_NODES,
        'etcd-odd-members',
        'downstream-three-etcd',
        'downstream-two-controlplane',
        'downstream-survives-node-loss', // two workers, control plane run by AWS
      ],
    },
  },

  'kubectl-nodes-kops-aws.json': {
    read: {
      format: 'kubectl-nodes',
      cluster: 'cluster',
      distribution: 'other', // kops: self-managed, no distribution marker
      hosting: 'ec2',
      datastore: undefined,
      nodes: [
        named('generics-aws-node-one', '172.20.51.244', WORKER), // node-role.kubernetes.io/node
        named('generics-aws-node-two', '172.20.57.89', ['controlplane']), // master label, NoSchedule taint
        named('generics-aws-node-three', '172.20.63.245', WORKER),
      ],
      fires: [],
      quiet: [...CLEAN_NODES, 'etcd-odd-members', 'downstream-single-role'],
    },
  },

  'kubectl-nodes-acs-engine-azure.json': {
    read: {
      format: 'kubectl-nodes',
      cluster: 'cluster',
      // kubernetes.azure.com/cluster is on every node, but a master is listed: self-managed, not AKS.
      distribution: 'other',
      hosting: 'azure',
      datastore: undefined,
      nodes: [
        named('k8s-agentpool1-10851795-0', '10.240.0.4', WORKER), // kubernetes.io/role: agent
        named('k8s-agentpool1-10851795-1', '10.240.0.6', WORKER),
        named('k8s-agentpool1-10851795-2', '10.240.0.5', WORKER),
        // kubernetes.io/role: master; controlplane only, because a NoSchedule taint keeps workloads off
        named('k8s-master-10851795-0', '10.240.255.5', ['controlplane']),
      ],
      fires: [],
      quiet: [...CLEAN_NODES, 'etcd-odd-members'],
    },
  },

  'kubectl-nodes-kubeadm-arm64.json': {
    read: {
      format: 'kubectl-nodes',
      cluster: 'cluster',
      distribution: 'other',
      hosting: undefined, // no providerID
      datastore: undefined,
      nodes: [
        named('k8s-master', '192.168.11.1', ['controlplane']), // master label with a NoSchedule taint
        // no role label at all: a worker
        named('k8s-minion1', '192.168.11.2', WORKER),
        named('k8s-minion2', '192.168.0.185', WORKER),
        named('k8s-minion3', '192.168.11.4', WORKER),
        named('k8s-minion4', '192.168.0.178', WORKER),
        named('k8s-minion5', '192.168.11.6', WORKER),
      ],
      fires: [],
      quiet: [...CLEAN_NODES, 'etcd-odd-members'],
    },
  },

  'kubectl-nodes-kind-1node.yaml': {
    read: {
      format: 'kubectl-nodes',
      cluster: 'cluster',
      distribution: 'other',
      hosting: undefined, // providerID kind:// is not a cloud
      datastore: undefined,
      // control-plane label and no taint: kind runs workloads on its only node
      nodes: [named('kind-control-plane', '172.18.0.2', ['controlplane', 'worker'])],
      fires: ['downstream-survives-node-loss'],
      quiet: [...CLEAN_NODES, 'etcd-odd-members'],
    },
  },

  'kubectl-node-minikube-single.json': {
    read: {
      format: 'kubectl-nodes',
      cluster: 'cluster',
      distribution: 'other',
      hosting: undefined,
      datastore: undefined,
      // a single kind: Node; control-plane and master labels, no taint: it runs workloads too
      nodes: [named('minikube', '192.168.49.2', ['controlplane', 'worker'])],
      fires: ['downstream-survives-node-loss'],
      quiet: [...CLEAN_NODES, 'etcd-odd-members'],
    },
  },

  'nodes-bare-array-microk8s.json': {
    read: {
      format: 'kubectl-nodes', // a bare JSON array of Nodes
      cluster: 'cluster',
      distribution: 'other', // microk8s has no distribution of its own in the plan
      hosting: undefined,
      datastore: undefined,
      nodes: [named('repldev-marc', '10.168.0.26', WORKER)], // no role label at all: a worker
      fires: ['downstream-survives-node-loss'],
      quiet: [...CLEAN_NODES, 'etcd-odd-members'],
    },
  },
};

// ---------------------------------------------------------------------------------------------
// K3s config.yaml: one node in a cluster named "k3s". The node is named by node-name, lower-cased as
// k3s does; without it the hostname is unknown, so the reader falls back to node-ip, then "server-1".
// Datastore: datastore-endpoint → external; cluster-init, joining a server, or etcd-* settings →
// embedded (etcd); a lone server with none of these keeps its data in SQLite.
// downstream-survives-node-loss is asserted only for the SQLite servers: such a cluster has exactly
// one server. The others describe one server of a cluster whose other servers the file cannot show.

export const K3S_CONFIG: Record<string, FileExpectation> = {
  'k3s-server-external-db.config.yaml': {
    read: {
      format: 'k3s-config',
      cluster: 'k3s',
      distribution: 'k3s',
      hosting: undefined,
      datastore: 'external',
      nodes: [named('replace-node-name', undefined, SERVER)], // the placeholder, lower-cased
      fires: [],
      quiet: [...CLEAN_NODES, 'etcd-odd-members'],
    },
  },

  'k3s-server-cluster-init.config.yaml': {
    read: {
      format: 'k3s-config',
      cluster: 'k3s',
      distribution: 'k3s',
      hosting: undefined,
      datastore: 'embedded', // cluster-init: true
      nodes: [named('192.168.8.11', '192.168.8.11', SERVER)],
      fires: [],
      quiet: [...CLEAN_NODES, 'etcd-odd-members'],
    },
  },

  'k3s-server-join.config.yaml': {
    read: {
      format: 'k3s-config',
      cluster: 'k3s',
      distribution: 'k3s',
      hosting: undefined,
      // joins https://10.0.1.1:6443 without a datastore-endpoint: the cluster runs embedded etcd
      // (cluster-init: false only means this server does not start it)
      datastore: 'embedded',
      nodes: [named('10.0.1.3', '10.0.1.3', SERVER)], // tls-san, advertise-address, flannel-backend: server settings
      fires: [],
      quiet: [...CLEAN_NODES, 'etcd-odd-members'],
    },
  },

  'k3s-server-cluster-init-tlssan.config.yaml': {
    read: {
      format: 'k3s-config',
      cluster: 'k3s',
      distribution: 'k3s',
      hosting: undefined,
      datastore: 'embedded',
      nodes: [named('server-1', undefined, SERVER)], // tls-san is not the node's own address
      fires: [],
      quiet: [...CLEAN_NODES, 'etcd-odd-members'],
    },
  },

  'k3s-server-node-ip-flow-disable.config.yaml': {
    read: {
      format: 'k3s-config',
      cluster: 'k3s',
      distribution: 'k3s',
      hosting: undefined,
      datastore: 'sqlite',
      nodes: [named('192.168.0.2', '192.168.0.2', SERVER)], // CRLF line ends change nothing
      fires: ['downstream-survives-node-loss'],
      quiet: [...CLEAN_NODES, 'etcd-odd-members'],
    },
  },

  'k3s-server-etcd-metrics.config.yaml': {
    read: {
      format: 'k3s-config',
      cluster: 'k3s',
      distribution: 'k3s',
      hosting: undefined,
      // etcd-expose-metrics only means something with embedded etcd (SOURCES.md reads it so too),
      // although the file itself has no cluster-init
      datastore: 'embedded',
      nodes: [named('server-1', undefined, SERVER)],
      fires: [],
      quiet: [...CLEAN_NODES, 'etcd-odd-members'],
    },
  },

  'k3s-server-comments-utf8.config.yaml': {
    read: {
      format: 'k3s-config',
      cluster: 'k3s',
      distribution: 'k3s',
      hosting: undefined,
      datastore: 'sqlite',
      nodes: [named('server-1', undefined, SERVER)], // kube-apiserver-arg is a server setting
      fires: ['downstream-survives-node-loss'],
      quiet: [...CLEAN_NODES, 'etcd-odd-members'],
    },
  },

  'k3s-disable-only.config.yaml': {
    read: {
      format: 'k3s-config',
      cluster: 'k3s',
      distribution: 'k3s',
      hosting: undefined,
      datastore: 'sqlite',
      nodes: [named('server-1', undefined, SERVER)], // disable (even as a scalar) is a server setting
      fires: ['downstream-survives-node-loss'],
      quiet: [...CLEAN_NODES, 'etcd-odd-members'],
    },
  },

  'k3s-server-taint-criticaladdons.config.yaml': {
    read: {
      format: 'k3s-config',
      cluster: 'k3s',
      distribution: 'k3s',
      hosting: undefined,
      datastore: 'sqlite',
      // the CriticalAddonsOnly taint keeps workloads off, but it is still the (only) server
      nodes: [named('server-1', undefined, SERVER)],
      fires: ['downstream-survives-node-loss'],
      quiet: [...CLEAN_NODES, 'etcd-odd-members'],
    },
  },
};

// ---------------------------------------------------------------------------------------------
// RKE2 config.yaml: one node in a cluster named "rke2", told apart from K3s by what only RKE2 has.
// RKE2 always runs embedded etcd unless it is given a datastore-endpoint.

export const RKE2_CONFIG: Record<string, FileExpectation> = {
  'rke2-server-cilium.config.yaml': {
    read: {
      format: 'rke2-config',
      cluster: 'rke2',
      distribution: 'rke2', // the rke2-canal / rke2-ingress-nginx entries under disable
      hosting: undefined,
      datastore: 'embedded',
      nodes: [named('10.20.56.30', '10.20.56.30', SERVER)],
      fires: [],
      quiet: [...CLEAN_NODES, 'etcd-odd-members'],
    },
  },

  'rke2-server-join-9345.config.yaml': {
    read: {
      format: 'rke2-config',
      cluster: 'rke2',
      distribution: 'rke2', // joins on 9345, RKE2's supervisor port (K3s joins on 6443)
      hosting: undefined,
      datastore: 'embedded',
      // tls-san makes it a server; cluster.k8s.net is the load balancer it joins through, not its address
      nodes: [named('server-1', undefined, SERVER)],
      fires: [],
      quiet: [...CLEAN_NODES, 'etcd-odd-members'],
    },
  },
};

// ---------------------------------------------------------------------------------------------
// nginx: rancher-arch writes these but does not read them.

export const NGINX: Record<string, FileExpectation> = {
  'nginx-l4-rancher.conf': { refused: /nginx configuration/i },
};

// ---------------------------------------------------------------------------------------------
// Files that declare pools rather than machines (issue 21, third set): Cluster API / Turtles,
// cluster-templates Helm values, Ansible inventories, a List of provisioning Clusters. From each
// row of SOURCES.md: a control-plane machine is an RKE2/K3s server and a machine deployment an
// agent; Helm node pools keep Rancher's etcd/controlplane/worker flags; a pool of N machines is N
// nodes <pool>-1 … <pool>-N (no addresses: machines get theirs at install); a `${VAR}` count is open.

const AGENT: NodeRole[] = ['agent'];
/** `count` nodes <pool>-1 … <pool>-N without addresses. */
const pool = (name: string, count: number, roles: NodeRole[]): NodeFacts[] =>
  Array.from({ length: count }, (_, i) => named(`${name}-${i + 1}`, undefined, roles));
/** Single etcd member / single server: losing it loses the cluster. */
const ONE_NODE_LOSS = 'downstream-survives-node-loss';

export const DECLARED_YAML: Record<string, FileExpectation> = {
  // RKE2ControlPlane replicas 1 (no version), MachineDeployment replicas 1 at ${KUBERNETES_VERSION}+rke2r1 (open).
  'capi-rke2-metal3-cluster-template.yaml': {
    read: {
      format: 'capi',
      cluster: 'cluster-name', // ${CLUSTER_NAME}, a placeholder
      distribution: 'rke2',
      hosting: undefined,
      datastore: 'embedded',
      // Both objects are named ${CLUSTER_NAME}: the deployment's pool is told apart as -workers.
      nodes: [...pool('cluster-name', 1, SERVER), ...pool('cluster-name-workers', 1, AGENT)],
      kubernetesVersion: null,
      countsUnknown: false,
      pools: { 'cluster-name': 1, 'cluster-name-workers': 1 },
      ace: null,
      fires: [{ rule: ONE_NODE_LOSS, nodes: ['cluster-name-1'] }],
      quiet: ['plan-counts-unknown', 'plan-node-unique'],
    },
  },
  // RKE2ControlPlane ${CLUSTER_NAME}-control-plane replicas 3, MachineDeployment ${CLUSTER_NAME}-workers replicas 3, v1.30.8+rke2r1.
  'capi-rke2-openstack-cluster-template.yaml': {
    read: {
      format: 'capi',
      cluster: 'cluster-name',
      distribution: 'rke2',
      hosting: undefined,
      datastore: 'embedded',
      nodes: [...pool('cluster-name-control-plane', 3, SERVER), ...pool('cluster-name-workers', 3, AGENT)],
      kubernetesVersion: 'v1.30.8+rke2r1',
      countsUnknown: false,
      pools: { 'cluster-name-control-plane': 3, 'cluster-name-workers': 3 },
      ace: null,
      fires: [],
      quiet: [ONE_NODE_LOSS, 'etcd-odd-members', 'plan-counts-unknown'],
    },
  },
  // replicas: ${CONTROL_PLANE_MACHINE_COUNT} and ${WORKER_MACHINE_COUNT}: both open; version ${KUBERNETES_VERSION}+rke2r1 open.
  'capi-rke2-docker-kube-vip-cluster-template.yaml': {
    read: {
      format: 'capi',
      cluster: 'cluster-name',
      distribution: 'rke2',
      hosting: undefined,
      datastore: 'embedded',
      nodes: [],
      kubernetesVersion: null,
      countsUnknown: true,
      pools: { 'cluster-name-control-plane': null, 'worker-md-0': null },
      ace: null,
      fires: ['plan-counts-unknown'],
      quiet: [ONE_NODE_LOSS, 'etcd-odd-members'],
    },
  },
  // ClusterClass topology: controlPlane.replicas 1, md-0 replicas 1, v1.36.0+rke2r1.
  'turtles-docker-rke2-topology-cluster.yaml': {
    read: {
      format: 'capi',
      cluster: 'docker-rke2-example',
      distribution: 'rke2',
      hosting: undefined,
      datastore: 'embedded',
      nodes: [...pool('docker-rke2-example-control-plane', 1, SERVER), ...pool('docker-rke2-example-md-0', 1, AGENT)],
      kubernetesVersion: 'v1.36.0+rke2r1',
      countsUnknown: false,
      pools: { 'docker-rke2-example-control-plane': 1, 'docker-rke2-example-md-0': 1 },
      ace: null,
      fires: [{ rule: ONE_NODE_LOSS, nodes: ['docker-rke2-example-control-plane-1'] }],
      quiet: ['plan-counts-unknown'],
    },
  },
  // cluster.name rke2-cluster-aws, cluster.config.kubernetesVersion v1.26.11+rke2r1, ACE off;
  // control-plane-nodes ×1 etcd+controlplane, worker-nodes ×1 worker.
  'helm-cluster-templates-aws-1cp-1worker.values.yaml': {
    read: {
      format: 'helm-values',
      cluster: 'rke2-cluster-aws',
      distribution: 'rke2',
      hosting: undefined,
      datastore: undefined,
      nodes: [...pool('control-plane-nodes', 1, CP_ETCD), ...pool('worker-nodes', 1, WORKER)],
      kubernetesVersion: 'v1.26.11+rke2r1',
      countsUnknown: false,
      pools: { 'control-plane-nodes': 1, 'worker-nodes': 1 },
      ace: null,
      fires: [{ rule: ONE_NODE_LOSS, nodes: ['control-plane-nodes-1'] }],
      quiet: ['plan-counts-unknown'],
    },
  },
  // An override file: one pool vsphere-nodepool-1, all roles, quantity 1; no name, version or ACE in the file.
  'helm-cluster-template-examples-vsphere.values.yaml': {
    read: {
      format: 'helm-values',
      cluster: 'cluster', // the name comes from the chart's own values at install
      distribution: 'rke2', // no version in the file: read as RKE2, with a warning
      hosting: undefined,
      datastore: undefined,
      nodes: pool('vsphere-nodepool-1', 1, ALL),
      kubernetesVersion: null,
      countsUnknown: false,
      pools: { 'vsphere-nodepool-1': 1 },
      ace: null,
      fires: [{ rule: ONE_NODE_LOSS, nodes: ['vsphere-nodepool-1-1'] }],
      quiet: ['plan-counts-unknown'],
    },
  },
  // cluster.name "" (given at install), v1.35.3+rke2r1, pool-all ×3 all roles, ACE off, CIDRs 10.42/10.43.
  'helm-rancher-hetzner-3allroles-noname.values.yaml': {
    read: {
      format: 'helm-values',
      cluster: 'cluster',
      distribution: 'rke2',
      hosting: undefined,
      datastore: undefined,
      nodes: pool('pool-all', 3, ALL),
      kubernetesVersion: 'v1.35.3+rke2r1',
      countsUnknown: false,
      pools: { 'pool-all': 3 },
      ace: null,
      fires: [],
      quiet: [ONE_NODE_LOSS, 'etcd-odd-members', 'plan-counts-unknown'],
    },
  },
  // all.vars install_rke2_version v1.27.10+rke2r1; rke2_servers: server0.example.com; rke2_agents: agent0, agent1 (no addresses given).
  'ansible-rke2-inventory-sample.hosts.yml': {
    read: {
      format: 'ansible-inventory',
      cluster: 'rke2_cluster',
      distribution: 'rke2',
      hosting: undefined,
      datastore: 'embedded',
      nodes: [named('server0.example.com', undefined, SERVER), named('agent0.example.com', undefined, AGENT), named('agent1.example.com', undefined, AGENT)],
      kubernetesVersion: 'v1.27.10+rke2r1',
      countsUnknown: false,
      ace: null,
      fires: [{ rule: ONE_NODE_LOSS, nodes: ['server0.example.com'] }],
      quiet: ['plan-counts-unknown'],
    },
  },
  // v1.30.1+rke2r1; server davros (node_ip .10); agents oswin .11, calcula .12, dalek-sec .15, dalek-caan .16, dalek-thay .9.
  'ansible-rke2-inventory-skaro-1server-5agents.hosts.yml': {
    read: {
      format: 'ansible-inventory',
      cluster: 'rke2_cluster',
      distribution: 'rke2',
      hosting: undefined,
      datastore: 'embedded',
      nodes: [
        named('davros', '192.168.5.10', SERVER),
        named('oswin', '192.168.5.11', AGENT),
        named('calcula', '192.168.5.12', AGENT),
        named('dalek-sec', '192.168.5.15', AGENT),
        named('dalek-caan', '192.168.5.16', AGENT),
        named('dalek-thay', '192.168.5.9', AGENT),
      ],
      kubernetesVersion: 'v1.30.1+rke2r1',
      countsUnknown: false,
      ace: null,
      fires: [{ rule: ONE_NODE_LOSS, nodes: ['davros'] }],
      quiet: ['plan-counts-unknown', 'plan-node-unique'],
    },
  },
  // k3s_cluster: server 192.16.35.11, agents .12 and .13; k3s_version v1.31.12+k3s1; one server → SQLite.
  'ansible-k3s-inventory-sample.yml': {
    read: {
      format: 'ansible-inventory',
      cluster: 'k3s_cluster',
      distribution: 'k3s',
      hosting: undefined,
      datastore: 'sqlite',
      nodes: [named('192.16.35.11', '192.16.35.11', SERVER), named('192.16.35.12', '192.16.35.12', AGENT), named('192.16.35.13', '192.16.35.13', AGENT)],
      kubernetesVersion: 'v1.31.12+k3s1',
      countsUnknown: false,
      ace: null,
      fires: [{ rule: ONE_NODE_LOSS, nodes: ['192.16.35.11'] }],
      quiet: ['plan-counts-unknown'],
    },
  },
  // Molecule: node1–node3 in masters (rke2_type server), node4 in workers (agent), all in k8s_cluster; no addresses or version.
  'ansible-lablabs-rke2-molecule-ha-cluster.molecule.yml': {
    read: {
      format: 'ansible-inventory',
      cluster: 'k8s_cluster',
      distribution: 'rke2',
      hosting: undefined,
      datastore: 'embedded',
      nodes: [named('node1', undefined, SERVER), named('node2', undefined, SERVER), named('node3', undefined, SERVER), named('node4', undefined, AGENT)],
      kubernetesVersion: null,
      countsUnknown: false,
      ace: null,
      fires: [],
      quiet: [ONE_NODE_LOSS, 'etcd-odd-members', 'plan-counts-unknown'],
    },
  },
  // A kind: List with one provisioning Cluster "local", v1.21.7+rke2r1, rkeConfig: {} (no machine pools):
  // a cluster of the plan whose nodes are not in the file — never a node called "local".
  'provisioning-clusters-list-harvester-local.yaml': {
    read: {
      format: 'manifests',
      cluster: 'local',
      distribution: 'rke2',
      hosting: undefined,
      datastore: undefined,
      nodes: [],
      kubernetesVersion: 'v1.21.7+rke2r1',
      countsUnknown: true,
      ace: null,
      fires: ['plan-counts-unknown'],
      quiet: [ONE_NODE_LOSS, 'node-roles-present'],
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Terraform: rancher2_cluster_v2 (provider rancher/rancher2) and rke_cluster (provider rancher/rke).
// Read by hand from SOURCES.md's rows. Conventions of the reader, stated here once: a pool's nodes
// are <pool>-1 … <pool>-N; a pool name the files do not settle keeps its literal part
// ("${local.cluster_name}-cp" → cp); a cluster name they do not settle is the resource label; an
// rke_cluster node without a known address or hostname_override is node-<i>. RKE2 and K3s clusters
// read without a Rancher version are checked as Rancher 2.4, before RKE2/K3s provisioning existed,
// so only the rules that hold for any layout (etcd counts, surviving a node loss) are asserted.

// (pool() is shared with the section above.)
const NO_TF_CLUSTER = /no rancher2_cluster_v2 or rke_cluster resource/;
/** The rules that count nodes: never judged while a count is open. */
const COUNTED = [
  'etcd-odd-members',
  'etcd-max-members',
  'downstream-survives-node-loss',
  'downstream-three-etcd',
  'downstream-two-controlplane',
  'rke-each-role',
];

export const TERRAFORM: Record<string, FileExpectation> = {
  'tf-rancher2-multiple-pools-downstream-module.tf': {
    // The module alone: both quantities come from variables without defaults (variables.tf is not in the corpus).
    read: {
      format: 'terraform',
      cluster: 'rke2_cluster', // name = local.cluster_name = var.name: unknown, so the resource label
      distribution: 'rke2',
      hosting: undefined,
      datastore: undefined,
      nodes: [],
      kubernetesVersion: null,
      countsUnknown: true,
      pools: { cp: null, wk: null },
      ace: null,
      fires: ['plan-counts-unknown'],
      quiet: COUNTED,
    },
  },
  'tf-rancher2-multiple-pools-caller-2cp-2workers.tf': { refused: NO_TF_CLUSTER }, // no cluster resource of its own
  'deploy_rke2_multiple_pools: caller + module': {
    // The provider's example read as Terraform reads it: the caller passes 2 and 2, so two etcd members.
    set: { 'main.tf': 'tf-rancher2-multiple-pools-caller-2cp-2workers.tf', 'modules/downstream/main.tf': 'tf-rancher2-multiple-pools-downstream-module.tf' },
    read: {
      format: 'terraform',
      cluster: 'rke2_cluster', // "${local.project_name}-mp" hangs on md5(): unknown
      distribution: 'rke2',
      hosting: undefined,
      datastore: undefined,
      nodes: [...pool('cp', 2, CP_ETCD), ...pool('wk', 2, WORKER)],
      kubernetesVersion: null,
      countsUnknown: false,
      pools: { cp: 2, wk: 2 },
      ace: null,
      fires: ['etcd-odd-members', 'downstream-survives-node-loss'],
      quiet: [...CLEAN_NODES, 'plan-counts-unknown'],
    },
  },
  'tf-rancher2-cluster-v2-harvester-1cp-etcd-1worker.tf': {
    read: {
      format: 'terraform',
      cluster: 'rancher_guest_cluster', // var.cluster_name is set by a caller outside this file
      distribution: 'rke2',
      hosting: undefined,
      datastore: undefined,
      nodes: [...pool('controlerplan', 1, CP_ETCD), ...pool('worker', 1, WORKER)],
      kubernetesVersion: null,
      countsUnknown: false,
      pools: { controlerplan: 1, worker: 1 },
      ace: null,
      fires: ['downstream-survives-node-loss'], // a single etcd member and a single control plane
      quiet: [...CLEAN_NODES, 'plan-counts-unknown', 'etcd-odd-members'],
    },
  },
  'tf-rancher2-cluster-v2-k3s-gpu-3pool-1allroles.tf': {
    read: {
      format: 'terraform',
      cluster: 'multi-node-gpu',
      distribution: 'k3s', // the version says +k3s, whatever the comment says
      hosting: undefined,
      datastore: undefined,
      nodes: [...pool('gpu-pool', 1, WORKER), ...pool('std-pool', 1, WORKER), ...pool('control-plane-pool', 1, ALL)],
      kubernetesVersion: 'v1.26.12+k3s1',
      countsUnknown: false,
      pools: { 'gpu-pool': 1, 'std-pool': 1, 'control-plane-pool': 1 },
      ace: null,
      fires: ['downstream-survives-node-loss'], // one etcd member, on a node that also runs workloads
      quiet: [...CLEAN_NODES, 'plan-counts-unknown', 'etcd-odd-members'],
    },
  },
  'tf-rancher2-cluster-v2-7pool-15etcd-20cp-generated.tf': {
    read: {
      format: 'terraform',
      cluster: 'rancher2_cluster_v2',
      distribution: 'rke2', // version from a variable: RKE2 assumed, with a warning
      hosting: undefined,
      datastore: undefined,
      nodes: [
        ...pool('pool1', 1, ALL),
        ...pool('pool2', 2, ['controlplane', 'worker']),
        ...pool('pool3', 3, ['etcd', 'worker']),
        ...pool('pool4', 4, CP_ETCD),
        ...pool('pool5', 5, WORKER),
        ...pool('pool6', 6, ['controlplane']),
        ...pool('pool7', 7, ALL),
      ],
      kubernetesVersion: null,
      countsUnknown: false,
      pools: { pool1: 1, pool2: 2, pool3: 3, pool4: 4, pool5: 5, pool6: 6, pool7: 7 },
      ace: null,
      fires: ['etcd-max-members'], // 15 etcd members: odd, but far above the advised 3 or 5
      quiet: [...CLEAN_NODES, 'plan-counts-unknown', 'etcd-odd-members', 'downstream-survives-node-loss'],
    },
  },
  'tf-rancher2-cluster-v2-3pool-split-1etcd-1cp-1worker.tf': {
    read: {
      format: 'terraform',
      cluster: 'rancher2_cluster_v2',
      distribution: 'rke2',
      hosting: undefined,
      datastore: undefined,
      nodes: [...pool('pool1', 1, ['etcd']), ...pool('pool2', 1, ['controlplane']), ...pool('pool3', 1, WORKER)],
      kubernetesVersion: 'v1.22.9+rke2r2',
      countsUnknown: false,
      pools: { pool1: 1, pool2: 1, pool3: 1 },
      ace: null,
      fires: ['downstream-survives-node-loss'],
      quiet: [...CLEAN_NODES, 'plan-counts-unknown', 'etcd-odd-members'],
    },
  },
  'tf-rancher2-cluster-v2-vsphere-dynamic-pools.tf': {
    // Alone: the pools come from var.node, which has no default here.
    read: {
      format: 'terraform',
      cluster: 'rke2', // random_pet: unknown until apply
      distribution: 'rke2',
      hosting: undefined,
      datastore: undefined,
      nodes: [],
      kubernetesVersion: null,
      countsUnknown: true,
      ace: null,
      fires: ['plan-counts-unknown'],
      quiet: COUNTED,
    },
  },
  'tf-rancher2-vsphere-dynamic-pools-3cp-3workers.tfvars': { refused: NO_TF_CLUSTER }, // values only
  'vsphere_rancher_cluster: cluster.tf + example.terraform.tfvars': {
    set: {
      'cluster.tf': 'tf-rancher2-cluster-v2-vsphere-dynamic-pools.tf',
      'example.terraform.tfvars': 'tf-rancher2-vsphere-dynamic-pools-3cp-3workers.tfvars',
    },
    read: {
      format: 'terraform',
      cluster: 'rke2',
      distribution: 'rke2',
      hosting: undefined,
      datastore: undefined,
      nodes: [...pool('ctl-plane', 3, CP_ETCD), ...pool('worker', 3, WORKER)],
      kubernetesVersion: 'v1.26.8+rke2r1',
      countsUnknown: false,
      pools: { 'ctl-plane': 3, worker: 3 },
      ace: null,
      fires: [],
      quiet: [...CLEAN_NODES, 'plan-counts-unknown', 'etcd-odd-members', 'downstream-survives-node-loss'],
    },
  },
  'tf-rancher2-cluster-v2-custom-ace-cis.tf': {
    // A custom cluster: no machine pools, so no node count at all. ACE's enabled comes from a variable
    // declared outside this file (default true there), so in this file it is not known and not judged.
    read: {
      format: 'terraform',
      cluster: 'loadtest',
      distribution: 'rke2',
      hosting: undefined,
      datastore: undefined,
      nodes: [],
      kubernetesVersion: null,
      countsUnknown: true,
      ace: null,
      fires: ['plan-counts-unknown'],
      quiet: COUNTED,
    },
  },
  'tf-rke-cluster-3node-allroles-mixed-internal.tf': {
    read: {
      format: 'terraform',
      cluster: 'local', // cluster_name unset: rke's default
      distribution: 'rke',
      hosting: undefined,
      datastore: undefined,
      nodes: [at('192.2.0.1', ALL), at('192.2.0.2', ALL), at('15.188.119.237', ALL)],
      kubernetesVersion: null,
      countsUnknown: false,
      fires: [{ rule: 'downstream-single-role', nodes: ['192.2.0.1', '192.2.0.2', '15.188.119.237'] }],
      quiet: [
        ...RKE_ACCEPTS,
        'plan-counts-unknown',
        'etcd-odd-members',
        'downstream-three-etcd',
        'downstream-two-controlplane',
        'downstream-survives-node-loss',
      ],
    },
  },
  'tf-rke-cluster-2cp-etcd-2workers.tf': {
    read: {
      format: 'terraform',
      cluster: 'local',
      distribution: 'rke',
      hosting: undefined,
      datastore: undefined,
      // Addresses come from variables without defaults: unknown, so the nodes are numbered.
      nodes: [named('node-1', undefined, CP_ETCD), named('node-2', undefined, CP_ETCD), named('node-3', undefined, WORKER), named('node-4', undefined, WORKER)],
      kubernetesVersion: null,
      countsUnknown: false,
      fires: ['etcd-odd-members', 'downstream-three-etcd', 'downstream-survives-node-loss'], // 2 etcd members
      quiet: ['plan-counts-unknown', 'rke-each-role', 'node-roles-present', 'plan-node-unique', 'downstream-two-controlplane'],
    },
  },
  'tf-rke-cluster-dynamic-3allroles-1worker.tf': {
    read: {
      format: 'terraform',
      cluster: 'local',
      distribution: 'rke',
      hosting: undefined,
      datastore: undefined,
      nodes: [at('192.168.1.110', ALL), at('192.168.1.111', ALL), at('192.168.1.112', ALL), at('192.168.1.113', WORKER)],
      kubernetesVersion: null,
      countsUnknown: false,
      fires: [{ rule: 'downstream-single-role', nodes: ['192.168.1.110', '192.168.1.111', '192.168.1.112'] }],
      quiet: [
        ...RKE_ACCEPTS,
        'plan-counts-unknown',
        'etcd-odd-members',
        'downstream-three-etcd',
        'downstream-two-controlplane',
        'downstream-survives-node-loss',
      ],
    },
  },
  'tf-rke-cluster-aws-ec2-1cp-etcd-3workers.tf': {
    read: {
      format: 'terraform',
      cluster: 'local',
      distribution: 'rke',
      hosting: undefined,
      datastore: undefined,
      // Addresses are module outputs: unknown until apply.
      nodes: [named('node-1', undefined, CP_ETCD), named('node-2', undefined, WORKER), named('node-3', undefined, WORKER), named('node-4', undefined, WORKER)],
      kubernetesVersion: null,
      countsUnknown: false,
      fires: ['downstream-three-etcd', 'downstream-two-controlplane', 'downstream-survives-node-loss'], // one etcd member, one control plane
      quiet: ['plan-counts-unknown', 'etcd-odd-members', 'rke-each-role', 'node-roles-present', 'plan-node-unique'],
    },
  },
};

/** The table, grouped by file type, in the order the suite reports them. */
export const GROUPS: readonly (readonly [string, Record<string, FileExpectation>])[] = [
  ['RKE cluster.yml', CLUSTER_YML],
  ['kubectl get nodes', KUBECTL_NODES],
  ['K3s config.yaml', K3S_CONFIG],
  ['RKE2 config.yaml', RKE2_CONFIG],
  ['nginx', NGINX],
  ['Cluster API, Helm values, Ansible, Lists', DECLARED_YAML],
  ['Terraform', TERRAFORM],
];
