import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Passed and failed test cases in a suite tree (skipped ones count as neither). */
function count(suite, totals) {
  for (const test of suite.tests) {
    if (test.skipped) continue;
    if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite.suites) count(child, totals);
  return totals;
}

/**
 * A web-test-runner reporter that writes `{"passed":N,"failed":N}` (individual test cases) to
 * `path`, for the workspace's test script to add up. A test file that failed without running
 * any case (a syntax error, a failed import) counts as one failure, so it cannot pass silently.
 * @param {string | undefined} path - where to write; nothing is written without it.
 */
export function resultsReporter(path) {
  return {
    onTestRunFinished({ sessions }) {
      if (!path) return;
      const totals = { passed: 0, failed: 0 };
      for (const session of sessions) {
        const own = session.testResults ? count(session.testResults, { passed: 0, failed: 0 }) : { passed: 0, failed: 0 };
        if (session.passed === false && own.failed === 0) own.failed = 1;
        totals.passed += own.passed;
        totals.failed += own.failed;
      }
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, `${JSON.stringify(totals)}\n`);
    },
  };
}
