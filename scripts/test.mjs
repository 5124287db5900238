// Runs every package's tests (vitest in Node, @web/test-runner in Chromium, node:test for the edge
// example in workerd), whatever fails, then prints one closing line that adds them up:
// `Tests: N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const out = join(process.cwd(), '.test-results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const vitest = (pkg, name) => ({
  name,
  file: join(out, `${name}.json`),
  command: ['pnpm', ['--filter', pkg, 'exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(out, `${name}.json`)}`]],
  read: (json) => ({ passed: json.numPassedTests, failed: json.numFailedTests + (json.success === false && json.numFailedTests === 0 ? 1 : 0) }),
});

const suites = [
  vitest('@slotwise/sdk', 'sdk'),
  vitest('@slotwise/server', 'server'),
  // `pnpm edge` end to end in workerd (examples/edge-worker): node:test, counted from its TAP summary.
  {
    name: 'edge',
    file: join(out, 'edge.tap'),
    command: ['node', ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${join(out, 'edge.tap')}`, 'test/edge.test.mjs']],
    cwd: 'examples/edge-worker',
    read: (tap) => ({ passed: Number(/^# pass (\d+)$/m.exec(tap)?.[1] ?? 0), failed: Number(/^# fail (\d+)$/m.exec(tap)?.[1] ?? 1) }),
    raw: true,
  },
  {
    name: 'widget',
    file: join(out, 'widget.json'),
    command: ['pnpm', ['--filter', '@slotwise/widget', 'test']],
    env: { SLOTWISE_RESULTS_FILE: join(out, 'widget.json') },
    read: (json) => json,
  },
];

let passed = 0;
let failed = 0;
const lines = [];
for (const suite of suites) {
  console.log(`\n━━ ${suite.name} ━━`);
  const [cmd, args] = suite.command;
  const run = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...suite.env }, ...(suite.cwd ? { cwd: suite.cwd } : {}) });
  let counts;
  try {
    const text = readFileSync(suite.file, 'utf8');
    counts = suite.read(suite.raw ? text : JSON.parse(text));
  } catch {
    counts = { passed: 0, failed: 1 }; // the runner died before reporting: count it as a failure
  }
  if (run.status !== 0 && counts.failed === 0) counts.failed = 1;
  passed += counts.passed;
  failed += counts.failed;
  lines.push(`${suite.name.padEnd(8)} ${counts.passed} passed, ${counts.failed} failed`);
}
console.log(`\n${lines.join('\n')}`);
console.log(`Tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
