// Benchmark of what a pipeline hands `rancher-arch check` beyond ordinary files: a pattern over a
// generated tree larger than the file cap, `'/**/*'`, a brace pattern of ten million names (each
// as the real command, wall time and peak memory of the process), and the cost of reporting the
// config file's effect in every format (in-process, a plan of 1,000 nodes, with and without a
// config). Figures only; no thresholds.
// Run: npm run bench -- cli-pipes
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { runCli } from '../src/cli/fake-io.ts';
import { BIN } from '../src/cli/spawn-cli.ts';
import { REPORT_FORMATS } from '../src/cli/commands/check.ts';
import { LIMITS, RULES } from '../src/rules/index.ts';
import { downstreamPlanJson } from './lib/plans.ts';

// The child reports its own peak resident memory when it exits, on stderr after a marker.
const REPORT_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nmaxrss='+process.resourceUsage().maxRSS+'\\n'))`;

function measure(label: string, args: string[], cwd: string) {
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--import', REPORT_RSS, BIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const ms = performance.now() - start;
  const rss = Number(/maxrss=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  const said = r.stderr.split('\n').find((l) => l.startsWith('rancher-arch:')) ?? '(no message)';
  console.log(`  ${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms, peak ${rss.toFixed(0).padStart(4)} MB, exit ${r.status ?? r.signal}`);
  console.log(`    ${said.slice(0, 150)}${said.length > 150 ? '…' : ''}`);
}

const dir = mkdtempSync(join(tmpdir(), 'rancher-arch-bench-'));
try {
  // A tree forty times the cap: 200 folders of 100 small plans.
  const plan = 'rancher: {install: docker, host: 10.0.0.9}\nclusters: []\n';
  for (let d = 0; d < 200; d++) {
    mkdirSync(join(dir, 'tree', `team-${d}`), { recursive: true });
    for (let f = 0; f < 100; f++) writeFileSync(join(dir, 'tree', `team-${d}`, `c${f}.yml`), plan);
  }
  console.log(`patterns (the real command; a file cap of ${LIMITS.filesPerRun}, a brace cap of ${LIMITS.patternNames} names):\n`);
  measure(`'tree/**/*.yml' over 20,000 files`, ['check', 'tree/**/*.yml'], dir);
  measure(`'/**/*' (the whole machine)`, ['check', '/**/*'], dir);
  measure(`'{0..9}' seven times: 10,000,000 names`, ['check', `${'{0..9}'.repeat(7)}.yml`], dir);
  measure(`'tree/team-1/*.yml' (100 files, checked)`, ['check', 'tree/team-1/*.yml'], dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const config = stringify({
  rancherVersion: '2.8.5',
  failOn: 'warning',
  rules: Object.fromEntries(RULES.slice(0, 10).map((r, i) => [r.id, i % 2 ? 'off' : 'info'])),
  waivers: RULES.slice(10, 40).map((r) => ({ rule: r.id, reason: 'Accepted for the benchmark.' })),
});
const files = { 'plan.json': downstreamPlanJson(1000, undefined) };
console.log('\nreporting the config file (in-process, 1,000 nodes, best of 5):\n');
for (const format of REPORT_FORMATS) {
  const best = async (withConfig: boolean) => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      await runCli(['check', 'plan.json', '--format', format, ...(withConfig ? [] : ['--rancher-version', '2.8.5'])], {
        files: withConfig ? { ...files, '.rancher-arch.yaml': config } : files,
      });
      times.push(performance.now() - start);
    }
    return Math.min(...times);
  };
  const without = await best(false);
  const withConfig = await best(true);
  console.log(`  --format ${format.padEnd(8)} without ${without.toFixed(0).padStart(5)} ms, with a config ${withConfig.toFixed(0).padStart(5)} ms`);
}
