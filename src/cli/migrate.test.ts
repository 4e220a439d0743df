// rancher-arch migrate as people run it: a cluster.yml, Terraform's rke_cluster or a plan in; the
// report in text, JSON or Markdown, or one of the files out; exit 2 for anything that is not an
// RKE cluster, and a clear message naming the file.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from './fake-io.ts';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
const fixture = (name: string) => `${FIXTURES}${name}`;
const real = { realFiles: true };

describe('rancher-arch migrate', () => {
  it('prints the layout, the changes, the delta report and the steps for a cluster.yml', async () => {
    const run = await runCli(['migrate', fixture('rke-migrate-split-registries.cluster.yml'), '--registration-address', 'api.shop.example.net'], real);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Moving RKE cluster "shop" to RKE2\n/);
    expect(run.stdout).toContain('RKE2 cluster "shop-rke2" (from RKE cluster "shop", 8 nodes): 5 servers, 3 agents.');
    expect(run.stdout).toContain('4 etcd members become 3');
    expect(run.stdout).toContain('[open] Open 9345/tcp');
    expect(run.stdout).toContain('[close] Close 2376/tcp');
    expect(run.stdout).toContain('kube-apiserver-arg: ["audit-log-maxage=30"]');
    expect(run.stdout).toMatch(/Steps\n {2}1\. \[ \] Build a new RKE2 cluster/);
  });

  it('gives the same items as JSON, and Markdown for tickets', async () => {
    const json = await runCli(['migrate', fixture('rke-migrate-split-registries.cluster.yml'), '--format', 'json'], real);
    const report = JSON.parse(json.stdout) as { items: { topic: string; text: string; sources: unknown[] }[]; target: { clusters: { name: string }[] } };
    expect(report.target.clusters[0]?.name).toBe('shop-rke2');
    expect(report.items.some((i) => i.topic === 'registries' && i.text.includes('system-default-registry'))).toBe(true);
    const markdown = await runCli(['migrate', fixture('rke-migrate-split-registries.cluster.yml'), '-f', 'markdown'], real);
    expect(markdown.stdout).toMatch(/^## Moving RKE cluster "shop" to RKE2/);
    expect(markdown.stdout).toContain('#### Ports');
  });

  it('reads Terraform’s rke_cluster and says what it did not examine', async () => {
    const run = await runCli(['migrate', fixture('rke-cluster-nodes.tf'), '--to', 'k3s'], real);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('K3s cluster "legacy-k3s"');
    expect(run.stdout).toContain("Terraform's rke_cluster was read for its nodes, roles, address ranges, version and snapshots only");
  });

  it('emits each file: the plan, a provisioning Cluster, Terraform and every node’s config.yaml', async () => {
    const file = fixture('rke-ha-3node.cluster.yml');
    const plan = await runCli(['migrate', file, '--emit', 'plan'], real);
    expect((parse(plan.stdout) as { clusters: { distribution: string }[] }).clusters[0]?.distribution).toBe('rke2');
    const cluster = await runCli(['migrate', file, '--emit', 'provisioning'], real);
    expect(parse(cluster.stdout)).toMatchObject({ kind: 'Cluster', spec: { rkeConfig: { machinePools: [{ quantity: 3, etcdRole: true }] } } });
    const tf = await runCli(['migrate', file, '--emit', 'terraform'], real);
    expect(tf.stdout).toContain('resource "rancher2_cluster_v2" "local-rke2" {');
    const configs = await runCli(['migrate', file, '--emit', 'config'], real);
    expect(configs.stdout.split(/^---$/m)).toHaveLength(3);
    const one = await runCli(['migrate', file, '--emit', 'config', '--node', 'nowhere'], real);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('has no node named "nowhere"');
  });

  it('refuses what is not an RKE cluster, a bad address, and config files for K3s, with exit 2', async () => {
    const rke2 = await runCli(['migrate', fixture('provisioning-rke2-pools.cluster.yaml')], real);
    expect(rke2.code).toBe(2);
    expect(rke2.stderr).toContain('the input holds no RKE cluster');
    const address = await runCli(['migrate', fixture('rke-ha-3node.cluster.yml'), '--registration-address', 'a b'], real);
    expect(address.code).toBe(2);
    expect(address.stderr).toContain('--registration-address');
    const k3s = await runCli(['migrate', fixture('rke-ha-3node.cluster.yml'), '--to', 'k3s', '--emit', 'config'], real);
    expect(k3s.code).toBe(2);
    expect(k3s.stderr).toContain('config.yaml for RKE2 only');
  });
});
