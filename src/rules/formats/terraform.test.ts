// The Terraform readers on the project's own fixtures (test/fixtures, MIT): rancher2_cluster_v2
// pools, rke_cluster nodes, values from a second file, a .tfvars override, a local module, a
// count left open, dynamic blocks, and terraform show -json output.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeHclAssets } from '../../cli/hcl-assets.ts';
import { checkPlan } from '../check.ts';
import { InputError } from './input-error.ts';
import { readInputAsync, type SourceFile } from './read-async.ts';
import { readInputDetailed } from './read.ts';
import { isTerraformName } from './terraform.ts';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));
const text = (name: string) => readFileSync(`${FIXTURES}${name}`, 'utf8');
const set = (...names: string[]): SourceFile[] => names.map((name) => ({ name, text: text(name) }));
const read = (input: string | SourceFile[], filename?: string) => readInputAsync(input, { hclAssets: nodeHclAssets, filename });
const summary = (nodes: readonly { name: string; pool?: string; roles: readonly string[] }[]) =>
  nodes.map((n) => `${n.name}:${n.pool ?? '-'}:${[...n.roles].sort().join('+')}`);
const rules = (r: Awaited<ReturnType<typeof read>>) => checkPlan(r.plan, { extraFindings: r.findings }).findings.map((f) => f.rule);

/** The files of a fixture folder, with their paths in the set, subfolders included (its local modules). */
function folder(dir: string): SourceFile[] {
  return readdirSync(`${FIXTURES}${dir}`, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(`${FIXTURES}${dir}/${f}`).isFile())
    .map((f) => ({ name: `${dir}/${f}`, text: text(`${dir}/${f}`) }));
}

it('reads every Terraform fixture: .tf files alone, folders as one set', async () => {
  const names = readdirSync(FIXTURES).filter(
    (f) => isTerraformName(f) || f.endsWith('.tfplan.json') || (f.startsWith('terraform-') && statSync(`${FIXTURES}${f}`).isDirectory()),
  );
  expect(names.sort()).toEqual([
    'rancher2-dynamic-pools.tf',
    'rancher2-etcd-snapshots.tf',
    'rancher2-plan.tfplan.json',
    'rancher2-unknown-count.tf',
    'rke-backup-config-var.tf',
    'rke-cluster-nodes.tf',
    'terraform-two-etcd',
    'terraform-vars',
  ]);
  for (const f of names) {
    const r = statSync(`${FIXTURES}${f}`).isDirectory() ? await read(folder(f)) : await read(text(f), f);
    expect(r.plan.clusters, f).toHaveLength(1);
  }
});

describe('rancher2_cluster_v2', () => {
  it('resolves counts through a local module call: the two-etcd shape of the provider example', async () => {
    const r = await read(
      set('terraform-two-etcd/main.tf', 'terraform-two-etcd/modules/downstream/main.tf', 'terraform-two-etcd/modules/downstream/variables.tf'),
    );
    expect(r.format).toBe('terraform');
    const [cluster] = r.plan.clusters;
    // The name depends on timestamp(): the resource label stands in, and a warning says so.
    expect(cluster?.name).toBe('downstream');
    expect(r.warnings.some((w) => /name = local\.cluster_name is not known.*resource label/.test(w.message))).toBe(true);
    expect(cluster?.distribution).toBe('rke2');
    expect(cluster?.kubernetesVersion).toBe('v1.31.4+rke2r1');
    expect(summary(cluster?.nodes ?? [])).toEqual([
      'cp-1:cp:controlplane+etcd',
      'cp-2:cp:controlplane+etcd',
      'wk-1:wk:worker',
      'wk-2:wk:worker',
      'wk-3:wk:worker',
    ]);
    expect(cluster?.nodesUnknown).toBeUndefined();
    const findings = checkPlan(r.plan).findings;
    expect(findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['etcd-odd-members', 'downstream-survives-node-loss']));
    // Nodes point at their pool's quantity line, in the module's file.
    expect(r.locate(['clusters', 0, 'nodes', 1])).toEqual({ file: 'terraform-two-etcd/modules/downstream/main.tf', line: 17, col: 7 });
    expect(r.locate(['clusters', 0, 'nodes', 2])).toEqual({ file: 'terraform-two-etcd/modules/downstream/main.tf', line: 25, col: 7 });
    // The registry module is named as not read.
    expect(r.warnings.some((w) => w.place === 'terraform-two-etcd/main.tf:21:1' && /module "network".*not among these files/.test(w.message))).toBe(true);
  });

  it('the module alone: counts unknown, named, and not judged', async () => {
    const r = await read(set('terraform-two-etcd/modules/downstream/main.tf', 'terraform-two-etcd/modules/downstream/variables.tf'));
    const [cluster] = r.plan.clusters;
    expect(cluster?.nodes).toEqual([]);
    expect(cluster?.nodesUnknown).toEqual([
      'quantity = local.cp_count (var.control_plane_node_count has no default)',
      'quantity = local.wk_count (var.worker_node_count has no default)',
    ]);
    const fired = rules(r);
    expect(fired).toContain('plan-counts-unknown');
    expect(fired).not.toContain('etcd-odd-members');
    expect(fired).not.toContain('downstream-three-etcd');
  });

  it('takes defaults from variables.tf and lets a .tfvars file override them', async () => {
    const withDefaults = await read(set('terraform-vars/main.tf', 'terraform-vars/variables.tf'));
    expect(summary(withDefaults.plan.clusters[0]?.nodes ?? []).filter((n) => n.startsWith('workers'))).toEqual(['workers-1:workers:worker']);
    const r = await read(set('terraform-vars/main.tf', 'terraform-vars/variables.tf', 'terraform-vars/workers.tfvars'));
    const [cluster] = r.plan.clusters;
    expect(cluster?.name).toBe('apps');
    expect(cluster?.distribution).toBe('k3s'); // from a local holding v1.30.8+k3s1
    expect(summary(cluster?.nodes ?? [])).toEqual([
      'control-1:control:controlplane+etcd',
      'control-2:control:controlplane+etcd',
      'control-3:control:controlplane+etcd',
      'workers-1:workers:worker',
      'workers-2:workers:worker',
      'workers-3:workers:worker',
      'workers-4:workers:worker',
    ]);
    expect(cluster?.authorizedEndpoint).toMatchObject({ fqdn: 'apps.example.com', targets: ['control-1', 'control-2', 'control-3'] });
  });

  it('without variables.tf, the counts are unknown rather than guessed', async () => {
    const r = await read(set('terraform-vars/main.tf'));
    expect(r.plan.clusters[0]?.name).toBe('apps'); // the resource label
    expect(r.plan.clusters[0]?.nodesUnknown).toEqual([
      'quantity = var.control_plane_count (var.control_plane_count is not declared in these files)',
      'quantity = var.worker_count (var.worker_count is not declared in these files)',
    ]);
  });

  it('a quantity with no default: the known pools are read, the open count is named', async () => {
    const r = await read(text('rancher2-unknown-count.tf'), 'rancher2-unknown-count.tf');
    const [cluster] = r.plan.clusters;
    expect(summary(cluster?.nodes ?? [])).toEqual(['agents-1:agents:worker', 'agents-2:agents:worker']);
    expect(cluster?.nodesUnknown).toEqual(['quantity = var.server_count (var.server_count has no default)']);
    const report = checkPlan(r.plan);
    const open = report.findings.find((f) => f.rule === 'plan-counts-unknown');
    expect(open?.message).toContain('quantity = var.server_count (var.server_count has no default)');
    // No etcd and no control plane are listed, but that is not judged: the servers' count is open.
    expect(report.findings.map((f) => f.rule)).not.toEqual(expect.arrayContaining(['rke-each-role']));
    expect(report.findings.map((f) => f.rule)).not.toContain('downstream-three-etcd');
  });

  it('dynamic machine_pools over a local map', async () => {
    const r = await read(text('rancher2-dynamic-pools.tf'), 'rancher2-dynamic-pools.tf');
    expect(summary(r.plan.clusters[0]?.nodes ?? [])).toEqual([
      'shop-cp-1:shop-cp:controlplane+etcd',
      'shop-cp-2:shop-cp:controlplane+etcd',
      'shop-cp-3:shop-cp:controlplane+etcd',
      'shop-worker-1:shop-worker:worker',
      'shop-worker-2:shop-worker:worker',
    ]);
    expect(r.locate(['clusters', 0, 'nodes', 0])).toMatchObject({ line: 21 });
  });

  it('pasted Terraform (no file name) is recognised and read', async () => {
    const r = await read(text('rancher2-dynamic-pools.tf'));
    expect(r.format).toBe('terraform');
  });

  it('a syntax error names the file, line and column', async () => {
    const error = await read('resource "rancher2_cluster_v2" "x" {\n  name = \n}\n', 'broken.tf').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/^broken\.tf:\d+:\d+: HCL syntax error/);
  });

  it('a file with no cluster resource is refused, naming what it holds', async () => {
    const error = await read(set('terraform-two-etcd/main.tf')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/no rancher2_cluster_v2 or rke_cluster resource.*module "downstream"/);
  });

  it('a hostile value cannot reach the plan: names are checked by the schema, open expressions kept ASCII', async () => {
    const error = await read(
      'resource "rancher2_cluster_v2" "x" {\n  name = "bad\\u001b[31mname"\n  rke_config {\n    machine_pools {\n      name = "p"\n      quantity = 1\n    }\n  }\n}\n',
      'x.tf',
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/^x\.tf:2:3 resource\.rancher2_cluster_v2\.x\.name: /);
    expect((error as InputError).message).not.toContain('\u001b');
    const open = await read(
      'resource "rancher2_cluster_v2" "x" {\n  rke_config {\n    machine_pools {\n      name = "p"\n      quantity = var.n\u00e9\n    }\n  }\n}\n',
      'y.tf',
    );
    expect(open.plan.clusters[0]?.nodesUnknown?.[0]).toMatch(/^quantity = var\.n\?/);
  });

  it('bounds a pool before making its nodes', async () => {
    const error = await read(
      'resource "rancher2_cluster_v2" "x" {\n  rke_config {\n    machine_pools {\n      name = "p"\n      quantity = 999999\n    }\n  }\n}\n',
      'big.tf',
    ).catch((e: unknown) => e);
    expect((error as InputError).message).toMatch(/^big\.tf:5:7: the machine pools add up to more than 5,000/);
  });
});

describe('rke_cluster', () => {
  it('an address only Terraform knows is kept as its expression, not reported as missing', async () => {
    const tf = [
      'resource "rke_cluster" "c" {',
      '  nodes {',
      '    address = aws_instance.cp.private_ip',
      '    user    = "ubuntu"',
      '    role    = ["controlplane", "etcd", "worker"]',
      '  }',
      '}',
    ].join('\n');
    const r = await read(tf, 'main.tf');
    expect(r.plan.clusters[0]?.nodes[0]).toMatchObject({ name: 'node-1', addressFrom: 'aws_instance.cp.private_ip' });
    expect(r.plan.clusters[0]?.nodes[0]?.address).toBeUndefined();
    expect(checkPlan(r.plan, { extraFindings: r.findings }).findings.map((f) => f.rule)).not.toContain('node-address-valid');
    expect(r.warnings.map((w) => w.message).join('\n')).toMatch(
      /only known when Terraform runs: node-1 \(aws_instance\.cp\.private_ip\)\. Checks that need addresses were not judged/,
    );
  });

  it('reads nodes blocks and dynamic nodes as a cluster.yml reads nodes', async () => {
    const r = await read(text('rke-cluster-nodes.tf'), 'rke-cluster-nodes.tf');
    const [cluster] = r.plan.clusters;
    expect(cluster?.name).toBe('legacy');
    expect(cluster?.distribution).toBe('rke');
    expect(cluster?.nodes.map((n) => [n.name, n.address, n.roles])).toEqual([
      ['cp-1', '192.0.2.10', ['controlplane', 'etcd']],
      ['192.0.2.11', '192.0.2.11', ['worker']],
      ['192.0.2.12', '192.0.2.12', ['worker']],
    ]);
    expect(cluster?.podCidrs).toEqual(['10.52.0.0/16']);
    expect(cluster?.serviceCidrs).toEqual(['10.53.0.0/16']);
    // The unknown role is rke's refusal, as in a cluster.yml.
    expect(r.findings).toEqual([expect.objectContaining({ rule: 'rke-config-valid', nodes: ['192.0.2.11'], severity: 'error' })]);
    expect(r.locate(['clusters', 0, 'nodes', 2])).toMatchObject({ line: 20 }); // the dynamic block
  });

  it("an unknown role points at its own node entry, in its own cluster, even where another entry shares the node's name", async () => {
    const node = (address: string, roles: string) =>
      `  nodes {\n    address = "${address}"\n    hostname_override = "node"\n    user = "ubuntu"\n    role = [${roles}]\n  }\n`;
    const all = '"controlplane", "etcd", "worker"';
    const tf = [
      `resource "rke_cluster" "first" {\n  cluster_name = "first"\n${node('192.0.2.1', all)}}\n`,
      `resource "rke_cluster" "second" {\n  cluster_name = "second"\n${node('192.0.2.10', all)}${node('192.0.2.11', '"worker", "master"')}}\n`,
    ].join('');
    const r = await read(tf, 'two.tf');
    const findings = checkPlan(r.plan, { extraFindings: r.findings }).findings.filter((f) => f.rule === 'rke-config-valid');
    expect(findings.map((f) => [f.cluster, f.nodes, f.at])).toEqual([['second', ['node'], { cluster: 1, nodes: [1] }]]);
  });
});

describe('terraform show -json', () => {
  it('reads rancher2_cluster_v2 from a child module of planned_values, synchronously too', async () => {
    const sync = readInputDetailed(text('rancher2-plan.tfplan.json'), { filename: 'rancher2-plan.tfplan.json' });
    const r = await read(text('rancher2-plan.tfplan.json'), 'rancher2-plan.tfplan.json');
    for (const result of [sync, r]) {
      expect(result.format).toBe('terraform-plan-json');
      const [cluster] = result.plan.clusters;
      expect(cluster?.name).toBe('edge');
      expect(summary(cluster?.nodes ?? [])).toEqual([
        'edge-cp-1:edge-cp:controlplane+etcd',
        'edge-cp-2:edge-cp:controlplane+etcd',
        'edge-wk-1:edge-wk:worker',
        'edge-wk-2:edge-wk:worker',
        'edge-wk-3:edge-wk:worker',
      ]);
      expect(cluster?.authorizedEndpoint?.fqdn).toBe('edge.example.com');
      expect(rules(result)).toEqual(expect.arrayContaining(['etcd-odd-members', 'downstream-survives-node-loss']));
    }
    expect(r.locate(['clusters', 0, 'nodes', 0])?.line).toBe(23);
  });
});

describe('etcd snapshots', () => {
  it('rancher2_cluster_v2: rke_config.etcd schedule, retention and s3_config are read; the S3 copy keeps the rules quiet', async () => {
    const r = await read(text('rancher2-etcd-snapshots.tf'), 'rancher2-etcd-snapshots.tf');
    expect(r.plan.clusters[0]!.etcdSnapshots).toEqual({ cron: '0 */8 * * *', retention: 12, offNode: 's3' });
    expect(rules(r).filter((id) => id.startsWith('etcd-snapshots-'))).toEqual([]);
  });

  it('rke_cluster: a backup_config value only Terraform knows leaves the snapshots open; a known one is read', async () => {
    const r = await read(text('rke-backup-config-var.tf'), 'rke-backup-config-var.tf');
    expect(r.plan.clusters[0]!.etcdSnapshots).toBeUndefined();
    const known = text('rke-backup-config-var.tf').replace('var.snapshot_retention', '4');
    const k = await read(known, 'known.tf');
    expect(k.plan.clusters[0]!.etcdSnapshots).toEqual({ enabled: false, intervalHours: 6, retention: 4 });
    expect(rules(k).filter((id) => id.startsWith('etcd-snapshots-'))).toEqual(['etcd-snapshots-enabled']);
    // No backup_config: rke's defaults, on and local only.
    const bare = await read(text('rke-cluster-nodes.tf'), 'rke-cluster-nodes.tf');
    expect(bare.plan.clusters[0]!.etcdSnapshots).toEqual({});
  });
});
