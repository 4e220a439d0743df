// A firewall matrix as HTML tables: per cluster, one table per kind of node (nodes with the same
// rules share it), the Docker host, then the load balancers' listeners. No hooks: the page renders
// it at build time for the example plans, and the ports island renders it for the reader's plan.
import { DISTRIBUTION_LABEL } from '../../rules/vocabulary.ts';
import type { InboundRule, NodePorts, PortMatrix } from '../../rules/ports/matrix.ts';
import { nodeKinds } from '../../rules/ports/markdown.ts';
import { portSources } from '../../rules/ports/tables.ts';
import { SourceList } from '../SourceList.tsx';
import { listNames } from '../../rules/words.ts';

const PROTOCOL: Record<InboundRule['protocol'], string> = { tcp: 'TCP', udp: 'UDP', icmp: 'ICMP', any: 'any' };

function RuleRows({ matrix, rules, generic }: { matrix: PortMatrix; rules: readonly InboundRule[]; generic: boolean }) {
  return (
    <>
      {rules.map((r) => (
        <tr key={`${r.id}-${r.protocol}`} data-rule={r.id} className={r.optional ? 'pm-optional' : undefined}>
          <td>{r.ports || '—'}</td>
          <td>{PROTOCOL[r.protocol]}</td>
          <td>{r.local ? 'the node itself' : r.from.map((k) => (generic ? matrix.groups[k]?.generic : matrix.groups[k]?.label) ?? k).join('; ')}</td>
          <td>
            {r.why}
            {r.optional && <em className="pm-mark"> Optional: {r.optional}.</em>}
            {r.inference && <em className="pm-mark pm-inference"> Our reading: {r.inference}</em>}
            {r.ours && <em className="pm-mark"> Added by this guide.</em>}
          </td>
          <td>
            <SourceList sources={portSources(r.source)} />
          </td>
        </tr>
      ))}
    </>
  );
}

// Starlight lets a wide table scroll inside the page; tabIndex makes it reachable by keyboard, so
// the columns past the edge can be scrolled into view without a mouse.
function RuleTable({ matrix, caption, rules, generic }: { matrix: PortMatrix; caption: string; rules: readonly InboundRule[]; generic: boolean }) {
  return (
    <table className="pm-table" tabIndex={0}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Port</th>
          <th scope="col">Protocol</th>
          <th scope="col">From</th>
          <th scope="col">Why</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody>
        <RuleRows matrix={matrix} rules={rules} generic={generic} />
      </tbody>
    </table>
  );
}

/** Where a listener forwards, in words that fit any plan. */
function genericTargets(l: PortMatrix['listeners'][number]): string {
  if (l.purpose === 'Rancher UI and API') return 'every node behind the Rancher load balancer';
  if (l.purpose === 'fixed registration address') return l.port === 9345 ? 'every server' : 'every server running the API';
  return 'the controlplane nodes';
}

const nodeLabel = (nodes: readonly NodePorts[]) =>
  listNames(
    nodes.map((n) => n.node),
    10,
  );

export interface PortMatrixViewProps {
  matrix: PortMatrix;
  /** Describe kinds of node ("servers of this cluster") rather than the plan's own names. */
  generic?: boolean;
  /** Prefix for table captions in generic mode ("Rancher on RKE2"). */
  title?: string;
  listeners?: boolean;
  /** Show only this cluster (and its listeners). */
  only?: string;
}

export function PortMatrixView({ matrix, generic = false, title, listeners = true, only }: PortMatrixViewProps) {
  const clusters = only === undefined ? matrix.clusters : matrix.clusters.filter((c) => c.name === only);
  const shownListeners = only === undefined ? matrix.listeners : matrix.listeners.filter((l) => l.cluster === only);
  return (
    <div className="pm">
      {clusters.map((cluster) => {
        const network = cluster.network ? `, network plugin ${cluster.network}${cluster.networkDefaulted ? ' (the default)' : ''}` : '';
        return (
          <div key={cluster.name} className="pm-cluster" data-cluster={cluster.name}>
            {!generic && (
              <p className="pm-cluster-head">
                <strong>{cluster.name}</strong>: {DISTRIBUTION_LABEL[cluster.distribution]}, {cluster.purpose === 'rancher' ? 'runs Rancher' : 'downstream'}
                {network}
              </p>
            )}
            {!generic && cluster.notes.length > 0 && (
              <ul className="ck-notes">
                {cluster.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            )}
            {nodeKinds(cluster.nodes).map((kind) => (
              <RuleTable
                key={kind.nodes[0]?.node}
                matrix={matrix}
                rules={kind.rules}
                generic={generic}
                caption={generic ? `${title ? `${title}: ` : ''}${kind.kind} nodes` : `${nodeLabel(kind.nodes)} (${kind.kind})`}
              />
            ))}
          </div>
        );
      })}
      {matrix.docker && (
        <RuleTable
          matrix={matrix}
          rules={matrix.docker.rules}
          generic={generic}
          caption={generic ? `${title ? `${title}: ` : ''}the Docker host` : `Rancher Docker host ${matrix.docker.node}`}
        />
      )}
      {listeners && shownListeners.length > 0 && (
        <table className="pm-table" tabIndex={0}>
          <caption>{generic && title ? `${title}: load balancer listeners` : 'Load balancer listeners'}</caption>
          <thead>
            <tr>
              <th scope="col">Listener</th>
              <th scope="col">Forwards to</th>
              <th scope="col">For</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {shownListeners.map((l) => (
              <tr key={`${l.cluster}-${l.purpose}-${l.port}`}>
                <td>
                  TCP {l.port}
                  {l.fqdn ? ` on ${l.fqdn}` : ''}
                </td>
                <td>
                  {generic ? genericTargets(l) : listNames(l.targets, 10) || 'no node yet'}, port {l.targetPort}
                </td>
                <td>
                  {l.purpose}: {l.why}
                </td>
                <td>{l.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
