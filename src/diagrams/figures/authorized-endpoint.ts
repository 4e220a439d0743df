// kubectl reaching a cluster's API servers straight through the authorized endpoint's FQDN.
import type { Plan } from '../../rules/vocabulary.ts';
import { clusterPurpose, isControlPlane } from '../../rules/cluster-facts.ts';
import { FONT, layoutCluster, lineHeight, placeCluster, targetLinks, textBlock, type LineSpec } from '../layout/index.ts';
import type { Marks } from '../model.ts';

import { STEP, type FigureOptions, type Figure, empty, roomOf, finish, clusterOptions, stack, missing } from './compose.ts';
import { plural } from '../../rules/words.ts';

// ---- authorized cluster endpoint ---------------------------------------------------------

export function authorizedEndpointFigure(plan: Plan, marks: Marks, o: FigureOptions = {}): Figure {
  const cluster = plan.clusters.find((c) => c.authorizedEndpoint) ?? plan.clusters.find((c) => clusterPurpose(plan, c) !== 'rancher') ?? plan.clusters[0];
  if (!cluster) return finish(missing('no-cluster', 'No cluster in this plan to draw', o), o);
  const room = roomOf(o);
  const ace = cluster.authorizedEndpoint;
  // Which nodes run an API server is a cluster fact (a K3s server does, an RKE node only with the controlplane role).
  const controlplanes = cluster.nodes.filter((n) => isControlPlane(cluster, n)).map((n) => n.name);
  const targets = ace?.targets.length ? ace.targets : [];
  const reached = targets.length ? targets : controlplanes.slice(0, 1);
  const box0 = layoutCluster(
    plan,
    cluster,
    marks,
    clusterOptions(o, {
      groupOrder: (roles) => (isControlPlane(cluster, { roles }) ? 0 : 1),
      lanes: { left: true },
    }),
  );
  const p = empty();
  const boxWidth = Math.min(room, 320);
  const width = Math.max(box0.width, boxWidth);
  const cx = width / 2;
  const ca: LineSpec = !ace?.privateCA
    ? { text: 'certificate from a public CA', size: FONT.small, className: 'rd-muted' }
    : ace.caCertificate
      ? { text: 'carries the private CA certificate', size: FONT.small, className: 'rd-muted' }
      : { text: 'private CA certificate not supplied', size: FONT.small, className: 'rd-bad' };
  const client = [
    {
      id: 'kubeconfig',
      kind: 'client' as const,
      width: boxWidth,
      lines: [
        { text: 'kubectl with a generated kubeconfig', className: 'rd-strong' },
        { text: `server: ${ace?.fqdn ? `https://${ace.fqdn}` : 'one controlplane node'}`, size: FONT.small, className: 'rd-mono' },
        ca,
      ],
    },
  ];
  let y: number;
  if (ace?.fqdn) {
    y = stack(
      [
        ...client,
        {
          id: 'fqdn',
          kind: 'box',
          width: boxWidth,
          className: 'rd-dns',
          lines: [
            { text: `FQDN ${ace.fqdn}`, className: 'rd-strong rd-mono' },
            { text: 'points at the load balancer', size: FONT.small, className: 'rd-muted' },
          ],
        },
        {
          id: 'load-balancer',
          kind: 'box',
          width: boxWidth,
          className: 'rd-lb',
          lines: [
            { text: 'Load balancer', className: 'rd-strong' },
            { text: `spreads API calls over ${plural(new Set(reached).size, 'controlplane node')}`, size: FONT.small, className: 'rd-muted' },
          ],
        },
      ],
      cx,
      0,
      p,
    );
  } else {
    y = stack(client, cx, 0, p);
    const warn = textBlock('No FQDN: if this one node goes down, so does direct access', cx, y - STEP + 18, boxWidth, FONT.small, 'rd-bad', 'middle');
    p.notes.push(...warn);
    y += 12 + (warn.length - 1) * lineHeight(FONT.small);
  }
  const entry = p.shapes.at(-1)!;
  const box = placeCluster(box0, cx - box0.width / 2, y);
  p.clusters.push(box);
  p.links.push(...targetLinks(entry, box, reached, 'ace', 'left', true));
  return finish(p, o);
}
