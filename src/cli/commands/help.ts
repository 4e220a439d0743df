// rancher-arch help [COMMAND]: the usage summary, or one command's options.
import { UsageError } from '../args.ts';
import { commandUsage, generalUsage } from '../usage.ts';
import type { Command } from './command.ts';
import { COMMANDS } from './index.ts';

export const help: Command = {
  name: 'help',
  synopsis: '[COMMAND]',
  summary: 'Print this summary, or one command’s options.',
  options: {},
  run({ io, args }) {
    const name = args.positionals[0];
    if (name === undefined) {
      io.stdout(generalUsage(COMMANDS));
      return Promise.resolve(0);
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) return Promise.reject(new UsageError(`unknown command ${JSON.stringify(name)}`));
    io.stdout(commandUsage(command));
    return Promise.resolve(0);
  },
};
