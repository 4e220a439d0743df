// Addresses: what a node may be reached at. The ranges that name no single reachable machine are
// refused where a plan is read, so no export (firewalld's hash:ip sets, nginx upstreams) gets them.
import { describe, expect, it } from 'vitest';
import { readInput } from './formats/read.ts';
import { addressProblem, isIPv4, isIPv6, parseRegistrationUrl, registrationUrlProblem } from './identifiers.ts';

describe('addressProblem', () => {
  it.each([
    ['0.0.0.0', /unspecified/],
    ['::', /unspecified/],
    ['127.0.0.1', /loopback/],
    ['::1', /loopback/],
    ['224.0.0.5', /multicast/],
    ['ff02::1', /multicast/],
    ['255.255.255.255', /broadcast/],
  ])('refuses %s', (address, why) => {
    expect(addressProblem(address)).toMatch(why);
  });

  it.each(['10.0.0.1', '192.0.2.7', '2001:db8::1', 'fd00::5', '169.254.10.1', 'node-1.example.com'])('accepts %s', (address) => {
    expect(addressProblem(address)).toBeUndefined();
  });

  it('a plan with an unspecified node address is refused at its line', () => {
    const plan = 'clusters:\n  - name: c\n    nodes:\n      - name: n1\n        address: 0.0.0.0\n        roles: [etcd]\n';
    expect(() => readInput(plan, { filename: 'plan.yaml' })).toThrow(/plan\.yaml:5:18 clusters\[0\]\.nodes\[0\]\.address: is the unspecified address/);
  });
});

describe('what counts as an IP address', () => {
  it.each(['10.0.0.1', '0.0.0.0', '255.255.255.255'])('%s is IPv4', (text) => expect(isIPv4(text)).toBe(true));
  // Old forms a C library would parse, which Kubernetes and nginx do not take as addresses.
  it.each(['010.0.0.1', '10.1', '10.0.0', '0x0a.0.0.1', '256.0.0.1', '10.0.0.1 ', '10.0.0.1/8', ''])('%j is not IPv4', (text) =>
    expect(isIPv4(text)).toBe(false),
  );
  it.each(['::', '::1', '2001:db8::1', 'fd00:0:0:0:0:0:0:5', 'FD00::A'])('%s is IPv6', (text) => expect(isIPv6(text)).toBe(true));
  it.each(['fe80::1%eth0', '[2001:db8::1]', '::ffff:10.0.0.1', '::1.0.0.0', '1:2:3:4:5:6:7:8:9', '2001:db8::g', '10.0.0.1', ':::'])('%j is not IPv6', (text) =>
    expect(isIPv6(text)).toBe(false),
  );
  it('an address that is neither is read as a name, and refused where it cannot be one', () => {
    expect(addressProblem('010.0.0.1')).toMatch(/looks like an IPv4 address but is not one/);
    expect(addressProblem('fe80::1%eth0')).toMatch(/contains "%"/);
  });
});

describe('registration addresses (server:)', () => {
  it.each([
    ['https://10.0.0.10:9345', { host: '10.0.0.10', port: 9345 }],
    ['https://rke2.example.net:9345/', { host: 'rke2.example.net', port: 9345 }],
    ['https://[fd00::10]:6443', { host: 'fd00::10', port: 6443 }],
    ['https://k3s.example.net', { host: 'k3s.example.net' }],
  ])('reads %s', (url, parts) => {
    expect(parseRegistrationUrl(url)).toEqual(parts);
    expect(registrationUrlProblem(url)).toBeUndefined();
  });

  it.each(['http://10.0.0.10:9345', 'https://10.0.0.10:99999', 'https://a b:9345', 'https://x/path', 'https://0.0.0.0:9345', '10.0.0.10:9345'])(
    'refuses %s',
    (url) => {
      expect(registrationUrlProblem(url)).toBeDefined();
    },
  );
});
