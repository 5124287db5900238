// What one booking costs the server, everything it sets off included: SQL statements (each one libSQL
// runs: reads, writes, BEGIN/COMMIT, pragmas; and how many it had to prepare) and CPU ms, per booking, for `--bookings` (300)
// free bookings from `--concurrency` (20) clients, counted from the first booking until the
// outbox dispatcher has gone quiet (planning, claims, the meeting link, the in-app notice,
// outcomes). The server runs in a child process (its CPU is its own, read with
// `process.cpuUsage()`), over a fresh libSQL file, with libSQL's `prepare`/`exec` counted.
//
//   node bench/booking-statements.bench.mjs [--bookings=300] [--concurrency=20] [--detail]
//   (BENCH_SERVER_DIST=<dir> measures another build, e.g. the commit before; run `pnpm build` first)
//
// Prints figures, never fails on them: exit 1 only if a booking is not answered 201.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dateOf, epochDay, importBuilt, numberOption } from './support.mjs';

const BOOKINGS = numberOption('bookings', 'BENCH_BOOKINGS', 300);
const CONCURRENCY = numberOption('concurrency', 'BENCH_CONCURRENCY', 20);
const WARMUP = 20;
const dist = process.env.BENCH_SERVER_DIST ? pathToFileURL(`${resolve(process.env.BENCH_SERVER_DIST)}/`).href : new URL('../packages/server/dist/', import.meta.url).href;

if (process.argv.includes('--serve')) await serve();
else await measure();

/** The child: the built server, with every statement libSQL prepares or executes counted by its SQL. */
async function serve() {
  const fromServer = createRequire(new URL('../packages/server/package.json', import.meta.url));
  const libsql = createRequire(fromServer.resolve('@libsql/client'))('libsql');
  const counts = new Map();
  let total = 0;
  const count = (sql) => {
    total++;
    const key = sql.replace(/\s+/g, ' ').slice(0, 100);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  // Executions are counted, not preparations: the local client keeps prepared statements
  // (patches/@libsql__client@0.18.0.patch), so a statement is prepared once and run many times.
  let prepares = 0;
  const sqlOf = new WeakMap();
  const exec = libsql.prototype.exec;
  libsql.prototype.exec = function (sql, ...rest) {
    count(sql);
    return exec.call(this, sql, ...rest);
  };
  const prepare = libsql.prototype.prepare;
  libsql.prototype.prepare = function (sql, ...rest) {
    prepares++;
    const stmt = prepare.call(this, sql, ...rest);
    const proto = Object.getPrototypeOf(stmt);
    if (!proto.__slotwiseCounted) {
      proto.__slotwiseCounted = true;
      for (const method of ['run', 'iterate']) {
        const original = proto[method];
        proto[method] = function (...args) {
          count(sqlOf.get(this) ?? '?');
          return original.apply(this, args);
        };
      }
    }
    sqlOf.set(stmt, sql);
    return stmt;
  };
  const { startServer } = await importBuilt(new URL('node.js', dist).href);
  const dir = mkdtempSync(join(os.tmpdir(), 'slotwise-bench-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const server = await startServer({ log: () => {}, databaseUrl: `file:${join(dir, 'bench.db')}`, port: 0, hostname: '127.0.0.1', seed: 'demo', rateLimits: false });
  process.on('message', async (message) => {
    if (message === 'reset') {
      counts.clear();
      total = 0;
      prepares = 0;
    }
    const cpu = process.cpuUsage();
    process.send({ total, prepares, cpuMs: (cpu.user + cpu.system) / 1000, counts: message === 'detail' ? [...counts].sort((a, b) => b[1] - a[1]) : undefined });
    if (message === 'stop') {
      await server.close();
      process.exit(0);
    }
  });
  process.send({ url: server.url });
}

/** The parent: books, waits for the dispatcher to go quiet, prints the counts. */
async function measure() {
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], { env: process.env });
  const next = () => new Promise((r) => child.once('message', r));
  const ask = (message) => {
    const answer = next();
    child.send(message);
    return answer;
  };
  const { url } = await next();
  const get = async (path) => (await fetch(url + path)).json();
  const { services, timeZone } = await get('/v1/specialists/demo');
  const free = services.find((s) => s.durations.every((d) => d.price === 0)) ?? services[0];
  const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(Date.now());
  const { days } = await get(`/v1/specialists/demo/slots?service=${free.id}&from=${dateOf(epochDay(today) + 1)}&to=${dateOf(epochDay(today) + 60)}&timezone=UTC`);
  const starts = days.flatMap((d) => d.slots.map((s) => s.start));
  if (starts.length < WARMUP + BOOKINGS) throw new Error(`Only ${starts.length} open starts for ${WARMUP + BOOKINGS} bookings.`);
  const answers = {};
  const book = async (n) => {
    const response = await fetch(`${url}/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ specialist: 'demo', service: free.id, start: starts[n], customer: { name: `Bench ${n}`, email: `bench${n}@example.com`, timeZone: 'UTC' } }),
    });
    await response.arrayBuffer();
    answers[response.status] = (answers[response.status] ?? 0) + 1;
  };
  /** Resolves once the server has run no statement for 700 ms: the dispatcher is done. */
  const quiet = async () => {
    for (let last = -1; ; ) {
      await new Promise((r) => setTimeout(r, 700));
      const { total } = await ask('stat');
      if (total === last) return;
      last = total;
    }
  };

  for (let n = 0; n < WARMUP; n++) await book(n); // warm code paths, caches and the pool, unmeasured
  await quiet();
  const before = await ask('reset');
  let n = WARMUP;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (n < WARMUP + BOOKINGS) await book(n++);
  }));
  const seconds = (performance.now() - started) / 1000;
  await quiet();
  const after = await ask('detail');
  console.log(`Booking cost: ${BOOKINGS} free bookings from ${CONCURRENCY} clients (after ${WARMUP} unmeasured), until the dispatcher is quiet`);
  console.log(`machine: ${os.cpus().length} cores, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; server: ${dist}`);
  console.log(`answers ${JSON.stringify(answers)}; ${(BOOKINGS / seconds).toFixed(1)} bookings/s`);
  // The quiet wait (two 700 ms pauses) is inside the CPU figure; the server idles through it.
  console.log(`statements per booking: ${(after.total / BOOKINGS).toFixed(1)} (${(after.prepares / BOOKINGS).toFixed(2)} prepared); server CPU per booking: ${((after.cpuMs - before.cpuMs) / BOOKINGS).toFixed(2)} ms`);
  if (process.argv.includes('--detail')) for (const [sql, times] of after.counts) console.log(`${(times / BOOKINGS).toFixed(2).padStart(7)}  ${sql}`);
  await ask('stop');
  process.exit(answers[201] === WARMUP + BOOKINGS ? 0 : 1);
}
