// The server's memory under load (issue 13, "Memory"): the resident set (RSS, Linux /proc) of the
// server process — bench/http-server.mjs --hours=open in a child, the demo open 24/7 — sampled
// every `--sample-seconds` during `--minutes` of mixed load, then while it answers `--urls`
// distinct slots URLs; with what V8 reports from inside (heap, array buffers) and the slot cache's
// fill (entries, body bytes) beside it. Not part of `pnpm bench`: the defaults take ~20 minutes.
//
//   node bench/memory.bench.mjs [--minutes=10] [--urls=100000] [--sample-seconds=60]
//   (env BENCH_MINUTES / BENCH_URLS / BENCH_SAMPLE_SECONDS; SLOT_CACHE_MAX_ENTRIES and
//    SLOT_CACHE_MAX_BYTES pass through to the server; run `pnpm build` first)
//
// Prints figures and never judges them: exit 1 only if something crashed or an answer was not 2xx.
import os from 'node:os';
import { residentMemory, startServerChild, stopServerChild } from './child.mjs';
import { BOOKINGS_FROM_DAY, ZONES, bookingLoad, bookingStarts, missLoad, missPaths, readLoad, run, settle } from './load-scenarios.mjs';
import { fmtInt, numberOption, table } from './support.mjs';

const MINUTES = numberOption('minutes', 'BENCH_MINUTES', 10);
const URLS = numberOption('urls', 'BENCH_URLS', 100_000);
const SAMPLE_SECONDS = numberOption('sample-seconds', 'BENCH_SAMPLE_SECONDS', 60);
const READERS = 40;
const MISSERS = 5;
const WRITERS = 5;
const URL_CONNECTIONS = 50;
const URL_STEPS = 10;

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const unexpected = [];
const expect = (r, status, what) => {
  if (Object.keys(r.statuses).some((code) => code !== status) || r.errors > 0) unexpected.push(`${what}: ${JSON.stringify(r.statuses)}, ${r.errors} connection errors/timeouts`);
};

console.log('Server memory benchmark: RSS of the server process under load');
console.log(`machine: ${os.cpus().length} cores, ${mb(os.totalmem())} memory, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const { child, info } = await startServerChild({ args: ['--hours=open'] });
const rows = [];
async function sample(phase, note) {
  await settle(info);
  const { rss, peak } = residentMemory(info.pid);
  const inside = await (await fetch(`${info.url}/bench/memory`)).json();
  rows.push([phase, note, mb(rss), mb(peak), mb(inside.heapUsed), mb(inside.arrayBuffers), fmtInt(inside.cacheEntries), mb(inside.cacheBytes)]);
  console.log(`  ${phase}: RSS ${mb(rss)} (peak ${mb(peak)}), heap used ${mb(inside.heapUsed)}, slot cache ${fmtInt(inside.cacheEntries)} answers / ${mb(inside.cacheBytes)}`);
}

try {
  console.log('inputs:');
  console.log(`  server       pid ${info.pid}; demo (${info.specialistZone}) open 24/7, ${info.service.name} ${info.service.duration} min, step ${info.service.step} min; rate limits off`);
  console.log(`  slot cache   SLOT_CACHE_MAX_ENTRIES=${process.env.SLOT_CACHE_MAX_ENTRIES ?? '(default 2000)'}, SLOT_CACHE_MAX_BYTES=${process.env.SLOT_CACHE_MAX_BYTES ?? '(default 32 MiB)'}`);
  console.log(`  mixed load   ${MINUTES} min: ${READERS} connections reading GET ${info.slotsPath} (${fmtInt(info.bodyBytes)} bytes), ${MISSERS} asking new slots URLs (random zone of ${ZONES.length}, random 14-date window), ${WRITERS} booking distinct starts from ${BOOKINGS_FROM_DAY} days ahead`);
  console.log(`  then         ${fmtInt(URLS)} distinct slots URLs from ${URL_CONNECTIONS} connections (random zone, random window of 1–14 dates within a year)`);
  console.log('');
  await sample('ready', 'seeded and configured');

  const nextBooking = bookingStarts(info);
  const nextMiss = missPaths(info, { seed: 1013 });
  const counts = { reads: 0, misses: 0, bookings: 0 };
  const rounds = Math.max(1, Math.round((MINUTES * 60) / SAMPLE_SECONDS));
  for (let i = 1; i <= rounds; i++) {
    const [reads, misses, writes] = await Promise.all([
      run(readLoad(info, READERS, SAMPLE_SECONDS)),
      run(missLoad(info, nextMiss, MISSERS, SAMPLE_SECONDS)),
      run(bookingLoad(info, nextBooking, WRITERS, SAMPLE_SECONDS)),
    ]);
    expect(reads, '200', 'reads');
    expect(misses, '200', 'misses');
    expect(writes, '201', 'bookings');
    counts.reads += reads.total;
    counts.misses += misses.total;
    counts.bookings += writes.statuses['201'] ?? 0;
    await sample(`mixed ${((i * SAMPLE_SECONDS) / 60).toFixed(1)} min`, `${fmtInt(counts.reads)} reads, ${fmtInt(counts.misses)} misses, ${fmtInt(counts.bookings)} bookings`);
  }

  const nextUrl = missPaths(info, { seed: 100_013, minDays: 1, maxDays: 14 });
  let asked = 0;
  for (let i = 1; i <= URL_STEPS; i++) {
    const amount = Math.round((URLS * i) / URL_STEPS) - asked;
    const { duration: _, ...load } = missLoad(info, nextUrl, Math.min(URL_CONNECTIONS, amount), 0);
    const r = await run({ ...load, amount });
    expect(r, '200', 'distinct URLs');
    asked += r.total;
    await sample(`URLs ${Math.round((100 * i) / URL_STEPS)}%`, `${fmtInt(asked)} distinct URLs`);
  }
} finally {
  await stopServerChild(child);
}

console.log('');
console.log(table(['after', 'load so far', 'RSS', 'peak RSS', 'heap used', 'array buffers', 'cached answers', 'cached bytes'], rows));
if (unexpected.length > 0) console.log(`\nAnswers other than the expected 2xx, so the figures above are not valid:\n  ${unexpected.join('\n  ')}`);
process.exit(unexpected.length > 0 ? 1 : 0);
