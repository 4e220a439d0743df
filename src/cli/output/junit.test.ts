// JUnit XML, parsed back with a real XML parser (xmldom, not the library that wrote it): one suite
// per cluster plus one for plan-wide findings, one case per rule that applies, failures by
// --fail-on, waived findings skipped, unreadable inputs as errors, hostile text escaped.
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PRESETS, RULES, rulesFor, toPlanYaml } from '../../rules/index.ts';
import { runCli, type FakeWorld } from '../fake-io.ts';
import { READER_RULE_FORMATS } from './junit.ts';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));

function parse(xml: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => void errors.push(`${level}: ${message}`) }).parseFromString(xml, 'text/xml');
  expect(errors, 'the XML parses without a complaint').toEqual([]);
  return doc;
}

const all = (el: Document | Element, tag: string) => Array.from(el.getElementsByTagName(tag));
const attr = (el: Element | undefined, name: string) => el?.getAttribute(name) ?? null;

async function junit(args: string[], world: FakeWorld = {}) {
  const r = await runCli(['check', ...args, '--format', 'junit'], { realFiles: true, ...world });
  const doc = parse(r.stdout);
  return { ...r, doc, suites: all(doc, 'testsuite') };
}

function cases(suite: Element) {
  return all(suite, 'testcase').map((c) => ({
    name: attr(c, 'name'),
    failure: all(c, 'failure')[0],
    skipped: all(c, 'skipped')[0],
    error: all(c, 'error')[0],
    out: all(c, 'system-out')[0]?.textContent ?? '',
  }));
}

describe('JUnit XML', () => {
  it('one suite per cluster, one case per rule that applies; errors fail, warnings pass with their text', async () => {
    const file = `${FIXTURES}rke-unknown-role.cluster.yml`;
    const { suites, code, doc } = await junit([file, '--rancher-version', '2.4.8']);
    expect(code).toBe(1);
    expect(suites.map((s) => attr(s, 'name'))).toEqual([`${file}: cluster sample`]);
    const suite = suites[0] as Element;
    const list = cases(suite);
    const applicable = rulesFor('2.4.8').filter((r) => !r.readBy || READER_RULE_FORMATS[r.id] === 'cluster-yml');
    expect(list.map((c) => c.name)).toEqual(applicable.map((r) => r.id));
    expect(list.find((c) => c.name === 'rke-config-valid')?.failure?.getAttribute('message')).toMatch(/has the role "storage"/);
    expect(list.find((c) => c.name === 'rke-config-valid')?.failure?.getAttribute('type')).toBe('error');
    expect(list.find((c) => c.name === 'downstream-single-role')?.failure).toBeUndefined();
    expect(list.find((c) => c.name === 'etcd-odd-members')?.failure).toBeUndefined();
    // Counts add up, on the suite and on the root.
    const failures = list.filter((c) => c.failure).length;
    expect(Number(attr(suite, 'failures'))).toBe(failures);
    expect(Number(attr(suite, 'tests'))).toBe(list.length);
    const root = doc.documentElement as Element;
    expect(root.tagName).toBe('testsuites');
    expect(Number(attr(root, 'failures'))).toBe(failures);
    // The version and profile checked are properties of the suite.
    const props = Object.fromEntries(all(suite, 'property').map((p) => [attr(p, 'name'), attr(p, 'value')]));
    expect(props).toMatchObject({ rancherVersion: '2.4.8', profile: 'Rancher 2.4', cluster: 'sample', format: 'cluster-yml', file });
  });

  it('warnings fail only at or above --fail-on', async () => {
    const file = `${FIXTURES}rke-ha-3node.cluster.yml`;
    const plain = await junit([file]);
    expect(plain.code).toBe(0);
    const roles = cases(plain.suites.at(-1) as Element).find((c) => c.name === 'downstream-single-role');
    expect(roles?.failure).toBeUndefined();
    expect(roles?.out).toMatch(/^warning: .* run workloads beside etcd or the control plane/);
    const strict = await junit([file, '--fail-on', 'warning']);
    expect(strict.code).toBe(1);
    const failing = cases(strict.suites.at(-1) as Element).find((c) => c.name === 'downstream-single-role');
    expect(failing?.failure?.getAttribute('type')).toBe('warning');
    expect(failing?.failure?.textContent).toContain('Guidance: Node roles › One role per node downstream (node-roles/#one-role-per-node-downstream)');
  });

  it('plan-wide findings get their own suite', async () => {
    const { suites } = await junit(['-'], { stdin: toPlanYaml(PRESETS['docker-single'].plan) });
    expect(suites.map((s) => attr(s, 'name'))).toEqual(['<stdin>: whole plan']);
    expect(cases(suites[0] as Element).map((c) => c.name)).toContain('docker-install-not-production');
  });

  it('a rule turned off is a skipped case naming the config; a waived finding is skipped with its reason', async () => {
    const config = `rules: {etcd-odd-members: off}
waivers:
  - {rule: downstream-single-role, cluster: local, reason: "Lab <one> & only"}
`;
    const file = `${FIXTURES}rke-ha-3node.cluster.yml`;
    const { suites } = await junit([file, '--fail-on', 'warning'], { files: { '.rancher-arch.yaml': config } });
    const list = cases(suites.at(-1) as Element);
    expect(list.find((c) => c.name === 'etcd-odd-members')?.skipped?.getAttribute('message')).toBe('turned off by .rancher-arch.yaml');
    const waived = list.find((c) => c.name === 'downstream-single-role');
    expect(waived?.failure).toBeUndefined();
    expect(waived?.skipped?.getAttribute('message')).toBe('waived: Lab <one> & only');
    expect(Number(attr(suites.at(-1), 'skipped'))).toBe(2);
  });

  it('an unreadable input is an error case, and the other files still report', async () => {
    const { suites, code } = await junit([`${FIXTURES}rke-ha-3node.cluster.yml`, 'missing.yml']);
    expect(code).toBe(2);
    expect(suites.map((s) => attr(s, 'name'))).toEqual([expect.stringMatching(/: whole plan$/), expect.stringMatching(/: cluster local$/), 'missing.yml']);
    const read = cases(suites[2] as Element)[0];
    expect(read?.error?.getAttribute('message')).toBe('missing.yml: cannot read the file: no such file');
    expect(Number(attr(suites[2], 'errors'))).toBe(1);
  });

  it('text from the input is escaped; XML-illegal characters become visible escapes', async () => {
    const cluster = 'nodes:\n  - address: 10.0.0.1\n    user: rke\n    role: [etcd, controlplane, worker, "</failure><x a=\\"1\\">&amp;\\u0007\\u001b[2J"]\n';
    const name = 'c\u001b]0;pwned\u0007.yml';
    const { stdout, suites } = await junit([name], { files: { [name]: cluster } });
    expect(attr(suites.at(-1), 'name')).toBe('c\\u001b]0;pwned\\u0007.yml: cluster local');
    // eslint-disable-next-line no-control-regex -- the point is to find control characters
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    const failure = cases(suites.at(-1) as Element).find((c) => c.name === 'rke-config-valid')?.failure;
    expect(failure?.getAttribute('message')).toContain('"</failure><x a=\\"1\\">&amp;\\u0007\\u001b[2J"');
    expect(all(suites.at(-1) as Element, 'x')).toHaveLength(0);
  });

  it('every reader rule names the format whose reader reports it', () => {
    for (const rule of RULES.filter((r) => r.readBy)) expect(READER_RULE_FORMATS[rule.id], rule.id).toBeDefined();
  });
});
