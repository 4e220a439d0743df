// The seven diagram components. Each takes a plan (default: the guidance's own example), lays
// it out with the figure functions and draws SVG plus a text version. No callbacks: the checker
// island finds nodes by `data-node="<cluster>/<node>"`, parts by `data-part`, collapsed groups by
// `data-more`, and reacts to the classes on them.
import { useId } from 'react';
import type { Plan } from '../rules/plan.ts';
import { PRESETS, RECOMMENDED_PLAN } from '../rules/presets.ts';
import type { Report } from '../rules/report.ts';
import {
  authorizedEndpointFigure,
  k3sFigure,
  loadBalancerFigure,
  nodeRolesFigure,
  planFigure,
  rkeFigure,
  separationFigure,
  type Figure,
  type FigureOptions,
} from './figures/index.ts';
import { NARROW_WIDTH, WIDE_WIDTH, allNodes } from './layout/index.ts';
import { buildMarks, type Marks } from './model.ts';
import { FigureSvg, cleanId } from './svg.tsx';
import { TextEquivalent } from './text.tsx';
import { plural } from '../rules/words.ts';

export interface DiagramProps {
  /** The plan to draw. Default: the preset that matches the figure. */
  plan?: Plan;
  /** Findings from checkPlan: nodes named by a finding get `has-error` / `has-warning` / `has-info`. */
  report?: Report;
  /** Keys of failed things: nodes "<cluster>/<node>" (class `is-failed`, crossed out) and parts
   * "<cluster>/#load-balancer", "<cluster>/#datastore", "#docker-host" (src/rules/keys.ts). */
  failed?: string[];
  /** Node keys "<cluster>/<node>" drawn with a heavy outline (class `is-highlighted`). */
  highlighted?: string[];
  title?: string;
  description?: string;
  /** Most nodes drawn per role group before the rest become a "+N more" box. */
  collapseAfter?: number;
  /** Most node boxes per row. */
  columns?: number;
  /** The width the diagram may take, in CSS pixels (the checker measures its column). Without
   * it the diagram is laid out twice, for a phone and for the guide's text column, and CSS
   * container queries show the one that fits. */
  maxWidth?: number;
  /** Role groups "<cluster>/<role signature>" drawn whole instead of as a "+N more" box. */
  expanded?: readonly string[];
  /** Prefix for the SVG's element ids; default from React's useId. */
  id?: string;
}

type Layout = (plan: Plan, marks: Marks, options: FigureOptions) => Figure;

function summarise(figure: Figure): string {
  const nodes = allNodes(figure);
  const hidden = figure.clusters.reduce((a, c) => a + c.groups.reduce((b, g) => b + (g.more?.count ?? 0), 0), 0);
  const parts = figure.clusters.map(
    (c) =>
      `${c.name} (${c.header[1]?.full ?? ''}, ${plural(
        c.groups.reduce((a, g) => a + g.total, 0),
        'node',
      )})`,
  );
  const failed = nodes.filter((n) => n.marks.failed).length;
  const flagged = nodes.filter((n) => n.marks.severity).length;
  const marks = [
    failed ? `${plural(failed, 'node')} marked failed` : '',
    flagged ? `${plural(flagged, 'node')} with findings` : '',
    hidden ? `${hidden} further nodes shown as counts` : '',
  ].filter(Boolean);
  return [parts.length ? `Drawn: ${parts.join('; ')}.` : '', marks.length ? `${marks.join(', ')}.` : ''].filter(Boolean).join(' ');
}

/** The SVG in a sideways-scrolling region a keyboard can reach, so a wide diagram scrolls instead of shrinking. */
function Scroller({ figure, id, title, description, className }: { figure: Figure; id: string; title: string; description: string; className?: string }) {
  return (
    <div className={className ? `rd-scroll ${className}` : 'rd-scroll'} role="region" tabIndex={0} aria-label={`Diagram: ${title}`}>
      <FigureSvg figure={figure} id={id} title={title} description={description} />
    </div>
  );
}

function makeDiagram(name: string, layout: Layout, defaults: { plan: Plan; title: string; description: string }) {
  function Diagram(props: DiagramProps) {
    const reactId = useId();
    const id = cleanId(props.id ?? reactId);
    const plan = props.plan ?? defaults.plan;
    const marks = buildMarks({ report: props.report, failed: props.failed, highlighted: props.highlighted });
    const options: FigureOptions = { collapseAfter: props.collapseAfter, columns: props.columns, expanded: props.expanded };
    const title = props.title ?? defaults.title;
    if (props.maxWidth !== undefined) {
      const figure = layout(plan, marks, { ...options, maxWidth: props.maxWidth });
      const description = props.description ?? `${defaults.description} ${summarise(figure)}`.trim();
      return (
        <figure className={`rd-figure rd-figure-${name}`}>
          <Scroller figure={figure} id={id} title={title} description={description} />
          <TextEquivalent figure={figure} planFindings={marks.plan} clusterFindings={(c) => marks.cluster(c).findings} />
        </figure>
      );
    }
    // No width known (a static page): a wide layout for the text column and, when it would not
    // fit a phone, a narrow one; CSS shows the one that fits (wide first, so print finds it).
    const wide = layout(plan, marks, { ...options, maxWidth: WIDE_WIDTH });
    const description = props.description ?? `${defaults.description} ${summarise(wide)}`.trim();
    const narrow = wide.width > NARROW_WIDTH ? layout(plan, marks, { ...options, maxWidth: NARROW_WIDTH }) : undefined;
    return (
      <figure className={`rd-figure rd-figure-${name}${narrow ? ' rd-has-variants' : ''}`}>
        <Scroller figure={wide} id={narrow ? `${id}w` : id} title={title} description={description} className={narrow ? 'rd-variant-wide' : undefined} />
        {narrow && <Scroller figure={narrow} id={`${id}n`} title={title} description={description} className="rd-variant-narrow" />}
        <TextEquivalent figure={wide} planFindings={marks.plan} clusterFindings={(c) => marks.cluster(c).findings} />
      </figure>
    );
  }
  Diagram.displayName = `${name[0]!.toUpperCase()}${name.slice(1)}Diagram`;
  return Diagram;
}

export const SeparationDiagram = /* @__PURE__ */ makeDiagram('separation', separationFigure, {
  plan: RECOMMENDED_PLAN,
  title: 'The Rancher server cluster stands apart from the user clusters',
  description:
    'Rancher runs on hosts of its own; the clusters that carry applications sit below the dividing line, managed by Rancher but sharing no node with it.',
});

export const K3sClusterDiagram = /* @__PURE__ */ makeDiagram('k3s', k3sFigure, {
  plan: PRESETS['rancher-k3s'].plan,
  title: 'Rancher on a K3s cluster backed by an external datastore',
  description: 'A load balancer feeds the K3s server nodes; all cluster state is written to a datastore outside the cluster, so any server can be replaced.',
});

export const RkeClusterDiagram = /* @__PURE__ */ makeDiagram('rke', rkeFigure, {
  plan: PRESETS['rancher-rke'].plan,
  title: 'Rancher on an RKE cluster, etcd copied across three nodes',
  description:
    'Three nodes each carry etcd, controlplane and worker; every etcd member holds a full copy of the cluster data, so losing one node keeps quorum.',
});

export const LoadBalancerDiagram = /* @__PURE__ */ makeDiagram('load-balancer', loadBalancerFigure, {
  plan: PRESETS['rancher-rke'].plan,
  title: 'From the Rancher DNS name through a layer-4 balancer to the Rancher pods',
  description:
    'Clients resolve the Rancher name to a TCP load balancer, which passes ports 80 and 443 to every node; the ingress controller there ends TLS, sends plain HTTP callers to HTTPS and hands requests to a Rancher pod on port 80.',
});

export const NodeRolesDiagram = /* @__PURE__ */ makeDiagram('node-roles', nodeRolesFigure, {
  plan: RECOMMENDED_PLAN,
  title: 'Node roles: the Rancher cluster compared with a downstream cluster',
  description:
    'The Rancher cluster packs all three roles onto each of its three nodes; the downstream cluster gives every node a single role: etcd, controlplane or worker.',
});

export const AuthorizedEndpointDiagram = /* @__PURE__ */ makeDiagram('authorized-endpoint', authorizedEndpointFigure, {
  plan: PRESETS['downstream-production'].plan,
  title: 'Authorized cluster endpoint: an FQDN in front of the controlplane nodes',
  description:
    'kubectl uses a kubeconfig whose server is an FQDN; the name leads to a load balancer that spreads API calls over the controlplane nodes. With a private CA, its certificate travels inside the kubeconfig.',
});

export const PlanDiagram = /* @__PURE__ */ makeDiagram('plan', planFigure, {
  plan: RECOMMENDED_PLAN,
  title: 'Your plan',
  description:
    'Every cluster in the plan with its nodes grouped by role; the Rancher server cluster has a heavy outline and is linked to the clusters it manages, and each load balancer and authorized endpoint stands in front of the nodes it reaches.',
});
