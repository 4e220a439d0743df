// Global setup of the lab: it needs root and the real tools, and says how to get them when they
// are missing (the lab never skips). It removes what a crashed run left behind, and at the end
// prints what was asserted on how many plans.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeStale } from './netns.ts';
import { run } from './run.ts';
import { SUMMARY_ENV, tally } from './summary.ts';

export const STREAM_MODULE = '/usr/lib/nginx/modules/ngx_stream_module.so';

const TOOLS: { command: string; args: string[]; packages: string }[] = [
  { command: 'ip', args: ['-V'], packages: 'iproute2' },
  { command: 'nft', args: ['--version'], packages: 'nftables' },
  { command: 'etcd', args: ['--version'], packages: 'etcd-server' },
  { command: 'etcdctl', args: ['version'], packages: 'etcd-client' },
  { command: 'nginx', args: ['-v'], packages: 'nginx libnginx-mod-stream' },
];

export default async function setup(): Promise<() => Promise<void>> {
  const problems: string[] = [];
  if (process.getuid?.() !== 0) problems.push('The lab must run as root: it creates network namespaces and loads nftables rulesets.');
  for (const tool of TOOLS) {
    const r = await run(tool.command, tool.args, 10_000);
    if (r.code !== 0) problems.push(`${tool.command} is missing or broken (${r.stderr.trim().split('\n')[0] ?? r.code}): apt-get install -y ${tool.packages}`);
  }
  if (!existsSync(STREAM_MODULE)) problems.push(`nginx's stream module is missing (${STREAM_MODULE}): apt-get install -y libnginx-mod-stream`);
  if (problems.length > 0) throw new Error(`The lab cannot run:\n- ${problems.join('\n- ')}`);
  const stale = await removeStale();
  if (stale.length > 0) console.log(`Removed ${stale.length} network namespaces a previous lab run left behind.`);
  const dir = mkdtempSync(join(tmpdir(), 'rancher-arch-lab-'));
  const file = join(dir, 'summary.jsonl');
  process.env[SUMMARY_ENV] = file;
  const started = Date.now();
  return async () => {
    const left = await removeStale();
    console.log(`\nThe lab's assertions (${((Date.now() - started) / 1000).toFixed(0)} s):\n${tally(file)}`);
    if (left.length > 0) console.log(`Removed ${left.length} namespaces the test files left behind.`);
    rmSync(dir, { recursive: true, force: true });
  };
}
