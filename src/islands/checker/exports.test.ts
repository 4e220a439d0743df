import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { PRESETS, RECOMMENDED_PLAN } from '../../rules/presets.ts';
import { checkPlan } from '../../rules/check.ts';
import { readInput } from '../../rules/formats/read.ts';
import { PlanDiagram } from '../../diagrams/diagrams.tsx';
import { ExportError } from '../../rules/formats/format.ts';
import { exportItems } from './exports.ts';
import { Checker } from './Checker.tsx';
import { docsHref } from './FindingsList.tsx';
import { tryImport } from './import-reading.ts';

const sources = (plan = RECOMMENDED_PLAN) => ({
  plan,
  report: checkPlan(plan),
  theme: 'dark' as const,
  docsBase: 'https://example.com/guides/rancher/',
});

describe('exports', () => {
  it('offers every export for the recommended plan, with content from the rules writers', async () => {
    const items = exportItems(sources());
    expect(items.map((i) => i.filename)).toEqual([
      'plan.yaml',
      'rancher.cluster.yml',
      'production.cluster.yml',
      'nginx.conf',
      'findings.md',
      'findings.json',
      'plan.svg',
    ]);
    const svgMarkup = renderToStaticMarkup(createElement(PlanDiagram, { plan: RECOMMENDED_PLAN })).match(/<svg[\s\S]*<\/svg>/)?.[0];
    const text = (id: string) => items.find((i) => i.id === id)!.content!({ svgMarkup });
    expect(readInput(await text('plan-yaml'))).toEqual(readInput(JSON.stringify(RECOMMENDED_PLAN)));
    expect(await text('cluster-yml:rancher')).toMatch(/address: 10\.0\.0\.1/);
    expect(await text('nginx')).toMatch(/stream \{/);
    expect(await text('findings-md')).toMatch(/^## /);
    expect(JSON.parse(await text('findings-json')).summary).toEqual(checkPlan(RECOMMENDED_PLAN).summary);
    const svg = await text('diagram-svg');
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toMatch(/<style><!\[CDATA\[/);
  });

  it('says why an export is unavailable', () => {
    const items = exportItems(sources(PRESETS['rancher-k3s'].plan));
    expect(items.find((i) => i.id === 'cluster-yml')?.unavailable).toMatch(/No RKE cluster/);
    const nginx = items.find((i) => i.id === 'nginx');
    expect(nginx?.content).toBeTypeOf('function');
    expect(nginx?.unavailable).toBeUndefined();
    const docker = exportItems(sources(PRESETS['docker-single'].plan));
    expect(docker.find((i) => i.id === 'nginx')?.unavailable).toMatch(/Rancher installed on a cluster/);
  });

  it('names cluster files after the cluster (names hold only letters, digits, ".", "_" and "-")', () => {
    const plan = readInput('clusters: [{name: prod.eu-1, nodes: [{name: a, address: 10.0.0.1, roles: [etcd, controlplane, worker]}]}]');
    expect(exportItems(sources(plan)).find((i) => i.id.startsWith('cluster-yml:'))!.filename).toBe('prod.eu-1.cluster.yml');
  });
});

describe('exports a real tool would refuse', () => {
  it('are offered, and asking for one gives the reasons instead of the file', async () => {
    const plan = readInput(
      'rancher: {version: 2.4.8, cluster: r}\nclusters: [{name: r, nodes: [{name: a, roles: [etcd, controlplane, worker]}, {name: b, address: 10.0.0.2, roles: []}]}]',
    );
    const items = exportItems(sources(plan));
    const yml = items.find((i) => i.id === 'cluster-yml:r')!;
    expect(yml.refusedBy).toBe('rke');
    const ymlError = await yml.content!({}).catch((e: unknown) => e);
    expect(ymlError).toBeInstanceOf(ExportError);
    expect((ymlError as ExportError).problems.join(' ')).toMatch(/a in RKE cluster "r" has no address.*b in cluster "r" has no role/);
    const nginx = items.find((i) => i.id === 'nginx')!;
    expect(nginx.refusedBy).toBe('nginx');
    const nginxError = await nginx.content!({}).catch((e: unknown) => e);
    expect(nginxError).toBeInstanceOf(ExportError);
    expect((nginxError as ExportError).problems.join(' ')).toMatch(/a, which has no address; nginx needs one for every backend/);
  });
});

describe('wiring', () => {
  it('links docs one folder up from any page', () => {
    expect(docsHref('load-balancer/#layer-4-not-layer-7')).toBe('../load-balancer/#layer-4-not-layer-7');
    expect(docsHref('/rules/')).toBe('../rules/');
  });

  it('imports or explains, never throws', async () => {
    const ok = await tryImport('clusters: [{name: a, nodes: [{name: n, roles: [worker]}]}]');
    expect('result' in ok && ok.result.plan.clusters[0]!.name).toBe('a');
    const bad = await tryImport('clusters:\n  - name: a\n    nodes:\n      - name: n\n        roles: [boss]\n', { filename: 'plan.yaml' });
    expect('error' in bad && bad.error.place).toMatch(/^plan\.yaml:5:\d+ clusters\[0\]\.nodes\[0\]\.roles\[0\]$/);
    expect('error' in (await tryImport(''))).toBe(true);
  });

  it('renders the whole checker on the server without browser APIs', () => {
    const html = renderToStaticMarkup(createElement(Checker, { start: { plan: RECOMMENDED_PLAN, persist: true } }));
    expect(html).toContain('aria-live="polite"');
    expect(html).toContain('data-node="rancher/rancher-1"');
    expect(html).toMatch(/href="\.\.\/[a-z-]+\/#/);
  });
});
