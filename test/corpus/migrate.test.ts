// migrate on the real-world corpus (`npm run test:corpus`): every RKE cluster.yml and Terraform
// rke_cluster gives a new cluster the rules find no error in, or names each layout change it made;
// and its provisioning Cluster, Terraform and config files read back into that cluster. The
// samples are read where they lie, never copied into the repository.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/fake-io.ts';
import { readInput } from '../../src/rules/formats/read.ts';
import type { Plan } from '../../src/rules/vocabulary.ts';
import { corpusDir, corpusFiles, corpusFound, ENV_VAR } from './location.ts';

interface Report {
  summary: { servers: number; agents: number };
  changes: { what: string; why: string; sources: unknown[] }[];
  findings: { severity: string; rule: string; message: string }[];
  items: { topic: string; change: string; text: string; sources: unknown[] }[];
  target: Plan;
}

/** The changes the layout of some samples needs, by what each sample is (SOURCES.md). */
const EXPECTED_CHANGES: Record<string, RegExp[]> = {
  'rke-4node-4etcd-no-user.cluster.yml': [/^4 etcd members become 3/],
  'rke-5node-4etcd-custom-sshport.cluster.yml': [/^4 etcd members become 3/],
  'rke-4node-2etcd-duplicate-key.cluster.yml': [/^2 etcd members become 3/],
  'rke-2node-2etcd-sshkey-block.cluster.yml': [/^2 etcd members become 1/],
  'rke-2node-allroles-two-users.cluster.yml': [/^2 etcd members become 1/],
  'rke-5node-2allroles-3workers.cluster.yml': [/^2 etcd members become 3/],
  'rke-external-etcd.cluster.yml': [/^The external etcd is not carried/],
  'rke-6node-invalid-roles-homelab.cluster.yml': [/^Renamed 2 nodes/, /^No node held etcd/, /^No node ran the control plane/],
  'rke-full-example-2018.cluster.yml': [/had no role rke accepts/],
  'rke-single-node-svc-cidr-overlaps-node.rancher-cluster.yml': [/^service-cidr 172\.16\.0\.0\/16 is not carried: 172\.16\.128\.4 lies inside it/],
  'tf-rke-cluster-2cp-etcd-2workers.tf': [/^2 etcd members become 3/],
};

describe('migrate on the corpus', () => {
  it('the corpus folder is there', () => {
    expect(corpusFound, `${corpusDir}: set ${ENV_VAR} to the corpus folder`).toBe(true);
  });

  const files = corpusFiles().filter((f) => /^rke-.*\.ya?ml$/.test(f) || /^tf-rke-cluster-.*\.tf$/.test(f));
  const world = { realFiles: true, cwd: corpusDir };

  it('finds the RKE samples', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  it.each(files)('%s: a new cluster with no error, each layout change named with a reason', async (file) => {
    const run = await runCli(['migrate', join(corpusDir, file), '--format', 'json'], world);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(report.summary.servers).toBeGreaterThan(0);
    const expected = EXPECTED_CHANGES[file] ?? [];
    expect(report.changes).toHaveLength(expected.length);
    expected.forEach((pattern, i) => expect(report.changes[i]?.what).toMatch(pattern));
    for (const change of report.changes) expect(change.why.length).toBeGreaterThan(20);
    // Every item carries its sources, or none (then the report says "not documented").
    expect(report.items.every((i) => Array.isArray(i.sources))).toBe(true);
    expect(report.items.some((i) => i.topic === 'ports' && i.text.startsWith('Open 9345/tcp'))).toBe(true);
  });

  it.each(files)('%s: the provisioning Cluster and Terraform read back into the same pools', async (file) => {
    const plan = await runCli(['migrate', join(corpusDir, file), '--emit', 'plan'], world);
    const target = readInput(plan.stdout, { format: 'plan' }).clusters[0]!;
    const pools = (nodes: Plan['clusters'][number]['nodes']) => nodes.map((n) => `${n.pool}:${n.roles.join('+')}`).sort();
    const cluster = await runCli(['migrate', join(corpusDir, file), '--emit', 'provisioning'], world);
    expect(cluster.code, cluster.stderr).toBe(0);
    expect(pools(readInput(cluster.stdout, { format: 'provisioning-cluster' }).clusters[0]!.nodes)).toEqual(pools(target.nodes));
    const tf = await runCli(['migrate', join(corpusDir, file), '--emit', 'terraform'], world);
    expect(tf.code, tf.stderr).toBe(0);
    expect(tf.stdout).toContain('resource "rancher2_cluster_v2"');
  });

  const withAddresses = files.filter((f) => f.endsWith('.yml'));
  it.each(withAddresses)('%s: one config.yaml per node, exactly one first server, the others joining on 9345', async (file) => {
    const run = await runCli(['migrate', join(corpusDir, file), '--emit', 'config'], world);
    expect(run.code, run.stderr).toBe(0);
    const docs = run.stdout.split(/^---$/m);
    const nodes = docs.map((text) => readInput(text, { format: 'rke2-config' }).clusters[0]!.nodes[0]!);
    expect(nodes.filter((n) => n.server === undefined)).toHaveLength(1);
    for (const n of nodes.filter((x) => x.server !== undefined)) expect(n.server).toMatch(/:9345$/);
  });
});
