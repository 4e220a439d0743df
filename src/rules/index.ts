// Public entry of the rules package: the plan model, the rule catalogue and engine, failure
// simulation, readers and writers. Framework-free: safe in the browser, at build time and in Node.
export * from './plan.ts';
export * from './report.ts';
export * from './presets.ts';
export { RULE_DOCS, type DocumentedRuleId } from './docs-links.ts';
export type { Rule, RuleContext, ClusterFacts, ReportInput } from './rule.ts';
export { RULES, ruleById } from './catalogue/index.ts';
export { checkPlan, summarise, clusterFactsOf, type CheckOptions } from './check.ts';
export { simulateFailure, smallestBreakingFailure, type BreakingFailure, type BreakReason } from './failure.ts';
export { etcdQuorum, failuresTolerated, etcdMemberCount, isEtcdMember, isControlPlane, isWorkerCapable, usesServerRoles } from './quorum.ts';
export { formatFindingsMarkdown, type MarkdownOptions } from './markdown.ts';
export { InputError, formatPath, type InputWarning } from './formats/input-error.ts';
export { MAX_INPUT_CHARS, MAX_DEPTH } from './formats/text.ts';
export { parsePlan, validatePlan, toPlanJson, toPlanYaml, planJsonSchema } from './formats/plan-file.ts';
export { toClusterYml, type SingleClusterOptions, type ImportResult } from './formats/rke-cluster-yml.ts';
export { toNginxConfig } from './formats/nginx.ts';
export { readInput, readInputDetailed, detectFormat, INPUT_FORMATS, type InputFormat, type ReadOptions, type ReadResult } from './formats/read.ts';
