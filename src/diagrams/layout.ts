// Geometry shared by every diagram: node boxes in wrapping grids, role groups, cluster boxes,
// labelled shapes, links and the flow that places boxes in rows. Pure functions from data to
// numbers (d3-scale for grids, d3-hierarchy for the cluster → group → node tree, d3-shape for
// link paths), so the same layout runs at build time, in an island, in tests and in the bench.
import { hierarchy, type HierarchyNode } from 'd3-hierarchy';
import { DATASTORE_LABEL, datastoreOf, usesServerRoles } from '../rules/cluster-facts.ts';
import { scaleLinear } from 'd3-scale';
import { linkVertical, linkHorizontal, symbol, symbolCircle, symbolCross, symbolTriangle } from 'd3-shape';
import type { Cluster, NodeRole, Plan, PlanNode } from '../rules/plan.ts';
import type { Severity } from '../rules/report.ts';
import {
  DISTRIBUTION_LABEL,
  PURPOSE_LABEL,
  clusterPurpose,
  etcdMembers,
  nodeKey,
  plural,
  quorumOf,
  roleGroupLabel,
  roleSignature,
  sortedRoles,
  toleratedOf,
  type ClusterPurpose,
  type Marks,
  type NodeMarks,
} from './model.ts';

// ---- sizes -------------------------------------------------------------------------------

export const NODE_WIDTH = 128;
export const NODE_HEIGHT = 56;
export const GAP = 10;
export const PAD = 12;
/** Text widths are estimated, never measured (no DOM): every glyph counted as 0.6 em, which
 * is exact for the monospace node names and generous for the system sans-serif elsewhere. */
export const CHAR_EM = 0.6;
export const FONT = { title: 14, text: 12, small: 10.5, badge: 10 } as const;

export const textWidth = (text: string, size: number): number => text.length * size * CHAR_EM;

/** Breaks text at spaces into lines that fit `width` at `size` (a word too long is shortened). */
export function wrapText(text: string, width: number, size: number): string[] {
  const max = Math.max(1, Math.floor(width / (size * CHAR_EM)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!line) line = word;
    else if (line.length + 1 + word.length <= max) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** Shortens text with an ellipsis so it fits `width` at `size`. */
export function fitText(text: string, width: number, size: number): string {
  const max = Math.floor(width / (size * CHAR_EM));
  if (text.length <= max) return text;
  return max <= 1 ? '…' : `${text.slice(0, max - 1)}…`;
}

// ---- shapes ------------------------------------------------------------------------------

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Point {
  x: number;
  y: number;
}

export interface TextLine {
  text: string;
  /** The text before fitting, for tooltips and tests. */
  full: string;
  x: number;
  /** Baseline. */
  y: number;
  size: number;
  anchor: 'start' | 'middle' | 'end';
  className: string;
}

export interface NodeBox extends Box {
  key: string;
  cluster: string;
  name: string;
  /** The name fitted to the box. */
  label: string;
  address?: string;
  roles: NodeRole[];
  marks: NodeMarks;
  /** Short tags drawn on the node: "LB" (load-balancer target), "ACE" (authorized endpoint target). */
  tags: string[];
  /** Bottom line: failure and severity words, else the address. */
  status: string;
  /** Extra parts drawn inside the node (ingress controller, Rancher pod). */
  inner: Shape[];
  innerLinks: Link[];
}

export interface MoreBox extends Box {
  key: string;
  count: number;
  hidden: string[];
  lines: TextLine[];
}

export interface GroupBox extends Box {
  signature: string;
  roles: NodeRole[];
  total: number;
  label: TextLine;
  nodes: NodeBox[];
  more?: MoreBox;
}

export interface ClusterBox extends Box {
  name: string;
  purpose: ClusterPurpose;
  severity?: Severity;
  header: TextLine[];
  groups: GroupBox[];
}

export type ShapeKind = 'box' | 'cylinder' | 'note' | 'client';

export interface Shape extends Box {
  id: string;
  kind: ShapeKind;
  className: string;
  lines: TextLine[];
  crossed?: boolean;
}

export interface Link {
  id: string;
  from: Point;
  to: Point;
  orientation: 'vertical' | 'horizontal';
  className: string;
  arrow: boolean;
}

export interface Diagram {
  width: number;
  height: number;
  clusters: ClusterBox[];
  shapes: Shape[];
  links: Link[];
  notes: TextLine[];
}

export function text(full: string, x: number, y: number, width: number, size: number, className: string, anchor: TextLine['anchor'] = 'start'): TextLine {
  return { text: fitText(full, width, size), full, x, y, size, anchor, className };
}

export interface LineSpec {
  text: string;
  size?: number;
  className?: string;
}

const lineHeight = (size: number) => Math.round(size * 1.45);

/** A box (or cylinder, note, client) holding centred lines of text; its height follows the lines. */
export function shape(id: string, kind: ShapeKind, specs: LineSpec[], x: number, y: number, width: number, className = ''): Shape {
  const top = kind === 'cylinder' ? 14 : 8;
  const heights = specs.map((s) => lineHeight(s.size ?? FONT.text));
  const height = top + heights.reduce((a, b) => a + b, 0) + (kind === 'cylinder' ? 12 : 8);
  let cursor = y + top;
  const lines = specs.map((s, i) => {
    const size = s.size ?? FONT.text;
    cursor += heights[i]!;
    return text(s.text, x + width / 2, cursor - Math.round(size * 0.35), width - 16, size, s.className ?? 'rd-text', 'middle');
  });
  return { id, kind, className, lines, x, y, width, height };
}

const verticalPath = linkVertical<unknown, Point>()
  .x((p) => p.x)
  .y((p) => p.y);
const horizontalPath = linkHorizontal<unknown, Point>()
  .x((p) => p.x)
  .y((p) => p.y);

export function link(id: string, from: Point, to: Point, className = 'rd-link', arrow = true, orientation: Link['orientation'] = 'vertical'): Link {
  return { id, from, to, orientation, className, arrow };
}

/** The link's SVG path: a d3 vertical or horizontal link curve between its two points. */
export function linkPath(l: Link): string {
  const path = l.orientation === 'vertical' ? verticalPath : horizontalPath;
  return path({ source: l.from, target: l.to }) ?? '';
}

export const bottomOf = (b: Box): Point => ({ x: b.x + b.width / 2, y: b.y + b.height });
export const topOf = (b: Box): Point => ({ x: b.x + b.width / 2, y: b.y });

/** Severity markers differ in shape (cross, drawn turned 45° as an ×; triangle; circle), not only in colour. */
const SEVERITY_SYMBOL = { error: symbolCross, warning: symbolTriangle, info: symbolCircle } as const;
export function severityPath(severity: Severity, size = 64): string {
  return symbol(SEVERITY_SYMBOL[severity], size)() ?? '';
}

// ---- the cluster tree --------------------------------------------------------------------

interface TreeDatum {
  label: string;
  roles?: NodeRole[];
  node?: PlanNode;
  children?: TreeDatum[];
}

/** cluster → role groups → nodes, as a d3 hierarchy; `.value` counts the nodes below. */
export function clusterTree(cluster: Cluster, order?: (roles: NodeRole[]) => number): HierarchyNode<TreeDatum> {
  const groups = new Map<string, TreeDatum>();
  for (const node of cluster.nodes) {
    const roles = sortedRoles(node);
    const sig = roleSignature(roles);
    if (!groups.has(sig)) groups.set(sig, { label: sig, roles, children: [] });
    groups.get(sig)!.children!.push({ label: node.name, node });
  }
  const rank = (roles: NodeRole[]) =>
    roles.length === 0 ? 99 : Math.min(...roles.map((r) => ['etcd', 'controlplane', 'worker', 'server', 'agent'].indexOf(r))) - roles.length / 10;
  const sorted = [...groups.values()].sort((a, b) => (order ? order(a.roles!) - order(b.roles!) : 0) || rank(a.roles!) - rank(b.roles!));
  return hierarchy<TreeDatum>({ label: cluster.name, children: sorted }).count();
}

// ---- clusters ----------------------------------------------------------------------------

export interface ClusterLayoutOptions {
  /** Most node boxes in a grid row. */
  columns?: number;
  /** Past this many nodes a role group shows a count for the rest (failed, highlighted and
   * flagged nodes always stay drawn). */
  collapseAfter?: number;
  /** Narrowest cluster, in node columns, so its header stays readable. */
  minColumns?: number;
  /** Add load-balancer / authorized-endpoint lines to the header and LB/ACE tags to nodes. */
  endpoints?: boolean;
  /** Groups with a lower rank are drawn first (e.g. the load balancer's targets on top). */
  groupOrder?: (roles: NodeRole[]) => number;
  /** Width of each node box (default NODE_WIDTH). */
  nodeWidth?: number;
  /** Per-node taller boxes with extra parts inside (the load-balancer diagram). */
  nodeExtras?: (node: PlanNode, cluster: Cluster) => { height: number; inner: (box: Box) => { shapes: Shape[]; links: Link[] } } | undefined;
}

export const DEFAULT_COLUMNS = 6;
export const DEFAULT_COLLAPSE = 12;

const HEADER_LINE = 17;
const GROUP_LABEL = 18;
const GROUP_GAP = 12;

export function nodeStatus(marks: NodeMarks, address?: string): string {
  const words = [marks.failed ? 'failed' : '', marks.severity ?? ''].filter(Boolean);
  return words.length ? words.join(' · ') : (address ?? '');
}

function nodeBox(cluster: Cluster, node: PlanNode, marks: Marks, x: number, y: number, width: number, height: number, tags: string[]): NodeBox {
  const m = marks.node(cluster.name, node.name);
  const status = nodeStatus(m, node.address);
  const hasIcon = Boolean(m.severity || m.failed);
  return {
    key: nodeKey(cluster.name, node.name),
    cluster: cluster.name,
    name: node.name,
    label: fitText(node.name, width - 16, FONT.text),
    address: node.address,
    roles: sortedRoles(node),
    marks: m,
    tags,
    status: fitText(status, width - 16 - (hasIcon ? 14 : 0), FONT.badge),
    inner: [],
    innerLinks: [],
    x,
    y,
    width,
    height,
  };
}

export function endpointLines(cluster: Cluster): string[] {
  const lines: string[] = [];
  const lb = cluster.loadBalancer;
  if (lb) {
    const tls = lb.tlsTermination === 'load-balancer' ? ', TLS ends at the balancer' : ', TLS ends at the ingress';
    lines.push(`Load balancer: layer ${lb.layer}, TCP ${lb.ports.join('/')} to ${plural(lb.targets.length, 'node')}${tls}`);
  }
  const ace = cluster.authorizedEndpoint;
  if (ace) {
    const ca = ace.privateCA ? (ace.caCertificate ? ', private CA in kubeconfig' : ', private CA not supplied') : '';
    lines.push(`Authorized endpoint: ${ace.fqdn ?? 'no FQDN'} to ${plural(ace.targets.length, 'node')}${ca}`);
  }
  return lines;
}

export function clusterFacts(plan: Plan, cluster: Cluster): { purpose: ClusterPurpose; kind: string; counts: string } {
  const purpose = clusterPurpose(plan, cluster);
  let kind = DISTRIBUTION_LABEL[cluster.distribution];
  const datastore = datastoreOf(cluster);
  if (usesServerRoles(cluster) || datastore !== 'etcd') kind += `, ${DATASTORE_LABEL[datastore]}`;
  const members = etcdMembers(cluster).length;
  const etcd = members ? ` · etcd quorum ${quorumOf(members)} of ${members}, survives ${plural(toleratedOf(members), 'loss', 'losses')}` : '';
  return { purpose, kind, counts: `${plural(cluster.nodes.length, 'node')}${etcd}` };
}

/** Lays one cluster out at the origin; `placeCluster` moves it. */
export function layoutCluster(plan: Plan, cluster: Cluster, marks: Marks, options: ClusterLayoutOptions = {}): ClusterBox {
  const columns = Math.max(1, options.columns ?? DEFAULT_COLUMNS);
  const collapseAfter = Math.max(2, options.collapseAfter ?? DEFAULT_COLLAPSE);
  const minColumns = options.minColumns ?? 2;
  const nodeWidth = options.nodeWidth ?? NODE_WIDTH;
  const lbTargets = new Set(options.endpoints ? (cluster.loadBalancer?.targets ?? []) : []);
  const aceTargets = new Set(options.endpoints ? (cluster.authorizedEndpoint?.targets ?? []) : []);
  const facts = clusterFacts(plan, cluster);
  const headerSpecs: { text: string; size: number; className: string }[] = [
    { text: cluster.name, size: FONT.title, className: 'rd-cluster-name' },
    { text: `${PURPOSE_LABEL[facts.purpose]} · ${facts.kind}`, size: FONT.small, className: 'rd-cluster-kind' },
    { text: facts.counts, size: FONT.small, className: 'rd-muted' },
    ...(options.endpoints ? endpointLines(cluster).map((t) => ({ text: t, size: FONT.small, className: 'rd-muted' })) : []),
  ];

  // Each group: which nodes stay drawn, and how tall their boxes are.
  const tree = clusterTree(cluster, options.groupOrder);
  const plannedGroups = (tree.children ?? []).map((g) => {
    const nodes = (g.children ?? []).map((c) => c.data.node!);
    const keep = (n: PlanNode) => marks.keep(nodeKey(cluster.name, n.name));
    const visible = nodes.length <= collapseAfter ? nodes : nodes.filter((n, i) => i < collapseAfter - 1 || keep(n));
    const hidden = nodes.filter((n) => !visible.includes(n));
    const extras = visible.map((n) => options.nodeExtras?.(n, cluster));
    const height = Math.max(NODE_HEIGHT, ...extras.map((e) => e?.height ?? NODE_HEIGHT));
    const cells = visible.length + (hidden.length ? 1 : 0);
    const cols = Math.min(columns, Math.max(1, cells));
    return { roles: g.data.roles!, total: g.value ?? nodes.length, visible, hidden, extras, height, cells, cols, rows: Math.ceil(cells / cols) };
  });

  const gridWidth = (cols: number) => cols * nodeWidth + (cols - 1) * GAP;
  const innerWidth = Math.max(gridWidth(minColumns), ...plannedGroups.map((g) => gridWidth(g.cols)));
  const width = innerWidth + 2 * PAD;

  // Header lines wrap (the name is shortened instead); the full sentence stays in `full`.
  const header: TextLine[] = [];
  for (const spec of headerSpecs) {
    const parts = spec.className === 'rd-cluster-name' ? [spec.text] : wrapText(spec.text, innerWidth, spec.size);
    for (const part of parts) {
      const line = text(part, PAD, 8 + (header.length + 1) * HEADER_LINE - 4, innerWidth, spec.size, `${spec.className} rd-halo`);
      header.push(parts.length > 1 ? { ...line, full: spec.text } : line);
    }
  }
  const headerHeight = 8 + header.length * HEADER_LINE;

  let y = headerHeight;
  const groups: GroupBox[] = plannedGroups.map((g) => {
    const top = y;
    const col = scaleLinear()
      .domain([0, 1])
      .range([PAD, PAD + nodeWidth + GAP]);
    const row = scaleLinear()
      .domain([0, 1])
      .range([top + GROUP_LABEL, top + GROUP_LABEL + g.height + GAP]);
    const nodes = g.visible.map((n, i) => {
      const tags = [lbTargets.has(n.name) ? 'LB' : '', aceTargets.has(n.name) ? 'ACE' : ''].filter(Boolean);
      const box = nodeBox(cluster, n, marks, col(i % g.cols), row(Math.floor(i / g.cols)), nodeWidth, g.height, tags);
      const extra = g.extras[i];
      if (extra) {
        const parts = extra.inner(box);
        box.inner = parts.shapes;
        box.innerLinks = parts.links;
      }
      return box;
    });
    let more: MoreBox | undefined;
    if (g.hidden.length) {
      const i = g.visible.length;
      const x = col(i % g.cols);
      const my = row(Math.floor(i / g.cols));
      const sig = roleSignature(g.roles);
      more = {
        key: `${cluster.name}/${sig}`,
        count: g.hidden.length,
        hidden: g.hidden.map((n) => n.name),
        x,
        y: my,
        width: nodeWidth,
        height: g.height,
        lines: [
          text(`+${g.hidden.length} more`, x + nodeWidth / 2, my + 24, nodeWidth - 16, FONT.text, 'rd-more-count', 'middle'),
          text(
            `${sig === 'none' ? 'unassigned' : sig.replaceAll('+', ', ')} nodes`,
            x + nodeWidth / 2,
            my + 41,
            nodeWidth - 16,
            FONT.badge,
            'rd-muted',
            'middle',
          ),
        ],
      };
    }
    const gridHeight = g.rows * g.height + (g.rows - 1) * GAP;
    const label = text(`${roleGroupLabel(g.roles)} · ${plural(g.total, 'node')}`, PAD, top + GROUP_LABEL - 6, innerWidth, FONT.small, 'rd-group-label rd-halo');
    y = top + GROUP_LABEL + gridHeight + GROUP_GAP;
    return {
      signature: roleSignature(g.roles),
      roles: g.roles,
      total: g.total,
      label,
      nodes,
      more,
      x: PAD,
      y: top,
      width: gridWidth(g.cols),
      height: GROUP_LABEL + gridHeight,
    };
  });
  if (groups.length === 0) {
    // An empty cluster still gets a body line saying so.
    header.push(text('no nodes yet', PAD, y + 12, innerWidth, FONT.small, 'rd-muted'));
    y += 24;
  }
  const height = y - (groups.length ? GROUP_GAP : 0) + PAD;
  return {
    name: cluster.name,
    purpose: facts.purpose,
    severity: marks.cluster(cluster.name).severity,
    header,
    groups,
    x: 0,
    y: 0,
    width,
    height,
  };
}

// ---- moving things -----------------------------------------------------------------------

const moveText = (t: TextLine, dx: number, dy: number): TextLine => ({ ...t, x: t.x + dx, y: t.y + dy });

export function placeShape(s: Shape, dx: number, dy: number): Shape {
  return { ...s, x: s.x + dx, y: s.y + dy, lines: s.lines.map((t) => moveText(t, dx, dy)) };
}

function placeNode(n: NodeBox, dx: number, dy: number): NodeBox {
  return { ...n, x: n.x + dx, y: n.y + dy, inner: n.inner.map((s) => placeShape(s, dx, dy)), innerLinks: n.innerLinks.map((l) => moveLink(l, dx, dy)) };
}

const movePoint = (p: Point, dx: number, dy: number): Point => ({ x: p.x + dx, y: p.y + dy });
export const moveLink = (l: Link, dx: number, dy: number): Link => ({ ...l, from: movePoint(l.from, dx, dy), to: movePoint(l.to, dx, dy) });

export function placeCluster(c: ClusterBox, x: number, y: number): ClusterBox {
  const dx = x - c.x;
  const dy = y - c.y;
  return {
    ...c,
    x,
    y,
    header: c.header.map((t) => moveText(t, dx, dy)),
    groups: c.groups.map((g) => ({
      ...g,
      x: g.x + dx,
      y: g.y + dy,
      label: moveText(g.label, dx, dy),
      nodes: g.nodes.map((n) => placeNode(n, dx, dy)),
      more: g.more && { ...g.more, x: g.more.x + dx, y: g.more.y + dy, lines: g.more.lines.map((t) => moveText(t, dx, dy)) },
    })),
  };
}

/** Places boxes left to right, wrapping into rows no wider than `maxWidth`; each row centred. */
export function flow(sizes: { width: number; height: number }[], maxWidth: number, gap: number): { positions: Point[]; width: number; height: number } {
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
    y += Math.max(...r.map((i) => sizes[i]!.height)) + gap;
  });
  return { positions, width, height: Math.max(0, y - gap) };
}

/** Every node box in a diagram, flattened (for links and tests). */
export function allNodes(d: Pick<Diagram, 'clusters'>): NodeBox[] {
  return d.clusters.flatMap((c) => c.groups.flatMap((g) => g.nodes));
}
