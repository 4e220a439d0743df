// A cluster as drawn: the d3-hierarchy tree cluster → role group → node, node boxes in wrapping
// grids, the caption from the cluster's facts, and the load balancer and endpoint in front. A
// layout is given the width it may use (`maxWidth`) and fits itself to it (fewer node columns,
// text wrapped); what still does not fit scrolls sideways instead of shrinking.
import { hierarchy, type HierarchyNode } from 'd3-hierarchy';
import { DATASTORE_LABEL, clusterFacts, quorumOf, usesServerRoles } from '../../rules/cluster-facts.ts';
import { hasFailableDatastore } from '../../rules/failure.ts';
import { groupKey, partKey } from '../../rules/keys.ts';
import type { Cluster, NodeRole, Plan, PlanNode } from '../../rules/plan.ts';
import {
  DISTRIBUTION_LABEL,
  CAPTION_LABEL,
  captionOf,
  nodeKey,
  plural,
  roleGroupLabel,
  roleSignature,
  sortedRoles,
  type ClusterCaption,
  type Marks,
  type NodeMarks,
} from '../model.ts';

import { FONT, NODE_WIDTH, MIN_NODE_WIDTH, NODE_HEIGHT, GAP, PAD, LANE, textWidth, tagWidth, lineHeight, fitText } from './measure.ts';
import {
  type Box,
  type TextLine,
  type NodeBox,
  type MoreBox,
  type GroupBox,
  type ClusterBox,
  type ShapeKind,
  type Shape,
  type Link,
  text,
  textBlock,
  type LineSpec,
  shape,
} from './geometry.ts';
import { endpointSpecs, loadBalancerSpecs, markPart, targetLinks } from './front.ts';

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

export interface EndpointOptions {
  loadBalancer?: boolean;
  authorizedEndpoint?: boolean;
  datastore?: boolean;
}

export interface ClusterLayoutOptions {
  /** Most node boxes in a grid row. */
  columns?: number;
  /** Past this many nodes a role group shows a count for the rest (failed, highlighted and
   * flagged nodes always stay drawn). */
  collapseAfter?: number;
  /** Groups ("<cluster>/<role signature>") drawn whole whatever their size. */
  expanded?: ReadonlySet<string>;
  /** Narrowest cluster, in node columns, so its header stays readable. */
  minColumns?: number;
  /** Widest the cluster box may be; node columns, node width and text follow. */
  maxWidth?: number;
  /** Draw the load balancer, authorized endpoint and external datastore as boxes in front of the
   * nodes, linked to their targets (`true`: all three). */
  endpoints?: boolean | EndpointOptions;
  /** Keep a lane free along the left (right) edge for a link from a box outside the cluster. */
  lanes?: { left?: boolean; right?: boolean };
  /** Groups with a lower rank are drawn first (e.g. the load balancer's targets on top). */
  groupOrder?: (roles: NodeRole[]) => number;
  /** Preferred width of each node box (default NODE_WIDTH); narrower down to `minNodeWidth` when space is short. */
  nodeWidth?: number;
  minNodeWidth?: number;
  /** Per-node taller boxes with extra parts inside (the load-balancer diagram). */
  nodeExtras?: (node: PlanNode, cluster: Cluster) => { height: number; inner: (box: Box) => { shapes: Shape[]; links: Link[] } } | undefined;
}

export const DEFAULT_COLUMNS = 6;
export const DEFAULT_COLLAPSE = 12;

const GROUP_GAP = 14;
const BAND_GAP = 12;
/** Vertical room under the front boxes for their links to fan out to the first row of nodes. */
const FAN_SPACE = 30;

/** The node's bottom line: failure or severity, else zone and address — the zone alone when both do not fit. */
export function nodeStatus(marks: NodeMarks, address: string | undefined, zone: string | undefined, width: number): string {
  if (marks.failed) return 'failed';
  if (marks.severity) return marks.severity === 'info' ? 'note' : marks.severity;
  // The zone wins the room: it is what the what-if fails together.
  const both = [zone === undefined ? '' : `zone ${zone}`, address ?? ''].filter(Boolean).join(' · ');
  return zone !== undefined && textWidth(both, FONT.badge) > width ? `zone ${zone}` : both;
}

const ROLE_BADGE = 19;

function nodeBox(cluster: Cluster, node: PlanNode, marks: Marks, x: number, y: number, width: number, height: number, tags: string[]): NodeBox {
  const m = marks.node(cluster.name, node.name);
  const hasIcon = Boolean(m.severity || m.failed);
  const status = nodeStatus(m, node.address, node.zone, width - 16 - (hasIcon ? 14 : 0));
  const roles = sortedRoles(node);
  const badgesEnd = 8 + roles.length * ROLE_BADGE;
  const showTags = tags.length > 0 && badgesEnd + 6 + tagWidth(tags.join(' ')) <= width - 8;
  return {
    key: nodeKey(cluster.name, node.name),
    cluster: cluster.name,
    name: node.name,
    label: fitText(node.name, width - 16, FONT.text),
    address: node.address,
    zone: node.zone,
    roles,
    marks: m,
    tags,
    showTags,
    status: fitText(status, width - 16 - (hasIcon ? 14 : 0), FONT.badge),
    inner: [],
    innerLinks: [],
    x,
    y,
    width,
    height,
  };
}

/** The caption lines of a cluster's box, from its facts (datastore, etcd members, quorum): never counted here. */
export function clusterCaptions(plan: Plan, cluster: Cluster): { purpose: ClusterCaption; kind: string; counts: string } {
  const facts = clusterFacts(plan, cluster, plan.clusters.indexOf(cluster));
  let kind = DISTRIBUTION_LABEL[cluster.distribution];
  if (usesServerRoles(cluster) || facts.datastore !== 'etcd') kind += `, ${DATASTORE_LABEL[facts.datastore]}`;
  const { members, quorum, tolerated } = quorumOf(facts);
  const etcd = members ? ` · etcd quorum ${quorum} of ${members}, survives ${plural(tolerated, 'loss', 'losses')}` : '';
  return { purpose: captionOf(plan, cluster), kind, counts: `${plural(cluster.nodes.length, 'node')}${etcd}` };
}

/** Lays one cluster out at the origin; `placeCluster` moves it. */
export function layoutCluster(plan: Plan, cluster: Cluster, marks: Marks, options: ClusterLayoutOptions = {}): ClusterBox {
  const want = options.endpoints === true ? { loadBalancer: true, authorizedEndpoint: true, datastore: true } : options.endpoints || {};
  const lb = want.loadBalancer && cluster.loadBalancer ? cluster.loadBalancer : undefined;
  const ace = want.authorizedEndpoint && cluster.authorizedEndpoint ? cluster.authorizedEndpoint : undefined;
  const store = Boolean(want.datastore) && hasFailableDatastore(cluster);
  const laneLeft = lb || options.lanes?.left ? LANE : 0;
  const laneRight = ace || options.lanes?.right ? LANE : 0;
  const x0 = PAD + laneLeft;

  // Each group: which nodes stay drawn.
  const collapseAfter = Math.max(2, options.collapseAfter ?? DEFAULT_COLLAPSE);
  const tree = clusterTree(cluster, options.groupOrder);
  const planned = (tree.children ?? []).map((g) => {
    const nodes = (g.children ?? []).map((c) => c.data.node!);
    const key = groupKey(cluster.name, roleSignature(g.data.roles!));
    const expanded = options.expanded?.has(key) ?? false;
    const keep = (n: PlanNode) => marks.keep(nodeKey(cluster.name, n.name));
    const collapses = nodes.length > collapseAfter;
    const visible = !collapses || expanded ? nodes : nodes.filter((n, i) => i < collapseAfter - 1 || keep(n));
    const hidden = nodes.filter((n) => !visible.includes(n));
    const extras = visible.map((n) => options.nodeExtras?.(n, cluster));
    const height = Math.max(NODE_HEIGHT, ...extras.map((e) => e?.height ?? NODE_HEIGHT));
    const cells = visible.length + (hidden.length ? 1 : 0);
    return { key, roles: g.data.roles!, total: g.value ?? nodes.length, visible, hidden, extras, height, cells, expanded: collapses && expanded };
  });

  // Node width and columns: as many columns as asked for and room allows; two narrower columns
  // rather than one, down to the minimum node width.
  const preferred = options.nodeWidth ?? NODE_WIDTH;
  const narrowest = Math.min(preferred, options.minNodeWidth ?? MIN_NODE_WIDTH);
  const room = options.maxWidth !== undefined ? options.maxWidth - 2 * PAD - laneLeft - laneRight : Infinity;
  const fits = (w: number) => Math.max(1, Math.floor((room + GAP) / (w + GAP)));
  const maxCells = Math.max(1, ...planned.map((g) => g.cells));
  let columns = Math.max(1, Math.min(options.columns ?? DEFAULT_COLUMNS, fits(preferred)));
  let nodeWidth = preferred;
  if (columns < Math.min(2, maxCells, options.columns ?? DEFAULT_COLUMNS)) {
    const squeezed = Math.floor((room - GAP) / 2);
    if (squeezed >= narrowest) {
      nodeWidth = squeezed;
      columns = 2;
    } else nodeWidth = Math.max(narrowest, Math.min(preferred, Math.floor(room)));
  }
  const gridWidth = (cols: number) => cols * nodeWidth + (cols - 1) * GAP;
  const minColumns = Math.min(columns, options.minColumns ?? 2);
  const groupsWidth = Math.max(gridWidth(minColumns), ...planned.map((g) => gridWidth(Math.min(columns, Math.max(1, g.cells)))));
  const innerWidth = groupsWidth;
  const width = innerWidth + 2 * PAD + laneLeft + laneRight;

  // Header: the name (shortened), then the facts, wrapped.
  const facts = clusterCaptions(plan, cluster);
  const header: TextLine[] = [];
  let y = 8;
  y += lineHeight(FONT.title);
  header.push(text(cluster.name, x0, y - 5, innerWidth, FONT.title, 'rd-cluster-name rd-halo'));
  for (const [full, className] of [
    [`${CAPTION_LABEL[facts.purpose]} · ${facts.kind}`, 'rd-cluster-kind'],
    [facts.counts, 'rd-muted'],
  ] as const) {
    const lines = textBlock(full, x0, y + lineHeight(FONT.small) - 4, innerWidth, FONT.small, `${className} rd-halo`);
    header.push(...lines);
    y += lines.length * lineHeight(FONT.small);
  }
  y += 8;

  // Front boxes: load balancer, authorized endpoint, external datastore; side by side when two fit.
  const shapes: Shape[] = [];
  // The endpoint is not something the what-if fails, so it has no part key; the others carry theirs.
  const front: { id: string; kind: ShapeKind; specs: LineSpec[]; className: string; part?: string }[] = [];
  if (lb) front.push({ id: 'load-balancer', kind: 'box', specs: loadBalancerSpecs(cluster), className: 'rd-lb', part: partKey(cluster.name, 'load-balancer') });
  if (ace) front.push({ id: 'endpoint', kind: 'box', specs: endpointSpecs(cluster), className: 'rd-ace' });
  if (store)
    front.push({
      id: 'datastore',
      kind: 'cylinder',
      specs: [
        { text: 'External datastore', className: 'rd-strong' },
        { text: 'holds the cluster state', size: FONT.small, className: 'rd-muted' },
      ],
      className: 'rd-datastore',
      part: partKey(cluster.name, 'datastore'),
    });
  if (front.length) {
    const perRow = front.length > 1 && innerWidth >= 2 * 170 + BAND_GAP ? Math.min(front.length, innerWidth >= 3 * 170 + 2 * BAND_GAP ? 3 : 2) : 1;
    const boxWidth = Math.floor((innerWidth - (perRow - 1) * BAND_GAP) / perRow);
    let rowTop = y;
    for (let i = 0; i < front.length; i += perRow) {
      const row = front.slice(i, i + perRow).map((f, j) => {
        const reaches = f.id === 'load-balancer' ? lb?.targets : f.id === 'endpoint' ? ace?.targets : undefined;
        const s: Shape = { ...shape(f.id, f.kind, f.specs, x0 + j * (boxWidth + BAND_GAP), rowTop, boxWidth, f.className), ...(reaches ? { reaches } : {}) };
        return f.part === undefined ? s : markPart(s, f.part, marks);
      });
      const rowHeight = Math.max(...row.map((s) => s.height));
      shapes.push(...row);
      rowTop += rowHeight + BAND_GAP;
    }
    y = rowTop - BAND_GAP + FAN_SPACE;
  }

  const groups: GroupBox[] = planned.map((g) => {
    const cols = Math.min(columns, Math.max(1, g.cells));
    const rows = Math.ceil(g.cells / cols);
    const caption = `${roleGroupLabel(g.roles)} · ${plural(g.total, 'node')}`;
    const label = textBlock(caption, x0, y + lineHeight(FONT.small) - 4, innerWidth, FONT.small, 'rd-group-label rd-halo');
    // Room under the label for the arrowheads of links that land on the first row.
    const labelHeight = label.length * lineHeight(FONT.small) + 9;
    const top = y;
    // A grid with even steps: plain arithmetic (d3-scale for this pulled ~8 KB of colour and
    // number-format code into the checker).
    const col = (i: number) => x0 + i * (nodeWidth + GAP);
    const row = (i: number) => top + labelHeight + i * (g.height + GAP);
    const lbTargets = new Set(lb?.targets ?? []);
    const aceTargets = new Set(ace?.targets ?? []);
    const nodes = g.visible.map((n, i) => {
      const is = (set: Set<string>) => set.has(n.name) || (n.address !== undefined && set.has(n.address));
      const tags = [is(lbTargets) ? 'LB' : '', is(aceTargets) ? 'ACE' : ''].filter(Boolean);
      const box = nodeBox(cluster, n, marks, col(i % cols), row(Math.floor(i / cols)), nodeWidth, g.height, tags);
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
      const mx = col(i % cols);
      const my = row(Math.floor(i / cols));
      const sig = roleSignature(g.roles);
      const kind = `${sig === 'none' ? 'unassigned' : sig.replaceAll('+', ', ')} nodes`;
      more = {
        key: g.key,
        count: g.hidden.length,
        hidden: g.hidden.map((n) => n.name),
        x: mx,
        y: my,
        width: nodeWidth,
        height: g.height,
        lines: [
          text(`+${g.hidden.length} more`, mx + nodeWidth / 2, my + 24, nodeWidth - 16, FONT.text, 'rd-more-count', 'middle'),
          ...textBlock(kind, mx + nodeWidth / 2, my + 42, nodeWidth - 16, FONT.badge, 'rd-muted', 'middle').slice(0, 1),
        ],
      };
    }
    const gridHeight = rows * g.height + (rows - 1) * GAP;
    y = top + labelHeight + gridHeight + GROUP_GAP;
    return {
      key: g.key,
      signature: roleSignature(g.roles),
      roles: g.roles,
      total: g.total,
      label,
      caption,
      nodes,
      more,
      expanded: g.expanded,
      x: x0,
      y: top,
      width: gridWidth(cols),
      height: labelHeight + gridHeight,
    };
  });
  if (groups.length === 0) {
    // An empty cluster still gets a body line saying so.
    header.push(text('no nodes yet', x0, y + 12, innerWidth, FONT.small, 'rd-muted'));
    y += 24;
  }
  const height = y - (groups.length ? GROUP_GAP : 0) + PAD;

  const box = { x: 0, width, groups };
  const links: Link[] = [];
  // Fan out from one box at most, and only from the last row of boxes (nothing between it and the nodes).
  const lastRowTop = Math.max(...shapes.map((s) => s.y), -1);
  let fanned = false;
  for (const s of shapes) {
    const targets = s.id === 'load-balancer' ? lb?.targets : s.id === 'endpoint' ? ace?.targets : undefined;
    if (!targets) continue;
    const canFan = !fanned && Math.abs(s.y - lastRowTop) < 1;
    const made = targetLinks(s, box, targets, `${cluster.name}-${s.id}`, s.id === 'load-balancer' ? 'left' : 'right', canFan);
    if (canFan && made.length && !made[0]!.via) fanned = true;
    links.push(...made);
  }
  return {
    name: cluster.name,
    purpose: facts.purpose,
    severity: marks.cluster(cluster.name).severity,
    header,
    groups,
    shapes,
    links,
    x: 0,
    y: 0,
    width,
    height,
  };
}
