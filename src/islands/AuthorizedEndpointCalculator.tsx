// The authorized cluster endpoint of a downstream cluster. Static HTML: the table of what the
// guidance recommends always shows; calculators-client.ts adds FQDN, controlplane counts and the
// private-CA switches, and lists the rules' findings.
import { ENDPOINT_DEFAULTS as D } from './calculator-plans.ts';
import { CalculatorFrame, CheckField, NumberField, TextField } from './calculators.tsx';

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
  return (
    <CalculatorFrame kind="authorized-endpoint" title="Authorized endpoint settings" liveTitle="Authorized endpoint checker" table={<Recommended />}>
      <div className="ck-fields">
        <TextField label="FQDN" name="fqdn" value={D.fqdn} placeholder="empty: one kubeconfig context per node" />
        <NumberField label="Controlplane nodes" name="controlplanes" value={D.controlplanes} min={1} max={9} />
        <NumberField label="Controlplane nodes behind the FQDN" name="targets" value={D.targets} min={0} max={D.controlplanes} />
        <CheckField label="Certificate signed by a private CA" name="privateCA" checked={D.privateCA} />
        <CheckField label="CA certificate supplied" name="caCertificate" checked={D.caCertificate} />
      </div>
    </CalculatorFrame>
  );
}
