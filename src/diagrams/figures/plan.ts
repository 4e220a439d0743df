// The whole plan: every cluster, the Docker host, and Rancher's management links.
import type { Plan } from '../../rules/vocabulary.ts';
import { rancherCluster } from '../../rules/cluster-facts.ts';
import { flow, layoutCluster, shape, shapeWidth, type ClusterBox, type Shape } from '../layout/index.ts';
import type { Marks } from '../model.ts';

import {
  FLOW_GAP,
  ROW_GAP,
  type FigureOptions,
  type Figure,
  empty,
  roomOf,
  finish,
  clusterOptions,
  missing,
  dockerShape,
  rancherMissing,
  place,
  add,
  topAndRows,
} from './compose.ts';

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
