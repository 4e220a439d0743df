// The load balancer in front of the Rancher cluster. Static HTML: the table of what the guidance
// recommends always shows; calculators-client.ts adds layer, ports, node counts and where TLS ends,
// and lists the findings the rules give for a Rancher-on-RKE plan with those settings.
import { LOAD_BALANCER_DEFAULTS as D } from './calculator-plans.ts';
import { CalculatorFrame, NumberField, SelectField, TextField } from './calculators.tsx';

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
  return (
    <CalculatorFrame kind="load-balancer" title="Load balancer settings" liveTitle="Load balancer checker" table={<Recommended />}>
      <div className="ck-fields">
        <SelectField
          label="Layer"
          name="layer"
          value={String(D.layer)}
          options={[
            ['4', 'Layer 4 (TCP)'],
            ['7', 'Layer 7 (HTTP)'],
          ]}
        />
        <TextField label="Ports" name="ports" value={D.ports.join(', ')} placeholder="80, 443" />
        <SelectField
          label="TLS ends at"
          name="tls"
          value={D.tlsTermination}
          options={[
            ['ingress', 'the ingress controller on the nodes'],
            ['load-balancer', 'the load balancer'],
          ]}
        />
        <NumberField label="Nodes in the Rancher cluster" name="nodes" value={D.nodes} min={1} max={9} />
        <NumberField label="Nodes the load balancer targets" name="targets" value={D.targets} min={0} max={D.nodes} />
      </div>
    </CalculatorFrame>
  );
}
