// A migrated cluster on a real network: RKE cluster.yml files go through `migrate`, and the
// per-node RKE2 config.yaml it emits decide how real etcd comes up behind the exported nftables
// rulesets. The one server without `server:` starts etcd alone; every other etcd server joins the
// way its file says (through the fixed registration address, which forwards to a server already
// in, or through the server it names), with `etcdctl member add` run from its own namespace across
// the firewalls. The members must form one quorum; no joiner may name itself, or start a cluster
// of its own; and 9345 and 6443 on the servers answer exactly the senders the matrix names.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readInputDetailed } from '../src/rules/formats/read.ts';
import { parseText } from '../src/rules/formats/text.ts';
import { parseRegistrationUrl } from '../src/rules/identifiers.ts';
import { emitConfigs } from '../src/rules/migrate/emit.ts';
import { migratePlan, sourceFromClusterYml, type Migration } from '../src/rules/migrate/index.ts';
import { allowedBy } from './expect.ts';
import type { Host, Net } from './netns.ts';
import { observe } from './phases.ts';
import { inBatches, listen, probe } from './probes.ts';
import { sleep, type Service } from './run.ts';
import { record } from './summary.ts';
import { buildTopology, LOAD_BALANCER_ADDRESS, senderOf, type Topology } from './topology.ts';

const tmp = mkdtempSync(join(tmpdir(), 'rancher-arch-lab-migrate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const fixture = (name: string) => readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url), 'utf8');

/** Our own cluster.yml fixtures with IPv4 addresses: split roles with an even etcd count (made odd), and three nodes with every role. */
const CASES = ['rke-migrate-split-registries.cluster.yml', 'rke-ha-3node.cluster.yml'].map((file) => {
  const text = fixture(file);
  const read = readInputDetailed(text, { filename: file, format: 'cluster-yml' });
  const migration = migratePlan(read.plan, { settings: sourceFromClusterYml(parseText(text).data), registrationAddress: LOAD_BALANCER_ADDRESS });
  return { name: file, plan: migration.target, migration };
});

/** What the lab reads from each emitted config.yaml. */
interface NodeFile {
  node: string;
  ip: string;
  unit: 'rke2-server' | 'rke2-agent';
  etcd: boolean;
  server?: string;
}

function filesOf(m: Migration): NodeFile[] {
  return emitConfigs(m).map((c) => {
    const body = parse(c.text) as Record<string, unknown>;
    const ip = body['node-ip'];
    if (typeof ip !== 'string') throw new Error(`${c.node}: the config.yaml has no node-ip for the lab to place it`);
    return {
      node: String(body['node-name']),
      ip,
      unit: c.unit,
      etcd: c.unit === 'rke2-server' && body['disable-etcd'] !== true,
      ...(typeof body.server === 'string' ? { server: body.server } : {}),
    };
  });
}

const url = (address: string, port: number) => `http://${address}:${port}`;
const TIMING = ['--heartbeat-interval', '30', '--election-timeout', '300'];

interface Findings {
  firstServers: string[];
  joins: { node: string; via: string; ok: boolean; output: string }[];
  members: number;
  quorum: { count: number; wrong: string[] };
  ports: { count: number; wrong: string[] };
}

async function etcdctl(net: Net, from: Host, endpoint: string, args: string[]): Promise<{ code: number; out: string }> {
  const r = await net.exec(from, 'etcdctl', ['--endpoints', endpoint, '--dial-timeout=2s', '--command-timeout=5s', ...args], 20_000);
  return { code: r.code, out: (r.stdout + r.stderr).trim() };
}

async function waitHealthy(net: Net, from: Host, endpoints: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  let last = '';
  while (Date.now() < deadline) {
    const r = await etcdctl(net, from, endpoints, ['endpoint', 'health']);
    if (r.code === 0) return;
    last = r.out;
    await sleep(200);
  }
  throw new Error(`etcd at ${endpoints} did not become healthy: ${last}`);
}

const findings = observe(CASES, async ({ name }): Promise<Findings> => {
  const migration = CASES.find((c) => c.name === name)?.migration;
  if (migration === undefined) throw new Error(`no migration for ${name}`);
  const files = filesOf(migration);
  const t: Topology = await buildTopology(migration.target, join(tmp));
  const host = (node: string) => t.net.host(`${migration.summary.cluster}/${node}`);
  const f: Findings = { firstServers: [], joins: [], members: 0, quorum: { count: 0, wrong: [] }, ports: { count: 0, wrong: [] } };
  const services: Service[] = [];
  try {
    const etcdFiles = files.filter((x) => x.etcd);
    f.firstServers = files.filter((x) => x.server === undefined).map((x) => x.node);
    const first = etcdFiles.find((x) => x.server === undefined);
    if (first === undefined) throw new Error(`${name}: no etcd server starts the cluster`);
    const dataDir = (node: string) => join(tmp, `${t.net.id}-${node}`);
    services.push(
      t.net.spawn(host(first.node), `etcd ${first.node}`, 'etcd', [
        ...['--name', first.node, '--data-dir', dataDir(first.node)],
        ...['--listen-client-urls', url(first.ip, 2379), '--advertise-client-urls', url(first.ip, 2379)],
        ...['--listen-peer-urls', url(first.ip, 2380), '--initial-advertise-peer-urls', url(first.ip, 2380)],
        ...['--initial-cluster', `${first.node}=${url(first.ip, 2380)}`, '--initial-cluster-state', 'new', ...TIMING],
      ]),
    );
    await waitHealthy(t.net, host(first.node), url(first.ip, 2379));
    const joined: NodeFile[] = [first];

    // Each etcd server joins as its file says, one at a time, as RKE2 adds members one by one.
    for (const joiner of etcdFiles.filter((x) => x !== first)) {
      const target = joiner.server === undefined ? undefined : parseRegistrationUrl(joiner.server)?.host;
      // The registration address forwards to a server already in; an address of a node is that node.
      const via = target === LOAD_BALANCER_ADDRESS ? joined[0] : joined.find((j) => j.ip === target);
      if (via === undefined || target === joiner.ip) {
        f.joins.push({ node: joiner.node, via: String(joiner.server), ok: false, output: 'joins through an address that is no server already in the cluster' });
        continue;
      }
      const from = host(joiner.node);
      // etcd refuses a new member until the last one has been connected for a few seconds
      // ("unhealthy cluster"), as RKE2's own joins wait: try again for a while.
      let added = await etcdctl(t.net, from, url(via.ip, 2379), ['member', 'add', joiner.node, `--peer-urls=${url(joiner.ip, 2380)}`]);
      for (const deadline = Date.now() + 30_000; added.code !== 0 && /unhealthy cluster/.test(added.out) && Date.now() < deadline;) {
        await sleep(500);
        added = await etcdctl(t.net, from, url(via.ip, 2379), ['member', 'add', joiner.node, `--peer-urls=${url(joiner.ip, 2380)}`]);
      }
      const initial = /ETCD_INITIAL_CLUSTER="([^"]+)"/.exec(added.out)?.[1];
      f.joins.push({ node: joiner.node, via: via.node, ok: added.code === 0 && initial !== undefined, output: added.out.split('\n')[0] ?? '' });
      if (added.code !== 0 || initial === undefined) continue;
      services.push(
        t.net.spawn(from, `etcd ${joiner.node}`, 'etcd', [
          ...['--name', joiner.node, '--data-dir', dataDir(joiner.node)],
          ...['--listen-client-urls', url(joiner.ip, 2379), '--advertise-client-urls', url(joiner.ip, 2379)],
          ...['--listen-peer-urls', url(joiner.ip, 2380), '--initial-advertise-peer-urls', url(joiner.ip, 2380)],
          ...['--initial-cluster', initial, '--initial-cluster-state', 'existing', ...TIMING],
        ]),
      );
      joined.push(joiner);
      await waitHealthy(t.net, from, joined.map((j) => url(j.ip, 2379)).join(','));
    }

    // One cluster: every member in one member list; a write on the first, read on each member.
    const list = await etcdctl(t.net, host(first.node), url(first.ip, 2379), ['member', 'list']);
    f.members = list.out.split('\n').filter((l) => /, started, /.test(l)).length;
    const put = await etcdctl(t.net, host(first.node), url(first.ip, 2379), ['put', 'lab/migrated', name]);
    f.quorum.count++;
    if (put.code !== 0) f.quorum.wrong.push(`put on ${first.node}: ${put.out}`);
    for (const m of joined.slice(1)) {
      const got = await etcdctl(t.net, host(m.node), url(m.ip, 2379), ['get', '--print-value-only', 'lab/migrated']);
      f.quorum.count++;
      if (got.out !== name) f.quorum.wrong.push(`${m.node} read "${got.out}", expected "${name}"`);
    }

    // Registration and the API on the servers: stand-ins on 9345 and 6443, probed from every host.
    const servers = files.filter((x) => x.unit === 'rke2-server');
    await Promise.all(servers.map((s) => listen(t.net, host(s.node), s.node, [9345, 6443])));
    const senders = [...t.nodes.map((n) => n.host), t.outsider, t.loadBalancer];
    await inBatches(senders, 4, async (from) => {
      const targets = servers
        .map((s) => ({ s, n: t.nodes.find((n) => n.host === host(s.node)) }))
        .filter(({ n }) => n !== undefined && n.host !== from)
        .flatMap(({ s, n }) => [9345, 6443].map((port) => ({ host: s.ip, port, n: n! })));
      const results = await probe(t.net, from, targets);
      results.forEach((r, i) => {
        const target = targets[i];
        if (!target) throw new Error('probe results out of step with targets');
        const rule = allowedBy(t.matrix, target.n.node, senderOf(t, from), r.port);
        f.ports.count++;
        if (r.state !== (rule ? 'open' : 'timeout'))
          f.ports.wrong.push(`${from.label} → ${target.n.host.label}:${r.port}: expected ${rule ? 'open' : 'dropped'}, got ${r.state}`);
      });
    });
    return f;
  } finally {
    await t.net.destroy();
  }
});

describe.each(CASES)('migrated cluster from $name', ({ name, migration }) => {
  const files = filesOf(migration);
  const etcdServers = files.filter((x) => x.etcd).length;

  it('exactly one server starts the cluster, and it holds etcd; every other file joins and never names its own address', () => {
    const { firstServers } = findings(name);
    record('migrate: one first server, joiners never name themselves', name, files.length);
    expect(firstServers).toEqual([migration.summary.firstServer]);
    for (const x of files.filter((y) => y.server !== undefined)) {
      const target = parseRegistrationUrl(x.server as string);
      expect(target?.port).toBe(9345);
      expect(target?.host).not.toBe(x.ip);
    }
  });

  it('full servers and agents join through the fixed registration address; split servers through the first server', () => {
    const first = migration.summary.firstServer;
    const firstIp = files.find((x) => x.node === first)?.ip;
    const nodes = migration.target.clusters[0]!.nodes.filter((n) => n.name !== first);
    const viaLb = nodes.filter((n) => n.roles.includes('etcd') === n.roles.includes('controlplane')).map((n) => n.name);
    const viaFirst = nodes.filter((n) => n.roles.includes('etcd') !== n.roles.includes('controlplane')).map((n) => n.name);
    record('migrate: joins through the registration address (or the first server, for split servers)', name, nodes.length);
    expect(viaLb.length).toBeGreaterThan(0);
    for (const x of files.filter((y) => y.node !== first))
      expect(x.server).toBe(viaLb.includes(x.node) ? `https://${LOAD_BALANCER_ADDRESS}:9345` : `https://${firstIp}:9345`);
    expect(viaLb.length + viaFirst.length).toBe(files.length - 1);
  });

  it('real etcd forms one quorum behind the exported firewalls, each member added the way its file joins', () => {
    const { joins, members, quorum } = findings(name);
    record('migrate: etcd joins per the emitted configs, one quorum through the firewalls', name, joins.length + quorum.count);
    expect(joins.filter((j) => !j.ok)).toEqual([]);
    expect(joins).toHaveLength(etcdServers - 1);
    expect(members).toBe(etcdServers);
    expect(etcdServers % 2).toBe(1);
    expect(quorum.wrong).toEqual([]);
    expect(quorum.count).toBe(etcdServers);
  });

  it('9345 and 6443 on the servers answer exactly the senders the matrix names, the load balancer among them', () => {
    const { ports } = findings(name);
    record('migrate: 9345/6443 on the servers reached only by the matrix senders', name, ports.count);
    expect(ports.count).toBeGreaterThan(0);
    expect(ports.wrong).toEqual([]);
  });
});
