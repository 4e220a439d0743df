// `rancher-arch ports` and `rancher-arch size`: the command functions called with typed options
// and an in-memory Io (fast), plus one run of the real bin per command for the wiring.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Io } from './main.ts';
import { runPorts } from './ports.ts';
import { runSize } from './size.ts';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/rancher-arch.mjs', import.meta.url));

const PLAN = `
rancher: { version: "2.8.3", install: kubernetes, cluster: rancher }
clusters:
  - name: rancher
    distribution: rke2
    nodes:
      - { name: rancher-1, address: 10.0.0.1, roles: [server], cpu: 4, memoryGiB: 16 }
      - { name: rancher-2, address: 10.0.0.2, roles: [server], cpu: 4, memoryGiB: 16 }
      - { name: rancher-3, address: 10.0.0.3, roles: [server], cpu: 2, memoryGiB: 8 }
    loadBalancer: { targets: [rancher-1, rancher-2, rancher-3] }
  - name: apps
    distribution: rke
    nodes:
      - { name: n1, address: 10.1.0.1, roles: [etcd, controlplane, worker] }
`;

function io(files: Record<string, string> = {}, stdin = '') {
  const out = { stdout: '', stderr: '' };
  const fake: Io = {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    readFile: (p) => {
      if (p in files) return files[p] as string;
      if (p.startsWith(FIXTURES)) return readFileSync(p, 'utf8');
      throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
    },
    readStdin: () => stdin,
    color: false,
  };
  return { io: fake, out };
}

describe('rancher-arch ports', () => {
  it('Markdown by default, grouped by cluster and kind of node, with the listeners', () => {
    const { io: fake, out } = io({ 'plan.yaml': PLAN });
    expect(runPorts({ file: 'plan.yaml' }, fake)).toBe(0);
    expect(out.stdout).toMatch(/^## Firewall matrix/);
    expect(out.stdout).toContain('### Cluster `rancher`: RKE2, runs Rancher, network plugin canal (the default)');
    expect(out.stdout).toMatch(/\| 9345 \| TCP \| every node of rancher \|/);
    expect(out.stdout).toMatch(/### Load balancer listeners/);
  });

  it('nftables and firewalld for one node, by name or CLUSTER/NAME', () => {
    const { io: fake, out } = io({ 'plan.yaml': PLAN });
    expect(runPorts({ file: 'plan.yaml', format: 'nftables', node: 'rancher-2' }, fake)).toBe(0);
    expect(out.stdout).toMatch(/^#!\/usr\/sbin\/nft -f/);
    expect(out.stdout).toContain('ip saddr @cluster_nodes_v4 tcp dport 9345 accept');
    const second = io({ 'plan.yaml': PLAN });
    expect(runPorts({ file: 'plan.yaml', format: 'firewalld', node: 'apps/n1' }, second.io)).toBe(0);
    expect(second.out.stdout).toMatch(/--add-rich-rule='rule family="ipv4" source ipset="cluster_nodes_v4" port port="2379-2380" protocol="tcp" accept'/);
  });

  it('nftables for several nodes at once is refused with the node names (exit 2)', () => {
    const { io: fake, out } = io({ 'plan.yaml': PLAN });
    expect(runPorts({ file: 'plan.yaml', format: 'nftables' }, fake)).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^rancher-arch: plan\.yaml: nftables rules are written one node at a time: add --node NAME \(one of rancher\/rancher-1,/);
  });

  it('an unknown node is exit 2 naming the nodes there are', () => {
    const { io: fake, out } = io({ 'plan.yaml': PLAN });
    expect(runPorts({ file: 'plan.yaml', node: 'nope' }, fake)).toBe(2);
    expect(out.stderr).toMatch(/no node "nope" in the plan; its nodes are rancher\/rancher-1/);
  });

  it('CSV and JSON', () => {
    const csv = io({ 'plan.yaml': PLAN });
    expect(runPorts({ file: 'plan.yaml', format: 'csv' }, csv.io)).toBe(0);
    expect(csv.out.stdout.split('\r\n')[0]).toBe('section,cluster,node,address,kind,protocol,ports,from,why,source,optional,inference,added_by_guide');
    const json = io({ 'plan.yaml': PLAN });
    expect(runPorts({ file: 'plan.yaml', format: 'json' }, json.io)).toBe(0);
    const parsed = JSON.parse(json.out.stdout);
    expect(parsed.clusters.map((c: { name: string }) => c.name)).toEqual(['rancher', 'apps']);
  });

  it('reads every input format check reads: cluster.yml, kubectl nodes, K3s and RKE2 config, stdin', () => {
    for (const [file, expected] of [
      ['rke-ha-3node.cluster.yml', /Cluster `local`: RKE/],
      ['kubectl-nodes-rke2-list.yaml', /RKE2/],
      ['kubectl-nodes-k3s-single-server.json', /K3s/],
      ['k3s-server-cluster-init.config.yaml', /K3s/],
      ['rke2-server-cilium.config.yaml', /network plugin cilium/],
    ] as const) {
      const { io: fake, out } = io();
      expect(runPorts({ file: FIXTURES + file }, fake), file).toBe(0);
      expect(out.stdout, file).toMatch(expected);
    }
    const piped = io({}, PLAN);
    expect(runPorts({ file: '-', format: 'json' }, piped.io)).toBe(0);
    const asRancher = io();
    expect(runPorts({ file: `${FIXTURES}rke-ha-3node.cluster.yml`, as: 'rancher', rancherVersion: '2.6.0' }, asRancher.io)).toBe(0);
    expect(asRancher.out.stdout).toMatch(/\| 8443 \| TCP \|/);
  });

  it('unreadable input is exit 2 with the place', () => {
    const { io: fake, out } = io({ 'bad.yaml': 'clusters:\n  - name: a\n    nodes: [{ name: "x y" }]\n' });
    expect(runPorts({ file: 'bad.yaml' }, fake)).toBe(2);
    expect(out.stderr).toMatch(/^rancher-arch: bad\.yaml:3:\d+ clusters\[0\]\.nodes\[0\]\.name/);
    const missing = io();
    expect(runPorts({ file: 'missing.yaml' }, missing.io)).toBe(2);
    expect(missing.out.stderr).toMatch(/missing\.yaml: cannot read the file: no such file/);
  });
});

describe('rancher-arch size', () => {
  it('from a plan: the row, each Rancher node against it, the server rows, etcd disks, findings; exit 1 when a node is short', () => {
    const { io: fake, out } = io({ 'plan.yaml': PLAN });
    expect(runSize({ file: 'plan.yaml' }, fake)).toBe(1);
    expect(out.stdout).toContain('Rancher 2.8.3 on RKE2, 1 downstream cluster with 1 node');
    expect(out.stdout).toContain('Row:   Small: up to 150 clusters and 1,500 nodes');
    expect(out.stdout).toContain('Each Rancher node: 4 vCPUs and 16 GB');
    expect(out.stdout).toMatch(/rancher-3 +2 vCPUs and 8 GiB: below: needs 4 vCPUs and 16 GB/);
    expect(out.stdout).toMatch(/rancher-1 +4 vCPUs and 16 GiB: meets the row/);
    expect(out.stdout).toMatch(/wal_fsync_duration_seconds should stay under 10 ms/);
    expect(out.stdout).toMatch(/warning Node "rancher-3" .*\[rancher-node-size\]/);
  });

  it('from numbers alone: the row and its caveats; exit 0 within the table', () => {
    const { io: fake, out } = io();
    expect(runSize({ clusters: 151, nodes: 1500, distribution: 'k3s', rancherVersion: '2.5' }, fake)).toBe(0);
    expect(out.stdout).toContain('Row:   Medium: up to 300 clusters and 3,000 nodes');
    expect(out.stdout).toContain('External database host (optional): 2 vCPUs, 4 GB and 1,000 IOPS');
    expect(out.stdout).toMatch(/later judged this table too optimistic/);
    expect(out.stdout).toContain('October 2023 revision at this scale: 8 vCPUs and 32 GB per node');
  });

  it('past the largest row: exit 1 and no figures invented', () => {
    const { io: fake, out } = io();
    expect(runSize({ clusters: 501, nodes: 10, distribution: 'rke2', rancherVersion: '2.9' }, fake)).toBe(1);
    expect(out.stdout).toMatch(/Past the largest row \(Large: up to 500 clusters and 5,000 nodes\)/);
    expect(out.stdout).toMatch(/sends larger installs to Rancher/);
    expect(out.stdout).not.toMatch(/Each Rancher node/);
  });

  it('JSON output in one shape', () => {
    const { io: fake, out } = io({ 'plan.yaml': PLAN });
    runSize({ file: 'plan.yaml', format: 'json' }, fake);
    const r = JSON.parse(out.stdout);
    expect(r.table.id).toBe('rke2-2023');
    expect(r.row).toMatchObject({ size: 'Small', cpu: 4, memoryGB: 16 });
    expect(r.rancherNodes.map((n: { verdict: string }) => n.verdict)).toEqual(['meets', 'meets', 'below']);
    expect(r.findings[0].rule).toBe('rancher-node-size');
  });

  it('asks for what it lacks, exit 2', () => {
    for (const [options, message] of [
      [{ clusters: 1, nodes: 1, distribution: 'rke2' as const }, /--rancher-version/],
      [{ clusters: 1, nodes: 1, rancherVersion: '2.8' }, /--distribution/],
      [{ distribution: 'rke2' as const, rancherVersion: '2.8' }, /--clusters N and --nodes M/],
      [{ clusters: 1, nodes: 1, distribution: 'rke2' as const, rancherVersion: 'latest' }, /must look like 2\.8/],
    ] as const) {
      const { io: fake, out } = io();
      expect(runSize(options, fake)).toBe(2);
      expect(out.stderr).toMatch(message);
    }
    const downstreamOnly = io();
    expect(runSize({ file: `${FIXTURES}rke-ha-3node.cluster.yml` }, downstreamOnly.io)).toBe(2);
    expect(downstreamOnly.out.stderr).toMatch(/names no cluster that runs Rancher/);
  });

  it('reads a cluster.yml as the Rancher cluster with --as rancher', () => {
    const { io: fake, out } = io();
    expect(runSize({ file: `${FIXTURES}rke-ha-3node.cluster.yml`, as: 'rancher', rancherVersion: '2.4.8' }, fake)).toBe(0);
    expect(out.stdout).toContain('Rancher 2.4.8 on RKE, 0 downstream clusters with 0 nodes');
    expect(out.stdout).toMatch(/no cpu or memoryGiB in the plan: not judged/);
  });
});

describe('the bin', { timeout: 60_000 }, () => {
  const run = (args: string[], input?: string) =>
    spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  it('wires ports and size, and their options', () => {
    const ports = run(['ports', '-', '--format', 'nftables', '--node', 'n1'], PLAN);
    expect(ports.status).toBe(0);
    expect(ports.stdout).toMatch(/table inet rancher_arch \{/);
    const size = run(['size', '--clusters', '6', '--nodes', '70', '--distribution', 'k3s', '--rancher-version', 'v2.4.8']);
    expect(size.status).toBe(0);
    expect(size.stdout).toContain('Row:   Small: up to 150 clusters and 1,500 nodes');
    const bad = run(['ports', '-', '--format', 'iptables'], PLAN);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--format must be markdown or nftables or firewalld or csv or json/);
  });
});
