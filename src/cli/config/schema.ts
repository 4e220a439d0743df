// The config file, `.rancher-arch.yaml`: defaults for the command line, per-rule severity, and
// waivers that hide one finding with a reason. This zod schema is the one statement of its shape;
// it also yields the JSON Schema the site publishes for editors (schemas/rancher-arch-config.schema.json).
import { z } from 'zod';
import { isRuleId, nameProblem, normaliseVersion, RULES, type RuleId } from '../../rules/index.ts';
import { docsBaseProblem } from '../docs-links.ts';

/** A waiver's reason is printed in reports and CI logs: one line of plain text. */
export const MAX_REASON_CHARS = 500;
/** Far more waivers than a sane config holds; bounds the work of matching them. */
export const MAX_WAIVERS = 1000;
/** Nodes one waiver may name. */
export const MAX_WAIVER_NODES = 100;

export const SEVERITY_SETTINGS = ['error', 'warning', 'info', 'off'] as const;
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];

const RULE_IDS = RULES.map((r) => r.id) as [RuleId, ...RuleId[]];
const NO_RULE = (id: unknown) => `no rule ${JSON.stringify(id)}; rancher-arch rules lists them`;

/** Cluster and node names follow the plan's own rules, so a waiver can only name what a plan can hold. */
const name = z
  .string()
  .superRefine((value, ctx) => {
    const why = nameProblem(value);
    if (why) ctx.addIssue({ code: 'custom', message: why, input: value });
  })
  .meta({ description: 'A cluster or node name as the checked file gives it.' });

const version = z
  .union([z.string(), z.number()])
  .transform((v, ctx) => {
    const normal = normaliseVersion(v);
    if (normal === undefined) {
      ctx.addIssue({ code: 'custom', message: 'must look like 2.4 or v2.4.8', input: v });
      return z.NEVER;
    }
    return normal;
  })
  .meta({ description: 'The Rancher version to check against when a file names none, e.g. "2.4.8".' });

const reason = z
  .string()
  .trim()
  .min(1)
  .max(MAX_REASON_CHARS, `must be at most ${MAX_REASON_CHARS} characters`)
  .superRefine((value, ctx) => {
    // eslint-disable-next-line no-control-regex -- the point is to find control characters
    if (/[\u0000-\u001f\u007f-\u009f]/.test(value))
      ctx.addIssue({ code: 'custom', message: 'must be one line of text without control characters', input: value });
  })
  .meta({ description: 'Why the finding is accepted: shown in every report that hides it.' });

export const waiverSchema = z
  .strictObject({
    rule: z.enum(RULE_IDS, { error: (issue) => (issue.input === undefined ? 'missing; expected a rule id' : NO_RULE(issue.input)) }),
    cluster: name.optional().meta({ description: 'Only findings about this cluster.' }),
    nodes: z
      .array(name)
      .min(1)
      .max(MAX_WAIVER_NODES)
      .optional()
      .meta({ description: 'Only findings about these nodes (every node a finding names must be listed).' }),
    file: z
      .string()
      .min(1)
      .max(1024)
      .optional()
      .meta({ description: 'Only findings in this file, as named on the command line (relative to the working directory).' }),
    reason,
    expires: z.iso
      .date({ error: 'must be a date written YYYY-MM-DD' })
      .optional()
      .meta({ description: 'The last day the waiver holds; from the day after, the finding shows again, with a note.' }),
  })
  .meta({ description: 'Accept one finding (or the findings of one rule in one place) with a reason.' });

const rules = z
  .record(z.string(), z.enum(SEVERITY_SETTINGS, { error: 'must be error, warning, info or off' }))
  .superRefine((value, ctx) => {
    for (const id of Object.keys(value)) if (!isRuleId(id)) ctx.addIssue({ code: 'custom', message: NO_RULE(id), path: [id], input: id });
  })
  .meta({ description: 'Per rule: a different severity, or off.' });

export const configSchema = z
  .strictObject({
    /** Editors put a schema address here; it is not a setting. */
    $schema: z.string().optional(),
    rancherVersion: version.optional(),
    as: z.enum(['rancher', 'downstream']).optional().meta({ description: 'For single-cluster inputs: the cluster runs Rancher, or is a downstream cluster.' }),
    failOn: z.enum(['error', 'warning', 'info']).optional().meta({ description: 'The lowest severity that fails the run (exit code 1).' }),
    docsBase: z
      .string()
      .superRefine((value, ctx) => {
        const why = docsBaseProblem(value);
        if (why) ctx.addIssue({ code: 'custom', message: why, input: value });
      })
      .optional()
      .meta({ description: 'Where the guide is served, e.g. https://guide.example.internal/; findings link there.' }),
    rules: rules.optional(),
    waivers: z.array(waiverSchema).max(MAX_WAIVERS).optional(),
  })
  .meta({ description: 'Settings for rancher-arch, read from .rancher-arch.yaml in the working directory or the file given with --config.' });

export type Config = z.output<typeof configSchema>;
export type Waiver = z.output<typeof waiverSchema>;

/** The JSON Schema of the config file (what a person may write), for editors and the site. */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as unknown as Record<string, unknown> & {
    properties: { rules: Record<string, unknown> };
  };
  // zod cannot say "keys are rule ids" for a record checked by a refinement; say it here.
  schema.properties.rules.propertyNames = { enum: RULE_IDS };
  return { ...schema, title: 'rancher-arch configuration (.rancher-arch.yaml)' };
}
