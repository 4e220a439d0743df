// Finding and reading the config file: `--config FILE`, else `.rancher-arch.yaml` (or `.yml`) in the
// working directory. It is read like any input — bounded, decoded, parsed safely — and validated on
// the same path as plans, so a mistake is reported as `.rancher-arch.yaml:4:7 waivers[0].reason: …`.
import { validateWith } from '../../rules/index.ts';
import { parseText } from '../../rules/formats/text.ts';
import type { Io } from '../io.ts';
import { readSource } from '../inputs.ts';
import { configSchema, type Config } from './schema.ts';

export const CONFIG_FILE_NAMES = ['.rancher-arch.yaml', '.rancher-arch.yml'] as const;
/** A config file is a few lines; 256 KB holds a thousand waivers with long reasons. */
export const MAX_CONFIG_BYTES = 256 * 1024;

export interface LoadedConfig {
  /** The file as named in messages. */
  file: string;
  config: Config;
  /** Where a path of the config (["waivers", 2]) lies in the file. */
  locate: (path: readonly PropertyKey[]) => { line: number; col: number } | undefined;
}

/** The config in force, or undefined when there is none. Throws InputError for a file with a mistake. */
export async function loadConfig(io: Io, explicit: string | undefined): Promise<LoadedConfig | undefined> {
  const file = explicit ?? CONFIG_FILE_NAMES.find((name) => io.isFile(name));
  if (file === undefined) return undefined;
  const text = await readSource({ name: file, path: file }, io, MAX_CONFIG_BYTES);
  const parsed = parseText(text, file);
  // An empty file (or one with only comments) is a config with nothing set.
  const data = parsed.data ?? {};
  const config = validateWith(configSchema, data, { file, locate: parsed.locate });
  return { file, config, locate: parsed.locate };
}
