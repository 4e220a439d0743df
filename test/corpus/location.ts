// Where the real-world corpus is: RANCHER_ARCH_CORPUS, or ../shared/reference/real-inputs beside
// the repository. Relative paths are taken from the repository root, so both corpus suites find
// the same folder whatever directory they are started from.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ENV_VAR = 'RANCHER_ARCH_CORPUS';
export const DEFAULT_CORPUS = '../shared/reference/real-inputs';

const configured = process.env[ENV_VAR]?.trim() || DEFAULT_CORPUS;
export const corpusDir = isAbsolute(configured) ? configured : resolve(REPO_ROOT, configured);
export const corpusFound = existsSync(corpusDir) && statSync(corpusDir).isDirectory();

/** The notes file beside the samples: not an input. */
const NOT_INPUTS = new Set(['SOURCES.md']);

/** The input files of the corpus (none when the folder is missing). */
export const corpusFiles = (): string[] => (corpusFound ? readdirSync(corpusDir).filter((f) => !NOT_INPUTS.has(f)) : []);
