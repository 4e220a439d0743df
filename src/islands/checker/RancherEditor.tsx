// The plan's Rancher section: whether the plan includes the Rancher server, its version, how it is
// installed and where.
import type { Dispatch } from 'react';
import type { Plan } from '../../rules/plan.ts';
import type { Action } from './state.ts';
import { DraftInput } from './DraftInput.tsx';

export function RancherEditor({ plan, dispatch }: { plan: Plan; dispatch: Dispatch<Action> }) {
  const rancher = plan.rancher;
  return (
    <fieldset className="ck-box">
      <legend>Rancher server</legend>
      <label className="ck-check">
        <input type="checkbox" checked={Boolean(rancher)} onChange={() => dispatch({ type: 'set-rancher', rancher: rancher ? undefined : {} })} />
        This plan includes the Rancher server
      </label>
      {rancher && (
        <div className="ck-fields">
          <DraftInput
            label="Rancher version"
            value={rancher.version ?? ''}
            hint="For example 2.4.8"
            onCommit={(v) => {
              const version = v.trim().replace(/^v/i, '');
              if (/^\d+(\.\d+){0,2}$/.test(version)) dispatch({ type: 'set-rancher', rancher: { version } });
            }}
          />
          <label className="ck-field">
            <span className="ck-label">Installed</span>
            <select
              value={rancher.install}
              onChange={(e) => dispatch({ type: 'set-rancher', rancher: { install: e.target.value === 'docker' ? 'docker' : 'kubernetes' } })}
            >
              <option value="kubernetes">on a Kubernetes cluster</option>
              <option value="docker">as a single Docker container</option>
            </select>
          </label>
          {rancher.install === 'kubernetes' ? (
            <label className="ck-field">
              <span className="ck-label">Cluster that runs Rancher</span>
              <select value={rancher.cluster ?? ''} onChange={(e) => dispatch({ type: 'set-rancher', rancher: { cluster: e.target.value || undefined } })}>
                <option value="">none chosen</option>
                {plan.clusters.map((c) => (
                  <option key={c.name} value={c.name}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <DraftInput
              label="Docker host"
              placeholder="address or name"
              value={rancher.host ?? ''}
              onCommit={(host) => dispatch({ type: 'set-rancher', rancher: { host: host.trim() || undefined } })}
            />
          )}
        </div>
      )}
    </fieldset>
  );
}
