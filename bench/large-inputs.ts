// Large inputs through the CLI as a process (wall time and peak resident memory, Node's start
// included), and in-process read times without it:
// - `kubectl get nodes -o json` and `-o yaml` of 5,000 realistic nodes (src/rules/testing/kubectl-list.ts);
// - a 1 MB YAML plan and a 20,000-node YAML plan (the largest documented installation);
// - 140 plans of 0.9 MB in one run (memory flat in the number of files).
// Prints figures only, no thresholds. Run: npx tsx bench/large-inputs.ts
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIMITS } from '../src/rules/limits.ts';
import { NodeListStream } from '../src/rules/formats/node-list-stream.ts';
import { readInput, readParsedDetailed } from '../src/rules/formats/read.ts';
import { InputError } from '../src/rules/formats/input-error.ts';
import { kubectlNodeList } from '../src/rules/testing/kubectl-list.ts';

const BIN = fileURLToPath(new URL('../bin/rancher-arch.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rancher-arch-bench-large-'));
// The child reports its own peak resident memory as it exits.
const PEAK = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\npeak-rss-kb '+process.resourceUsage().maxRSS+'\\n'))`;

function cli(args: string[], heapMB?: number): { ms: number; rssMB: number; code: number | string | null; lastLine: string } {
  const start = performance.now();
  const r = spawnSync(process.execPath, [...(heapMB ? [`--max-old-space-size=${heapMB}`] : []), '--import', PEAK, BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const ms = performance.now() - start;
  const rss = /peak-rss-kb (\d+)/.exec(r.stderr)?.[1];
  const lastLine = (r.stdout.trim().split('\n').at(-1) ?? '') || (r.stderr.trim().split('\n')[0] ?? '');
  return { ms, rssMB: rss ? Number(rss) / 1024 : NaN, code: r.status ?? r.signal, lastLine: lastLine.slice(0, 100) };
}

async function writePieces(name: string, pieces: Iterable<string>): Promise<number> {
  const out = createWriteStream(join(dir, name));
  for (const piece of pieces) if (!out.write(piece)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((r) => out.end(() => r()));
  return statSync(join(dir, name)).size;
}

/** A block-YAML plan of downstream clusters of 50 nodes, `nodes` in all. */
function yamlPlan(nodes: number, seed = 0): string {
  const out = ['rancher:', '  version: 2.8.5', 'clusters:'];
  for (let c = 0; c * 50 < nodes; c++) {
    out.push(`  - name: s${seed}-c${c}`, '    nodes:');
    for (let n = 0; n < 50 && c * 50 + n < nodes; n++)
      out.push(
        `      - name: c${c}-n${n}`,
        `        address: 10.${c >> 8}.${c & 255}.${n + 1}`,
        '        roles:',
        ...(n < 3 ? ['          - etcd', '          - controlplane'] : ['          - worker']),
      );
  }
  return `${out.join('\n')}\n`;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const row = (label: string, r: ReturnType<typeof cli>) =>
  console.log(`  ${label.padEnd(44)} ${r.ms.toFixed(0).padStart(6)} ms  ${r.rssMB.toFixed(0).padStart(5)} MB peak RSS  exit ${r.code}  ${r.lastLine}`);

try {
  console.log('kubectl get nodes, 5,000 nodes, as a process (check, text output):');
  for (const syntax of ['json', 'yaml'] as const) {
    const size = await writePieces(`nodes-5000.${syntax}`, kubectlNodeList(LIMITS.nodesPerCluster, syntax));
    row(`-o ${syntax} (${mb(size)})`, cli(['check', `nodes-5000.${syntax}`]));
  }

  console.log('\nthe same lists read in-process (node by node, 1 MB pieces), no Node start:');
  for (const syntax of ['json', 'yaml'] as const) {
    const text = readFileSync(join(dir, `nodes-5000.${syntax}`), 'utf8');
    const start = performance.now();
    const stream = new NodeListStream('nodes', (why) => new InputError(why));
    for (let at = 0; at < text.length; at += 1024 * 1024) stream.push(text.slice(at, at + 1024 * 1024));
    const plan = readParsedDetailed(stream.finish(), { format: 'kubectl-nodes' }).plan;
    console.log(`  -o ${syntax}: ${(performance.now() - start).toFixed(0)} ms, ${plan.clusters[0]?.nodes.length} nodes`);
  }

  console.log('\nYAML plans:');
  const oneMB = yamlPlan(12_000);
  writeFileSync(join(dir, 'plan-1mb.yaml'), oneMB);
  const largest = yamlPlan(20_000);
  writeFileSync(join(dir, 'plan-20k.yaml'), largest);
  for (const [name, text] of [
    ['plan-1mb.yaml', oneMB],
    ['plan-20k.yaml', largest],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      readInput(text);
      times.push(performance.now() - start);
    }
    console.log(`  ${name} (${mb(text.length)}): read in-process ${Math.min(...times).toFixed(0)} ms (best of 3)`);
    row(`  check ${name}`, cli(['check', name]));
    row(`  check ${name} --format sarif`, cli(['check', name, '--format', 'sarif']));
  }

  console.log('\n140 plans of 0.9 MB in one run:');
  const names: string[] = [];
  for (let i = 0; i < 140; i++) {
    const text = yamlPlan(10_600, i);
    writeFileSync(join(dir, `many-${i}.yaml`), text);
    names.push(`many-${i}.yaml`);
  }
  row('check 140 files', cli(['check', ...names]));
  row('check 140 files, --max-old-space-size=256', cli(['check', ...names], 256));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
