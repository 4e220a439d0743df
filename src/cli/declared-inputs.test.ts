// The CLI on the YAML kinds of issue 21: detection that refuses to guess, and --input-format
// settling it; a Cluster API template with an open count; a List of provisioning Clusters.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './fake-io.ts';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
const fixture = (name: string) => `${FIXTURES}${name}`;
const real = { realFiles: true };

describe('check: formats two readers claim', () => {
  it('an ambiguous cluster.yml is an input error naming both formats (exit 2)', async () => {
    const r = await runCli(['check', fixture('rke-ambiguous-kind.cluster.yml')], real);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/rke-ambiguous-kind\.cluster\.yml: this input matches two formats: .*\(kubectl-nodes\) and .*\(cluster-yml\)/);
    expect(r.stdout).toMatch(/^Nothing was checked/);
  });

  it('--input-format cluster-yml settles it and the file is checked', async () => {
    const r = await runCli(['check', fixture('rke-ambiguous-kind.cluster.yml'), '--input-format', 'cluster-yml', '--format', 'json'], real);
    expect(r.stderr).not.toMatch(/matches two formats/);
    const report = JSON.parse(r.stdout) as { files: { format: string; report: { clusters: { nodeCount: number }[] } }[] };
    expect(JSON.stringify(report)).toContain('cluster-yml');
    expect(r.code).not.toBe(2);
  });
});

describe('check: declared clusters', () => {
  it('an open ${VAR} count is named, not judged', async () => {
    const r = await runCli(['check', fixture('capi-rke2-open-count.cluster.yaml'), '--rancher-version', '2.8.0'], real);
    expect(r.stdout).toMatch(/\$\{WORKER_MACHINE_COUNT\}.*not judged/);
    expect(r.stdout).not.toMatch(/downstream-two-workers/);
  });

  it('a List of provisioning Clusters is checked as clusters, not as a node list', async () => {
    const r = await runCli(['check', fixture('provisioning-clusters.list.yaml')], real);
    expect(r.stdout).toMatch(/^Cluster pools \(/m);
    expect(r.stdout).toMatch(/^Cluster custom \(/m);
  });
});
