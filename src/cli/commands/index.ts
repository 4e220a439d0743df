// Every command, in the order `rancher-arch help` lists them. Adding a command is one module in
// this folder and its line here.
import { check } from './check.ts';
import type { Command } from './command.ts';
import { convert } from './convert.ts';
import { explain } from './explain.ts';
import { help } from './help.ts';
import { migrate } from './migrate.ts';
import { ports } from './ports.ts';
import { rules } from './rules.ts';
import { size } from './size.ts';

export const COMMANDS: readonly Command[] = [check, rules, explain, convert, migrate, ports, size, help];

export function commandByName(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}
