// Real TCP traffic between the lab's namespaces: stand-in listeners (lab/listen.mjs) and probes
// (lab/probe.mjs), each a small Node process started inside a namespace.
import { fileURLToPath } from 'node:url';
import type { Host, Net } from './netns.ts';
import { sleep, waitForOutput, type Service } from './run.ts';

const LISTEN = fileURLToPath(new URL('./listen.mjs', import.meta.url));
const PROBE = fileURLToPath(new URL('./probe.mjs', import.meta.url));

/** How long a probe waits for an answer. A drop policy sends none; an open port on the bridge answers in well under a millisecond. */
export const PROBE_TIMEOUT_MS = 1_000;

/** 'open', 'refused', 'timeout', or 'error:CODE'. */
export type State = string;

export interface ProbeResult {
  host: string;
  port: number;
  state: State;
  data: string;
}

export interface Listener {
  service: Service;
  /** Sends "close PORT" or "open PORT" and waits for the answer. */
  command: (verb: 'close' | 'open', port: number) => Promise<void>;
}

/** Starts a stand-in on `host` answering on `ports` with `name`. */
export async function listen(net: Net, host: Host, name: string, ports: readonly number[]): Promise<Listener> {
  const service = net.spawn(host, 'stand-in', process.execPath, [LISTEN, name, ...ports.map(String)]);
  await waitForOutput(service, /^ready$/m, 10_000);
  // Commands are sent one at a time; each gets one answer line, so the count of answers says when it came.
  const answers = () => [...service.output().matchAll(/^(?:open|close) \d+ (ok|error.*)$/gm)];
  const command = async (verb: 'close' | 'open', port: number) => {
    const before = answers().length;
    service.child.stdin?.write(`${verb} ${port}\n`);
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      const all = answers();
      if (all.length > before) {
        const answer = all[all.length - 1]?.[1];
        if (answer !== 'ok') throw new Error(`stand-in on ${host.label}: ${verb} ${port}: ${answer}`);
        return;
      }
      await sleep(20);
    }
    throw new Error(`stand-in on ${host.label} did not answer "${verb} ${port}"`);
  };
  return { service, command };
}

/** Probes every target from inside `from`, all at once. */
export async function probe(
  net: Net,
  from: Host,
  targets: readonly { host: string; port: number }[],
  options: { read?: boolean } = {},
): Promise<ProbeResult[]> {
  if (targets.length === 0) return [];
  // Only host and port go to the probe: callers may hang their own data on the targets.
  const args = JSON.stringify({ timeoutMs: PROBE_TIMEOUT_MS, read: options.read ?? false, targets: targets.map(({ host, port }) => ({ host, port })) });
  const r = await net.exec(from, process.execPath, [PROBE, args], 30_000);
  if (r.code !== 0) throw new Error(`probe from ${from.label} failed (${r.code}): ${r.stderr}`);
  return JSON.parse(r.stdout) as ProbeResult[];
}

/** Runs `work` over `items`, at most `limit` at a time (two shared cores). */
export async function inBatches<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
