// The authorized cluster endpoint of a downstream cluster: FQDN, how many controlplane nodes it
// targets, private CA and whether its certificate was supplied → the rules' findings.
import { useState } from 'react';
import { checkPlan } from '../rules/check.ts';
import type { Plan } from '../rules/plan.ts';
import { CalculatorFindings, CalculatorFrame, NumberField, useMounted } from './calculators.tsx';
import { DraftInput } from './checker/DraftInput.tsx';
import { CertificateFields } from './checker/CertificateFields.tsx';

export interface EndpointInput {
  fqdn: string;
  controlplanes: number;
  targets: number;
  privateCA: boolean;
  caCertificate: boolean;
}

export function endpointPlan(input: EndpointInput): Plan {
  const cps = Array.from({ length: input.controlplanes }, (_, i) => `cp-${i + 1}`);
  return {
    clusters: [
      {
        name: 'production',
        distribution: 'rke',
        userWorkloads: true,
        nodes: [
          ...[1, 2, 3].map((i) => ({ name: `etcd-${i}`, roles: ['etcd' as const] })),
          ...cps.map((name) => ({ name, roles: ['controlplane' as const] })),
          ...[1, 2, 3].map((i) => ({ name: `worker-${i}`, roles: ['worker' as const] })),
        ],
        authorizedEndpoint: {
          ...(input.fqdn.trim() ? { fqdn: input.fqdn.trim() } : {}),
          targets: cps.slice(0, input.targets),
          privateCA: input.privateCA,
          caCertificate: input.caCertificate,
        },
      },
    ],
  };
}

function Recommended() {
  return (
    <table>
      <caption>What the guidance recommends for the authorized cluster endpoint</caption>
      <tbody>
        <tr>
          <th scope="row">FQDN</th>
          <td>a DNS name in front of the controlplane nodes, not one node's address</td>
        </tr>
        <tr>
          <th scope="row">Targets</th>
          <td>every controlplane node, behind a load balancer</td>
        </tr>
        <tr>
          <th scope="row">Private CA</th>
          <td>supply its CA certificate so the kubeconfig can trust it</td>
        </tr>
      </tbody>
    </table>
  );
}

export default function AuthorizedEndpointCalculator() {
  const mounted = useMounted();
  const [input, setInput] = useState<EndpointInput>({
    fqdn: 'api.production.example.com',
    controlplanes: 2,
    targets: 2,
    privateCA: false,
    caCertificate: false,
  });
  if (!mounted)
    return (
      <CalculatorFrame title="Authorized endpoint settings">
        <Recommended />
      </CalculatorFrame>
    );
  const set = (patch: Partial<EndpointInput>) =>
    setInput((old) => {
      const next = { ...old, ...patch };
      return { ...next, targets: Math.min(next.targets, next.controlplanes) };
    });
  const findings = checkPlan(endpointPlan(input)).findings.filter((f) => f.rule.startsWith('ace-'));
  return (
    <CalculatorFrame title="Authorized endpoint checker">
      <div className="ck-fields">
        <DraftInput label="FQDN" placeholder="empty: one kubeconfig context per node" value={input.fqdn} onCommit={(fqdn) => set({ fqdn })} />
        <NumberField label="Controlplane nodes" value={input.controlplanes} min={1} max={9} onChange={(controlplanes) => set({ controlplanes })} />
        <NumberField
          label="Controlplane nodes behind the FQDN"
          value={input.targets}
          min={0}
          max={input.controlplanes}
          onChange={(targets) => set({ targets })}
        />
        <CertificateFields value={input} onChange={set} />
      </div>
      <CalculatorFindings findings={findings} none="This endpoint matches the guidance." />
    </CalculatorFrame>
  );
}
