// The rule catalogue, in the order findings are listed within a cluster.
import type { Rule } from '../rule.ts';
import { planClusterUnique, planNodeUnique, planRoleDistribution, planTargetKnown } from './plan-integrity.ts';
import { rancherClusterDedicated, separateRancherFromDownstream } from './separation.ts';
import { dockerInstallNotProduction, rancherClusterHa, rancherDistributionSupported, rancherK3sPreferred } from './high-availability.ts';
import {
  rancherHostedInfrastructure,
  rancherK3sExternalDatastore,
  rancherNotManagedKubernetes,
  rancherRkeAllRoles,
  rancherRkeThreeNodes,
} from './rancher-cluster.ts';
import { lbAllNodes, lbLayer4, lbPorts80443, lbPresent, lbTlsAtIngress } from './load-balancer.ts';
import {
  downstreamSingleRole,
  downstreamThreeEtcd,
  downstreamTwoControlplane,
  etcdMaxMembers,
  etcdOddMembers,
  rkeEachRole,
} from './node-roles.ts';
import { aceCaCertificate, aceControlplaneTargets, aceFqdn } from './authorized-endpoint.ts';
import { rkeConfigValid } from './rke-config.ts';

export const RULES: readonly Rule[] = [
  planNodeUnique,
  planTargetKnown,
  planClusterUnique,
  planRoleDistribution,
  rkeConfigValid,
  separateRancherFromDownstream,
  rancherClusterDedicated,
  dockerInstallNotProduction,
  rancherClusterHa,
  rancherDistributionSupported,
  rancherK3sPreferred,
  rancherRkeThreeNodes,
  rancherRkeAllRoles,
  rancherK3sExternalDatastore,
  rancherNotManagedKubernetes,
  rancherHostedInfrastructure,
  lbPresent,
  lbLayer4,
  lbPorts80443,
  lbAllNodes,
  lbTlsAtIngress,
  rkeEachRole,
  etcdOddMembers,
  etcdMaxMembers,
  downstreamSingleRole,
  downstreamThreeEtcd,
  downstreamTwoControlplane,
  aceFqdn,
  aceControlplaneTargets,
  aceCaCertificate,
];

const byId = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
