// Findings grouped by cluster, each with severity (icon and word), message, nodes and a link to
// the heading that explains it. Hovering or focusing a finding highlights its nodes in the diagram.
import { memo } from 'react';
import { ruleById } from '../../rules/catalogue/index.ts';
import { hasExternalDatastore, nothingToCheck } from '../../rules/cluster-facts.ts';
import type { Plan } from '../../rules/plan.ts';
import type { Finding, Report } from '../../rules/report.ts';
import { Severity } from './Icons.tsx';
import { quorumLine } from './summary.ts';
import { nodeKey } from '../../rules/keys.ts';

/** Finding docs are site-relative ("load-balancer/#…"); every page sits one folder below the base. */
export const docsHref = (docs: string): string => `../${docs.replace(/^\/+/, '')}`;

export function FindingItem({ finding, onHighlight }: { finding: Finding; onHighlight?: (keys: string[]) => void }) {
  const keys = finding.cluster ? finding.nodes.map((n) => nodeKey(finding.cluster!, n)) : [];
  const on = onHighlight && keys.length ? () => onHighlight(keys) : undefined;
  const off = onHighlight && keys.length ? () => onHighlight([]) : undefined;
  const title = ruleById(finding.rule)?.title ?? finding.rule;
  return (
    <li className={`ck-finding ck-finding-${finding.severity}`} onMouseEnter={on} onMouseLeave={off} onFocus={on} onBlur={off} data-rule={finding.rule}>
      <Severity severity={finding.severity} />
      <span className="ck-finding-body">
        <span className="ck-finding-message">{finding.message}</span>
        {finding.nodes.length > 0 && <span className="ck-finding-nodes">Nodes: {finding.nodes.join(', ')}</span>}
        <a className="ck-finding-link" href={docsHref(finding.docs)}>
          Guidance: {title}
        </a>
      </span>
    </li>
  );
}

export const FindingsList = memo(function FindingsList({
  plan,
  report,
  onHighlight,
  headingId,
}: {
  plan: Plan;
  report: Report;
  onHighlight: (keys: string[]) => void;
  headingId: string;
}) {
  const planWide = report.findings.filter((f) => !f.cluster);
  const known = new Set(plan.clusters.map((c) => c.name));
  const orphan = report.findings.filter((f) => f.cluster && !known.has(f.cluster));
  const empty = nothingToCheck(plan);
  return (
    <section className="ck-section ck-findings" aria-labelledby={headingId}>
      {/* The skip links in the editor land here. */}
      <h2 id={headingId} tabIndex={-1}>
        Findings
      </h2>
      {/* An empty plan has only notes about what is missing; the summary and this list say the same one thing. */}
      {empty && <p>Nothing to check yet: {empty.replace('the input lists', 'the plan has')}. Import your files, load a preset or add a cluster with nodes.</p>}
      {!empty && planWide.length > 0 && (
        <div className="ck-group">
          <h3>Whole plan</h3>
          <ul className="ck-list">
            {planWide.map((f, i) => (
              <FindingItem key={i} finding={f} onHighlight={onHighlight} />
            ))}
          </ul>
        </div>
      )}
      {report.clusters.map((summary, ci) => {
        const findings = report.findings.filter((f) => f.cluster === summary.name);
        const cluster = plan.clusters[ci];
        const external = cluster ? hasExternalDatastore(cluster) : false;
        return (
          <div className="ck-group" key={`${ci}-${summary.name}`}>
            <h3>
              {summary.name}{' '}
              <span className="ck-muted">
                ({summary.purpose === 'rancher' ? 'Rancher server' : 'downstream'}, {summary.nodeCount} {summary.nodeCount === 1 ? 'node' : 'nodes'})
              </span>
            </h3>
            <p className="ck-quorum">{quorumLine(summary, external)}</p>
            {findings.length === 0 ? (
              <p className="ck-muted">No findings for this cluster.</p>
            ) : (
              <ul className="ck-list">
                {findings.map((f, i) => (
                  <FindingItem key={i} finding={f} onHighlight={onHighlight} />
                ))}
              </ul>
            )}
          </div>
        );
      })}
      {orphan.length > 0 && (
        <ul className="ck-list">
          {orphan.map((f, i) => (
            <FindingItem key={i} finding={f} onHighlight={onHighlight} />
          ))}
        </ul>
      )}
    </section>
  );
});
