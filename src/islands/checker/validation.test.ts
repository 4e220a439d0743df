import { LIMITS } from '../../rules/limits.ts';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validatePlan } from '../../rules/formats/validate.ts';
import {
  checkAddress,
  checkCount,
  checkFirstAddress,
  checkFqdn,
  checkHost,
  checkName,
  checkPorts,
  checkSavedName,
  checkVersion,
  checkZone,
  roomForNodes,
} from './validation.ts';

/** Does the plan reader (the CLI's path) accept a plan built around `value`? */
function schemaAccepts(build: (value: unknown) => unknown, value: unknown): boolean {
  try {
    validatePlan(build(value));
    return true;
  } catch {
    return false;
  }
}

const withNodeField = (field: string) => (value: unknown) => ({ clusters: [{ name: 'c', nodes: [{ name: 'n', roles: ['worker'], [field]: value }] }] });
const withNodeName = (value: unknown) => ({ clusters: [{ name: 'c', nodes: [{ name: value, roles: ['worker'] }] }] });
const withClusterName = (value: unknown) => ({ clusters: [{ name: value }] });
const withVersion = (value: unknown) => ({ rancher: { version: value }, clusters: [] });
const withHost = (value: unknown) => ({ rancher: { install: 'docker', host: value }, clusters: [] });
const withFqdn = (value: unknown) => ({ clusters: [{ name: 'c', authorizedEndpoint: { fqdn: value } }] });
const withPorts = (value: unknown) => ({ clusters: [{ name: 'c', loadBalancer: { ports: value } }] });

// Strings that look like what people type, plus anything at all.
const typed = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.stringMatching(/^[a-zA-Z0-9 ._:;#{}[\]"'\-\\]{0,24}$/),
  fc.constantFrom(
    'cp-2',
    ' cp-2 ',
    '10.0.0.1',
    '10.0.0.300',
    '2001:db8::1',
    '[2001:db8::1]',
    'node_1.lab',
    'a b',
    'évier',
    'x'.repeat(254),
    '-lead',
    'v2.4',
    '2.4.8',
    'two',
  ),
);

describe('editor fields agree with the plan reader', () => {
  it('names, addresses, zones, hosts, FQDNs and versions: the page takes exactly what the CLI takes', () => {
    fc.assert(
      fc.property(typed, (text) => {
        const trimmed = text.trim();
        const checks: [boolean, boolean][] = [
          [checkName(text, []).ok, schemaAccepts(withNodeName, text)],
          [checkName(text, [], 'cluster').ok, schemaAccepts(withClusterName, text)],
          // Empty means "no value" in these fields: the plan then omits the field.
          [checkAddress(text).ok, trimmed === '' || schemaAccepts(withNodeField('address'), text)],
          [checkZone(text).ok, trimmed === '' || schemaAccepts(withNodeField('zone'), text)],
          [checkHost(text).ok, trimmed === '' || schemaAccepts(withHost, text)],
          [checkFqdn(text).ok, trimmed === '' || schemaAccepts(withFqdn, text)],
          [checkVersion(text).ok, trimmed === '' || schemaAccepts(withVersion, text)],
        ];
        for (const [page, cli] of checks) expect(page).toBe(cli);
      }),
      { numRuns: 400 },
    );
  });

  it('ports: the page takes exactly the lists the CLI takes', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -5, max: 70_000 }), fc.constantFrom('x', '8 0', '1e3', '080')), { maxLength: 6 }), (parts) => {
        const text = parts.join(', ');
        const verdict = checkPorts(text);
        const asNumbers = parts.map((p) => (typeof p === 'number' ? p : Number.NaN));
        if (verdict.ok) expect(schemaAccepts(withPorts, verdict.value)).toBe(true);
        else expect(parts.every((p) => typeof p === 'number') && schemaAccepts(withPorts, asNumbers)).toBe(false);
      }),
    );
  });
});

describe('field messages', () => {
  it('say what is wrong, in the schema’s words', () => {
    expect(checkName('cp-2', ['cp-1', 'cp-2'])).toEqual({ ok: false, problem: 'Another node is already named “cp-2”.' });
    expect(checkName(' cp-3 ', ['cp-1'])).toEqual({ ok: true, value: 'cp-3' });
    expect(checkName('', [], 'cluster')).toEqual({ ok: false, problem: 'The cluster name must not be empty.' });
    expect(checkName('a b', [])).toMatchObject({ problem: 'The node name contains a space; names use letters, digits, ".", "_" and "-".' });
    expect(checkVersion('two point four')).toEqual({ ok: false, problem: 'The version must look like 2.4 or v2.4.8.' });
    expect(checkVersion(' v2.4.8 ')).toEqual({ ok: true, value: '2.4.8' });
    expect(checkPorts('80, 99999')).toEqual({ ok: false, problem: '“99999” is not a port; ports are whole numbers from 1 to 65535.' });
    expect(checkPorts('80 443,6443')).toEqual({ ok: true, value: [80, 443, 6443] });
    expect(checkAddress('[2001:db8::1]')).toMatchObject({ problem: 'The address is an IPv6 address in brackets; write it without them.' });
    expect(checkFqdn('10.0.0.1')).toMatchObject({ problem: 'The FQDN is an IP address; use a DNS name that resolves to the load balancer.' });
    expect(checkSavedName('  ')).toEqual({ ok: false, problem: 'Give the plan a name.' });
    expect(checkSavedName('a\u0007b')).toMatchObject({ ok: false });
  });

  it('bound bulk adds by the checker’s limits', () => {
    expect(roomForNodes(4990, 9000)).toBe(10);
    expect(roomForNodes(0, LIMITS.nodes - 5)).toBe(5);
    expect(checkCount('12', 10, 500)).toEqual({ ok: false, problem: 'Enter a whole number from 1 to 10.' });
    expect(checkCount('3', 10, 500)).toEqual({ ok: true, value: 3 });
    expect(checkCount('1', 0, 500)).toMatchObject({ ok: false, problem: expect.stringMatching(/^This cluster is full/) });
    expect(checkCount('2.5', 100, 500).ok).toBe(false);
  });
});

describe('the first address of nodes added at once', () => {
  it('fills 10.0.0.10, .11, … and carries into the next octet', () => {
    expect(checkFirstAddress('10.0.0.10', 3, new Set())).toEqual({ ok: true, value: ['10.0.0.10', '10.0.0.11', '10.0.0.12'] });
    expect(checkFirstAddress(' 10.0.0.254 ', 3, new Set())).toEqual({ ok: true, value: ['10.0.0.254', '10.0.0.255', '10.0.1.0'] });
  });
  it('skips the addresses the cluster already uses', () => {
    expect(checkFirstAddress('10.0.0.1', 2, new Set(['10.0.0.2']))).toEqual({ ok: true, value: ['10.0.0.1', '10.0.0.3'] });
  });
  it('is optional, and refuses what is not an IPv4 address or runs out of addresses', () => {
    expect(checkFirstAddress('', 5, new Set())).toEqual({ ok: true, value: undefined });
    for (const text of ['10.0.0', '10.0.0.256', 'node-1.example', 'fd00::1'])
      expect(checkFirstAddress(text, 1, new Set())).toMatchObject({ ok: false, problem: expect.stringMatching(/^The first address must be an IPv4 address/) });
    expect(checkFirstAddress('255.255.255.254', 3, new Set())).toEqual({ ok: false, problem: 'There are not 3 free addresses from 255.255.255.254 up.' });
  });
});
