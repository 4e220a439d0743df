/** Mean milliseconds of one call: a warm-up (so the JIT settles), then calls for at least `minMs` and three runs. */
export function time(fn: () => unknown, minMs = 200): number {
  for (let i = 0; i < 3; i++) fn();
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < minMs || runs < 3) {
    fn();
    runs++;
  }
  return (performance.now() - start) / runs;
}
