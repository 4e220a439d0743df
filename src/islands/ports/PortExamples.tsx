// The static matrices on the ports page: each example plan's matrix rendered at build time, and
// the network plugins' ports per distribution. Build-time only (it validates the example plans),
// so it is never part of an island.
import { validatePlan } from '../../rules/formats/validate.ts';
import { PORT_EXAMPLES, type PortExampleId } from '../../rules/ports/examples.ts';
import { portMatrix } from '../../rules/ports/matrix.ts';
import { DEFAULT_NETWORK, NETWORK_PORTS, portSources, type PortSpec } from '../../rules/ports/tables.ts';
import { SourceList } from '../SourceList.tsx';
import { DISTRIBUTION_LABEL, NETWORK_PLUGINS } from '../../rules/vocabulary.ts';
import { PortMatrixView } from './PortMatrixView.tsx';

export function PortExample({ id, listeners = true }: { id: PortExampleId; listeners?: boolean }) {
  const example = PORT_EXAMPLES[id];
  const plan = validatePlan(example.plan);
  // The first cluster is the one the example stands for; others only give its peers (downstream nodes).
  return <PortMatrixView matrix={portMatrix(plan)} generic title={example.title} listeners={listeners} only={plan.clusters[0]?.name} />;
}

const spec = (s: PortSpec) =>
  `${s.port === undefined ? '' : s.to ? `${s.port}-${s.to}` : s.port}${s.protocol === 'icmp' ? 'ICMP echo' : `/${s.protocol}`}${s.optional ? ' (optional)' : ''}`;

export function NetworkPortsTable() {
  const families = ['rke', 'rke2', 'k3s'] as const;
  const plugins = NETWORK_PLUGINS.filter((p) => families.some((f) => NETWORK_PORTS[f][p]));
  return (
    <table className="pm-table" tabIndex={0}>
      <caption>Ports of each network plugin between the nodes of a cluster, by distribution (the default plugin is marked)</caption>
      <thead>
        <tr>
          <th scope="col">Plugin</th>
          {families.map((f) => (
            <th key={f} scope="col">
              {DISTRIBUTION_LABEL[f]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {plugins.map((p) => (
          <tr key={p}>
            <th scope="row">{p}</th>
            {families.map((f) => {
              const specs = NETWORK_PORTS[f][p] ?? [];
              const sources = [...new Set(specs.flatMap((s) => portSources(s.source)))];
              return (
                <td key={f}>
                  {specs.map(spec).join(', ') || '—'}
                  {DEFAULT_NETWORK[f] === p && <strong> (default)</strong>}
                  {specs.length > 0 && (
                    <span className="pm-source">
                      {' Source: '}
                      <SourceList sources={sources} />.
                    </span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
