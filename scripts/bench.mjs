// Runs every benchmark in bench/ in turn (the engine first, then HTTP), output passed through.
// Benchmarks report figures and never judge them: this exits non-zero only when one crashed.
// Options and environment pass through, e.g. `BENCH_SECONDS=3 node scripts/bench.mjs`. The memory run
// (bench/memory.bench.mjs, ~20 min) is not among them: `pnpm bench:memory`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const benches = ['slots-engine.bench.mjs', 'recurrence.bench.mjs', 'slots-http.bench.mjs', 'load.bench.mjs', 'export.bench.mjs', 'directory.bench.mjs'];
const failed = [];
for (const name of benches) {
  console.log(`\n━━ bench/${name} ━━`);
  const file = fileURLToPath(new URL(`../bench/${name}`, import.meta.url));
  const run = spawnSync(process.execPath, ['--expose-gc', file, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (run.status !== 0) failed.push(`${name} (${run.signal ? `signal ${run.signal}` : `exit ${run.status}`})`);
}
console.log(failed.length ? `\nBenchmarks that crashed: ${failed.join(', ')}` : `\nAll ${benches.length} benchmarks ran.`);
process.exit(failed.length ? 1 : 0);
