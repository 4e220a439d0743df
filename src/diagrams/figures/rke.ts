// Rancher on RKE: three nodes with every role, and etcd copied across them.
import type { Plan } from '../../rules/vocabulary.ts';
import { FONT, bottomOf, layoutCluster, link, textBlock, topOf } from '../layout/index.ts';
import type { Marks } from '../model.ts';

import { STEP, type FigureOptions, type Figure, empty, roomOf, finish, clusterOptions, missing } from './compose.ts';
import { pick, etcdPanel } from './etcd-panel.ts';

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
