import { describe, expect, it } from 'vitest';
import { PRESETS, RECOMMENDED_PLAN } from '../rules/presets.ts';
import {
  authorizedEndpointFigure,
  k3sFigure,
  loadBalancerFigure,
  nodeRolesFigure,
  planFigure,
  rkeFigure,
  separationFigure,
  type Figure,
} from './figures/index.ts';
import {
  CHAR_EM,
  FONT,
  MIN_TEXT,
  NARROW_WIDTH,
  WIDE_WIDTH,
  clusterTree,
  fitText,
  flow,
  wrapText,
  type Box,
  type Link,
  type Point,
  type TextLine,
} from './layout/index.ts';
import { buildMarks } from './model.ts';
import { sizedPlan } from './test-plans.ts';

const FIGURES = { planFigure, separationFigure, k3sFigure, rkeFigure, loadBalancerFigure, nodeRolesFigure, authorizedEndpointFigure };

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.01 &&
  inner.y >= outer.y - 0.01 &&
  inner.x + inner.width <= outer.x + outer.width + 0.01 &&
  inner.y + inner.height <= outer.y + outer.height + 0.01;

function textBox(t: TextLine): Box {
  const width = t.text.length * t.size * CHAR_EM;
  const x = t.anchor === 'middle' ? t.x - width / 2 : t.anchor === 'end' ? t.x - width : t.x;
  return { x, y: t.y - t.size * 0.8, width, height: t.size };
}

function cells(f: Figure): Box[] {
  return f.clusters.flatMap((c) => c.groups.flatMap((g) => [...g.nodes, ...(g.more ? [g.more] : [])]));
}

/** The straight segments of elbowed links (curves are checked by their end points only). */
function segments(l: Link): [Point, Point][] {
  if (!l.via) return [];
  const points = [l.from, ...l.via, l.to];
  return points.slice(1).map((p, i) => [points[i]!, p]);
}

/** Whether a horizontal or vertical segment passes through the inside of a box (touching its edge is fine). */
function crosses([a, b]: [Point, Point], box: Box): boolean {
  const inset = { x: box.x + 1, y: box.y + 1, width: box.width - 2, height: box.height - 2 };
  const seg = { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x) || 0.01, height: Math.abs(a.y - b.y) || 0.01 };
  return overlaps(seg, inset);
}

function checkFigure(f: Figure, maxWidth?: number) {
  const view: Box = { x: 0, y: 0, width: f.width, height: f.height };
  const boxes = cells(f);
  const front = f.clusters.flatMap((c) => c.shapes);
  for (const b of [...f.clusters, ...f.shapes, ...boxes, ...front]) expect(inside(b, view)).toBe(true);
  for (const item of f.legend.items) expect(item.x).toBeLessThanOrEqual(f.width);
  // No two node boxes overlap, and no two clusters or top-level shapes overlap.
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
  const tops = [...f.clusters, ...f.shapes.filter((s) => !f.shapes.some((o) => o !== s && inside(s, o)))];
  for (let i = 0; i < tops.length; i++) for (let j = i + 1; j < tops.length; j++) expect(overlaps(tops[i]!, tops[j]!)).toBe(false);
  for (const c of f.clusters) {
    const inCluster = [...c.groups.flatMap((g) => [...g.nodes, ...(g.more ? [g.more] : [])])];
    for (const s of c.shapes) {
      expect(inside(s, c)).toBe(true);
      for (const b of inCluster) expect(overlaps(s, b)).toBe(false);
      for (const line of s.lines) expect(inside(textBox(line), s)).toBe(true);
    }
    for (const g of c.groups) {
      for (const n of [...g.nodes, ...(g.more ? [g.more] : [])]) expect(inside(n, c)).toBe(true);
      for (const n of g.nodes) {
        // Name and status fit in the box (estimated widths, never measured).
        expect(n.label.length * FONT.text * CHAR_EM).toBeLessThanOrEqual(n.width - 16);
        expect(n.status.length * FONT.badge * CHAR_EM).toBeLessThanOrEqual(n.width - 16);
        for (const s of n.inner) expect(inside(s, n)).toBe(true);
      }
      for (const line of g.label) expect(inside(textBox(line), c)).toBe(true);
    }
    for (const line of c.header) expect(inside(textBox(line), c)).toBe(true);
    // Header lines, group labels and front boxes never overlap each other or any node.
    const labels = [...c.header, ...c.groups.flatMap((g) => g.label)].map(textBox);
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) expect(overlaps(labels[i]!, labels[j]!)).toBe(false);
      for (const b of [...boxes, ...c.shapes]) expect(overlaps(labels[i]!, b)).toBe(false);
    }
    // Lines from a load balancer or endpoint run beside the nodes, never through one.
    for (const l of c.links) for (const seg of segments(l)) for (const b of boxes) expect(crosses(seg, b)).toBe(false);
  }
  // "Rancher manages" lines run through the gaps between clusters.
  for (const l of f.links.filter((x) => x.className.includes('manage')))
    for (const seg of segments(l)) for (const c of f.clusters) expect(crosses(seg, c), `${l.id} through ${c.name}`).toBe(false);
  for (const s of f.shapes) for (const line of s.lines) expect(inside(textBox(line), s)).toBe(true);
  // Every text is drawn at 11px or more.
  for (const t of allText(f)) expect(t.size).toBeGreaterThanOrEqual(MIN_TEXT);
  if (maxWidth !== undefined) expect(f.width).toBeLessThanOrEqual(maxWidth);
}

function allText(f: Figure): TextLine[] {
  return [
    ...f.notes,
    ...f.shapes.flatMap((s) => s.lines),
    ...f.clusters.flatMap((c) => [
      ...c.header,
      ...c.shapes.flatMap((s) => s.lines),
      ...c.groups.flatMap((g) => [...g.label, ...(g.more?.lines ?? []), ...g.nodes.flatMap((n) => n.inner.flatMap((s) => s.lines))]),
    ]),
  ];
}

describe('figure layouts', () => {
  for (const [name, figure] of Object.entries(FIGURES)) {
    for (const total of [3, 30, 300, 1000]) {
      for (const maxWidth of [NARROW_WIDTH, WIDE_WIDTH]) {
        it(`${name}: ${total} nodes at ${maxWidth}px fit the width, inside the viewBox, with no overlapping boxes or text`, () => {
          checkFigure(figure(sizedPlan(total), buildMarks({}), { maxWidth }), maxWidth);
        });
      }
    }
    it(`${name}: draws every preset and an empty plan, narrow and wide`, () => {
      for (const { plan } of Object.values(PRESETS))
        for (const maxWidth of [NARROW_WIDTH, WIDE_WIDTH]) checkFigure(figure(plan, buildMarks({}), { maxWidth }), maxWidth);
    });
  }

  it('stacks clusters one above the other on a phone and keeps two node columns', () => {
    const f = planFigure(RECOMMENDED_PLAN, buildMarks({}), { maxWidth: NARROW_WIDTH });
    const [rancher, production] = f.clusters;
    expect(production!.y).toBeGreaterThan(rancher!.y + rancher!.height);
    const etcd = production!.groups.find((g) => g.signature === 'etcd')!;
    expect(new Set(etcd.nodes.map((n) => n.x)).size).toBe(2);
  });

  it('draws the load balancer and the authorized endpoint as boxes linked to their targets', () => {
    for (const maxWidth of [NARROW_WIDTH, WIDE_WIDTH]) {
      const f = planFigure(sizedPlan(30), buildMarks({}), { maxWidth });
      for (const c of f.clusters) {
        const plan = sizedPlan(30).clusters.find((x) => x.name === c.name)!;
        const lb = c.shapes.find((s) => s.id === 'load-balancer');
        expect(Boolean(lb)).toBe(Boolean(plan.loadBalancer));
        if (lb) expect(lb.reaches).toEqual(plan.loadBalancer!.targets);
        const ace = c.shapes.find((s) => s.id === 'endpoint');
        expect(Boolean(ace)).toBe(Boolean(plan.authorizedEndpoint));
        // Each target is reached: a link ends at its node's edge, or at its group's label.
        for (const [s, targets] of [
          [lb, plan.loadBalancer?.targets ?? []],
          [ace, plan.authorizedEndpoint?.targets ?? []],
        ] as const) {
          if (!s) continue;
          const ends = c.links.filter((l) => l.id.includes(s.id) && l.arrow).map((l) => l.to);
          for (const name of targets) {
            const g = c.groups.find((x) => x.nodes.some((n) => n.name === name) || x.more?.hidden.includes(name))!;
            const n = g.nodes.find((x) => x.name === name) ?? g.more!;
            const atNode = ends.some((p) => p.y >= n.y - 0.5 && p.y <= n.y + n.height && p.x >= n.x - 2.5 && p.x <= n.x + n.width + 2.5);
            const atLabel = ends.some((p) => Math.abs(p.y - (g.label[0]!.y - FONT.small * 0.35)) < 0.5);
            expect(atNode || atLabel, `${s.id} → ${name}`).toBe(true);
          }
        }
      }
    }
  });

  it('links the Rancher cluster to every cluster it manages, and the Docker host too', () => {
    const many = {
      ...RECOMMENDED_PLAN,
      clusters: [...RECOMMENDED_PLAN.clusters, ...['dev', 'test', 'edge'].map((name) => ({ ...RECOMMENDED_PLAN.clusters[1]!, name }))],
    };
    for (const maxWidth of [NARROW_WIDTH, WIDE_WIDTH, 1400]) {
      const f = planFigure(many, buildMarks({}), { maxWidth });
      const manages = f.links.filter((l) => l.className.includes('rd-link-manage'));
      const rancher = f.clusters.find((c) => c.name === 'rancher')!;
      expect(manages).toHaveLength(4);
      for (const c of f.clusters.filter((x) => x.name !== 'rancher')) {
        expect(manages.some((l) => Math.abs(l.to.y - c.y) < 0.5 && l.to.x > c.x && l.to.x < c.x + c.width)).toBe(true);
      }
      for (const l of manages) expect(l.from).toEqual({ x: rancher.x + rancher.width / 2, y: rancher.y + rancher.height });
    }
    const docker = planFigure({ rancher: { install: 'docker', host: 'h' }, clusters: [RECOMMENDED_PLAN.clusters[1]!] }, buildMarks({}));
    expect(docker.links.filter((l) => l.className.includes('rd-link-manage'))).toHaveLength(1);
  });

  it('marks failed parts: the load balancer, the external datastore and the Docker host', () => {
    const marks = buildMarks({ failed: ['rancher/#load-balancer', '#docker-host'] });
    const lb = planFigure(RECOMMENDED_PLAN, marks).clusters[0]!.shapes.find((s) => s.id === 'load-balancer')!;
    expect(lb).toMatchObject({ part: 'rancher/#load-balancer', crossed: true });
    expect(lb.className).toContain('is-failed');
    const k3s = planFigure(PRESETS['rancher-k3s'].plan, buildMarks({ failed: ['rancher/#datastore'] })).clusters[0]!;
    expect(k3s.shapes.find((s) => s.id === 'datastore')).toMatchObject({ part: 'rancher/#datastore', crossed: true });
    expect(k3s.shapes.find((s) => s.id === 'load-balancer')).toMatchObject({ part: 'rancher/#load-balancer' });
    const docker = planFigure(PRESETS['docker-single'].plan, marks).shapes[0]!;
    expect(docker).toMatchObject({ part: '#docker-host', crossed: true });
  });

  it('collapses big role groups into a count but keeps failed, highlighted and flagged nodes drawn', () => {
    const plan = sizedPlan(300);
    const marks = buildMarks({
      failed: ['apps/worker-with-a-long-name-150'],
      highlighted: ['apps/worker-with-a-long-name-200'],
      report: {
        rancherVersion: '2.4',
        profile: { id: '2.4', label: 'Rancher 2.4' },
        findings: [{ rule: 'downstream-single-role', severity: 'warning', cluster: 'apps', nodes: ['worker-with-a-long-name-250'], message: 'm', docs: '' }],
        clusters: [],
        summary: { errors: 0, warnings: 1, infos: 0 },
      },
    });
    const f = planFigure(plan, marks);
    const workers = f.clusters.find((c) => c.name === 'apps')!.groups.find((g) => g.signature === 'worker')!;
    const drawn = workers.nodes.map((n) => n.name);
    expect(drawn).toContain('worker-with-a-long-name-150');
    expect(drawn).toContain('worker-with-a-long-name-200');
    expect(drawn).toContain('worker-with-a-long-name-250');
    expect(workers.nodes.length + workers.more!.count).toBe(289);
    expect(workers.more!.hidden).not.toContain('worker-with-a-long-name-150');
    expect(workers.more!.key).toBe('apps/worker');
    expect(f.height).toBeLessThan(1400);
  });

  it('shows each node’s zone, before its address', () => {
    const plan = {
      clusters: [{ ...RECOMMENDED_PLAN.clusters[0]!, nodes: RECOMMENDED_PLAN.clusters[0]!.nodes.map((n, i) => ({ ...n, zone: ['a', 'b', 'c'][i] })) }],
    };
    const nodes = planFigure(plan, buildMarks({})).clusters[0]!.groups[0]!.nodes;
    // Both do not fit a 128px box at 11px: the zone wins; a short address fits beside it.
    expect(nodes.map((n) => n.status)).toEqual(['zone a', 'zone b', 'zone c']);
    const short = { clusters: [{ ...plan.clusters[0]!, nodes: plan.clusters[0]!.nodes.map((n) => ({ ...n, address: `h${n.name.slice(-1)}` })) }] };
    expect(planFigure(short, buildMarks({})).clusters[0]!.groups[0]!.nodes[0]!.status).toBe('zone a · h1');
    // A failed node says so instead.
    expect(planFigure(plan, buildMarks({ failed: ['rancher/rancher-1'] })).clusters[0]!.groups[0]!.nodes[0]!.status).toBe('failed');
  });

  it('draws an expanded group whole', () => {
    const f = planFigure(sizedPlan(300), buildMarks({}), { expanded: ['apps/worker'] });
    const workers = f.clusters.find((c) => c.name === 'apps')!.groups.find((g) => g.signature === 'worker')!;
    expect(workers.nodes).toHaveLength(289);
    expect(workers.more).toBeUndefined();
    expect(workers.expanded).toBe(true);
    checkFigure(f);
  });

  it('draws every node of a small plan', () => {
    const f = planFigure(RECOMMENDED_PLAN, buildMarks({}));
    expect(
      cells(f)
        .map((b) => ('key' in b ? b.key : ''))
        .sort(),
    ).toEqual(RECOMMENDED_PLAN.clusters.flatMap((c) => c.nodes.map((n) => `${c.name}/${n.name}`)).sort());
  });

  it('groups nodes by role with d3-hierarchy counts', () => {
    const tree = clusterTree(PRESETS['downstream-production'].plan.clusters[0]!);
    expect(tree.value).toBe(8);
    expect(tree.children!.map((g) => [g.data.label, g.value])).toEqual([
      ['etcd', 3],
      ['controlplane', 2],
      ['worker', 3],
    ]);
  });
});

describe('text and flow helpers', () => {
  it('fits and wraps text to a width', () => {
    expect(fitText('short', 100, 10)).toBe('short');
    expect(fitText('a-very-long-node-name-indeed', 60, 10)).toBe('a-very-lo…');
    expect(wrapText('one two three four', 48, 10)).toEqual(['one two', 'three', 'four']);
    // A long host name breaks after its dots rather than being cut.
    expect(wrapText('api.production.example.com', 120, 10)).toEqual(['api.production.', 'example.com']);
  });

  it('flows boxes into rows without overlap', () => {
    const sizes = Array.from({ length: 7 }, (_, i) => ({ width: 100 + i * 30, height: 50 + i * 5 }));
    const f = flow(sizes, 400, 10);
    const boxes = sizes.map((s, i) => ({ ...s, ...f.positions[i]! }));
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
    for (const b of boxes) expect(b.x + b.width).toBeLessThanOrEqual(f.width);
  });
});
