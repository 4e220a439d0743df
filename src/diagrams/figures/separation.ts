// Rancher's own cluster above the line, the clusters that run applications below it.
import type { Plan } from '../../rules/vocabulary.ts';
import { rancherCluster } from '../../rules/cluster-facts.ts';
import { FONT, layoutCluster, lineHeight, link, shape, shapeWidth, textBlock, type ClusterBox, type Shape } from '../layout/index.ts';
import type { Marks } from '../model.ts';

import { type FigureOptions, type Figure, empty, roomOf, finish, clusterOptions, dockerShape, rancherMissing, topAndRows } from './compose.ts';

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
