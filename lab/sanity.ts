// A few expectations per preset written out by hand, from the port tables as a person reads them,
// beside the ones derived from the matrix: if the matrix and the derivation drifted together,
// these would still catch it. Labels are "cluster/node", "outsider", "load balancer" or
// "docker-host ADDRESS".
export interface Expectation {
  from: string;
  to: string;
  port: number;
  open: boolean;
}

const each = (nodes: string[], f: (from: string, to: string) => Expectation[]): Expectation[] =>
  nodes.flatMap((from) => nodes.filter((to) => to !== from).flatMap((to) => f(from, to)));

const shut = (to: string, ports: number[]): Expectation[] => ports.map((port) => ({ from: 'outsider', to, port, open: false }));

const rke = ['rancher/rancher-1', 'rancher/rancher-2', 'rancher/rancher-3'];
const servers = (n: number) => Array.from({ length: n }, (_, i) => `rancher/server-${i + 1}`);

export const SANITY: Record<string, Expectation[]> = {
  'preset rancher-rke': [
    ...each(rke, (from, to) => [2379, 2380, 10250].map((port) => ({ from, to, port, open: true }))),
    ...rke.flatMap((to) => [...shut(to, [22, 2379, 2380, 6443, 10250]), { from: 'load balancer', to, port: 443, open: true }]),
  ],
  'preset rancher-k3s': [
    // External datastore: no etcd ports at all, even between the servers.
    ...each(servers(2), (from, to) => [
      { from, to, port: 6443, open: true },
      { from, to, port: 2379, open: false },
    ]),
    ...servers(2).flatMap((to) => [...shut(to, [22, 6443, 10250]), { from: 'load balancer', to, port: 80, open: true }]),
  ],
  'preset rancher-rke2': [
    ...each(servers(3), (from, to) => [9345, 2380, 6443].map((port) => ({ from, to, port, open: true }))),
    ...servers(3).flatMap((to) => shut(to, [22, 2379, 9345, 10250])),
  ],
  'preset rancher-k3s-etcd': [
    ...each(servers(3), (from, to) => [2379, 2380, 6443].map((port) => ({ from, to, port, open: true }))),
    ...servers(3).flatMap((to) => [...shut(to, [22, 2379, 6443]), { from: 'load balancer', to, port: 443, open: true }]),
  ],
  'preset downstream-rke2-pools': [
    { from: 'apps/worker-1', to: 'apps/etcd-1', port: 2379, open: false },
    { from: 'apps/worker-2', to: 'apps/etcd-3', port: 2380, open: false },
    { from: 'apps/cp-1', to: 'apps/etcd-1', port: 2379, open: true },
    { from: 'apps/etcd-2', to: 'apps/etcd-1', port: 2380, open: true },
    { from: 'apps/worker-1', to: 'apps/cp-1', port: 9345, open: true },
    { from: 'apps/worker-1', to: 'apps/cp-2', port: 6443, open: true },
    ...shut('apps/etcd-1', [22, 2379, 2380]),
  ],
  'preset downstream-production': [
    { from: 'production/worker-1', to: 'production/etcd-1', port: 2379, open: false },
    { from: 'production/worker-3', to: 'production/etcd-2', port: 2380, open: false },
    { from: 'production/cp-1', to: 'production/etcd-1', port: 2379, open: true },
    { from: 'production/etcd-2', to: 'production/etcd-1', port: 2380, open: true },
    { from: 'production/worker-1', to: 'production/cp-1', port: 6443, open: true },
    { from: 'production/worker-1', to: 'production/worker-2', port: 10250, open: true },
    ...shut('production/etcd-1', [22, 2379, 2380, 10250]),
    // SSH on workers is for administrators only, and admin_v4 is left empty.
    { from: 'production/cp-1', to: 'production/worker-1', port: 22, open: false },
  ],
  'preset docker-single': [
    ...shut('docker-host 10.0.0.9', [22, 80, 443, 2379]),
    { from: 'load balancer', to: 'docker-host 10.0.0.9', port: 80, open: true },
    { from: 'load balancer', to: 'docker-host 10.0.0.9', port: 443, open: true },
  ],
};
