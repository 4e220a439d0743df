import { inputError } from '../testing/input-error.ts';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { checkPlan } from '../check.ts';
import { planSchema } from '../plan.ts';
import { PRESETS, RECOMMENDED_PLAN } from '../presets.ts';
import { InputError } from './input-error.ts';
import { decodeBytes } from './text.ts';
import { toNginxConfig } from './nginx.ts';
import { planJsonSchema, toPlanJson, toPlanYaml } from './plan-file.ts';
import { readInput, readInputDetailed } from './read.ts';
import { toClusterYml } from './rke-cluster-yml.ts';
import { isTerraformName } from './terraform.ts';

// The project's own small inputs, one quirk each (test/fixtures/README.md says which).
const FIXTURES = new URL('../../../test/fixtures/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const read = (name: string, options = {}) => readInputDetailed(fixture(name), { filename: name, ...options });
const nodesOf = (name: string, options = {}) => read(name, options).plan.clusters[0]!.nodes.map((n) => `${n.name}:${n.roles.join('+')}`);

describe('fixtures', () => {
  it('reads every fixture', () => {
    const files = readdirSync(FIXTURES).filter((f) => f !== 'README.md');
    // The README lists each fixture in its table's first column; a file added or lost shows up here.
    const listed = [...fixture('README.md').matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
    expect(files.sort()).toEqual(listed.sort());
    // At least the 30 files before issue 21 plus its 11 YAML/INI fixtures (Terraform's come on top).
    expect(files.length).toBeGreaterThanOrEqual(41);
    for (const f of files) {
      // Terraform files and folders need the HCL parser, loaded asynchronously: terraform.test.ts reads each of them.
      if (isTerraformName(f) || statSync(new URL(f, FIXTURES)).isDirectory()) continue;
      if (f.endsWith('.conf')) expect(() => read(f), f).toThrow(/nginx configuration/);
      // A document two readers claim is an input error naming both, never a guess.
      else if (f === 'rke-ambiguous-kind.cluster.yml') expect(() => read(f), f).toThrow(/matches two formats: .*kubectl-nodes.*cluster-yml/);
      else expect(() => read(f), f).not.toThrow();
    }
  });

  it('RKE HA layout: 3 nodes, all roles, cluster "local"', () => {
    const r = read('rke-ha-3node.cluster.yml');
    expect(r.format).toBe('cluster-yml');
    expect(r.plan.clusters[0]).toMatchObject({ name: 'local', distribution: 'rke' });
    expect(nodesOf('rke-ha-3node.cluster.yml')).toEqual(['203.0.113.11', '203.0.113.12', '203.0.113.13'].map((a) => `${a}:controlplane+worker+etcd`));
    expect(r.findings).toEqual([]);
  });

  it('the same layout read as the Rancher cluster: HA, no errors, asks for a load balancer', () => {
    const r = read('rke-ha-3node.cluster.yml', { as: 'rancher', rancherVersion: '2.4.8' });
    expect(r.plan.rancher).toMatchObject({ version: '2.4.8', install: 'kubernetes', cluster: 'local' });
    const report = checkPlan(r.plan);
    expect(report.summary.errors).toBe(0);
    // No backup_config: rke's defaults apply (snapshots on), and they stay on the etcd nodes alone.
    expect(r.plan.clusters[0]!.etcdSnapshots).toEqual({});
    expect(report.findings.map((f) => f.rule).sort()).toEqual(['etcd-snapshots-off-node', 'lb-present', 'rancher-k3s-preferred']);
    expect(r.plan.clusters[0]!.nodes.map((n) => n.address)).toEqual(['203.0.113.11', '203.0.113.12', '203.0.113.13']);
  });

  it('an unknown role: 3 nodes, 1 etcd, and the role "storage" reported as rke would', () => {
    const r = read('rke-unknown-role.cluster.yml');
    expect(r.plan.clusters[0]!.name).toBe('sample');
    expect(nodesOf('rke-unknown-role.cluster.yml')).toEqual(['198.51.100.1:controlplane+etcd', '198.51.100.2:worker', 'nas-1:']);
    expect(r.plan.clusters[0]!.nodes[2]!.address).toBe('storage.example.net');
    // The external etcd block is commented out, so etcd stays in the cluster.
    expect(r.plan.clusters[0]!.datastore).toBeUndefined();
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ rule: 'rke-config-valid', severity: 'error', nodes: ['nas-1'] });
    expect(r.findings[0]!.message).toMatch(/"storage"/);
    expect(checkPlan(r.plan).clusters[0]).toMatchObject({ etcdMembers: 1, quorum: 1, failuresTolerated: 0 });
  });

  it('split layout: 1 controlplane+etcd node and 5 workers, hostname_override as names', () => {
    expect(nodesOf('rke-split-bastion.cluster.yml')).toEqual(['cp-1:controlplane+etcd', ...[1, 2, 3, 4, 5].map((i) => `worker-${i}:worker`)]);
    const rules = checkPlan(read('rke-split-bastion.cluster.yml').plan).findings.map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['downstream-single-role', 'downstream-three-etcd', 'downstream-two-controlplane']));
  });

  it('single node with a "role: " key followed by a space', () => {
    const r = read('rke-single-node-role-space.rancher-cluster.yml', { as: 'rancher' });
    expect(nodesOf('rke-single-node-role-space.rancher-cluster.yml')).toEqual(['198.51.100.40:controlplane+etcd+worker']);
    expect(r.plan.clusters[0]!.name).toBe('rancher-single');
    const ha = checkPlan(r.plan).findings.find((f) => f.rule === 'rancher-cluster-ha');
    expect(ha?.severity).toBe('error'); // default Rancher version 2.4
  });

  it('5 nodes, 4 etcd (even), custom SSH ports', () => {
    expect(nodesOf('rke-5node-4etcd-sshport.cluster.yml')).toEqual(
      ['alpha', 'bravo', 'charlie', 'delta'].map((n) => `${n}:controlplane+etcd+worker`).concat('echo:worker'),
    );
    const report = checkPlan(read('rke-5node-4etcd-sshport.cluster.yml').plan);
    expect(report.clusters[0]).toMatchObject({ etcdMembers: 4, quorum: 3, failuresTolerated: 1 });
    expect(report.findings.map((f) => f.rule)).toContain('etcd-odd-members');
  });

  it('rke config output: empty strings mean unset, block role lists, names lower-cased from the address', () => {
    const r = read('rke-config-output.cluster.yml');
    expect(r.plan.clusters[0]!.name).toBe('local');
    expect(nodesOf('rke-config-output.cluster.yml')).toEqual([
      'node-a.example.com:controlplane+worker+etcd',
      'node-b.example.com:controlplane+worker+etcd',
      'node-c.example.com:controlplane+worker+etcd',
      'node-d.example.com:controlplane+worker',
    ]);
    // The address keeps its case; only the node name is lower-cased, as rke does.
    expect(r.plan.clusters[0]!.nodes[1]!.address).toBe('NODE-B.Example.COM');
    // An empty external_urls list is not external etcd.
    expect(r.plan.clusters[0]!.datastore).toBeUndefined();
    expect(r.findings).toEqual([]);
  });

  it('duplicate top-level key: read with a warning naming the line, last value used', () => {
    const r = read('rke-4node-duplicate-key.cluster.yml');
    expect(nodesOf('rke-4node-duplicate-key.cluster.yml')).toEqual(['cp-a:controlplane+etcd', 'cp-b:controlplane+etcd', 'wk-a:worker', 'wk-b:worker']);
    expect(r.plan.clusters[0]!.name).toBe('branch-office');
    expect(r.warnings).toEqual([{ place: 'rke-4node-duplicate-key.cluster.yml:39:1', message: expect.stringMatching(/"private_registries" appears twice/) }]);
  });

  it('no user on any node, after a "---": read, with rke\'s refusal as a finding', () => {
    const r = read('rke-docstart-no-user.cluster.yml');
    expect(r.plan.clusters[0]!.name).toBe('lab');
    expect(r.plan.clusters[0]!.nodes).toHaveLength(4);
    expect(r.plan.clusters[0]!.nodes[3]!.roles).toEqual(['etcd', 'worker']);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.message).toMatch(/no user/);
    expect(r.findings[0]!.nodes).toHaveLength(4);
    expect(checkPlan(r.plan).clusters[0]!.etcdMembers).toBe(4);
  });

  it('external etcd: datastore external, no etcd node needed', () => {
    const r = read('rke-external-etcd.cluster.yml');
    expect(r.plan.clusters[0]).toMatchObject({ name: 'rancher', distribution: 'rke', datastore: 'external' });
    expect(nodesOf('rke-external-etcd.cluster.yml')).toEqual(['rancher-cp:controlplane+worker', 'rancher-w1:worker']);
    expect(checkPlan(r.plan).findings.map((f) => f.rule)).not.toContain('rke-each-role');
  });

  it('quoted flow roles and UTF-8 comments; commented-out nodes are not nodes', () => {
    const r = read('rke-comments-utf8.cluster.yml');
    expect(r.plan.clusters[0]!.name).toBe('lab-east');
    expect(nodesOf('rke-comments-utf8.cluster.yml')).toEqual([1, 2, 3].map((i) => `n${i}.example.net:etcd+controlplane+worker`));
    expect(r.findings).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('a home lab rke refuses: invented roles and a "_" in hostname_override; upper case is lower-cased', () => {
    const r = read('rke-invalid-names-roles.cluster.yml');
    expect(r.plan.clusters[0]!.name).toBe('homelab');
    expect(nodesOf('rke-invalid-names-roles.cluster.yml')).toEqual([
      'gateway.home.lan:worker',
      'store_1.home.lan:worker',
      'media-box:worker',
      'media_2:worker',
    ]);
    expect(r.findings.map((f) => [f.rule, f.nodes])).toEqual([
      ['rke-config-valid', ['gateway.home.lan']],
      ['rke-config-valid', ['media-box']],
    ]);
    expect(r.findings[0]!.message).toMatch(/"gateway"/);
    expect(r.findings[1]!.message).toMatch(/"media"/);
    // Names rke refuses are a plan rule, so the editor reports them too: "_" in an override or an address.
    const report = checkPlan(r.plan, { extraFindings: r.findings });
    expect(report.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['rke-config-valid', 'rke-each-role', 'node-name-dns1123']));
    expect(report.findings.find((f) => f.rule === 'node-name-dns1123')?.nodes).toEqual(['store_1.home.lan', 'media_2']);
  });

  it('kubectl NodeList from K3s: one server without an etcd label keeps its data in SQLite, not etcd', () => {
    const r = read('kubectl-nodes-k3s-single-server.json');
    expect(r.format).toBe('kubectl-nodes');
    expect(r.plan.clusters[0]).toMatchObject({ name: 'cluster', distribution: 'k3s', datastore: 'sqlite' });
    expect(checkPlan(r.plan).clusters[0]).toMatchObject({ etcdMembers: 0, quorum: 0 });
    expect(r.plan.clusters[0]!.hosting).toBeUndefined(); // k3s:// is no cloud
    expect(r.plan.clusters[0]!.nodes).toEqual([{ name: 'k3s-solo', address: '192.0.2.41', roles: ['server'], taints: [] }]);
  });

  it('kubectl List YAML from RKE2: a server (etcd label) and an agent', () => {
    const r = read('kubectl-nodes-rke2-list.yaml');
    expect(r.format).toBe('kubectl-nodes');
    expect(r.plan.clusters[0]).toMatchObject({ distribution: 'rke2', datastore: 'embedded' });
    expect(r.plan.clusters[0]!.nodes.map((n) => [n.name, n.roles])).toEqual([
      ['rke2-server-1', ['server']],
      ['rke2-agent-1', ['agent']],
    ]);
  });

  it('kubectl NodeList with RKE role labels', () => {
    const r = read('kubectl-nodes-rke-labels.json');
    expect(r.plan.clusters[0]!.distribution).toBe('rke');
    expect(r.plan.clusters[0]!.datastore).toBeUndefined();
    expect(nodesOf('kubectl-nodes-rke-labels.json')).toEqual(
      ['rke-cp-1', 'rke-cp-2', 'rke-cp-3'].map((n) => `${n}:etcd+controlplane`).concat('rke-worker-1:worker'),
    );
  });

  it('kubectl NodeList from kubeadm: a tainted master and workers without role labels', () => {
    const r = read('kubectl-nodes-kubeadm.json');
    expect(r.plan.clusters[0]).toMatchObject({ distribution: 'other' });
    expect(r.plan.clusters[0]!.hosting).toBeUndefined();
    expect(nodesOf('kubectl-nodes-kubeadm.json')).toEqual(['kadm-master:controlplane', 'kadm-worker1:worker', 'kadm-worker2:worker']);
  });

  it('kubectl List JSON from EKS: told by the -eks- kubelet', () => {
    const r = read('kubectl-nodes-eks-list.json');
    expect(r.plan.clusters[0]!.distribution).toBe('eks');
    expect(r.plan.clusters[0]!.nodes.map((n) => n.address)).toEqual(['192.0.2.10', '192.0.2.47']);
    // Managed nodes are workers; aws:/// says where they run.
    expect(r.plan.clusters[0]!.nodes.map((n) => n.roles)).toEqual([['worker'], ['worker']]);
    expect(r.plan.clusters[0]!.hosting).toBe('ec2');
  });

  it('kubectl NodeList with legacy kubernetes.io/role labels on Azure VMs', () => {
    const r = read('kubectl-nodes-legacy-role-azure.json');
    // A listed master means self-managed (acs-engine), whatever the Azure labels say.
    expect(r.plan.clusters[0]!.distribution).toBe('other');
    expect(nodesOf('kubectl-nodes-legacy-role-azure.json')).toEqual(['k8s-agentpool-0:worker', 'k8s-agentpool-1:worker', 'k8s-master-0:controlplane']);
    expect(r.plan.clusters[0]!.hosting).toBe('azure');
  });

  it('a single kind: Node (untainted control plane)', () => {
    const r = read('kubectl-node-single.json');
    expect(r.format).toBe('kubectl-nodes');
    expect(r.plan.clusters[0]).toMatchObject({ name: 'cluster', distribution: 'other' });
    // A control-plane node without a NoSchedule/NoExecute taint takes workloads too.
    expect(nodesOf('kubectl-node-single.json')).toEqual(['devbox:controlplane+worker']);
  });

  it('a bare JSON array of Nodes', () => {
    const r = read('nodes-bare-array.json');
    expect(r.format).toBe('kubectl-nodes');
    expect(r.plan.clusters[0]!.nodes.map((n) => n.name)).toEqual(['snapnode']);
  });

  it('K3s config files become one-node K3s clusters', () => {
    const init = read('k3s-server-cluster-init.config.yaml');
    expect(init.format).toBe('k3s-config');
    expect(init.plan.clusters[0]).toMatchObject({
      name: 'k3s',
      distribution: 'k3s',
      datastore: 'embedded',
      nodes: [{ name: '192.0.2.51', address: '192.0.2.51', roles: ['server'] }],
    });
    expect(init.warnings[0]!.message).toMatch(/one server/);
    expect(read('k3s-server-external-db.config.yaml').plan.clusters[0]).toMatchObject({
      datastore: 'external',
      nodes: [{ name: 'change-me', roles: ['server'] }],
    });
    const join = read('k3s-server-join.config.yaml');
    expect(join.plan.clusters[0]).toMatchObject({ datastore: 'embedded', nodes: [{ address: '192.0.2.53', roles: ['server'] }] });
    expect(join.warnings[0]!.message).toMatch(/joining https:\/\/192\.0\.2\.51:6443/);
  });

  it('K3s servers without cluster-init, server or datastore-endpoint: a scalar disable, a node-taint', () => {
    for (const f of ['k3s-disable-only.config.yaml', 'k3s-server-taint-comments.config.yaml']) {
      const r = read(f);
      expect(r.format, f).toBe('k3s-config');
      // K3s's default for a lone server is SQLite.
      expect(r.plan.clusters[0], f).toMatchObject({ distribution: 'k3s', datastore: 'sqlite', nodes: [{ name: 'server-1', roles: ['server'] }] });
    }
  });

  it('RKE2 config files', () => {
    const cilium = read('rke2-server-cilium.config.yaml');
    const join = read('rke2-server-join.config.yaml');
    expect(cilium.format).toBe('rke2-config');
    expect(cilium.plan.clusters[0]).toMatchObject({
      name: 'rke2',
      distribution: 'rke2',
      datastore: 'embedded',
      network: 'cilium',
      nodes: [{ name: '198.51.100.30', address: '198.51.100.30', roles: ['server'] }],
    });
    expect(join.format).toBe('rke2-config');
    expect(join.plan.clusters[0]).toMatchObject({ name: 'rke2', distribution: 'rke2', nodes: [{ roles: ['server'] }] });
    expect(join.warnings[0]!.message).toMatch(/joining https:\/\/rke2\.example\.net:9345/);
  });

  it('a server kept free of workloads by a taint is no worker: split roles and embedded etcd', () => {
    const roles = (text: string) => readInput(text, { distribution: 'rke2' }).clusters[0]!.nodes[0]!.roles;
    const taint = 'node-taint: ["CriticalAddonsOnly=true:NoExecute"]\n';
    expect(roles(`cni: canal\ndisable-etcd: true\nserver: https://10.0.0.1:9345\n${taint}`)).toEqual(['controlplane']);
    expect(roles(`cni: canal\ndisable-etcd: true\nserver: https://10.0.0.1:9345\n`)).toEqual(['controlplane', 'worker']);
    expect(roles(`cni: canal\ndisable-apiserver: true\n${taint}`)).toEqual(['etcd']);
    expect(roles(`cni: canal\n${taint}`)).toEqual(['etcd', 'controlplane']);
    expect(roles('cni: canal\n')).toEqual(['server']);
  });

  it("Rancher provisioning Cluster (RKE2): one node per machine, named after its pool, with the pool's roles", () => {
    const r = read('provisioning-rke2-pools.cluster.yaml');
    expect(r.format).toBe('provisioning-cluster');
    const cluster = r.plan.clusters[0]!;
    expect(cluster).toMatchObject({ name: 'shop-prod', distribution: 'rke2' });
    expect(r.plan.rancher?.cluster).toBeUndefined();
    expect(nodesOf('provisioning-rke2-pools.cluster.yaml')).toEqual([
      'etcd-1:etcd',
      'etcd-2:etcd',
      'etcd-3:etcd',
      'cp-1:controlplane',
      'cp-2:controlplane',
      'worker-1:worker',
      'worker-2:worker',
      'worker-3:worker',
    ]);
    // The FQDN's port is kept apart from the name (the load balancer listens there); the CA bundle means a private CA that was supplied.
    expect(cluster.authorizedEndpoint).toEqual({ fqdn: 'api.shop.example.com', port: 6443, targets: ['cp-1', 'cp-2'], privateCA: true, caCertificate: true });
    expect(r.warnings.map((w) => w.message).join('\n')).toMatch(/named after their machine pool/);
    const report = checkPlan({ ...r.plan, rancher: { version: '2.12.0', install: 'kubernetes' } });
    // spec.rkeConfig.etcd: a schedule and a retention, no S3, so the one warning is the local-only snapshots.
    expect(cluster.etcdSnapshots).toEqual({ cron: '0 */5 * * *', retention: 5 });
    // Rancher 2.12 is newer than the channel data the guide holds: whether it offers v1.31.4 is a note.
    expect(report.summary).toEqual({ errors: 0, warnings: 1, infos: 1 });
    expect(report.findings.map((f) => f.rule).sort()).toEqual(['etcd-snapshots-off-node', 'kubernetes-version-offered']);
    expect(report.clusters[0]).toMatchObject({ etcdMembers: 3, controlPlaneNodes: 2, workerNodes: 3 });
  });

  it('Rancher provisioning Cluster (K3s): all roles on one pool, a pool without quantity, a role that is a string', () => {
    const r = read('provisioning-k3s-combined.cluster.yaml');
    expect(r.plan.clusters[0]).toMatchObject({ name: 'edge-lab', distribution: 'k3s' });
    expect(r.plan.clusters[0]!.authorizedEndpoint).toBeUndefined();
    expect(nodesOf('provisioning-k3s-combined.cluster.yaml')).toEqual([
      'all-in-one-1:etcd+controlplane+worker',
      'all-in-one-2:etcd+controlplane+worker',
      'all-in-one-3:etcd+controlplane+worker',
      'extra-1:worker',
    ]);
    const findings = checkPlan({ ...r.plan, rancher: { version: '2.9.0', install: 'kubernetes' } }).findings;
    expect(findings.find((f) => f.rule === 'downstream-single-role')?.nodes).toEqual(['all-in-one-1', 'all-in-one-2', 'all-in-one-3']);
  });

  it('Rancher provisioning Cluster (JSON): an etcd+controlplane pool, a pool scaled to zero, an endpoint without FQDN', () => {
    const r = read('provisioning-rke2-etcd-cp.cluster.json');
    expect(nodesOf('provisioning-rke2-etcd-cp.cluster.json')).toEqual([
      'control-1:etcd+controlplane',
      'control-2:etcd+controlplane',
      'control-3:etcd+controlplane',
      'workers-1:worker',
      'workers-2:worker',
    ]);
    expect(r.plan.clusters[0]!.authorizedEndpoint).toEqual({ targets: [], privateCA: false, caCertificate: false });
    const rules = checkPlan({ ...r.plan, rancher: { version: '2.12.0', install: 'kubernetes' } }).findings.map((f) => f.rule);
    expect(rules.sort()).toEqual(['ace-fqdn', 'etcd-snapshots-off-node', 'kubernetes-version-offered']);
  });

  it('Rancher provisioning Cluster: refusals name the place', () => {
    const base = 'apiVersion: provisioning.cattle.io/v1\nkind: Cluster\nmetadata: { name: c }\nspec:\n  kubernetesVersion: v1.31.4+rke2r1\n';
    // A custom cluster: its machines join with a registration command, so the file lists none.
    expect(inputError(() => readInput(`${base}  rkeConfig:\n    chartValues: {}\n`, { filename: 'custom.yaml' })).message).toMatch(
      /^custom\.yaml:7:5 spec\.rkeConfig: this Cluster has no machine pools: it is a custom cluster/,
    );
    expect(
      inputError(() => readInput(`${base}  rkeConfig:\n    machinePools:\n      - { name: a, quantity: -1, workerRole: true }\n`, { filename: 'c.yaml' }))
        .message,
    ).toBe('c.yaml:8:30 spec.rkeConfig.machinePools[0].quantity: must be a whole number of machines, 0 or more');
    expect(inputError(() => readInput(`${base}  rkeConfig:\n    machinePools:\n      - { name: a, quantity: 6000, workerRole: true }\n`)).message).toMatch(
      /6,000 machines/,
    );
    expect(inputError(() => readInput(`${base}  rkeConfig:\n    machinePools:\n      - { quantity: 1, workerRole: true }\n`)).message).toMatch(/needs a name/);
    expect(inputError(() => readInput(base)).message).toMatch(/no spec\.rkeConfig/);
    // A pool name that cannot become a node name is refused at the pool's name, by the one validation path.
    expect(
      inputError(() => readInput(`${base}  rkeConfig:\n    machinePools:\n      - { name: "a b", quantity: 1, workerRole: true }\n`, { filename: 'c.yaml' }))
        .message,
    ).toMatch(/^c\.yaml:8:17 spec\.rkeConfig\.machinePools\[0\]\.name: /);
    // Without +rke2 or +k3s in the version, RKE2 is assumed, and the warning says how to choose.
    const unsure = readInputDetailed(`${base.replace('+rke2r1', '')}  rkeConfig:\n    machinePools:\n      - { name: a, quantity: 1, workerRole: true }\n`);
    expect(unsure.plan.clusters[0]!.distribution).toBe('rke2');
    expect(unsure.warnings.map((w) => w.message).join('\n')).toMatch(/--distribution k3s/);
  });

  it('an agent-only K3s config becomes an agent', () => {
    expect(readInput('server: https://10.0.0.1:6443\ntoken: x\nnode-ip: 10.0.0.5\n').clusters[0]!.nodes[0]!.roles).toEqual(['agent']);
  });

  it('reports a hostname_override rke refuses: "_", a label over 63, a name over 253; upper case is lower-cased', () => {
    const yml = (name: string) =>
      `nodes:\n  - address: 10.0.0.1\n    user: rancher\n    role: [etcd, controlplane, worker]\n    hostname_override: "${name}"\n`;
    const refused = (name: string) => {
      const r = readInputDetailed(yml(name));
      return checkPlan(r.plan, { extraFindings: r.findings }).findings.some((f) => f.rule === 'node-name-dns1123' && /not a valid hostname/.test(f.message));
    };
    expect(refused('node_1')).toBe(true);
    expect(refused('a'.repeat(64))).toBe(true);
    expect(refused('a'.repeat(63))).toBe(false);
    expect(refused('Node-1.Example.com')).toBe(false);
    // Longer than any name can be: refused when read, with the place.
    expect(inputError(() => readInputDetailed(yml('c'.repeat(300)), { filename: 'c.yml' })).message).toMatch(
      /^c\.yml:5:\d+ nodes\[0\]\.hostname_override: is 300 characters long/,
    );
  });

  it('the nginx config is refused with a clear message', () => {
    const e = inputError(() => read('nginx-l4.conf'));
    expect(e.message).toMatch(/^nginx-l4\.conf: this is an nginx configuration/);
  });
});

describe('etcd snapshots', () => {
  const snapshotRules = (plan: Parameters<typeof checkPlan>[0]) =>
    checkPlan(plan)
      .findings.filter((f) => f.rule.startsWith('etcd-snapshots-'))
      .map((f) => `${f.rule}:${f.severity}`);

  it('cluster.yml: backup_config with an S3 copy is read as written; nothing to report', () => {
    const r = read('rke-backup-config-s3.cluster.yml');
    expect(r.plan.clusters[0]!.etcdSnapshots).toEqual({ enabled: true, intervalHours: 6, retention: 24, offNode: 's3' });
    expect(snapshotRules(r.plan)).toEqual([]);
  });

  it('cluster.yml: backup_config goes back out as written, S3 with placeholders to fill in, and reads back the same', () => {
    const plan = read('rke-backup-config-s3.cluster.yml').plan;
    const text = toClusterYml(plan);
    expect(text).toMatch(/backup_config:\n\s+enabled: true\n\s+interval_hours: 6\n\s+retention: 24\n\s+s3backupconfig:\n\s+bucket_name: REPLACE-WITH-BUCKET/);
    expect(readInput(text, { filename: 'back.yml' }).clusters[0]!.etcdSnapshots).toEqual({ enabled: true, intervalHours: 6, retention: 24, offNode: 's3' });
  });

  it('cluster.yml: external etcd has no snapshots of its own to judge', () => {
    expect(read('rke-external-etcd.cluster.yml').plan.clusters[0]!.etcdSnapshots).toBeUndefined();
  });

  it('RKE2 config: etcd-disable-snapshots as text turns them off: a warning downstream, an error on the Rancher cluster', () => {
    const r = read('rke2-server-snapshots-off.config.yaml');
    expect(r.format).toBe('rke2-config');
    expect(r.plan.clusters[0]!.etcdSnapshots).toEqual({ enabled: false, retention: 3 });
    expect(snapshotRules(r.plan)).toEqual(['etcd-snapshots-enabled:warning']);
    const asRancher = read('rke2-server-snapshots-off.config.yaml', { as: 'rancher', rancherVersion: '2.9.2' });
    expect(snapshotRules(asRancher.plan)).toEqual(['etcd-snapshots-enabled:error']);
  });

  it('K3s config: schedule, retention and etcd-s3 are read; the S3 copy keeps the rules quiet', () => {
    const r = read('k3s-server-snapshots-s3.config.yaml');
    expect(r.plan.clusters[0]!.etcdSnapshots).toEqual({ cron: '0 */6 * * *', retention: 8, offNode: 's3' });
    expect(snapshotRules(r.plan)).toEqual([]);
  });

  it("K3s config: a server without snapshot keys on embedded etcd takes K3s' defaults, on and local only", () => {
    const join = read('k3s-server-join.config.yaml').plan.clusters[0]!;
    expect(join.etcdSnapshots).toEqual({});
    expect(snapshotRules({ clusters: [join] })).toEqual(['etcd-snapshots-off-node:warning']);
    // The first server of k3s-server-cluster-init.config.yaml sets its own schedule and retention.
    expect(read('k3s-server-cluster-init.config.yaml').plan.clusters[0]!.etcdSnapshots).toEqual({ cron: '0 */4 * * *', retention: 10 });
  });

  it('not stated: SQLite, an external datastore, an agent, a control-plane-only server, kubectl output', () => {
    expect(read('k3s-server-external-db.config.yaml').plan.clusters[0]!.etcdSnapshots).toBeUndefined();
    expect(read('k3s-disable-only.config.yaml').plan.clusters[0]!.etcdSnapshots).toBeUndefined(); // a lone K3s server on SQLite
    expect(readInput('server: https://192.0.2.10:9345\ntoken: x\n', { filename: 'agent.yaml' }).clusters[0]!.etcdSnapshots).toBeUndefined();
    expect(readInput('cni: canal\nserver: https://192.0.2.10:9345\ndisable-etcd: true\n', { filename: 'cp.yaml' }).clusters[0]!.etcdSnapshots).toBeUndefined();
    expect(read('kubectl-nodes-rke2-list.yaml').plan.clusters[0]!.etcdSnapshots).toBeUndefined();
  });

  it('a config value that is not a count is refused at its own key', () => {
    expect(() => readInput('cni: canal\netcd-snapshot-retention: many\n', { filename: 'c.yaml' })).toThrow(/etcd-snapshot-retention/);
    expect(() => readInput('cni: canal\netcd-snapshot-schedule-cron: "every day"\n', { filename: 'c.yaml' })).toThrow(/etcd-snapshot-schedule-cron/);
  });

  it('provisioning Cluster: spec.rkeConfig.etcd with disableSnapshots and s3; a retention of 0 is left to the distribution', () => {
    const text = (etcd: string) =>
      [
        'apiVersion: provisioning.cattle.io/v1',
        'kind: Cluster',
        'metadata: {name: apps}',
        'spec:',
        '  kubernetesVersion: v1.30.8+k3s1',
        '  rkeConfig:',
        `    etcd: ${etcd}`,
        '    machinePools: [{name: all, quantity: 3, etcdRole: true, controlPlaneRole: true, workerRole: true}]',
      ].join('\n');
    expect(readInput(text('{disableSnapshots: true}'), { filename: 'p.yaml' }).clusters[0]!.etcdSnapshots).toEqual({ enabled: false });
    const s3 = readInput(text('{snapshotRetention: 0, s3: {bucket: snaps, cloudCredentialName: cc-1}}'), { filename: 'p.yaml' });
    expect(s3.clusters[0]!.etcdSnapshots).toEqual({ offNode: 's3' });
    expect(snapshotRules(s3)).toEqual([]);
    expect(readInput(text('{}'), { filename: 'p.yaml' }).clusters[0]!.etcdSnapshots).toEqual({});
  });
});

describe('taints', () => {
  const taintFindings = (plan: Parameters<typeof checkPlan>[0]) =>
    checkPlan(plan)
      .findings.filter((f) => f.rule === 'node-taints-match-roles')
      .map((f) => `${f.severity}:${f.nodes?.join(',')}`);

  it('kubectl: spec.taints as key[=value]:Effect, an empty value written without =, none as []', () => {
    const r = read('kubectl-nodes-rke2-taints.json');
    expect(r.plan.clusters[0]!.nodes.map((n) => `${n.name}:${n.roles.join('+')}:${n.taints?.join(' ')}`)).toEqual([
      'srv-1:server:CriticalAddonsOnly=true:NoExecute',
      'agent-1:agent:node-role.kubernetes.io/control-plane:NoSchedule',
      'agent-2:agent:dedicated=gpu:NoSchedule node.kubernetes.io/unschedulable:NoSchedule',
      'agent-3:agent:',
    ]);
    // The agent with the control-plane taint takes no ordinary pods; a taint of one's own and a cordon are not role taints.
    expect(taintFindings(r.plan)).toEqual(['warning:agent-1']);
  });

  it('kubectl on RKE: etcd+controlplane nodes whose taints were removed are noted; the tainted one is not', () => {
    const r = read('kubectl-nodes-rke-labels.json');
    expect(r.plan.clusters[0]!.nodes[0]!.taints).toEqual([
      'node-role.kubernetes.io/controlplane=true:NoSchedule',
      'node-role.kubernetes.io/etcd=true:NoExecute',
    ]);
    expect(taintFindings(r.plan)).toEqual(['info:rke-cp-2,rke-cp-3']);
  });

  it("K3s and RKE2 config: node-taint is the node's taints; an agent kept free of workloads is a contradiction", () => {
    expect(read('k3s-server-taint-comments.config.yaml').plan.clusters[0]!.nodes[0]!.taints).toEqual(['CriticalAddonsOnly=true:NoExecute']);
    const agent = readInput('server: https://192.0.2.10:9345\ntoken: x\nnode-taint: ["node-role.kubernetes.io/control-plane:NoSchedule"]\n', {
      filename: 'a.yaml',
    });
    expect(taintFindings(agent)).toEqual(['warning:agent-1']);
    expect(() => readInput('cni: canal\nnode-taint: [CriticalAddonsOnly]\n', { filename: 'c.yaml' })).toThrow(/node-taint/);
  });

  it('a plan taint that is not key[=value]:Effect is refused', () => {
    const plan = 'clusters:\n  - name: a\n    nodes:\n      - name: n1\n        roles: [worker]\n        taints: ["gpu:Sometimes"]\n';
    expect(() => readInput(plan, { filename: 'p.yaml' })).toThrow(/taint/);
  });
});

describe('pod and service networks', () => {
  const yml = (services: string) =>
    `cluster_name: lab\nnodes:\n  - address: 10.43.0.5\n    user: ubuntu\n    role: [etcd, controlplane, worker]\nservices:\n${services}`;

  it('cluster.yml: cluster_cidr from kube-controller, the service range from kube-api, written back where rke reads them', () => {
    const text = yml('  kube-api:\n    service_cluster_ip_range: 10.43.0.0/16\n  kube-controller:\n    cluster_cidr: 10.40.0.0/16,fd00:40::/56\n');
    const plan = readInput(text, { filename: 'c.yml' });
    expect(plan.clusters[0]).toMatchObject({ podCidrs: ['10.40.0.0/16', 'fd00:40::/56'], serviceCidrs: ['10.43.0.0/16'] });
    // The node sits in its own service range: the rule names it.
    const finding = checkPlan(plan).findings.find((f) => f.rule === 'node-outside-cluster-networks');
    expect(finding?.nodes).toEqual(['10.43.0.5']);
    expect(finding?.message).toMatch(/inside the service network \(service-cidr\) 10\.43\.0\.0\/16\./);
    const back = readInput(toClusterYml(plan), { filename: 'back.yml' });
    expect(back.clusters[0]).toMatchObject({ podCidrs: ['10.40.0.0/16', 'fd00:40::/56'], serviceCidrs: ['10.43.0.0/16'] });
  });

  it('cluster.yml: a range that is not a network is refused at its own line', () => {
    expect(() => readInput(yml('  kube-controller:\n    cluster_cidr: 10.42.0.0/33\n'), { filename: 'c.yml' })).toThrow(
      /c\.yml:8:19 services\.kube-controller\.cluster_cidr: .*CIDR/,
    );
  });

  it('provisioning Cluster: machineGlobalConfig carries both ranges', () => {
    const text = [
      'apiVersion: provisioning.cattle.io/v1',
      'kind: Cluster',
      'metadata: {name: apps}',
      'spec:',
      '  kubernetesVersion: v1.31.4+rke2r1',
      '  rkeConfig:',
      '    machineGlobalConfig: {cluster-cidr: 10.60.0.0/16, service-cidr: 10.61.0.0/16}',
      '    machinePools: [{name: all, quantity: 3, etcdRole: true, controlPlaneRole: true, workerRole: true}]',
    ].join('\n');
    expect(readInput(text, { filename: 'p.yaml' }).clusters[0]).toMatchObject({ podCidrs: ['10.60.0.0/16'], serviceCidrs: ['10.61.0.0/16'] });
  });
});

describe('plan files and errors that name the place', () => {
  it('names path, line and column of a bad role', () => {
    const e = inputError(() =>
      readInput('clusters:\n  - name: a\n    nodes:\n      - { name: n1, roles: [etcd] }\n      - { name: n2, roles: [master] }\n', {
        filename: 'plan.yml',
        format: 'plan',
        allowEmpty: true,
      }),
    );
    expect(e.place).toBe('plan.yml:5:29 clusters[0].nodes[1].roles[0]');
    expect(e.reason).toMatch(/^"master" is not a role; expected etcd, controlplane or worker/);
  });

  it('names the real problem in JSON too large for the YAML position finder', () => {
    const nodes = Array.from({ length: 3000 }, (_, i) => ({ name: `node-${i}`, address: `10.0.${i >> 8}.${i & 255}`, roles: ['worker'] }));
    nodes[2999]!.roles = ['master'];
    const oneLine = JSON.stringify({ clusters: [{ name: 'big', nodes }] });
    for (const text of [
      oneLine,
      JSON.stringify({ clusters: [{ name: 'big', nodes }] }, null, 2)
        .repeat(1)
        .padEnd(1_200_000, ' '),
    ]) {
      const e = inputError(() => readInput(text, { filename: 'big.json', format: 'plan', allowEmpty: true }));
      expect(e.place).toContain('clusters[0].nodes[2999].roles[0]');
      expect(e.reason).toMatch(/"master" is not a role/);
    }
  });

  it('names unknown fields, wrong types and missing names', () => {
    expect(inputError(() => readInput('{"clusters":[{"name":"a","nodez":[]}]}', { format: 'plan', allowEmpty: true })).path).toBe('clusters[0].nodez');
    expect(inputError(() => readInput('clusters:\n  - nodes: []\n', { format: 'plan', allowEmpty: true })).message).toMatch(/clusters\[0\]\.name: missing/);
    expect(inputError(() => readInput('clusters: {}', { format: 'plan', allowEmpty: true })).message).toMatch(/clusters: expected a list, got a mapping/);
    expect(inputError(() => readInput('rancher: {version: banana}\n', { format: 'plan', allowEmpty: true })).message).toMatch(/rancher\.version/);
  });

  it('reports YAML syntax errors with a line', () => {
    const e = inputError(() => readInput('clusters:\n  - name: [a\n', { filename: 'p.yml' }));
    expect(e.line).toBeGreaterThan(0);
    expect(e.message).toMatch(/^p\.yml:\d+:\d+: YAML syntax error/);
  });

  it('accepts versions as "2.4", "v2.4.8" and numbers', () => {
    expect(readInput('rancher: {version: v2.4.8}', { format: 'plan', allowEmpty: true }).rancher?.version).toBe('2.4.8');
    expect(readInput('rancher: {version: 2.4}', { format: 'plan', allowEmpty: true }).rancher?.version).toBe('2.4');
    // No version given: none is stored; the checker reads it as 2.4 and says so (rancher-version-unset).
    expect(readInput('rancher: {}', { format: 'plan', allowEmpty: true }).rancher?.version).toBeUndefined();
  });

  it('refuses empty and unrecognisable input', () => {
    expect(inputError(() => readInput('  \n')).message).toMatch(/empty/);
    expect(inputError(() => readInput('just some words')).message).toMatch(/could not tell what this is/);
    expect(inputError(() => readInput('[1, 2]')).message).toMatch(/could not tell/);
  });
});

describe('hostile input', () => {
  // How fast each refusal is, is measured in npm run bench (bench/rules.ts), not here.
  it('refuses a 50 MB input', () => {
    const big = `clusters: []\n#${'x'.repeat(50 * 1024 * 1024)}`;
    const e = inputError(() => readInput(big, { filename: 'big.yml' }));
    expect(e.message).toMatch(/^big\.yml: input is more than 5 MB/);
  });

  it('refuses a YAML alias bomb', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
      'clusters: []',
    ].join('\n');
    const e = inputError(() => readInput(bomb));
    expect(e.message).toMatch(/alias/);
  });

  it('refuses deep nesting, in flow and in JSON', () => {
    for (const deep of ['['.repeat(100_000) + ']'.repeat(100_000), `{"clusters": ${'['.repeat(5000)}${']'.repeat(5000)}}`]) {
      expect(inputError(() => readInput(deep)).message).toMatch(/nesting deeper/);
    }
  });

  it('refuses deep block nesting', () => {
    const deep = Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    expect(inputError(() => readInput(deep)).message).toMatch(/nesting deeper/);
  });

  // No time limit of its own (the bench times it); the generous timeout only keeps a busy machine from failing it.
  it('reads a mapping with many keys (the duplicate-key check is linear; timed in the bench)', { timeout: 60_000 }, () => {
    const many = Array.from({ length: 40_000 }, (_, i) => `k${i}: ${i}`).join('\n') + '\nk7: again\n';
    const e = inputError(() => readInput(many));
    expect(e.message).toMatch(/could not tell/);
  });

  /** A plan of the largest documented size (20,000 nodes), written in block YAML as people write it. */
  const largestYaml = (bad?: number) => {
    const out = ['rancher:', '  version: 2.8.5', 'clusters:'];
    for (let c = 0; c < 400; c++) {
      out.push(`  - name: c${c}`, '    nodes:');
      for (let n = 0; n < 50; n++) {
        const i = c * 50 + n;
        out.push(`      - name: c${c}-n${n}`, `        address: ${i === bad ? '10.0.0.300' : `10.${c >> 8}.${c & 255}.${n + 1}`}`, '        roles:');
        out.push(...(n < 3 ? ['          - etcd', '          - controlplane'] : ['          - worker']));
      }
    }
    return `${out.join('\n')}\n`;
  };

  it('reads a YAML plan of the largest documented size (20,000 nodes) as it reads JSON, and still names the line of a problem', () => {
    const text = largestYaml();
    expect(text.length).toBeGreaterThan(1024 * 1024);
    expect(readInput(text).clusters.reduce((n, c) => n + c.nodes.length, 0)).toBe(20_000);
    // Node 15,321 has a bad address: the message points at the line it is written on.
    const bad = largestYaml(15_321);
    const line = bad.split('\n').indexOf('        address: 10.0.0.300') + 1;
    expect(line).toBeGreaterThan(50_000);
    expect(inputError(() => readInput(bad, { filename: 'big.yml' })).message).toMatch(
      new RegExp(`^big\\.yml:${line}:\\d+ clusters\\[306\\]\\.nodes\\[21\\]\\.address`),
    );
  });

  it('past the detailed reader, bad YAML still gets its place, a duplicate key a warning, an alias bomb a refusal', () => {
    const text = largestYaml();
    const broken = `${text}  - name: [unclosed\n`;
    // The parser finds the unclosed bracket where the text ends, the line after it.
    const lines = broken.split('\n').length;
    expect(inputError(() => readInput(broken, { filename: 'b.yml' })).message).toMatch(new RegExp(`^b\\.yml:${lines}:1: YAML syntax error`));
    const twice = readInputDetailed(text.replace('rancher:\n  version: 2.8.5\n', 'rancher:\n  version: 2.8.5\n  version: 2.9.1\n'));
    expect(twice.plan.rancher?.version).toBe('2.9.1');
    expect(twice.warnings[0]?.place).toBe('3:3');
    expect(twice.warnings[0]?.message).toMatch(/appears twice/);
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefghij'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghij'[i]}`).join(', ')}]`),
    ].join('\n');
    // 90 aliases, under the parser's count, expanding to 9¹⁰ values: the copy's budget stops it.
    expect(inputError(() => readInput(`${text}${bomb}\n`)).message).toMatch(/alias/);
  });

  it('refuses very long YAML lines and a second document', () => {
    expect(inputError(() => readInput(`clusters: [${'a, '.repeat(20_000)}]\n`)).message).toMatch(/^1:1: line 1 is \d+ characters long/);
    expect(inputError(() => readInput('clusters: []\n---\nclusters: []\n')).message).toMatch(/^2:1: a second YAML document/);
    // JSON has no such line limit: a long single-line JSON plan reads fine.
    const nodes = Array.from({ length: 4000 }, (_, i) => ({ name: `node-${i}`, address: `10.${i >> 8}.${i & 255}.1`, roles: ['worker'] }));
    const line = JSON.stringify({ clusters: [{ name: 'c', nodes }] });
    expect(line.length).toBeGreaterThan(200_000);
    expect(readInput(line).clusters[0]!.nodes).toHaveLength(4000);
  });

  it('decodes bytes the same way everywhere: UTF-8 with or without a BOM, UTF-16 with its BOM', () => {
    const text = 'clusters: [{name: ü-not-allowed}]';
    const utf8 = new TextEncoder().encode(text);
    const bom8 = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    const utf16le = new Uint8Array([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0) & 255, c.charCodeAt(0) >> 8])]);
    const utf16be = new Uint8Array([0xfe, 0xff, ...[...text].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 255])]);
    for (const bytes of [utf8, bom8, utf16le, utf16be]) expect(decodeBytes(bytes)).toBe(text);
    expect(inputError(() => decodeBytes(new Uint8Array([0x63, 0xff, 0x0a]), 'bad.yml')).message).toBe(
      'bad.yml: input is not UTF-8 text. Save the file as UTF-8 (or UTF-16 with a byte-order mark).',
    );
    expect(inputError(() => decodeBytes(new Uint8Array(6 * 1024 * 1024), 'big.bin')).message).toMatch(/^big\.bin: input is more than 5 MB/);
  });

  it('says JSON does not allow comments, with the line, instead of a YAML syntax error', () => {
    const e = inputError(() => readInput('{\n  "clusters": [] // none yet\n}', { filename: 'c.json' }));
    expect(e.message).toBe('c.json:2:1: JSON does not allow comments. Remove them, or write the file as YAML, where comments start with #.');
  });

  it('keeps the YAML library quiet: its warnings never reach the console', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const emit = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      // A mapping used as a key makes the yaml package warn that it stringifies it.
      expect(() => readInput('? {a: 1}\n: x\nclusters: []\n')).toThrow(InputError);
      expect(warn).not.toHaveBeenCalled();
      expect(emit).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      emit.mockRestore();
    }
  });

  it('refuses binary garbage', () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(inputError(() => readInput(new TextDecoder().decode(bytes))).message).toMatch(/binary|could not|syntax/);
    expect(inputError(() => readInput('clusters: []\u0000\u0001')).message).toMatch(/NUL bytes/);
  });

  it('keeps __proto__ keys as data and never pollutes prototypes', () => {
    for (const text of [
      '{"__proto__": {"polluted": 1}, "clusters": []}',
      '__proto__:\n  polluted: 1\nclusters: []\n',
      'nodes:\n  - address: 1.1.1.1\n    user: u\n    role: [worker]\n    __proto__: {polluted: 1}\n',
    ]) {
      try {
        readInput(text);
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    }
    expect(inputError(() => readInput('{"__proto__": {"x": 1}, "clusters": []}')).message).toMatch(/unknown field "__proto__"/);
  });
});

describe('writers', () => {
  it('plan YAML and JSON round-trip every preset', () => {
    for (const { plan } of Object.values(PRESETS)) {
      expect(readInput(toPlanYaml(plan), { format: 'plan', allowEmpty: true })).toEqual(plan);
      expect(readInput(toPlanJson(plan), { format: 'plan', allowEmpty: true })).toEqual(plan);
    }
    expect(readInput(toPlanYaml(RECOMMENDED_PLAN), { format: 'plan', allowEmpty: true })).toEqual(RECOMMENDED_PLAN);
  });

  it('keeps version text such as 2.10 as text', () => {
    const p = planSchema.parse({ rancher: { version: '2.10' }, clusters: [] });
    expect(readInput(toPlanYaml(p), { format: 'plan', allowEmpty: true }).rancher?.version).toBe('2.10');
  });

  it('plan → cluster.yml → plan keeps nodes and roles', () => {
    for (const name of ['rancher', 'production']) {
      const cluster = RECOMMENDED_PLAN.clusters.find((c) => c.name === name)!;
      const back = readInputDetailed(toClusterYml(RECOMMENDED_PLAN, name));
      expect(back.format).toBe('cluster-yml');
      expect(back.findings).toEqual([]);
      expect(back.plan.clusters[0]!.name).toBe(name);
      expect(back.plan.clusters[0]!.nodes).toEqual(cluster.nodes);
    }
  });

  it('cluster.yml → plan → cluster.yml keeps nodes and roles of a fixture', () => {
    const first = read('rke-5node-4etcd-sshport.cluster.yml').plan;
    const again = readInput(toClusterYml(first, 'edge'));
    expect(again.clusters[0]!.nodes).toEqual(first.clusters[0]!.nodes);
  });

  it('cluster.yml keeps external etcd and refuses non-RKE clusters', () => {
    const ext = read('rke-external-etcd.cluster.yml').plan;
    expect(readInput(toClusterYml(ext, 'rancher')).clusters[0]!.datastore).toBe('external');
    expect(() => toClusterYml(PRESETS['rancher-k3s'].plan, 'rancher')).toThrow(/RKE clusters only/);
    expect(() => toClusterYml(ext, 'nope')).toThrow(RangeError);
  });

  it('nginx: a stream block forwarding 80 and 443 to every target', () => {
    const conf = toNginxConfig(RECOMMENDED_PLAN);
    expect(conf).toMatch(/^stream \{$/m);
    for (const port of [80, 443]) {
      expect(conf).toContain(`listen ${port};`);
      for (const a of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) expect(conf).toContain(`server ${a}:${port} `);
    }
    expect(() => readInput(conf)).toThrow(/nginx configuration/);
    expect(() => toNginxConfig(PRESETS['downstream-production'].plan)).toThrow(RangeError);
  });

  it('publishes a JSON Schema from the zod schema', () => {
    const schema = planJsonSchema() as { properties: Record<string, unknown>; additionalProperties: boolean };
    expect(Object.keys(schema.properties)).toEqual(['rancher', 'clusters']);
    expect(schema.additionalProperties).toBe(false);
    expect(JSON.stringify(schema)).toContain('"controlplane"');
  });
});

describe('size bounds come from the largest documented installation', () => {
  it('a plan of 2,000 clusters and 20,000 nodes (the 2.4–2.7 XX-Large sizing row) is read and checked, not refused', () => {
    const clusters = Array.from({ length: 2000 }, (_, c) => ({
      name: `c${c}`,
      distribution: 'rke2',
      nodes: Array.from({ length: 10 }, (_, n) => ({
        name: `n${n}`,
        address: `10.${(c >> 8) & 255}.${c & 255}.${n + 1}`,
        roles: n < 3 ? ['etcd', 'controlplane'] : ['worker'],
      })),
    }));
    const plan = readInput(JSON.stringify({ rancher: { version: '2.7.5' }, clusters }), { filename: 'xx-large.json' });
    expect(plan.clusters).toHaveLength(2000);
    expect(checkPlan(plan).clusters).toHaveLength(2000);
  });

  it('past the bound, the message names the limit and why it exists', () => {
    const clusters = Array.from({ length: 2501 }, (_, c) => ({ name: `c${c}` }));
    expect(() => readInput(JSON.stringify({ clusters }), { filename: 'p.json' })).toThrow(
      /the plan has 2,501 clusters; at most 2,500 are checked at once, since Rancher's largest documented installation \(the 2\.4–2\.7 XX-Large sizing row\) manages 2,000 clusters/,
    );
  });
});
