// RKE's cluster.yml read from the project's fixtures (one quirk each: test/fixtures/README.md), the
// names and roles rke refuses reported as rke would, and cluster.yml written back from a plan.
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../check.ts';
import { RECOMMENDED_PLAN, PRESETS } from '../presets.ts';
import { inputError } from '../testing/input-error.ts';
import { nodesOf, readFixture } from '../testing/fixtures.ts';
import { readInput, readInputDetailed } from './read.ts';
import { toClusterYml } from './rke-cluster-yml.ts';

describe('cluster.yml read', () => {
  it('RKE HA layout: 3 nodes, all roles, cluster "local"', () => {
    const r = readFixture('rke-ha-3node.cluster.yml');
    expect(r.format).toBe('cluster-yml');
    expect(r.plan.clusters[0]).toMatchObject({ name: 'local', distribution: 'rke' });
    expect(nodesOf('rke-ha-3node.cluster.yml')).toEqual(['203.0.113.11', '203.0.113.12', '203.0.113.13'].map((a) => `${a}:controlplane+worker+etcd`));
    expect(r.findings).toEqual([]);
  });

  it('the same layout read as the Rancher cluster: HA, no errors, asks for a load balancer', () => {
    const r = readFixture('rke-ha-3node.cluster.yml', { as: 'rancher', rancherVersion: '2.4.8' });
    expect(r.plan.rancher).toMatchObject({ version: '2.4.8', install: 'kubernetes', cluster: 'local' });
    const report = checkPlan(r.plan);
    expect(report.summary.errors).toBe(0);
    // No backup_config: rke's defaults apply (snapshots on), and they stay on the etcd nodes alone.
    expect(r.plan.clusters[0]!.etcdSnapshots).toEqual({});
    expect(report.findings.map((f) => f.rule).sort()).toEqual(['etcd-snapshots-off-node', 'lb-present', 'rancher-k3s-preferred']);
    expect(r.plan.clusters[0]!.nodes.map((n) => n.address)).toEqual(['203.0.113.11', '203.0.113.12', '203.0.113.13']);
  });

  it('an unknown role: 3 nodes, 1 etcd, and the role "storage" reported as rke would', () => {
    const r = readFixture('rke-unknown-role.cluster.yml');
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
    const rules = checkPlan(readFixture('rke-split-bastion.cluster.yml').plan).findings.map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['downstream-single-role', 'downstream-three-etcd', 'downstream-two-controlplane']));
  });

  it('single node with a "role: " key followed by a space', () => {
    const r = readFixture('rke-single-node-role-space.rancher-cluster.yml', { as: 'rancher' });
    expect(nodesOf('rke-single-node-role-space.rancher-cluster.yml')).toEqual(['198.51.100.40:controlplane+etcd+worker']);
    expect(r.plan.clusters[0]!.name).toBe('rancher-single');
    const ha = checkPlan(r.plan).findings.find((f) => f.rule === 'rancher-cluster-ha');
    expect(ha?.severity).toBe('error'); // default Rancher version 2.4
  });

  it('5 nodes, 4 etcd (even), custom SSH ports', () => {
    expect(nodesOf('rke-5node-4etcd-sshport.cluster.yml')).toEqual(
      ['alpha', 'bravo', 'charlie', 'delta'].map((n) => `${n}:controlplane+etcd+worker`).concat('echo:worker'),
    );
    const report = checkPlan(readFixture('rke-5node-4etcd-sshport.cluster.yml').plan);
    expect(report.clusters[0]).toMatchObject({ etcdMembers: 4, quorum: 3, failuresTolerated: 1 });
    expect(report.findings.map((f) => f.rule)).toContain('etcd-odd-members');
  });

  it('rke config output: empty strings mean unset, block role lists, names lower-cased from the address', () => {
    const r = readFixture('rke-config-output.cluster.yml');
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
    const r = readFixture('rke-4node-duplicate-key.cluster.yml');
    expect(nodesOf('rke-4node-duplicate-key.cluster.yml')).toEqual(['cp-a:controlplane+etcd', 'cp-b:controlplane+etcd', 'wk-a:worker', 'wk-b:worker']);
    expect(r.plan.clusters[0]!.name).toBe('branch-office');
    expect(r.warnings).toEqual([{ place: 'rke-4node-duplicate-key.cluster.yml:39:1', message: expect.stringMatching(/"private_registries" appears twice/) }]);
  });

  it('no user on any node, after a "---": read, with rke\'s refusal as a finding', () => {
    const r = readFixture('rke-docstart-no-user.cluster.yml');
    expect(r.plan.clusters[0]!.name).toBe('lab');
    expect(r.plan.clusters[0]!.nodes).toHaveLength(4);
    expect(r.plan.clusters[0]!.nodes[3]!.roles).toEqual(['etcd', 'worker']);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.message).toMatch(/no user/);
    expect(r.findings[0]!.nodes).toHaveLength(4);
    expect(checkPlan(r.plan).clusters[0]!.etcdMembers).toBe(4);
  });

  it('external etcd: datastore external, no etcd node needed', () => {
    const r = readFixture('rke-external-etcd.cluster.yml');
    expect(r.plan.clusters[0]).toMatchObject({ name: 'rancher', distribution: 'rke', datastore: 'external' });
    expect(nodesOf('rke-external-etcd.cluster.yml')).toEqual(['rancher-cp:controlplane+worker', 'rancher-w1:worker']);
    expect(checkPlan(r.plan).findings.map((f) => f.rule)).not.toContain('rke-each-role');
  });

  it('quoted flow roles and UTF-8 comments; commented-out nodes are not nodes', () => {
    const r = readFixture('rke-comments-utf8.cluster.yml');
    expect(r.plan.clusters[0]!.name).toBe('lab-east');
    expect(nodesOf('rke-comments-utf8.cluster.yml')).toEqual([1, 2, 3].map((i) => `n${i}.example.net:etcd+controlplane+worker`));
    expect(r.findings).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('a home lab rke refuses: invented roles and a "_" in hostname_override; upper case is lower-cased', () => {
    const r = readFixture('rke-invalid-names-roles.cluster.yml');
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
});

describe('cluster.yml written', () => {
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
    const first = readFixture('rke-5node-4etcd-sshport.cluster.yml').plan;
    const again = readInput(toClusterYml(first, 'edge'));
    expect(again.clusters[0]!.nodes).toEqual(first.clusters[0]!.nodes);
  });

  it('cluster.yml keeps external etcd and refuses non-RKE clusters', () => {
    const ext = readFixture('rke-external-etcd.cluster.yml').plan;
    expect(readInput(toClusterYml(ext, 'rancher')).clusters[0]!.datastore).toBe('external');
    expect(() => toClusterYml(PRESETS['rancher-k3s'].plan, 'rancher')).toThrow(/RKE clusters only/);
    expect(() => toClusterYml(ext, 'nope')).toThrow(RangeError);
  });
});
