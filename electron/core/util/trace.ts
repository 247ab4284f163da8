/**
 * Phase timings on stderr when POSTWRIGHT_TRACE=1: where an open spends its time, on the
 * user's own machine and site, without a profiler. Costs nothing when off.
 */
const on = typeof process !== 'undefined' && process.env.POSTWRIGHT_TRACE === '1';

/** A tracer for one run of `what`: each call prints the milliseconds since the previous one. */
export function phaseTrace(what: string): (phase: string) => void {
  if (!on) return () => undefined;
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    process.stderr.write(`postwright trace: ${what}: ${phase} ${(now - last).toFixed(1)} ms (at ${now.toFixed(0)} ms)\n`);
    last = now;
  };
}
