// A cluster as drawn: its header (the caption from the cluster's facts), the load balancer,
// endpoint and datastore in front, and its body, the d3-hierarchy tree cluster → role group → node
// laid out in tree.ts. A layout is given the width it may use (`maxWidth`) and fits itself to it
// (fewer node columns, text wrapped); what still does not fit scrolls sideways instead of shrinking.
import { DATASTORE_LABEL, clusterFacts, quorumOf, usesServerRoles } from '../../rules/cluster-facts.ts';
import { hasFailableDatastore } from '../../rules/failure.ts';
import { groupKey, nodeKey, partKey } from '../../rules/keys.ts';
import type { Cluster, NodeRole, Plan, PlanNode } from '../../rules/plan.ts';
import { CAPTION_LABEL, captionOf, sortedRoles, type ClusterCaption, type Marks, type NodeMarks } from '../model.ts';

import { FONT, NODE_WIDTH, MIN_NODE_WIDTH, GAP, PAD, LANE, textWidth, tagWidth, lineHeight, fitText } from './measure.ts';
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
import { cellAt, clusterTree, foldGroups, layoutBody, type ClusterNode, type Grid, type NodeExtra } from './tree.ts';
import { DISTRIBUTION_LABEL } from '../../rules/vocabulary.ts';
import { plural } from '../../rules/words.ts';

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
  nodeExtras?: (node: PlanNode, cluster: Cluster) => NodeExtra | undefined;
}

export const DEFAULT_COLUMNS = 6;
export const DEFAULT_COLLAPSE = 12;

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

function nodeBox(cluster: Cluster, node: PlanNode, marks: Marks, box: Box, tags: string[]): NodeBox {
  const { width } = box;
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
    ...box,
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

/** The boxes a cluster draws in front of its nodes, and the lanes their links run down. */
function frontOf(cluster: Cluster, options: ClusterLayoutOptions) {
  const want = options.endpoints === true ? { loadBalancer: true, authorizedEndpoint: true, datastore: true } : options.endpoints || {};
  const lb = want.loadBalancer && cluster.loadBalancer ? cluster.loadBalancer : undefined;
  const ace = want.authorizedEndpoint && cluster.authorizedEndpoint ? cluster.authorizedEndpoint : undefined;
  const store = Boolean(want.datastore) && hasFailableDatastore(cluster);
  return { lb, ace, store, laneLeft: lb || options.lanes?.left ? LANE : 0, laneRight: ace || options.lanes?.right ? LANE : 0 };
}

/**
 * Node width and columns: as many columns as asked for and room allows; two narrower columns
 * rather than one, down to the minimum node width. The body is as wide as its widest group, and
 * never narrower than `minColumns` so the header stays readable.
 */
function gridFor(maxCells: number, options: ClusterLayoutOptions, lanes: number): Grid {
  const preferred = options.nodeWidth ?? NODE_WIDTH;
  const narrowest = Math.min(preferred, options.minNodeWidth ?? MIN_NODE_WIDTH);
  const room = options.maxWidth !== undefined ? options.maxWidth - 2 * PAD - lanes : Infinity;
  const fits = (w: number) => Math.max(1, Math.floor((room + GAP) / (w + GAP)));
  let columns = Math.max(1, Math.min(options.columns ?? DEFAULT_COLUMNS, fits(preferred)));
  let nodeWidth = preferred;
  if (columns < Math.min(2, maxCells, options.columns ?? DEFAULT_COLUMNS)) {
    const squeezed = Math.floor((room - GAP) / 2);
    if (squeezed >= narrowest) {
      nodeWidth = squeezed;
      columns = 2;
    } else nodeWidth = Math.max(narrowest, Math.min(preferred, Math.floor(room)));
  }
  // The widest group is the one with the most cells.
  const cols = Math.max(Math.min(columns, options.minColumns ?? 2), Math.min(columns, maxCells));
  return { columns, nodeWidth, width: cols * nodeWidth + (cols - 1) * GAP };
}

/** Header: the name (shortened), then the facts, wrapped; returns where the header ends. */
function headerOf(facts: ReturnType<typeof clusterCaptions>, name: string, x0: number, width: number): { header: TextLine[]; bottom: number } {
  const header: TextLine[] = [];
  let y = 8;
  y += lineHeight(FONT.title);
  header.push(text(name, x0, y - 5, width, FONT.title, 'rd-cluster-name rd-halo'));
  for (const [full, className] of [
    [`${CAPTION_LABEL[facts.purpose]} · ${facts.kind}`, 'rd-cluster-kind'],
    [facts.counts, 'rd-muted'],
  ] as const) {
    const lines = textBlock(full, x0, y + lineHeight(FONT.small) - 4, width, FONT.small, `${className} rd-halo`);
    header.push(...lines);
    y += lines.length * lineHeight(FONT.small);
  }
  return { header, bottom: y + 8 };
}

/** Front boxes: load balancer, authorized endpoint, external datastore; side by side when two fit. Returns where they end. */
function frontShapes(
  cluster: Cluster,
  front: ReturnType<typeof frontOf>,
  marks: Marks,
  x0: number,
  width: number,
  top: number,
): { shapes: Shape[]; bottom: number } {
  const { lb, ace, store } = front;
  const shapes: Shape[] = [];
  // The endpoint is not something the what-if fails, so it has no part key; the others carry theirs.
  const boxes: { id: string; kind: ShapeKind; specs: LineSpec[]; className: string; part?: string; reaches?: string[] }[] = [];
  if (lb)
    boxes.push({
      id: 'load-balancer',
      kind: 'box',
      specs: loadBalancerSpecs(cluster),
      className: 'rd-lb',
      part: partKey(cluster.name, 'load-balancer'),
      reaches: lb.targets,
    });
  if (ace) boxes.push({ id: 'endpoint', kind: 'box', specs: endpointSpecs(cluster), className: 'rd-ace', reaches: ace.targets });
  if (store)
    boxes.push({
      id: 'datastore',
      kind: 'cylinder',
      specs: [
        { text: 'External datastore', className: 'rd-strong' },
        { text: 'holds the cluster state', size: FONT.small, className: 'rd-muted' },
      ],
      className: 'rd-datastore',
      part: partKey(cluster.name, 'datastore'),
    });
  if (!boxes.length) return { shapes, bottom: top };
  const perRow = boxes.length > 1 && width >= 2 * 170 + BAND_GAP ? Math.min(boxes.length, width >= 3 * 170 + 2 * BAND_GAP ? 3 : 2) : 1;
  const boxWidth = Math.floor((width - (perRow - 1) * BAND_GAP) / perRow);
  let rowTop = top;
  for (let i = 0; i < boxes.length; i += perRow) {
    const row = boxes.slice(i, i + perRow).map((f, j) => {
      const s: Shape = {
        ...shape(f.id, f.kind, f.specs, x0 + j * (boxWidth + BAND_GAP), rowTop, boxWidth, f.className),
        ...(f.reaches ? { reaches: f.reaches } : {}),
      };
      return f.part === undefined ? s : markPart(s, f.part, marks);
    });
    shapes.push(...row);
    rowTop += Math.max(...row.map((s) => s.height)) + BAND_GAP;
  }
  return { shapes, bottom: rowTop - BAND_GAP + FAN_SPACE };
}

/** A role group of the laid-out tree as drawn: its label, its node boxes and the "+N more" box. */
function groupBox(cluster: Cluster, g: ClusterNode, marks: Marks, front: ReturnType<typeof frontOf>, grid: Grid): GroupBox {
  const band = g.band!;
  const roles = g.data.roles!;
  const signature = g.data.label;
  const key = groupKey(cluster.name, signature);
  const { x, y } = g.box!;
  const label = textBlock(band.caption, x, y + lineHeight(FONT.small) - 4, grid.width, FONT.small, 'rd-group-label rd-halo');
  const lbTargets = new Set(front.lb?.targets ?? []);
  const aceTargets = new Set(front.ace?.targets ?? []);
  const drawn = (g.children ?? []).filter((leaf) => leaf.cell !== undefined);
  const nodes = drawn.map((leaf) => {
    const n = leaf.data.node!;
    const is = (set: Set<string>) => set.has(n.name) || (n.address !== undefined && set.has(n.address));
    const tags = [is(lbTargets) ? 'LB' : '', is(aceTargets) ? 'ACE' : ''].filter(Boolean);
    const box = nodeBox(cluster, n, marks, leaf.box!, tags);
    if (leaf.extra) {
      const parts = leaf.extra.inner(box);
      box.inner = parts.shapes;
      box.innerLinks = parts.links;
    }
    return box;
  });
  let more: MoreBox | undefined;
  if (drawn.length < g.value!) {
    // The cell after the last node drawn, placed as eachBefore placed the nodes.
    const at = cellAt(band, grid.nodeWidth, drawn.length);
    const mx = (at.x += x);
    const my = (at.y += y);
    const w = at.width;
    const hidden = (g.children ?? []).filter((leaf) => leaf.cell === undefined).map((leaf) => leaf.data.node!.name);
    const kind = `${signature === 'none' ? 'unassigned' : signature.replaceAll('+', ', ')} nodes`;
    more = {
      key,
      count: hidden.length,
      hidden,
      ...at,
      lines: [
        text(`+${hidden.length} more`, mx + w / 2, my + 24, w - 16, FONT.text, 'rd-more-count', 'middle'),
        ...textBlock(kind, mx + w / 2, my + 42, w - 16, FONT.badge, 'rd-muted', 'middle').slice(0, 1),
      ],
    };
  }
  return { key, signature, roles, total: g.value!, label, caption: band.caption, nodes, more, expanded: band.expanded, ...g.box! };
}

/** Links from the front boxes to the nodes they reach: a fan from one box at most, and only from the last row of boxes (nothing between it and the nodes). */
function frontLinks(cluster: Cluster, shapes: Shape[], body: Pick<ClusterBox, 'x' | 'width' | 'groups'>): Link[] {
  const links: Link[] = [];
  const lastRowTop = Math.max(...shapes.map((s) => s.y), -1);
  let fanned = false;
  for (const s of shapes) {
    const targets = s.reaches;
    if (!targets) continue;
    const canFan = !fanned && Math.abs(s.y - lastRowTop) < 1;
    const made = targetLinks(s, body, targets, `${cluster.name}-${s.id}`, s.id === 'load-balancer' ? 'left' : 'right', canFan);
    if (canFan && made.length && !made[0]!.via) fanned = true;
    links.push(...made);
  }
  return links;
}

/** Lays one cluster out at the origin; `placeCluster` moves it. */
export function layoutCluster(plan: Plan, cluster: Cluster, marks: Marks, options: ClusterLayoutOptions = {}): ClusterBox {
  const front = frontOf(cluster, options);
  const x0 = PAD + front.laneLeft;
  const tree: ClusterNode = clusterTree(cluster, options.groupOrder);
  const maxCells = foldGroups(tree, {
    collapseAfter: Math.max(2, options.collapseAfter ?? DEFAULT_COLLAPSE),
    expanded: (g) => options.expanded?.has(groupKey(cluster.name, g.data.label)) ?? false,
    keep: (n) => marks.keep(nodeKey(cluster.name, n.name)),
    extra: (n) => options.nodeExtras?.(n, cluster),
  });
  const grid = gridFor(maxCells, options, front.laneLeft + front.laneRight);
  const width = grid.width + 2 * PAD + front.laneLeft + front.laneRight;
  const facts = clusterCaptions(plan, cluster);
  const { header, bottom } = headerOf(facts, cluster.name, x0, grid.width);
  const { shapes, bottom: top } = frontShapes(cluster, front, marks, x0, grid.width, bottom);
  const body = layoutBody(tree, grid, x0, top);
  const groups = (tree.children ?? []).map((g) => groupBox(cluster, g, marks, front, grid));
  // An empty cluster still gets a body line saying so.
  if (!groups.length) header.push(text('no nodes yet', x0, top + 12, grid.width, FONT.small, 'rd-muted'));
  const height = top + (groups.length ? body : 24) + PAD;
  return {
    name: cluster.name,
    purpose: facts.purpose,
    severity: marks.cluster(cluster.name).severity,
    header,
    groups,
    shapes,
    links: frontLinks(cluster, shapes, { x: 0, width, groups }),
    x: 0,
    y: 0,
    width,
    height,
  };
}
