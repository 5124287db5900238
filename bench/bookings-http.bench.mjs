// Booking creation over real HTTP: `--concurrency` clients (default 20) each POST /v1/bookings for
// a different open start of the demo's free service until `--bookings` (default 200) are made,
// against the built Node server over a fresh temporary libSQL file. Reports bookings/s and the
// latency of one creation (p50, p95, max) — the figure the write path (one guarded batch per
// booking, `packages/server/src/db/batch.ts`) is judged by.
//
//   node bench/bookings-http.bench.mjs [--concurrency=20] [--bookings=200]
//   (env BENCH_CONCURRENCY / BENCH_BOOKINGS; BENCH_SERVER_DIST=<dir> runs another build of the
//    server, e.g. one of the commit before, to compare; run `pnpm build` first)
//
// Prints figures, never fails on them: exit 1 only if an answer is neither 201 nor a refusal.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { dateOf, epochDay, fmtInt, fmtMs, importBuilt, numberOption, percentile, table } from './support.mjs';

const CONCURRENCY = numberOption('concurrency', 'BENCH_CONCURRENCY', 20);
const BOOKINGS = numberOption('bookings', 'BENCH_BOOKINGS', 200);
const dist = process.env.BENCH_SERVER_DIST ? pathToFileURL(`${resolve(process.env.BENCH_SERVER_DIST)}/`).href : new URL('../packages/server/dist/', import.meta.url).href;
const { startServer } = await importBuilt(new URL('node.js', dist).href);

const dir = mkdtempSync(join(os.tmpdir(), 'slotwise-bench-'));
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
const server = await startServer({ log: () => {}, databaseUrl: `file:${join(dir, 'bench.db')}`, port: 0, hostname: '127.0.0.1', seed: 'demo', rateLimits: false });

const get = async (path) => (await fetch(server.url + path)).json();
const { services, timeZone } = await get('/v1/specialists/demo');
const free = services.find((s) => s.durations.every((d) => d.price === 0)) ?? services[0];
const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(Date.now());
const from = dateOf(epochDay(today) + 1);
const to = dateOf(epochDay(today) + 60);
const { days } = await get(`/v1/specialists/demo/slots?service=${free.id}&from=${from}&to=${to}&timezone=UTC`);
const starts = days.flatMap((d) => d.slots.map((s) => s.start));
if (starts.length < BOOKINGS) throw new Error(`Only ${starts.length} open starts for ${BOOKINGS} bookings.`);

const latencies = [];
const answers = {};
let next = 0;
let failed = false;
async function client() {
  while (next < BOOKINGS) {
    const n = next++;
    const t0 = performance.now();
    const response = await fetch(`${server.url}/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ specialist: 'demo', service: free.id, start: starts[n], customer: { name: `Bench ${n}`, email: `bench${n}@example.com`, timeZone: 'UTC' } }),
    });
    const body = await response.json();
    latencies.push(performance.now() - t0);
    const key = response.status === 201 ? '201' : `${response.status} ${body.code}`;
    answers[key] = (answers[key] ?? 0) + 1;
    if (response.status !== 201 && response.status !== 409 && response.status !== 503) failed = true;
  }
}
const started = performance.now();
await Promise.all(Array.from({ length: CONCURRENCY }, client));
const seconds = (performance.now() - started) / 1000;
await server.close();

latencies.sort((a, b) => a - b);
console.log('Booking creation benchmark: concurrent POST /v1/bookings, distinct starts, one process');
console.log(`machine: ${os.cpus().length} cores, Node ${process.version}; server: ${dist}`);
console.log(
  table(
    ['bookings', 'clients', 'bookings/s', 'p50', 'p95', 'max', 'answers'],
    [[fmtInt(BOOKINGS), String(CONCURRENCY), (answers['201'] / seconds).toFixed(1), fmtMs(percentile(latencies, 50)), fmtMs(percentile(latencies, 95)), fmtMs(latencies.at(-1)), JSON.stringify(answers)]],
  ),
);
process.exit(failed ? 1 : 0);
