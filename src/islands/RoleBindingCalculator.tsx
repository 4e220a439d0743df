// Rancher's minimum RoleBinding estimate for clusters, users, projects and memberships, held
// against the object count where Rancher says slowdowns usually begin.
import { useState } from 'react';
import { estimateRoleBindings, type RoleBindingInput } from '../rules/sizing/rolebindings.ts';
import { CalculatorFrame, NumberField, useMounted } from './calculator-frame.tsx';

const n = (x: number) => Math.round(x).toLocaleString('en');

export default function RoleBindingCalculator() {
  const mounted = useMounted();
  const [input, setInput] = useState<Required<RoleBindingInput>>({
    clusters: 20,
    users: 200,
    usersPerCluster: 10,
    projects: 100,
    usersPerProject: 5,
    restrictedAdmins: 0,
  });
  if (!mounted)
    return (
      <CalculatorFrame title="RoleBinding estimate">
        <p>
          The estimate needs JavaScript. By hand: 32 × clusters + users + 2 × users per cluster × clusters + 8 × projects + 5 × users per project, against about
          60,000.
        </p>
      </CalculatorFrame>
    );
  const set = (patch: Partial<RoleBindingInput>) => setInput((old) => ({ ...old, ...patch }));
  const e = estimateRoleBindings(input);
  const total = e.asPrinted + e.restrictedAdmins;
  return (
    <CalculatorFrame title="RoleBinding estimate calculator">
      <div className="ck-fields">
        <NumberField label="Clusters (C)" value={input.clusters} min={0} max={100_000} onChange={(clusters) => set({ clusters })} />
        <NumberField label="Users (U)" value={input.users} min={0} max={10_000_000} onChange={(users) => set({ users })} />
        <NumberField
          label="Users per cluster, on average (Ua)"
          value={input.usersPerCluster}
          min={0}
          max={1_000_000}
          onChange={(usersPerCluster) => set({ usersPerCluster })}
        />
        <NumberField label="Projects (P)" value={input.projects} min={0} max={1_000_000} onChange={(projects) => set({ projects })} />
        <NumberField
          label="Users per project, on average (Pa)"
          value={input.usersPerProject}
          min={0}
          max={1_000_000}
          onChange={(usersPerProject) => set({ usersPerProject })}
        />
        <NumberField
          label="Restricted Admin users"
          value={input.restrictedAdmins}
          min={0}
          max={100_000}
          onChange={(restrictedAdmins) => set({ restrictedAdmins })}
        />
      </div>
      <div aria-live="polite">
        <p className="calc-result">
          At least <strong>{n(total)} RoleBindings</strong>
          {e.restrictedAdmins > 0 ? ` (${n(e.asPrinted)} from the formula, ${n(e.restrictedAdmins)} for Restricted Admins)` : ''}:{' '}
          {e.overThreshold ? `past the ${n(e.threshold)} at which Rancher sees trouble.` : `below the ${n(e.threshold)} at which Rancher sees trouble.`}
        </p>
        <p>
          Read with the last term per project (5 × Pa × P), the estimate is {n(e.perProject + e.restrictedAdmins)}
          {e.overIfPerProject ? `, which is past ${n(e.threshold)}.` : '.'}
        </p>
        {(e.overThreshold || e.overIfPerProject) && (
          <p className="calc-lesson">
            Cut the count: assign roles to groups from an external identity provider rather than to users one by one, add people to clusters and projects only
            where they need it, and prefer fewer, larger clusters.
          </p>
        )}
        {input.users >= 50 && <p>With 50 users or more, Rancher advises an external authentication provider.</p>}
      </div>
    </CalculatorFrame>
  );
}
