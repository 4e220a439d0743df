// Running the real tools: one-shot commands with a timeout, and long-running services (etcd,
// nginx, stand-ins) that the lab tracks so it can stop every one of them, whatever happens.
import { execFile, spawn, type ChildProcess } from 'node:child_process';

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command and resolves with its exit code and output (never rejects on a non-zero exit). */
export function run(file: string, args: readonly string[], timeoutMs = 15_000): Promise<Result> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr: error && code === -1 ? `${stderr}\n${error.message}` : stderr });
    });
  });
}

/** Runs a command that must succeed; the error names the command and its output. */
export async function must(file: string, args: readonly string[], timeoutMs = 15_000): Promise<string> {
  const r = await run(file, args, timeoutMs);
  if (r.code !== 0) throw new Error(`${file} ${args.join(' ')} failed (${r.code}):\n${r.stderr}${r.stdout}`);
  return r.stdout;
}

/** A long-running process with the output it has written so far. */
export interface Service {
  name: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

const services = new Set<Service>();

/** Starts a process and keeps it on the list that stopAll() ends. */
export function startService(name: string, file: string, args: readonly string[]): Service {
  const child = spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  const keep = (chunk: Buffer) => {
    // Bounded: etcd is chatty, and only the tail helps when something fails.
    out = (out + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const service: Service = { name, child, output: () => out, exited };
  services.add(service);
  void exited.then(() => services.delete(service));
  return service;
}

/** Waits until the service prints a line matching `ready`, or fails with its output. */
export async function waitForOutput(service: Service, ready: RegExp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void service.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (ready.test(service.output())) return;
    if (exited) break;
    await sleep(25);
  }
  throw new Error(`${service.name} did not become ready (${exited ? 'it exited' : `${timeoutMs} ms`}):\n${service.output().slice(-3000)}`);
}

/** Stops one service and waits (bounded) for it to be gone. */
export async function stop(service: Service, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (service.child.exitCode !== null || service.child.signalCode !== null) return;
  service.child.kill(signal);
  const gone = await Promise.race([service.exited.then(() => true), sleep(5_000).then(() => false)]);
  if (!gone) service.child.kill('SIGKILL');
}

/** Ends every service still running (teardown, failures, interrupts). */
export async function stopAll(): Promise<void> {
  await Promise.all([...services].map((s) => stop(s)));
}

/** Synchronous last resort when the process is exiting. */
export function killAllNow(): void {
  for (const s of services) s.child.kill('SIGKILL');
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns true or the time is up; returns the last answer. */
export async function until(check: () => Promise<boolean>, timeoutMs: number, everyMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(everyMs);
  }
}
