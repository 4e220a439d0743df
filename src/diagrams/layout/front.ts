// What stands in front of a cluster in a drawing: the load balancer's and the authorized
// endpoint's boxes (their lines, and "failed" when the reader marked them so), and the links from
// such a box to the nodes it reaches — a fan of curves into the first row, or a lane down the
// cluster's edge with a short arrow into each target. cluster.ts places them.
import type { Cluster } from '../../rules/plan.ts';
import type { Marks } from '../model.ts';
import { FONT, GAP, PAD, LANE, lineHeight } from './measure.ts';
import {
  type Box,
  type Point,
  type TextLine,
  type NodeBox,
  type GroupBox,
  type ClusterBox,
  type Shape,
  type Link,
  type LineSpec,
  link,
  elbow,
  bottomOf,
  topOf,
} from './geometry.ts';

/** The load balancer's box: what it forwards and where TLS ends. */
export function loadBalancerSpecs(cluster: Cluster): LineSpec[] {
  const lb = cluster.loadBalancer!;
  return [
    { text: 'Load balancer', className: 'rd-strong' },
    { text: `layer ${lb.layer} · TCP ${lb.ports.join(', ')}`, size: FONT.small, className: 'rd-muted' },
    { text: lb.tlsTermination === 'load-balancer' ? 'TLS ends at the balancer' : 'TLS ends at the ingress', size: FONT.small, className: 'rd-muted' },
  ];
}

export function endpointSpecs(cluster: Cluster): LineSpec[] {
  const ace = cluster.authorizedEndpoint!;
  const ca = ace.privateCA ? (ace.caCertificate ? 'private CA, certificate supplied' : 'private CA, certificate missing') : '';
  return [
    { text: 'Authorized endpoint', className: 'rd-strong' },
    { text: ace.fqdn ?? 'no FQDN: one context per node', size: FONT.small, className: ace.fqdn ? 'rd-mono' : 'rd-muted' },
    ...(ca ? [{ text: ca, size: FONT.small, className: ace.caCertificate ? 'rd-muted' : 'rd-bad' }] : []),
  ];
}

/** Adds "failed" and the crossed look to a part the reader marked failed. */
export function markPart(s: Shape, key: string, marks: Marks): Shape {
  if (!marks.partFailed(key)) return { ...s, part: key };
  const extra = lineHeight(FONT.small);
  const failed: TextLine = {
    text: 'failed',
    full: 'failed',
    x: s.x + s.width / 2,
    y: (s.lines.at(-1)?.y ?? s.y) + extra,
    size: FONT.small,
    anchor: 'middle',
    className: 'rd-bad',
  };
  return { ...s, part: key, className: `${s.className} is-failed`, crossed: true, lines: [...s.lines, failed], height: s.height + extra };
}

/** Where a link to a named node can land: the node, or the "+N more" box that stands in for it. */
interface Cell {
  box: Box;
  group: GroupBox;
  /** Column and row inside the group's grid. */
  col: number;
  row: number;
  last: boolean;
}

function cellsFor(groups: GroupBox[], names: readonly string[]): Cell[] {
  const seen = new Set<Box>();
  const out: Cell[] = [];
  for (const name of names) {
    for (const g of groups) {
      const i = g.nodes.findIndex((n) => n.name === name || n.address === name);
      const box: Box | undefined = i >= 0 ? g.nodes[i] : g.more?.hidden.includes(name) ? g.more : undefined;
      if (!box) continue;
      if (!seen.has(box)) {
        seen.add(box);
        const cells = [...g.nodes, ...(g.more ? [g.more] : [])];
        const index = cells.indexOf(box as NodeBox);
        const cols = Math.max(1, Math.round((g.width + GAP) / (box.width + GAP)));
        out.push({ box, group: g, col: index % cols, row: Math.floor(index / cols), last: index % cols === cols - 1 || index === cells.length - 1 });
      }
      break;
    }
  }
  return out;
}

/**
 * Links from a box in front of a cluster to the cells it reaches. When every target sits in the
 * first row of the first group and the box may fan out, one curve per target from the box's
 * bottom. Otherwise the link runs down a lane along the cluster's edge (left for a load balancer,
 * right for an endpoint) with a short arrow into each target: into a node whose side faces the
 * lane, else into its group's label. Lanes never cross a node.
 */
export function targetLinks(
  from: Box,
  cluster: Pick<ClusterBox, 'x' | 'width' | 'groups'>,
  names: readonly string[],
  id: string,
  side: 'left' | 'right',
  fanOut: boolean,
  className = 'rd-link',
): Link[] {
  const cells = cellsFor(cluster.groups, names);
  if (!cells.length) return [];
  const first = cluster.groups[0];
  if (fanOut && cells.every((c) => c.group === first && c.row === 0)) {
    return cells.map((c, i) => link(`${id}-${i}`, bottomOf(from), topOf(c.box), className));
  }
  const laneX = side === 'left' ? cluster.x + (PAD + LANE) / 2 : cluster.x + cluster.width - (PAD + LANE) / 2;
  // A box leaves from its side at half its height, then drops down the lane; a box straddling
  // the lane (above the cluster) drops straight from its bottom edge.
  const straddles = laneX > from.x && laneX < from.x + from.width;
  const start: Point = straddles ? { x: laneX, y: from.y + from.height } : { x: side === 'left' ? from.x : from.x + from.width, y: from.y + from.height / 2 };
  const stubs = new Map<string, { y: number; x: number }>();
  for (const c of cells) {
    const faces = side === 'left' ? c.col === 0 : c.last;
    const labelY = c.group.label[0] ? c.group.label[0].y - FONT.small * 0.35 : c.group.y + 8;
    const target = faces
      ? { y: c.box.y + Math.min(c.box.height / 2, 20), x: side === 'left' ? c.box.x : c.box.x + c.box.width }
      : { y: labelY, x: side === 'left' ? c.group.x - 2 : c.group.x + c.group.width + 2 };
    stubs.set(`${target.x},${target.y}`, target);
  }
  const ordered = [...stubs.values()].sort((a, b) => a.y - b.y);
  const bottom = ordered.at(-1)!;
  const links: Link[] = [elbow(`${id}-lane`, [start, { x: laneX, y: start.y }, { x: laneX, y: bottom.y }], className, false)];
  ordered.forEach((t, i) =>
    links.push(
      elbow(
        `${id}-${i}`,
        [
          { x: laneX, y: t.y },
          { x: t.x, y: t.y },
        ],
        className,
        true,
      ),
    ),
  );
  return links;
}
