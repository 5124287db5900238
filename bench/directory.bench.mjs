// The public directory (`GET /v1/specialists`) over many specialists, through the real app (in
// process, `app.request`) on a fresh libSQL file: how long a search takes with text, filters and
// each sort, against two yardsticks measured in the same run — `GET /health` (the app's floor) and
// one specialist's profile (`GET /v1/specialists/{handle}`, the route a booking page starts with).
//
//   node bench/directory.bench.mjs [--specialists=10000] [--iterations=200]
//   (env BENCH_DIRECTORY_SPECIALISTS / BENCH_DIRECTORY_ITERATIONS; run `pnpm build` first)
//
// Rows are made with one SQL statement per table (recursive CTEs), so every trigger of migration
// 0012 runs as it would for rows written by the app (full-text index, cheapest price, rating).
// The next open times are then filled by the scheduler's tick, as a running server's would be.
// Prints figures, never fails on them: exit 1 only if a request was not 200.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fmtInt, fmtMs, importBuilt, numberOption, percentile, table } from './support.mjs';

const { createApp, createDb, migrate, seedDemo, paymentsDisabled, silentLog } = await importBuilt('../packages/server/dist/index.js');

const SPECIALISTS = numberOption('specialists', 'BENCH_DIRECTORY_SPECIALISTS', 10_000);
const ITERATIONS = numberOption('iterations', 'BENCH_DIRECTORY_ITERATIONS', 200);
const WARMUP = 20;

const dir = mkdtempSync(join(os.tmpdir(), 'slotwise-bench-directory-'));
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
const database = createDb(`file:${join(dir, 'bench.db')}`);
await migrate(database);
await seedDemo(database, { kdfIterations: 1000 });
const client = database.db.$client;

// Word lists the rows are built from (by index arithmetic, so a run is repeatable).
const CATEGORIES = ['career-coaching', 'therapy', 'language-tutoring', 'fitness', 'nutrition', 'music-lessons', 'business-consulting', 'mindfulness'];
const LANGUAGES = ['en', 'de', 'fr', 'es', 'pt', 'ja', 'ar'];
const HEADLINES = ['Career coach for engineers', 'Therapist for anxiety and stress', 'German tutor for beginners', 'Strength and mobility trainer', 'Plant-based nutrition advice', 'Piano and music theory', 'Startup strategy consultant', 'Meditation and breathing'];
const sqlList = (items) => `json_array(${items.map((x) => `'${x}'`).join(', ')})`;
const pick = (items, expr) => `(${sqlList(items)} ->> ((${expr}) % ${items.length}))`;

const made = performance.now();
const now = Date.now();
const numbers = `with recursive n(i) as (select 0 union all select i + 1 from n where i < ${SPECIALISTS - 1})`;
await client.execute(`${numbers} insert into specialists (id, handle, name, bio, time_zone, currency, created_at, headline, categories, languages)
  select printf('sp_bench%06d', i), printf('bench-%06d', i), printf('Specialist %d', i),
    printf('Sessions since %d. %s.', 2000 + i % 25, ${pick(HEADLINES, 'i * 7')}),
    case i % 3 when 0 then 'Europe/Berlin' when 1 then 'America/New_York' else 'Asia/Tokyo' end, 'EUR', ${now},
    ${pick(HEADLINES, 'i')},
    json_array(${pick(CATEGORIES, 'i')}, ${pick(CATEGORIES, 'i / 8 + 3')}),
    json_array(${pick(LANGUAGES, 'i')}, ${pick(LANGUAGES, 'i / 7 + 1')}) from n`);
// One to three services each: a free intro (every other one), a paid session, a longer one; 5 % of the services archived.
await client.execute(`${numbers}, k(j) as (select 0 union all select 1 union all select 2)
  insert into services (id, specialist_id, name, currency, durations, active, position, created_at)
  select printf('svc_bench%06d_%d', i, j), printf('sp_bench%06d', i), case j when 0 then 'Intro call' when 1 then 'Session' else 'Deep dive' end,
    case when i % 20 = 0 then 'USD' else 'EUR' end,
    case j when 0 then '[{"minutes":20,"price":0}]' when 1 then printf('[{"minutes":60,"price":%d}]', 4000 + (i % 12) * 1000) else printf('[{"minutes":90,"price":%d},{"minutes":120,"price":%d}]', 9000 + (i % 5) * 1000, 14000) end,
    (i + j) % 20 <> 0, j, ${now} from n, k where j = 1 or (j = 0 and i % 2 = 0) or (j = 2 and i % 3 = 0)`);
// Hours: most work Mon–Fri 09–17; every 10th only Saturdays; every 25th has no hours (never open).
await client.execute(`${numbers}, d(w) as (select 1 union all select 2 union all select 3 union all select 4 union all select 5 union all select 6)
  insert into weekly_hours (id, specialist_id, weekday, start_minute, end_minute)
  select printf('wh_bench%06d_%d', i, w), printf('sp_bench%06d', i), w, 540, 1020 from n, d
  where i % 25 <> 0 and ((i % 10 = 0 and w = 6) or (i % 10 <> 0 and w < 6))`);
// Reviews on past completed bookings: three for 60 % of them, one of every 7 hidden.
await client.execute(`${numbers}, k(j) as (select 0 union all select 1 union all select 2)
  insert into bookings (id, specialist_id, service_id, status, start_at, end_at, duration_minutes, customer_name, customer_email, customer_time_zone, price, currency, manage_token_hash, created_at)
  select printf('bk_bench%06d_%d', i, j), printf('sp_bench%06d', i), printf('svc_bench%06d_1', i), 'completed', ${now} - (j + 2) * 86400000, ${now} - (j + 2) * 86400000 + 3600000, 60,
    'Customer', printf('c%d_%d@example.com', i, j), 'UTC', 0, 'EUR', printf('h%06d_%d', i, j), ${now} - 30 * 86400000 from n, k where i % 5 < 3`);
await client.execute(`${numbers}, k(j) as (select 0 union all select 1 union all select 2)
  insert into reviews (id, booking_id, specialist_id, rating, text, created_at, hidden_at, hidden_reason)
  select printf('rv_bench%06d_%d', i, j), printf('bk_bench%06d_%d', i, j), printf('sp_bench%06d', i), 1 + (i * 3 + j) % 5, '', ${now} - 86400000,
    case when (i + j) % 7 = 0 then ${now} end, case when (i + j) % 7 = 0 then 'spam' end from n, k where i % 5 < 3`);
const makeMs = performance.now() - made;

const app = createApp({ database, payments: paymentsDisabled(), log: silentLog, rateLimits: false, dispatchAfterCommit: false });

// The rating sort two ways, as raw SQL over the same rows: the averages the triggers keep on
// `directory_entries` (what the directory reads) against aggregating the reviews in the query.
async function sqlMedian(text) {
  const times = [];
  for (let i = 0; i < 25; i += 1) {
    const t0 = performance.now();
    await client.execute(text);
    times.push(performance.now() - t0);
  }
  return percentile(times.sort((a, b) => a - b), 50);
}
const cachedRating = await sqlMedian(`select e.specialist_id from directory_entries e join specialists s on s.id = e.specialist_id where s.status = 'active'
  order by (e.rating_count = 0), (e.rating_sum * 1.0 / nullif(e.rating_count, 0)) desc, e.rating_count desc, e.id limit 21`);
const joinedRating = await sqlMedian(`select s.id from specialists s left join (select specialist_id, count(*) as n, avg(rating) as a from reviews where hidden_at is null group by specialist_id) r on r.specialist_id = s.id
  where s.status = 'active' order by (r.n is null), r.a desc, r.n desc, s.id limit 21`);

// The next open times, as a running server's scheduler leaves them: ticks until none is stale.
const filled = performance.now();
let ticks = 0;
for (;;) {
  const result = await app.tick();
  ticks += 1;
  if (result.refreshedOpenTimes === 0) break;
}
const fillMs = performance.now() - filled;
const counts = (await client.execute(`select count(*) as listed, sum(next_open_at is not null) as open from directory_entries e join specialists s on s.id = e.specialist_id where s.status = 'active' and s.directory_listed = 1 and e.price_from is not null`)).rows[0];

/** `ITERATIONS` timed requests of `path` after `WARMUP` untimed ones: sorted milliseconds and the last body. */
async function measure(path) {
  let body;
  const times = [];
  for (let i = 0; i < WARMUP + ITERATIONS; i += 1) {
    const t0 = performance.now();
    const res = await app.request(path);
    const text = await res.text();
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${text}`);
    if (i >= WARMUP) times.push(ms);
    body = text;
  }
  return { times: times.sort((a, b) => a - b), body: JSON.parse(body) };
}

console.log('Directory benchmark: GET /v1/specialists in process (app.request) on a fresh libSQL file');
console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, ${os.platform()} ${os.arch()}`);
console.log('inputs:');
console.log(`  specialists       ${fmtInt(SPECIALISTS)} (+ the demo); ${fmtInt(counts.listed)} listed, ${fmtInt(counts.open)} with an open time within 30 days; zones Berlin / New York / Tokyo`);
console.log('  services          1–3 each (free intro, paid session, a two-duration deep dive), 5 % archived, 5 % of specialists in USD');
console.log('  hours             Mon–Fri 09–17 (Saturdays only for every 10th, none for every 25th); no bookings ahead');
console.log('  reviews           3 for 60 % of specialists, 1 in 7 hidden (on past completed bookings)');
console.log(`  made in           ${(makeMs / 1000).toFixed(1)} s by SQL (triggers included); next open times filled by ${ticks} scheduler ticks in ${(fillMs / 1000).toFixed(1)} s`);
console.log(`  timing            ${ITERATIONS} sequential requests per query after ${WARMUP} warm-up ones; each directory answer re-checks its rows with the slot engine (cached per availability version)`);
console.log('');

const yardsticks = [
  ['GET /health', '/health'],
  ['profile', '/v1/specialists/bench-000001'],
];
const queries = [
  ['no filter (rating)', '/v1/specialists'],
  ['q=career coa', '/v1/specialists?q=career%20coa'],
  ['q=breathing, sort=rating', '/v1/specialists?q=breathing&sort=rating'],
  ['category+language+price', '/v1/specialists?category=therapy&language=de&currency=EUR&price_max=6000'],
  ['sort=price, EUR', '/v1/specialists?sort=price&currency=EUR'],
  ['open within 2 days, next_open', '/v1/specialists?available_within_days=2&sort=next_open'],
  ['q + open within 7 days', '/v1/specialists?q=tutor&available_within_days=7'],
  ['limit=50, page 3', null],
];
const results = [];
for (const [name, path] of yardsticks) results.push({ name, path, ...(await measure(path)) });
const profileP50 = percentile(results[1].times, 50);
for (const [name, fixed] of queries) {
  let path = fixed;
  if (!path) {
    const first = await app.request('/v1/specialists?limit=50').then((r) => r.json());
    const second = await app.request(`/v1/specialists?limit=50&cursor=${first.nextCursor}`).then((r) => r.json());
    path = `/v1/specialists?limit=50&cursor=${second.nextCursor}`;
  }
  results.push({ name, path, ...(await measure(path)) });
}

console.log(
  table(
    ['request', 'p50', 'p99', 'p50 ÷ profile', 'results'],
    results.map(({ name, times, body }) => [
      name,
      fmtMs(percentile(times, 50)),
      fmtMs(percentile(times, 99)),
      `${(percentile(times, 50) / profileP50).toFixed(1)}×`,
      Array.isArray(body?.data) ? `${body.data.length}${body.nextCursor ? '+' : ''}` : '—',
    ]),
  ),
);
console.log(`\nrating sort in SQL alone (25 runs, median): cached by triggers ${fmtMs(cachedRating)}; aggregated from the reviews per query ${fmtMs(joinedRating)}`);
const worst = Math.max(...results.slice(2).map((r) => percentile(r.times, 50)));
console.log(`\nslowest directory p50: ${fmtMs(worst)} (target: under 50 ms at 10,000 specialists)`);
database.close();
