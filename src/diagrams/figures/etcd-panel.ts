// Shared by the K3s and RKE figures: which cluster a figure is about, and its etcd members drawn
// as data copies with quorum and fault tolerance from the cluster's facts.
import type { Cluster, Plan } from '../../rules/vocabulary.ts';
import { clusterFacts, etcdMembers, quorumOf, rancherCluster } from '../../rules/cluster-facts.ts';
import { FONT, link, shape, shapeWidth, type LineSpec, type Shape } from '../layout/index.ts';
import type { Marks } from '../model.ts';

import { type FigureOptions, type Parts, roomOf } from './compose.ts';
import { nodeKey } from '../../rules/keys.ts';
import { plural } from '../../rules/words.ts';

// ---- picking the cluster a figure is about -------------------------------------------------

export function pick(plan: Plan, prefer: (c: Cluster) => boolean): Cluster | undefined {
  const rancher = rancherCluster(plan);
  if (rancher && prefer(rancher)) return rancher;
  return plan.clusters.find(prefer) ?? rancher ?? plan.clusters[0];
}

/** The etcd members of a cluster as linked data copies, with quorum and fault tolerance. */
export function etcdPanel(plan: Plan, cluster: Cluster, marks: Marks, cx: number, y: number, p: Parts, o: FigureOptions): Shape | undefined {
  // The figures come from the cluster's facts, the ones the report states; the list only names the members drawn.
  const { members: memberCount, quorum, tolerated } = quorumOf(clusterFacts(plan, cluster, plan.clusters.indexOf(cluster)));
  if (!memberCount) return undefined;
  const members = etcdMembers(cluster);
  const room = roomOf(o);
  const limit = Math.max(2, o.collapseAfter ?? 9);
  const keep = (name: string) => marks.keep(nodeKey(cluster.name, name));
  const shown = memberCount <= limit ? members : members.filter((m, i) => i < limit - 1 || keep(m.name));
  const hiddenCount = memberCount - shown.length;
  const alive = members.filter((m) => !marks.node(cluster.name, m.name).failed).length;
  const lines: LineSpec[] = [
    { text: `etcd: the cluster data, copied to each of ${plural(memberCount, 'member')}`, className: 'rd-strong' },
    { text: `quorum ${quorum} of ${memberCount} · survives ${plural(tolerated, 'lost member')}`, size: FONT.small, className: 'rd-muted' },
  ];
  if (alive < memberCount) {
    lines.push({
      text: `${alive} of ${memberCount} up: ${alive >= quorum ? 'quorum kept' : 'quorum lost, the cluster stops accepting writes'}`,
      size: FONT.small,
      className: alive >= quorum ? 'rd-muted' : 'rd-bad',
    });
  }
  const cyl = { width: 104, gap: 18 };
  const count = shown.length + (hiddenCount ? 1 : 0);
  const perRow = Math.max(1, Math.min(count, Math.floor((room - 24 + cyl.gap) / (cyl.width + cyl.gap))));
  const rowWidth = perRow * cyl.width + (perRow - 1) * cyl.gap;
  const width = Math.min(room, Math.max(rowWidth + 24, shapeWidth(lines, room)));
  const frame = shape('etcd', 'note', lines, cx - width / 2, y, width, 'rd-etcd-panel');
  const top = frame.y + frame.height;
  const cylinders: Shape[] = [];
  const rowHeight = 66;
  shown.forEach((m, i) => {
    const failed = marks.node(cluster.name, m.name).failed;
    const x = cx - rowWidth / 2 + (i % perRow) * (cyl.width + cyl.gap);
    const cy = top + Math.floor(i / perRow) * (rowHeight + 12);
    const c = shape(
      `etcd-${m.name}`,
      'cylinder',
      [
        { text: m.name, size: FONT.small, className: 'rd-node-name', fit: true },
        { text: failed ? 'failed' : 'data copy', size: FONT.badge, className: 'rd-muted' },
      ],
      x,
      cy,
      cyl.width,
      `rd-etcd${failed ? ' is-failed' : ''}`,
    );
    cylinders.push({ ...c, crossed: failed });
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
