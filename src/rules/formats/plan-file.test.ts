// The plan format: an error names the path, line and column it lies at (in YAML and in JSON too
// large for the position finder), versions read as text, and the plan written as YAML, JSON and
// JSON Schema reads back the same.
import { describe, expect, it } from 'vitest';
import { planSchema } from '../plan.ts';
import { PRESETS, RECOMMENDED_PLAN } from '../presets.ts';
import { inputError } from '../testing/input-error.ts';
import { planJsonSchema, toPlanJson, toPlanYaml } from './plan-file.ts';
import { readInput } from './read.ts';

describe('plan files and errors that name the place', () => {
  it('names path, line and column of a bad role', () => {
    const e = inputError(() =>
      readInput('clusters:\n  - name: a\n    nodes:\n      - { name: n1, roles: [etcd] }\n      - { name: n2, roles: [master] }\n', {
        filename: 'plan.yml',
        format: 'plan',
        allowEmpty: true,
      }),
    );
    expect(e.place).toBe('plan.yml:5:29 clusters[0].nodes[1].roles[0]');
    expect(e.reason).toMatch(/^"master" is not a role; expected etcd, controlplane or worker/);
  });

  it('names the real problem in JSON too large for the YAML position finder', () => {
    const nodes = Array.from({ length: 3000 }, (_, i) => ({ name: `node-${i}`, address: `10.0.${i >> 8}.${i & 255}`, roles: ['worker'] }));
    nodes[2999]!.roles = ['master'];
    const oneLine = JSON.stringify({ clusters: [{ name: 'big', nodes }] });
    for (const text of [
      oneLine,
      JSON.stringify({ clusters: [{ name: 'big', nodes }] }, null, 2)
        .repeat(1)
        .padEnd(1_200_000, ' '),
    ]) {
      const e = inputError(() => readInput(text, { filename: 'big.json', format: 'plan', allowEmpty: true }));
      expect(e.place).toContain('clusters[0].nodes[2999].roles[0]');
      expect(e.reason).toMatch(/"master" is not a role/);
    }
  });

  it('names unknown fields, wrong types and missing names', () => {
    expect(inputError(() => readInput('{"clusters":[{"name":"a","nodez":[]}]}', { format: 'plan', allowEmpty: true })).path).toBe('clusters[0].nodez');
    expect(inputError(() => readInput('clusters:\n  - nodes: []\n', { format: 'plan', allowEmpty: true })).message).toMatch(/clusters\[0\]\.name: missing/);
    expect(inputError(() => readInput('clusters: {}', { format: 'plan', allowEmpty: true })).message).toMatch(/clusters: expected a list, got a mapping/);
    expect(inputError(() => readInput('rancher: {version: banana}\n', { format: 'plan', allowEmpty: true })).message).toMatch(/rancher\.version/);
  });

  it('reports YAML syntax errors with a line', () => {
    const e = inputError(() => readInput('clusters:\n  - name: [a\n', { filename: 'p.yml' }));
    expect(e.line).toBeGreaterThan(0);
    expect(e.message).toMatch(/^p\.yml:\d+:\d+: YAML syntax error/);
  });

  it('accepts versions as "2.4", "v2.4.8" and numbers', () => {
    expect(readInput('rancher: {version: v2.4.8}', { format: 'plan', allowEmpty: true }).rancher?.version).toBe('2.4.8');
    expect(readInput('rancher: {version: 2.4}', { format: 'plan', allowEmpty: true }).rancher?.version).toBe('2.4');
    // No version given: none is stored; the checker reads it as 2.4 and says so (rancher-version-unset).
    expect(readInput('rancher: {}', { format: 'plan', allowEmpty: true }).rancher?.version).toBeUndefined();
  });
});

describe('plan files written', () => {
  it('plan YAML and JSON round-trip every preset', () => {
    for (const { plan } of Object.values(PRESETS)) {
      expect(readInput(toPlanYaml(plan), { format: 'plan', allowEmpty: true })).toEqual(plan);
      expect(readInput(toPlanJson(plan), { format: 'plan', allowEmpty: true })).toEqual(plan);
    }
    expect(readInput(toPlanYaml(RECOMMENDED_PLAN), { format: 'plan', allowEmpty: true })).toEqual(RECOMMENDED_PLAN);
  });

  it('keeps version text such as 2.10 as text', () => {
    const p = planSchema.parse({ rancher: { version: '2.10' }, clusters: [] });
    expect(readInput(toPlanYaml(p), { format: 'plan', allowEmpty: true }).rancher?.version).toBe('2.10');
  });

  it('publishes a JSON Schema from the zod schema', () => {
    const schema = planJsonSchema() as { properties: Record<string, unknown>; additionalProperties: boolean };
    expect(Object.keys(schema.properties)).toEqual(['rancher', 'clusters']);
    expect(schema.additionalProperties).toBe(false);
    expect(JSON.stringify(schema)).toContain('"controlplane"');
  });
});
