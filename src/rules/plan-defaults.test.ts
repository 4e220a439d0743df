import { describe, expect, it } from 'vitest';
import { planSchema } from './plan.ts';
import { withPlanDefaults } from './plan-defaults.ts';
import { PRESETS, RECOMMENDED_PLAN } from './presets.ts';
import { downstream, rancherRke } from './example-plans.ts';

describe('withPlanDefaults', () => {
  it('gives every preset exactly what the schema gives it', () => {
    for (const { plan } of [...Object.values(PRESETS), { plan: RECOMMENDED_PLAN }]) {
      const reparsed = planSchema.parse(JSON.parse(JSON.stringify(plan)));
      expect(plan).toStrictEqual(reparsed);
    }
  });

  it('fills the same defaults as the schema for sparse inputs', () => {
    const inputs = [
      { clusters: [] },
      { rancher: { version: '2.4.8' }, clusters: [rancherRke()] },
      downstream(),
      { clusters: [{ name: 'bare', nodes: [{ name: 'n' }] }] },
      { clusters: [{ name: 'edge', loadBalancer: {}, authorizedEndpoint: { fqdn: 'api.example.com' } }] },
    ];
    for (const input of inputs) expect(withPlanDefaults(input)).toStrictEqual(planSchema.parse(input));
  });
});
