// The report for tools: every input with the version and profile it was checked as, input errors
// with their place, findings (each naming its file and guidance), waived findings with their
// waivers, the config's overrides, and one summary. The same shape for one file or many.
import type { InputError } from '../../rules/index.ts';
import { clustersOf, type CheckRun } from '../commands/check-run.ts';
import type { CheckedFinding } from '../config/policy.ts';
import { findingLink } from '../docs-links.ts';
import { safeJson } from '../safe-text.ts';
import { TOOL } from '../tool.ts';

/** An input error as data: where (file, line, col, path) and what. */
export function errorJson(error: InputError) {
  return {
    file: error.file ?? null,
    line: error.line ?? null,
    col: error.col ?? null,
    path: error.path ?? null,
    reason: error.reason,
    message: error.message,
  };
}

function findingJson(f: CheckedFinding, file: string, base: string | undefined) {
  const link = findingLink(f.rule, f.docs, base);
  // Entry positions (at) serve SARIF's line numbers; the JSON names clusters and nodes as the file does.
  const { at: _at, ...rest } = f;
  return { ...rest, file, guidance: link.title, ...(link.url ? { url: link.url } : {}) };
}

export function runJson(run: CheckRun) {
  const base = run.settings.docsBase;
  const checked = run.inputs.flatMap((i) => (i.ok ? [i] : []));
  return {
    tool: TOOL,
    inputs: run.inputs.map((i) =>
      i.ok
        ? {
            file: i.source.name,
            format: i.format,
            rancherVersion: i.report.rancherVersion,
            versionGiven: i.versionGiven,
            versionFrom: i.versionFrom,
            profile: i.report.profile,
            summary: { ...i.report.summary, waived: i.waived.length },
            warnings: i.warnings,
            warningsOmitted: i.warningsOmitted,
          }
        : { file: i.source.name, error: errorJson(i.error) },
    ),
    errors: run.inputs.flatMap((i) => (i.ok ? [] : [errorJson(i.error)])),
    findings: checked.flatMap((i) => i.report.findings.map((f) => findingJson(f, i.source.name, base))),
    waived: checked.flatMap((i) => i.waived.map((f) => findingJson(f, i.source.name, base))),
    clusters: clustersOf(run),
    config: run.config ?? null,
    failOn: run.settings.failOn,
    summary: run.summary,
  };
}

export function formatRunJson(run: CheckRun): string {
  return `${safeJson(runJson(run))}\n`;
}
