// The load-balancer fields the checker's editor and the load-balancer calculator share.
import type { LoadBalancer } from '../../rules/plan.ts';
import { ValidatedInput } from './ValidatedInput.tsx';
import { checkPorts } from './validation.ts';

type Settings = Pick<LoadBalancer, 'layer' | 'ports' | 'tlsTermination'>;

export function LoadBalancerFields({ value, onChange }: { value: Settings; onChange: (patch: Partial<Settings>) => void }) {
  return (
    <>
      <label className="ck-field">
        <span className="ck-label">Layer</span>
        <select value={value.layer} onChange={(e) => onChange({ layer: e.target.value === '7' ? 7 : 4 })}>
          <option value="4">Layer 4 (TCP)</option>
          <option value="7">Layer 7 (HTTP)</option>
        </select>
      </label>
      <ValidatedInput
        label="Ports"
        hint="Comma-separated, e.g. 80, 443"
        value={value.ports.join(', ')}
        check={checkPorts}
        format={(ports) => ports.join(', ')}
        onApply={(ports) => onChange({ ports })}
      />
      <label className="ck-field">
        <span className="ck-label">TLS ends at</span>
        <select value={value.tlsTermination} onChange={(e) => onChange({ tlsTermination: e.target.value === 'load-balancer' ? 'load-balancer' : 'ingress' })}>
          <option value="ingress">the ingress controller on the nodes</option>
          <option value="load-balancer">the load balancer</option>
        </select>
      </label>
    </>
  );
}
