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
import { NARROW_WIDTH, WIDE_WIDTH } from './layout/index.ts';
import { DIAGRAM_CSS } from './styles.ts';

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

      it('renders labelled, described SVGs at a fixed scale, each in a scrolling region', () => {
        const svgs = html.match(/<svg[^>]*>/g)!;
        expect(svgs.length).toBeGreaterThanOrEqual(1);
        expect(svgs.length).toBeLessThanOrEqual(2);
        for (const open of svgs) {
          const labelledBy = open.match(/aria-labelledby="([^"]+)"/)![1];
          const describedBy = open.match(/aria-describedby="([^"]+)"/)![1];
          expect(html).toContain(`<title id="${labelledBy}">`);
          expect(html).toContain(`<desc id="${describedBy}">`);
          expect(open).toMatch(/role="img"/);
          const [, vw, vh] = open.match(/viewBox="0 0 (\d+) (\d+)"/)!;
          // Width and height are the viewBox in CSS pixels: the drawing never scales down.
          expect(open).toContain(`width="${vw}"`);
          expect(open).toContain(`height="${vh}"`);
        }
        expect(html.match(/<div class="rd-scroll[^"]*" role="region" tabindex="0" aria-label="Diagram: [^"]+">/g)).toHaveLength(svgs.length);
        expect(html).toContain('<details class="rd-text-equivalent">');
      });

      it('loads nothing and inlines no styles or scripts', () => {
        // The scrolling region is the one thing a keyboard may focus.
        const rest = html.replaceAll(/ role="region" tabindex="0"/g, '');
        expect(rest).not.toMatch(/<style|<script|<image|<img|<foreignObject|href=|style=|tabindex|on[a-z]+=/i);
        expect(rest.replaceAll('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:\/\/(?!api\.)/);
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

      for (const total of [3, 30, 300, 1000]) {
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

  describe('text size', () => {
    // What a reader sees at a 375 px and a 1280 px screen: the guide's text column is 343 px and
    // 632 px wide there; the checker passes the width it measures, here the same two.
    const CONTAINERS = [
      { screen: 375, width: NARROW_WIDTH },
      { screen: 1280, width: WIDE_WIDTH },
    ];
    /** Every <text> of every SVG: its font size times the SVG's rendering scale (drawn width ÷ viewBox width). */
    function renderedSizes(markup: string): { smallest: number; count: number } {
      let smallest = Infinity;
      let count = 0;
      for (const [svg] of markup.matchAll(/<svg[\s\S]*?<\/svg>/g)) {
        const open = svg.match(/<svg[^>]*>/)![0];
        const viewBoxWidth = Number(open.match(/viewBox="0 0 ([\d.]+)/)![1]);
        const width = Number(open.match(/ width="([\d.]+)"/)![1]);
        // The CSS keeps the SVG at its own width (max-width: none) and lets the region scroll.
        const scale = width / viewBoxWidth;
        for (const [tag] of svg.matchAll(/<text\b[^>]*>/g)) {
          const size = Number(tag.match(/font-size="([\d.]+)"/)?.[1] ?? NaN);
          expect(size, tag).not.toBeNaN();
          smallest = Math.min(smallest, size * scale);
          count++;
        }
      }
      return { smallest, count };
    }

    it('the stylesheet never sets a font size on diagram text (each text carries its own)', () => {
      const rules = [...DIAGRAM_CSS.matchAll(/([^{}]+)\{([^}]*)\}/g)].filter(([, selector]) => /rd-|svg|text/.test(selector!));
      expect(rules.length).toBeGreaterThan(20);
      for (const [, selector, body] of rules) if (!selector!.includes('rd-text-equivalent')) expect(body, selector).not.toMatch(/font-size/);
    });

    for (const { screen, width } of CONTAINERS) {
      for (const total of [3, 30, 300, 1000]) {
        it(`${total} nodes at ${screen} px: every text is drawn at 11 px or more, at a scale of 1, within the column`, () => {
          const plan = sizedPlan(total);
          const checker = render(PlanDiagram, { plan, maxWidth: width, failed: ['apps/worker-with-a-long-name-20'] });
          const found = renderedSizes(checker);
          expect(found.count).toBeGreaterThan(20);
          expect(found.smallest).toBeGreaterThanOrEqual(11);
          for (const [, C] of COMPONENTS) {
            const out = render(C, { plan, maxWidth: width });
            expect(renderedSizes(out).smallest).toBeGreaterThanOrEqual(11);
            const svgWidth = Number(out.match(/<svg[^>]* width="([\d.]+)"/)![1]);
            expect(svgWidth, C.displayName).toBeLessThanOrEqual(width);
          }
        });
      }
    }

    it('a static page carries a wide and a narrow layout, each at 11 px or more and each fitting its column', () => {
      for (const [, C] of COMPONENTS) {
        for (const plan of [undefined, sizedPlan(30), sizedPlan(1000)]) {
          const out = render(C, plan ? { plan } : {});
          const wide = out.match(/<div class="rd-scroll rd-variant-wide"[\s\S]*?<\/svg>/)?.[0] ?? out;
          const narrow = out.match(/<div class="rd-scroll rd-variant-narrow"[\s\S]*?<\/svg>/)?.[0] ?? wide;
          expect(renderedSizes(wide).smallest).toBeGreaterThanOrEqual(11);
          expect(renderedSizes(narrow).smallest).toBeGreaterThanOrEqual(11);
          expect(Number(wide.match(/<svg[^>]* width="([\d.]+)"/)![1])).toBeLessThanOrEqual(WIDE_WIDTH);
          expect(Number(narrow.match(/<svg[^>]* width="([\d.]+)"/)![1])).toBeLessThanOrEqual(NARROW_WIDTH);
        }
      }
    });
  });

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
