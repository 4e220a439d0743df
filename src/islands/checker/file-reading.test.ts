import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../rules/limits.ts';
import { kubectlNodeListText } from '../../rules/testing/kubectl-list.ts';
import { readChosenFile } from './file-reading.ts';

describe('a chosen file, read as the worker reads it', () => {
  it('a kubectl list past 5 MB is read node by node, with progress rising to the whole file', async () => {
    const text = kubectlNodeListText(300, 'json');
    expect(text.length).toBeGreaterThan(LIMITS.inputBytes);
    const file = new File([text], 'nodes.json');
    const seen: number[] = [];
    const outcome = await readChosenFile(file, {}, (read) => seen.push(read));
    expect(outcome).toMatchObject({ result: { format: 'kubectl-nodes' } });
    if (!('result' in outcome)) throw new Error('not read');
    expect(outcome.result.plan.clusters[0]?.nodes).toHaveLength(300);
    // Before: refused as "the file is 7.1 MB" without reading it.
    // Node hands a File over in large pieces (browsers in smaller ones): at least the end is heard.
    expect(seen.length).toBeGreaterThanOrEqual(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(file.size);
  });

  it('a small file is read whole, like any input; a large one that is not a node list is refused with the bound', async () => {
    const small = await readChosenFile(new File(['clusters: [{name: a, nodes: [{name: n, roles: [etcd, controlplane, worker]}]}]\n'], 'plan.yaml'), {});
    expect(small).toMatchObject({ result: { format: 'plan' } });
    const big = await readChosenFile(new File([`clusters: []\n#${'x'.repeat(LIMITS.inputBytes)}\n`], 'big.yaml'), {});
    expect(big).toEqual({
      error: { reason: expect.stringMatching(/^input is more than 5 MB \(reading stopped there\); .* this is not one: /), place: 'big.yaml' },
    });
  });

  it('a file larger than any node list is refused before a byte is read', async () => {
    const huge = {
      name: 'huge.json',
      size: LIMITS.nodeListChars + 1,
      stream: () => {
        throw new Error('read');
      },
    } as unknown as File;
    expect(await readChosenFile(huge, {})).toEqual({
      error: { reason: expect.stringMatching(/^input is more than 5 MB \(the file is 256\.0 MB\)/), place: 'huge.json' },
    });
  });
});
