// The move itself, as a checklist: build the new cluster, move Rancher's objects (or Rancher
// itself), move the workloads and their data, then remove the RKE cluster and its templates
// before Rancher is upgraded to 2.12. Each step names the tool and the document that does it;
// this project plans the move but does not perform it.
import type { Source } from '../sources.ts';
import { cite } from './sources.ts';
import type { Target } from './layout.ts';
import { DISTRIBUTION_LABEL } from '../vocabulary.ts';

export interface Step {
  text: string;
  sources: Source[];
}

export function migrationSteps(to: Target, runsRancher: boolean): Step[] {
  const product = DISTRIBUTION_LABEL[to];
  return [
    {
      text: `Build a new ${product} cluster beside the RKE one: there is no supported in-place conversion. In Rancher, from the provisioning Cluster or the Terraform written here; on your own hosts, from the per-node config.yaml (first server first, then the others through the registration address).`,
      sources: cite('rke2NoInPlace', 'rke2Migration', 'rke2Ha', 'tfClusterV2'),
    },
    {
      text: 'Open the new ports and close the old ones (the ports items above), and set up the load balancer’s listeners before the second server joins.',
      sources: cite('rke2Requirements', 'rke2Ha'),
    },
    runsRancher
      ? {
          text: 'This cluster runs Rancher: install the rancher-backup operator, back Rancher up, and restore it onto the new cluster under the same hostname (do not install Rancher there first).',
          sources: cite('rancherBackupMigrate'),
        }
      : {
          text: "Move Rancher's objects for this cluster (projects, namespaces, role bindings, cluster apps, catalog repositories) to the new cluster with cattle-drive.",
          sources: cite('cattleDrive'),
        },
    {
      text: 'Move the workloads and their persistent volumes, for example with Velero backing up from the old cluster and restoring into the new one; then point DNS and clients at the new cluster.',
      sources: cite('velero'),
    },
    {
      text: 'Remove the RKE cluster from Rancher, and delete every RKE1 node template and cluster template: Rancher 2.12 refuses to upgrade while any remain.',
      sources: cite('rancher50286', 'preUpgradeHook', 'rancherDocs1879'),
    },
  ];
}
