// A specialist's export with many bookings, through the real app (in process, `app.request`) on a
// fresh libSQL file: how long each download takes, how much memory it holds while it streams, and
// how long the event loop is ever blocked meanwhile (what other requests would wait).
//
//   node --expose-gc bench/export.bench.mjs [--bookings=100000] [--customers=20000]
//   (env BENCH_EXPORT_BOOKINGS / BENCH_EXPORT_CUSTOMERS; run `pnpm build` first)
//
// Rows are made with one SQL statement per table (a recursive CTE), not through the API: the
// export reads them, it does not care how they came. Every booking has two events (booked, then
// completed); every third has a succeeded payment. Prints figures, never fails on them.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fmtInt, importBuilt, numberOption, table } from './support.mjs';

const { createApp, createDb, migrate, seedDemo, paymentsDisabled, silentLog } = await importBuilt('../packages/server/dist/index.js');

const BOOKINGS = numberOption('bookings', 'BENCH_EXPORT_BOOKINGS', 100_000);
const CUSTOMERS = numberOption('customers', 'BENCH_EXPORT_CUSTOMERS', 20_000);

const dir = mkdtempSync(join(os.tmpdir(), 'slotwise-bench-export-'));
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
const database = createDb(`file:${join(dir, 'bench.db')}`);
await migrate(database);
const { apiKey } = await seedDemo(database, { kdfIterations: 1000 });
const client = database.db.$client;
const [{ id: sp }] = (await client.execute(`select id from specialists where handle = 'demo'`)).rows;
const [{ id: svc }] = (await client.execute({ sql: 'select id from services where specialist_id = ? order by position limit 1', args: [sp] })).rows;

const made = performance.now();
const start = Date.parse('2024-01-01T09:00:00Z');
const numbers = `with recursive n(i) as (select 0 union all select i + 1 from n where i < ${BOOKINGS - 1})`;
await client.execute({
  sql: `${numbers} insert into bookings (id, specialist_id, service_id, status, start_at, end_at, duration_minutes, customer_name, customer_email, customer_time_zone, notes, price, currency, manage_token_hash, created_at)
    select printf('bk_bench%08d', i), ?, ?, 'completed', ? + i * 3600000, ? + i * 3600000 + 1800000, 30,
      printf('Customer, "number" %d', i % ${CUSTOMERS}), printf('c%d@example.com', i % ${CUSTOMERS}), 'Europe/Berlin',
      case when i % 10 = 0 then '=SUM(A1:A2) a note' else '' end, 9000, 'EUR', printf('%064d', i), ? + i * 1000 from n`,
  args: [sp, svc, start, start, start],
});
await client.execute({
  sql: `${numbers}, k(j) as (select 0 union all select 1) insert into booking_events (id, booking_id, specialist_id, type, from_status, to_status, actor, at)
    select printf('ev_bench%08d_%d', i, j), printf('bk_bench%08d', i), ?, case j when 0 then 'booked' else 'completed' end,
      case j when 0 then null else 'confirmed' end, case j when 0 then 'confirmed' else 'completed' end, case j when 0 then 'customer' else 'system' end, ? + i * 3600000 + j from n, k`,
  args: [sp, start],
});
await client.execute({
  sql: `${numbers} insert into payments (id, specialist_id, booking_id, provider_payment_id, mode, status, amount, fee_amount, fee_bps, specialist_share, currency, customer_email, created_at, succeeded_at, updated_at)
    select printf('pay_bench%08d', i), ?, printf('bk_bench%08d', i), printf('pi_bench%08d', i), 'test', 'succeeded', 9000, 1800, 2000, 7200, 'EUR',
      printf('c%d@example.com', i % ${CUSTOMERS}), ? + i * 1000, ? + i * 1000, ? + i * 1000 from n where i % 3 = 0`,
  args: [sp, start, start, start],
});
const makeMs = performance.now() - made;

const app = createApp({ database, payments: paymentsDisabled(), log: silentLog, rateLimits: false, dispatchAfterCommit: false });

/** Downloads `path`, reading the stream as a client would: the time, and the longest the event loop was blocked. */
async function timed(path) {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const t0 = performance.now();
  const res = await app.request(path, { headers: { authorization: `Bearer ${apiKey}` } });
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  const first = performance.now() - t0;
  let bytes = 0;
  for await (const chunk of res.body) bytes += chunk.byteLength;
  const total = performance.now() - t0;
  loop.disable();
  return { first, total, bytes, block: loop.max / 1e6 };
}

/**
 * The same download again, sampling the live heap every 250 ms (collected first: run with
 * --expose-gc), in a pass of its own so the collections do not count as event-loop blocks.
 */
async function memory(path) {
  global.gc?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sampler = setInterval(() => {
    global.gc?.();
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 250);
  await timed(path);
  clearInterval(sampler);
  return { heap: peakHeap - base.heapUsed, rss: peakRss - base.rss };
}

async function measure(path) {
  const t = await timed(path);
  const m = await memory(path);
  return [path, `${fmtInt(t.first)} ms`, `${fmtInt(t.total)} ms`, `${(t.bytes / 1e6).toFixed(1)} MB`, `${(m.heap / 1e6).toFixed(1)} MB`, `${(m.rss / 1e6).toFixed(1)} MB`, `${fmtInt(t.block)} ms`];
}

console.log('Export benchmark: the built server in process, a fresh libSQL file');
console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}`);
console.log(`data: ${fmtInt(BOOKINGS)} bookings of one specialist (${fmtInt(BOOKINGS * 2)} events, ${fmtInt(Math.ceil(BOOKINGS / 3))} payments), ${fmtInt(CUSTOMERS)} customers; made in ${fmtInt(makeMs)} ms\n`);
const rows = [];
for (const path of ['/v1/me/export', '/v1/me/export/bookings.csv', '/v1/me/export/customers.csv', '/v1/me/export/payments.csv']) rows.push(await measure(path));
console.log(table(['download', 'first byte', 'total', 'size', 'peak live heap growth', 'peak RSS growth', 'longest event-loop block'], rows));
database.close();
