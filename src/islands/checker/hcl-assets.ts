// Where the page finds the HCL parser's WebAssembly: two files Vite copies into the build, fetched
// only when a Terraform file is imported (this module itself is loaded on that first use).
import runtime from 'web-tree-sitter/web-tree-sitter.wasm?url';
import grammar from '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm?url';
import type { HclAssetLoader } from '../../rules/formats/hcl.ts';

export const browserHclAssets: HclAssetLoader = () => Promise.resolve({ runtime, grammar });
