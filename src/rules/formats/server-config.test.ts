// K3s and RKE2 config files (/etc/rancher/{k3s,rke2}/config.yaml) read as one-node clusters: the
// datastore the flags imply, servers and agents, and the roles a taint or a disable-* flag leaves.
import { expect, it } from 'vitest';
import { readFixture } from '../testing/fixtures.ts';
import { readInput } from './read.ts';

it('K3s config files become one-node K3s clusters', () => {
  const init = readFixture('k3s-server-cluster-init.config.yaml');
  expect(init.format).toBe('k3s-config');
  expect(init.plan.clusters[0]).toMatchObject({
    name: 'k3s',
    distribution: 'k3s',
    datastore: 'embedded',
    nodes: [{ name: '192.0.2.51', address: '192.0.2.51', roles: ['server'] }],
  });
  expect(init.warnings[0]!.message).toMatch(/one server/);
  expect(readFixture('k3s-server-external-db.config.yaml').plan.clusters[0]).toMatchObject({
    datastore: 'external',
    nodes: [{ name: 'change-me', roles: ['server'] }],
  });
  const join = readFixture('k3s-server-join.config.yaml');
  expect(join.plan.clusters[0]).toMatchObject({ datastore: 'embedded', nodes: [{ address: '192.0.2.53', roles: ['server'] }] });
  expect(join.warnings[0]!.message).toMatch(/joining https:\/\/192\.0\.2\.51:6443/);
});

it('K3s servers without cluster-init, server or datastore-endpoint: a scalar disable, a node-taint', () => {
  for (const f of ['k3s-disable-only.config.yaml', 'k3s-server-taint-comments.config.yaml']) {
    const r = readFixture(f);
    expect(r.format, f).toBe('k3s-config');
    // K3s's default for a lone server is SQLite.
    expect(r.plan.clusters[0], f).toMatchObject({ distribution: 'k3s', datastore: 'sqlite', nodes: [{ name: 'server-1', roles: ['server'] }] });
  }
});

it('RKE2 config files', () => {
  const cilium = readFixture('rke2-server-cilium.config.yaml');
  const join = readFixture('rke2-server-join.config.yaml');
  expect(cilium.format).toBe('rke2-config');
  expect(cilium.plan.clusters[0]).toMatchObject({
    name: 'rke2',
    distribution: 'rke2',
    datastore: 'embedded',
    network: 'cilium',
    nodes: [{ name: '198.51.100.30', address: '198.51.100.30', roles: ['server'] }],
  });
  expect(join.format).toBe('rke2-config');
  expect(join.plan.clusters[0]).toMatchObject({ name: 'rke2', distribution: 'rke2', nodes: [{ roles: ['server'] }] });
  expect(join.warnings[0]!.message).toMatch(/joining https:\/\/rke2\.example\.net:9345/);
});

it('a server kept free of workloads by a taint is no worker: split roles and embedded etcd', () => {
  const roles = (text: string) => readInput(text, { distribution: 'rke2' }).clusters[0]!.nodes[0]!.roles;
  const taint = 'node-taint: ["CriticalAddonsOnly=true:NoExecute"]\n';
  expect(roles(`cni: canal\ndisable-etcd: true\nserver: https://10.0.0.1:9345\n${taint}`)).toEqual(['controlplane']);
  expect(roles(`cni: canal\ndisable-etcd: true\nserver: https://10.0.0.1:9345\n`)).toEqual(['controlplane', 'worker']);
  expect(roles(`cni: canal\ndisable-apiserver: true\n${taint}`)).toEqual(['etcd']);
  expect(roles(`cni: canal\n${taint}`)).toEqual(['etcd', 'controlplane']);
  expect(roles('cni: canal\n')).toEqual(['server']);
});

it('an agent-only K3s config becomes an agent', () => {
  expect(readInput('server: https://10.0.0.1:6443\ntoken: x\nnode-ip: 10.0.0.5\n').clusters[0]!.nodes[0]!.roles).toEqual(['agent']);
});
