// Lines for stderr: errors that stop an input, and warnings (duplicate keys, unused waivers). Each
// value is made printable, and a flood of warnings is cut after the first few with a count.
import { plural, type InputError, type InputWarning } from '../../rules/index.ts';
import type { CheckRun } from '../commands/check-run.ts';
import { printable } from '../safe-text.ts';

/** Warning lines printed in one run before "and N more" (each input keeps its first 20 and a count). */
export const MAX_WARNINGS_SHOWN = 100;

export function errorLine(error: InputError | Error): string {
  return `rancher-arch: ${printable(error.message)}\n`;
}

export function warningLines(warnings: readonly InputWarning[]): string {
  const shown = warnings.slice(0, MAX_WARNINGS_SHOWN);
  const lines = shown.map((w) => `rancher-arch: warning: ${w.place ? `${printable(w.place)}: ` : ''}${printable(w.message)}\n`);
  const rest = warnings.length - shown.length;
  if (rest > 0) lines.push(`rancher-arch: warning: … and ${plural(rest, 'more warning')}\n`);
  return lines.join('');
}

/** Every warning of a run: the readers' (with a count of those not kept), then waivers that matched nothing. */
export function runWarnings(run: CheckRun): InputWarning[] {
  const fromInputs = run.inputs.flatMap((i) =>
    !i.ok
      ? []
      : i.warningsOmitted > 0
        ? [...i.warnings, { place: i.source.name, message: `${plural(i.warningsOmitted, 'more warning')} like these.` }]
        : i.warnings,
  );
  const unused = (run.config?.unusedWaivers ?? []).map((w) => ({
    place: w.place,
    message: 'this waiver matches no finding in the files checked; correct its rule, cluster, nodes or file, or remove it.',
  }));
  return [...fromInputs, ...unused];
}
