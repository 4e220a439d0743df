// Moving laid-out parts and placing clusters in rows (stacked when the width runs out).

import type { Point, TextLine, NodeBox, ClusterBox, Shape, Link, Diagram } from './geometry.ts';

// ---- moving things -----------------------------------------------------------------------

const moveText = (t: TextLine, dx: number, dy: number): TextLine => ({ ...t, x: t.x + dx, y: t.y + dy });

export function placeShape(s: Shape, dx: number, dy: number): Shape {
  return { ...s, x: s.x + dx, y: s.y + dy, lines: s.lines.map((t) => moveText(t, dx, dy)) };
}

function placeNode(n: NodeBox, dx: number, dy: number): NodeBox {
  return { ...n, x: n.x + dx, y: n.y + dy, inner: n.inner.map((s) => placeShape(s, dx, dy)), innerLinks: n.innerLinks.map((l) => moveLink(l, dx, dy)) };
}

const movePoint = (p: Point, dx: number, dy: number): Point => ({ x: p.x + dx, y: p.y + dy });
export const moveLink = (l: Link, dx: number, dy: number): Link => ({
  ...l,
  from: movePoint(l.from, dx, dy),
  to: movePoint(l.to, dx, dy),
  ...(l.via ? { via: l.via.map((p) => movePoint(p, dx, dy)) } : {}),
});

export function placeCluster(c: ClusterBox, x: number, y: number): ClusterBox {
  const dx = x - c.x;
  const dy = y - c.y;
  return {
    ...c,
    x,
    y,
    header: c.header.map((t) => moveText(t, dx, dy)),
    shapes: c.shapes.map((s) => placeShape(s, dx, dy)),
    links: c.links.map((l) => moveLink(l, dx, dy)),
    groups: c.groups.map((g) => ({
      ...g,
      x: g.x + dx,
      y: g.y + dy,
      label: g.label.map((t) => moveText(t, dx, dy)),
      nodes: g.nodes.map((n) => placeNode(n, dx, dy)),
      more: g.more && { ...g.more, x: g.more.x + dx, y: g.more.y + dy, lines: g.more.lines.map((t) => moveText(t, dx, dy)) },
    })),
  };
}

/** Places boxes left to right, wrapping into rows no wider than `maxWidth`; each row centred. */
export function flow(
  sizes: { width: number; height: number }[],
  maxWidth: number,
  gap: number,
  rowGap = gap,
): { positions: Point[]; rows: number[][]; width: number; height: number } {
  const rows: number[][] = [];
  let rowWidth = 0;
  sizes.forEach((s, i) => {
    const row = rows.at(-1);
    if (row && rowWidth + gap + s.width <= maxWidth) {
      row.push(i);
      rowWidth += gap + s.width;
    } else {
      rows.push([i]);
      rowWidth = s.width;
    }
  });
  const widths = rows.map((r) => r.reduce((a, i) => a + sizes[i]!.width, 0) + gap * (r.length - 1));
  const width = Math.max(0, ...widths);
  const positions: Point[] = [];
  let y = 0;
  rows.forEach((r, ri) => {
    let x = (width - widths[ri]!) / 2;
    for (const i of r) {
      positions[i] = { x, y };
      x += sizes[i]!.width + gap;
    }
    y += Math.max(...r.map((i) => sizes[i]!.height)) + rowGap;
  });
  return { positions, rows, width, height: Math.max(0, y - rowGap) };
}

/** Every node box in a diagram, flattened (for links and tests). */
export function allNodes(d: Pick<Diagram, 'clusters'>): NodeBox[] {
  return d.clusters.flatMap((c) => c.groups.flatMap((g) => g.nodes));
}
