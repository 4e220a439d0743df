// The kinds of file the checker reads, in words: the import panel's hint, and the same words in
// the page's server-rendered fallback, so what a reader first sees is the text the panel shows.
export function ImportKinds() {
  return (
    <>
      a plan file (YAML or JSON), an RKE <code>cluster.yml</code>, <code>kubectl get nodes -o json</code> output, a K3s or RKE2 <code>config.yaml</code>,
      Cluster API manifests (RKE2 or K3s control plane and machine deployments, or a ClusterClass topology), cluster-templates Helm values (
      <code>nodepools:</code>), an Ansible inventory for RKE2 or K3s (YAML or INI), a <code>kind: List</code> or <code>helm template</code> stream of
      provisioning Clusters, or Terraform: <code>.tf</code> and <code>.tfvars</code> files (choose or drop them together) or <code>terraform show -json</code>{' '}
      output
    </>
  );
}
