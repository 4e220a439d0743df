// The private-CA checkboxes the checker's endpoint editor and the endpoint calculator share.
import type { AuthorizedEndpoint } from '../../rules/plan.ts';

type Certificates = Pick<AuthorizedEndpoint, 'privateCA' | 'caCertificate'>;

export function CertificateFields({ value, onChange }: { value: Certificates; onChange: (patch: Partial<Certificates>) => void }) {
  return (
    <>
      <label className="ck-check">
        <input type="checkbox" checked={value.privateCA} onChange={() => onChange({ privateCA: !value.privateCA })} />
        Certificate signed by a private CA
      </label>
      <label className="ck-check">
        <input type="checkbox" checked={value.caCertificate} onChange={() => onChange({ caCertificate: !value.caCertificate })} />
        CA certificate supplied
      </label>
    </>
  );
}
