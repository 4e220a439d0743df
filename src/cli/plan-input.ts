// Reading the one input of `ports` and `size`: a file or standard input, bounded and decoded as
// `check` reads it (inputs.ts), through the same reader, so every format check reads is read here.
import { readInputDetailed, type ReadResult } from '../rules/index.ts';
import { readSource } from './inputs.ts';
import type { Io } from './io.ts';
import { readOptionsOf, type ReadSettings } from './options.ts';
import { warningLines } from './output/messages.ts';

export interface ReadSource extends ReadResult {
  /** The file as named in messages ("<stdin>" for -). */
  name: string;
}

/** Read FILE (or - for standard input); warnings go to stderr. Throws InputError. */
export async function readPlanInput(file: string, settings: ReadSettings, io: Io): Promise<ReadSource> {
  const source = file === '-' ? { name: '<stdin>', path: undefined } : { name: file, path: file };
  const text = await readSource(source, io);
  const result = readInputDetailed(text, readOptionsOf(settings, source.name));
  io.stderr(warningLines(result.warnings));
  return { ...result, name: source.name };
}
