// Addresses: what a node may be reached at. The ranges that name no single reachable machine are
// refused where a plan is read, so no export (firewalld's hash:ip sets, nginx upstreams) gets them.
import { describe, expect, it } from 'vitest';
import { readInput } from './formats/read.ts';
import { addressProblem, parseRegistrationUrl, registrationUrlProblem } from './identifiers.ts';

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
