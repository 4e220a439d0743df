// Usage text, written from the command table so it never drifts from what the parser accepts.
import { HELP_OPTION, optionSynopsis } from './args.ts';
import type { Command } from './commands/command.ts';

const EXIT_CODES = `Exit codes: 0 nothing fails the run; 1 a finding at or above --fail-on (default: error);
2 an input, the config file or the command line could not be read.`;

export function generalUsage(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => `${c.name} ${c.synopsis}`.length));
  const lines = commands.map((c) => `  rancher-arch ${`${c.name} ${c.synopsis}`.padEnd(width)}  ${c.summary}`);
  return `Usage:\n${lines.join('\n')}\n\nrancher-arch help COMMAND (or COMMAND --help) lists a command's options.\n\n${EXIT_CODES}\n`;
}

function wrap(text: string, width: number, indent: string): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join(`\n${indent}`);
}

export function commandUsage(command: Command): string {
  const specs = Object.entries({ ...command.options, ...HELP_OPTION });
  const flags = specs.map(([name, spec]) => optionSynopsis(name, spec));
  const width = Math.min(Math.max(...flags.map((f) => f.length)), 44);
  const indent = ' '.repeat(width + 4);
  const options = specs.map(([, spec], i) => {
    const flag = flags[i] as string;
    const head = flag.length > width ? `  ${flag}\n${indent}` : `  ${flag.padEnd(width)}  `;
    return `${head}${wrap(spec.description, 100 - indent.length, indent)}`;
  });
  const parts = [`Usage: rancher-arch ${command.name} ${command.synopsis}`, '', command.summary, '', 'Options:', ...options];
  if (command.details) parts.push('', command.details);
  return `${parts.join('\n')}\n`;
}
