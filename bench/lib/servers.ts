// The two ways an operator serves the site, for the browser benchmarks: the nginx server block the
// release archive ships (scripts/serving.mjs renders it; the real nginx from the system runs it on
// a loopback port) and a plain static server as SERVE.md suggests (Python's http.server: no
// compression, no cache headers). Both serve the build under its sub-path from a temporary root
// that links BASE to the build, as an intranet host would hold it. Either fails loudly when its
// program is missing. Not a benchmark itself: run.mjs only runs the files in bench/.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import * as csp from '../../scripts/csp.mjs';
import * as serving from '../../scripts/serving.mjs';
import { BASE, DIST, type Site } from './browser.ts';

// The packaging scripts are plain JavaScript; these are the shapes this file relies on.
type Header = [string, string];
const metaPolicyOf = csp.metaPolicyOf as (html: string) => string | undefined;
const headerPolicy = csp.headerPolicy as (metaPolicy: string) => string;
const securityHeaders = serving.securityHeaders as (policy: string) => Header[];
const renderNginx = serving.renderNginx as (headers: Header[], context: { base: string; version: string; name: string; has404: boolean }) => string;

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => ok(port));
    });
  });
}

/** A temporary web root where `<root>${BASE}` is the build. */
function webRoot(): { dir: string; root: string } {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST} has no build: run npm run build:e2e first.`);
  const dir = mkdtempSync(join(tmpdir(), 'rancher-guide-serve-'));
  const root = join(dir, 'www');
  const site = join(root, BASE);
  mkdirSync(dirname(site.replace(/\/$/, '')), { recursive: true });
  symlinkSync(resolve(DIST), site.replace(/\/$/, ''));
  return { dir, root };
}

async function started(child: ChildProcess, origin: string, what: string, log: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  const state: { exited?: number } = {};
  child.once('exit', (code) => (state.exited = code ?? -1));
  while (Date.now() < deadline) {
    if (state.exited !== undefined) throw new Error(`${what} exited with ${state.exited} before serving:\n${log()}`);
    try {
      await fetch(`${origin}${BASE}`);
      return;
    } catch {
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }
  child.kill();
  throw new Error(`${what} did not answer on ${origin} within 15 s:\n${log()}`);
}

function site(origin: string, stop: () => Promise<void>): Site {
  return { origin, url: (path) => `${origin}${BASE}${path.replace(/^\//, '')}`, close: stop };
}

function stopper(child: ChildProcess, dir: string): () => Promise<void> {
  return () =>
    new Promise((ok) => {
      const done = () => {
        rmSync(dir, { recursive: true, force: true });
        ok();
      };
      if (child.exitCode !== null) return done();
      child.once('exit', done);
      child.kill('SIGTERM');
    });
}

/** Replace `from` in `text` exactly once, or fail: the template changed under the benchmark. */
function replaceOnce(text: string, from: string, to: string): string {
  const parts = text.split(from);
  if (parts.length !== 2) throw new Error(`nginx.conf.template: expected "${from}" once, found it ${parts.length - 1} times`);
  return parts.join(to);
}

/** The shipped nginx server block, filled in for this build, on a loopback port. */
export async function serveWithNginx(): Promise<Site> {
  const nginx = spawnSync('nginx', ['-v'], { encoding: 'utf8' });
  if (nginx.error) throw new Error('nginx is not installed (apt-get install nginx): the shipped config cannot be measured without it.');
  const { dir, root } = webRoot();
  const port = await freePort();
  const page = readFileSync(join(DIST, 'index.html'), 'utf8');
  const policy = metaPolicyOf(page);
  if (!policy) throw new Error(`${DIST}/index.html has no Content-Security-Policy meta tag`);
  let server = renderNginx(securityHeaders(headerPolicy(policy)), {
    base: BASE,
    version: 'bench',
    name: 'rancher-architecture-guide-bench',
    has404: existsSync(join(DIST, '404.html')),
  });
  server = replaceOnce(server, 'listen 80;', `listen 127.0.0.1:${port};`);
  server = replaceOnce(server, 'root /srv/rancher-architecture-guide;', `root ${root};`);
  writeFileSync(join(dir, 'server.conf'), server);
  // The wrapper an operator's nginx.conf would be: only what a server block needs around it.
  const temp = (name: string) => `${name}_temp_path ${join(dir, name)};`;
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      ...(process.getuid?.() === 0 ? ['user root;'] : []),
      'daemon off;',
      'worker_processes 1;',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'error.log')} warn;`,
      'events {}',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      '  access_log off;',
      `  ${temp('client_body')} ${temp('proxy')} ${temp('fastcgi')} ${temp('uwsgi')} ${temp('scgi')}`,
      `  include ${join(dir, 'server.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  const args = ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')];
  const test = spawnSync('nginx', ['-t', ...args], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx refuses the shipped config:\n${test.stderr}`);
  const child = spawn('nginx', args, { stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  await started(child, origin, 'nginx', () => (existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''));
  return site(origin, stopper(child, dir));
}

/** `python3 -m http.server`, as SERVE.md tells an operator without a web server to run. */
export async function servePlain(): Promise<Site> {
  const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  if (python.error || python.status !== 0) throw new Error('python3 is not installed: the plain static server cannot be measured without it.');
  const { dir, root } = webRoot();
  const port = await freePort();
  let stderr = '';
  const child = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', root], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const origin = `http://127.0.0.1:${port}`;
  await started(child, origin, 'python3 -m http.server', () => stderr);
  return site(origin, stopper(child, dir));
}
