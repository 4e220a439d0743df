// Reading the one input of `ports` and `size`: a file or standard input, bounded and decoded as
// `check` reads it (inputs.ts), through the same reader, so every format check reads is read here.
import type { ReadResult } from '../rules/index.ts';
import { readAnySource } from './folder.ts';
import type { Source } from './inputs.ts';
import type { Io } from './io.ts';
import type { ReadSettings } from './options.ts';
import { warningLines } from './output/messages.ts';

export interface ReadSource extends ReadResult {
  /** The file as named in messages ("<stdin>" for -). */
  name: string;
}

/** Read FILE (or - for standard input); warnings go to stderr. Throws InputError. */
export async function readPlanInput(file: string, settings: ReadSettings, io: Io): Promise<ReadSource> {
  const source: Source = file === '-' ? { name: '<stdin>', path: undefined } : { name: file, path: file, folder: io.listDir?.(file) !== undefined };
  const result = await readAnySource(source, settings, io);
  io.stderr(warningLines(result.warnings));
  return { ...result, name: source.name };
}
