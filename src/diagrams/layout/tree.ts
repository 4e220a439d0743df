// A cluster's tree, cluster → role group → node, and its body laid out by walking that tree with
// d3-hierarchy. d3 counts the nodes under each group and orders the groups; the layout then walks
// the tree twice, as d3's own layouts do: bottom-up (`eachAfter`) each role group sizes its grid
// from its cells and goes under the group before, every box relative to its parent; top-down
// (`eachBefore`) each box moves by its parent's place. The boxes stay on the tree's nodes, as d3's
// layouts leave their x and y there.
import { hierarchy, type HierarchyNode } from 'd3-hierarchy';
import type { Cluster, NodeRole, PlanNode } from '../../rules/plan.ts';
import { ROLE_ORDER, roleGroupLabel, roleSignature, sortedRoles } from '../model.ts';
import type { Box, Link, Shape } from './geometry.ts';
import { FONT, GAP, NODE_HEIGHT, lineHeight, wrapText } from './measure.ts';
import { plural } from '../../rules/words.ts';

export interface TreeDatum {
  label: string;
  roles?: NodeRole[];
  node?: PlanNode;
  children?: TreeDatum[];
}

/** Groups led by etcd first, then controlplane, worker, server, agent; more roles before fewer; no role last. */
function rank(roles: readonly NodeRole[]): number {
  return roles.length === 0 ? 99 : Math.min(...roles.map((r) => ROLE_ORDER.indexOf(r))) - roles.length / 10;
}

/** cluster → role groups → nodes, as a d3 hierarchy; `.value` counts the nodes below. */
export function clusterTree(cluster: Cluster, order?: (roles: NodeRole[]) => number): HierarchyNode<TreeDatum> {
  // The nested data in one pass: a group per role signature, in the order the plan first names it.
  const groups = new Map<string, TreeDatum & { children: TreeDatum[] }>();
  for (const node of cluster.nodes) {
    const roles = sortedRoles(node);
    const label = roleSignature(roles);
    let group = groups.get(label);
    if (!group) groups.set(label, (group = { label, roles, children: [] }));
    group.children.push({ label: node.name, node });
  }
  // Only groups compare unequal: d3 sorts with Array#sort, which is stable, so nodes keep the plan's
  // order in their group.
  const compare = ({ data: a }: HierarchyNode<TreeDatum>, { data: b }: HierarchyNode<TreeDatum>) =>
    a.roles && b.roles ? (order ? order(a.roles) - order(b.roles) : 0) || rank(a.roles) - rank(b.roles) : 0;
  return hierarchy<TreeDatum>({ label: cluster.name, children: [...groups.values()] })
    .count()
    .sort(compare);
}

// ---- the body: role groups stacked, node boxes in wrapping grids ----------------------------

export interface NodeExtra {
  height: number;
  inner: (box: Box) => { shapes: Shape[]; links: Link[] };
}

/** What a role group draws, fixed before the body is sized. */
interface Band {
  /** Grid cells: the nodes drawn, plus one for the "+N more" box when some are folded into it. */
  cells: number;
  /** Every box in the group is this tall: room for the tallest node's extra parts. */
  cellHeight: number;
  /** Drawn whole although it is big enough to fold. */
  expanded: boolean;
  caption: string;
  /** Set when sized: node columns, and the label's height above the grid. */
  cols: number;
  labelHeight: number;
}

/** A node of the tree as the layout leaves it. */
export type ClusterNode = HierarchyNode<TreeDatum> & {
  /** Its box (none for a node folded into "+N more"): relative to its parent's until placed. */
  box?: Box;
  /** A role group's grid. */
  band?: Band;
  /** A node's cell in its group's grid, in reading order; none when folded into "+N more". */
  cell?: number;
  extra?: NodeExtra;
};

export interface Folding {
  /** Past this many nodes a group folds the rest into a count. */
  collapseAfter: number;
  /** Whether a group ("<cluster>/<role signature>") is drawn whole whatever its size. */
  expanded: (group: ClusterNode) => boolean;
  /** Nodes that stay drawn when their group folds (failed, highlighted, flagged). */
  keep: (node: PlanNode) => boolean;
  extra: (node: PlanNode) => NodeExtra | undefined;
}

/** Decides which nodes each role group draws, and how tall its cells are; returns the most cells in one group. */
export function foldGroups(tree: ClusterNode, folding: Folding): number {
  let maxCells = 1;
  for (const group of tree.children ?? []) {
    const nodes = group.children!;
    const big = nodes.length > folding.collapseAfter;
    const expanded = big && folding.expanded(group);
    let cells = 0;
    let cellHeight = NODE_HEIGHT;
    nodes.forEach((leaf, i) => {
      if (big && !expanded && i >= folding.collapseAfter - 1 && !folding.keep(leaf.data.node!)) return;
      leaf.cell = cells++;
      leaf.extra = folding.extra(leaf.data.node!);
      cellHeight = Math.max(cellHeight, leaf.extra?.height ?? NODE_HEIGHT);
    });
    // `.count()` gave the group's size: what is not drawn goes into one more cell.
    if (cells < group.value!) cells++;
    const caption = `${roleGroupLabel(group.data.roles!)} · ${plural(group.value!, 'node')}`;
    group.band = { cells, cellHeight, expanded, caption, cols: 1, labelHeight: 0 };
    maxCells = Math.max(maxCells, cells);
  }
  return maxCells;
}

export interface Grid {
  /** Most node columns in a group. */
  columns: number;
  nodeWidth: number;
  /** The body's width; group labels wrap to it. */
  width: number;
}

const GROUP_GAP = 14;

/** Where grid cell `i` of a sized group sits, from the group's top left. */
export function cellAt(band: Band, nodeWidth: number, i: number): Box {
  return {
    x: (i % band.cols) * (nodeWidth + GAP),
    y: band.labelHeight + Math.floor(i / band.cols) * (band.cellHeight + GAP),
    width: nodeWidth,
    height: band.cellHeight,
  };
}

/** A group's box holds its label and grid; its node boxes sit in the cells. */
function sizeGroup(group: ClusterNode, band: Band, grid: Grid, top: number): Box {
  band.cols = Math.min(grid.columns, band.cells);
  // Room under the label (textBlock wraps it the same way) for the arrowheads of links that land on the first row.
  band.labelHeight = wrapText(band.caption, grid.width, FONT.small).length * lineHeight(FONT.small) + 9;
  for (const leaf of group.children!) if (leaf.cell !== undefined) leaf.box = cellAt(band, grid.nodeWidth, leaf.cell);
  const rows = Math.ceil(band.cells / band.cols);
  return { x: 0, y: top, width: band.cols * (grid.nodeWidth + GAP) - GAP, height: band.labelHeight + rows * (band.cellHeight + GAP) - GAP };
}

/** Sizes every box of the body and places its top left at (x, y); returns the body's height. */
export function layoutBody(tree: ClusterNode, grid: Grid, x: number, y: number): number {
  // Bottom-up: a group is sized once its nodes are, and d3 visits the groups in order, so each
  // goes under the one before.
  let bottom = 0;
  tree.eachAfter((n) => {
    if (!n.band) return;
    n.box = sizeGroup(n, n.band, grid, bottom);
    bottom += n.box.height + GROUP_GAP;
  });
  tree.box = { x, y, width: grid.width, height: Math.max(0, bottom - GROUP_GAP) };
  // Top-down: every box moves by its parent's place, already final.
  tree.eachBefore((n) => {
    const parent = n.parent?.box;
    if (parent && n.box) {
      n.box.x += parent.x;
      n.box.y += parent.y;
    }
  });
  return tree.box.height;
}
