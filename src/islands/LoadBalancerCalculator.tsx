// The load balancer in front of the Rancher cluster: layer, ports, how many nodes it targets and
// where TLS ends → the findings the rules give for a Rancher-on-RKE plan with those settings.
import { useState } from 'react';
import { checkPlan } from '../rules/check.ts';
import type { Plan } from '../rules/plan.ts';
import { CalculatorFindings, CalculatorFrame, NumberField, useMounted } from './calculators.tsx';
import { LoadBalancerFields } from './checker/LoadBalancerFields.tsx';

export interface LoadBalancerInput {
  layer: 4 | 7;
  ports: number[];
  nodes: number;
  targets: number;
  tlsTermination: 'ingress' | 'load-balancer';
}

export function loadBalancerPlan(input: LoadBalancerInput): Plan {
  const names = Array.from({ length: input.nodes }, (_, i) => `rancher-${i + 1}`);
  return {
    rancher: { version: '2.4.8', install: 'kubernetes', cluster: 'rancher' },
    clusters: [
      {
        name: 'rancher',
        distribution: 'rke',
        userWorkloads: false,
        nodes: names.map((name) => ({ name, roles: ['etcd', 'controlplane', 'worker'] })),
        loadBalancer: { layer: input.layer, ports: input.ports, targets: names.slice(0, input.targets), tlsTermination: input.tlsTermination },
      },
    ],
  };
}

function Recommended() {
  return (
    <table>
      <caption>What the guidance recommends for the Rancher load balancer</caption>
      <tbody>
        <tr>
          <th scope="row">Layer</th>
          <td>4 (TCP), not 7</td>
        </tr>
        <tr>
          <th scope="row">Ports</th>
          <td>80 and 443</td>
        </tr>
        <tr>
          <th scope="row">Targets</th>
          <td>every node of the Rancher cluster</td>
        </tr>
        <tr>
          <th scope="row">TLS</th>
          <td>passed through; the ingress controller on the nodes ends it</td>
        </tr>
      </tbody>
    </table>
  );
}

export default function LoadBalancerCalculator() {
  const mounted = useMounted();
  const [input, setInput] = useState<LoadBalancerInput>({ layer: 4, ports: [80, 443], nodes: 3, targets: 3, tlsTermination: 'ingress' });
  if (!mounted)
    return (
      <CalculatorFrame title="Load balancer settings">
        <Recommended />
      </CalculatorFrame>
    );
  const set = (patch: Partial<LoadBalancerInput>) =>
    setInput((old) => {
      const next = { ...old, ...patch };
      return { ...next, targets: Math.min(next.targets, next.nodes) };
    });
  const findings = checkPlan(loadBalancerPlan(input)).findings.filter((f) => f.rule.startsWith('lb-'));
  return (
    <CalculatorFrame title="Load balancer checker">
      <div className="ck-fields">
        <LoadBalancerFields value={input} onChange={set} />
        <NumberField label="Nodes in the Rancher cluster" value={input.nodes} min={1} max={9} onChange={(nodes) => set({ nodes })} />
        <NumberField label="Nodes the load balancer targets" value={input.targets} min={0} max={input.nodes} onChange={(targets) => set({ targets })} />
      </div>
      <CalculatorFindings findings={findings} none="These settings match the guidance." />
    </CalculatorFrame>
  );
}
