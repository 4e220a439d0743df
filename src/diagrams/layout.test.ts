import { describe, expect, it } from 'vitest';
import { PRESETS, RECOMMENDED_PLAN } from '../rules/presets.ts';
import { authorizedEndpointFigure, k3sFigure, loadBalancerFigure, nodeRolesFigure, planFigure, rkeFigure, separationFigure, type Figure } from './figures.ts';
import { CHAR_EM, clusterTree, fitText, flow, wrapText, type Box, type TextLine } from './layout.ts';
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

function checkFigure(f: Figure) {
  const view: Box = { x: 0, y: 0, width: f.width, height: f.height };
  const boxes = cells(f);
  for (const b of [...f.clusters, ...f.shapes, ...boxes]) expect(inside(b, view)).toBe(true);
  // No two node boxes overlap, and no two clusters or top-level shapes overlap.
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
  const tops = [...f.clusters, ...f.shapes.filter((s) => !f.shapes.some((o) => o !== s && inside(s, o)))];
  for (let i = 0; i < tops.length; i++) for (let j = i + 1; j < tops.length; j++) expect(overlaps(tops[i]!, tops[j]!)).toBe(false);
  for (const c of f.clusters) {
    for (const g of c.groups) {
      for (const n of [...g.nodes, ...(g.more ? [g.more] : [])]) expect(inside(n, c)).toBe(true);
      for (const n of g.nodes) {
        // Name and status fit in the box (estimated widths, never measured).
        expect(n.label.length * 12 * CHAR_EM).toBeLessThanOrEqual(n.width - 16);
        expect(n.status.length * 10 * CHAR_EM).toBeLessThanOrEqual(n.width - 16);
        for (const s of n.inner) expect(inside(s, n)).toBe(true);
      }
      expect(inside(textBox(g.label), c)).toBe(true);
    }
    for (const line of c.header) expect(inside(textBox(line), c)).toBe(true);
    // Header lines and group labels never overlap each other or any node.
    const labels = [...c.header, ...c.groups.map((g) => g.label)].map(textBox);
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) expect(overlaps(labels[i]!, labels[j]!)).toBe(false);
      for (const b of boxes) expect(overlaps(labels[i]!, b)).toBe(false);
    }
  }
  for (const s of f.shapes) for (const line of s.lines) expect(inside(textBox(line), s)).toBe(true);
}

describe('figure layouts', () => {
  for (const [name, figure] of Object.entries(FIGURES)) {
    for (const total of [3, 30, 300]) {
      it(`${name}: ${total} nodes stay inside the viewBox with no overlapping boxes or text`, () => {
        checkFigure(figure(sizedPlan(total), buildMarks({}), {}));
      });
    }
    it(`${name}: draws every preset and an empty plan`, () => {
      for (const { plan } of Object.values(PRESETS)) checkFigure(figure(plan, buildMarks({}), {}));
    });
  }

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
    expect(f.height).toBeLessThan(1000);
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
  });

  it('flows boxes into rows without overlap', () => {
    const sizes = Array.from({ length: 7 }, (_, i) => ({ width: 100 + i * 30, height: 50 + i * 5 }));
    const f = flow(sizes, 400, 10);
    const boxes = sizes.map((s, i) => ({ ...s, ...f.positions[i]! }));
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
    for (const b of boxes) expect(b.x + b.width).toBeLessThanOrEqual(f.width);
  });
});
