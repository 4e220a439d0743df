// Public entry of the rules package: the plan model, the rule catalogue and engine, failure
// simulation, readers and writers. Framework-free: safe in the browser, at build time and in Node.
export * from './plan.ts';
export * from './report.ts';
export * from './presets.ts';
export * from './cluster-facts.ts';
export * from './versions.ts';
export * from './words.ts';
export { LIMITS } from './limits.ts';
export { addressProblem, nameProblem, dnsNameProblem, isDns1123Subdomain } from './identifiers.ts';
export { GUIDE_PAGES, docsPath, docsTitle, type DocsRef, type GuidePage } from './guide-pages.ts';
export { CATEGORIES, CATEGORY_ORDER, type Category, type Rule, type RuleContext, type ReportInput, type RuleExamples, type Example } from './rule.ts';
export { RULES, ruleById, isRuleId, type RuleId } from './catalogue/index.ts';
export { checkPlan, checkedVersion, rulesFor, summarise, type CheckOptions } from './check.ts';
export { simulateFailure, smallestBreakingFailure, type BreakingFailure, type BreakReason } from './failure.ts';
export { formatFindingsMarkdown, unreadableMarkdown, type MarkdownOptions, type WaivedFinding } from './markdown.ts';
export { InputError, formatPath, type InputWarning } from './formats/input-error.ts';
export { MAX_INPUT_CHARS, MAX_DEPTH, decodeBytes } from './formats/text.ts';
export { ExportError, type Format, type SingleClusterOptions, type WriteOptions } from './formats/format.ts';
export { FORMATS, formatById, type FormatId } from './formats/registry.ts';
export { parsePlan, toPlanJson, toPlanYaml, planJsonSchema } from './formats/plan-file.ts';
export { validatePlan, validateWith } from './formats/validate.ts';
export { toClusterYml } from './formats/rke-cluster-yml.ts';
export { RKE_REFUSALS, clusterYmlProblems } from './formats/rke-refusals.ts';
export { toNginxConfig } from './formats/nginx.ts';
export { readInput, readInputDetailed, detectFormat, INPUT_FORMATS, type InputFormat, type ReadOptions, type ReadResult } from './formats/read.ts';
export { readInputAsync, type AsyncReadOptions, type SourceFile } from './formats/read-async.ts';
export type { HclAssetLoader } from './formats/hcl.ts';
export { rke2Configs, toRke2Config, type Rke2NodeConfig } from './formats/rke2-config.ts';
export { SOURCES, cite, type Source, type SourceId } from './sources.ts';
/** Rancher's hardware tables and the sizing arithmetic (also importable alone: ./sizing/index.ts). */
export * as sizing from './sizing/index.ts';
/** The firewall matrix of a plan and its writers (also importable alone: ./ports/index.ts). */
export * as ports from './ports/index.ts';
