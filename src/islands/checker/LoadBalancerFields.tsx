// The load-balancer fields the checker's editor and the load-balancer calculator share.
import type { LoadBalancer } from '../../rules/plan.ts';
import { DraftInput } from './DraftInput.tsx';

/** "80, 443" → [80, 443]; undefined when any part is not a TCP port. */
export function parsePorts(text: string): number[] | undefined {
  const ports = text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
  return ports.every((p) => Number.isInteger(p) && p >= 1 && p <= 65535) ? ports : undefined;
}

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
      <DraftInput
        label="Ports"
        hint="Comma-separated, e.g. 80, 443"
        value={value.ports.join(', ')}
        onCommit={(text) => {
          const ports = parsePorts(text);
          if (ports) onChange({ ports });
        }}
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
