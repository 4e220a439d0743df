// Every file a migration hands over reads back through the project's own readers into the same
// cluster: the plan as a whole; the provisioning Cluster and the Terraform as pools, roles, version,
// CNI, address ranges, snapshots and endpoint; each config.yaml as its node, where it joins and
// what it is valid for.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeHclAssets } from '../../cli/hcl-assets.ts';
import { ExportError } from '../formats/format.ts';
import { readInputAsync } from '../formats/read-async.ts';
import { readInput, readInputDetailed } from '../formats/read.ts';
import { parseText } from '../formats/text.ts';
import type { Cluster } from '../vocabulary.ts';
import { emitConfigs, emitText } from './emit.ts';
import { migratePlan, sourceFromClusterYml, type MigrateOptions, type Migration } from './index.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/${name}`, import.meta.url), 'utf8');

function migrateYml(text: string, options: MigrateOptions = {}): Migration {
  const read = readInputDetailed(text, { filename: 'cluster.yml', format: 'cluster-yml' });
  return migratePlan(read.plan, { settings: sourceFromClusterYml(parseText(text).data), ...options });
}

/** What a provisioning Cluster or a rancher2_cluster_v2 carries of a cluster. */
function poolView(c: Cluster) {
  const pools = new Map<string, { roles: string[]; count: number }>();
  for (const n of c.nodes) {
    const p = pools.get(n.pool ?? '') ?? { roles: n.roles, count: 0 };
    p.count++;
    pools.set(n.pool ?? '', p);
  }
  return {
    name: c.name,
    distribution: c.distribution,
    kubernetesVersion: c.kubernetesVersion,
    network: c.network,
    podCidrs: c.podCidrs,
    serviceCidrs: c.serviceCidrs,
    etcdSnapshots: c.etcdSnapshots,
    endpoint: c.authorizedEndpoint?.fqdn,
    pools: Object.fromEntries(pools),
  };
}

const cases: [string, Migration][] = [
  ['split roles, S3, registries', migrateYml(fixture('rke-migrate-split-registries.cluster.yml'), { registrationAddress: 'api.shop.example.net' })],
  ['the HA layout, all roles', migrateYml(fixture('rke-ha-3node.cluster.yml'), { rancherVersion: '2.9' })],
  [
    'an endpoint and address ranges',
    migrateYml(
      `cluster_name: edge\nauthorized_cluster_endpoint:\n  enabled: true\n  fqdn: edge-api.example.net\nservices:\n  kube-controller:\n    cluster_cidr: 10.60.0.0/16\n    service_cluster_ip_range: 10.61.0.0/16\n  kube-api:\n    service_cluster_ip_range: 10.61.0.0/16\nnodes:\n${[
        1, 2, 3,
      ]
        .map((i) => `  - address: 198.51.100.${i}\n    user: u\n    role: [etcd, controlplane, worker]`)
        .join('\n')}\n`,
      { to: 'rke2' },
    ),
  ],
];

describe.each(cases)('the emits of a migration: %s', (_, m) => {
  const target = m.target.clusters[0] as Cluster;

  it('the target plan reads back as the same plan', () => {
    expect(readInput(emitText(m, 'plan'), { format: 'plan' })).toEqual(m.target);
  });

  it('the provisioning Cluster reads back into the same pools, version, CNI, ranges, snapshots and endpoint', () => {
    const back = readInput(emitText(m, 'provisioning'), { format: 'provisioning-cluster' }).clusters[0] as Cluster;
    expect(poolView(back)).toEqual(poolView(target));
  });

  it('the Terraform reads back the same way through the HCL reader', async () => {
    const back = (await readInputAsync([{ name: 'main.tf', text: emitText(m, 'terraform') }], { hclAssets: nodeHclAssets })).plan.clusters[0] as Cluster;
    expect(poolView(back)).toEqual(poolView(target));
  });

  it('each config.yaml reads back as its node: roles, address, where it joins, tls-san', () => {
    const configs = emitConfigs(m);
    expect(configs.map((c) => c.node)).toEqual(target.nodes.map((n) => n.name));
    expect(configs.filter((c) => c.first).map((c) => c.node)).toEqual([m.summary.firstServer]);
    for (const config of configs) {
      const node = target.nodes.find((n) => n.name === config.node)!;
      const back = readInput(config.text, { format: 'rke2-config' }).clusters[0] as Cluster;
      const read = back.nodes[0]!;
      expect(read.name).toBe(node.name);
      expect(read.address).toBe(node.address);
      const server = node.roles.includes('etcd') || node.roles.includes('controlplane');
      expect(config.unit).toBe(server ? 'rke2-server' : 'rke2-agent');
      // An agent reads back as "agent", a server with every role as "server", a split server as its roles.
      const full = ['etcd', 'controlplane', 'worker'].every((r) => node.roles.includes(r as 'etcd'));
      expect(read.roles).toEqual(full ? ['server'] : server ? node.roles : ['agent']);
      if (config.first) expect(read.server).toBeUndefined();
      else expect(read.server).toMatch(/^https:\/\/.+:9345$/);
      if (server) {
        expect(read.tlsSan).toEqual(node.tlsSan);
        expect(back.network).toBe(target.network);
        expect(back.podCidrs).toEqual(target.podCidrs);
      }
      if (node.roles.includes('etcd')) expect(back.etcdSnapshots).toEqual(target.etcdSnapshots);
    }
  });
});

describe('emits the real tool would refuse', () => {
  it('refuses config files for K3s, and Rancher files without a release to install', () => {
    const k3s = migrateYml(fixture('rke-ha-3node.cluster.yml'), { to: 'k3s' });
    expect(() => emitConfigs(k3s)).toThrow(ExportError);
    expect(emitText(k3s, 'provisioning')).toContain('+k3s');
    const old = migrateYml(
      `kubernetes_version: v1.33.1-rancher1-1\n${'nodes:\n  - address: 192.0.2.1\n    user: u\n    role: [etcd, controlplane, worker]\n'}`,
      {
        rancherVersion: '2.10',
      },
    );
    expect(old.summary.kubernetesVersion).toBeUndefined();
    expect(() => emitText(old, 'provisioning')).toThrow(/needs the RKE2 release to install/);
    expect(() => emitText(old, 'terraform')).toThrow(ExportError);
  });

  it('joins through the registration address when there is one, and never names a joiner first', () => {
    const m = cases[0]![1];
    const configs = emitConfigs(m);
    const joiners = configs.filter((c) => !c.first);
    expect(joiners.length).toBe(configs.length - 1);
    const fullServers = m.target.clusters[0]!.nodes.filter((n) => n.roles.includes('etcd') && n.roles.includes('controlplane')).map((n) => n.name);
    for (const c of joiners) {
      const server = readInput(c.text, { format: 'rke2-config' }).clusters[0]!.nodes[0]!.server;
      if (c.unit === 'rke2-agent' || fullServers.includes(c.node)) expect(server).toBe('https://api.shop.example.net:9345');
    }
  });
});
