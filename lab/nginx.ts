// Real nginx with the exported load-balancer configuration, in the lab load balancer's own
// namespace. The exported text goes in a file of its own, untouched; a small wrapper loads the
// stream module and keeps nginx's pid and logs in a temporary folder, then includes it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Host, Net } from './netns.ts';
import type { Service } from './run.ts';
import { STREAM_MODULE } from './setup.ts';

/** Reads the upstream blocks back out of the exported text: what the export claims, which the lab then tests. */
export function upstreamsOf(config: string): Map<number, string[]> {
  const byPort = new Map<number, string[]>();
  for (const block of config.matchAll(/upstream rancher_(\d+) \{([^}]*)\}/g)) {
    const servers = [...(block[2] ?? '').matchAll(/server ([\d.]+):(\d+)/g)].map((m) => m[1] ?? '');
    byPort.set(Number(block[1]), servers);
  }
  return byPort;
}

export function startNginx(net: Net, host: Host, config: string, dir: string): { service: Service; exportedFile: string; wrapper: string } {
  const exportedFile = join(dir, 'exported-nginx.conf');
  writeFileSync(exportedFile, config);
  const wrapper = [
    `load_module ${STREAM_MODULE};`,
    `pid ${join(dir, 'nginx.pid')};`,
    `error_log ${join(dir, 'error.log')} info;`,
    `include ${exportedFile};`,
    '',
  ].join('\n');
  const wrapperFile = join(dir, 'nginx.conf');
  writeFileSync(wrapperFile, wrapper);
  const service = net.spawn(host, 'nginx', 'nginx', ['-c', wrapperFile, '-p', dir, '-e', join(dir, 'error.log'), '-g', 'daemon off;']);
  return { service, exportedFile, wrapper };
}
