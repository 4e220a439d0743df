// A cluster's pod and service networks as the readers take them (cluster.yml's services, a
// provisioning Cluster's machineGlobalConfig), refused at their line when they are not networks.
import { expect, it } from 'vitest';
import { checkPlan } from '../check.ts';
import { readInput } from './read.ts';
import { toClusterYml } from './rke-cluster-yml.ts';

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
