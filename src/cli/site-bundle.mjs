// An Astro integration that ships the rancher-arch CLI inside the built site as one self-contained
// file, so an air-gapped mirror of the guide also hands out the command:
//   node rancher-arch.mjs check cluster.yml
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { HCL_WASM } from './hcl-wasm.ts';

export const CLI_BUNDLE_NAME = 'rancher-arch.mjs';

/** Swap src/cli/hcl-wasm.ts for a module whose hclWasm() returns the two files imported as bytes. */
const embeddedHclWasm = {
  name: 'embedded-hcl-wasm',
  setup(b) {
    b.onResolve({ filter: /[\\/]hcl-wasm\.ts$|^\.\/hcl-wasm\.ts$/ }, () => ({ path: 'hcl-wasm', namespace: 'embedded-hcl-wasm' }));
    b.onLoad({ filter: /.*/, namespace: 'embedded-hcl-wasm' }, () => ({
      resolveDir: fileURLToPath(new URL('../../', import.meta.url)),
      loader: 'js',
      contents: [
        `import runtime from ${JSON.stringify(HCL_WASM.runtime)};`,
        `import grammar from ${JSON.stringify(HCL_WASM.grammar)};`,
        'export async function hclWasm() { return { runtime, grammar }; }',
      ].join('\n'),
    }));
  },
};

export function cliBundle() {
  return {
    name: 'rancher-arch-cli-bundle',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outfile = fileURLToPath(new URL(CLI_BUNDLE_NAME, dir));
        await build({
          entryPoints: [fileURLToPath(new URL('../../bin/rancher-arch.mjs', import.meta.url))],
          outfile,
          bundle: true,
          platform: 'node',
          format: 'esm',
          target: 'node20',
          minify: true,
          legalComments: 'eof',
          // The yaml package is CommonJS and requires Node built-ins; give the ESM bundle a require().
          banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
          logLevel: 'warning',
          // The one file carries the HCL parser's WebAssembly as bytes: nothing beside it to find.
          loader: { '.wasm': 'binary' },
          plugins: [embeddedHclWasm],
        });
        logger.info(`CLI bundled into ${CLI_BUNDLE_NAME}`);
      },
    },
  };
}
