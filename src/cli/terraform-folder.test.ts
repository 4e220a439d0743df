// rancher-arch check on a Terraform folder, through the real CLI (in-process): the folder's .tf and
// .tfvars are read together with the local module they call, and the two-member etcd of the
// provider-example shape is reported at the pool's line, in text and in SARIF.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './fake-io.ts';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
const real = { realFiles: true };

describe('check: a Terraform folder', () => {
  it('reads main.tf with its local module and reports the two etcd members at the pool', async () => {
    const folder = `${FIXTURES}terraform-two-etcd/`;
    const r = await runCli(['check', folder, '--format', 'json'], real);
    // Reader warnings go to stderr, each at its file and line (the registry module is not read).
    expect(r.stderr).toMatch(/terraform-two-etcd\/main\.tf:21:1: module "network"/);
    // Two embedded-etcd RKE2 servers: an error (RKE2's HA page asks for an odd number), so the run fails.
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as {
      inputs: { format: string }[];
      findings: { rule: string; severity: string; nodes: string[] }[];
      clusters: { etcdMembers: number }[];
    };
    expect(out.findings.find((f) => f.rule === 'etcd-odd-members')?.severity).toBe('error');
    expect(out.inputs).toHaveLength(1);
    expect(out.inputs[0]?.format).toBe('terraform');
    expect(out.clusters[0]?.etcdMembers).toBe(2);
    expect(out.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['etcd-odd-members', 'downstream-survives-node-loss']));

    const sarif = await runCli(['check', folder, '--format', 'sarif'], real);
    const log = JSON.parse(sarif.stdout) as {
      runs: { results: { ruleId: string; locations: { physicalLocation?: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }[] }[];
    };
    for (const rule of ['downstream-survives-node-loss', 'etcd-odd-members']) {
      const at = log.runs[0]?.results.find((x) => x.ruleId === rule)?.locations[0]?.physicalLocation;
      expect(at?.artifactLocation.uri, rule).toMatch(/terraform-two-etcd\/modules\/downstream\/main\.tf$/);
      expect(at?.region?.startLine, rule).toBe(17); // quantity = local.cp_count in the control-plane pool
    }
  });

  it('a .tfvars file in the folder overrides a default; --input-format accepts the new ids', async () => {
    const r = await runCli(['check', `${FIXTURES}terraform-vars`, '--format', 'json'], real);
    const out = JSON.parse(r.stdout) as { clusters: { nodeCount: number }[] };
    expect(out.clusters[0]?.nodeCount).toBe(7); // 3 control + 4 workers (workers.tfvars)
    const plan = await runCli(['check', `${FIXTURES}rancher2-plan.tfplan.json`, '--input-format', 'terraform-plan-json', '--format', 'json'], real);
    expect((JSON.parse(plan.stdout) as { inputs: { format: string }[] }).inputs[0]?.format).toBe('terraform-plan-json');
  });

  it('a folder without Terraform files is an unreadable input with a clear message', async () => {
    const r = await runCli(['check', 'empty/'], { files: { 'empty/notes.txt': 'hello' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/empty\/: no \.tf or \.tfvars files in this folder/);
  });
});
