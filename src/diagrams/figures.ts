// One layout function per figure: plan (+ marks) → Diagram (boxes, links, text with x/y).
// Each picks the cluster its figure is about, so any plan can be drawn by any figure.
import type { Cluster, NodeRole, Plan } from '../rules/vocabulary.ts';
import { datastoreOf, rancherCluster } from '../rules/cluster-facts.ts';
import type { Severity } from '../rules/report.ts';
import {
  FONT,
  allNodes,
  bottomOf,
  flow,
  layoutCluster,
  link,
  moveLink,
  placeCluster,
  placeShape,
  shape,
  text,
  topOf,
  type Box,
  type ClusterBox,
  type ClusterLayoutOptions,
  type Diagram,
  type Link,
  type Shape,
  type TextLine,
} from './layout.ts';
import { ROLE_ORDER, clusterPurpose, etcdMembers, nodeKey, plural, quorumOf, toleratedOf, type Marks } from './model.ts';

export const MARGIN = 16;
/** Widest a row of clusters grows before wrapping: about a docs column at a readable scale. */
export const MAX_ROW_WIDTH = 900;
const FLOW_GAP = 24;
const STEP = 44;

export interface FigureOptions {
  collapseAfter?: number;
  columns?: number;
}

export interface Legend {
  y: number;
  items: { kind: 'role'; role: NodeRole; x: number; label: string }[];
  marks: { kind: 'failed' | Severity; x: number; label: string }[];
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

function bounds(p: Parts): Box {
  const boxes: Box[] = [...p.clusters, ...p.shapes];
  const xs = boxes.flatMap((b) => [b.x, b.x + b.width]);
  const ys = boxes.flatMap((b) => [b.y, b.y + b.height]);
  for (const n of p.notes) {
    const w = n.text.length * n.size * 0.6;
    const x0 = n.anchor === 'middle' ? n.x - w / 2 : n.anchor === 'end' ? n.x - w : n.x;
    xs.push(x0, x0 + w);
    ys.push(n.y - n.size, n.y + 4);
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

const LEGEND_LABEL: Record<NodeRole, string> = {
  etcd: 'etcd',
  controlplane: 'controlplane',
  worker: 'worker',
  server: 'server (K3s, RKE2)',
  agent: 'agent (K3s, RKE2)',
};

/** Adds the legend (roles drawn, and the marks in use) and the outer margin; sizes the viewBox. */
function finish(p: Parts): Figure {
  const b = bounds(p);
  const moved = shiftParts(p, MARGIN - b.x, MARGIN - b.y);
  const nodes = allNodes(moved);
  const roles = ROLE_ORDER.filter((r) => nodes.some((n) => n.roles.includes(r)));
  const items: Legend['items'] = [];
  const marks: Legend['marks'] = [];
  let x = MARGIN;
  const y = MARGIN + b.height + 22;
  for (const role of roles) {
    items.push({ kind: 'role', role, x, label: LEGEND_LABEL[role] });
    x += 24 + LEGEND_LABEL[role].length * FONT.small * 0.6 + 16;
  }
  const used = (k: 'failed' | Severity) => nodes.some((n) => (k === 'failed' ? n.marks.failed : n.marks.severity === k));
  for (const [kind, label] of [
    ['failed', 'failed'],
    ['error', 'error'],
    ['warning', 'warning'],
    ['info', 'note'],
  ] as const) {
    if (!used(kind)) continue;
    marks.push({ kind, x, label });
    x += 22 + label.length * FONT.small * 0.6 + 16;
  }
  const hasLegend = items.length + marks.length > 0;
  return {
    ...moved,
    width: Math.ceil(Math.max(b.width, x - MARGIN) + 2 * MARGIN),
    height: Math.ceil(b.height + 2 * MARGIN + (hasLegend ? 30 : 0)),
    legend: { y, items, marks },
  };
}

const clusterOptions = (o: FigureOptions, extra: ClusterLayoutOptions = {}): ClusterLayoutOptions => ({
  columns: o.columns,
  collapseAfter: o.collapseAfter,
  ...extra,
});

/** The node (or the "+N more" box standing in for it) a link should reach. */
function nodeTarget(c: ClusterBox, name: string): Box | undefined {
  for (const g of c.groups) {
    const n = g.nodes.find((x) => x.name === name);
    if (n) return n;
    if (g.more?.hidden.includes(name)) return g.more;
  }
  return undefined;
}

function linksTo(from: Box, c: ClusterBox, names: string[], id: string, className = 'rd-link'): Link[] {
  const seen = new Set<Box>();
  const out: Link[] = [];
  for (const name of names) {
    const target = nodeTarget(c, name);
    if (!target || seen.has(target)) continue;
    seen.add(target);
    out.push(link(`${id}-${name}`, bottomOf(from), topOf(target), className));
  }
  return out;
}

/** A column of shapes stacked top to bottom, centred on `cx`, each linked to the next. */
function stack(
  specs: { id: string; kind: Shape['kind']; lines: Parameters<typeof shape>[2]; width: number; className?: string }[],
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

const missing = (id: string, message: string): Parts => {
  const p = empty();
  p.shapes.push(shape(id, 'note', [{ text: message }], 0, 0, Math.max(260, message.length * FONT.text * 0.6 + 24)));
  return p;
};

function dockerShape(plan: Plan, x: number, y: number): Shape {
  return shape(
    'rancher-docker',
    'box',
    [
      { text: 'Rancher server in one Docker container', className: 'rd-strong' },
      { text: `host ${plan.rancher?.host ?? '(not named)'}`, size: FONT.small, className: 'rd-muted' },
      { text: 'fine for a trial; one node, no spare copy', size: FONT.small, className: 'rd-muted' },
    ],
    x,
    y,
    300,
    'rd-rancher',
  );
}

function rancherMissing(plan: Plan): string | undefined {
  if (plan.rancher?.install === 'kubernetes' && !rancherCluster(plan)) {
    return plan.rancher.cluster
      ? `Rancher runs on "${plan.rancher.cluster}", which this plan does not list`
      : 'Rancher runs on Kubernetes, but the plan names no cluster for it';
  }
  return undefined;
}

// ---- the whole plan ----------------------------------------------------------------------

export function planFigure(plan: Plan, marks: Marks, o: FigureOptions = {}): Figure {
  const p = empty();
  const rancher = rancherCluster(plan);
  const ordered = rancher ? [rancher, ...plan.clusters.filter((c) => c !== rancher)] : plan.clusters;
  const items: (ClusterBox | Shape)[] = [];
  if (plan.rancher?.install === 'docker') items.push(dockerShape(plan, 0, 0));
  const lost = rancherMissing(plan);
  if (lost) items.push(shape('rancher-missing', 'note', [{ text: lost }], 0, 0, 300));
  for (const c of ordered) items.push(layoutCluster(plan, c, marks, clusterOptions(o, { endpoints: true })));
  if (!items.length) return finish(missing('empty', 'No clusters in this plan yet'));
  const f = flow(items, Math.max(MAX_ROW_WIDTH, ...items.map((i) => i.width)), FLOW_GAP);
  items.forEach((item, i) => {
    const at = f.positions[i]!;
    if ('groups' in item) p.clusters.push(placeCluster(item, at.x, at.y));
    else p.shapes.push(placeShape(item, at.x - item.x, at.y - item.y));
  });
  return finish(p);
}

// ---- separation --------------------------------------------------------------------------

export function separationFigure(plan: Plan, marks: Marks, o: FigureOptions = {}): Figure {
  const p = empty();
  const compact = { columns: o.columns ?? 3, collapseAfter: o.collapseAfter ?? 6 };
  const rancher = rancherCluster(plan);
  let top: ClusterBox | Shape;
  if (rancher) top = layoutCluster(plan, rancher, marks, compact);
  else if (plan.rancher?.install === 'docker') top = dockerShape(plan, 0, 0);
  else top = shape('rancher-missing', 'note', [{ text: rancherMissing(plan) ?? 'This plan does not say where Rancher runs' }], 0, 0, 320);
  const downstream = plan.clusters.filter((c) => c !== rancher).map((c) => layoutCluster(plan, c, marks, compact));
  const row = flow(downstream, Math.max(MAX_ROW_WIDTH, ...downstream.map((d) => d.width)), FLOW_GAP);
  const width = Math.max(top.width, row.width, 320);
  const topX = (width - top.width) / 2;
  let topBox: Box;
  if ('groups' in top) {
    const placed = placeCluster(top, topX, 0);
    p.clusters.push(placed);
    topBox = placed;
  } else {
    const placed = placeShape(top, topX - top.x, -top.y);
    p.shapes.push(placed);
    topBox = placed;
  }
  const divider = topBox.height + 40;
  p.links.push(link('divider', { x: 0, y: divider }, { x: width, y: divider }, 'rd-divider', false, 'horizontal'));
  p.notes.push(text('Rancher server: its own hosts, no apps', 0, divider - 8, width, FONT.small, 'rd-muted rd-note-text'));
  p.notes.push(text('Downstream clusters: your apps and services', 0, divider + 18, width, FONT.small, 'rd-muted rd-note-text'));
  const rowY = divider + 40;
  if (!downstream.length) {
    const note = shape('no-downstream', 'note', [{ text: 'No downstream clusters in this plan yet' }], (width - 320) / 2, rowY, 320);
    p.shapes.push(note);
    p.links.push(link('manages-none', bottomOf(topBox), topOf(note), 'rd-link rd-link-manage'));
  }
  const offset = (width - row.width) / 2;
  downstream.forEach((d, i) => {
    const at = row.positions[i]!;
    const placed = placeCluster(d, offset + at.x, rowY + at.y);
    p.clusters.push(placed);
    p.links.push(link(`manages-${d.name}`, bottomOf(topBox), topOf(placed), 'rd-link rd-link-manage'));
  });
  return finish(p);
}

// ---- picking the cluster a figure is about -------------------------------------------------

function pick(plan: Plan, prefer: (c: Cluster) => boolean): Cluster | undefined {
  const rancher = rancherCluster(plan);
  if (rancher && prefer(rancher)) return rancher;
  return plan.clusters.find(prefer) ?? rancher ?? plan.clusters[0];
}

/** Load balancer (when the cluster has one) above the cluster, linked to its targets. */
function balancerOver(cluster: Cluster, box: ClusterBox, p: Parts, y: number): void {
  const lb = cluster.loadBalancer;
  if (!lb) return;
  const cx = box.x + box.width / 2;
  const sh = shape(
    'load-balancer',
    'box',
    [
      { text: `Layer-${lb.layer} load balancer`, className: 'rd-strong' },
      { text: `TCP ${lb.ports.join(', ')} to ${plural(lb.targets.length, 'node')}`, size: FONT.small, className: 'rd-muted' },
    ],
    cx - 130,
    y,
    260,
    'rd-lb',
  );
  p.shapes.push(sh);
  p.links.push(...linksTo(sh, box, lb.targets, 'lb'));
}

/** The etcd members of a cluster as linked data copies, with quorum and fault tolerance. */
function etcdPanel(cluster: Cluster, marks: Marks, cx: number, y: number, p: Parts, o: FigureOptions): Shape | undefined {
  const members = etcdMembers(cluster);
  if (!members.length) return undefined;
  const limit = Math.max(2, o.collapseAfter ?? 9);
  const keep = (name: string) => marks.keep(nodeKey(cluster.name, name));
  const shown = members.length <= limit ? members : members.filter((m, i) => i < limit - 1 || keep(m.name));
  const hiddenCount = members.length - shown.length;
  const alive = members.filter((m) => !marks.node(cluster.name, m.name).failed).length;
  const quorum = quorumOf(members.length);
  const lines = [
    { text: `etcd: the cluster data, copied to each of ${plural(members.length, 'member')}`, className: 'rd-strong' },
    { text: `quorum ${quorum} of ${members.length} · survives ${plural(toleratedOf(members.length), 'lost member')}`, size: FONT.small, className: 'rd-muted' },
  ];
  if (alive < members.length) {
    lines.push({
      text: `${alive} of ${members.length} up: ${alive >= quorum ? 'quorum kept' : 'quorum lost, the cluster stops accepting writes'}`,
      size: FONT.small,
      className: alive >= quorum ? 'rd-muted' : 'rd-bad',
    });
  }
  const cyl = { width: 96, gap: 22 };
  const count = shown.length + (hiddenCount ? 1 : 0);
  const perRow = Math.max(1, Math.min(count, Math.floor((MAX_ROW_WIDTH - 24 + cyl.gap) / (cyl.width + cyl.gap))));
  const rowWidth = perRow * cyl.width + (perRow - 1) * cyl.gap;
  const width = Math.max(rowWidth + 32, ...lines.map((l) => l.text.length * (l.size ?? FONT.text) * 0.6 + 56));
  const frame = shape('etcd', 'note', lines, cx - width / 2, y, width, 'rd-etcd-panel');
  const top = frame.y + frame.height;
  const cylinders: Shape[] = [];
  const rowHeight = 62;
  shown.forEach((m, i) => {
    const failed = marks.node(cluster.name, m.name).failed;
    const x = cx - rowWidth / 2 + (i % perRow) * (cyl.width + cyl.gap);
    const cy = top + Math.floor(i / perRow) * (rowHeight + 12);
    cylinders.push({
      ...shape(
        `etcd-${m.name}`,
        'cylinder',
        [
          { text: m.name, size: FONT.small, className: 'rd-node-name' },
          { text: failed ? 'failed' : 'data copy', size: FONT.badge, className: 'rd-muted' },
        ],
        x,
        cy,
        cyl.width,
        `rd-etcd${failed ? ' is-failed' : ''}`,
      ),
      crossed: failed,
    });
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
  if (!cluster) return finish(missing('no-cluster', 'No cluster in this plan to draw'));
  const p = empty();
  const serversFirst = (roles: NodeRole[]) => (roles.includes('server') ? 0 : 1);
  const lbSpace = cluster.loadBalancer ? 96 : 0;
  const box = placeCluster(layoutCluster(plan, cluster, marks, clusterOptions(o, { groupOrder: serversFirst })), 0, lbSpace);
  p.clusters.push(box);
  balancerOver(cluster, box, p, 0);
  const cx = box.x + box.width / 2;
  const below = box.y + box.height + STEP;
  const datastore = datastoreOf(cluster);
  if (datastore === 'external' || datastore === 'sqlite') {
    const external = datastore === 'external';
    const store = shape(
      'datastore',
      'cylinder',
      external
        ? [
            { text: 'External datastore', className: 'rd-strong' },
            { text: 'MySQL, PostgreSQL or etcd', size: FONT.small, className: 'rd-muted' },
            { text: 'holds every byte of cluster state', size: FONT.small, className: 'rd-muted' },
          ]
        : [
            { text: 'SQLite on the server', className: 'rd-strong' },
            { text: 'one copy, on one machine', size: FONT.small, className: 'rd-muted' },
          ],
      cx - 140,
      below,
      280,
      external ? 'rd-datastore' : 'rd-datastore rd-unknown',
    );
    p.shapes.push(store);
    const servers = box.groups[0];
    const onlyServers = box.groups.length === 1 && servers?.roles.includes('server');
    if (onlyServers && servers) {
      for (const n of [...servers.nodes, ...(servers.more ? [servers.more] : [])])
        p.links.push(link(`data-${n.key}`, bottomOf(n), topOf(store), 'rd-link rd-link-data'));
    } else {
      p.links.push(link('data', bottomOf(box), topOf(store), 'rd-link rd-link-data'));
    }
    if (external) {
      p.notes.push(
        text(
          'Servers keep no state of their own: replace one and nothing is lost',
          cx,
          store.y + store.height + 22,
          Math.max(box.width, 560),
          FONT.small,
          'rd-muted',
          'middle',
        ),
      );
    }
  } else {
    etcdPanel(cluster, marks, cx, below, p, o);
  }
  return finish(p);
}

// ---- RKE ---------------------------------------------------------------------------------

export function rkeFigure(plan: Plan, marks: Marks, o: FigureOptions = {}): Figure {
  const cluster = pick(plan, (c) => c.distribution === 'rke');
  if (!cluster) return finish(missing('no-cluster', 'No cluster in this plan to draw'));
  const p = empty();
  const lbSpace = cluster.loadBalancer ? 96 : 0;
  const box = placeCluster(layoutCluster(plan, cluster, marks, clusterOptions(o)), 0, lbSpace);
  p.clusters.push(box);
  balancerOver(cluster, box, p, 0);
  const cx = box.x + box.width / 2;
  const panel = etcdPanel(cluster, marks, cx, box.y + box.height + STEP, p, o);
  if (panel) p.links.push(link('etcd', bottomOf(box), topOf(panel), 'rd-link rd-link-data'));
  else p.notes.push(text('No etcd node: RKE has nowhere to keep the cluster data', cx, box.y + box.height + 30, box.width, FONT.small, 'rd-bad', 'middle'));
  return finish(p);
}

// ---- load balancer -----------------------------------------------------------------------

const INNER_TOP = 44;

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
  if (!cluster) return finish(missing('no-cluster', 'No cluster in this plan to draw'));
  const p = empty();
  const targets = new Set(cluster.loadBalancer?.targets ?? []);
  const parts = ingressParts(cluster);
  const nodeWidth = 150;
  // Measure the parts once on a sample box: ingress, gap, pod, then the status line.
  const sample = parts({ x: 0, y: 0, width: nodeWidth, height: 0 });
  const tall = Math.max(...sample.shapes.map((s) => s.y + s.height)) + 24;
  const box0 = layoutCluster(
    plan,
    cluster,
    marks,
    clusterOptions(o, {
      nodeWidth,
      columns: o.columns ?? 5,
      collapseAfter: o.collapseAfter ?? 5,
      groupOrder: () => 0,
      nodeExtras: () => ({ height: tall, inner: (b) => parts(b) }),
    }),
  );
  const lb = cluster.loadBalancer;
  const width = Math.max(box0.width, 300);
  const cx = width / 2;
  let y = stack(
    [
      { id: 'client', kind: 'client', lines: [{ text: 'Browser, CLI or API client', className: 'rd-strong' }], width: 260 },
      {
        id: 'dns',
        kind: 'box',
        lines: [
          { text: 'DNS name for Rancher', className: 'rd-strong' },
          { text: 'resolves to the load balancer', size: FONT.small, className: 'rd-muted' },
        ],
        width: 260,
        className: 'rd-dns',
      },
    ],
    cx,
    0,
    p,
  );
  if (lb) {
    const sh = shape(
      'load-balancer',
      'box',
      [
        { text: `Layer-${lb.layer} load balancer (${lb.layer === 4 ? 'TCP' : 'HTTP'})`, className: 'rd-strong' },
        { text: `passes TCP ${lb.ports.join(' and ')} on to ${plural(targets.size, 'node')}`, size: FONT.small, className: 'rd-muted' },
      ],
      cx - 150,
      y,
      300,
      lb.layer === 4 ? 'rd-lb' : 'rd-lb has-warning',
    );
    p.links.push(link('dns-lb', bottomOf(p.shapes.at(-1)!), topOf(sh)));
    p.shapes.push(sh);
    y = sh.y + sh.height + STEP + 8;
    const box = placeCluster(box0, cx - box0.width / 2, y);
    p.clusters.push(box);
    p.links.push(...linksTo(sh, box, [...targets], 'lb'));
  } else {
    const sh = shape('no-lb', 'note', [{ text: 'No load balancer: clients depend on one node', className: 'rd-bad' }], cx - 170, y, 340, 'has-warning');
    p.links.push(link('dns-nolb', bottomOf(p.shapes.at(-1)!), topOf(sh)));
    p.shapes.push(sh);
    const box = placeCluster(box0, cx - box0.width / 2, sh.y + sh.height + STEP);
    p.clusters.push(box);
  }
  return finish(p);
}

// ---- node roles --------------------------------------------------------------------------

export function nodeRolesFigure(plan: Plan, marks: Marks, o: FigureOptions = {}): Figure {
  const rancher = rancherCluster(plan);
  const clusters = rancher ? [rancher, ...plan.clusters.filter((c) => c !== rancher)] : plan.clusters;
  if (!clusters.length) return finish(missing('empty', 'No clusters in this plan yet'));
  const boxes = clusters.map((c) => layoutCluster(plan, c, marks, clusterOptions(o, { columns: o.columns ?? 3 })));
  const f = flow(boxes, Math.max(MAX_ROW_WIDTH, ...boxes.map((b) => b.width)), 40);
  const p = empty();
  boxes.forEach((b, i) => p.clusters.push(placeCluster(b, f.positions[i]!.x, f.positions[i]!.y)));
  return finish(p);
}

// ---- authorized cluster endpoint ---------------------------------------------------------

export function authorizedEndpointFigure(plan: Plan, marks: Marks, o: FigureOptions = {}): Figure {
  const cluster = plan.clusters.find((c) => c.authorizedEndpoint) ?? plan.clusters.find((c) => clusterPurpose(plan, c) !== 'rancher') ?? plan.clusters[0];
  if (!cluster) return finish(missing('no-cluster', 'No cluster in this plan to draw'));
  const ace = cluster.authorizedEndpoint;
  const controlplanes = cluster.nodes.filter((n) => n.roles.includes('controlplane') || n.roles.includes('server')).map((n) => n.name);
  const targets = ace?.targets.length ? ace.targets : [];
  const targetSet = new Set(targets.length ? targets : controlplanes.slice(0, 1));
  const box0 = layoutCluster(
    plan,
    cluster,
    marks,
    clusterOptions(o, {
      groupOrder: (roles) => (roles.includes('controlplane') || roles.includes('server') ? 0 : 1),
    }),
  );
  const p = empty();
  const width = Math.max(box0.width, 340);
  const cx = width / 2;
  const ca = !ace?.privateCA
    ? { text: 'certificate from a public CA', size: FONT.small, className: 'rd-muted' }
    : ace.caCertificate
      ? { text: 'carries the private CA certificate', size: FONT.small, className: 'rd-muted' }
      : { text: 'private CA certificate not supplied', size: FONT.small, className: 'rd-bad' };
  const client = [
    {
      id: 'kubeconfig',
      kind: 'client' as const,
      width: 320,
      lines: [
        { text: 'kubectl with a generated kubeconfig', className: 'rd-strong' },
        { text: `server: ${ace?.fqdn ? `https://${ace.fqdn}` : 'one controlplane node'}`, size: FONT.small, className: 'rd-mono' },
        ca,
      ],
    },
  ];
  let y: number;
  let entry: Shape;
  if (ace?.fqdn) {
    y = stack(
      [
        ...client,
        {
          id: 'fqdn',
          kind: 'box',
          width: 320,
          className: 'rd-dns',
          lines: [
            { text: `FQDN ${ace.fqdn}`, className: 'rd-strong rd-mono' },
            { text: 'points at the load balancer', size: FONT.small, className: 'rd-muted' },
          ],
        },
        {
          id: 'load-balancer',
          kind: 'box',
          width: 320,
          className: 'rd-lb',
          lines: [
            { text: 'Load balancer', className: 'rd-strong' },
            { text: `spreads API calls over ${plural(targetSet.size, 'controlplane node')}`, size: FONT.small, className: 'rd-muted' },
          ],
        },
      ],
      cx,
      0,
      p,
    );
    entry = p.shapes.at(-1)!;
  } else {
    y = stack(client, cx, 0, p);
    entry = p.shapes.at(-1)!;
    p.notes.push(text('No FQDN: if this one node goes down, so does direct access', cx, y - STEP + 18, width, FONT.small, 'rd-bad', 'middle'));
    y += 12;
  }
  const box = placeCluster(box0, cx - box0.width / 2, y);
  p.clusters.push(box);
  p.links.push(...linksTo(entry, box, [...targetSet], 'ace'));
  return finish(p);
}
