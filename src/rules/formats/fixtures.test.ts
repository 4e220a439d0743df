// Every fixture in test/fixtures/ is listed in its README and read (the Terraform ones, which need
// the HCL parser, in terraform.test.ts): a file added without a row, or a row without a file, fails.
import { readdirSync, statSync } from 'node:fs';
import { expect, it } from 'vitest';
import { fixture, FIXTURES, readFixture } from '../testing/fixtures.ts';
import { isTerraformName } from './terraform.ts';

it('reads every fixture', () => {
  const files = readdirSync(FIXTURES).filter((f) => f !== 'README.md');
  // The README lists each fixture in its table's first column; a file added or lost shows up here.
  const listed = [...fixture('README.md').matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
  expect(files.sort()).toEqual(listed.sort());
  // At least the 30 files before issue 21 plus its 11 YAML/INI fixtures (Terraform's come on top).
  expect(files.length).toBeGreaterThanOrEqual(41);
  for (const f of files) {
    // Terraform files and folders need the HCL parser, loaded asynchronously: terraform.test.ts reads each of them.
    if (isTerraformName(f) || statSync(new URL(f, FIXTURES)).isDirectory()) continue;
    if (f.endsWith('.conf')) expect(() => readFixture(f), f).toThrow(/nginx configuration/);
    // A document two readers claim is an input error naming both, never a guess.
    else if (f === 'rke-ambiguous-kind.cluster.yml') expect(() => readFixture(f), f).toThrow(/matches two formats: .*kubectl-nodes.*cluster-yml/);
    else expect(() => readFixture(f), f).not.toThrow();
  }
});
