// Realistic `kubectl get nodes -o json|yaml` output of any size, for tests, the bench and the e2e
// test: RKE2 nodes shaped like test/fixtures/kubectl-nodes-rke2-list.yaml, with what makes real
// lists large (managedFields, conditions, capacity, and twenty images a node), printed the way
// kubectl prints them (JSON indented by four spaces; YAML with sequences flush under their key).
// Produced piece by piece, so a 100 MB list never has to be one string.
import { stringify } from 'yaml';

const IMAGES = [
  'rancher/hardened-kubernetes',
  'rancher/hardened-etcd',
  'rancher/hardened-coredns',
  'rancher/hardened-calico',
  'rancher/hardened-flannel',
  'rancher/hardened-cluster-autoscaler',
  'rancher/hardened-dns-node-cache',
  'rancher/hardened-addon-resizer',
  'rancher/mirrored-pause',
  'rancher/rke2-runtime',
  'rancher/nginx-ingress-controller',
  'rancher/mirrored-ingress-nginx-kube-webhook-certgen',
  'rancher/klipper-helm',
  'rancher/mirrored-sig-storage-snapshot-controller',
  'rancher/mirrored-metrics-server',
  'rancher/system-agent',
  'rancher/rancher-agent',
  'rancher/fleet-agent',
  'rancher/mirrored-prometheus-node-exporter',
  'rancher/mirrored-kube-state-metrics',
];

const fieldsV1 = (keys: string[]) => Object.fromEntries(keys.map((k) => [`f:${k}`, { '.': {}, [`f:${k}-detail`]: {} }]));

/** One node: index i of the list; the first three are servers, the rest agents. */
export function kubectlNode(i: number): Record<string, unknown> {
  const server = i < 3;
  const name = `rke2-${server ? 'server' : 'agent'}-${i}`;
  const address = `10.${((i + 1) >> 16) & 255}.${((i + 1) >> 8) & 255}.${(i + 1) & 255}`;
  const time = '2025-01-20T08:00:00Z';
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/instance-type': 'rke2',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
    'node.kubernetes.io/instance-type': 'rke2',
    'topology.kubernetes.io/zone': `zone-${i % 3}`,
    'cattle.io/os': 'linux',
    'rke.cattle.io/machine': `machine-${i.toString(16).padStart(8, '0')}`,
  };
  if (server)
    Object.assign(labels, {
      'node-role.kubernetes.io/control-plane': 'true',
      'node-role.kubernetes.io/etcd': 'true',
      'node-role.kubernetes.io/master': 'true',
    });
  else labels['node-role.kubernetes.io/worker'] = 'true';
  const images = Array.from({ length: 20 }, (_, k) => {
    const repo = IMAGES[k % IMAGES.length] as string;
    const digest = ((i * 40 + k) * 2654435761).toString(16).padStart(16, '0').repeat(4).slice(0, 64);
    return { names: [`docker.io/${repo}@sha256:${digest}`, `docker.io/${repo}:v1.30.${k}-build2025${k}`], sizeBytes: 10_000_000 + k * 1_234_567 };
  });
  const condition = (type: string, status: string, reason: string, message: string) => ({
    lastHeartbeatTime: time,
    lastTransitionTime: time,
    message,
    reason,
    status,
    type,
  });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      annotations: {
        'alpha.kubernetes.io/provided-node-ip': address,
        'etcd.rke2.cattle.io/node-address': address,
        'etcd.rke2.cattle.io/node-name': `${name}-${i.toString(16)}`,
        'flannel.alpha.coreos.com/backend-data': '{"VNI":1,"VtepMAC":"0a:58:0a:2a:00:01"}',
        'node.alpha.kubernetes.io/ttl': '0',
        'rke2.io/node-args': JSON.stringify(server ? ['server', '--token', '********', '--cni', 'canal'] : ['agent', '--server', 'https://10.0.0.0:9345']),
        'rke2.io/node-config-hash': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567ABCDEFGHIJKLMNOPQRST====',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
      creationTimestamp: time,
      labels,
      managedFields: ['rke2', 'kubelet', 'kube-controller-manager', 'rancher-system-agent'].map((manager, k) => ({
        apiVersion: 'v1',
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:metadata': { 'f:annotations': fieldsV1(['node-args', 'node-config-hash']), 'f:labels': fieldsV1(Object.keys(labels).slice(0, 4 + k)) },
          'f:status': fieldsV1(['conditions', 'images', 'nodeInfo']),
        },
        manager,
        operation: k === 0 ? 'Update' : 'Apply',
        subresource: k === 1 ? 'status' : undefined,
        time,
      })),
      name,
      resourceVersion: String(1_000_000 + i),
      uid: `0000${i.toString(16).padStart(4, '0')}-aaaa-bbbb-cccc-${i.toString(16).padStart(12, '0')}`,
    },
    spec: {
      podCIDR: `10.42.${i & 255}.0/24`,
      podCIDRs: [`10.42.${i & 255}.0/24`],
      providerID: `rke2://${name}`,
      ...(server ? { taints: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }] } : {}),
    },
    status: {
      addresses: [
        { address, type: 'InternalIP' },
        { address: name, type: 'Hostname' },
      ],
      allocatable: { cpu: '8', 'ephemeral-storage': '99833802265', memory: '32676940Ki', pods: '110' },
      capacity: { cpu: '8', 'ephemeral-storage': '102626232Ki', memory: '32779340Ki', pods: '110' },
      conditions: [
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      images,
      nodeInfo: {
        architecture: 'amd64',
        bootID: `boot-${i}`,
        containerRuntimeVersion: 'containerd://1.7.23-k3s2',
        kernelVersion: '6.4.0-150600.23.25-default',
        kubeProxyVersion: 'v1.30.6+rke2r1',
        kubeletVersion: 'v1.30.6+rke2r1',
        machineID: `machine-${i}`,
        operatingSystem: 'linux',
        osImage: 'SUSE Linux Enterprise Server 15 SP6',
        systemUUID: `uuid-${i}`,
      },
    },
  };
}

/** The pieces of a list of `count` nodes (node `i` from `node(i)`), printed as kubectl prints it. */
export function* kubectlNodeList(count: number, syntax: 'json' | 'yaml', node: (i: number) => unknown = kubectlNode): Generator<string> {
  if (syntax === 'json') {
    yield '{\n    "apiVersion": "v1",\n    "items": [';
    for (let i = 0; i < count; i++) {
      const text = JSON.stringify(node(i), null, 4).replace(/\n/g, '\n        ');
      yield `${i === 0 ? '' : ','}\n        ${text}`;
    }
    yield '\n    ],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n';
    return;
  }
  yield count === 0 ? 'apiVersion: v1\nitems: []\n' : 'apiVersion: v1\nitems:\n';
  for (let i = 0; i < count; i++) yield stringify([node(i)], { indentSeq: false, lineWidth: 0 });
  yield 'kind: List\nmetadata:\n  resourceVersion: ""\n';
}

/** The whole list as one string (for lists small enough to hold). */
export const kubectlNodeListText = (count: number, syntax: 'json' | 'yaml', node?: (i: number) => unknown) =>
  [...kubectlNodeList(count, syntax, node)].join('');
