// One layout function per figure: plan (+ marks) → Diagram (boxes, links, text with x/y).
// Each picks the cluster its figure is about, so any plan can be drawn by any figure, and each
// fits itself into `maxWidth` CSS pixels: clusters stack and text wraps rather than shrinking.
import { ROLE_TEXT, type Cluster, type NodeRole, type Plan } from '../rules/vocabulary.ts';
import { clusterFacts, clusterPurpose, datastoreOf, quorumOf, rancherCluster } from '../rules/cluster-facts.ts';
import { DOCKER_HOST_KEY } from '../rules/failure.ts';
import type { Severity } from '../rules/report.ts';
import {
  FONT,
  WIDE_WIDTH,
  allNodes,
  bottomOf,
  elbow,
  flow,
  layoutCluster,
  lineHeight,
  link,
  markPart,
  moveLink,
  placeCluster,
  placeShape,
  shape,
  shapeWidth,
  targetLinks,
  textBlock,
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
} from './layout/index.ts';
import { ROLE_ORDER, etcdMembers, nodeKey, plural, type Marks } from './model.ts';

const FLOW_GAP = 24;
/** Between rows of clusters that "manages" links run across. */
const ROW_GAP = 48;
const STEP = 44;

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

interface Parts {
  clusters: ClusterBox[];
  shapes: Shape[];
  links: Link[];
  notes: TextLine[];
}

const empty = (): Parts => ({ clusters: [], shapes: [], links: [], notes: [] });

/** The outer margin: thinner on a phone, where every pixel counts. */
export const marginFor = (maxWidth: number): number => (maxWidth < 480 ? 8 : 16);
/** Width left for the drawing inside the margins. */
const roomOf = (o: FigureOptions): number => {
  const max = o.maxWidth ?? WIDE_WIDTH;
  return max - 2 * marginFor(max);
};

function textExtent(t: TextLine): Box {
  const w = textWidth(t.text, t.size);
  const x = t.anchor === 'middle' ? t.x - w / 2 : t.anchor === 'end' ? t.x - w : t.x;
  return { x, y: t.y - t.size, width: w, height: t.size + 4 };
}

function bounds(p: Parts): Box {
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

function shiftParts(p: Parts, dx: number, dy: number): Parts {
  return {
    clusters: p.clusters.map((c) => placeCluster(c, c.x + dx, c.y + dy)),
    shapes: p.shapes.map((s) => placeShape(s, dx, dy)),
    links: p.links.map((l) => moveLink(l, dx, dy)),
    notes: p.notes.map((t) => ({ ...t, x: t.x + dx, y: t.y + dy })),
  };
}

const TAG_LABEL: Record<string, string> = { LB: 'behind the load balancer', ACE: 'behind the authorized endpoint' };
const LEGEND_ROW = 22;

/** Adds the legend (roles, tags, marks and link kinds in use, wrapped into rows) and the margin; sizes the viewBox. */
function finish(p: Parts, o: FigureOptions): Figure {
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

const clusterOptions = (o: FigureOptions, extra: ClusterLayoutOptions = {}): ClusterLayoutOptions => ({
  columns: o.columns,
  collapseAfter: o.collapseAfter,
  expanded: o.expanded ? new Set(o.expanded) : undefined,
  maxWidth: roomOf(o),
  ...extra,
});

/** A column of shapes stacked top to bottom, centred on `cx`, each linked to the next. */
function stack(specs: { id: string; kind: Shape['kind']; lines: LineSpec[]; width: number; className?: string }[], cx: number, y0: number, p: Parts): number {
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

const missing = (id: string, message: string, o: FigureOptions): Parts => {
  const p = empty();
  p.shapes.push(shape(id, 'note', [{ text: message }], 0, 0, shapeWidth([{ text: message }], roomOf(o), 200)));
  return p;
};

function dockerShape(plan: Plan, marks: Marks, o: FigureOptions): Shape {
  const specs: LineSpec[] = [
    { text: 'Rancher server in one Docker container', className: 'rd-strong' },
    { text: `host ${plan.rancher?.host ?? '(not named)'}`, size: FONT.small, className: 'rd-muted' },
    { text: 'fine for a trial; one node, no spare copy', size: FONT.small, className: 'rd-muted' },
  ];
  return markPart(shape('rancher-docker', 'box', specs, 0, 0, shapeWidth(specs, roomOf(o), 240), 'rd-rancher'), DOCKER_HOST_KEY, marks);
}

function rancherMissing(plan: Plan): string | undefined {
  if (plan.rancher?.install === 'kubernetes' && !rancherCluster(plan)) {
    return plan.rancher.cluster
      ? `Rancher runs on "${plan.rancher.cluster}", which this plan does not list`
      : 'Rancher runs on Kubernetes, but the plan names no cluster for it';
  }
  return undefined;
}

const isCluster = (item: ClusterBox | Shape): item is ClusterBox => 'groups' in item;
const place = (item: ClusterBox | Shape, x: number, y: number): ClusterBox | Shape =>
  isCluster(item) ? placeCluster(item, x, y) : placeShape(item, x - item.x, y - item.y);

function add(p: Parts, item: ClusterBox | Shape): void {
  if (isCluster(item)) p.clusters.push(item);
  else p.shapes.push(item);
}

/**
 * "Rancher manages" links from the Rancher box to each cluster below it, drawn as a bus: down from
 * the Rancher box, across the gap above the first row, and for later rows down a lane left of
 * everything and across the gap above that row. Lines only ever run through gaps.
 */
function manageLinks(from: Box, rows: Box[][], laneX: number): Link[] {
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
function topAndRows(p: Parts, top: ClusterBox | Shape, below: (ClusterBox | Shape)[], room: number, gapAbove: number): void {
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

// ---- the whole plan ----------------------------------------------------------------------

export function planFigure(plan: Plan, marks: Marks, o: FigureOptions = {}): Figure {
  const p = empty();
  const room = roomOf(o);
  const rancher = rancherCluster(plan);
  let top: ClusterBox | Shape | undefined;
  if (plan.rancher?.install === 'docker') top = dockerShape(plan, marks, o);
  else if (rancher) top = layoutCluster(plan, rancher, marks, clusterOptions(o, { endpoints: true }));
  const lost = rancherMissing(plan);
  const others = plan.clusters.filter((c) => c !== rancher).map((c) => layoutCluster(plan, c, marks, clusterOptions(o, { endpoints: true })));
  const items: (ClusterBox | Shape)[] = [];
  if (lost) items.push(shape('rancher-missing', 'note', [{ text: lost }], 0, 0, shapeWidth([{ text: lost }], room, 200)));
  items.push(...others);
  if (top && items.length) topAndRows(p, top, items, room, ROW_GAP);
  else if (top) add(p, top);
  else if (items.length) {
    const f = flow(items, room, FLOW_GAP);
    items.forEach((item, i) => add(p, place(item, f.positions[i]!.x, f.positions[i]!.y)));
  } else return finish(missing('empty', 'No clusters in this plan yet', o), o);
  return finish(p, o);
}

// ---- separation --------------------------------------------------------------------------

export function separationFigure(plan: Plan, marks: Marks, o: FigureOptions = {}): Figure {
  const p = empty();
  const room = roomOf(o);
  const compact = clusterOptions({ ...o, columns: o.columns ?? 3, collapseAfter: o.collapseAfter ?? 6 });
  const rancher = rancherCluster(plan);
  let top: ClusterBox | Shape;
  if (rancher) top = layoutCluster(plan, rancher, marks, compact);
  else if (plan.rancher?.install === 'docker') top = dockerShape(plan, marks, o);
  else {
    const words = rancherMissing(plan) ?? 'This plan does not say where Rancher runs';
    top = shape('rancher-missing', 'note', [{ text: words }], 0, 0, shapeWidth([{ text: words }], room, 240));
  }
  const downstream: (ClusterBox | Shape)[] = plan.clusters.filter((c) => c !== rancher).map((c) => layoutCluster(plan, c, marks, compact));
  if (!downstream.length) {
    const words = 'No downstream clusters in this plan yet';
    downstream.push(shape('no-downstream', 'note', [{ text: words }], 0, 0, shapeWidth([{ text: words }], room, 240)));
  }
  // Room between the Rancher box and the rows for the divider and its two notes.
  const above = textBlock('Rancher server: its own hosts, no apps', 0, 0, room, FONT.small, 'rd-muted rd-note-text');
  const belowNote = textBlock('Downstream clusters: your apps and services', 0, 0, room, FONT.small, 'rd-muted rd-note-text');
  const lh = lineHeight(FONT.small);
  const gap = 12 + above.length * lh + 10 + belowNote.length * lh + 36;
  topAndRows(p, top, downstream, room, gap);
  const topBox = [...p.clusters, ...p.shapes][0]!;
  const width = Math.max(...[...p.clusters, ...p.shapes].map((b) => b.x + b.width));
  const divider = topBox.y + topBox.height + 12 + above.length * lh;
  p.links.push(link('divider', { x: 0, y: divider }, { x: width, y: divider }, 'rd-divider', false, 'horizontal'));
  p.notes.push(...above.map((t, i) => ({ ...t, y: divider - 8 - (above.length - 1 - i) * lh })));
  p.notes.push(...belowNote.map((t, i) => ({ ...t, y: divider + 17 + i * lh })));
  return finish(p, o);
}

// ---- picking the cluster a figure is about -------------------------------------------------

function pick(plan: Plan, prefer: (c: Cluster) => boolean): Cluster | undefined {
  const rancher = rancherCluster(plan);
  if (rancher && prefer(rancher)) return rancher;
  return plan.clusters.find(prefer) ?? rancher ?? plan.clusters[0];
}

/** The etcd members of a cluster as linked data copies, with quorum and fault tolerance. */
function etcdPanel(plan: Plan, cluster: Cluster, marks: Marks, cx: number, y: number, p: Parts, o: FigureOptions): Shape | undefined {
  const members = etcdMembers(cluster);
  if (!members.length) return undefined;
  const room = roomOf(o);
  const limit = Math.max(2, o.collapseAfter ?? 9);
  const keep = (name: string) => marks.keep(nodeKey(cluster.name, name));
  const shown = members.length <= limit ? members : members.filter((m, i) => i < limit - 1 || keep(m.name));
  const hiddenCount = members.length - shown.length;
  const alive = members.filter((m) => !marks.node(cluster.name, m.name).failed).length;
  const { quorum, tolerated } = quorumOf(clusterFacts(plan, cluster, plan.clusters.indexOf(cluster)));
  const lines: LineSpec[] = [
    { text: `etcd: the cluster data, copied to each of ${plural(members.length, 'member')}`, className: 'rd-strong' },
    { text: `quorum ${quorum} of ${members.length} · survives ${plural(tolerated, 'lost member')}`, size: FONT.small, className: 'rd-muted' },
  ];
  if (alive < members.length) {
    lines.push({
      text: `${alive} of ${members.length} up: ${alive >= quorum ? 'quorum kept' : 'quorum lost, the cluster stops accepting writes'}`,
      size: FONT.small,
      className: alive >= quorum ? 'rd-muted' : 'rd-bad',
    });
  }
  const cyl = { width: 104, gap: 18 };
  const count = shown.length + (hiddenCount ? 1 : 0);
  const perRow = Math.max(1, Math.min(count, Math.floor((room - 24 + cyl.gap) / (cyl.width + cyl.gap))));
  const rowWidth = perRow * cyl.width + (perRow - 1) * cyl.gap;
  const width = Math.min(room, Math.max(rowWidth + 24, shapeWidth(lines, room)));
  const frame = shape('etcd', 'note', lines, cx - width / 2, y, width, 'rd-etcd-panel');
  const top = frame.y + frame.height;
  const cylinders: Shape[] = [];
  const rowHeight = 66;
  shown.forEach((m, i) => {
    const failed = marks.node(cluster.name, m.name).failed;
    const x = cx - rowWidth / 2 + (i % perRow) * (cyl.width + cyl.gap);
    const cy = top + Math.floor(i / perRow) * (rowHeight + 12);
    const c = shape(
      `etcd-${m.name}`,
      'cylinder',
      [
        { text: m.name, size: FONT.small, className: 'rd-node-name', fit: true },
        { text: failed ? 'failed' : 'data copy', size: FONT.badge, className: 'rd-muted' },
      ],
      x,
      cy,
      cyl.width,
      `rd-etcd${failed ? ' is-failed' : ''}`,
    );
    cylinders.push({ ...c, crossed: failed });
  });
  if (hiddenCount) {
    const i = shown.length;
    const x = cx - rowWidth / 2 + (i % perRow) * (cyl.width + cyl.gap);
    cylinders.push(
      shape(
        'etcd-more',
        'cylinder',
        [
          { text: `+${hiddenCount} more`, size: FONT.small },
          { text: 'data copies', size: FONT.badge, className: 'rd-muted' },
        ],
        x,
        top + Math.floor(i / perRow) * (rowHeight + 12),
        cyl.width,
        'rd-etcd rd-more',
      ),
    );
  }
  for (let i = 1; i < cylinders.length; i++) {
    const a = cylinders[i - 1]!;
    const b = cylinders[i]!;
    if (Math.abs(a.y - b.y) > 1) continue;
    p.links.push(
      link(`replicate-${i}`, { x: a.x + a.width, y: a.y + a.height / 2 }, { x: b.x, y: b.y + b.height / 2 }, 'rd-link rd-link-replicate', false, 'horizontal'),
    );
  }
  const last = cylinders.at(-1)!;
  frame.height = last.y + last.height + 12 - frame.y;
  p.shapes.push(frame, ...cylinders);
  return frame;
}

// ---- K3s ---------------------------------------------------------------------------------

export function k3sFigure(plan: Plan, marks: Marks, o: FigureOptions = {}): Figure {
  const cluster = pick(plan, (c) => c.distribution === 'k3s');
  if (!cluster) return finish(missing('no-cluster', 'No cluster in this plan to draw', o), o);
  const p = empty();
  const room = roomOf(o);
  const serversFirst = (roles: NodeRole[]) => (roles.includes('server') ? 0 : 1);
  const box = layoutCluster(plan, cluster, marks, clusterOptions(o, { groupOrder: serversFirst, endpoints: { loadBalancer: true } }));
  p.clusters.push(box);
  const cx = box.x + box.width / 2;
  const below = box.y + box.height + STEP;
  const datastore = datastoreOf(cluster);
  if (datastore === 'external' || datastore === 'sqlite') {
    const external = datastore === 'external';
    const specs: LineSpec[] = external
      ? [
          { text: 'External datastore', className: 'rd-strong' },
          { text: 'MySQL, PostgreSQL or etcd', size: FONT.small, className: 'rd-muted' },
          { text: 'holds every byte of cluster state', size: FONT.small, className: 'rd-muted' },
        ]
      : [
          { text: 'SQLite on the server', className: 'rd-strong' },
          { text: 'one copy, on one machine', size: FONT.small, className: 'rd-muted' },
        ];
    const width = shapeWidth(specs, room, 240);
    const store = shape('datastore', 'cylinder', specs, cx - width / 2, below, width, external ? 'rd-datastore' : 'rd-datastore rd-unknown');
    p.shapes.push(store);
    const servers = box.groups[0];
    const oneRow = servers && [...servers.nodes, ...(servers.more ? [servers.more] : [])].every((n) => Math.abs(n.y - servers.nodes[0]!.y) < 1);
    if (box.groups.length === 1 && servers?.roles.includes('server') && oneRow) {
      for (const n of [...servers.nodes, ...(servers.more ? [servers.more] : [])])
        p.links.push(link(`data-${'key' in n ? n.key : 'more'}`, bottomOf(n), topOf(store), 'rd-link rd-link-data'));
    } else {
      p.links.push(link('data', bottomOf(box), topOf(store), 'rd-link rd-link-data'));
    }
    if (external) {
      p.notes.push(
        ...textBlock(
          'Servers keep no state of their own: replace one and nothing is lost',
          cx,
          store.y + store.height + 22,
          Math.min(room, Math.max(box.width, 520)),
          FONT.small,
          'rd-muted',
          'middle',
        ),
      );
    }
  } else {
    const panel = etcdPanel(plan, cluster, marks, cx, below, p, o);
    if (panel) p.links.push(link('etcd', bottomOf(box), topOf(panel), 'rd-link rd-link-data'));
  }
  return finish(p, o);
}

// ---- RKE ---------------------------------------------------------------------------------

export function rkeFigure(plan: Plan, marks: Marks, o: FigureOptions = {}): Figure {
  const cluster = pick(plan, (c) => c.distribution === 'rke');
  if (!cluster) return finish(missing('no-cluster', 'No cluster in this plan to draw', o), o);
  const p = empty();
  const box = layoutCluster(plan, cluster, marks, clusterOptions(o, { endpoints: { loadBalancer: true } }));
  p.clusters.push(box);
  const cx = box.x + box.width / 2;
  const panel = etcdPanel(plan, cluster, marks, cx, box.y + box.height + STEP, p, o);
  if (panel) p.links.push(link('etcd', bottomOf(box), topOf(panel), 'rd-link rd-link-data'));
  else
    p.notes.push(
      ...textBlock(
        'No etcd node: RKE has nowhere to keep the cluster data',
        cx,
        box.y + box.height + 30,
        Math.min(roomOf(o), box.width),
        FONT.small,
        'rd-bad',
        'middle',
      ),
    );
  return finish(p, o);
}

// ---- load balancer -----------------------------------------------------------------------

const INNER_TOP = 46;

function ingressParts(cluster: Cluster) {
  const tlsAtLb = cluster.loadBalancer?.tlsTermination === 'load-balancer';
  return (box: Box): { shapes: Shape[]; links: Link[] } => {
    const w = box.width - 16;
    const x = box.x + 8;
    const node = cluster.nodes.find((n) => n.name === (box as { name?: string }).name);
    const runsIngress = cluster.distribution !== 'rke' || !node || node.roles.includes('worker');
    if (!runsIngress) {
      return {
        shapes: [
          shape(
            `noingress`,
            'note',
            [
              { text: 'no ingress here', size: FONT.badge },
              { text: '(not a worker)', size: FONT.badge },
            ],
            x,
            box.y + INNER_TOP,
            w,
            'rd-muted-box',
          ),
        ],
        links: [],
      };
    }
    const ingress = shape(
      'ingress',
      'box',
      [
        { text: 'Ingress controller', size: FONT.small, className: 'rd-strong' },
        ...(tlsAtLb
          ? [
              { text: 'plain HTTP from', size: FONT.badge },
              { text: 'the balancer', size: FONT.badge },
            ]
          : [
              { text: 'TLS ends on :443', size: FONT.badge },
              { text: 'HTTP :80 → HTTPS', size: FONT.badge },
            ]),
      ],
      x,
      box.y + INNER_TOP,
      w,
      'rd-ingress',
    );
    const pod = shape(
      'pod',
      'box',
      [
        { text: 'Rancher pod', size: FONT.small, className: 'rd-strong' },
        { text: 'serves on :80', size: FONT.badge },
      ],
      x,
      ingress.y + ingress.height + 18,
      w,
      'rd-pod',
    );
    return { shapes: [ingress, pod], links: [link('ingress-pod', bottomOf(ingress), topOf(pod), 'rd-link rd-link-inner')] };
  };
}

export function loadBalancerFigure(plan: Plan, marks: Marks, o: FigureOptions = {}): Figure {
  const cluster = pick(plan, (c) => Boolean(c.loadBalancer));
  if (!cluster) return finish(missing('no-cluster', 'No cluster in this plan to draw', o), o);
  const p = empty();
  const room = roomOf(o);
  const targets = cluster.loadBalancer?.targets ?? [];
  const parts = ingressParts(cluster);
  const nodeWidth = 150;
  // Measure the parts once on a sample box: ingress, gap, pod, then the status line.
  const sample = parts({ x: 0, y: 0, width: nodeWidth, height: 0 });
  const tall = Math.max(...sample.shapes.map((s) => s.y + s.height)) + 26;
  const box0 = layoutCluster(
    plan,
    cluster,
    marks,
    clusterOptions(o, {
      nodeWidth,
      minNodeWidth: nodeWidth,
      columns: o.columns ?? 5,
      collapseAfter: o.collapseAfter ?? 5,
      groupOrder: () => 0,
      lanes: { left: true },
      nodeExtras: () => ({ height: tall, inner: (b) => parts(b) }),
    }),
  );
  const lb = cluster.loadBalancer;
  const width = Math.max(box0.width, Math.min(room, 300));
  const cx = width / 2;
  const entry = Math.min(room, 280);
  let y = stack(
    [
      { id: 'client', kind: 'client', lines: [{ text: 'Browser, CLI or API client', className: 'rd-strong' }], width: entry },
      {
        id: 'dns',
        kind: 'box',
        lines: [
          { text: 'DNS name for Rancher', className: 'rd-strong' },
          { text: 'resolves to the load balancer', size: FONT.small, className: 'rd-muted' },
        ],
        width: entry,
        className: 'rd-dns',
      },
    ],
    cx,
    0,
    p,
  );
  if (lb) {
    const specs: LineSpec[] = [
      { text: `Layer-${lb.layer} load balancer (${lb.layer === 4 ? 'TCP' : 'HTTP'})`, className: 'rd-strong' },
      { text: `passes TCP ${lb.ports.join(' and ')} on to ${plural(targets.length, 'node')}`, size: FONT.small, className: 'rd-muted' },
    ];
    const w = shapeWidth(specs, room, 260);
    const sh = shape('load-balancer', 'box', specs, cx - w / 2, y, w, lb.layer === 4 ? 'rd-lb' : 'rd-lb has-warning');
    p.links.push(link('dns-lb', bottomOf(p.shapes.at(-1)!), topOf(sh)));
    p.shapes.push(sh);
    y = sh.y + sh.height + STEP + 8;
    const box = placeCluster(box0, cx - box0.width / 2, y);
    p.clusters.push(box);
    p.links.push(...targetLinks(sh, box, targets, 'lb', 'left', true));
  } else {
    const words = 'No load balancer: clients depend on one node';
    const sh = shape('no-lb', 'note', [{ text: words, className: 'rd-bad' }], cx - Math.min(room, 340) / 2, y, Math.min(room, 340), 'has-warning');
    p.links.push(link('dns-nolb', bottomOf(p.shapes.at(-1)!), topOf(sh)));
    p.shapes.push(sh);
    const box = placeCluster(box0, cx - box0.width / 2, sh.y + sh.height + STEP);
    p.clusters.push(box);
  }
  return finish(p, o);
}

// ---- node roles --------------------------------------------------------------------------

export function nodeRolesFigure(plan: Plan, marks: Marks, o: FigureOptions = {}): Figure {
  const rancher = rancherCluster(plan);
  const clusters = rancher ? [rancher, ...plan.clusters.filter((c) => c !== rancher)] : plan.clusters;
  if (!clusters.length) return finish(missing('empty', 'No clusters in this plan yet', o), o);
  const boxes = clusters.map((c) => layoutCluster(plan, c, marks, clusterOptions(o, { columns: o.columns ?? 3 })));
  const f = flow(boxes, roomOf(o), 32);
  const p = empty();
  boxes.forEach((b, i) => p.clusters.push(placeCluster(b, f.positions[i]!.x, f.positions[i]!.y)));
  return finish(p, o);
}

// ---- authorized cluster endpoint ---------------------------------------------------------

export function authorizedEndpointFigure(plan: Plan, marks: Marks, o: FigureOptions = {}): Figure {
  const cluster = plan.clusters.find((c) => c.authorizedEndpoint) ?? plan.clusters.find((c) => clusterPurpose(plan, c) !== 'rancher') ?? plan.clusters[0];
  if (!cluster) return finish(missing('no-cluster', 'No cluster in this plan to draw', o), o);
  const room = roomOf(o);
  const ace = cluster.authorizedEndpoint;
  const controlplanes = cluster.nodes.filter((n) => n.roles.includes('controlplane') || n.roles.includes('server')).map((n) => n.name);
  const targets = ace?.targets.length ? ace.targets : [];
  const reached = targets.length ? targets : controlplanes.slice(0, 1);
  const box0 = layoutCluster(
    plan,
    cluster,
    marks,
    clusterOptions(o, {
      groupOrder: (roles) => (roles.includes('controlplane') || roles.includes('server') ? 0 : 1),
      lanes: { left: true },
    }),
  );
  const p = empty();
  const boxWidth = Math.min(room, 320);
  const width = Math.max(box0.width, boxWidth);
  const cx = width / 2;
  const ca: LineSpec = !ace?.privateCA
    ? { text: 'certificate from a public CA', size: FONT.small, className: 'rd-muted' }
    : ace.caCertificate
      ? { text: 'carries the private CA certificate', size: FONT.small, className: 'rd-muted' }
      : { text: 'private CA certificate not supplied', size: FONT.small, className: 'rd-bad' };
  const client = [
    {
      id: 'kubeconfig',
      kind: 'client' as const,
      width: boxWidth,
      lines: [
        { text: 'kubectl with a generated kubeconfig', className: 'rd-strong' },
        { text: `server: ${ace?.fqdn ? `https://${ace.fqdn}` : 'one controlplane node'}`, size: FONT.small, className: 'rd-mono' },
        ca,
      ],
    },
  ];
  let y: number;
  if (ace?.fqdn) {
    y = stack(
      [
        ...client,
        {
          id: 'fqdn',
          kind: 'box',
          width: boxWidth,
          className: 'rd-dns',
          lines: [
            { text: `FQDN ${ace.fqdn}`, className: 'rd-strong rd-mono' },
            { text: 'points at the load balancer', size: FONT.small, className: 'rd-muted' },
          ],
        },
        {
          id: 'load-balancer',
          kind: 'box',
          width: boxWidth,
          className: 'rd-lb',
          lines: [
            { text: 'Load balancer', className: 'rd-strong' },
            { text: `spreads API calls over ${plural(new Set(reached).size, 'controlplane node')}`, size: FONT.small, className: 'rd-muted' },
          ],
        },
      ],
      cx,
      0,
      p,
    );
  } else {
    y = stack(client, cx, 0, p);
    const warn = textBlock('No FQDN: if this one node goes down, so does direct access', cx, y - STEP + 18, boxWidth, FONT.small, 'rd-bad', 'middle');
    p.notes.push(...warn);
    y += 12 + (warn.length - 1) * lineHeight(FONT.small);
  }
  const entry = p.shapes.at(-1)!;
  const box = placeCluster(box0, cx - box0.width / 2, y);
  p.clusters.push(box);
  p.links.push(...targetLinks(entry, box, reached, 'ace', 'left', true));
  return finish(p, o);
}
