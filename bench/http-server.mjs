// The server side of bench/slots-http.bench.mjs, run in its own process so the load generator does
// not share its event loop. Starts the built server on a random port over a fresh temporary libSQL
// file, configures the demo specialist through the API, books through the API, then serves
// `/bench/static` — the exact slots body as a constant string — and prints one JSON line on stdout
// describing itself. Per-client rate limits are off: the load comes from a single address. Stops
// (and deletes its database) on SIGTERM/SIGINT or when stdin closes.
//
// `--hours=open` (BENCH_HOURS=open; for bench/load.bench.mjs and bench/memory.bench.mjs) sets the
// demo open 24/7 instead, both services with a 15-minute step, makes no bookings, and serves as
// the static body the 14-day answer from tomorrow (a visitor in London) — the widest common ask.
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { dateOf, epochDay, importBuilt, isoWeekday, mulberry32, numberOption, stringOption } from './support.mjs';

const { startServer } = await importBuilt('../packages/server/dist/node.js');
const { batchedLines, jsonLog } = await importBuilt('../packages/server/dist/index.js');

const OPEN = stringOption('hours', 'BENCH_HOURS') === 'open';
const BOOKINGS = OPEN ? 0 : numberOption('bookings', 'BENCH_BOOKINGS', 200);
const DELIVERIES = stringOption('deliveries', 'BENCH_DELIVERIES') ?? 'worker';
if (DELIVERIES !== 'worker' && DELIVERIES !== 'inline') throw new Error(`--deliveries must be worker or inline; got ${DELIVERIES}.`);
const DISPLAY_ZONE = 'Europe/London';
const SEED = 20261101;

const dir = mkdtempSync(join(os.tmpdir(), 'slotwise-bench-'));
process.once('exit', () => rmSync(dir, { recursive: true, force: true })); // also after a crash
let staticBody = '';
// Production logging stays on (one JSON line per request, batched per event-loop turn as the Node
// entry does), written to a file: stdout is this process's line to the parent. BENCH_LOG=off
// turns it off, to see what logging costs.
const logFile = createWriteStream(join(dir, 'server.log'));
const logLines = batchedLines((chunk) => logFile.write(chunk), (flush) => void setImmediate(flush));
const server = await startServer({
  log: process.env.BENCH_LOG === 'off' ? () => {} : jsonLog(logLines.line),
  databaseUrl: `file:${join(dir, 'bench.db')}`,
  port: 0,
  hostname: '127.0.0.1',
  seed: 'demo',
  // One load generator is one client: per-client limits would answer 429 within the first second.
  rateLimits: false,
  // As the production entry runs by default (main.ts): the outbox delivered on a worker thread.
  // `--deliveries=inline` (BENCH_DELIVERIES) delivers on the thread that serves requests instead.
  deliveries: DELIVERIES,
  mount: (app) => {
    // For bench/load.bench.mjs's mixed scenario: a POST with a booking's body that costs what any
    // JSON POST costs — read and parsed, answered 201 — and nothing of a booking (no query, no write).
    app.post('/bench/no-op', async (c) => c.json({ received: typeof (await c.req.json()) }, 201));
    app.get('/bench/static', (c) => c.body(staticBody, 200, { 'content-type': 'application/json' }));
    // For bench/memory.bench.mjs: this process's memory as V8 sees it, and the slot cache's fill.
    // For bench/load.bench.mjs: what the outbox still has to do now — changes not yet planned, and
    // deliveries due or being sent (a reminder due tomorrow is not backlog).
    app.get('/bench/backlog', async (c) => {
      const { rows } = await server.database.db.$client.execute({
        sql: "select (select count(*) from outbox where planned_at is null) as unplanned, (select count(*) from deliveries where (status = 'pending' and next_attempt_at <= ?) or status = 'sending') as due",
        args: [Date.now()],
      });
      return c.json({ unplanned: Number(rows[0].unplanned), due: Number(rows[0].due) });
    });
    app.get('/bench/memory', (c) => c.json({ ...process.memoryUsage(), cacheEntries: app.deps.slotCache.size, cacheBytes: app.deps.slotCache.bytes }));
  },
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.close();
  process.exit(0); // also what writes a --cpu-prof profile
}
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
process.stdin.on('end', stop).resume(); // the parent went away

async function api(method, path, body) {
  const response = await fetch(server.url + path, {
    method,
    headers: { authorization: `Bearer ${server.seeded.apiKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) };
}
async function ok(method, path, body) {
  const r = await api(method, path, body);
  if (r.status >= 300) throw new Error(`${method} ${path} answered ${r.status}: ${r.text}`);
  return r.json();
}

// The window: 60 local dates starting tomorrow in the specialist's zone, so every slot is ahead
// (14 when open 24/7: that answer alone is already ~90 KB).
const { services, timeZone } = await ok('GET', '/v1/specialists/demo');
const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(Date.now());
const fromDay = epochDay(today) + 1;
const window = { from: dateOf(fromDay), to: dateOf(fromDay + (OPEN ? 13 : 59)) };
const step = OPEN ? 15 : 30;
const rules = OPEN ? await openAllHours() : await businessHours();
for (const s of services) await ok('PATCH', `/v1/me/services/${s.id}`, { slotStep: step });

/** Every day 00:00–24:00, nothing else. */
async function openAllHours() {
  const rules = { weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })), overrides: [] };
  await ok('PUT', '/v1/me/availability/weekly', { weekly: rules.weekly, breaks: [] });
  return rules;
}

/** Weekday hours with a lunch break, three overrides and a fortnightly Saturday rule. */
async function businessHours() {
  let monday = fromDay;
  while (isoWeekday(monday) !== 1) monday++;
  let saturday = fromDay;
  while (isoWeekday(saturday) !== 6) saturday++;
  const rules = {
    weekly: [1, 2, 3, 4, 5].flatMap((weekday) => [
      { weekday, start: '09:00', end: '12:00' },
      { weekday, start: '13:00', end: '17:00' },
    ]),
    overrides: [
      { from: dateOf(monday + 7), intervals: [] },
      { from: dateOf(monday + 17), to: dateOf(monday + 18), intervals: [] },
      { from: dateOf(monday + 28), intervals: [{ start: '10:00', end: '15:00' }] },
    ],
    recurring: { rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA', anchor: dateOf(saturday), start: '10:00', end: '12:00' },
  };
  await ok('PUT', '/v1/me/availability/weekly', { weekly: rules.weekly, breaks: [] });
  for (const override of rules.overrides) await ok('POST', '/v1/me/availability/overrides', override);
  await ok('POST', '/v1/me/availability/recurring', rules.recurring);
  return rules;
}

const slotsPath = (serviceId, zone) =>
  `/v1/specialists/demo/slots?service=${serviceId}&from=${window.from}&to=${window.to}&timezone=${encodeURIComponent(zone)}`;

// Book through the API at random open starts of either service (30 or 60 minutes). The candidate
// lists are read once; a start another booking has since covered is refused and another is tried.
const random = mulberry32(SEED);
const candidates = [];
for (const s of BOOKINGS > 0 ? services : []) {
  const { days, duration } = await ok('GET', slotsPath(s.id, timeZone));
  candidates.push({ service: s.id, duration, starts: days.flatMap((d) => d.slots.map((slot) => slot.start)) });
}
const booked = { total: 0, byDuration: {}, refused: 0 };
while (booked.total < BOOKINGS) {
  const pool = candidates.filter((c) => c.starts.length > 0);
  if (pool.length === 0) throw new Error(`Only ${booked.total} of ${BOOKINGS} bookings fit in the window.`);
  const pick = pool[Math.floor(random() * pool.length)];
  const [start] = pick.starts.splice(Math.floor(random() * pick.starts.length), 1);
  const n = booked.total + booked.refused;
  const r = await api('POST', '/v1/bookings', {
    specialist: 'demo',
    service: pick.service,
    start,
    customer: { name: `Bench Customer ${n}`, email: `bench${n}@example.com`, timeZone: DISPLAY_ZONE },
  });
  if (r.status === 201) {
    booked.total++;
    booked.byDuration[pick.duration] = (booked.byDuration[pick.duration] ?? 0) + 1;
  } else if (r.status === 409 && r.json().code === 'slot_unavailable') {
    booked.refused++;
  } else {
    throw new Error(`POST /v1/bookings answered ${r.status}: ${r.text}`);
  }
}

// The body under load: the 30-minute service over the whole window, for a visitor in London.
const intro = services[0];
const path = slotsPath(intro.id, DISPLAY_ZONE);
const response = await fetch(server.url + path);
staticBody = await response.text();
if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${staticBody}`);
const { days } = JSON.parse(staticBody);

console.log(
  JSON.stringify({
    url: server.url,
    pid: process.pid,
    slotsPath: path,
    staticPath: '/bench/static',
    contentType: response.headers.get('content-type'),
    bodyBytes: Buffer.byteLength(staticBody),
    slots: days.reduce((n, d) => n + d.slots.length, 0),
    days: days.length,
    specialistZone: timeZone,
    deliveries: DELIVERIES,
    displayZone: DISPLAY_ZONE,
    window,
    service: { id: intro.id, name: intro.name, duration: intro.durations[0].minutes, step, free: intro.durations[0].price === 0 },
    rules,
    bookings: booked,
  }),
);
