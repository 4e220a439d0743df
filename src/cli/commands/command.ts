// What a command is. Each command is one module in this folder exporting a `Command`; index.ts
// lists them. main.ts parses the command line with the command's option table and calls `run`.
import type { OptionSpecs, ParsedArgs } from '../args.ts';
import type { Io } from '../io.ts';

export interface CommandContext {
  io: Io;
  args: ParsedArgs;
}

export interface Command {
  name: string;
  /** What follows the command name in usage: "FILE... [options]". */
  synopsis: string;
  /** One line for the command list. */
  summary: string;
  /** Paragraphs shown by `rancher-arch help NAME`, after the options. */
  details?: string;
  options: OptionSpecs;
  /** Returns the exit code. Throws UsageError or InputError for main to report. */
  run(ctx: CommandContext): Promise<number>;
}
