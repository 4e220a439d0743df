// The two WebAssembly files of the HCL parser, by package path. site-bundle.mjs replaces this
// module in the one-file CLI with one that imports the same two paths as bytes.
export const HCL_WASM = {
  runtime: 'web-tree-sitter/web-tree-sitter.wasm',
  grammar: '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm',
} as const;

export async function hclWasm(read: (specifier: string) => Promise<Uint8Array>): Promise<{ runtime: Uint8Array; grammar: Uint8Array }> {
  const [runtime, grammar] = await Promise.all([read(HCL_WASM.runtime), read(HCL_WASM.grammar)]);
  return { runtime, grammar };
}
