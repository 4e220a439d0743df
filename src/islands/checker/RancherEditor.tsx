// The plan's Rancher section: whether the plan includes the Rancher server, its version, how it is
// installed and where.
import type { Dispatch } from 'react';
import type { Plan } from '../../rules/plan.ts';
import type { Action } from './state.ts';
import { ValidatedInput } from './ValidatedInput.tsx';
import { SrOnly } from './SrOnly.tsx';
import { checkHost, checkVersion } from './validation.ts';
import { readVersionPreference } from '../version-preference.ts';

const text = (v: string | undefined) => v ?? '';

export function RancherEditor({ plan, dispatch }: { plan: Plan; dispatch: Dispatch<Action> }) {
  const rancher = plan.rancher;
  return (
    <fieldset className="ck-box ck-rancher">
      <legend>Rancher server</legend>
      <label className="ck-check">
        <input
          type="checkbox"
          checked={Boolean(rancher)}
          // A new Rancher section starts at the version chosen for the whole site, if any.
          onChange={() => dispatch({ type: 'set-rancher', rancher: rancher ? undefined : { ...withVersion(readVersionPreference()) } })}
        />
        This plan includes the Rancher server
      </label>
      {rancher && (
        <div className="ck-fields">
          <ValidatedInput
            label={
              <>
                Rancher version<SrOnly> of this plan</SrOnly>
              </>
            }
            value={text(rancher.version)}
            placeholder="not set: 2.4"
            hint="For example 2.4.8"
            check={checkVersion}
            format={text}
            onApply={(version) => dispatch({ type: 'set-rancher', rancher: { version } })}
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
            <ValidatedInput
              label="Docker host"
              placeholder="address or name"
              value={text(rancher.host)}
              check={checkHost}
              format={text}
              onApply={(host) => dispatch({ type: 'set-rancher', rancher: { host } })}
            />
          )}
        </div>
      )}
    </fieldset>
  );
}

function withVersion(version: string | undefined): { version?: string } {
  return version === undefined ? {} : { version };
}
