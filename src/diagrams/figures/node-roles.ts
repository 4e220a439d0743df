// One downstream cluster, its nodes grouped by role.
import type { Plan } from '../../rules/vocabulary.ts';
import { rancherCluster } from '../../rules/cluster-facts.ts';
import { flow, layoutCluster, placeCluster } from '../layout/index.ts';
import type { Marks } from '../model.ts';

import { type FigureOptions, type Figure, empty, roomOf, finish, clusterOptions, missing } from './compose.ts';

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
