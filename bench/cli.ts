// Benchmark of the CLI's pipeline formats: `check` in-process on a plan at the node limit (10,000
// nodes) in every output format, the output's size, and how much of an endless input is read
// before the size limit stops it; then the size of the bundled rancher-arch.mjs when a build exists.
// Run: npx node bench/cli.ts   (figures only; no thresholds)
import { existsSync, statSync } from 'node:fs';
import { runCli } from '../src/cli/fake-io.ts';
import { LIMITS } from '../src/rules/index.ts';
import { downstreamPlanJson } from './lib/plans.ts';

const plan = downstreamPlanJson(LIMITS.nodes);
console.log(
  `plan: ${LIMITS.nodes.toLocaleString('en')} nodes in ${(LIMITS.nodes / 50).toLocaleString('en')} clusters, ${(plan.length / 1024).toFixed(0)} KB of JSON\n`,
);
for (const format of ['text', 'json', 'sarif', 'junit', 'markdown']) {
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const r = await runCli(['check', 'plan.json', '--format', format], { files: { 'plan.json': plan } });
    times.push(performance.now() - start);
    size = r.stdout.length;
  }
  console.log(
    `  check --format ${format.padEnd(8)} ${Math.min(...times)
      .toFixed(0)
      .padStart(6)} ms (best of 3), output ${(size / 1024 / 1024).toFixed(1)} MB`,
  );
}

let read = 0;
async function* endless() {
  const chunk = new Uint8Array(65536);
  for (;;) {
    await Promise.resolve();
    read += chunk.length;
    yield chunk;
  }
}
const start = performance.now();
await runCli(['check', '-'], { stdin: endless() });
console.log(
  `\nendless standard input: ${(read / 1024 / 1024).toFixed(2)} MB read before the ${LIMITS.inputBytes / 1024 / 1024} MB limit stopped it, ${(performance.now() - start).toFixed(0)} ms`,
);

for (const dir of ['dist', 'dist-e2e']) {
  const bundle = `${dir}/rancher-arch.mjs`;
  if (existsSync(bundle)) console.log(`${bundle}: ${(statSync(bundle).size / 1024).toFixed(0)} KB`);
}
