// The Worker in workerd over D1 (Miniflare, no nodejs_compat): booking creation and start-up.
//
// 1. Start-up: a fresh workerd with the built Worker (`packages/server/scripts/build-edge.mjs`);
//    the time to ready, the first request (the module's first event: the app is made then) and
//    the next ones, for /health and for the demo's slots.
// 2. Bookings: `--bookings` (default 100) distinct free starts of the demo from `--concurrency`
//    (default 10) concurrent requests through workerd's HTTP front (Miniflare's fetcher of the Worker),
//    against D1 migrated from the drizzle files and seeded with the demo. Baseline in the same
//    run: /health at the same concurrency, and the same number of slots reads.
//
//   node bench/edge-d1.bench.mjs [--bookings=100] [--concurrency=10] [--starts=3]
//   (env BENCH_BOOKINGS / BENCH_CONCURRENCY / BENCH_STARTS; run `pnpm build` first: the seed
//    comes from packages/server/dist/testing/d1-seed.js)
//
// Prints figures, never fails on them: exit 1 only if a booking is answered neither 201 nor a refusal.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dateOf, epochDay, fmtInt, fmtMs, importBuilt, numberOption, percentile, table } from './support.mjs';

const BOOKINGS = numberOption('bookings', 'BENCH_BOOKINGS', 100);
const CONCURRENCY = numberOption('concurrency', 'BENCH_CONCURRENCY', 10);
const STARTS = numberOption('starts', 'BENCH_STARTS', 3);

const serverDir = fileURLToPath(new URL('../packages/server/', import.meta.url));
const { Miniflare } = await import(pathToFileURL(createRequire(join(serverDir, 'package.json')).resolve('miniflare')).href);
const { buildEdge } = await import(new URL('../packages/server/scripts/build-edge.mjs', import.meta.url).href);
const { migrateD1, demoSeedStatements } = await importBuilt('../packages/server/dist/testing/d1-seed.js');

const dir = mkdtempSync(join(os.tmpdir(), 'slotwise-bench-edge-'));
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
const build = await buildEdge({ outdir: dir });
const bindings = { SLOTWISE_JWT_SECRET: 'bench-secret', SLOTWISE_PAYMENTS: 'offline' };
const start = () =>
  new Miniflare({
    modules: true,
    scriptPath: build.file,
    modulesRoot: dir,
    compatibilityDate: '2026-04-01',
    bindings,
    d1Databases: { DB: 'bench' },
    handleRuntimeStdio() {}, // the Worker's JSON log lines (one per request) would drown the figures
  });
const ORIGIN = 'https://edge.example';
// Through the Worker's fetcher (Miniflare hands a dispatchFetch body over still gzipped).
const fetchers = new WeakMap();
const send = async (mf, path, init = {}) => {
  if (!fetchers.has(mf)) fetchers.set(mf, await mf.getWorker());
  return fetchers.get(mf).fetch(ORIGIN + path, { ...init, headers: { 'accept-encoding': 'identity', ...init.headers } });
};
const get = (mf, path) => send(mf, path);
const timed = async (run) => {
  const t0 = performance.now();
  const response = await run();
  await response.arrayBuffer();
  return performance.now() - t0;
};

// 1. Start-up, STARTS times over: each a new workerd and a new isolate.
const startRows = [];
let seededStatements;
for (let i = 0; i < STARTS; i++) {
  const t0 = performance.now();
  const mf = start();
  await mf.ready;
  const ready = performance.now() - t0;
  const db = await mf.getD1Database('DB');
  await migrateD1(db);
  seededStatements ??= (await demoSeedStatements({ kdfIterations: 1000 })).statements;
  await db.batch(seededStatements.map((s) => db.prepare(s.sql).bind(...s.args)));
  const firstHealth = await timed(() => get(mf, '/health'));
  const laterHealth = [];
  for (let n = 0; n < 20; n++) laterHealth.push(await timed(() => get(mf, '/health')));
  const { services } = await (await get(mf, '/v1/specialists/demo')).json();
  const slotsPath = `/v1/specialists/demo/slots?service=${services[0].id}&from=${dateOf(epochDay(new Date().toISOString().slice(0, 10)) + 1)}&to=${dateOf(epochDay(new Date().toISOString().slice(0, 10)) + 14)}`;
  const firstSlots = await timed(() => get(mf, slotsPath));
  const laterSlots = [];
  for (let n = 0; n < 20; n++) laterSlots.push(await timed(() => get(mf, slotsPath)));
  laterHealth.sort((a, b) => a - b);
  laterSlots.sort((a, b) => a - b);
  startRows.push([`start ${i + 1}`, fmtMs(ready), fmtMs(firstHealth), fmtMs(percentile(laterHealth, 50)), (firstHealth / percentile(laterHealth, 50)).toFixed(1), fmtMs(firstSlots), fmtMs(percentile(laterSlots, 50))]);
  await mf.dispose();
}

// 2. Bookings against one more fresh workerd, after a warm-up request.
const mf = start();
await mf.ready;
const db = await mf.getD1Database('DB');
await migrateD1(db);
await db.batch(seededStatements.map((s) => db.prepare(s.sql).bind(...s.args)));
const { services, timeZone } = await (await get(mf, '/v1/specialists/demo')).json();
const free = services.find((s) => s.durations.every((d) => d.price === 0)) ?? services[0];
const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(Date.now());
const slotsPath = `/v1/specialists/demo/slots?service=${free.id}&from=${dateOf(epochDay(today) + 1)}&to=${dateOf(epochDay(today) + 60)}&timezone=UTC`;
const { days } = await (await get(mf, slotsPath)).json();
const starts = days.flatMap((d) => d.slots.map((s) => s.start));
if (starts.length < BOOKINGS) throw new Error(`Only ${starts.length} open starts for ${BOOKINGS} bookings.`);

/** `total` requests from CONCURRENCY loops; @returns requests/s, sorted latencies and the answers by status. */
async function run(total, request) {
  const latencies = [];
  const answers = {};
  let next = 0;
  const loop = async () => {
    while (next < total) {
      const n = next++;
      const t0 = performance.now();
      const response = await request(n);
      const body = await response.text();
      latencies.push(performance.now() - t0);
      const key = response.status === 201 || response.status === 200 ? String(response.status) : `${response.status} ${JSON.parse(body).code}`;
      answers[key] = (answers[key] ?? 0) + 1;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, loop));
  const seconds = (performance.now() - t0) / 1000;
  return { perSecond: total / seconds, latencies: latencies.sort((a, b) => a - b), answers };
}
const health = await run(BOOKINGS, () => get(mf, '/health'));
const slots = await run(BOOKINGS, () => get(mf, slotsPath));
const booked = await run(BOOKINGS, (n) =>
  send(mf, '/v1/bookings', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': `198.51.100.${(n % 250) + 1}` },
    body: JSON.stringify({ specialist: 'demo', service: free.id, start: starts[n], customer: { name: `Bench ${n}`, email: `bench${n}@example.com`, timeZone: 'UTC' } }),
  }),
);
const [{ n: rows }] = (await db.prepare("select count(*) as n from bookings where status = 'confirmed'").all()).results;
await mf.dispose();

console.log('The Worker in workerd over D1 (Miniflare 4, no nodejs_compat)');
console.log(`machine: ${os.cpus().length} cores, Node ${process.version}; bundle ${(build.bytes / 1024).toFixed(1)} KiB (${(build.gzipBytes / 1024).toFixed(1)} KiB gzip)`);
console.log(`\nStart-up (each a fresh workerd; "ready" = new Miniflare → ready; later = p50 of the next 20)`);
console.log(table(['', 'ready', 'first /health', 'later /health', 'first ÷ later', 'first slots', 'later slots'], startRows));
console.log(`\n${fmtInt(BOOKINGS)} requests each from ${CONCURRENCY} concurrent clients; bookings: distinct free starts, one D1 row each`);
const line = (name, r) => [name, r.perSecond.toFixed(1), fmtMs(percentile(r.latencies, 50)), fmtMs(percentile(r.latencies, 95)), fmtMs(r.latencies.at(-1)), (r.perSecond / health.perSecond).toFixed(3), JSON.stringify(r.answers)];
console.log(table(['request', 'per s', 'p50', 'p95', 'max', '÷ /health', 'answers'], [line('GET /health (baseline)', health), line('GET slots (60 days)', slots), line('POST /v1/bookings', booked)]));
console.log(`confirmed bookings in D1 after the run: ${rows}`);
const failed = Object.keys(booked.answers).some((k) => !k.startsWith('201') && !k.startsWith('409') && !k.startsWith('503'));
process.exit(failed ? 1 : 0);
