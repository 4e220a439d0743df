// Rancher on K3s: the servers behind a load balancer, and where the cluster data lives.
import type { NodeRole, Plan } from '../../rules/vocabulary.ts';
import { datastoreOf } from '../../rules/cluster-facts.ts';
import { FONT, bottomOf, layoutCluster, link, shape, shapeWidth, textBlock, topOf, type LineSpec } from '../layout/index.ts';
import type { Marks } from '../model.ts';

import { STEP, type FigureOptions, type Figure, empty, roomOf, finish, clusterOptions, missing } from './compose.ts';
import { pick, etcdPanel } from './etcd-panel.ts';

// ---- K3s ---------------------------------------------------------------------------------

export function k3sFigure(plan: Plan, marks: Marks, o: FigureOptions = {}): Figure {
  const cluster = pick(plan, (c) => c.distribution === 'k3s');
  if (!cluster) return finish(missing('no-cluster', 'No cluster in this plan to draw', o), o);
  const p = empty();
  const room = roomOf(o);
  const serversFirst = (roles: NodeRole[]) => (roles.includes('server') ? 0 : 1);
  const box = layoutCluster(plan, cluster, marks, clusterOptions(o, { groupOrder: serversFirst, endpoints: { loadBalancer: true } }));
  p.clusters.push(box);
  const cx = box.x + box.width / 2;
  const below = box.y + box.height + STEP;
  const datastore = datastoreOf(cluster);
  if (datastore === 'external' || datastore === 'sqlite') {
    const external = datastore === 'external';
    const specs: LineSpec[] = external
      ? [
          { text: 'External datastore', className: 'rd-strong' },
          { text: 'MySQL, PostgreSQL or etcd', size: FONT.small, className: 'rd-muted' },
          { text: 'holds every byte of cluster state', size: FONT.small, className: 'rd-muted' },
        ]
      : [
          { text: 'SQLite on the server', className: 'rd-strong' },
          { text: 'one copy, on one machine', size: FONT.small, className: 'rd-muted' },
        ];
    const width = shapeWidth(specs, room, 240);
    const store = shape('datastore', 'cylinder', specs, cx - width / 2, below, width, external ? 'rd-datastore' : 'rd-datastore rd-unknown');
    p.shapes.push(store);
    const servers = box.groups[0];
    const oneRow = servers && [...servers.nodes, ...(servers.more ? [servers.more] : [])].every((n) => Math.abs(n.y - servers.nodes[0]!.y) < 1);
    if (box.groups.length === 1 && servers?.roles.includes('server') && oneRow) {
      for (const n of [...servers.nodes, ...(servers.more ? [servers.more] : [])])
        p.links.push(link(`data-${'key' in n ? n.key : 'more'}`, bottomOf(n), topOf(store), 'rd-link rd-link-data'));
    } else {
      p.links.push(link('data', bottomOf(box), topOf(store), 'rd-link rd-link-data'));
    }
    if (external) {
      p.notes.push(
        ...textBlock(
          'Servers keep no state of their own: replace one and nothing is lost',
          cx,
          store.y + store.height + 22,
          Math.min(room, Math.max(box.width, 520)),
          FONT.small,
          'rd-muted',
          'middle',
        ),
      );
    }
  } else {
    const panel = etcdPanel(plan, cluster, marks, cx, below, p, o);
    if (panel) p.links.push(link('etcd', bottomOf(box), topOf(panel), 'rd-link rd-link-data'));
  }
  return finish(p, o);
}
