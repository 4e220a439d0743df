// Rancher's provisioning Cluster (provisioning.cattle.io/v1) read from the fixtures: a node per
// machine of each pool, the pool's roles, the authorized endpoint, and refusals that name the place.
import { expect, it } from 'vitest';
import { checkPlan } from '../check.ts';
import { inputError } from '../testing/input-error.ts';
import { nodesOf, readFixture } from '../testing/fixtures.ts';
import { readInput, readInputDetailed } from './read.ts';

it("Rancher provisioning Cluster (RKE2): one node per machine, named after its pool, with the pool's roles", () => {
  const r = readFixture('provisioning-rke2-pools.cluster.yaml');
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
  const r = readFixture('provisioning-k3s-combined.cluster.yaml');
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
  const r = readFixture('provisioning-rke2-etcd-cp.cluster.json');
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
