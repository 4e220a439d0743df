// Where the CLI finds the HCL parser's WebAssembly (web-tree-sitter's runtime and the HCL grammar):
// read from the installed packages. The one-file CLI the site hands out has no node_modules beside
// it, so its build (site-bundle.mjs) swaps `hclWasm` for a module holding the bytes themselves.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { HclAssetLoader } from '../rules/formats/hcl.ts';
import { hclWasm } from './hcl-wasm.ts';

export const nodeHclAssets: HclAssetLoader = async () => {
  const { runtime, grammar } = await hclWasm(async (specifier) => new Uint8Array(await readFile(createRequire(import.meta.url).resolve(specifier))));
  return { runtime, grammar };
};
