// The public slots endpoint over real HTTP, against a constant body of the same bytes on the same
// server: how much of the HTTP stack's capacity the slots route keeps. The server runs in a child
// process (bench/http-server.mjs); autocannon runs here.
//
//   node bench/slots-http.bench.mjs [--seconds=10] [--connections=50] [--warmup=1] [--origin=URL]
//   (env BENCH_SECONDS / BENCH_CONNECTIONS / BENCH_WARMUP_SECONDS / BENCH_ORIGIN / BENCH_BOOKINGS;
//    --origin sends an Origin header, as the embedded widget's browser does;
//    BENCH_SERVER_CPU_PROF=<dir> profiles the server with node --cpu-prof; run `pnpm build` first)
//
// Prints figures, never fails on them: exit 1 only if something crashed or a response was not 2xx.
import os from 'node:os';
import autocannon from 'autocannon';
import { startServerChild, stopServerChild } from './child.mjs';
import { fmtInt, numberOption, stringOption, table } from './support.mjs';

const SECONDS = numberOption('seconds', 'BENCH_SECONDS', 10);
const CONNECTIONS = numberOption('connections', 'BENCH_CONNECTIONS', 50);
const WARMUP_SECONDS = numberOption('warmup', 'BENCH_WARMUP_SECONDS', 1);
const ORIGIN = stringOption('origin', 'BENCH_ORIGIN');
// `br` or `gzip`: sent as Accept-Encoding, so the slots answer comes compressed (each cached
// answer is compressed once and kept); the static target stays identity, as before.
const ENCODING = stringOption('encoding', 'BENCH_ENCODING');
const TARGET_RATIO = 0.5; // slots req/s at least half of the static body's
const profileDir = process.env.BENCH_SERVER_CPU_PROF;

const load = (url, duration) =>
  autocannon({ url, connections: CONNECTIONS, duration, headers: { ...(ORIGIN ? { origin: ORIGIN } : {}), ...(ENCODING ? { 'accept-encoding': ENCODING } : {}) } });

console.log('Slots endpoint benchmark: autocannon against the server in a child process');
console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, ${os.platform()} ${os.arch()}; load generator and server share them`);

const started = Date.now();
const { child, info } = await startServerChild({ profileDir });
let failed = false;
try {
  const slotsUrl = info.url + info.slotsPath;
  const staticUrl = info.url + info.staticPath;
  const headers = ORIGIN ? { origin: ORIGIN } : {};
  const [slotsBody, staticBody] = await Promise.all([slotsUrl, staticUrl].map((u) => fetch(u, { headers }).then((r) => r.text())));
  const identical = slotsBody === staticBody;

  const { rules, bookings } = info;
  console.log(`server ready in ${((Date.now() - started) / 1000).toFixed(1)} s (seeded, configured and booked through the API; pid ${info.pid})`);
  console.log('inputs:');
  console.log(`  specialist        demo, ${info.specialistZone}; slots grouped for ${info.displayZone}`);
  console.log(`  window            ${info.window.from} … ${info.window.to} (60 dates, starting tomorrow)`);
  console.log(`  weekly hours      Mon–Fri ${rules.weekly[0].start}–${rules.weekly[0].end} and ${rules.weekly[1].start}–${rules.weekly[1].end}`);
  console.log(`  service           ${info.service.name} (${info.service.id}), ${info.service.duration} min, step ${info.service.step} min`);
  console.log(
    `  overrides         ${rules.overrides[0].from} closed; ${rules.overrides[1].from}–${rules.overrides[1].to} closed; ${rules.overrides[2].from} ${rules.overrides[2].intervals[0].start}–${rules.overrides[2].intervals[0].end}`,
  );
  console.log(`  recurring         ${rules.recurring.rrule} from ${rules.recurring.anchor}, ${rules.recurring.start}–${rules.recurring.end}`);
  console.log(
    `  bookings          ${bookings.total} through POST /v1/bookings (${Object.entries(bookings.byDuration).map(([m, n]) => `${n} × ${m} min`).join(', ')}; ${bookings.refused} picks refused as already covered)`,
  );
  console.log(`  body              ${fmtInt(info.bodyBytes)} bytes, ${info.slots} slots on ${info.days} dates, ${info.contentType}; /bench/static serves the same bytes: ${identical ? 'yes' : 'NO'}`);
  console.log('  server            built packages/server/dist on a fresh temporary libSQL file; per-client rate limits off (one client)');
  console.log(`  load              autocannon, ${CONNECTIONS} connections, ${SECONDS} s per target after a ${WARMUP_SECONDS} s warm-up, keep-alive, one target at a time, ${ORIGIN ? `Origin: ${ORIGIN}` : 'no Origin header'}`);
  console.log(`  slots target      GET ${info.slotsPath}${ENCODING ? ` with Accept-Encoding: ${ENCODING}` : ' (no Accept-Encoding: identity)'}`);
  console.log(`  static target     GET ${info.staticPath}`);
  console.log('');

  const results = [];
  for (const [name, url] of [
    ['slots', slotsUrl],
    ['static', staticUrl],
  ]) {
    await load(url, WARMUP_SECONDS);
    const r = await load(url, SECONDS);
    results.push({ name, r });
  }

  const rows = results.map(({ name, r }) => [
    name,
    fmtInt(r.requests.mean),
    fmtInt(r.requests.total),
    `${r.latency.p50} ms`,
    `${r.latency.p99} ms`,
    `${(r.throughput.mean / 1e6).toFixed(1)} MB/s`,
    fmtInt(r.non2xx),
    fmtInt(r.errors + r.timeouts),
  ]);
  console.log(table(['target', 'req/s (mean)', 'requests', 'latency p50', 'latency p99', 'throughput', 'non-2xx', 'errors'], rows));
  const [slots, stat] = results.map((x) => x.r);
  const ratio = slots.requests.mean / stat.requests.mean;
  console.log('');
  console.log(`ratio slots/static (req/s): ${ratio.toFixed(2)} — target: at least ${TARGET_RATIO} (${ratio >= TARGET_RATIO ? 'met' : 'not met'}; informational, a slow run does not fail)`);
  const non2xx = results.reduce((n, { r }) => n + r.non2xx, 0);
  const errors = results.reduce((n, { r }) => n + r.errors + r.timeouts, 0);
  console.log(`non-2xx responses: ${non2xx}, connection errors and timeouts: ${errors} (both must be 0${non2xx + errors > 0 ? '; the figures above are not valid' : ''})`);
  if (non2xx + errors > 0 || !identical) failed = true;
} finally {
  await stopServerChild(child);
}
if (profileDir) console.log(`server CPU profile written to ${profileDir}`);
process.exit(failed ? 1 : 0);
