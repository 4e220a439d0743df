// `npm run bench`: runs every benchmark in this folder in turn and prints its figures.
// Benchmarks print numbers; they never pass or fail on a threshold.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((name) => /\.(ts|tsx|mjs)$/.test(name) && name !== 'run.mjs' && !name.includes('.test.'))
  .filter((name) => only.length === 0 || only.some((o) => name.includes(o)))
  .sort();

let failed = 0;
for (const name of benches) {
  console.log(`\n### ${name}\n`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(here, name)], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    console.error(`bench ${name} exited with ${run.status}`);
  }
}
process.exit(failed ? 1 : 0);
