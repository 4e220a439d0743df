// Rancher's rough lower bound for the RoleBinding objects a setup creates in the Rancher cluster,
// held against the object count at which Rancher says trouble usually starts. Source:
// rancher/rancher-docs reference-guides/best-practices/rancher-server, the page on tuning Rancher
// for large installs, "RoleBinding Count Estimation" (2.7 and later).

export const ROLEBINDING_THRESHOLD = 60_000;
export interface RoleBindingInput {
  /** C: clusters. */
  clusters: number;
  /** U: users. */
  users: number;
  /** Ua: average number of users with a membership on a cluster. */
  usersPerCluster: number;
  /** P: projects. */
  projects: number;
  /** Pa: average number of users with a membership on a project. */
  usersPerProject: number;
  /** Users holding the Restricted Admin role, each adding 7C + 2P + 2. */
  restrictedAdmins?: number;
}

export interface RoleBindingEstimate {
  /** 32C + U + 2UaC + 8P + 5Pa, computed exactly as Rancher prints it. */
  asPrinted: number;
  /** The same with the last term read per project (5PaP), as 2UaC is read per cluster. */
  perProject: number;
  /** What the Restricted Admin users add (7C + 2P + 2 each). */
  restrictedAdmins: number;
  threshold: number;
  /** The printed estimate plus the Restricted Admin share passes the threshold. */
  overThreshold: boolean;
  /** Only the per-project reading passes it. */
  overIfPerProject: boolean;
}

/**
 * The estimate. Rancher's formula multiplies the cluster-membership average by C but leaves the
 * project-membership average alone; we compute it as printed and also show the per-project reading,
 * which is larger whenever there is more than one project.
 */
export function estimateRoleBindings(input: RoleBindingInput): RoleBindingEstimate {
  const { clusters: C, users: U, usersPerCluster: Ua, projects: P, usersPerProject: Pa } = input;
  const restricted = (input.restrictedAdmins ?? 0) * (7 * C + 2 * P + 2);
  const asPrinted = 32 * C + U + 2 * Ua * C + 8 * P + 5 * Pa;
  const perProject = 32 * C + U + 2 * Ua * C + 8 * P + 5 * Pa * P;
  return {
    asPrinted,
    perProject,
    restrictedAdmins: restricted,
    threshold: ROLEBINDING_THRESHOLD,
    overThreshold: asPrinted + restricted > ROLEBINDING_THRESHOLD,
    overIfPerProject: asPrinted + restricted <= ROLEBINDING_THRESHOLD && perProject + restricted > ROLEBINDING_THRESHOLD,
  };
}
