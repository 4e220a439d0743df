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
}

export type FileExpectation =
  | {
      /** The default reading: a downstream cluster, no Rancher version. */
      read: ReadExpectation;
      /** Read again with { as: 'rancher', rancherVersion: '2.4.8' }: same cluster, these findings. */
      asRancher?: FindingExpectation;
    }
  | {
      /** readInputDetailed must throw an InputError whose message matches. */
      refused: RegExp;
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

/** The table, grouped by file type, in the order the suite reports them. */
export const GROUPS: readonly (readonly [string, Record<string, FileExpectation>])[] = [
  ['RKE cluster.yml', CLUSTER_YML],
  ['kubectl get nodes', KUBECTL_NODES],
  ['K3s config.yaml', K3S_CONFIG],
  ['RKE2 config.yaml', RKE2_CONFIG],
  ['nginx', NGINX],
];
