// Recurring rules that used to hold the event loop: the old expansion (plain rrule walking from the
// anchor, as `occurrenceDays` did before it was bounded) next to `computeSlots` today with the same
// rule, and `computeSlots` with no recurring rule as the baseline measured in the same run.
//
//   node bench/recurrence.bench.mjs [--iterations=500] [--old-cap-seconds=5]
//   (env BENCH_ITERATIONS / BENCH_OLD_CAP_SECONDS; run `pnpm build` first)
//
// Prints figures, never fails on them: exit 1 only if something crashed.
import { createRequire } from 'node:module';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { epochDay, fmtInt, fmtMs, importBuilt, numberOption, percentile, table, wallToEpoch } from './support.mjs';

const { computeSlots } = await importBuilt('../packages/server/dist/index.js');

const ITERATIONS = numberOption('iterations', 'BENCH_ITERATIONS', 500);
const OLD_CAP_SECONDS = numberOption('old-cap-seconds', 'BENCH_OLD_CAP_SECONDS', 5);
const WARMUP = Math.min(50, ITERATIONS);

// ── Inputs ────────────────────────────────────────────────────────────────────────────────────────
const ZONE = 'America/New_York';
const FROM_DATE = '2026-10-05';
const TO_DATE = '2026-12-04'; // exclusive: 60 local dates, as in slots-engine.bench.mjs
const from = wallToEpoch(ZONE, FROM_DATE, 0);
const to = wallToEpoch(ZONE, TO_DATE, 0);
// computeSlots expands recurring rules over the local dates around the window: one day either side.
const firstDay = epochDay(FROM_DATE) - 1;
const lastDay = epochDay(TO_DATE);
const weekly = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, start: 9 * 60, end: 12 * 60 },
  { weekday, start: 13 * 60, end: 17 * 60 },
]);
const service = { duration: 30, step: 30 };
const RULES = [
  { rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA', anchor: '2026-10-10', why: 'ordinary' },
  { rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA', anchor: '1926-10-16', why: 'anchor 100 years back' },
  { rrule: 'FREQ=DAILY', anchor: '0001-01-01', why: 'anchor in the year 1' },
  { rrule: 'FREQ=DAILY;COUNT=1000000000', anchor: '0001-01-01', why: 'huge COUNT, anchor in the year 1' },
  { rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', anchor: '2025-01-01', why: 'never occurs' },
  { rrule: 'FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30', anchor: '2025-01-01', why: 'never occurs' },
  { rrule: 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', anchor: '2025-01-01', why: 'never occurs' },
  { rrule: 'FREQ=DAILY;INTERVAL=-1', anchor: '2025-01-01', why: 'negative INTERVAL' },
];

const query = (recurring) => ({
  availability: { timeZone: ZONE, weekly, recurring },
  service,
  busy: [],
  now: from,
  from,
  to,
  displayTimeZone: ZONE,
});

/** Median and p95 of `computeSlots(q)` over ITERATIONS calls after a warm-up, and its result. */
function timeSlots(q) {
  let result;
  for (let i = 0; i < WARMUP; i++) result = computeSlots(q);
  const samples = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t0 = process.hrtime.bigint();
    result = computeSlots(q);
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 50), p95: percentile(samples, 95), slots: result.days.reduce((n, d) => n + d.slots.length, 0) };
}

// The old \`occurrenceDays\`, verbatim, called again and again in a worker so that a rule which never
// ends can be stopped; each finished call reports its time.
const OLD_EXPANSION = `
const { parentPort, workerData } = require('node:worker_threads');
const { RRule } = require(workerData.rrulePath);
const { rule, anchorDay, firstDay, lastDay, calls } = workerData;
for (let i = 0; i < calls; i++) {
  const t0 = process.hrtime.bigint();
  const options = RRule.parseString(rule.replace(/^RRULE:/i, '').trim());
  const recurrence = new RRule({ ...options, dtstart: new Date(anchorDay * 86_400_000) });
  recurrence.between(new Date(firstDay * 86_400_000), new Date(lastDay * 86_400_000), true);
  parentPort.postMessage(Number(process.hrtime.bigint() - t0) / 1e6);
}
`;
const OLD_CALLS = 20;
const rrulePath = createRequire(new URL('../packages/server/package.json', import.meta.url)).resolve('rrule');

/**
 * The median of the old expansion's calls of `rule` that finished within OLD_CAP_SECONDS (up to
 * OLD_CALLS, the first one, which pays for loading and compiling, left out when others finished),
 * and how many that was; `undefined` when not even one finished.
 */
function timeOld(rule, anchorDay) {
  return new Promise((resolve, reject) => {
    const times = [];
    const worker = new Worker(OLD_EXPANSION, { eval: true, workerData: { rrulePath, rule, anchorDay, firstDay, lastDay, calls: OLD_CALLS } });
    const done = () => {
      clearTimeout(timer);
      const kept = (times.length > 1 ? times.slice(1) : times).sort((a, b) => a - b);
      worker.terminate().then(() => resolve(kept.length ? { ms: percentile(kept, 50), calls: times.length } : undefined));
    };
    const timer = setTimeout(done, OLD_CAP_SECONDS * 1000);
    worker.on('message', (ms) => {
      times.push(ms);
      if (times.length === OLD_CALLS) done();
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

// ── Run ───────────────────────────────────────────────────────────────────────────────────────────
const queries = RULES.map((r) => query([{ rrule: r.rrule, anchor: r.anchor, start: 10 * 60, end: 12 * 60 }]));
// Every query warmed before any is timed, so the baseline is not the one that pays for the JIT.
for (const q of [query([]), ...queries]) for (let i = 0; i < WARMUP; i++) computeSlots(q);
const baseline = timeSlots(query([]));
const rows = [];
for (const [i, r] of RULES.entries()) {
  const now = timeSlots(queries[i]);
  const old = await timeOld(r.rrule, epochDay(r.anchor));
  rows.push([
    r.rrule,
    r.anchor,
    r.why,
    old ? `${fmtMs(old.ms)} (${old.calls} call${old.calls === 1 ? '' : 's'})` : `> ${OLD_CAP_SECONDS} s (stopped)`,
    fmtMs(now.median),
    fmtMs(now.p95),
    `${(now.median / baseline.median).toFixed(2)}×`,
    old ? `${fmtInt(old.ms / now.median)}×` : `> ${fmtInt((OLD_CAP_SECONDS * 1000) / now.median)}×`,
    fmtInt(now.slots),
  ]);
}

console.log(`Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}`);
console.log(`computeSlots: ${ZONE}, Mon–Fri 09:00–12:00 and 13:00–17:00, ${FROM_DATE} to ${TO_DATE} (60 dates), 30-minute slots, no bookings;`);
console.log(`each rule adds 10:00–12:00 on its dates. ${fmtInt(ITERATIONS)} timed calls after ${WARMUP} warm-up calls.`);
console.log(`Old expansion: rrule.between over the same ${lastDay - firstDay + 1} local dates, walking from the anchor, in a worker: median of up to ${OLD_CALLS} calls, stopped after ${OLD_CAP_SECONDS} s.`);
console.log(`Baseline (no recurring rule): median ${fmtMs(baseline.median)}, p95 ${fmtMs(baseline.p95)}, ${fmtInt(baseline.slots)} slots.\n`);
console.log(
  table(['rule', 'anchor', 'what', 'old expansion alone', 'computeSlots now: median', 'p95', 'now/baseline', 'old/now', 'slots'], rows),
);
