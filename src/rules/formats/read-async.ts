// The asynchronous entry for inputs: one text (as readInputDetailed reads it) or a set of files
// read together (a Terraform folder: its .tf and .tfvars, and the local modules it calls). Formats
// whose parser is loaded on first use (HCL) are read only here, so the page and the CLI load the
// parser when, and only when, such a file is read. Throws InputError, and nothing else.
import { nothingToCheck } from '../cluster-facts.ts';
import type { HclAssetLoader } from './hcl.ts';
import { InputError } from './input-error.ts';
import { readInputDetailed, type ReadOptions, type ReadResult } from './read.ts';
import { formatById } from './registry.ts';
import { isTerraformName, looksLikeTerraform, type SourceFile } from './terraform.ts';
import { validatePlan } from './validate.ts';

export type { SourceFile } from './terraform.ts';

export interface AsyncReadOptions extends ReadOptions {
  /** Where the HCL parser's WebAssembly comes from (the CLI: from disk; the page: fetched). */
  hclAssets?: HclAssetLoader;
  /** What messages call a set of files (the folder's name). */
  setName?: string;
}

/** Is this input (one file or several) Terraform? By the format asked for, the file names, or pasted text. */
function isTerraform(files: readonly SourceFile[], options: AsyncReadOptions): boolean {
  if (options.format !== undefined) return options.format === 'terraform';
  return files.some((f) => isTerraformName(f.name));
}

async function readTerraform(files: readonly SourceFile[], options: AsyncReadOptions): Promise<ReadResult> {
  const format = formatById('terraform');
  if (!format?.readFiles) throw new InputError('this build cannot read Terraform files.');
  if (!options.hclAssets) throw new InputError('Terraform files need the HCL parser, which this reader was not given.', { file: options.setName });
  const label = options.setName ?? (files.length === 1 ? files[0]?.name : undefined);
  const output = await format.readFiles(files, options, options.hclAssets);
  const origin = (path: readonly PropertyKey[]) => output.origin?.(path);
  const locate = (path: readonly PropertyKey[]) => output.locate(path);
  const plan = validatePlan(output.plan, { file: label, locate, origin });
  const empty = options.allowEmpty ? undefined : nothingToCheck(plan);
  if (empty) throw new InputError(`nothing to check: ${empty}.`, { file: label });
  return { plan, format: 'terraform', findings: output.findings ?? [], warnings: output.warnings ?? [], locate };
}

/**
 * Read one text or a set of files into a plan, with findings and warnings. A set of several files
 * is read as Terraform (the only format that spans files); one file goes to readInputDetailed
 * unless it is Terraform by its name, the format asked for, or (pasted text) by its shape.
 */
export async function readInputAsync(input: string | readonly SourceFile[], options: AsyncReadOptions = {}): Promise<ReadResult> {
  const files: readonly SourceFile[] = typeof input === 'string' ? [{ name: options.filename ?? '', text: input }] : input;
  try {
    if (files.length === 0) throw new InputError('no files to read.', { file: options.setName });
    if (isTerraform(files, options)) {
      const bad = files.find((f) => !isTerraformName(f.name) && files.length > 1);
      if (bad) throw new InputError('only Terraform files (.tf, .tfvars) are read together as one input; read this file on its own.', { file: bad.name });
      return await readTerraform(files, options);
    }
    if (files.length > 1)
      throw new InputError('several files are read together only as a Terraform folder (.tf and .tfvars files); read each of these on its own.', {
        file: options.setName,
      });
    const only = files[0] as SourceFile;
    try {
      return readInputDetailed(only.text, { ...options, filename: options.filename ?? (only.name || undefined) });
    } catch (error) {
      // Pasted Terraform has no file name to go by: try it as HCL when YAML and JSON make nothing of it.
      if (error instanceof InputError && options.format === undefined && looksLikeTerraform(only.text))
        return await readTerraform([{ name: only.name || 'pasted.tf', text: only.text }], options);
      throw error;
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(`could not read this input: ${message.split('\n')[0]?.slice(0, 200)}`, { file: options.setName ?? options.filename });
  }
}
