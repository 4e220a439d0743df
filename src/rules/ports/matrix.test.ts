// Each port rule per role and distribution, pinned by hand against SIZING-AND-PORTS.md §4–5:
// the lists below are written from the facts file, not read back from tables.ts.
import { describe, expect, it } from 'vitest';
import { validatePlan } from '../formats/validate.ts';
import { PRESETS, RECOMMENDED_PLAN } from '../presets.ts';
import type { PlanInput } from '../vocabulary.ts';
import { allNodes, findNode, portMatrix, type NodePorts, type PortMatrix } from './matrix.ts';
import { SPLIT_ROLE_INFERENCE } from './tables.ts';

const matrixOf = (plan: PlanInput) => portMatrix(validatePlan(plan));
const port = (r: { protocol: string; ports: string }) => `${r.protocol} ${r.ports}`.trim();
const sorted = (list: string[]) => [...list].sort();

/** Required rules from the tables (not optional, not loopback-only, not ours). */
const required = (n: NodePorts) => sorted(n.rules.filter((r) => !r.optional && !r.ours && !r.local).map(port));
const optional = (n: NodePorts) => sorted(n.rules.filter((r) => r.optional).map(port));
const local = (n: NodePorts) => sorted(n.rules.filter((r) => r.local).map(port));
const ours = (n: NodePorts) => sorted(n.rules.filter((r) => r.ours).map(port));

function node(matrix: PortMatrix, ref: string): NodePorts {
  const found = findNode(matrix, ref);
  expect(found, ref).toHaveLength(1);
  return found[0] as NodePorts;
}

/** Labels of the groups a node's rule on `ports` accepts traffic from. */
function fromOf(matrix: PortMatrix, n: NodePorts, ports: string, protocol = 'tcp'): string[] {
  const rules = n.rules.filter((r) => r.ports === ports && r.protocol === protocol && !r.ours && !r.optional);
  return sorted(rules.flatMap((r) => r.from.map((k) => matrix.groups[k]?.peer ?? k)));
}

const rancherPlan = (distribution: 'rke2' | 'k3s' | 'eks', version = '2.8.3', more: Partial<NonNullable<PlanInput['clusters']>[number]> = {}): PlanInput => ({
  rancher: { version, install: 'kubernetes', cluster: 'rancher' },
  clusters: [
    {
      name: 'rancher',
      distribution,
      nodes: [1, 2, 3].map((i) => ({ name: `r${i}`, address: `10.0.0.${i}`, roles: distribution === 'eks' ? [] : ['server' as const] })),
      loadBalancer: { targets: ['r1', 'r2', 'r3'] },
      ...more,
    },
    { name: 'apps', distribution: 'rke2', nodes: [{ name: 'a1', address: '10.9.0.1', roles: ['server'] }] },
  ],
});

describe('Rancher server nodes', () => {
  it('on RKE (§4a): 22, 80, 443, 2379-2380, 6443, 8472/udp, 9099, 10250, 10254 between the nodes; 8443 from 2.6', () => {
    // 6443 twice: between the nodes and from kubectl users (Rancher's table), and from the load balancer that forwards it.
    const rke = ['tcp 22', 'tcp 80', 'tcp 443', 'tcp 2379-2380', 'tcp 6443', 'tcp 6443', 'tcp 9099', 'tcp 10250', 'tcp 10254', 'udp 8472'];
    const m24 = portMatrix(PRESETS['rancher-rke'].plan);
    for (const n of m24.clusters[0]!.nodes) expect(required(n), n.node).toEqual(sorted(rke));
    const n1 = node(m24, 'rancher-1');
    expect(fromOf(m24, n1, '443')).toEqual(sorted(['load-balancer', 'cluster-nodes', 'api-clients']));
    expect(fromOf(m24, n1, '6443')).toEqual(sorted(['cluster-nodes', 'api-clients', 'load-balancer']));
    expect(fromOf(m24, n1, '80')).toEqual(['load-balancer']);
    expect(fromOf(m24, n1, '22')).toEqual(['admin']);
    const v26 = validatePlan({ ...PRESETS['rancher-rke'].plan, rancher: { ...PRESETS['rancher-rke'].plan.rancher!, version: '2.6.0' } });
    expect(required(portMatrix(v26).clusters[0]!.nodes[0]!)).toEqual(sorted([...rke, 'tcp 8443']));
  });

  it('on K3s (§4b): 80, 443, 6443, 8472/udp, 10250 (and NodePorts); etcd ports only on embedded etcd', () => {
    const ext = portMatrix(PRESETS['rancher-k3s'].plan);
    const s1 = node(ext, 'server-1');
    // 6443 three times: from the cluster's nodes (K3s' table), from kubectl users (our reading) and from the load balancer that forwards it.
    expect(required(s1)).toEqual(sorted(['tcp 80', 'tcp 443', 'tcp 6443', 'tcp 6443', 'tcp 6443', 'udp 8472', 'tcp 10250', 'tcp 30000-32767']));
    expect(optional(s1)).toEqual(sorted(['tcp 9796', 'udp 51820-51821']));
    expect(fromOf(ext, s1, '6443')).toEqual(sorted(['cluster-nodes', 'api-clients', 'load-balancer']));
    const embedded = matrixOf(rancherPlan('k3s'));
    expect(required(node(embedded, 'r1'))).toContain('tcp 2379-2380');
    expect(fromOf(embedded, node(embedded, 'r1'), '2379-2380')).toEqual(['cluster-nodes']);
  });

  it('on RKE2 (§4c): 9345, 6443, 2379-2381, 10250, NodePorts, 80, 443, and Canal 8472/udp + 9099', () => {
    const m = matrixOf(rancherPlan('rke2'));
    const r1 = node(m, 'r1');
    expect(required(r1)).toEqual(
      sorted([
        'tcp 80',
        'tcp 443',
        'tcp 2379-2381',
        'tcp 6443',
        'tcp 6443',
        'tcp 6443',
        'tcp 9099',
        'tcp 9345',
        'tcp 9345',
        'tcp 10250',
        'tcp 30000-32767',
        'udp 8472',
      ]),
    );
    expect(fromOf(m, r1, '443')).toEqual(sorted(['load-balancer', 'cluster-nodes', 'downstream-nodes', 'api-clients']));
    // The load balancer in front of the servers forwards 9345 and 6443: their firewalls let it in (the lab found it cut off).
    expect(fromOf(m, r1, '9345')).toEqual(sorted(['cluster-nodes', 'load-balancer']));
    expect(r1.rules.find((r) => r.id === 'load-balancer-9345')?.why).toMatch(/forwards fixed registration address here/);
    // The 6443 for kubectl users is our reading for K3s/RKE2 Rancher clusters, and says so.
    expect(r1.rules.find((r) => r.id === 'rancher-kubectl')?.inference).toMatch(/our|helm/i);
  });

  it('with Calico on RKE2, Typha 5473 (§4c) and the rest of Calico’s ports replace Canal’s', () => {
    const m = matrixOf(rancherPlan('rke2', '2.8.3', { network: 'calico' }));
    const ports = required(node(m, 'r1'));
    for (const p of ['tcp 179', 'udp 4789', 'tcp 5473', 'tcp 9098', 'tcp 9099']) expect(ports).toContain(p);
    expect(ports).not.toContain('udp 8472');
  });

  it('on a hosted cluster only what Rancher needs: 80 and 443', () => {
    const m = matrixOf(rancherPlan('eks'));
    expect(required(node(m, 'r1'))).toEqual(['tcp 443', 'tcp 80']);
    expect(ours(node(m, 'r1'))).toEqual([]);
    expect(m.clusters[0]?.notes.join(' ')).toMatch(/provider/);
  });

  it('in Docker (§4d): 80 from the load balancer, 443 from downstream nodes and clients', () => {
    const m = portMatrix(PRESETS['docker-single'].plan);
    expect(m.docker?.kind).toBe('Docker host');
    expect(required(m.docker!)).toEqual(['tcp 443', 'tcp 80']);
    expect(ours(m.docker!)).toEqual(['tcp 22']);
    expect(fromOf(m, m.docker!, '443')).toEqual(sorted(['load-balancer', 'api-clients']));
  });
});

describe('downstream RKE nodes by role (§4e)', () => {
  const m = portMatrix(PRESETS['downstream-production'].plan);
  it('etcd: 2379-2380 from etcd and controlplane, 8472/udp, 10250; 9099 from itself; 2376 only for node drivers', () => {
    const e = node(m, 'etcd-1');
    expect(required(e)).toEqual(sorted(['tcp 2379-2380', 'udp 8472', 'tcp 10250']));
    expect(fromOf(m, e, '2379-2380')).toEqual(sorted(['etcd', 'controlplane']));
    expect(local(e)).toEqual(['tcp 9099']);
    expect(optional(e)).toEqual(sorted(['tcp 22', 'tcp 2376', 'tcp 9796']));
  });
  it('controlplane: 80, 443, 6443 from every role, 8472/udp, 10250, NodePorts TCP and UDP; 9099 and 10254 from itself; ACE 6443 from clients', () => {
    const c = node(m, 'cp-1');
    expect(required(c)).toEqual(sorted(['tcp 80', 'tcp 443', 'tcp 6443', 'tcp 6443', 'udp 8472', 'tcp 10250', 'tcp 30000-32767', 'udp 30000-32767']));
    expect(local(c)).toEqual(sorted(['tcp 9099', 'tcp 10254']));
    expect(fromOf(m, c, '6443')).toEqual(sorted(['cluster-nodes', 'load-balancer', 'api-clients']));
    expect(c.rules.find((r) => r.id === 'ace-apiserver')?.source).toBe('ace');
  });
  it('worker: 22 from admins, 80, 443, 8472/udp, 10250, NodePorts; no API, no etcd', () => {
    const w = node(m, 'worker-1');
    expect(required(w)).toEqual(sorted(['tcp 22', 'tcp 80', 'tcp 443', 'udp 8472', 'tcp 10250', 'tcp 30000-32767', 'udp 30000-32767']));
    expect(fromOf(m, w, '22')).toEqual(['admin']);
    expect(fromOf(m, w, '80')).toEqual(['service-clients']);
    // The guide's own SSH rule repeats the table's and is dropped.
    expect(ours(w)).toEqual(['any']);
  });
  it('Weave and Calico on RKE come from the common ports table', () => {
    const weave = matrixOf({
      clusters: [{ name: 'w', distribution: 'rke', network: 'weave', nodes: [{ name: 'n', roles: ['etcd', 'controlplane', 'worker'] }] }],
    });
    expect(required(weave.clusters[0]!.nodes[0]!)).toEqual(expect.arrayContaining(['tcp 6783', 'udp 6783-6784']));
    const calico = matrixOf({ clusters: [{ name: 'c', distribution: 'rke', network: 'calico', nodes: [{ name: 'n', roles: ['worker'] }] }] });
    const n = calico.clusters[0]!.nodes[0]!;
    expect(required(n)).toContain('tcp 179');
    expect(local(n)).toEqual(['tcp 10254']);
  });
});

describe('downstream RKE2 and K3s nodes (§4b, §4c, §4f)', () => {
  const standalone = (distribution: 'rke2' | 'k3s', network?: 'cilium' | 'canal' | 'flannel') =>
    matrixOf({
      clusters: [
        {
          name: 'edge',
          distribution,
          ...(network ? { network } : {}),
          nodes: [
            { name: 's1', address: '10.3.0.1', roles: ['server'] },
            { name: 'a1', address: '10.3.0.2', roles: ['agent'] },
          ],
        },
      ],
    });

  it('RKE2 server: 9345 and 6443 from every node, 2379-2381 between servers, 10250, NodePorts, Canal by default', () => {
    const m = standalone('rke2');
    const s = node(m, 's1');
    expect(required(s)).toEqual(sorted(['tcp 9345', 'tcp 6443', 'tcp 2379-2381', 'tcp 10250', 'tcp 30000-32767', 'udp 8472', 'tcp 9099']));
    expect(fromOf(m, s, '2379-2381')).toEqual(['servers']);
    expect(optional(s)).toEqual(sorted(['tcp 22', 'tcp 9796', 'udp 51820-51821']));
    expect(s.rules.some((r) => r.inference)).toBe(false);
    expect(m.clusters[0]?.networkDefaulted).toBe(true);
  });

  it('RKE2 agent: 10250, NodePorts and the CNI only', () => {
    expect(required(node(standalone('rke2'), 'a1'))).toEqual(sorted(['tcp 10250', 'tcp 30000-32767', 'udp 8472', 'tcp 9099']));
  });

  it('Cilium (RKE2 docs): ICMP echo, 4240, 8472/udp; WireGuard 51871 optional', () => {
    const a = node(standalone('rke2', 'cilium'), 'a1');
    expect(required(a)).toEqual(sorted(['icmp', 'tcp 4240', 'udp 8472', 'tcp 10250', 'tcp 30000-32767']));
    expect(optional(a)).toContain('udp 51871');
  });

  it('RKE2 with Flannel uses 4789/udp (RKE2 docs); K3s with Flannel 8472/udp (K3s docs)', () => {
    expect(required(node(standalone('rke2', 'flannel'), 'a1'))).toContain('udp 4789');
    expect(required(node(standalone('k3s'), 'a1'))).toContain('udp 8472');
    expect(standalone('k3s', 'cilium').clusters[0]?.notes.join(' ')).toMatch(/K3s docs list Flannel/);
  });

  it('K3s server: 6443 (supervisor and API), 2379-2380 between servers on embedded etcd, 10250, NodePorts', () => {
    const m = standalone('k3s');
    expect(required(node(m, 's1'))).toEqual(sorted(['tcp 6443', 'tcp 2379-2380', 'tcp 10250', 'tcp 30000-32767', 'udp 8472']));
    expect(required(node(m, 'a1'))).toEqual(sorted(['tcp 10250', 'tcp 30000-32767', 'udp 8472']));
  });

  it('machine pools: etcd-only and control-plane-only servers get their subsets, marked as our inference', () => {
    const m = matrixOf({
      clusters: [
        {
          name: 'pools',
          distribution: 'rke2',
          nodes: [
            { name: 'e1', roles: ['etcd'] },
            { name: 'c1', roles: ['controlplane'] },
            { name: 'w1', roles: ['worker'] },
            { name: 'ec', roles: ['etcd', 'controlplane'] },
          ],
        },
      ],
    });
    const e1 = node(m, 'e1');
    const c1 = node(m, 'c1');
    expect(required(e1)).toEqual(sorted(['tcp 9345', 'tcp 2379-2381', 'tcp 10250', 'udp 8472', 'tcp 9099']));
    expect(required(c1)).toEqual(sorted(['tcp 9345', 'tcp 6443', 'tcp 10250', 'udp 8472', 'tcp 9099']));
    for (const n of [e1, c1]) {
      const marked = n.rules.filter((r) => r.inference).map(port);
      expect(sorted(marked), n.node).toEqual(n === e1 ? sorted(['tcp 9345', 'tcp 2379-2381']) : sorted(['tcp 9345', 'tcp 6443']));
    }
    expect(node(m, 'ec').rules.some((r) => r.inference)).toBe(false);
    expect(fromOf(m, e1, '2379-2381')).toEqual(sorted(['etcd', 'controlplane']));
    expect(required(node(m, 'w1'))).toEqual(sorted(['tcp 10250', 'tcp 30000-32767', 'udp 8472', 'tcp 9099']));
    const k3s = matrixOf({
      clusters: [
        {
          name: 'k',
          distribution: 'k3s',
          nodes: [
            { name: 'e1', roles: ['etcd'] },
            { name: 'c1', roles: ['controlplane'] },
          ],
        },
      ],
    });
    expect(required(node(k3s, 'e1'))).toEqual(sorted(['tcp 6443', 'tcp 2379-2380', 'tcp 10250', 'udp 8472']));
    expect(
      node(k3s, 'e1')
        .rules.filter((r) => r.inference)
        .map(port)
        .sort(),
    ).toEqual(sorted(['tcp 6443', 'tcp 2379-2380']));
  });

  it('K3s servers on an external datastore open no etcd port and carry no inference mark', () => {
    const s = node(portMatrix(PRESETS['rancher-k3s'].plan), 'server-2');
    expect(required(s)).not.toContain('tcp 2379-2380');
    expect(s.rules.some((r) => r.inference === SPLIT_ROLE_INFERENCE)).toBe(false);
  });
});

describe('load-balancer listeners (§5)', () => {
  it('Rancher on any Kubernetes: 80 and 443 to every ingress node', () => {
    const m = portMatrix(PRESETS['rancher-rke'].plan);
    const ui = m.listeners.filter((l) => l.purpose === 'Rancher UI and API');
    expect(ui.map((l) => [l.port, l.targets])).toEqual([
      [80, ['rancher-1', 'rancher-2', 'rancher-3']],
      [443, ['rancher-1', 'rancher-2', 'rancher-3']],
    ]);
    expect(m.listeners.find((l) => l.port === 6443)?.note).toMatch(/authentication\.sans/);
  });
  it('RKE2 servers: 9345 and 6443; K3s servers: 6443 only', () => {
    const rke2 = matrixOf(rancherPlan('rke2'))
      .listeners.filter((l) => l.cluster === 'rancher')
      .map((l) => l.port);
    expect(rke2).toEqual([80, 443, 9345, 6443]);
    const k3s = portMatrix(PRESETS['rancher-k3s'].plan).listeners.map((l) => [l.port, l.targets]);
    expect(k3s).toEqual([
      [80, ['server-1', 'server-2']],
      [443, ['server-1', 'server-2']],
      [6443, ['server-1', 'server-2']],
    ]);
  });
  it("the ACE: its FQDN on 443, where Rancher's https://FQDN context goes, forwarded to 6443 on the controlplane nodes", () => {
    const m = portMatrix(PRESETS['downstream-production'].plan);
    expect(m.listeners).toEqual([
      expect.objectContaining({ cluster: 'production', port: 443, targetPort: 6443, fqdn: 'api.production.example.com', targets: ['cp-1', 'cp-2'] }),
    ]);
    expect(m.listeners[0]?.note).not.toMatch(/:6443/);
  });
  it('the ACE: an FQDN that names its port is listened for there', () => {
    const plan = structuredClone(PRESETS['downstream-production'].plan);
    const ace = plan.clusters[0]?.authorizedEndpoint;
    if (!ace) throw new Error('the preset has an authorized endpoint');
    ace.port = 8443;
    expect(portMatrix(plan).listeners).toEqual([expect.objectContaining({ port: 8443, targetPort: 6443 })]);
  });
  it('every other listener forwards to the port it listens on', () => {
    for (const [id, { plan }] of Object.entries(PRESETS))
      for (const l of portMatrix(plan).listeners.filter((x) => x.purpose !== 'authorized cluster endpoint'))
        expect(l.targetPort, `${id} ${l.port}`).toBe(l.port);
  });
});

describe('groups', () => {
  it('list plan nodes once per group, and leave outside groups for the reader to fill', () => {
    const m = portMatrix(PRESETS['downstream-production'].plan);
    expect(m.groups['production:etcd']?.members?.map((x) => x.address)).toEqual(['10.1.0.1', '10.1.0.2', '10.1.0.3']);
    expect(m.groups['load-balancer']?.members).toBeUndefined();
    expect(m.groups['rancher-nodes']?.label).toMatch(/not in this plan/);
    expect(m.groups['production:pod-network']?.defaults).toEqual(['10.42.0.0/16']);
    expect(m.groups['production:pod-network']?.label).toMatch(/default cluster-cidr 10\.42\.0\.0\/16/);
  });
  it("the pod network is the cluster's own cluster-cidr, per cluster", () => {
    const plan = structuredClone(RECOMMENDED_PLAN);
    const [rancher, production] = plan.clusters;
    if (!rancher || !production) throw new Error('two clusters');
    rancher.podCidrs = ['172.30.0.0/16', 'fd00:30::/56'];
    const m = portMatrix(plan);
    expect(m.groups['rancher:pod-network']?.defaults).toEqual(['172.30.0.0/16', 'fd00:30::/56']);
    expect(m.groups['production:pod-network']?.defaults).toEqual(['10.42.0.0/16']);
    const rancherNode = m.clusters[0]?.nodes[0];
    const podRule = rancherNode?.rules.find((r) => r.id === 'pod-network');
    expect(podRule?.from).toEqual(['rancher:pod-network']);
  });
  it('a node inside its pod network is warned about, in the matrix and on the node', () => {
    const plan = structuredClone(PRESETS['downstream-production'].plan);
    const cluster = plan.clusters[0];
    if (!cluster) throw new Error('one cluster');
    cluster.podCidrs = ['10.1.0.0/16'];
    const m = portMatrix(plan);
    expect(m.clusters[0]?.notes.join(' ')).toMatch(/inside the pod network/);
    expect(m.clusters[0]?.nodes.every((n) => n.warnings?.[0]?.includes('10.1.0.0/16'))).toBe(true);
    cluster.podCidrs = ['10.200.0.0/16'];
    expect(allNodes(portMatrix(plan)).some((n) => n.warnings !== undefined)).toBe(false);
  });
  it('the pod-network warning stays on the entry inside it, even where another entry shares its name', () => {
    const both = (address: string) => ({ name: 'n1', address, roles: ['etcd' as const, 'controlplane' as const, 'worker' as const] });
    const m = matrixOf({ clusters: [{ name: 'prod', distribution: 'rke', nodes: [both('10.1.0.5'), both('10.42.0.5')] }] });
    expect(m.clusters[0]?.nodes.map((n) => n.warnings !== undefined)).toEqual([false, true]);
  });
  it('every node of every preset has rules, and every rule names groups that exist', () => {
    for (const [id, { plan }] of Object.entries(PRESETS)) {
      const m = portMatrix(plan);
      for (const n of allNodes(m)) {
        expect(n.rules.length, `${id} ${n.node}`).toBeGreaterThan(0);
        for (const r of n.rules) for (const k of r.from) expect(m.groups[k], `${id} ${n.node} ${r.id} ${k}`).toBeDefined();
      }
    }
  });
});
