// Real etcd members in the lab's namespaces: client 2379 and peer 2380 on the node's own
// address, so their traffic crosses the node firewalls exactly as a cluster's would.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Host, Net } from './netns.ts';
import { sleep, stop, type Service } from './run.ts';

export interface Member {
  /** The plan's node name. */
  node: string;
  host: Host;
  dataDir: string;
  service?: Service;
}

/** Short timings: the lab's bridge answers in microseconds, and quicker elections keep the run short. */
const TIMING = ['--heartbeat-interval', '30', '--election-timeout', '300'];
/** How long one write may try (in attempts of a second each) before it counts as refused. */
export const WRITE_WINDOW_MS = 1_500;

const url = (address: string, port: number) => `http://${address}:${port}`;

export class EtcdCluster {
  readonly members: Member[];
  private readonly net: Net;
  private readonly token: string;

  constructor(net: Net, name: string, members: { node: string; host: Host }[], tmp: string) {
    this.net = net;
    this.token = `${net.id}-${name}`;
    this.members = members.map((m, i) => {
      const dataDir = join(tmp, `${net.id}-${name}-${i}`);
      mkdirSync(dataDir, { recursive: true });
      return { ...m, dataDir };
    });
  }

  private args(m: Member): string[] {
    const a = m.host.address;
    return [
      ...['--name', m.node, '--data-dir', m.dataDir],
      ...['--listen-client-urls', url(a, 2379), '--advertise-client-urls', url(a, 2379)],
      ...['--listen-peer-urls', url(a, 2380), '--initial-advertise-peer-urls', url(a, 2380)],
      ...['--initial-cluster', this.members.map((p) => `${p.node}=${url(p.host.address, 2380)}`).join(',')],
      ...['--initial-cluster-token', this.token, '--initial-cluster-state', 'new'],
      ...TIMING,
      ...['--logger', 'zap', '--log-outputs', 'stderr'],
    ];
  }

  endpoints(members: readonly Member[] = this.members): string {
    return members.map((m) => url(m.host.address, 2379)).join(',');
  }

  /** Starts the given members (all by default); a member restarted on its data dir rejoins. */
  start(members: readonly Member[] = this.members): void {
    for (const m of members) {
      if (m.service && m.service.child.exitCode === null && m.service.child.signalCode === null) continue;
      m.service = this.net.spawn(m.host, `etcd ${m.node}`, 'etcd', this.args(m));
    }
  }

  /** Kills members the way a failed machine goes: at once, without a goodbye. */
  async kill(members: readonly Member[]): Promise<void> {
    await Promise.all(members.map((m) => (m.service ? stop(m.service, 'SIGKILL') : Promise.resolve())));
  }

  async stopAll(): Promise<void> {
    await this.kill(this.members);
  }

  /** Waits until every member reports healthy (a healthy member has a leader and commits). */
  async waitHealthy(timeoutMs = 30_000): Promise<void> {
    const first = this.members[0];
    if (!first) throw new Error('an etcd cluster without members');
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      const r = await this.net.exec(
        first.host,
        'etcdctl',
        ['--endpoints', this.endpoints(), '--dial-timeout=1s', '--command-timeout=2s', 'endpoint', 'health'],
        10_000,
      );
      if (r.code === 0) return;
      last = r.stderr + r.stdout;
      await sleep(100);
    }
    const logs = this.members.map((m) => `--- ${m.node} ---\n${m.service?.output().slice(-1500) ?? 'not started'}`).join('\n');
    throw new Error(`etcd did not become healthy in ${timeoutMs} ms:\n${last}\n${logs}`);
  }

  /**
   * Writes a key from `from` to `endpoints`, trying for WRITE_WINDOW_MS. The same procedure for a
   * cluster that should keep quorum and one that should not, so only etcd decides the answer.
   */
  async write(from: Host, endpoints: string, key: string, value: string): Promise<{ ok: boolean; output: string }> {
    const deadline = Date.now() + WRITE_WINDOW_MS;
    let output: string;
    do {
      const r = await this.net.exec(from, 'etcdctl', ['--endpoints', endpoints, '--dial-timeout=1s', '--command-timeout=1s', 'put', key, value], 10_000);
      if (r.code === 0) return { ok: true, output: r.stdout };
      output = (r.stderr + r.stdout).trim();
      await sleep(100);
    } while (Date.now() < deadline);
    return { ok: false, output };
  }

  async read(from: Host, endpoints: string, key: string): Promise<string> {
    const r = await this.net.exec(
      from,
      'etcdctl',
      ['--endpoints', endpoints, '--dial-timeout=1s', '--command-timeout=2s', 'get', '--print-value-only', key],
      10_000,
    );
    if (r.code !== 0) throw new Error(`etcdctl get ${key} from ${from.label} failed: ${r.stderr}`);
    return r.stdout.trim();
  }
}
