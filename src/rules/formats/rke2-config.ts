// /etc/rancher/rke2/config.yaml: one RKE2 node's settings, told apart from K3s by what only RKE2
// has (rke2- components under disable, server: on port 9345, cni, profile…).
import type { Format } from './format.ts';
import { distributionFrom, looksLikeServerConfig, readServerConfig } from './server-config.ts';

export const rke2ConfigFormat: Format<'rke2-config'> = {
  id: 'rke2-config',
  label: 'an RKE2 config.yaml',
  detect: (doc) => looksLikeServerConfig(doc.data) && distributionFrom(doc.data as Record<string, unknown>) === 'rke2',
  read(doc, options) {
    return readServerConfig(doc, options, options.distribution ?? 'rke2', false);
  },
};
