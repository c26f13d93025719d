import type { Reporter, TestModule } from 'vitest/node';

/** Prints, as the very last line of a run, `N passed, N failed` (and `, N skipped` when any). */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const module of testModules) {
      // A file that failed to load has no tests but must still count as a failure.
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed++;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    // Printed after the default reporter's own summary, on the next tick, so it is the last line.
    setImmediate(() => console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`));
  }
}
