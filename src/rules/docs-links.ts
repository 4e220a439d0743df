// One map from rule id to the heading on the guidance page that explains it. The content pages
// write these headings; a test proves every anchor exists in the built site.
export const RULE_DOCS = {
  'plan-node-unique': 'plan-format/#node-names-and-addresses',
  'plan-target-known': 'plan-format/#references-between-sections',
  'separate-rancher-from-downstream': 'separation/#one-host-one-job',
  'rancher-cluster-dedicated': 'separation/#keep-user-workloads-off-the-rancher-cluster',
  'docker-install-not-production': 'high-availability/#why-a-single-docker-container-is-not-enough',
  'rancher-cluster-ha': 'high-availability/#what-ha-means-for-rancher',
  'rancher-distribution-supported': 'high-availability/#which-distribution-for-which-rancher-version',
  'rancher-k3s-preferred': 'high-availability/#choosing-k3s-for-a-first-install',
  'rancher-rke-three-nodes': 'rke-cluster/#three-nodes-every-role',
  'rancher-rke-all-roles': 'rke-cluster/#three-nodes-every-role',
  'rancher-k3s-external-datastore': 'k3s-cluster/#two-servers-and-an-external-datastore',
  'rancher-not-managed-kubernetes': 'environment/#why-not-a-managed-kubernetes-service',
  'rancher-hosted-infrastructure': 'environment/#hosted-infrastructure',
  'lb-present': 'load-balancer/#put-a-load-balancer-in-front',
  'lb-layer-4': 'load-balancer/#layer-4-not-layer-7',
  'lb-ports-80-443': 'load-balancer/#forward-80-and-443-to-every-node',
  'lb-all-nodes': 'load-balancer/#forward-80-and-443-to-every-node',
  'lb-tls-at-ingress': 'load-balancer/#terminate-tls-at-the-ingress',
  'rke-each-role': 'rke-cluster/#what-rke-itself-requires',
  'etcd-odd-members': 'node-roles/#odd-etcd-member-counts',
  'downstream-single-role': 'node-roles/#one-role-per-node-downstream',
  'downstream-three-etcd': 'node-roles/#the-minimum-downstream-layout',
  'downstream-two-controlplane': 'node-roles/#the-minimum-downstream-layout',
  'ace-fqdn': 'authorized-endpoint/#an-fqdn-in-front-of-the-control-plane',
  'ace-controlplane-targets': 'authorized-endpoint/#an-fqdn-in-front-of-the-control-plane',
  'ace-ca-certificate': 'authorized-endpoint/#private-ca-certificates',
  // Rules added beyond the first catalogue reuse the nearest existing heading.
  'plan-cluster-unique': 'plan-format/#node-names-and-addresses',
  'plan-role-distribution': 'plan-format/#node-names-and-addresses',
  'etcd-max-members': 'node-roles/#odd-etcd-member-counts',
  'rke-config-valid': 'rke-cluster/#what-rke-itself-requires',
} as const satisfies Record<string, string>;

export type DocumentedRuleId = keyof typeof RULE_DOCS;
