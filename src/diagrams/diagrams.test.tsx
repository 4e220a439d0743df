import { createElement, type ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PRESETS, RECOMMENDED_PLAN } from '../rules/presets.ts';
import type { Report } from '../rules/report.ts';
import {
  AuthorizedEndpointDiagram,
  K3sClusterDiagram,
  LoadBalancerDiagram,
  NodeRolesDiagram,
  PlanDiagram,
  RkeClusterDiagram,
  SeparationDiagram,
  type DiagramProps,
} from './index.ts';
import { sizedPlan } from './test-plans.ts';

const COMPONENTS: [string, ComponentType<DiagramProps>][] = [
  ['SeparationDiagram', SeparationDiagram],
  ['K3sClusterDiagram', K3sClusterDiagram],
  ['RkeClusterDiagram', RkeClusterDiagram],
  ['LoadBalancerDiagram', LoadBalancerDiagram],
  ['NodeRolesDiagram', NodeRolesDiagram],
  ['AuthorizedEndpointDiagram', AuthorizedEndpointDiagram],
  ['PlanDiagram', PlanDiagram],
];

const render = (C: ComponentType<DiagramProps>, props: DiagramProps = {}) => renderToStaticMarkup(createElement(C, props));

const report: Report = {
  rancherVersion: '2.4',
  profile: { id: '2.4', label: 'Rancher 2.4' },
  findings: [
    { rule: 'etcd-odd-members', severity: 'error', cluster: 'rancher', nodes: ['rancher-2'], message: 'etcd problem here', docs: 'x/#y' },
    { rule: 'lb-all-nodes', severity: 'warning', cluster: 'rancher', nodes: ['rancher-3'], message: 'a warning here', docs: 'x/#y' },
    { rule: 'rancher-k3s-preferred', severity: 'info', cluster: 'rancher', nodes: [], message: 'about the cluster', docs: 'x/#y' },
  ],
  clusters: [],
  summary: { errors: 1, warnings: 1, infos: 1 },
};

describe('diagram components', () => {
  for (const [name, C] of COMPONENTS) {
    describe(name, () => {
      const html = render(C);

      it('renders one labelled, described SVG scaled to its container', () => {
        expect(html.match(/<svg/g)).toHaveLength(1);
        const labelledBy = html.match(/aria-labelledby="([^"]+)"/)![1];
        const describedBy = html.match(/aria-describedby="([^"]+)"/)![1];
        expect(html).toContain(`<title id="${labelledBy}">`);
        expect(html).toContain(`<desc id="${describedBy}">`);
        expect(html).toMatch(/<svg[^>]*role="img"/);
        expect(html).toMatch(/<svg[^>]*width="100%"/);
        expect(html).toMatch(/<svg[^>]*viewBox="0 0 \d+ \d+"/);
        expect(html).toContain('<details class="rd-text-equivalent">');
      });

      it('loads nothing and inlines no styles or scripts', () => {
        expect(html).not.toMatch(/<style|<script|<image|<img|<foreignObject|href=|style=|tabindex|on[a-z]+=/i);
        expect(html.replace('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:\/\/(?!api\.)/);
      });

      it('accepts title and description overrides', () => {
        const custom = render(C, { title: 'My own title', description: 'My own words.' });
        expect(custom).toContain('>My own title</title>');
        expect(custom).toContain('>My own words.</desc>');
      });

      it('marks failed, highlighted and flagged nodes by class and by text', () => {
        const plan = PRESETS['rancher-rke'].plan;
        const marked = render(C, { plan, report, failed: ['rancher/rancher-1'], highlighted: ['rancher/rancher-3'] });
        expect(marked).toContain('data-node="rancher/rancher-1"');
        expect(marked).toMatch(/class="rd-node is-failed[^"]*" data-node="rancher\/rancher-1"/);
        expect(marked).toMatch(/class="rd-node[^"]*has-error[^"]*" data-node="rancher\/rancher-2"/);
        expect(marked).toMatch(/class="rd-node[^"]*is-highlighted[^"]*has-warning[^"]*" data-node="rancher\/rancher-3"/);
        expect(marked).toContain('class="rd-cross"');
        expect(marked).toContain('rancher-1: failed');
        expect(marked).toContain('rancher-2: error: etcd problem here');
        expect(marked).toContain('info: about the cluster');
      });

      for (const total of [3, 30, 300]) {
        it(`renders a ${total}-node plan and lists every node in the text version`, () => {
          const plan = sizedPlan(total);
          const out = render(C, { plan });
          const text = out.slice(out.indexOf('<details'));
          const drawnClusters = [...out.matchAll(/data-cluster="([^"]+)"/g)].map((m) => m[1]);
          for (const c of plan.clusters.filter((c) => drawnClusters.includes(c.name))) {
            for (const n of c.nodes) expect(text).toContain(n.name);
          }
        });
      }
    });
  }

  it('draws every node of each drawn cluster of a small plan in the SVG itself', () => {
    for (const plan of [RECOMMENDED_PLAN, PRESETS['rancher-k3s'].plan, PRESETS['downstream-production'].plan]) {
      for (const [, C] of COMPONENTS) {
        const html = render(C, { plan });
        const svg = html.slice(0, html.indexOf('</svg>'));
        const drawn = [...svg.matchAll(/data-cluster="([^"]+)"/g)].map((m) => m[1]);
        expect(drawn.length).toBeGreaterThan(0);
        for (const c of plan.clusters.filter((c) => drawn.includes(c.name))) {
          for (const n of c.nodes) expect(svg).toContain(`data-node="${c.name}/${n.name}"`);
        }
      }
    }
  });

  it('gives each diagram on a page its own ids', () => {
    const page = renderToStaticMarkup(createElement('main', null, createElement(PlanDiagram), createElement(PlanDiagram), createElement(RkeClusterDiagram)));
    const ids = [...page.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of page.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(m[1]);
  });

  it('draws the Rancher cluster apart and marked, and a Docker install as one host', () => {
    expect(render(SeparationDiagram)).toContain('rd-cluster-box is-rancher');
    const docker = render(PlanDiagram, { plan: PRESETS['docker-single'].plan });
    expect(docker).toContain('Rancher server in one Docker container');
    expect(render(PlanDiagram, { plan: PRESETS.empty.plan })).toContain('No clusters in this plan yet');
  });

  it('tells the figures apart by their facts', () => {
    expect(render(K3sClusterDiagram)).toContain('External datastore');
    expect(render(RkeClusterDiagram)).toContain('quorum 2 of 3');
    expect(render(LoadBalancerDiagram)).toContain('Ingress controller');
    expect(render(LoadBalancerDiagram)).toContain('Layer-4 load balancer (TCP)');
    expect(render(AuthorizedEndpointDiagram)).toContain('FQDN api.production.example.com');
    expect(render(NodeRolesDiagram)).toContain('all three roles (etcd, controlplane, worker)');
    expect(render(NodeRolesDiagram)).toContain('etcd only');
  });

  it('says when etcd quorum is lost', () => {
    const out = render(RkeClusterDiagram, { failed: ['rancher/rancher-1', 'rancher/rancher-2'] });
    expect(out).toContain('quorum lost');
  });
});
