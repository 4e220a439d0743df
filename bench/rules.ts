// Benchmark of the rules engine: checkPlan on generated plans of growing size, beside JSON.parse of
// the same plan text (the goal is check ≤ 1× parse), the whole path readInput + checkPlan, and how
// fast hostile inputs are refused (the unit tests only check that they are).
// Run: npx node bench/rules.ts   (figures only; no thresholds)
import { checkPlan, InputError, LIMITS, readInput, validatePlan, type Plan, type PlanInput } from '../src/rules/index.ts';
import { time } from './lib/timing.ts';

/** A Rancher cluster on RKE plus downstream clusters of 50 nodes (3 etcd, 2 controlplane, workers). */
function generatePlan(totalNodes: number): Plan {
  const input: PlanInput = {
    rancher: { version: '2.4.8', install: 'kubernetes', cluster: 'rancher' },
    clusters: [
      {
        name: 'rancher',
        distribution: 'rke',
        hosting: 'ec2',
        nodes: [1, 2, 3].map((i) => ({ name: `rancher-${i}`, address: `10.0.0.${i}`, roles: ['etcd', 'controlplane', 'worker'] })),
        loadBalancer: { targets: ['rancher-1', 'rancher-2', 'rancher-3'] },
      },
    ],
  };
  let left = totalNodes - 3;
  for (let c = 0; left > 0; c++) {
    const size = Math.min(50, left);
    left -= size;
    const nodes = Array.from({ length: size }, (_, i) => {
      const roles = i < 3 ? ['etcd' as const] : i < 5 ? ['controlplane' as const] : ['worker' as const];
      return { name: `c${c}-n${i}`, address: `10.${1 + ((c >> 8) & 127)}.${c & 255}.${i + 1}`, roles };
    });
    input.clusters!.push({
      name: `downstream-${c}`,
      distribution: 'rke',
      hosting: 'ec2',
      userWorkloads: true,
      nodes,
      authorizedEndpoint: { fqdn: `api.c${c}.example.com`, targets: nodes.filter((n) => n.roles[0] === 'controlplane').map((n) => n.name) },
    });
  }
  return validatePlan(input);
}

const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);
const rows: string[][] = [['nodes', 'plan text', 'JSON.parse', 'checkPlan', 'check / parse', 'readInput + check', 'findings']];
for (const n of [50, 500, 5_000, LIMITS.nodes]) {
  const plan = generatePlan(n);
  const text = JSON.stringify(plan);
  const parse = time(() => JSON.parse(text));
  const check = time(() => checkPlan(plan));
  const whole = time(() => checkPlan(readInput(text)));
  rows.push([
    n.toLocaleString('en'),
    `${(text.length / 1024).toFixed(0)} KiB`,
    fmt(parse),
    fmt(check),
    `${(check / parse).toFixed(2)}×`,
    fmt(whole),
    String(checkPlan(plan).findings.length),
  ]);
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
console.log(`rules bench (Node ${process.version})`);
for (const [i, row] of rows.entries()) {
  console.log(row.map((cell, j) => (j === 0 ? cell.padEnd(widths[j]!) : cell.padStart(widths[j]!))).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}

// ---- refusals: each hostile input must be turned away quickly, before any real work -------------

function refusalTime(text: string): { ms: number; message: string } {
  let message = '';
  const ms = time(() => {
    try {
      readInput(text, { filename: 'x' });
      message = 'accepted (!)';
    } catch (error) {
      message = error instanceof InputError ? error.reason : `not an InputError: ${String(error)}`;
    }
  }, 100);
  return { ms, message };
}

const nodesJson = (count: number) => JSON.stringify({ clusters: [{ name: 'c', nodes: Array.from({ length: count }, () => ({ name: 'a', roles: [] })) }] });
const hostile: [string, string][] = [
  ['50 MB of YAML comment', `clusters: []\n#${'x'.repeat(50 * 1024 * 1024)}`],
  [
    'YAML alias bomb',
    [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
      'clusters: []',
    ].join('\n'),
  ],
  ['flow nesting 100,000 deep', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
  ['JSON nesting 100,000 deep', `{"clusters": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
  ['200,000 unknown keys', JSON.stringify({ clusters: [], ...Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`k${i}`, 1])) })],
  ['100,000 nodes named "a"', nodesJson(100_000)],
  ['10,000 clusters', JSON.stringify({ clusters: Array.from({ length: 10_000 }, (_, i) => ({ name: `c${i}`, nodes: [] })) })],
];
console.log('\nrefusing hostile input (readInput, mean per refusal)');
for (const [what, text] of hostile) {
  const { ms, message } = refusalTime(text);
  console.log(`  ${what.padEnd(28)} ${fmt(ms).padStart(10)}  ${message.slice(0, 90)}`);
}
