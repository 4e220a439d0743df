// Reading the input of a command: a file or standard input, through the same reader `check` uses,
// so every format check reads is read here too. Errors are InputError, with the file named.
import { InputError, readInputDetailed, type InputFormat, type ReadOptions, type ReadResult } from '../rules/index.ts';
import type { Io } from './main.ts';

export interface InputOptions {
  /** Single-cluster inputs: the Rancher cluster or a downstream one. */
  as?: 'rancher' | 'downstream';
  /** The Rancher version for inputs that name none (everything but a plan). */
  rancherVersion?: string;
  /** Skip detection. */
  inputFormat?: InputFormat;
}

export interface ReadSource extends ReadResult {
  /** The file as named in messages ("<stdin>" for -). */
  name: string;
}

export function readPlanInput(file: string, options: InputOptions, io: Io): ReadSource {
  let text: string;
  let name = file;
  if (file === '-') {
    text = io.readStdin();
    name = '<stdin>';
  } else {
    try {
      text = io.readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why =
        code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
      throw new InputError(`cannot read the file: ${why}`, { file });
    }
  }
  const read: ReadOptions = { filename: name };
  if (options.as) read.as = options.as;
  if (options.rancherVersion) read.rancherVersion = options.rancherVersion;
  if (options.inputFormat) read.format = options.inputFormat;
  return { ...readInputDetailed(text, read), name };
}

/** Print an error the way every command does, and return exit code 2. */
export function failInput(io: Io, error: unknown): number {
  if (error instanceof InputError) {
    io.stderr(`rancher-arch: ${error.message}\n`);
    return 2;
  }
  if (error instanceof Error && error.name === 'ExportError') {
    io.stderr(`rancher-arch: ${error.message}\n`);
    return 2;
  }
  throw error;
}
