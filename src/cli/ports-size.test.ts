// `rancher-arch ports` and `rancher-arch size`, run in-process through `main` against a fake world
// (fast, and it covers the command-line wiring), plus one run of the real bin per command.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './fake-io.ts';

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

/** Run the CLI with plan.yaml (and any other files) in a fake world; fixtures come from disk. */
const cli = (argv: string[], files: Record<string, string> = { 'plan.yaml': PLAN }, stdin?: string) =>
  runCli(argv, { files, realFiles: true, ...(stdin === undefined ? {} : { stdin }) });

describe('rancher-arch ports', () => {
  it('Markdown by default, grouped by cluster and kind of node, with the listeners', async () => {
    const out = await cli(['ports', 'plan.yaml']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^## Firewall matrix/);
    expect(out.stdout).toContain('### Cluster `rancher`: RKE2, runs Rancher, network plugin canal (the default)');
    expect(out.stdout).toMatch(/\| 9345 \| TCP \| every node of rancher \|/);
    expect(out.stdout).toMatch(/### Load balancer listeners/);
  });

  it('nftables and firewalld for one node, by name or CLUSTER/NAME', async () => {
    const out = await cli(['ports', 'plan.yaml', '--format', 'nftables', '--node', 'rancher-2']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^#!\/usr\/sbin\/nft -f/);
    expect(out.stdout).toContain('ip saddr @cluster_nodes_v4 tcp dport 9345 accept');
    const second = await cli(['ports', 'plan.yaml', '--format', 'firewalld', '--node', 'apps/n1']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/--add-rich-rule='rule family="ipv4" source ipset="cluster_nodes_v4" port port="2379-2380" protocol="tcp" accept'/);
  });

  it('nftables for several nodes at once is refused with the node names (exit 2)', async () => {
    const out = await cli(['ports', 'plan.yaml', '--format', 'nftables']);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^rancher-arch: plan\.yaml: nftables rules are written one node at a time: add --node NAME \(one of rancher\/rancher-1,/);
  });

  it('an unknown node is exit 2 naming the nodes there are', async () => {
    const out = await cli(['ports', 'plan.yaml', '--node', 'nope']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/no node "nope" in the plan; its nodes are rancher\/rancher-1/);
  });

  it('CSV and JSON', async () => {
    const csv = await cli(['ports', 'plan.yaml', '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toBe('section,cluster,node,address,kind,protocol,ports,from,why,source,optional,inference,added_by_guide');
    const json = await cli(['ports', 'plan.yaml', '--format', 'json']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.clusters.map((c: { name: string }) => c.name)).toEqual(['rancher', 'apps']);
  });

  it('reads every input format check reads: cluster.yml, kubectl nodes, K3s and RKE2 config, stdin', async () => {
    for (const [file, expected] of [
      ['rke-ha-3node.cluster.yml', /Cluster `local`: RKE/],
      ['kubectl-nodes-rke2-list.yaml', /RKE2/],
      ['kubectl-nodes-k3s-single-server.json', /K3s/],
      ['k3s-server-cluster-init.config.yaml', /K3s/],
      ['rke2-server-cilium.config.yaml', /network plugin cilium/],
    ] as const) {
      const out = await cli(['ports', FIXTURES + file], {});
      expect(out.code, file).toBe(0);
      expect(out.stdout, file).toMatch(expected);
    }
    expect((await cli(['ports', '-', '--format', 'json'], {}, PLAN)).code).toBe(0);
    const asRancher = await cli(['ports', `${FIXTURES}rke-ha-3node.cluster.yml`, '--as', 'rancher', '--rancher-version', '2.6.0'], {});
    expect(asRancher.code).toBe(0);
    expect(asRancher.stdout).toMatch(/\| 8443 \| TCP \|/);
  });

  it('unreadable input is exit 2 with the place', async () => {
    const out = await cli(['ports', 'bad.yaml'], { 'bad.yaml': 'clusters:\n  - name: a\n    nodes: [{ name: "x y" }]\n' });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^rancher-arch: bad\.yaml:3:\d+ clusters\[0\]\.nodes\[0\]\.name/);
    const missing = await cli(['ports', 'missing.yaml'], {});
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing\.yaml: cannot read the file: no such file/);
  });
});

describe('rancher-arch size', () => {
  it('from a plan: the row, each Rancher node against it, the server rows, etcd disks, findings; exit 1 when a node is short', async () => {
    const out = await cli(['size', 'plan.yaml']);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('Rancher 2.8.3 on RKE2, 1 downstream cluster with 1 node');
    expect(out.stdout).toContain('Row:   Small: up to 150 clusters and 1,500 nodes');
    expect(out.stdout).toContain('Each Rancher node: 4 vCPUs and 16 GB');
    expect(out.stdout).toMatch(/rancher-3 +2 vCPUs and 8 GiB: below: needs 4 vCPUs and 16 GB/);
    expect(out.stdout).toMatch(/rancher-1 +4 vCPUs and 16 GiB: meets the row/);
    expect(out.stdout).toMatch(/wal_fsync_duration_seconds should stay under 10 ms/);
    expect(out.stdout).toMatch(/warning Node "rancher-3" .*\[rancher-node-size\]/);
  });

  it('from numbers alone: the row and its caveats; exit 0 within the table', async () => {
    const out = await cli(['size', '--clusters', '151', '--nodes', '1500', '--distribution', 'k3s', '--rancher-version', '2.5'], {});
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Row:   Medium: up to 300 clusters and 3,000 nodes');
    expect(out.stdout).toContain('External database host (optional): 2 vCPUs, 4 GB and 1,000 IOPS');
    expect(out.stdout).toMatch(/later judged this table too optimistic/);
    expect(out.stdout).toContain('October 2023 revision at this scale: 8 vCPUs and 32 GB per node');
  });

  it('past the largest row: exit 1 and no figures invented', async () => {
    const out = await cli(['size', '--clusters', '501', '--nodes', '10', '--distribution', 'rke2', '--rancher-version', '2.9'], {});
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/Past the largest row \(Large: up to 500 clusters and 5,000 nodes\)/);
    expect(out.stdout).toMatch(/sends larger installs to Rancher/);
    expect(out.stdout).not.toMatch(/Each Rancher node/);
  });

  it('JSON output in one shape', async () => {
    const out = await cli(['size', 'plan.yaml', '--format', 'json']);
    expect(out.code).toBe(1);
    const r = JSON.parse(out.stdout);
    expect(r.table.id).toBe('rke2-2023');
    expect(r.row).toMatchObject({ size: 'Small', cpu: 4, memoryGB: 16 });
    expect(r.rancherNodes.map((n: { verdict: string }) => n.verdict)).toEqual(['meets', 'meets', 'below']);
    expect(r.findings[0].rule).toBe('rancher-node-size');
  });

  it('asks for what it lacks, exit 2', async () => {
    for (const [argv, message] of [
      [['--clusters', '1', '--nodes', '1', '--distribution', 'rke2'], /--rancher-version/],
      [['--clusters', '1', '--nodes', '1', '--rancher-version', '2.8'], /--distribution/],
      [['--distribution', 'rke2', '--rancher-version', '2.8'], /--clusters N and --nodes M/],
      [['--clusters', '1', '--nodes', '1', '--distribution', 'rke2', '--rancher-version', 'latest'], /must look like 2\.4 or v2\.4\.8/],
      [['--clusters', 'many', '--nodes', '1'], /--clusters must be a whole number/],
    ] as const) {
      const out = await cli(['size', ...argv], {});
      expect(out.code).toBe(2);
      expect(out.stderr).toMatch(message);
    }
    const downstreamOnly = await cli(['size', `${FIXTURES}rke-ha-3node.cluster.yml`], {});
    expect(downstreamOnly.code).toBe(2);
    expect(downstreamOnly.stderr).toMatch(/names no cluster that runs Rancher/);
  });

  it('reads a cluster.yml as the Rancher cluster with --as rancher', async () => {
    const out = await cli(['size', `${FIXTURES}rke-ha-3node.cluster.yml`, '--as', 'rancher', '--rancher-version', '2.4.8'], {});
    expect(out.code).toBe(0);
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
    expect(bad.stderr).toMatch(/--format/);
  });
});
