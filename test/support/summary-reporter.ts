/**
 * Prints the closing `N passed, N failed` line (skips are counted on the line before it), and
 * above it how many end-to-end journeys ran on each transport (tests named `[web] …`, `[desktop] …`).
 *
 * CI reads this one line to know the run executed tests at all; vitest's own summary
 * has a different shape, so we add ours after it.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const transports = new Map<string, { passed: number; failed: number; skipped: number }>();
    for (const mod of testModules) {
      let failedHere = 0;
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        const key = state === 'passed' ? 'passed' : state === 'failed' ? 'failed' : 'skipped';
        if (key === 'passed') passed++;
        else if (key === 'failed') {
          failed++;
          failedHere++;
        }
        else skipped++;
        const transport = /\/test\/e2e\//.test(mod.moduleId) ? /\[(web|desktop)\]/.exec(test.fullName)?.[1] : undefined;
        if (transport) {
          if (!transports.has(transport)) transports.set(transport, { passed: 0, failed: 0, skipped: 0 });
          transports.get(transport)![key]++;
        }
      }
      // A file that failed with no failing test: it could not load, or a hook (beforeAll) threw and its tests were
      // skipped. Either way the run failed, and the line must say so.
      if (mod.state() === 'failed' && failedHere === 0) failed++;
    }
    failed += unhandledErrors.length;
    const perTransport = [...transports]
      .map(([name, c]) => `${name} ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`)
      .join('; ');
    const e2eLine = perTransport ? `\ne2e journeys per transport: ${perTransport}` : '';
    process.stdout.write(`${e2eLine}\n${skipped} skipped (each says why above)\n${passed} passed, ${failed} failed\n`);
  }
}
