// Public entry of the rules package: the plan model, the rule catalogue and engine, failure
// simulation, readers and writers. Framework-free: safe in the browser, at build time and in Node.
export * from './plan.ts';
export * from './report.ts';
export * from './presets.ts';
export * from './cluster-facts.ts';
export * from './versions.ts';
export * from './words.ts';
export { LIMITS } from './limits.ts';
export { nameProblem } from './identifiers.ts';
export { GUIDE_PAGES, docsPath, docsTitle, type DocsRef } from './guide-pages.ts';
export { CATEGORIES, SEVERITY_RANK, type Rule } from './rule.ts';
export { RULES, ruleById, isRuleId, type RuleId } from './catalogue/index.ts';
export { aboutRule } from './catalogue/about.ts';
export { checkPlan, rulesFor } from './check.ts';
export { formatFindingsMarkdown, unreadableMarkdown } from './markdown.ts';
export { InputError, formatPath, type InputWarning } from './formats/input-error.ts';
export { decodeBytes } from './formats/text.ts';
export { readPieces, type PiecesRead } from './formats/read-pieces.ts';
export { ExportError } from './formats/format.ts';
export { FORMATS, formatById } from './formats/registry.ts';
export { toPlanJson, toPlanYaml } from './formats/plan-file.ts';
export { validatePlan, validateWith } from './formats/validate.ts';
export { toClusterYml } from './formats/rke-cluster-yml.ts';
export { RKE_REFUSALS } from './formats/rke-refusals.ts';
export { readInput, readInputDetailed, readParsedDetailed, INPUT_FORMATS, type InputFormat, type ReadOptions, type ReadResult } from './formats/read.ts';
export { readInputAsync, type AsyncReadOptions, type SourceFile } from './formats/read-async.ts';
export { rke2Configs } from './formats/rke2-config.ts';
/** Rancher's hardware tables and the sizing arithmetic (also importable alone: ./sizing/index.ts). */
export * as sizing from './sizing/index.ts';
/** The firewall matrix of a plan and its writers (also importable alone: ./ports/index.ts). */
export * as ports from './ports/index.ts';
