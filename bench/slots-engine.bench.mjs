// The slot engine as a pure function: `computeSlots` over a 60-day window that crosses a DST switch,
// timed call by call, next to the slow reference implementation on the same input.
//
//   node bench/slots-engine.bench.mjs [--iterations=2000] [--reference-iterations=5]
//   (env BENCH_ITERATIONS / BENCH_REFERENCE_ITERATIONS; run `pnpm build` first)
//
// Prints figures, never fails on them: exit 1 only if something crashed.
import { isDeepStrictEqual } from 'node:util';
import os from 'node:os';
import { dateOf, epochDay, fmtInt, fmtMs, importBuilt, isoWeekday, mulberry32, numberOption, percentile, table, wallToEpoch } from './support.mjs';

const { computeSlots } = await importBuilt('../packages/server/dist/index.js');
const { referenceSlots } = await importBuilt('../packages/server/dist/testing/reference-slots.js');

const ITERATIONS = numberOption('iterations', 'BENCH_ITERATIONS', 2000);
const REFERENCE_ITERATIONS = numberOption('reference-iterations', 'BENCH_REFERENCE_ITERATIONS', 5);
const WARMUP = Math.min(200, ITERATIONS);
const TARGET_MEDIAN_MS = 1; // from the issue: under 1 ms median per computation
const SEED = 20261101;

// ── Inputs ────────────────────────────────────────────────────────────────────────────────────────
const ZONE = 'America/New_York';
const DISPLAY_ZONE = 'Europe/London';
const FROM_DATE = '2026-10-05'; // Monday; New York leaves DST on 2026-11-01, London on 2026-10-25
const TO_DATE = '2026-12-04'; // exclusive: 60 local dates, 2026-10-05 … 2026-12-03
const from = wallToEpoch(ZONE, FROM_DATE, 0);
const to = wallToEpoch(ZONE, TO_DATE, 0);
const HOURS = [
  { start: 9 * 60, end: 12 * 60 },
  { start: 13 * 60, end: 17 * 60 },
];
const availability = {
  timeZone: ZONE,
  weekly: [1, 2, 3, 4, 5].flatMap((weekday) => HOURS.map((h) => ({ weekday, ...h }))),
  breaks: [],
  overrides: [
    { from: '2026-10-12', to: '2026-10-12', intervals: [] }, // one closed day
    { from: '2026-11-26', to: '2026-11-27', intervals: [] }, // a closed range of two days
    { from: '2026-11-02', to: '2026-11-02', intervals: [{ start: 10 * 60, end: 15 * 60 }] }, // other hours, the Monday after the switch
  ],
  recurring: [{ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA', anchor: '2026-10-10', start: 10 * 60, end: 12 * 60 }],
};
const service = { duration: 30, step: 30 };

/** `count` bookings of 30 or 60 minutes at random 30-minute-aligned starts inside weekday hours. */
function randomBookings(count, seed) {
  const random = mulberry32(seed);
  const days = [];
  for (let day = epochDay(FROM_DATE); day < epochDay(TO_DATE); day++) if (isoWeekday(day) <= 5) days.push(dateOf(day));
  const busy = [];
  for (let i = 0; i < count; i++) {
    const minutes = random() < 0.5 ? 30 : 60;
    const block = HOURS[Math.floor(random() * HOURS.length)];
    const starts = (block.end - block.start - minutes) / 30 + 1;
    const startMinute = block.start + 30 * Math.floor(random() * starts);
    const start = wallToEpoch(ZONE, days[Math.floor(random() * days.length)], startMinute);
    busy.push({ start, end: start + minutes * 60_000 });
  }
  return busy;
}

const scenarios = [200, 2000].map((bookings) => ({
  bookings,
  query: { availability, service, busy: randomBookings(bookings, SEED + bookings), now: from, from, to, displayTimeZone: DISPLAY_ZONE },
}));

// ── Measurement ───────────────────────────────────────────────────────────────────────────────────
/** Runs `fn` `n` times, each timed on its own; returns ascending durations in ms and the last result. */
function timeEach(fn, n) {
  const times = new Float64Array(n);
  let result;
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    result = fn();
    times[i] = Number(process.hrtime.bigint() - t0) / 1e6;
  }
  return { times: times.sort(), result };
}

const countSlots = (days) => days.reduce((n, d) => n + d.slots.length, 0);

console.log('Slot engine benchmark: computeSlots (packages/server/dist) against referenceSlots, same process');
console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, ${os.platform()} ${os.arch()}`);
console.log('inputs:');
console.log(`  specialist zone   ${ZONE}; display zone ${DISPLAY_ZONE}`);
console.log(`  window            ${FROM_DATE} 00:00 to ${TO_DATE} 00:00 local (60 days; DST ends 2026-11-01 in New York, 2026-10-25 in London)`);
console.log(`                    = [${new Date(from).toISOString()}, ${new Date(to).toISOString()}); now = window start`);
console.log('  weekly hours      Mon–Fri 09:00–12:00 and 13:00–17:00');
console.log('  service           duration 30 min, step 30 min, no buffers, no notice, no caps');
console.log('  overrides         2026-10-12 closed; 2026-11-26–27 closed; 2026-11-02 10:00–15:00');
console.log('  recurring         FREQ=WEEKLY;INTERVAL=2;BYDAY=SA from 2026-10-10, 10:00–12:00');
console.log(`  bookings          200 and 2,000, 30 or 60 min, random 30-min-aligned starts in weekday hours (mulberry32, seed ${SEED}+n; overlaps allowed)`);
console.log(`  iterations        engine: ${fmtInt(WARMUP)} warm-up + ${fmtInt(ITERATIONS)} timed; reference: 1 warm-up + ${REFERENCE_ITERATIONS} timed; each call timed alone (hrtime)`);
console.log('');

const rows = [];
const checks = [];
for (const { bookings, query } of scenarios) {
  timeEach(() => computeSlots(query), WARMUP);
  const engine = timeEach(() => computeSlots(query), ITERATIONS);
  referenceSlots(query);
  const reference = timeEach(() => referenceSlots(query), REFERENCE_ITERATIONS);
  const engineMedian = percentile(engine.times, 50);
  const referenceMedian = percentile(reference.times, 50);
  const same = isDeepStrictEqual(engine.result.days, reference.result);
  rows.push([
    `${fmtInt(bookings)} bookings`,
    fmtMs(engineMedian),
    fmtMs(percentile(engine.times, 95)),
    fmtMs(engine.times[0]),
    fmtInt(ITERATIONS),
    fmtInt(countSlots(engine.result.days)),
    `${engine.result.days.length}`,
    fmtMs(referenceMedian),
    `${fmtInt(referenceMedian / engineMedian)}×`,
    same ? 'yes' : 'NO',
    engineMedian < TARGET_MEDIAN_MS ? 'yes' : 'no',
  ]);
  checks.push(same);
}

console.log(
  table(['scenario', 'median', 'p95', 'min', 'iterations', 'slots', 'days', 'reference median', 'reference/engine', 'same result', '< 1 ms'], rows),
);
console.log('');
console.log(`target (from the issue): under ${TARGET_MEDIAN_MS} ms median per computation. Figures are informational; a slow run does not fail.`);
for (const [i, same] of checks.entries()) console.log(`same result (${fmtInt(scenarios[i].bookings)} bookings): ${same ? 'yes' : 'no'}`);
