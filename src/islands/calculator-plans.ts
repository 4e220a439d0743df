// The plans the three calculators check: a small cluster built from a handful of numbers and
// switches. Pure data, so the calculators' browser script and the tests share them without React.
import type { Plan } from '../rules/plan.ts';

/** Most etcd members the calculator accepts: well past any sensible count, small enough to list. */
export const MAX_MEMBERS = 15;

/** A downstream RKE cluster with `members` etcd nodes, two controlplane nodes and a worker. */
export function etcdPlan(members: number): Plan {
  const node = (name: string, role: 'etcd' | 'controlplane' | 'worker') => ({ name, roles: [role] });
  return {
    clusters: [
      {
        name: 'downstream',
        distribution: 'rke',
        userWorkloads: true,
        nodes: [
          ...Array.from({ length: members }, (_, i) => node(`etcd-${i + 1}`, 'etcd')),
          node('cp-1', 'controlplane'),
          node('cp-2', 'controlplane'),
          node('worker-1', 'worker'),
        ],
      },
    ],
  };
}

export interface LoadBalancerInput {
  layer: 4 | 7;
  ports: number[];
  nodes: number;
  targets: number;
  tlsTermination: 'ingress' | 'load-balancer';
}

export const LOAD_BALANCER_DEFAULTS: LoadBalancerInput = { layer: 4, ports: [80, 443], nodes: 3, targets: 3, tlsTermination: 'ingress' };

/** The Rancher cluster on RKE with `nodes` all-role nodes, the first `targets` of them behind the balancer. */
export function loadBalancerPlan(input: LoadBalancerInput): Plan {
  const names = Array.from({ length: input.nodes }, (_, i) => `rancher-${i + 1}`);
  return {
    rancher: { version: '2.4.8', install: 'kubernetes', cluster: 'rancher' },
    clusters: [
      {
        name: 'rancher',
        distribution: 'rke',
        userWorkloads: false,
        nodes: names.map((name) => ({ name, roles: ['etcd', 'controlplane', 'worker'] })),
        loadBalancer: { layer: input.layer, ports: input.ports, targets: names.slice(0, input.targets), tlsTermination: input.tlsTermination },
      },
    ],
  };
}

export interface EndpointInput {
  fqdn: string;
  controlplanes: number;
  targets: number;
  privateCA: boolean;
  caCertificate: boolean;
}

export const ENDPOINT_DEFAULTS: EndpointInput = { fqdn: 'api.production.example.com', controlplanes: 2, targets: 2, privateCA: false, caCertificate: false };

/** A production downstream cluster whose authorized endpoint reaches the first `targets` controlplane nodes. */
export function endpointPlan(input: EndpointInput): Plan {
  const cps = Array.from({ length: input.controlplanes }, (_, i) => `cp-${i + 1}`);
  return {
    clusters: [
      {
        name: 'production',
        distribution: 'rke',
        userWorkloads: true,
        nodes: [
          ...[1, 2, 3].map((i) => ({ name: `etcd-${i}`, roles: ['etcd' as const] })),
          ...cps.map((name) => ({ name, roles: ['controlplane' as const] })),
          ...[1, 2, 3].map((i) => ({ name: `worker-${i}`, roles: ['worker' as const] })),
        ],
        authorizedEndpoint: {
          ...(input.fqdn.trim() ? { fqdn: input.fqdn.trim() } : {}),
          targets: cps.slice(0, input.targets),
          privateCA: input.privateCA,
          caCertificate: input.caCertificate,
        },
      },
    ],
  };
}
