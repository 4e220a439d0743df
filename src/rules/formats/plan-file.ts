// Plan files (YAML or JSON, same shape): the format the checker and CLI share, written back from a
// plan, with its JSON Schema published for editors.
import { Document, isMap, isScalar, isSeq, visit } from 'yaml';
import { z } from 'zod';
import { planSchema, type Plan } from '../plan.ts';
import { isRecord } from './single-cluster.ts';
import type { Format } from './format.ts';

const PLAN_RANCHER_KEYS = ['version', 'install', 'cluster', 'host'];

/** Drop undefined fields so written files hold only what the plan says. */
function clean(plan: Plan): unknown {
  return JSON.parse(JSON.stringify(plan));
}

export function toPlanJson(plan: Plan): string {
  return `${JSON.stringify(clean(plan), null, 2)}\n`;
}

/** YAML with short lists ([80, 443]) and each node ({ name, address, roles }) on one line. */
export function toPlanYaml(plan: Plan): string {
  // The Document API quotes every value as YAML needs: no plan text is ever spliced in.
  const doc = new Document(clean(plan));
  visit(doc, {
    Seq(_, seq) {
      if (seq.items.every((item) => isScalar(item))) seq.flow = true;
    },
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'nodes' && isSeq(pair.value)) for (const node of pair.value.items) if (isMap(node)) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** JSON Schema for plan files (what a person may write: defaulted fields are optional). */
export function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(planSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    title: 'Rancher architecture plan',
    description: 'Where Rancher runs and the clusters around it, as read by the Rancher Architecture Guide checker and the rancher-arch CLI.',
  };
}

export const planFormat: Format<'plan'> = {
  id: 'plan',
  label: 'a plan file',
  // `rancher:` alone is a plan only when it holds a plan's fields: Helm values have a rancher: of their own.
  detect: (doc) =>
    isRecord(doc.data) &&
    ('clusters' in doc.data || (isRecord(doc.data.rancher) && PLAN_RANCHER_KEYS.some((k) => k in (doc.data as { rancher: object }).rancher))),
  read(doc, options) {
    const data = doc.data ?? {};
    // A version given on the command line (or in the config file) fills in a plan that names none.
    if (options.rancherVersion !== undefined && isRecord(data)) {
      const rancher = isRecord(data.rancher) ? data.rancher : undefined;
      if (rancher === undefined && !('rancher' in data))
        return { plan: { ...data, rancher: { version: options.rancherVersion, install: 'kubernetes' } } as never };
      if (rancher !== undefined && rancher.version === undefined) return { plan: { ...data, rancher: { ...rancher, version: options.rancherVersion } } };
    }
    return { plan: data };
  },
  write: toPlanYaml,
};

export const planJsonFormat: Format<'plan-json'> = {
  id: 'plan-json',
  label: 'a plan file (JSON)',
  write: toPlanJson,
};
