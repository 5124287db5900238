// The load scenarios of issue 13, against one server started by bench/child.mjs with
// `--hours=open` (the demo open 24/7, a 15-minute step, rate limits off). Each returns autocannon's
// result, reduced to what the tables print; bench/load.bench.mjs compares them with the static
// route of the same run, bench/memory.bench.mjs keeps them running while it watches the RSS.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { dateOf, epochDay, mulberry32, percentile } from './support.mjs';

/** Every IANA zone this Node knows (≈ 420), sorted: the visitors' zones of the miss scenario. */
export const ZONES = Intl.supportedValuesOf('timeZone');

/** Days after tomorrow the bookings start at: the 14-day read window never holds one. */
export const BOOKINGS_FROM_DAY = 30;

/**
 * Waits until the server has answered what a finished run left in flight (a /health answer queues
 * behind it), so the next run does not pay for the last one's backlog.
 */
export async function settle(info) {
  for (let i = 0; i < 2; i++) await (await fetch(`${info.url}/health`)).arrayBuffer();
}

/**
 * Waits until the server's outbox has nothing left to do now (`/bench/backlog`: no change unplanned,
 * no delivery due or being sent) and resolves with the seconds that took. The deliveries of a
 * booking (its meeting link, its notices) follow its answer; with the delivery worker they may
 * still be going on when the answers stop.
 */
export async function caughtUp(info, limitSeconds = 300) {
  const started = performance.now();
  for (;;) {
    const { unplanned, due } = await (await fetch(`${info.url}/bench/backlog`)).json();
    if (unplanned === 0 && due === 0) return (performance.now() - started) / 1000;
    if (performance.now() - started > limitSeconds * 1000) throw new Error(`The outbox still had ${unplanned} changes unplanned and ${due} deliveries due after ${limitSeconds} s.`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** One autocannon run, reduced: req/s, p50/p99 ms, answers by status, errors and seconds. */
export async function run(options) {
  // 30 s, not autocannon's 10: on a loaded machine a slow answer is a latency to report, not a lost one.
  const r = await autocannon({ timeout: 30, ...options });
  const statuses = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, { count }]) => [code, Number(count)]));
  return {
    perSecond: r.requests.mean,
    total: r.requests.total,
    p50: r.latency.p50,
    p99: r.latency.p99,
    statuses,
    errors: r.errors + r.timeouts,
    seconds: r.duration,
    non2xx: r.non2xx,
  };
}

/**
 * Paths of `GET /slots` never asked before: a random zone among ZONES and a random window of
 * `minDays`…`maxDays` dates starting within a year of tomorrow, drawn from a seeded PRNG and
 * skipped when already drawn, so none is a cache hit. Returns a function giving the next path.
 */
export function missPaths(info, { seed = 13, minDays = 14, maxDays = 14 } = {}) {
  const random = mulberry32(seed);
  const seen = new Set();
  const first = epochDay(info.window.from);
  return () => {
    for (;;) {
      const zone = ZONES[Math.floor(random() * ZONES.length)];
      const from = first + Math.floor(random() * 365);
      const days = minDays + Math.floor(random() * (maxDays - minDays + 1));
      const key = `${zone}|${from}|${days}`;
      if (seen.has(key)) continue;
      seen.add(key);
      return `/v1/specialists/demo/slots?service=${info.service.id}&from=${dateOf(from)}&to=${dateOf(from + days - 1)}&timezone=${encodeURIComponent(zone)}`;
    }
  };
}

/**
 * Distinct, non-overlapping starts of the free service (one every `duration` minutes, on the
 * hour and half hour in UTC, which the 15-minute step of an hour-offset zone offers), from
 * BOOKINGS_FROM_DAY days after the window's first date on. Shared by every scenario of a run, so
 * no two bookings ask for the same time: a refusal would be a bug, not contention. Skipped: the
 * second occurrence of a local time the specialist's clocks repeat when they go back (DESIGN.md:
 * "repeated ones are offered once"; asking for it is rightly `422 not_a_slot`). A run that books
 * 1,000 a second reaches the next October in about 20,000 bookings.
 */
export function bookingStarts(info) {
  let next = Date.parse(`${info.window.from}T00:00:00Z`) + BOOKINGS_FROM_DAY * 86_400_000;
  let n = 0;
  const wall = new Intl.DateTimeFormat('en-CA', { timeZone: info.specialistZone, dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' });
  const repeated = (at) => [30, 60, 90, 120].some((minutes) => wall.format(at - minutes * 60_000) === wall.format(at));
  return () => {
    while (repeated(next)) next += info.service.duration * 60_000;
    const start = new Date(next).toISOString().replace('.000Z', 'Z');
    next += info.service.duration * 60_000;
    n++;
    return JSON.stringify({ specialist: 'demo', service: info.service.id, start, customer: { name: `Load ${n}`, email: `load${n}@example.com`, timeZone: 'UTC' } });
  };
}

/**
 * autocannon options for `connections` clients each booking the next start until `duration` s pass.
 * `path` '/bench/no-op' (bench/http-server.mjs) sends the same bodies to a route that reads the JSON
 * and answers 201 without touching the database: the floor any booking's cost sits on.
 */
export function bookingLoad(info, nextBody, connections, duration, path = '/v1/bookings') {
  return {
    url: info.url,
    connections,
    duration,
    requests: [{ method: 'POST', path, headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: nextBody() }) }],
  };
}

/** autocannon options for `connections` clients asking a new slots URL each time. */
export function missLoad(info, nextPath, connections, duration) {
  return { url: info.url, connections, duration, requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: nextPath() }) }] };
}

/** The same URL again and again (`info.slotsPath`: a cache hit while nothing books). */
export const readLoad = (info, connections, duration) => ({ url: info.url + info.slotsPath, connections, duration });

/**
 * The booking page as many visitors see it at once: `zones` zones spread over ZONES, each with two
 * 14-date windows a week apart (days 0–13 and 7–20 of the window), so `2 × zones` distinct URLs.
 * All end at least 9 days before BOOKINGS_FROM_DAY: the bookings made meanwhile never touch them.
 */
export function pagePaths(info, zones = 20) {
  const first = epochDay(info.window.from);
  const picked = Array.from({ length: zones }, (_, i) => ZONES[Math.floor((i * ZONES.length) / zones)]);
  return picked.flatMap((zone) =>
    [0, 7].map((offset) => `/v1/specialists/demo/slots?service=${info.service.id}&from=${dateOf(first + offset)}&to=${dateOf(first + offset + 13)}&timezone=${encodeURIComponent(zone)}`),
  );
}

/** autocannon options for `connections` clients each reading `paths` in turn. */
export const pagesLoad = (info, paths, connections, duration) => ({ url: info.url, connections, duration, requests: paths.map((path) => ({ method: 'GET', path })) });

/** The static route: the slots body as a constant string, the yardstick. */
export const staticLoad = (info, connections, duration) => ({ url: info.url + info.staticPath, connections, duration });

/**
 * Starts of the built Node server (`bench/node-start.mjs`, each a fresh process on a fresh file)
 * until `/health` answers, `runs` times: medians and the slowest of wall and CPU ms.
 */
export function nodeStarts(runs) {
  const script = fileURLToPath(new URL('./node-start.mjs', import.meta.url));
  const walls = [];
  const cpus = [];
  for (let i = 0; i < runs; i++) {
    const out = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`bench/node-start.mjs failed (${out.status}):\n${out.stderr}`);
    const { wall, cpu } = JSON.parse(out.stdout.trim().split('\n').at(-1));
    walls.push(wall);
    cpus.push(cpu);
  }
  walls.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  return { runs, wallP50: percentile(walls, 50), wallMax: walls.at(-1), cpuP50: percentile(cpus, 50) };
}
