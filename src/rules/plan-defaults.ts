// The plan schema's defaults, applied without the schema library, for plans the project writes
// itself (the presets): the guidance pages and the checker draw them without loading zod. Input
// from outside always goes through the schema (formats/validate.ts); plan-defaults.test.ts holds
// this function to the schema's answer for every preset, so the two cannot drift apart.
import type { Plan, PlanInput } from './vocabulary.ts';

type ClusterInput = NonNullable<PlanInput['clusters']>[number];

function cluster(c: ClusterInput): Plan['clusters'][number] {
  const { loadBalancer, authorizedEndpoint, nodes, ...rest } = c;
  const out = {
    distribution: 'rke',
    userWorkloads: false,
    ...rest,
    nodes: (nodes ?? []).map((n) => ({ ...n, roles: [...(n.roles ?? [])] })),
    ...(loadBalancer ? { loadBalancer: { layer: 4, ports: [80, 443], targets: [], tlsTermination: 'ingress', ...loadBalancer } } : {}),
    ...(authorizedEndpoint ? { authorizedEndpoint: { targets: [], privateCA: false, caCertificate: false, ...authorizedEndpoint } } : {}),
  };
  return out as Plan['clusters'][number];
}

/** A plan written in this repository, with the schema's defaults filled in. Not a validator. */
export function withPlanDefaults(input: PlanInput): Plan {
  const { rancher, clusters, ...rest } = input;
  return {
    ...rest,
    ...(rancher ? { rancher: { install: 'kubernetes', ...rancher } } : {}),
    clusters: (clusters ?? []).map(cluster),
  } as Plan;
}
