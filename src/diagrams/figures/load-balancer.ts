// From the Rancher DNS name through a layer-4 balancer and the ingress to the Rancher pods.
import type { Cluster, Plan } from '../../rules/vocabulary.ts';
import { isWorkerCapable } from '../../rules/cluster-facts.ts';
import {
  FONT,
  bottomOf,
  layoutCluster,
  link,
  placeCluster,
  shape,
  shapeWidth,
  targetLinks,
  topOf,
  type Box,
  type LineSpec,
  type Link,
  type Shape,
} from '../layout/index.ts';
import type { Marks } from '../model.ts';

import { STEP, type FigureOptions, type Figure, empty, roomOf, finish, clusterOptions, stack, missing } from './compose.ts';
import { pick } from './etcd-panel.ts';
import { plural } from '../../rules/words.ts';

// ---- load balancer -----------------------------------------------------------------------

const INNER_TOP = 46;

function ingressParts(cluster: Cluster) {
  const tlsAtLb = cluster.loadBalancer?.tlsTermination === 'load-balancer';
  return (box: Box): { shapes: Shape[]; links: Link[] } => {
    const w = box.width - 16;
    const x = box.x + 8;
    const node = cluster.nodes.find((n) => n.name === (box as { name?: string }).name);
    const runsIngress = cluster.distribution !== 'rke' || !node || isWorkerCapable(cluster, node);
    if (!runsIngress) {
      return {
        shapes: [
          shape(
            `noingress`,
            'note',
            [
              { text: 'no ingress here', size: FONT.badge },
              { text: '(not a worker)', size: FONT.badge },
            ],
            x,
            box.y + INNER_TOP,
            w,
            'rd-muted-box',
          ),
        ],
        links: [],
      };
    }
    const ingress = shape(
      'ingress',
      'box',
      [
        { text: 'Ingress controller', size: FONT.small, className: 'rd-strong' },
        ...(tlsAtLb
          ? [
              { text: 'plain HTTP from', size: FONT.badge },
              { text: 'the balancer', size: FONT.badge },
            ]
          : [
              { text: 'TLS ends on :443', size: FONT.badge },
              { text: 'HTTP :80 → HTTPS', size: FONT.badge },
            ]),
      ],
      x,
      box.y + INNER_TOP,
      w,
      'rd-ingress',
    );
    const pod = shape(
      'pod',
      'box',
      [
        { text: 'Rancher pod', size: FONT.small, className: 'rd-strong' },
        { text: 'serves on :80', size: FONT.badge },
      ],
      x,
      ingress.y + ingress.height + 18,
      w,
      'rd-pod',
    );
    return { shapes: [ingress, pod], links: [link('ingress-pod', bottomOf(ingress), topOf(pod), 'rd-link rd-link-inner')] };
  };
}

export function loadBalancerFigure(plan: Plan, marks: Marks, o: FigureOptions = {}): Figure {
  const cluster = pick(plan, (c) => Boolean(c.loadBalancer));
  if (!cluster) return finish(missing('no-cluster', 'No cluster in this plan to draw', o), o);
  const p = empty();
  const room = roomOf(o);
  const targets = cluster.loadBalancer?.targets ?? [];
  const parts = ingressParts(cluster);
  const nodeWidth = 150;
  // Measure the parts once on a sample box: ingress, gap, pod, then the status line.
  const sample = parts({ x: 0, y: 0, width: nodeWidth, height: 0 });
  const tall = Math.max(...sample.shapes.map((s) => s.y + s.height)) + 26;
  const box0 = layoutCluster(
    plan,
    cluster,
    marks,
    clusterOptions(o, {
      nodeWidth,
      minNodeWidth: nodeWidth,
      columns: o.columns ?? 5,
      collapseAfter: o.collapseAfter ?? 5,
      groupOrder: () => 0,
      lanes: { left: true },
      nodeExtras: () => ({ height: tall, inner: (b) => parts(b) }),
    }),
  );
  const lb = cluster.loadBalancer;
  const width = Math.max(box0.width, Math.min(room, 300));
  const cx = width / 2;
  const entry = Math.min(room, 280);
  let y = stack(
    [
      { id: 'client', kind: 'client', lines: [{ text: 'Browser, CLI or API client', className: 'rd-strong' }], width: entry },
      {
        id: 'dns',
        kind: 'box',
        lines: [
          { text: 'DNS name for Rancher', className: 'rd-strong' },
          { text: 'resolves to the load balancer', size: FONT.small, className: 'rd-muted' },
        ],
        width: entry,
        className: 'rd-dns',
      },
    ],
    cx,
    0,
    p,
  );
  if (lb) {
    const specs: LineSpec[] = [
      { text: `Layer-${lb.layer} load balancer (${lb.layer === 4 ? 'TCP' : 'HTTP'})`, className: 'rd-strong' },
      { text: `passes TCP ${lb.ports.join(' and ')} on to ${plural(targets.length, 'node')}`, size: FONT.small, className: 'rd-muted' },
    ];
    const w = shapeWidth(specs, room, 260);
    const sh = shape('load-balancer', 'box', specs, cx - w / 2, y, w, lb.layer === 4 ? 'rd-lb' : 'rd-lb has-warning');
    p.links.push(link('dns-lb', bottomOf(p.shapes.at(-1)!), topOf(sh)));
    p.shapes.push(sh);
    y = sh.y + sh.height + STEP + 8;
    const box = placeCluster(box0, cx - box0.width / 2, y);
    p.clusters.push(box);
    p.links.push(...targetLinks(sh, box, targets, 'lb', 'left', true));
  } else {
    const words = 'No load balancer: clients depend on one node';
    const sh = shape('no-lb', 'note', [{ text: words, className: 'rd-bad' }], cx - Math.min(room, 340) / 2, y, Math.min(room, 340), 'has-warning');
    p.links.push(link('dns-nolb', bottomOf(p.shapes.at(-1)!), topOf(sh)));
    p.shapes.push(sh);
    const box = placeCluster(box0, cx - box0.width / 2, sh.y + sh.height + STEP);
    p.clusters.push(box);
  }
  return finish(p, o);
}
