// fast-check's description of an arbitrary plan, shared by the property tests of the rules and of
// the diagrams (test code only: nothing the site or the CLI ships imports this folder).
import fc from 'fast-check';
import { DATASTORES, DISTRIBUTIONS, HOSTINGS, NODE_ROLES, planSchema, type Plan } from '../plan.ts';

export const NAMES = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const nodeArb = fc.record(
  {
    name: fc.constantFrom(...NAMES),
    address: fc.constantFrom('10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', 'host.example'),
    roles: fc.subarray([...NODE_ROLES]),
    zone: fc.constantFrom('za', 'zb', 'zc', 'zd'),
  },
  { requiredKeys: ['name', 'roles'] },
);
const clusterArb = fc.record(
  {
    name: fc.constantFrom('mgmt', 'prod', 'dev'),
    distribution: fc.constantFrom(...DISTRIBUTIONS),
    hosting: fc.constantFrom(...HOSTINGS),
    userWorkloads: fc.boolean(),
    datastore: fc.constantFrom(...DATASTORES),
    nodes: fc.array(nodeArb, { maxLength: 8 }),
    loadBalancer: fc.record({
      layer: fc.constantFrom(4, 7),
      ports: fc.subarray([80, 443, 6443]),
      targets: fc.subarray(NAMES),
      tlsTermination: fc.constantFrom('ingress', 'load-balancer'),
    }),
    authorizedEndpoint: fc.record(
      { fqdn: fc.constant('api.example.com'), targets: fc.subarray(NAMES), privateCA: fc.boolean(), caCertificate: fc.boolean() },
      { requiredKeys: ['targets'] },
    ),
  },
  { requiredKeys: ['name', 'distribution', 'nodes'] },
);
export const planArb: fc.Arbitrary<Plan> = fc
  .record(
    {
      rancher: fc.record(
        {
          version: fc.constantFrom('2.0', '2.3.9', '2.4', 'v2.4.8', '2.5.1', '2.10'),
          install: fc.constantFrom('kubernetes', 'docker'),
          cluster: fc.constantFrom('mgmt', 'prod', 'none'),
          host: fc.constantFrom('10.0.0.1', '10.0.0.9'),
        },
        { requiredKeys: [] },
      ),
      clusters: fc.array(clusterArb, { maxLength: 4 }),
    },
    { requiredKeys: ['clusters'] },
  )
  .map((input) => planSchema.parse(input));
