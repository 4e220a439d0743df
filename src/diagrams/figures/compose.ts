// What every figure is assembled with: the options, the parts (clusters, shapes, links, notes),
// the legend and margin that finish a figure, and the helpers that stack and place parts in rows.
import { ROLE_TEXT, type NodeRole, type Plan } from '../../rules/vocabulary.ts';
import { rancherCluster } from '../../rules/cluster-facts.ts';
import type { Severity } from '../../rules/report.ts';
import {
  FONT,
  WIDE_WIDTH,
  allNodes,
  bottomOf,
  elbow,
  flow,
  link,
  markPart,
  moveLink,
  placeCluster,
  placeShape,
  shape,
  shapeWidth,
  tagWidth,
  textWidth,
  topOf,
  type Box,
  type ClusterBox,
  type ClusterLayoutOptions,
  type Diagram,
  type LineSpec,
  type Link,
  type Point,
  type Shape,
  type TextLine,
} from '../layout/index.ts';
import { ROLE_ORDER, type Marks } from '../model.ts';
import { DOCKER_HOST_KEY } from '../../rules/keys.ts';

export const FLOW_GAP = 24;
/** Between rows of clusters that "manages" links run across. */
export const ROW_GAP = 48;
export const STEP = 44;

export interface FigureOptions {
  collapseAfter?: number;
  columns?: number;
  /** Widest the whole diagram may be, in CSS pixels (default WIDE_WIDTH). */
  maxWidth?: number;
  /** Role groups ("<cluster>/<role signature>") drawn whole instead of as a count. */
  expanded?: readonly string[];
}

export type LegendItem =
  | { kind: 'role'; role: NodeRole; x: number; y: number; label: string }
  | { kind: 'mark'; mark: 'failed' | Severity; x: number; y: number; label: string }
  | { kind: 'tag'; tag: string; x: number; y: number; label: string }
  | { kind: 'link'; className: string; x: number; y: number; label: string };

export interface Legend {
  items: LegendItem[];
}

export interface Figure extends Diagram {
  legend: Legend;
}

export interface Parts {
  clusters: ClusterBox[];
  shapes: Shape[];
  links: Link[];
  notes: TextLine[];
}

export const empty = (): Parts => ({ clusters: [], shapes: [], links: [], notes: [] });

/** The outer margin: thinner on a phone, where every pixel counts. */
export const marginFor = (maxWidth: number): number => (maxWidth < 480 ? 8 : 16);
/** Width left for the drawing inside the margins. */
export const roomOf = (o: FigureOptions): number => {
  const max = o.maxWidth ?? WIDE_WIDTH;
  return max - 2 * marginFor(max);
};

export function textExtent(t: TextLine): Box {
  const w = textWidth(t.text, t.size);
  const x = t.anchor === 'middle' ? t.x - w / 2 : t.anchor === 'end' ? t.x - w : t.x;
  return { x, y: t.y - t.size, width: w, height: t.size + 4 };
}

export function bounds(p: Parts): Box {
  const boxes: Box[] = [...p.clusters, ...p.shapes, ...p.notes.map(textExtent)];
  const xs = boxes.flatMap((b) => [b.x, b.x + b.width]);
  const ys = boxes.flatMap((b) => [b.y, b.y + b.height]);
  for (const l of [...p.links, ...p.clusters.flatMap((c) => c.links)]) {
    for (const pt of [l.from, l.to, ...(l.via ?? [])]) {
      xs.push(pt.x);
      ys.push(pt.y);
    }
  }
  if (!xs.length) return { x: 0, y: 0, width: 0, height: 0 };
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

export function shiftParts(p: Parts, dx: number, dy: number): Parts {
  return {
    clusters: p.clusters.map((c) => placeCluster(c, c.x + dx, c.y + dy)),
    shapes: p.shapes.map((s) => placeShape(s, dx, dy)),
    links: p.links.map((l) => moveLink(l, dx, dy)),
    notes: p.notes.map((t) => ({ ...t, x: t.x + dx, y: t.y + dy })),
  };
}

export const TAG_LABEL: Record<string, string> = { LB: 'behind the load balancer', ACE: 'behind the authorized endpoint' };
export const LEGEND_ROW = 22;

/** Adds the legend (roles, tags, marks and link kinds in use, wrapped into rows) and the margin; sizes the viewBox. */
export function finish(p: Parts, o: FigureOptions): Figure {
  const max = o.maxWidth ?? WIDE_WIDTH;
  const margin = marginFor(max);
  const room = max - 2 * margin;
  const b = bounds(p);
  const moved = shiftParts(p, margin - b.x, margin - b.y);
  const nodes = allNodes(moved);
  type Entry = { width: number; make: (x: number, y: number) => LegendItem };
  const entries: Entry[] = [];
  const label = (text: string) => textWidth(text, FONT.small);
  for (const role of ROLE_ORDER.filter((r) => nodes.some((n) => n.roles.includes(r)))) {
    entries.push({ width: 22 + label(ROLE_TEXT[role].legend), make: (x, y) => ({ kind: 'role', role, x, y, label: ROLE_TEXT[role].legend }) });
  }
  for (const tag of ['LB', 'ACE'].filter((t) => nodes.some((n) => n.showTags && n.tags.includes(t)))) {
    const text = TAG_LABEL[tag]!;
    entries.push({ width: tagWidth(tag) + 6 + label(text), make: (x, y) => ({ kind: 'tag', tag, x, y, label: text }) });
  }
  const used = (k: 'failed' | Severity) => nodes.some((n) => (k === 'failed' ? n.marks.failed : n.marks.severity === k));
  for (const [mark, text] of [
    ['failed', 'failed'],
    ['error', 'error'],
    ['warning', 'warning'],
    ['info', 'note'],
  ] as const) {
    if (used(mark)) entries.push({ width: 20 + label(text), make: (x, y) => ({ kind: 'mark', mark, x, y, label: text }) });
  }
  if (moved.links.some((l) => l.className.includes('rd-link-manage'))) {
    entries.push({
      width: 30 + label('Rancher manages'),
      make: (x, y) => ({ kind: 'link', className: 'rd-link rd-link-manage', x, y, label: 'Rancher manages' }),
    });
  }
  const items: LegendItem[] = [];
  let x = margin;
  let y = margin + b.height + 26;
  let widest = 0;
  for (const e of entries) {
    if (x > margin && x + e.width > margin + Math.max(room, b.width)) {
      x = margin;
      y += LEGEND_ROW;
    }
    items.push(e.make(x, y));
    x += e.width + 16;
    widest = Math.max(widest, x - 16 - margin);
  }
  const legendHeight = entries.length ? y - (margin + b.height) + 8 : 0;
  return {
    ...moved,
    width: Math.ceil(Math.max(b.width, widest) + 2 * margin),
    height: Math.ceil(b.height + 2 * margin + legendHeight),
    legend: { items },
  };
}

export const clusterOptions = (o: FigureOptions, extra: ClusterLayoutOptions = {}): ClusterLayoutOptions => ({
  columns: o.columns,
  collapseAfter: o.collapseAfter,
  expanded: o.expanded ? new Set(o.expanded) : undefined,
  maxWidth: roomOf(o),
  ...extra,
});

/** A column of shapes stacked top to bottom, centred on `cx`, each linked to the next. */
export function stack(
  specs: { id: string; kind: Shape['kind']; lines: LineSpec[]; width: number; className?: string }[],
  cx: number,
  y0: number,
  p: Parts,
): number {
  let y = y0;
  let prev: Shape | undefined;
  for (const s of specs) {
    const sh = shape(s.id, s.kind, s.lines, cx - s.width / 2, y, s.width, s.className);
    if (prev) p.links.push(link(`${prev.id}-${sh.id}`, bottomOf(prev), topOf(sh)));
    p.shapes.push(sh);
    prev = sh;
    y = sh.y + sh.height + STEP;
  }
  return y;
}

export const missing = (id: string, message: string, o: FigureOptions): Parts => {
  const p = empty();
  p.shapes.push(shape(id, 'note', [{ text: message }], 0, 0, shapeWidth([{ text: message }], roomOf(o), 200)));
  return p;
};

export function dockerShape(plan: Plan, marks: Marks, o: FigureOptions): Shape {
  const specs: LineSpec[] = [
    { text: 'Rancher server in one Docker container', className: 'rd-strong' },
    { text: `host ${plan.rancher?.host ?? '(not named)'}`, size: FONT.small, className: 'rd-muted' },
    { text: 'fine for a trial; one node, no spare copy', size: FONT.small, className: 'rd-muted' },
  ];
  return markPart(shape('rancher-docker', 'box', specs, 0, 0, shapeWidth(specs, roomOf(o), 240), 'rd-rancher'), DOCKER_HOST_KEY, marks);
}

export function rancherMissing(plan: Plan): string | undefined {
  if (plan.rancher?.install === 'kubernetes' && !rancherCluster(plan)) {
    return plan.rancher.cluster
      ? `Rancher runs on "${plan.rancher.cluster}", which this plan does not list`
      : 'Rancher runs on Kubernetes, but the plan names no cluster for it';
  }
  return undefined;
}

export const isCluster = (item: ClusterBox | Shape): item is ClusterBox => 'groups' in item;
export const place = (item: ClusterBox | Shape, x: number, y: number): ClusterBox | Shape =>
  isCluster(item) ? placeCluster(item, x, y) : placeShape(item, x - item.x, y - item.y);

export function add(p: Parts, item: ClusterBox | Shape): void {
  if (isCluster(item)) p.clusters.push(item);
  else p.shapes.push(item);
}

/**
 * "Rancher manages" links from the Rancher box to each cluster below it, drawn as a bus: down from
 * the Rancher box, across the gap above the first row, and for later rows down a lane left of
 * everything and across the gap above that row. Lines only ever run through gaps.
 */
export function manageLinks(from: Box, rows: Box[][], laneX: number): Link[] {
  const links: Link[] = [];
  const trunk: Point = bottomOf(from);
  rows.forEach((row, r) => {
    const top = Math.min(...row.map((b) => b.y));
    const busY = top - 22;
    const firstBus = Math.min(...rows[0]!.map((b) => b.y)) - 22;
    for (const target of row) {
      const tx = target.x + target.width / 2;
      const points: Point[] =
        r === 0
          ? [trunk, { x: trunk.x, y: busY }, { x: tx, y: busY }, topOf(target)]
          : [trunk, { x: trunk.x, y: firstBus }, { x: laneX, y: firstBus }, { x: laneX, y: busY }, { x: tx, y: busY }, topOf(target)];
      const clean = points.filter((pt, i) => i === 0 || pt.x !== points[i - 1]!.x || pt.y !== points[i - 1]!.y);
      links.push(elbow(`manages-${r}-${links.length}`, clean, 'rd-link rd-link-manage'));
    }
  });
  return links;
}

/** Puts `top` above rows of `below` (flowed into `room`), links them, and returns where the rows start. */
export function topAndRows(p: Parts, top: ClusterBox | Shape, below: (ClusterBox | Shape)[], room: number, gapAbove: number): void {
  const rows = flow(below, room, FLOW_GAP, ROW_GAP);
  const width = Math.max(top.width, rows.width);
  const placedTop = place(top, (width - top.width) / 2, 0);
  add(p, placedTop);
  const rowsTop = placedTop.y + placedTop.height + gapAbove;
  const offset = (width - rows.width) / 2;
  const placed = below.map((item, i) => place(item, offset + rows.positions[i]!.x, rowsTop + rows.positions[i]!.y));
  placed.forEach((item) => add(p, item));
  const laneX = Math.min(0, ...placed.map((b) => b.x)) - 14;
  p.links.push(
    ...manageLinks(
      placedTop,
      rows.rows.map((r) => r.map((i) => placed[i]!)),
      laneX,
    ),
  );
}
