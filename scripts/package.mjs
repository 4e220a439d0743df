#!/usr/bin/env node
// npm run package — build the site and pack it, with its serving notes, for an offline web server.
//
//   BASE_PATH   the sub-path the site will be served under (default /)
//   RELEASE_DIR where the archive goes (default release/)
//   OUT_DIR     where the site is built (default dist-package/, removed afterwards)
//
// The archive holds one folder, rancher-architecture-guide-<version>/, with site/ (the files to
// serve), SERVE.md, nginx.conf and headers.txt. The Content-Security-Policy in nginx.conf and
// headers.txt is read out of the built pages' <meta> tag, so header and meta always agree.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headerPolicy, metaPolicyOf } from './csp.mjs';
import { securityHeaders, renderHeadersFile, renderNginx, renderServe } from './serving.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fail = (message) => {
  console.error(`package: ${message}`);
  process.exit(1);
};

const base = process.env.BASE_PATH || '/';
if (!base.startsWith('/') || !base.endsWith('/')) fail(`BASE_PATH must start and end with "/" (got "${base}")`);
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const slug = base.replace(/^\/|\/$/g, '').replace(/[^A-Za-z0-9._-]+/g, '-');
const name = `rancher-architecture-guide-${version}`;
const archiveName = `${name}${slug ? `-${slug}` : ''}.tar.gz`;
const releaseDir = resolve(root, process.env.RELEASE_DIR || 'release');
const buildDir = resolve(root, process.env.OUT_DIR || 'dist-package');
const stage = join(releaseDir, `.stage-${process.pid}`);

// 1. Build.
rmSync(buildDir, { recursive: true, force: true });
console.log(`package: building for ${base} into ${buildDir}`);
const build = spawnSync('npx', ['astro', 'build'], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, BASE_PATH: base, OUT_DIR: buildDir, ASTRO_TELEMETRY_DISABLED: '1' },
});
if (build.status !== 0) fail(`astro build failed (exit ${build.status ?? build.signal})`);

// 2. Read the policy every page carries; they must all carry the same one.
const pages = readdirSync(buildDir, { recursive: true }).filter((f) => String(f).endsWith('.html'));
if (pages.length === 0) fail('the build wrote no pages');
const policies = new Set(pages.map((f) => metaPolicyOf(readFileSync(join(buildDir, f), 'utf8')) ?? `(none in ${f})`));
if (policies.size !== 1) fail(`pages disagree on their Content-Security-Policy:\n${[...policies].join('\n')}`);
const [metaPolicy] = policies;
if (metaPolicy.startsWith('(none')) fail(`a page has no Content-Security-Policy meta tag: ${metaPolicy}`);
if (/'unsafe-inline'|'unsafe-eval'/.test(metaPolicy)) fail(`the policy allows unsafe inline code: ${metaPolicy}`);
const headers = securityHeaders(headerPolicy(metaPolicy));

// 3. Stage and pack.
rmSync(stage, { recursive: true, force: true });
const top = join(stage, name);
mkdirSync(top, { recursive: true });
cpSync(buildDir, join(top, 'site'), { recursive: true });
const context = { base, version, name, has404: existsSync(join(buildDir, '404.html')) };
writeFileSync(join(top, 'headers.txt'), renderHeadersFile(headers, context));
writeFileSync(join(top, 'nginx.conf'), renderNginx(headers, context));
writeFileSync(join(top, 'SERVE.md'), renderServe(context));
mkdirSync(releaseDir, { recursive: true });
const archive = join(releaseDir, archiveName);
const tar = spawnSync('tar', ['-czf', archive, '--owner=0', '--group=0', '-C', stage, name], { stdio: 'inherit' });
if (tar.status !== 0) fail(`tar failed (exit ${tar.status ?? tar.signal})`);
rmSync(stage, { recursive: true, force: true });
if (!process.env.OUT_DIR) rmSync(buildDir, { recursive: true, force: true });

const bytes = statSync(archive).size;
console.log(`package: ${archive} (${(bytes / 1024).toFixed(0)} KiB, ${pages.length} pages, served at ${base})`);
