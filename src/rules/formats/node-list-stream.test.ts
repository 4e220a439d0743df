import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../limits.ts';
import { inputError } from '../testing/input-error.ts';
import { kubectlNodeList, kubectlNodeListText } from '../testing/kubectl-list.ts';
import { InputError } from './input-error.ts';
import { NodeListStream } from './node-list-stream.ts';
import { readInputDetailed, readParsedDetailed } from './read.ts';

const FIXTURES = new URL('../../../test/fixtures/', import.meta.url);
const notList = (why: string) => new InputError(`not a node list: ${why}`);

/** Stream `text` in pieces of the given sizes (cycled), then read the result as the CLI does. */
function streamed(text: string, sizes: number[] = [4096], file = 'nodes.json') {
  const stream = new NodeListStream(file, notList);
  for (let at = 0, k = 0; at < text.length; k++) {
    const size = sizes[k % sizes.length] as number;
    stream.push(text.slice(at, at + size));
    at += size;
  }
  return readParsedDetailed(stream.finish(), { filename: file, format: 'kubectl-nodes' });
}

describe('node lists read piece by piece', () => {
  it('gives the plan the whole-text reader gives, for JSON and YAML, whatever the pieces', () => {
    for (const syntax of ['json', 'yaml'] as const) {
      const text = kubectlNodeListText(12, syntax);
      const whole = readInputDetailed(text).plan;
      for (const sizes of [[1], [7, 13], [65536]]) expect(streamed(text, sizes).plan, `${syntax} ${sizes.join(',')}`).toEqual(whole);
    }
  });

  it('reads the project’s kubectl fixtures the same way', () => {
    for (const name of ['kubectl-nodes-eks-list.json', 'kubectl-nodes-rke2-list.yaml', 'kubectl-nodes-kubeadm.json', 'kubectl-nodes-rke2-taints.json']) {
      const text = readFileSync(new URL(name, FIXTURES), 'utf8');
      expect(streamed(text, [3, 100]).plan, name).toEqual(readInputDetailed(text).plan);
    }
  });

  it('strings with quotes, backslashes and brackets, cut anywhere, stay strings', () => {
    const tricky = (i: number) => ({
      kind: 'Node',
      metadata: { name: `n${i}`, labels: { 'node-role.kubernetes.io/worker': 'true' }, annotations: { odd: '\\"}]{[\\\\', 'x"y': '\\\\' } },
      status: { addresses: [{ type: 'InternalIP', address: `10.0.0.${i + 1}` }] },
    });
    const text = kubectlNodeListText(3, 'json', tricky);
    for (const size of [1, 2, 3, 5]) expect(streamed(text, [size]).plan.clusters[0]?.nodes.map((n) => n.address)).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.3']);
  });

  it('refuses the node past the cluster bound at its line, before reading it', () => {
    const tiny = (i: number) => ({
      kind: 'Node',
      metadata: { name: `n${i}` },
      status: { addresses: [{ type: 'InternalIP', address: `10.${i >> 8}.${i & 255}.1` }] },
    });
    for (const syntax of ['json', 'yaml'] as const) {
      const stream = new NodeListStream('big', notList);
      let error: unknown;
      let pieces = 0;
      try {
        for (const piece of kubectlNodeList(LIMITS.nodesPerCluster + 100, syntax, tiny)) {
          pieces++;
          stream.push(piece);
        }
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toMatch(/^big:\d+:\d+: more than 5,000 nodes in one list; .*Kubernetes documents clusters of up to 5,000 nodes/);
      // It stopped at node 5,001 (piece 5,002 counting the list's opening), not at the end.
      expect(pieces).toBe(LIMITS.nodesPerCluster + 2);
    }
  });

  it('a syntax error inside a node names its line and column in the whole file', () => {
    const json = kubectlNodeListText(3, 'json');
    const bad = json.replace('"name": "rke2-server-1"', '"name": "rke2-server-1",,');
    const line = bad.slice(0, bad.indexOf(',,')).split('\n').length;
    expect(inputError(() => streamed(bad)).message).toMatch(new RegExp(`^nodes\\.json:${line}:\\d+: JSON syntax error`));
    const yaml = kubectlNodeListText(3, 'yaml');
    const badYaml = yaml.replace('    name: rke2-server-2\n', '    name: [rke2-server-2\n');
    const yamlLine = badYaml.split('\n').findIndex((l) => l.includes('[rke2-server-2')) + 1;
    const message = inputError(() => streamed(badYaml, [4096], 'nodes.yaml')).message;
    const at = Number(/^nodes\.yaml:(\d+):\d+: YAML syntax error/.exec(message)?.[1]);
    expect(at).toBeGreaterThanOrEqual(yamlLine);
    expect(at).toBeLessThanOrEqual(yamlLine + 1);
  });

  it('what is not a node list is handed back to the caller, not read', () => {
    const plan = JSON.stringify({ clusters: [{ name: 'a', nodes: [] }] });
    expect(inputError(() => streamed(plan)).message).toMatch(/not a node list/);
    expect(inputError(() => streamed(JSON.stringify({ kind: 'List', items: [{ kind: 'Cluster', metadata: {}, spec: {} }] }))).message).toMatch(
      /not a node list: item 1 .* is not a Node/,
    );
    expect(inputError(() => streamed('clusters:\n- name: a\n')).message).toMatch(/not a node list/);
  });

  it('keeps only what a node contributes: the kept bytes are a few hundred a node, not the 24 KB of its text', () => {
    const stream = new NodeListStream('n', notList);
    for (const piece of kubectlNodeList(200, 'json')) stream.push(piece);
    const doc = stream.finish();
    const kept = JSON.stringify(doc.data).length / 200;
    expect(kept).toBeLessThan(600);
    expect(kubectlNodeListText(1, 'json').length).toBeGreaterThan(20_000);
  });
});
