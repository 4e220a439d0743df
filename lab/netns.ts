// One plan's network, built for real: a "switch" namespace holding a bridge, and one namespace per
// host (node, outsider, load balancer) joined to it by a veth pair. The bridge lives inside the
// lab's own switch namespace and the root namespace gets no address on it, so the plan's addresses
// never meet the machine's real network. Every name starts with the lab's prefix and the run id,
// so a later run can find and remove what a crashed one left behind.
import { spawnSync } from 'node:child_process';
import { killAllNow, must, run, startService, stop, type Result, type Service } from './run.ts';

export const PREFIX = 'ral-';
export const RUN_ID = `${PREFIX}${process.pid}`;

export interface Host {
  /** What the test calls it ("rancher/rancher-1", "outsider", "load balancer"). */
  label: string;
  ns: string;
  address: string;
}

let nets = 0;
const live = new Set<Net>();

/** On an interrupt or an abrupt exit: kill the lab's processes and delete its namespaces, synchronously. */
function cleanupNow(): void {
  killAllNow();
  for (const net of live) for (const ns of net.namespaceNames()) spawnSync('ip', ['netns', 'del', ns], { timeout: 5_000 });
  live.clear();
}
process.once('exit', cleanupNow);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    cleanupNow();
    process.exit(130);
  });

export class Net {
  readonly id: string;
  readonly switchNs: string;
  readonly hosts: Host[] = [];
  private readonly services: Service[] = [];
  private readonly namespaces: string[] = [];

  private constructor(id: string) {
    this.id = id;
    this.switchNs = `${id}-sw`;
  }

  static async create(): Promise<Net> {
    const net = new Net(`${RUN_ID}-${++nets}`);
    live.add(net);
    await net.addNamespace(net.switchNs);
    await must('ip', ['-n', net.switchNs, 'link', 'add', 'br0', 'type', 'bridge']);
    await must('ip', ['-n', net.switchNs, 'link', 'set', 'br0', 'up']);
    return net;
  }

  namespaceNames(): readonly string[] {
    return this.namespaces;
  }

  private async addNamespace(ns: string): Promise<void> {
    await must('ip', ['netns', 'add', ns]);
    this.namespaces.push(ns);
    await must('ip', ['-n', ns, 'link', 'set', 'lo', 'up']);
  }

  /**
   * A host with one IPv4 address. A /32 plus a default route out of eth0 lets any plan's addresses
   * reach each other over the bridge without picking a prefix that holds them all; the default
   * route leads only to the lab's bridge.
   */
  async addHost(label: string, address: string): Promise<Host> {
    if (this.hosts.some((h) => h.address === address)) throw new Error(`Two hosts of the lab share ${address}: ${label} and another.`);
    const index = this.hosts.length + 1;
    const ns = `${this.id}-h${index}`;
    await this.addNamespace(ns);
    const port = `v${index}`;
    await must('ip', ['-n', this.switchNs, 'link', 'add', port, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns]);
    await must('ip', ['-n', this.switchNs, 'link', 'set', port, 'master', 'br0', 'up']);
    await must('ip', ['-n', ns, 'addr', 'add', `${address}/32`, 'dev', 'eth0']);
    await must('ip', ['-n', ns, 'link', 'set', 'eth0', 'up']);
    await must('ip', ['-n', ns, 'route', 'add', 'default', 'dev', 'eth0']);
    const host = { label, ns, address };
    this.hosts.push(host);
    return host;
  }

  host(label: string): Host {
    const host = this.hosts.find((h) => h.label === label);
    if (!host) throw new Error(`The lab has no host called ${label}.`);
    return host;
  }

  exec(host: Host, file: string, args: readonly string[], timeoutMs?: number): Promise<Result> {
    return run('ip', ['netns', 'exec', host.ns, file, ...args], timeoutMs);
  }

  spawn(host: Host, name: string, file: string, args: readonly string[]): Service {
    const service = startService(`${name} on ${host.label}`, 'ip', ['netns', 'exec', host.ns, file, ...args]);
    this.services.push(service);
    return service;
  }

  /** Stops this network's processes and deletes its namespaces (the veths and bridge go with them). */
  async destroy(): Promise<void> {
    await Promise.all(this.services.map((s) => stop(s)));
    for (const ns of [...this.namespaces].reverse()) await run('ip', ['netns', 'del', ns]);
    live.delete(this);
  }
}

/** Namespaces a previous run left behind (its process is gone): their processes are killed and they are deleted. */
export async function removeStale(): Promise<string[]> {
  const list = await must('ip', ['netns', 'list']);
  const stale = list
    .split('\n')
    .map((l) => l.split(' ')[0] ?? '')
    .filter((ns) => ns.startsWith(PREFIX))
    .filter((ns) => {
      const pid = Number(ns.slice(PREFIX.length).split('-')[0]);
      if (pid === process.pid) return false;
      try {
        process.kill(pid, 0);
        return false;
      } catch {
        return true;
      }
    });
  for (const ns of stale) {
    const pids = (await run('ip', ['netns', 'pids', ns])).stdout.split('\n').filter(Boolean);
    for (const pid of pids) await run('kill', ['-9', pid]);
    await run('ip', ['netns', 'del', ns]);
  }
  return stale;
}
