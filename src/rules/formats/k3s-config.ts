// /etc/rancher/k3s/config.yaml: one K3s node's settings, read as a one-node K3s cluster. Files
// that could be either K3s or RKE2 are read as K3s, with a warning saying so.
import type { Format } from './format.ts';
import { distributionFrom, looksLikeServerConfig, readServerConfig } from './server-config.ts';

export const k3sConfigFormat: Format<'k3s-config'> = {
  id: 'k3s-config',
  label: 'a K3s config.yaml',
  detect: (doc) => looksLikeServerConfig(doc.data) && distributionFrom(doc.data as Record<string, unknown>) !== 'rke2',
  read(doc, options) {
    const told = distributionFrom(doc.data as Record<string, unknown>);
    if (options.distribution === 'rke2') return readServerConfig(doc, options, 'rke2', false);
    return readServerConfig(doc, options, 'k3s', told === undefined && options.distribution === undefined);
  },
};
