// Readers of the files operators declare clusters in (issue 21): Cluster API, cluster-templates
// Helm values, Ansible inventories, Lists and YAML streams; detection that never guesses; counts
// left open; cluster.yml keys rke ignores. Fixtures are the project's own (test/fixtures/README.md).
import { inputError } from '../testing/input-error.ts';
import { fixture, readFixture } from '../testing/fixtures.ts';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../check.ts';
import { parseIniInventory, readInventory, yamlInventory } from './ansible.ts';
import { substitute, nameFrom } from './envsubst.ts';
import { readInputDetailed } from './read.ts';
import { parseText } from './text.ts';

/** "name[pool]:roles" per node of a cluster, in plan order. */
const layout = (r: ReturnType<typeof readFixture>, cluster = 0) =>
  r.plan.clusters[cluster]!.nodes.map((n) => `${n.name}${n.pool ? `[${n.pool}]` : ''}${n.address ? `@${n.address}` : ''}:${n.roles.join('+')}`);
const rules = (r: ReturnType<typeof readFixture>) => checkPlan(r.plan, { extraFindings: r.findings }).findings.map((f) => f.rule);

describe('envsubst placeholders', () => {
  it('fills defaults of both forms and leaves a bare placeholder open', () => {
    expect(substitute('${A:=3}')).toEqual({ text: '3', open: [] });
    expect(substitute('${A:-v1.30.8}+rke2r1')).toEqual({ text: 'v1.30.8+rke2r1', open: [] });
    expect(substitute('${WORKERS}')).toEqual({ text: undefined, open: ['${WORKERS}'] });
    expect(nameFrom('${CLUSTER_NAME}-md-0')).toBe('cluster-name-md-0');
  });
});

describe('Cluster API', () => {
  it('classic objects: control plane servers and deployment agents, a default read as its value, pools and lines', () => {
    const r = readFixture('capi-rke2-classic.cluster.yaml');
    expect(r.format).toBe('capi');
    expect(r.plan.clusters[0]).toMatchObject({ name: 'shop', distribution: 'rke2', kubernetesVersion: 'v1.31.4+rke2r1', podCidrs: ['10.60.0.0/16'] });
    expect(layout(r)).toEqual([
      'shop-servers-1[shop-servers]:server',
      'shop-servers-2[shop-servers]:server',
      'shop-servers-3[shop-servers]:server',
      'shop-agents-1[shop-agents]:agent',
      'shop-agents-2[shop-agents]:agent',
    ]);
    expect(r.plan.clusters[0]!.nodesUnknown).toBeUndefined();
    // Nodes point at their replicas: line.
    expect(r.locate(['clusters', 0, 'nodes', 0])?.line).toBe(29);
    expect(r.locate(['clusters', 0, 'nodes', 4])?.line).toBe(39);
    expect(r.warnings.map((w) => w.message).join('\n')).toMatch(/not read .*"DockerCluster"/);
  });

  it('a bare ${VAR} count is unknown: listed, and the counting rules are not judged on a guess', () => {
    const r = readFixture('capi-rke2-open-count.cluster.yaml');
    const cluster = r.plan.clusters[0]!;
    expect(cluster.nodesUnknown).toEqual(['${WORKER_MACHINE_COUNT}']);
    expect(cluster.kubernetesVersion).toBe('v1.30.8+rke2r1');
    expect(layout(r)).toHaveLength(3);
    const found = rules(r);
    expect(found).toContain('plan-counts-unknown');
    // With 2.6+ the layout rules apply to RKE2: none may judge the open worker count.
    const report = checkPlan({ ...r.plan, rancher: { version: '2.8.0', install: 'kubernetes' } });
    expect(report.findings.map((f) => f.rule)).not.toContain('downstream-two-workers');
    expect(report.findings.map((f) => f.rule)).not.toContain('machine-pools-each-role');
  });

  it('the same cluster with the count given is judged again', () => {
    const text = fixture('capi-rke2-open-count.cluster.yaml').replace('${WORKER_MACHINE_COUNT}', '1');
    const r = readInputDetailed(text, { filename: 'known.yaml' });
    expect(r.plan.clusters[0]!.nodesUnknown).toBeUndefined();
    expect(rules(r)).not.toContain('plan-counts-unknown');
  });

  it('a ClusterClass topology: counts from spec.topology, K3s from the version', () => {
    const r = readFixture('capi-k3s-topology.cluster.yaml');
    expect(r.plan.clusters[0]).toMatchObject({ name: 'edge', distribution: 'k3s', kubernetesVersion: 'v1.30.6+k3s1' });
    expect(layout(r)).toEqual([
      'edge-control-plane-1[edge-control-plane]:server',
      'edge-md-a-1[edge-md-a]:agent',
      'edge-md-a-2[edge-md-a]:agent',
      'edge-md-b-1[edge-md-b]:agent',
    ]);
    expect(r.locate(['clusters', 0, 'nodes', 3])?.line).toBe(19);
  });

  it('refuses a replica count beyond the cluster bound at its line', () => {
    const text = fixture('capi-k3s-topology.cluster.yaml').replace('replicas: 2', 'replicas: 999999');
    expect(inputError(() => readInputDetailed(text, { filename: 'big.yaml' })).message).toMatch(/^big\.yaml:16:\d+ .*replicas: .*limited to 5,000/);
  });
});

describe('Helm values of the cluster-templates chart', () => {
  it('pools with their roles, the version and the endpoint under cluster.config', () => {
    const r = readFixture('helm-values-pools.values.yaml');
    expect(r.format).toBe('helm-values');
    expect(r.plan.clusters[0]).toMatchObject({ name: 'web', distribution: 'rke2', kubernetesVersion: 'v1.31.4+rke2r1' });
    expect(layout(r)).toEqual([
      'servers-1[servers]:etcd+controlplane',
      'servers-2[servers]:etcd+controlplane',
      'servers-3[servers]:etcd+controlplane',
      'workers-1[workers]:worker',
      'workers-2[workers]:worker',
    ]);
    expect(r.plan.clusters[0]!.authorizedEndpoint).toMatchObject({ fqdn: 'api.web.example.com', targets: ['servers-1', 'servers-2', 'servers-3'] });
    expect(r.locate(['clusters', 0, 'nodes', 3])?.line).toBe(18);
  });

  it('a quantity that is not a whole number is refused at its place', () => {
    const text = fixture('helm-values-pools.values.yaml').replace('quantity: 3', 'quantity: three');
    expect(inputError(() => readInputDetailed(text, { filename: 'v.yaml' })).message).toMatch(
      /^v\.yaml:13:\d+ nodepools\[0\]\.quantity: must be a whole number/,
    );
  });
});

describe('Ansible inventories', () => {
  it('rke2-ansible: roles from the groups, addresses from ansible_host or node_ip, node_name', () => {
    const r = readFixture('ansible-rke2.hosts.yml');
    expect(r.format).toBe('ansible-inventory');
    expect(r.plan.clusters[0]).toMatchObject({ name: 'rke2_cluster', distribution: 'rke2', datastore: 'embedded', kubernetesVersion: 'v1.31.4+rke2r1' });
    expect(layout(r)).toEqual([
      's1.example.net@192.0.2.11:server',
      's2.example.net@192.0.2.12:server',
      's3@192.0.2.13:server',
      'a1.example.net@192.0.2.21:agent',
    ]);
  });

  it('k3s-ansible INI: one server keeps its data in SQLite; hosts are their addresses', () => {
    const r = readFixture('ansible-k3s.ini');
    expect(r.plan.clusters[0]).toMatchObject({ name: 'k3s_cluster', distribution: 'k3s', datastore: 'sqlite', kubernetesVersion: 'v1.31.2+k3s1' });
    expect(layout(r)).toEqual(['198.51.100.10@198.51.100.10:server', '198.51.100.20@198.51.100.20:agent', '198.51.100.21@198.51.100.21:agent']);
    expect(r.locate(['clusters', 0, 'nodes', 2])?.line).toBe(7);
  });

  it('ansible-role-rke2: rke2_type from group vars', () => {
    const r = readFixture('ansible-lablabs.inventory.yml');
    expect(layout(r)).toEqual(['m1@203.0.113.1:server', 'm2@203.0.113.2:server', 'm3@203.0.113.3:server', 'w1@203.0.113.11:agent']);
  });

  it('group_vars from the inventory folder set rke2_type and the version', () => {
    const text = '[masters]\nm1 ansible_host=192.0.2.1\n\n[workers]\nw1 ansible_host=192.0.2.2\n\n[k8s_cluster:children]\nmasters\nworkers\n';
    const doc = parseIniInventory(text, 'hosts.ini')!;
    const out = readInventory(yamlInventory(doc.data as Record<string, unknown>), doc, {
      filename: 'hosts.ini',
      groupVars: { all: { rke2_version: 'v1.31.4+rke2r1' }, masters: { rke2_type: 'server' }, workers: { rke2_type: 'agent' } },
    });
    const cluster = out.plan.clusters![0]!;
    expect(cluster).toMatchObject({ name: 'k8s_cluster', kubernetesVersion: 'v1.31.4+rke2r1' });
    expect(cluster.nodes!.map((n) => `${n.name}:${n.roles!.join('+')}`)).toEqual(['m1:server', 'w1:agent']);
  });
});

describe('Lists and YAML streams', () => {
  it('a List of provisioning Clusters is a plan with each cluster; one without pools has open counts', () => {
    const r = readFixture('provisioning-clusters.list.yaml');
    expect(r.format).toBe('manifests');
    expect(r.plan.clusters.map((c) => [c.name, c.distribution, c.kubernetesVersion, c.nodes.length, c.nodesUnknown?.length ?? 0])).toEqual([
      ['pools', 'rke2', 'v1.31.4+rke2r1', 5, 0],
      ['custom', 'k3s', 'v1.30.8+k3s1', 0, 1],
    ]);
    expect(r.locate(['clusters', 0, 'nodes', 3])?.line).toBe(14);
    expect(r.warnings.map((w) => w.message).join('\n')).toMatch(/"custom" has no machine pools/);
  });

  it('a List of provisioning Clusters is never read as a node list', () => {
    const list =
      'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: provisioning.cattle.io/v1\n    kind: Cluster\n    metadata: { name: local }\n    spec: { kubernetesVersion: v1.21.7+rke2r1, rkeConfig: {} }\n';
    const r = readInputDetailed(list);
    expect(r.format).toBe('manifests');
    expect(r.plan.clusters.map((c) => c.name)).toEqual(['local']);
    expect(r.plan.clusters[0]!.nodes).toEqual([]);
  });

  it('helm template output: the provisioning Cluster is read, the other objects are named as not read', () => {
    const r = readFixture('helm-template-stream.yaml');
    expect(r.format).toBe('manifests');
    expect(layout(r)).toEqual(['all-1[all]:etcd+controlplane+worker', 'all-2[all]:etcd+controlplane+worker', 'all-3[all]:etcd+controlplane+worker']);
    expect(r.warnings.at(-1)?.message).toMatch(/not read .*"Secret" and "HarvesterConfig"/);
    expect(r.locate(['clusters', 0, 'nodes', 0])?.line).toBe(18);
  });

  it('a stream of documents a single-document reader takes is refused where the second starts', () => {
    expect(inputError(() => readInputDetailed('nodes:\n  - { address: 192.0.2.1, user: u, role: [etcd] }\n---\nnodes: []\n')).message).toMatch(
      /^3:1: a second YAML document starts here; an RKE cluster\.yml is read one document per input/,
    );
  });

  it('a stream of objects none of which we read says so', () => {
    expect(inputError(() => readInputDetailed('kind: Secret\n---\nkind: ConfigMap\n')).message).toMatch(
      /found 2 YAML documents, none of a kind rancher-arch reads/,
    );
  });

  it('parses each document of a stream on its own, with positions per document', () => {
    const doc = parseText('a: 1\n---\nb:\n  c: 2\n');
    expect(doc.documents?.map((d) => d.data)).toEqual([{ a: 1 }, { b: { c: 2 } }]);
    expect(doc.locate([1, 'b', 'c'])).toEqual({ line: 4, col: 6 });
  });
});

describe('detection never guesses', () => {
  it('a cluster.yml with apiVersion and kind added is an error naming both formats', () => {
    const e = inputError(() => readFixture('rke-ambiguous-kind.cluster.yml'));
    expect(e.message).toMatch(
      /^rke-ambiguous-kind\.cluster\.yml: this input matches two formats: kubectl get nodes output \(kubectl-nodes\) and an RKE cluster\.yml \(cluster-yml\)/,
    );
    expect(e.message).toMatch(/--input-format kubectl-nodes or --input-format cluster-yml/);
  });

  it('the format chosen settles it', () => {
    expect(readFixture('rke-ambiguous-kind.cluster.yml', { format: 'cluster-yml' }).plan.clusters[0]!.nodes[0]!.roles).toEqual([
      'etcd',
      'controlplane',
      'worker',
    ]);
    // Read as the Node it claims to be, it is a Node without a name: the choice is followed, not second-guessed.
    expect(inputError(() => readFixture('rke-ambiguous-kind.cluster.yml', { format: 'kubectl-nodes' })).message).toMatch(/metadata\.name: missing/);
  });

  it('Helm values with a rancher: key of their own are not a plan', () => {
    const r = readInputDetailed(
      'rancher:\n  cattle: { url: rancher.example.com }\ncluster: { name: x }\nnodepools:\n  - { name: all, quantity: 1, etcd: true, controlplane: true, worker: true }\n',
    );
    expect(r.format).toBe('helm-values');
  });
});

describe('cluster.yml keys rke ignores', () => {
  it('names the key and its line in a warning', () => {
    const r = readFixture('rke-unknown-key.cluster.yml');
    expect(r.format).toBe('cluster-yml');
    expect(r.warnings).toEqual([
      expect.objectContaining({ place: 'rke-unknown-key.cluster.yml:7:1', message: expect.stringMatching(/top-level key "servces"/) }),
    ]);
  });

  it('says nothing about the keys rke reads', () => {
    expect(readFixture('rke-ha-3node.cluster.yml').warnings).toEqual([]);
  });
});
