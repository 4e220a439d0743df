import { createElement, type ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../rules/check.ts';
import { planSchema } from '../rules/plan.ts';
import AuthorizedEndpointCalculator from './AuthorizedEndpointCalculator.tsx';
import EtcdCalculator from './EtcdCalculator.tsx';
import LoadBalancerCalculator from './LoadBalancerCalculator.tsx';
import { ENDPOINT_DEFAULTS, LOAD_BALANCER_DEFAULTS, endpointPlan, etcdPlan, loadBalancerPlan } from './calculator-plans.ts';
import { readFqdn, readPorts, readWholeNumber } from './calculators-client.ts';

const render = (C: ComponentType) => renderToStaticMarkup(createElement(C));

describe('calculators as static HTML', () => {
  for (const [C, kind, title, fields] of [
    [EtcdCalculator, 'etcd', 'etcd quorum', ['members']],
    [LoadBalancerCalculator, 'load-balancer', 'Load balancer settings', ['layer', 'ports', 'tls', 'nodes', 'targets']],
    [AuthorizedEndpointCalculator, 'authorized-endpoint', 'Authorized endpoint settings', ['fqdn', 'controlplanes', 'targets', 'privateCA', 'caCertificate']],
  ] as const) {
    it(`${kind}: the table shows first, the fields wait hidden for the script`, () => {
      const html = render(C);
      expect(html).toMatch(new RegExp(`<section class="calc not-content"[^>]*data-calc="${kind}"`));
      expect(html).toContain(`>${title}</h3>`);
      const table = html.indexOf('<table');
      const live = html.indexOf('<div class="calc-live" hidden="">');
      expect(table).toBeGreaterThan(0);
      expect(live).toBeGreaterThan(table);
      // The table is outside the hidden part: it never goes away.
      expect(html.indexOf('</table>')).toBeLessThan(live);
      for (const name of fields) expect(html).toContain(`name="${name}"`);
      for (const severity of ['error', 'warning', 'info']) expect(html).toContain(`<template data-severity="${severity}">`);
      expect(html).not.toMatch(/<script|style=/);
    });
  }

  it('the etcd table lists 1 to 7 members with quorum and failures tolerated', () => {
    const html = render(EtcdCalculator);
    for (const [n, q, t] of [
      [1, 1, 0],
      [4, 3, 1],
      [7, 4, 3],
    ])
      expect(html).toContain(`<tr data-members="${n}"><th scope="row">${n}</th><td>${q}</td><td>${t}</td></tr>`);
  });
});

describe('calculator inputs', () => {
  it('reads whole numbers within bounds', () => {
    expect(readWholeNumber(' 4 ', 0, 15)).toEqual({ value: 4 });
    for (const bad of ['', '4.5', '-1', '16', 'four']) expect(readWholeNumber(bad, 0, 15)).toEqual({ problem: 'Enter a whole number from 0 to 15.' });
  });

  it('reads ports and says what is wrong', () => {
    expect(readPorts('80, 443')).toEqual({ value: [80, 443] });
    expect(readPorts('443')).toEqual({ value: [443] });
    expect(readPorts('80, 99999')).toEqual({ problem: 'Each port is a whole number from 1 to 65535.' });
    expect(readPorts(' ')).toEqual({ problem: 'Enter at least one port, e.g. 80, 443.' });
  });

  it('reads an FQDN or nothing', () => {
    expect(readFqdn('')).toEqual({ value: '' });
    expect(readFqdn(' api.example.com ')).toEqual({ value: 'api.example.com' });
    expect(readFqdn('10.0.0.1')).toEqual({ problem: expect.stringMatching(/^The FQDN is an IP address/) });
    expect(readFqdn('bad name')).toHaveProperty('problem');
  });
});

describe('calculator plans', () => {
  it('are valid plans whose findings follow the settings', () => {
    for (const plan of [etcdPlan(3), loadBalancerPlan(LOAD_BALANCER_DEFAULTS), endpointPlan(ENDPOINT_DEFAULTS)])
      expect(planSchema.safeParse(plan).success).toBe(true);
    const rules = (plan: Parameters<typeof checkPlan>[0]) => checkPlan(plan).findings.map((f) => f.rule);
    expect(rules(etcdPlan(4))).toContain('etcd-odd-members');
    expect(rules(etcdPlan(3))).not.toContain('etcd-odd-members');
    expect(rules(loadBalancerPlan({ ...LOAD_BALANCER_DEFAULTS, layer: 7 }))).toContain('lb-layer-4');
    expect(rules(loadBalancerPlan(LOAD_BALANCER_DEFAULTS)).filter((r) => r.startsWith('lb-'))).toEqual([]);
    expect(rules(endpointPlan({ ...ENDPOINT_DEFAULTS, privateCA: true }))).toContain('ace-ca-certificate');
    expect(rules(endpointPlan(ENDPOINT_DEFAULTS)).filter((r) => r.startsWith('ace-'))).toEqual([]);
  });
});
