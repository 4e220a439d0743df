// rancher-arch: the rules package in a terminal or a CI pipeline. `main` finds the command, parses
// its options and runs it; whatever goes wrong becomes one clear line and exit code 2, never a stack
// trace. Everything written passes through `guardStream`, so no control character from an input
// reaches the terminal raw.
import { InputError } from '../rules/index.ts';
import { parseCommandArgs, UsageError } from './args.ts';
import { commandByName, COMMANDS } from './commands/index.ts';
import type { Io } from './io.ts';
import { errorLine } from './output/messages.ts';
import { guardStream, printable } from './safe-text.ts';
import { TOOL } from './tool.ts';
import { commandUsage, generalUsage } from './usage.ts';

export type { Io } from './io.ts';
export { nodeIo } from './io.ts';

/** The same Io, with every write guarded. */
function guarded(io: Io): Io {
  return { ...io, stdout: (t) => io.stdout(guardStream(t, io.color)), stderr: (t) => io.stderr(guardStream(t, false)) };
}

async function dispatch(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(generalUsage(COMMANDS));
    return 2;
  }
  if (name === '--help' || name === '-h') {
    io.stdout(generalUsage(COMMANDS));
    return 0;
  }
  if (name === '--version') {
    io.stdout(`${TOOL.name} ${TOOL.version}\n`);
    return 0;
  }
  const command = commandByName(name);
  if (!command) throw new UsageError(`unknown command ${JSON.stringify(name)}; the commands are ${COMMANDS.map((c) => c.name).join(', ')}`);
  let args;
  try {
    args = parseCommandArgs(rest, command.options);
  } catch (error) {
    if (error instanceof UsageError) error.message += `\n\n${commandUsage(command)}`;
    throw error;
  }
  if (args.values.help === true) {
    io.stdout(commandUsage(command));
    return 0;
  }
  try {
    return await command.run({ io, args });
  } catch (error) {
    if (error instanceof UsageError && !error.message.includes('\n')) error.message += `\n(rancher-arch help ${command.name} lists its options.)\n`;
    throw error;
  }
}

/** Run the CLI; resolves to the exit code. Never rejects: bad input is reported on stderr. */
export async function main(argv: readonly string[], rawIo: Io): Promise<number> {
  const io = guarded(rawIo);
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(errorLine(error));
      return 2;
    }
    if (error instanceof UsageError) {
      const [first, ...usage] = error.message.split('\n');
      io.stderr(
        `rancher-arch: ${printable(first ?? '')}\n${usage.length ? `${usage.join('\n')}` : 'rancher-arch help lists the commands and their options.\n'}`,
      );
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`rancher-arch: internal error: ${printable(message.split('\n')[0] ?? '', 500)}\n`);
    return 2;
  }
}
