// The nginx writer checked by nginx itself: every plan that has a Rancher cluster is written and
// run through `nginx -t` (Debian's nginx with libnginx-mod-stream; .ci/run installs both). Without
// nginx this test fails and says how to get it: it never skips.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rancherCluster } from '../cluster-facts.ts';
import { PRESETS, RECOMMENDED_PLAN } from '../presets.ts';
import type { Plan } from '../vocabulary.ts';
import { ExportError } from './format.ts';
import { toNginxConfig } from './nginx.ts';
import { readInput } from './read.ts';
import { validatePlan } from './validate.ts';

function findNginx(): string {
  for (const path of [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/bin/nginx']) if (path && existsSync(path)) return path;
  const which = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return which.stdout.trim();
  throw new Error('nginx is needed to check the exported load-balancer configs: apt-get install nginx libnginx-mod-stream (or set NGINX_PATH).');
}

/** The stream module: Debian ships it as a loadable module; other builds have it compiled in. */
function streamModule(nginx: string): string {
  const debian = '/usr/lib/nginx/modules/ngx_stream_module.so';
  if (existsSync(debian)) return `load_module ${debian};\n`;
  const built = spawnSync(nginx, ['-V'], { encoding: 'utf8' });
  if (/--with-stream(\s|$)/.test(built.stderr)) return '';
  throw new Error('nginx has no stream module: apt-get install libnginx-mod-stream.');
}

const nginx = findNginx();
const work = mkdtempSync(join(tmpdir(), 'rancher-arch-nginx-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Run `nginx -t` on the config, wrapped with the module and writable pid and log paths. */
function nginxTest(config: string, name: string): { ok: boolean; output: string } {
  const file = join(work, `${name}.conf`);
  writeFileSync(file, `${streamModule(nginx)}pid ${join(work, `${name}.pid`)};\nerror_log ${join(work, `${name}.log`)};\n${config}`);
  const run = spawnSync(nginx, ['-t', '-q', '-p', `${work}/`, '-c', file], { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

describe('nginx -t on exported load-balancer configs', () => {
  it('finds a working nginx', () => {
    expect(nginxTest('events {}\nstream {}\n', 'empty').ok).toBe(true);
    // The check can fail: a config nginx refuses is reported as such.
    expect(nginxTest('events {}\nstream { server { listen 80; proxy_pass nowhere_defined; } }\n', 'bad').ok).toBe(false);
  });

  const plans: [string, Plan][] = [...Object.entries(PRESETS).map(([id, p]) => [id, p.plan] as [string, Plan]), ['recommended', RECOMMENDED_PLAN]];
  plans.push([
    'ipv6 and dns names',
    validatePlan({
      rancher: { version: '2.6.0', cluster: 'rancher' },
      clusters: [
        {
          name: 'rancher',
          distribution: 'rke2',
          nodes: [
            { name: 's1', address: '2001:db8::1', roles: ['server'] },
            { name: 's2', address: '192.0.2.2', roles: ['server'] },
            { name: 's3', address: 'localhost', roles: ['server'] },
          ],
          loadBalancer: { ports: [80, 443, 6443, 9345], targets: ['s1', 's2', 's3'] },
        },
      ],
    }),
  ]);
  for (const [name, plan] of plans) {
    it(`${name}: written config passes nginx -t, or no Rancher cluster to write`, () => {
      if (!rancherCluster(plan)) {
        expect(() => toNginxConfig(plan)).toThrow(RangeError);
        return;
      }
      let config: string;
      try {
        config = toNginxConfig(plan);
      } catch (error) {
        // A refusal must say why; the presets are all writable, so this would be a bug.
        expect(error).toBeInstanceOf(ExportError);
        throw error;
      }
      const result = nginxTest(config, name.replace(/\W+/g, '-'));
      expect(result.output).toBe('');
      expect(result.ok).toBe(true);
    });
  }
});

describe('nginx sends each port where the node firewalls admit the load balancer', () => {
  it('a stream block forwarding 80 and 443 to every target', () => {
    const conf = toNginxConfig(RECOMMENDED_PLAN);
    expect(conf).toMatch(/^stream \{$/m);
    for (const port of [80, 443]) {
      expect(conf).toContain(`listen ${port};`);
      for (const a of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) expect(conf).toContain(`server ${a}:${port} `);
    }
    expect(() => readInput(conf)).toThrow(/nginx configuration/);
    expect(() => toNginxConfig(PRESETS['downstream-production'].plan)).toThrow(RangeError);
  });

  /** The upstream servers of one port, as written. */
  const upstream = (text: string, port: number) =>
    [...(new RegExp(`upstream rancher_${port} \\{([^}]*)\\}`).exec(text)?.[1] ?? '').matchAll(/server (\S+):/g)].map((m) => m[1]);

  it('without targets, 80 and 443 go to the nodes that run workloads, not to etcd or controlplane nodes (the lab found nginx waiting on an etcd node)', () => {
    const plan = validatePlan({
      rancher: { version: '2.4.8', cluster: 'r' },
      clusters: [
        {
          name: 'r',
          nodes: [
            { name: 'e1', address: '192.0.2.1', roles: ['etcd'] },
            { name: 'c1', address: '192.0.2.2', roles: ['controlplane'] },
            { name: 'w1', address: '192.0.2.3', roles: ['worker'] },
          ],
          loadBalancer: {},
        },
      ],
    });
    const text = toNginxConfig(plan);
    expect(upstream(text, 80)).toEqual(['192.0.2.3']);
    expect(upstream(text, 443)).toEqual(['192.0.2.3']);
  });

  it('RKE2: 9345 to every server (an etcd-only server registers nodes too), 6443 to the API servers', () => {
    const plan = validatePlan({
      rancher: { version: '2.12.3', cluster: 'r' },
      clusters: [
        {
          name: 'r',
          distribution: 'rke2',
          nodes: [
            { name: 'e1', address: '192.0.2.1', roles: ['etcd'] },
            { name: 'c1', address: '192.0.2.2', roles: ['controlplane'] },
            { name: 'w1', address: '192.0.2.3', roles: ['worker'] },
          ],
          loadBalancer: { ports: [80, 443, 9345, 6443] },
        },
      ],
    });
    const text = toNginxConfig(plan);
    expect(upstream(text, 9345)).toEqual(['192.0.2.1', '192.0.2.2']);
    expect(upstream(text, 6443)).toEqual(['192.0.2.2']);
  });
});
