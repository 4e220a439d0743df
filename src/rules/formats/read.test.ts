// Reading any text: what is not a cluster file is refused and says why, and the size bounds come
// from the largest documented installation.
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../check.ts';
import { inputError } from '../testing/input-error.ts';
import { readFixture } from '../testing/fixtures.ts';
import { readInput } from './read.ts';

describe('what is refused', () => {
  it('refuses empty and unrecognisable input', () => {
    expect(inputError(() => readInput('  \n')).message).toMatch(/empty/);
    expect(inputError(() => readInput('just some words')).message).toMatch(/could not tell what this is/);
    expect(inputError(() => readInput('[1, 2]')).message).toMatch(/could not tell/);
  });

  it('the nginx config is refused with a clear message', () => {
    const e = inputError(() => readFixture('nginx-l4.conf'));
    expect(e.message).toMatch(/^nginx-l4\.conf: this is an nginx configuration/);
  });
});

describe('size bounds come from the largest documented installation', () => {
  it('a plan of 2,000 clusters and 20,000 nodes (the 2.4–2.7 XX-Large sizing row) is read and checked, not refused', () => {
    const clusters = Array.from({ length: 2000 }, (_, c) => ({
      name: `c${c}`,
      distribution: 'rke2',
      nodes: Array.from({ length: 10 }, (_, n) => ({
        name: `n${n}`,
        address: `10.${(c >> 8) & 255}.${c & 255}.${n + 1}`,
        roles: n < 3 ? ['etcd', 'controlplane'] : ['worker'],
      })),
    }));
    const plan = readInput(JSON.stringify({ rancher: { version: '2.7.5' }, clusters }), { filename: 'xx-large.json' });
    expect(plan.clusters).toHaveLength(2000);
    expect(checkPlan(plan).clusters).toHaveLength(2000);
  });

  it('past the bound, the message names the limit and why it exists', () => {
    const clusters = Array.from({ length: 2501 }, (_, c) => ({ name: `c${c}` }));
    expect(() => readInput(JSON.stringify({ clusters }), { filename: 'p.json' })).toThrow(
      /the plan has 2,501 clusters; at most 2,500 are checked at once, since Rancher's largest documented installation \(the 2\.4–2\.7 XX-Large sizing row\) manages 2,000 clusters/,
    );
  });
});
