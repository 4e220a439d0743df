// d3-shape and d3-hierarchy build some exports at module level with immediately called functions
// (`var curveBundle = (function custom(beta) { … })(0.85)`, `curveRadial(curveLinear)`, the
// treemap tilings). The bundler cannot prove those calls free of side effects, so every curve and
// tiling shipped with the checker, which uses only links, three symbols and `hierarchy` (about
// 2 KB gzip of dead code). This Vite plugin marks exactly those calls pure (each only builds and
// returns a function), so the unused ones drop out. If a d3 release changes how they are built,
// the count check fails the build rather than letting the weight come back unnoticed.
const PACKAGES = [
  { file: /[\\/]node_modules[\\/]d3-shape[\\/]dist[\\/]d3-shape\.mjs$/, calls: [/= \(function custom\(/g, /= curveRadial\(curveLinear\)/g], expected: 8 },
  { file: /[\\/]node_modules[\\/]d3-hierarchy[\\/]dist[\\/]d3-hierarchy\.mjs$/, calls: [/= \(function custom\(/g], expected: 2 },
];

/** @returns {import('vite').Plugin} */
export function treeShakeD3() {
  return {
    name: 'rancher-guide:tree-shake-d3',
    apply: 'build',
    transform(code, id) {
      const pkg = PACKAGES.find((p) => p.file.test(id));
      if (!pkg) return undefined;
      let marked = 0;
      let out = code;
      for (const call of pkg.calls)
        out = out.replace(call, (match) => {
          marked++;
          return match.replace('= ', '= /* @__PURE__ */ ');
        });
      if (marked !== pkg.expected)
        throw new Error(`tree-shake-d3: expected ${pkg.expected} module-level factory calls in ${id}, found ${marked}; review scripts/tree-shake-d3.mjs`);
      // Same lines, a comment added within them: the source map is unchanged.
      return { code: out, map: null };
    },
  };
}
