// Issue 13's scenarios over real HTTP, each against the static route measured in the same run:
// slots cache misses, concurrent booking creation, reads of one slots URL while others book, and
// process start → /health. The server is bench/http-server.mjs --hours=open in a child process
// (the demo open 24/7 with a 15-minute step, set through the API; rate limits off).
//
//   node bench/load.bench.mjs [--only=misses,bookings,mixed,pages,start] [--seconds=10] [--warmup=1]
//                             [--starts=5]
//   (env BENCH_ONLY / BENCH_SECONDS / BENCH_WARMUP_SECONDS / BENCH_STARTS; run `pnpm build` first)
//
// The static route runs first whenever an HTTP scenario runs. Prints figures and never judges them:
// exit 1 only if something crashed or an answer was not the expected 2xx.
import os from 'node:os';
import { startServerChild, stopServerChild } from './child.mjs';
import { BOOKINGS_FROM_DAY, ZONES, bookingLoad, caughtUp, bookingStarts, missLoad, missPaths, nodeStarts, pagePaths, pagesLoad, readLoad, run, settle, staticLoad } from './load-scenarios.mjs';
import { cpuMeter, fmtInt, numberOption, stringOption, table } from './support.mjs';

const SCENARIOS = ['misses', 'bookings', 'mixed', 'pages', 'start'];
const only = (stringOption('only', 'BENCH_ONLY') ?? SCENARIOS.join(',')).split(',');
const unknown = only.filter((s) => !SCENARIOS.includes(s));
if (unknown.length > 0) throw new Error(`--only takes ${SCENARIOS.join(', ')}; not ${unknown.join(', ')}.`);
const SECONDS = numberOption('seconds', 'BENCH_SECONDS', 10);
const WARMUP = numberOption('warmup', 'BENCH_WARMUP_SECONDS', 1);
const STARTS = numberOption('starts', 'BENCH_STARTS', 5);
const STATIC_CONNECTIONS = 50;
const READERS = 45;
const WRITERS = 5;
const BOOKERS = 20;

console.log("Issue 13's load scenarios: autocannon against the server in a child process");
console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; load generator and server share the cores`);

const rows = [];
const answers = [];
const cpuRows = [];
let failed = false;
const row = (name, inputs, r, unit, ratio, target) => {
  rows.push([name, fmtInt(r.perSecond) + ` ${unit}`, `${r.p50} ms`, `${r.p99} ms`, ratio, target]);
  answers.push(`${name}: ${JSON.stringify(r.statuses)}${r.errors ? `, ${r.errors} connection errors/timeouts` : ''} — ${inputs}`);
};
const expect = (r, status) => {
  const other = Object.entries(r.statuses).filter(([code]) => code !== status);
  if (other.length > 0 || r.errors > 0) failed = true;
};

const http = only.filter((s) => s !== 'start');
if (http.length > 0) {
  const { child, info } = await startServerChild({ args: ['--hours=open'], profileDir: process.env.BENCH_SERVER_CPU_PROF });
  try {
    console.log('inputs:');
    console.log(`  specialist  demo (${info.specialistZone}), open 24/7 (every weekday 00:00–24:00), set through the API; per-client rate limits off`);
    console.log(`  service     ${info.service.name} (${info.service.id}), ${info.service.duration} min, free, step ${info.service.step} min`);
    console.log(`  static      GET ${info.staticPath}: the ${fmtInt(info.bodyBytes)}-byte answer of GET ${info.slotsPath} (${info.slots} slots, ${info.days} dates) as a constant, ${STATIC_CONNECTIONS} connections`);
    console.log(`  runs        ${SECONDS} s each after ${WARMUP} s of the same load, keep-alive, one scenario at a time, each from an idle outbox`);
    console.log(`  deliveries  ${info.deliveries === 'worker' ? 'on a worker thread of their own (as `node dist/main.js` runs by default)' : 'on the thread that serves requests (SLOTWISE_DELIVERIES=inline)'}`);
    console.log('');
    // Each measured run starts with the outbox idle (the warm-up's deliveries done), and `lag` is how
    // long its own deliveries went on after its last answer.
    const measure = async (options) => {
      await run({ ...options, duration: WARMUP });
      await settle(info);
      await caughtUp(info);
      const cpu = cpuMeter(info.pid);
      const r = await run(options);
      r.cpu = cpu();
      r.lag = await caughtUp(info);
      await settle(info);
      return r;
    };
    /** Bookings whose deliveries are all done, per second from the first answer to the last delivery. */
    const delivered = (r, name) => {
      const perSecond = r.total / (r.seconds + r.lag);
      rows.push([name, `${fmtInt(perSecond)} /s`, '—', '—', vsStatic({ perSecond }), '—']);
      answers.push(`${name}: every delivery of the ${fmtInt(r.total)} bookings done ${r.lag.toFixed(1)} s after the last answer`);
    };
    const stat = await measure(staticLoad(info, STATIC_CONNECTIONS, SECONDS));
    expect(stat, '200');
    row('static route (yardstick)', `${STATIC_CONNECTIONS} connections`, stat, 'req/s', '1.00', '—');
    const vsStatic = (r) => (r.perSecond / stat.perSecond).toFixed(2);

    if (only.includes('misses')) {
      const next = missPaths(info);
      const r = await measure(missLoad(info, next, STATIC_CONNECTIONS, SECONDS));
      expect(r, '200');
      row('GET /slots, cache misses', `${STATIC_CONNECTIONS} connections; every URL new: a random zone of ${ZONES.length}, a random 14-date window within a year`, r, 'req/s', vsStatic(r), '≥ 0.30, p99 ≤ 100 ms');
    }
    const nextBooking = bookingStarts(info);
    if (only.includes('bookings')) {
      const r = await measure(bookingLoad(info, nextBooking, BOOKERS, SECONDS));
      expect(r, '201');
      row('POST /v1/bookings', `${BOOKERS} connections; distinct free ${info.service.duration}-min starts, one after another from ${BOOKINGS_FROM_DAY} days after tomorrow`, r, '/s', vsStatic(r), '≥ 1,000/s, p99 ≤ 50 ms');
      delivered(r, '  … with their deliveries done');
    }
    if (only.includes('mixed')) {
      const alone = await measure(readLoad(info, READERS, SECONDS));
      const aloneCpu = alone.cpu;
      expect(alone, '200');
      row('one slots URL, read only', `${READERS} connections on GET ${info.slotsPath}`, alone, 'req/s', vsStatic(alone), '—');
      await run(readLoad(info, READERS, WARMUP));
      await settle(info);
      await caughtUp(info);
      let cpu = cpuMeter(info.pid);
      const [reads, writes] = await Promise.all([run(readLoad(info, READERS, SECONDS)), run(bookingLoad(info, nextBooking, WRITERS, SECONDS))]);
      writes.lag = await caughtUp(info);
      const mixedCpu = cpu(); // with the deliveries still due when the phase ended
      await settle(info);
      expect(reads, '200');
      expect(writes, '201');
      const vsAlone = (reads.perSecond / alone.perSecond).toFixed(2);
      row('  … while 5 connections book', `${READERS} readers of the same URL; bookings outside its window (each still moves the specialist's version)`, reads, 'req/s', `${vsAlone} of read-only`, '≥ 0.60 of read-only');
      row('  … the bookings meanwhile', `${WRITERS} connections, distinct starts`, writes, '/s', vsStatic(writes), '—');
      delivered(writes, '  … with their deliveries done');
      // The floor: the same readers while 5 connections POST the same bodies to a route that only
      // parses them. No booking can leave the readers more than this on this machine.
      await run(readLoad(info, READERS, WARMUP));
      cpu = cpuMeter(info.pid);
      const [floorReads, posts] = await Promise.all([run(readLoad(info, READERS, SECONDS)), run(bookingLoad(info, nextBooking, WRITERS, SECONDS, '/bench/no-op'))]);
      const floorCpu = cpu();
      expect(floorReads, '200');
      expect(posts, '201');
      row('  … while 5 POST a no-op (floor)', `${READERS} readers; ${WRITERS} connections POST the same JSON to a route that parses it and answers 201, no query`, floorReads, 'req/s', `${(floorReads.perSecond / alone.perSecond).toFixed(2)} of read-only`, '—');
      row('  … the no-op POSTs meanwhile', `${WRITERS} connections`, posts, '/s', vsStatic(posts), '—');
      // Where the cores went in each phase, and what one POST cost the server beyond the reads it
      // served meanwhile, each read costing what it cost read-only (so an upper bound when reads get
      // dearer under contention). The server's other threads are its delivery worker, V8's and
      // libuv's; for the bookings, the deliveries still due when the phase ended are counted too
      // (the machine's time is then longer than the phase).
      const perRead = { serving: aloneCpu.serving / alone.total, other: (aloneCpu.server - aloneCpu.serving) / alone.total };
      const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
      const cpuRow = (name, c, readsDone, posted) => {
        const beyond = (ms, perOne) => (posted ? `${((ms - readsDone * perOne) / posted).toFixed(2)} ms` : `${(perOne * 1000).toFixed(0)} µs per read`);
        cpuRows.push([name, seconds(c.serving), seconds(c.server - c.serving), seconds(c.generator), `${seconds(c.busy)} of ${seconds(c.total)}`, beyond(c.serving, perRead.serving), beyond(c.server - c.serving, perRead.other)]);
      };
      cpuRow('one slots URL, read only', aloneCpu, alone.total, 0);
      cpuRow('  … while 5 connections book', mixedCpu, reads.total, writes.total);
      cpuRow('  … while 5 POST a no-op (floor)', floorCpu, floorReads.total, posts.total);
    }
    if (only.includes('pages')) {
      // Not one of issue 13's rows: the same reads spread over 40 URLs, as many visitors in many
      // zones read one page. Every booking used to send each of them back to the engine.
      const paths = pagePaths(info);
      const alone = await measure(pagesLoad(info, paths, READERS, SECONDS));
      expect(alone, '200');
      row(`${paths.length} slots URLs, read only`, `${READERS} connections reading ${paths.length} URLs in turn (20 zones × 2 windows)`, alone, 'req/s', vsStatic(alone), '—');
      await run(pagesLoad(info, paths, READERS, WARMUP));
      await settle(info);
      const [reads, writes] = await Promise.all([run(pagesLoad(info, paths, READERS, SECONDS)), run(bookingLoad(info, nextBooking, WRITERS, SECONDS))]);
      await settle(info);
      expect(reads, '200');
      expect(writes, '201');
      row(`  … while 5 connections book`, `the same; bookings at least 9 days after every window`, reads, 'req/s', `${(reads.perSecond / alone.perSecond).toFixed(2)} of read-only`, '—');
      row('  … the bookings meanwhile', `${WRITERS} connections, distinct starts`, writes, '/s', vsStatic(writes), '—');
    }
  } finally {
    await stopServerChild(child);
  }
}

const startRows = [];
if (only.includes('start')) {
  const s = nodeStarts(STARTS);
  startRows.push([`${s.runs} starts`, `${s.wallP50.toFixed(0)} ms`, `${s.wallMax.toFixed(0)} ms`, `${s.cpuP50.toFixed(0)} ms`, (s.wallP50 / 300).toFixed(2), '≤ 300 ms']);
}

console.log('');
if (rows.length > 0) {
  console.log(table(['scenario', 'rate (mean)', 'p50', 'p99', 'ratio to static', 'target (issue 13)'], rows));
  console.log('');
  console.log('answers by status:');
  for (const a of answers) console.log(`  ${a}`);
  console.log('');
}
if (cpuRows.length > 0) {
  console.log(`CPU in the mixed scenario's phases (${SECONDS} s each, ${os.cpus().length} cores): the server's serving thread and its other threads (delivery worker, V8, libuv), the load generator, the whole machine; per POST, beyond the reads served meanwhile`);
  console.log(table(['phase', 'serving thread', 'other threads', 'generator', 'machine busy', 'per POST: serving', 'per POST: other'], cpuRows));
  console.log('');
}
if (startRows.length > 0) {
  console.log('process start → first /health (`node packages/server/dist/main.js`, a fresh libSQL file each time):');
  console.log(table(['runs', 'wall p50', 'wall max', 'CPU p50', 'p50 ÷ 300 ms', 'target'], startRows));
}
if (failed) console.log('\nSome answers were not the expected 2xx (or connections failed; see "answers by status"): the figures above are not valid.');
process.exit(failed ? 1 : 0);
