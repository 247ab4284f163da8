/**
 * Prints the closing `N passed, N failed` line (skips are counted on the line before it).
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
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      if (mod.state() === 'failed' && !hasTests(mod)) failed++;
    }
    failed += unhandledErrors.length;
    process.stdout.write(`\n${skipped} skipped (each says why above)\n${passed} passed, ${failed} failed\n`);
  }
}

function hasTests(mod: TestModule): boolean {
  for (const _ of mod.children.allTests()) return true;
  return false;
}
