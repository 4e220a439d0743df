// Where the CLI finds the HCL parser's WebAssembly: the grammar is read from the installed package;
// web-tree-sitter finds its own runtime beside its module in Node.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { HclAssetLoader } from '../rules/formats/hcl.ts';

const require = createRequire(import.meta.url);

export const nodeHclAssets: HclAssetLoader = async () => ({
  grammar: new Uint8Array(await readFile(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm'))),
});
