// Pagefind's UI package ships no types; this is the part src/components/pagefind-on-demand.ts uses.
declare module '@pagefind/default-ui/npm_dist/mjs/ui-core.mjs' {
  export class PagefindUI {
    constructor(options: { element: string } & Record<string, unknown>);
  }
}
