// The RKE2 config.yaml writer: one file per node, the first server without server:, joiners on
// 9345, split roles as disable-* flags; read back, the files describe the same nodes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { effectiveRoles } from '../cluster-facts.ts';
import { planSchema } from '../plan.ts';
import { PRESETS } from '../presets.ts';
import type { EtcdSnapshots, Plan, PlanInput } from '../vocabulary.ts';
import { ExportError } from './format.ts';
import { readInputDetailed } from './read.ts';
import { toNginxConfig } from './nginx.ts';
import { formatById } from './registry.ts';
import { rke2Configs, toRke2Config, TOKEN_PLACEHOLDER } from './rke2-config.ts';

const plan = (input: PlanInput): Plan => planSchema.parse(input);
const yamlOf = (text: string) => parse(text) as Record<string, unknown>;

/** A node as the checks see it: name, address and the roles it actually plays. */
function played(cluster: Plan['clusters'][number], node: Plan['clusters'][number]['nodes'][number]) {
  return { name: node.name, address: node.address, roles: [...effectiveRoles(cluster, node)].sort() };
}

/** Write every node's file, read each back on its own, and compare the nodes. */
function roundTrip(p: Plan) {
  const configs = rke2Configs(p);
  const cluster = p.clusters.find((c) => c.distribution === 'rke2')!;
  const back = configs.map((c) => {
    const read = readInputDetailed(c.text, { filename: `${c.node}.config.yaml` });
    expect(read.format, c.node).toBe('rke2-config');
    const readCluster = read.plan.clusters[0]!;
    expect(readCluster.nodes).toHaveLength(1);
    return played(readCluster, readCluster.nodes[0]!);
  });
  return { configs, written: cluster.nodes.map((n) => played(cluster, n)), back };
}

describe('RKE2 config.yaml writer', () => {
  it('writes the Rancher-on-RKE2 preset: the first server alone, the others join through the load balancer on 9345', () => {
    const configs = rke2Configs(PRESETS['rancher-rke2'].plan);
    expect(configs.map((c) => [c.node, c.unit, c.first])).toEqual([
      ['server-1', 'rke2-server', true],
      ['server-2', 'rke2-server', false],
      ['server-3', 'rke2-server', false],
    ]);
    const [first, second] = configs.map((c) => yamlOf(c.text));
    expect(first).toEqual({ token: TOKEN_PLACEHOLDER, 'node-name': 'server-1', 'node-ip': '10.0.0.1', 'tls-san': ['rancher.example.com'], cni: 'canal' });
    expect(second).toMatchObject({ server: 'https://rancher.example.com:9345', token: TOKEN_PLACEHOLDER, 'tls-san': ['rancher.example.com'] });
    expect(configs[0]!.text).toMatch(/^# \/etc\/rancher\/rke2\/config\.yaml for "server-1" in cluster "rancher"/);
  });

  it('round trip: the files read back as the same nodes (preset, machine pools, split roles, agents)', () => {
    const cases: Plan[] = [
      PRESETS['rancher-rke2'].plan,
      PRESETS['downstream-rke2-pools'].plan,
      plan({
        clusters: [
          {
            name: 'mixed',
            distribution: 'rke2',
            network: 'cilium',
            nodes: [
              { name: 'ec-1', address: '192.0.2.1', roles: ['etcd', 'controlplane'] },
              { name: 'ec-2', address: '192.0.2.2', roles: ['etcd', 'controlplane'] },
              { name: 'ec-3', address: '192.0.2.3', roles: ['etcd', 'controlplane'] },
              { name: 'e-4', address: '192.0.2.4', roles: ['etcd', 'worker'] },
              { name: 'c-5', address: '192.0.2.5', roles: ['controlplane', 'worker'] },
              { name: 'w-6', address: '2001:db8::6', roles: ['worker'] },
            ],
          },
        ],
      }),
      plan({
        clusters: [
          {
            name: 'std',
            distribution: 'rke2',
            nodes: [
              { name: 's1', address: '192.0.2.11', roles: ['server'] },
              { name: 's2', address: '192.0.2.12', roles: ['server'] },
              { name: 's3', address: '192.0.2.13', roles: ['server'] },
              { name: 'a1', address: '192.0.2.21', roles: ['agent'] },
            ],
          },
        ],
      }),
    ];
    for (const p of cases) {
      const { written, back, configs } = roundTrip(p);
      expect(back, p.clusters[0]!.name).toEqual(written);
      expect(configs.filter((c) => c.first)).toHaveLength(1);
    }
  });

  it('split roles: etcd-only nodes disable the control plane, control-plane-only nodes disable etcd and join through an etcd node', () => {
    const byNode = Object.fromEntries(rke2Configs(PRESETS['downstream-rke2-pools'].plan).map((c) => [c.node, yamlOf(c.text)]));
    expect(byNode['etcd-1']).toMatchObject({ 'disable-apiserver': true, 'disable-controller-manager': true, 'disable-scheduler': true });
    expect(byNode['etcd-1']!.server).toBeUndefined();
    expect(byNode['cp-1']).toMatchObject({ server: 'https://10.2.0.1:9345', 'disable-etcd': true, 'node-taint': ['CriticalAddonsOnly=true:NoExecute'] });
    expect(byNode['cp-1']!['disable-apiserver']).toBeUndefined();
    // Agents need a server that runs the API: without a load balancer address, the first such server.
    expect(byNode['worker-1']).toEqual({ server: 'https://10.2.0.11:9345', token: TOKEN_PLACEHOLDER, 'node-name': 'worker-1', 'node-ip': '10.2.0.21' });
  });

  it('is the write of the rke2-config format, one node per call', () => {
    const format = formatById('rke2-config')!;
    const p = PRESETS['rancher-rke2'].plan;
    expect(format.write!(p, { node: 'server-2' })).toBe(rke2Configs(p)[1]!.text);
    expect(() => toRke2Config(p)).toThrow(/3 nodes; choose one/);
    expect(() => toRke2Config(p, { node: 'nope' })).toThrow(/no node named "nope"/);
    expect(() => toRke2Config(PRESETS['rancher-rke'].plan)).toThrow(RangeError);
    expect(() => toRke2Config(p, { cluster: 'rancher', node: 'server-1' })).not.toThrow();
  });

  it('brackets an IPv6 join address and leaves node-ip out for a DNS name', () => {
    const configs = rke2Configs(
      plan({
        clusters: [
          {
            name: 'v6',
            distribution: 'rke2',
            nodes: [
              { name: 's1', address: '2001:db8::1', roles: ['server'] },
              { name: 's2', address: 'node2.example.net', roles: ['server'] },
            ],
          },
        ],
      }),
    );
    expect(yamlOf(configs[1]!.text)).toMatchObject({ server: 'https://[2001:db8::1]:9345', 'tls-san': ['2001:db8::1'] });
    expect(yamlOf(configs[1]!.text)['node-ip']).toBeUndefined();
  });

  it('refuses, with ExportError and the reasons, what RKE2 would refuse or what cannot join', () => {
    const refused = (input: PlanInput): ExportError => {
      try {
        rke2Configs(plan(input));
      } catch (error) {
        expect(error).toBeInstanceOf(ExportError);
        return error as ExportError;
      }
      throw new Error('expected an ExportError');
    };
    const noEtcd = refused({ clusters: [{ name: 'x', distribution: 'rke2', nodes: [{ name: 'c1', address: '192.0.2.1', roles: ['controlplane'] }] }] });
    expect(noEtcd.problems.join(' ')).toMatch(/No node runs etcd/);
    const noAddress = refused({
      clusters: [
        {
          name: 'x',
          distribution: 'rke2',
          nodes: [
            { name: 's1', roles: ['server'] },
            { name: 's2', roles: ['server'] },
          ],
        },
      ],
    });
    expect(noAddress.problems.join(' ')).toMatch(/s2 cannot join/);
    const badName = refused({ clusters: [{ name: 'x', distribution: 'rke2', nodes: [{ name: 'Bad_Name', address: '192.0.2.1', roles: ['server'] }] }] });
    expect(badName.problems.join(' ')).toMatch(/not a valid hostname/);
    const external = refused({
      clusters: [{ name: 'x', distribution: 'rke2', datastore: 'external', nodes: [{ name: 's1', address: '192.0.2.1', roles: ['server'] }] }],
    });
    expect(external.problems.join(' ')).toMatch(/embedded etcd only/);
    const noRole = refused({
      clusters: [
        {
          name: 'x',
          distribution: 'rke2',
          nodes: [
            { name: 's1', address: '192.0.2.1', roles: ['server'] },
            { name: 'n2', address: '192.0.2.2', roles: [] },
          ],
        },
      ],
    });
    expect(noRole.problems.join(' ')).toMatch(/no role/);
  });

  it('joins through the first server when the load balancer does not forward 9345', () => {
    const p = plan({
      rancher: { version: '2.9.0', cluster: 'r' },
      clusters: [
        {
          name: 'r',
          distribution: 'rke2',
          nodes: [1, 2, 3].map((i) => ({ name: `s${i}`, address: `192.0.2.${i}`, roles: ['server' as const] })),
          loadBalancer: { address: 'rancher.example.org', ports: [80, 443], targets: ['s1', 's2', 's3'] },
        },
      ],
    });
    const second = yamlOf(rke2Configs(p)[1]!.text);
    expect(second.server).toBe('https://192.0.2.1:9345');
    expect(second['tls-san']).toEqual(['rancher.example.org']);
  });
});

describe('a joining node stays a joining node', () => {
  const fixture = readFileSync(new URL('../../../test/fixtures/rke2-server-join.config.yaml', import.meta.url), 'utf8');

  it('reads server: and tls-san from a joining server, and writes them back: never "the first server"', () => {
    const read = readInputDetailed(fixture, { filename: 'rke2-server-join.config.yaml' });
    const node = read.plan.clusters[0]!.nodes[0]!;
    expect(node.server).toBe('https://rke2.example.net:9345');
    expect(node.tlsSan).toEqual(['rke2.example.net']);
    const [config] = rke2Configs(read.plan);
    expect(config!.first).toBe(false);
    expect(config!.text).not.toMatch(/first server/);
    expect(yamlOf(config!.text)).toMatchObject({ server: 'https://rke2.example.net:9345', 'tls-san': ['rke2.example.net'] });
    expect(config!.text).toMatch(/Joins the cluster through rke2\.example\.net:9345\./);
  });

  it('other nodes of the plan join through the address the joiners already name', () => {
    const p = plan({
      clusters: [
        {
          name: 'c',
          distribution: 'rke2',
          nodes: [
            { name: 's1', address: '192.0.2.1', roles: ['server'] },
            { name: 's2', address: '192.0.2.2', roles: ['server'], server: 'https://reg.example.net:9345' },
            { name: 'a1', address: '192.0.2.9', roles: ['agent'] },
          ],
        },
      ],
    });
    const configs = rke2Configs(p).map((c) => [c.node, c.first, yamlOf(c.text).server]);
    expect(configs).toEqual([
      ['s1', true, undefined],
      ['s2', false, 'https://reg.example.net:9345'],
      ['a1', false, 'https://reg.example.net:9345'],
    ]);
    expect(yamlOf(rke2Configs(p)[0]!.text)['tls-san']).toEqual(['reg.example.net']);
  });

  it('carries the cluster-cidr and service-cidr to every server, read from the file and written back', () => {
    const text = `${fixture}cluster-cidr: 10.50.0.0/16,fd00:50::/56\nservice-cidr: 10.51.0.0/16\n`;
    const read = readInputDetailed(text, { filename: 'join.yaml' });
    expect(read.plan.clusters[0]).toMatchObject({ podCidrs: ['10.50.0.0/16', 'fd00:50::/56'], serviceCidrs: ['10.51.0.0/16'] });
    expect(yamlOf(rke2Configs(read.plan)[0]!.text)).toMatchObject({ 'cluster-cidr': '10.50.0.0/16,fd00:50::/56', 'service-cidr': '10.51.0.0/16' });
  });

  it('refuses a server: that is not an https URL of an address, naming the line', () => {
    expect(() => readInputDetailed('server: http://10.0.0.1:9345\ntoken: x\ncni: canal\n', { filename: 'bad.yaml' })).toThrow(
      /bad\.yaml:1:\d+ .*server.*https:\/\//,
    );
    expect(() => readInputDetailed('cluster-cidr: 10.42.1.0/16\ncni: canal\n', { filename: 'cidr.yaml' })).toThrow(/cidr\.yaml:1:\d+ .*host bits set/);
  });
});

describe('the load balancer in front of an RKE2 Rancher cluster', () => {
  /** Debian's nginx with its stream module, as installed by .ci/run. */
  const STREAM_MODULE = '/usr/lib/nginx/modules/ngx_stream_module.so';

  it('forwards 80 and 443 to every target and 9345 and 6443 to the servers, and nginx -t accepts it', () => {
    const config = toNginxConfig(PRESETS['rancher-rke2'].plan);
    for (const port of [80, 443, 9345, 6443]) expect(config).toContain(`listen ${port};`);
    expect(config).toMatch(/upstream rancher_9345 \{[^}]*server 10\.0\.0\.1:9345[^}]*server 10\.0\.0\.3:9345/);

    const nginx = spawnSync('nginx', ['-v'], { encoding: 'utf8' });
    if (nginx.error || !existsSync(STREAM_MODULE))
      throw new Error('nginx with its stream module is needed for this test: apt-get install nginx libnginx-mod-stream');
    const dir = mkdtempSync(join(tmpdir(), 'rancher-arch-nginx-'));
    try {
      const file = join(dir, 'nginx.conf');
      writeFileSync(file, `load_module ${STREAM_MODULE};\npid ${join(dir, 'nginx.pid')};\nerror_log stderr;\n${config}`);
      const test = spawnSync('nginx', ['-t', '-q', '-p', dir, '-c', file], { encoding: 'utf8' });
      expect(test.stderr).not.toMatch(/emerg|\[error\]/);
      expect(test.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('etcd snapshots', () => {
  const split = (etcdSnapshots: EtcdSnapshots | undefined) =>
    plan({
      clusters: [
        {
          name: 'apps',
          distribution: 'rke2',
          etcdSnapshots,
          nodes: [
            { name: 'etcd-1', address: '192.0.2.1', roles: ['etcd'] },
            { name: 'cp-1', address: '192.0.2.2', roles: ['controlplane'] },
            { name: 'w-1', address: '192.0.2.3', roles: ['worker'] },
          ],
        },
      ],
    });
  const byNode = (p: Plan) => Object.fromEntries(rke2Configs(p).map((c) => [c.node, yamlOf(c.text)]));

  it('the snapshot keys go on the servers that hold etcd only, and read back as the plan states them', () => {
    const files = byNode(split({ cron: '0 */6 * * *', retention: 8, offNode: 's3' }));
    expect(files['etcd-1']).toMatchObject({ 'etcd-snapshot-schedule-cron': '0 */6 * * *', 'etcd-snapshot-retention': 8, 'etcd-s3': true });
    expect(Object.keys(files['cp-1']!).filter((k) => k.startsWith('etcd-'))).toEqual([]);
    expect(Object.keys(files['w-1']!).filter((k) => k.startsWith('etcd-'))).toEqual([]);
    const text = rke2Configs(split({ offNode: 's3' })).find((c) => c.node === 'etcd-1')!.text;
    expect(text).toMatch(/Replace REPLACE-WITH-BUCKET/);
    expect(readInputDetailed(text, { filename: 'etcd-1.config.yaml' }).plan.clusters[0]!.etcdSnapshots).toEqual({ offNode: 's3' });
  });

  it("RKE's interval in hours becomes a cron schedule; snapshots turned off stay off; nothing stated writes nothing", () => {
    expect(byNode(split({ intervalHours: 6, retention: 6 }))['etcd-1']).toMatchObject({
      'etcd-snapshot-schedule-cron': '0 */6 * * *',
      'etcd-snapshot-retention': 6,
    });
    expect(byNode(split({ intervalHours: 48 }))['etcd-1']).toMatchObject({ 'etcd-snapshot-schedule-cron': '0 0 */2 * *' });
    expect(byNode(split({ enabled: false, retention: 3 }))['etcd-1']).toMatchObject({ 'etcd-disable-snapshots': true });
    expect(byNode(split({ enabled: false, retention: 3 }))['etcd-1']!['etcd-snapshot-retention']).toBeUndefined();
    expect(Object.keys(byNode(split(undefined))['etcd-1']!).filter((k) => k.startsWith('etcd-'))).toEqual([]);
  });
});
