// "Moving to RKE2": for a plan holding an RKE cluster, the cluster that replaces it, everything that
// changes (each item with its sources, or "not documented") and the steps, with the files to
// download. The same engine as `rancher-arch migrate` (src/rules/migrate); the checker loads this
// module only when the reader asks for it on a plan with an RKE cluster (React.lazy in
// Checker.tsx), so the page's load does not carry it.
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { addressProblem } from '../../rules/identifiers.ts';
import { EMITS, emitFileName, emitRefusal, emitText, type Emit } from '../../rules/migrate/emit.ts';
import { MigrateError, migratePlan, TOPIC_LABEL, type Migration, type Target } from '../../rules/migrate/index.ts';
import { changeLabel, itemsByTopic, layoutLines, NOT_DOCUMENTED } from '../../rules/migrate/render.ts';
import type { Plan } from '../../rules/plan.ts';
import type { RkeSource } from '../../rules/migrate/rke-source.ts';
import type { ImportedRkeSettings } from './state.ts';
import { downloadText } from '../download.ts';
import { SrOnly } from './SrOnly.tsx';
import { SourceList } from '../SourceList.tsx';
import type { Source } from '../../rules/sources.ts';

const EMIT_LABEL: Record<Emit, string> = {
  plan: 'The new plan',
  provisioning: 'Provisioning Cluster (Rancher)',
  terraform: 'Terraform rancher2_cluster_v2',
  config: 'RKE2 config.yaml of every node',
};
const EMIT_MIME: Record<Emit, string> = { plan: 'application/yaml', provisioning: 'application/yaml', terraform: 'text/plain', config: 'application/yaml' };

function Sources({ sources }: { sources: readonly Source[] }) {
  if (sources.length === 0) return <span className="ck-muted"> Source: {NOT_DOCUMENTED}.</span>;
  return (
    <span className="ck-migrate-sources">
      {' Sources: '}
      <SourceList sources={sources} />.
    </span>
  );
}

/** The migration of one RKE cluster, or why there is none (no RKE cluster left, a name not found). */
function useMigration(
  plan: Plan,
  cluster: string | undefined,
  to: Target,
  registration: string | undefined,
  settings: RkeSource | undefined,
): Migration | string {
  return useMemo(() => {
    try {
      return migratePlan(plan, {
        to,
        ...(cluster === undefined ? {} : { cluster }),
        ...(registration === undefined ? {} : { registrationAddress: registration }),
        ...(settings === undefined ? {} : { settings }),
      });
    } catch (error) {
      if (error instanceof MigrateError) return error.message;
      throw error;
    }
  }, [plan, cluster, to, registration, settings]);
}

/**
 * `imported`: the settings of the cluster.yml the plan was read from, used for the cluster of that
 * name; for any other cluster (or after edits renamed it) the report works from the plan alone
 * and says so.
 */
export default function MigratePanel({ plan, imported }: { plan: Plan; imported?: ImportedRkeSettings | undefined }) {
  const id = useId();
  const rke = plan.clusters.filter((c) => c.distribution === 'rke').map((c) => c.name);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const cluster = chosen !== undefined && rke.includes(chosen) ? chosen : rke[0];
  const [to, setTo] = useState<Target>('rke2');
  const [address, setAddress] = useState('');
  const trimmed = address.trim();
  const problem = trimmed === '' ? undefined : addressProblem(trimmed);
  // The field and its message follow each keystroke at once; the migration (a check and two port
  // matrices) follows the deferred value, so typing an address does not wait for it.
  const deferred = useDeferredValue(trimmed);
  const registration = deferred === '' || addressProblem(deferred) !== undefined ? undefined : deferred;
  const settings = imported !== undefined && imported.cluster === cluster ? imported.settings : undefined;
  const migration = useMigration(plan, cluster, to, registration, settings);
  const [status, setStatus] = useState('');

  const download = (m: Migration, emit: Emit) => {
    try {
      downloadText(emitFileName(m, emit), EMIT_MIME[emit], emitText(m, emit));
      setStatus(`Saved ${emitFileName(m, emit)}.`);
    } catch (error) {
      setStatus(`Could not write ${EMIT_LABEL[emit].toLowerCase()}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <div className="ck-migrate">
      <div className="ck-fields">
        {rke.length > 1 && (
          <label className="ck-field">
            <span className="ck-label">RKE cluster</span>
            <select value={cluster} onChange={(e) => setChosen(e.target.value)}>
              {rke.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="ck-field">
          <span className="ck-label">New distribution</span>
          <select value={to} onChange={(e) => setTo(e.target.value === 'k3s' ? 'k3s' : 'rke2')}>
            <option value="rke2">RKE2</option>
            <option value="k3s">K3s</option>
          </select>
        </label>
        <label className="ck-field ck-wide">
          <span className="ck-label">Fixed registration address (optional)</span>
          <input
            type="text"
            value={address}
            placeholder="rke2.example.net"
            aria-invalid={problem !== undefined}
            aria-describedby={problem === undefined ? undefined : `${id}-address-problem`}
            onChange={(e) => setAddress(e.target.value)}
          />
          {problem !== undefined && (
            <span id={`${id}-address-problem`} className="ck-problem">
              The address {problem}.
            </span>
          )}
        </label>
      </div>

      {typeof migration === 'string' ? (
        <p>{migration}</p>
      ) : (
        <>
          <h3>Target layout</h3>
          <ul className="ck-migrate-layout">
            {layoutLines(migration).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {migration.changes.length > 0 && (
            <>
              <h3>Layout changes</h3>
              <ul className="ck-migrate-changes">
                {migration.changes.map((c) => (
                  <li key={c.what}>
                    <span className="ck-migrate-text">{c.what}</span> {c.why}
                    <Sources sources={c.sources} />
                  </li>
                ))}
              </ul>
            </>
          )}
          <h3>Check of the new cluster</h3>
          {migration.findings.length === 0 ? (
            <p>No errors or warnings.</p>
          ) : (
            <ul className="ck-migrate-findings">
              {migration.findings.map((f, i) => (
                <li key={`${f.rule}-${i}`} data-severity={f.severity}>
                  {f.severity === 'error' ? 'Error' : 'Warning'}: {f.message}
                </li>
              ))}
            </ul>
          )}
          <h3>What changes</h3>
          {itemsByTopic(migration.items).map(([topic, items]) => (
            <div key={topic} className="ck-migrate-topic">
              <h4>{TOPIC_LABEL[topic]}</h4>
              <ul>
                {items.map((item, i) => (
                  <li key={`${topic}-${i}`} className="ck-migrate-item" data-change={item.change}>
                    <strong>{changeLabel(item.change)}</strong>: <span className="ck-migrate-text">{item.text}</span>
                    <Sources sources={item.sources} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <h3>Steps</h3>
          <ol className="ck-migrate-steps">
            {migration.steps.map((s) => (
              <li key={s.text}>
                <span className="ck-migrate-text">{s.text}</span>
                <Sources sources={s.sources} />
              </li>
            ))}
          </ol>
          <h3>Files for the new cluster</h3>
          <ul className="ck-exports">
            {EMITS.map((emit) => {
              const refusal = emitRefusal(migration, emit);
              return (
                <li key={emit}>
                  <span className="ck-export-label">
                    {EMIT_LABEL[emit]} <span className="ck-muted">({emitFileName(migration, emit)})</span>
                  </span>
                  {refusal === undefined ? (
                    <button type="button" className="ck-button ck-small" onClick={() => download(migration, emit)}>
                      Download<SrOnly> {EMIT_LABEL[emit]}</SrOnly>
                    </button>
                  ) : (
                    <span className="ck-muted">{refusal}</span>
                  )}
                </li>
              );
            })}
          </ul>
          <p role="status" className="ck-status">
            {status}
          </p>
        </>
      )}
    </div>
  );
}
