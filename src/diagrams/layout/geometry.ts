// The primitives every figure is made of: boxes, text lines, labelled shapes, links (d3-shape's
// curves, or straight segments through corners) and the severity markers.
import { linkHorizontal, linkVertical, symbol, symbolCircle, symbolCross, symbolTriangle } from 'd3-shape';
import type { NodeRole } from '../../rules/plan.ts';
import type { Severity } from '../../rules/report.ts';
import type { ClusterCaption, NodeMarks } from '../model.ts';

import { FONT, textWidth, lineHeight, wrapText, fitText } from './measure.ts';

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
  /** The text before fitting or wrapping, for tooltips, the text version and tests. */
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
  zone?: string;
  roles: NodeRole[];
  marks: NodeMarks;
  /** What fronts this node: "LB" (load-balancer target), "ACE" (authorized endpoint target). */
  tags: string[];
  /** Whether the tags fit beside the role badges (they are always in the tooltip and text version). */
  showTags: boolean;
  /** Bottom line: failure or severity, else the address. */
  status: string;
  /** Extra parts drawn inside the node (ingress controller, Rancher pod). */
  inner: Shape[];
  innerLinks: Link[];
}

export interface MoreBox extends Box {
  /** The group it stands in for: "<cluster>/<role signature>". */
  key: string;
  count: number;
  hidden: string[];
  lines: TextLine[];
}

export interface GroupBox extends Box {
  /** "<cluster>/<role signature>": what the checker expands. */
  key: string;
  signature: string;
  roles: NodeRole[];
  total: number;
  /** The label, wrapped; `caption` is the whole sentence. */
  label: TextLine[];
  caption: string;
  nodes: NodeBox[];
  more?: MoreBox;
  /** True when the group could collapse but is drawn whole. */
  expanded: boolean;
}

export interface ClusterBox extends Box {
  name: string;
  purpose: ClusterCaption;
  severity?: Severity;
  header: TextLine[];
  groups: GroupBox[];
  /** Boxes in front of the nodes (load balancer, authorized endpoint, external datastore). */
  shapes: Shape[];
  /** Their links to the nodes behind them. */
  links: Link[];
}

export type ShapeKind = 'box' | 'cylinder' | 'note' | 'client';

export interface Shape extends Box {
  id: string;
  kind: ShapeKind;
  className: string;
  lines: TextLine[];
  crossed?: boolean;
  /** The key the checker fails it by ("<cluster>/#load-balancer", "#docker-host"…). */
  part?: string;
  /** The nodes it forwards to, as the plan names them (load balancer, endpoint). */
  reaches?: string[];
}

export interface Link {
  id: string;
  from: Point;
  to: Point;
  /** Corners of an elbowed link between `from` and `to`; without them the link is a d3 curve. */
  via?: Point[];
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

/** Text wrapped to `width`, one TextLine per line from the first baseline `y` down. */
export function textBlock(
  full: string,
  x: number,
  y: number,
  width: number,
  size: number,
  className: string,
  anchor: TextLine['anchor'] = 'start',
): TextLine[] {
  return wrapText(full, width, size).map((part, i) => ({ text: part, full, x, y: y + i * lineHeight(size), size, anchor, className }));
}

export interface LineSpec {
  text: string;
  size?: number;
  className?: string;
  /** Shorten with an ellipsis instead of wrapping (names in small boxes). */
  fit?: boolean;
}

/** A box (or cylinder, note, client) holding centred lines of text, wrapped to fit; its height follows them. */
export function shape(id: string, kind: ShapeKind, specs: LineSpec[], x: number, y: number, width: number, className = ''): Shape {
  const top = kind === 'cylinder' ? 14 : 8;
  let cursor = y + top;
  const lines: TextLine[] = [];
  for (const s of specs) {
    const size = s.size ?? FONT.text;
    for (const part of s.fit ? [fitText(s.text, width - 16, size)] : wrapText(s.text, width - 16, size)) {
      cursor += lineHeight(size);
      lines.push({
        text: part,
        full: s.text,
        x: x + width / 2,
        y: cursor - Math.round(size * 0.3),
        size,
        anchor: 'middle',
        className: s.className ?? 'rd-text',
      });
    }
  }
  const height = cursor - y + (kind === 'cylinder' ? 12 : 8);
  return { id, kind, className, lines, x, y, width, height };
}

/** The narrowest width (within `max`) at which every line of a shape fits without wrapping. */
export function shapeWidth(specs: LineSpec[], max: number, min = 0): number {
  const want = Math.max(min, ...specs.map((s) => textWidth(s.text, s.size ?? FONT.text) + 24));
  return Math.min(max, Math.ceil(want));
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

/** A link with right-angled corners through `via`. */
export function elbow(id: string, points: Point[], className = 'rd-link', arrow = true): Link {
  return { id, from: points[0]!, to: points.at(-1)!, via: points.slice(1, -1), orientation: 'vertical', className, arrow };
}

/** The link's SVG path: straight segments through its corners, else a d3 vertical or horizontal curve. */
export function linkPath(l: Link): string {
  if (l.via) return [l.from, ...l.via, l.to].map((p, i) => `${i ? 'L' : 'M'}${round(p.x)},${round(p.y)}`).join('');
  const path = l.orientation === 'vertical' ? verticalPath : horizontalPath;
  return path({ source: l.from, target: l.to }) ?? '';
}

const round = (n: number) => Math.round(n * 10) / 10;

export const bottomOf = (b: Box): Point => ({ x: b.x + b.width / 2, y: b.y + b.height });
export const topOf = (b: Box): Point => ({ x: b.x + b.width / 2, y: b.y });

/** Severity markers differ in shape (cross, drawn turned 45° as an ×; triangle; circle), not only in colour. */
const SEVERITY_SYMBOL = { error: symbolCross, warning: symbolTriangle, info: symbolCircle } as const;
export function severityPath(severity: Severity, size = 64): string {
  return symbol(SEVERITY_SYMBOL[severity], size)() ?? '';
}
