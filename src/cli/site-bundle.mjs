// An Astro integration that ships the rancher-arch CLI inside the built site as one self-contained
// file, so an air-gapped mirror of the guide also hands out the command:
//   node rancher-arch.mjs check cluster.yml
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const CLI_BUNDLE_NAME = 'rancher-arch.mjs';

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
        });
        logger.info(`CLI bundled into ${CLI_BUNDLE_NAME}`);
      },
    },
  };
}
