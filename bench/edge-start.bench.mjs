// Start-up of the Workers build (`packages/server/src/edge.ts`) in workerd, through Miniflare.
// Builds the Worker with the real build script, then for `--rounds` rounds (default 5), alternating
// with a trivial Worker (one fetch handler, the baseline: what workerd and Miniflare cost alone),
// starts a FRESH Miniflare instance and times: instance → ready (workerd has loaded and evaluated
// the module), → first `/health` (Slotwise makes its app on the first request), → first slots
// answer (from a Hrana stand-in over a seeded SQLite file: `src/testing/hrana-server.ts`, what
// Turso speaks), and later answers. workerd's CPU time (from /proc, Linux) is read after ready and
// after the first answer. Then, in Node, the module's import and the first `/health` in a child
// process (CPU from `process.cpuUsage`), also against the trivial module.
//
//   node bench/edge-start.bench.mjs [--rounds=5] [--node-runs=5] [--also=path/to/other/worker.js]
//   (env BENCH_ROUNDS / BENCH_NODE_RUNS / BENCH_ALSO; `--also` adds another build, e.g. one made by
//    `node scripts/build-edge.mjs --outdir D` at an earlier commit, to every round, for before/after)
//
// Prints figures with ratios to the baseline measured in the same run; never asserts on them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { fmtInt, numberOption, procStat, stringOption, table } from './support.mjs';

const COMPATIBILITY_DATE = '2026-04-01';
const ROUNDS = numberOption('rounds', 'BENCH_ROUNDS', 5);
const NODE_RUNS = numberOption('node-runs', 'BENCH_NODE_RUNS', 5);
const ALSO = stringOption('also', 'BENCH_ALSO');
const server = fileURLToPath(new URL('../packages/server/', import.meta.url));
const serverRequire = createRequire(join(server, 'package.json'));
const { Miniflare } = await import(pathToFileURL(serverRequire.resolve('miniflare')).href);
const esbuild = await import(pathToFileURL(serverRequire.resolve('esbuild')).href);
const { buildEdge } = await import(pathToFileURL(join(server, 'scripts/build-edge.mjs')).href);

const dir = mkdtempSync(join(os.tmpdir(), 'slotwise-edge-start-'));
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));

// The Worker, built as `pnpm --filter @slotwise/server build:edge` builds it.
const built = await buildEdge({ outdir: join(dir, 'slotwise') });
const trivialSource = `export default { fetch: () => new Response('{"status":"ok"}', { headers: { 'content-type': 'application/json' } }) };\n`;
const workers = [
  { name: 'trivial', source: trivialSource },
  { name: 'Slotwise', source: readFileSync(built.file, 'utf8') },
  ...(ALSO ? [{ name: '--also build', source: readFileSync(ALSO, 'utf8') }] : []),
];

// The Hrana stand-in, migrations and the demo seed, compiled from the server's sources into a file
// inside the package (so its imports resolve from the package's node_modules).
const supportDir = join(server, 'dist-edge', 'bench');
mkdirSync(supportDir, { recursive: true });
const supportFile = join(supportDir, `support-${process.pid}.mjs`);
process.once('exit', () => rmSync(supportFile, { force: true }));
await esbuild.build({
  stdin: {
    contents: ["export { startHranaServer } from './src/testing/hrana-server.ts';", "export { createDb } from './src/db/client.ts';", "export { migrate } from './src/db/migrate.ts';", "export { seedDemo } from './src/seed.ts';"].join('\n'),
    resolveDir: server,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outfile: supportFile,
  logLevel: 'error',
});
const { startHranaServer, createDb, migrate, seedDemo } = await import(pathToFileURL(supportFile).href);
const dbUrl = `file:${join(dir, 'remote.db')}`;
const local = createDb(dbUrl, { timeout: 5000 });
await migrate(local);
await seedDemo(local, { kdfIterations: 1000 });
local.close();
const hrana = await startHranaServer(dbUrl);
const bindings = { DATABASE_URL: hrana.url, SLOTWISE_JWT_SECRET: 'edge-start-bench' };

/** CPU time (ms) of this process's child processes, by pid. */
function childCpu() {
  const out = new Map();
  for (const pid of readdirSync('/proc')) {
    const stat = /^\d+$/.test(pid) ? procStat(pid) : undefined;
    if (stat?.ppid === process.pid) out.set(pid, stat.cpuMs);
  }
  return out;
}
const newCpu = (before) => [...childCpu()].filter(([pid]) => !before.has(pid)).reduce((sum, [, ms]) => sum + ms, 0);

// A week of the demo's first service, starting the day after tomorrow (always bookable ahead).
const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const probe = new Miniflare({ modules: [{ type: 'ESModule', path: 'worker.js', contents: workers[1].source }], compatibilityDate: COMPATIBILITY_DATE, bindings });
const profile = await (await probe.dispatchFetch('https://edge.example/v1/specialists/demo')).json();
await probe.dispose();
const slotsUrl = `https://edge.example/v1/specialists/demo/slots?service=${profile.services[0].id}&from=${day(2)}&to=${day(9)}`;

async function timed(mf, url) {
  const start = performance.now();
  const response = await mf.dispatchFetch(url);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - start;
}

/** One fresh instance: the start-up figures of one Worker. */
async function startOnce(worker) {
  const before = childCpu();
  const start = performance.now();
  const mf = new Miniflare({ modules: [{ type: 'ESModule', path: 'worker.js', contents: worker.source }], compatibilityDate: COMPATIBILITY_DATE, bindings });
  await mf.ready;
  const ready = performance.now() - start;
  const cpuReady = newCpu(before);
  const health = await timed(mf, 'https://edge.example/health');
  const cpuHealth = newCpu(before);
  const slots = await timed(mf, worker.slotsUrl);
  const laterHealth = [];
  const laterSlots = [];
  for (let i = 0; i < 5; i++) {
    laterHealth.push(await timed(mf, 'https://edge.example/health'));
    laterSlots.push(await timed(mf, worker.slotsUrl));
  }
  await mf.dispose();
  return { ready, cpuReady, health, cpuHealth, slots, laterHealth: median(laterHealth), laterSlots: median(laterSlots) };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// The trivial Worker has no database: its "slots" request is /health again (what workerd alone costs).
for (const worker of workers) worker.slotsUrl = worker === workers[0] ? 'https://edge.example/health' : slotsUrl;
const results = workers.map(() => []);
for (let round = 0; round < ROUNDS; round++) {
  for (const [i, worker] of workers.entries()) results[i].push(await startOnce(worker));
}
await hrana.close();

// In Node: the module's import and the first /health, CPU of a child process (no Miniflare).
const nodeProbe = join(dir, 'node-probe.mjs');
writeFileSync(
  nodeProbe,
  `const c0 = process.cpuUsage(); const t0 = performance.now();
const mod = await import(process.argv[2]);
const c1 = process.cpuUsage(c0); const t1 = performance.now();
const response = await mod.default.fetch(new Request('https://edge.example/health'), JSON.parse(process.argv[3]), { waitUntil() {} });
await response.text();
const c2 = process.cpuUsage(c0); const t2 = performance.now();
const ms = (c) => (c.user + c.system) / 1000;
console.log(JSON.stringify({ importCpu: ms(c1), importWall: t1 - t0, healthCpu: ms(c2), healthWall: t2 - t0, status: response.status }));\n`,
);
const nodeFiles = workers.map((worker, i) => {
  const file = join(dir, `node-${i}.mjs`);
  writeFileSync(file, worker.source);
  return file;
});
const nodeResults = workers.map(() => []);
for (let run = 0; run < NODE_RUNS; run++) {
  for (const [i, file] of nodeFiles.entries()) {
    const child = spawnSync(process.execPath, [nodeProbe, pathToFileURL(file).href, JSON.stringify({ DATABASE_URL: 'http://127.0.0.1:9', SLOTWISE_JWT_SECRET: 'x' })], { encoding: 'utf8' });
    const line = child.stdout.trim().split('\n').pop();
    nodeResults[i].push(JSON.parse(line));
  }
}

const ms = (v) => `${v < 10 ? v.toFixed(1) : fmtInt(v)} ms`;
const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');
const medians = (rows) => Object.fromEntries(Object.keys(rows[0]).map((k) => [k, median(rows.map((r) => r[k]))]));
/** Rows of figures: one column per Worker, then each Slotwise build against the trivial one. */
function report(all, figures) {
  const [base, ...others] = all.map(medians);
  const header = ['figure', ...workers.map((w) => w.name), ...workers.slice(1).map((w) => `${w.name} − trivial`), ...workers.slice(1).map((w) => `${w.name} / trivial`)];
  return table(header, figures.map(([label, key]) => [label, ms(base[key]), ...others.map((o) => ms(o[key])), ...others.map((o) => ms(o[key] - base[key])), ...others.map((o) => ratio(o[key], base[key]))]));
}
console.log(`Worker: ${fmtInt(built.bytes / 1024)} KiB raw, ${fmtInt(built.gzipBytes / 1024)} KiB gzip (trivial: ${trivialSource.length} bytes)${ALSO ? `; --also build: ${fmtInt(Buffer.byteLength(workers[2].source) / 1024)} KiB raw, ${fmtInt(gzipSync(workers[2].source, { level: 9 }).byteLength / 1024)} KiB gzip` : ''}`);
console.log(`workerd (Miniflare ${serverRequire('miniflare/package.json').version}), a fresh instance per Worker and round, ${ROUNDS} rounds, medians; ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}`);
console.log('');
console.log(
  report(results, [
    ['instance → ready (module loaded and evaluated)', 'ready'],
    ['workerd CPU until ready', 'cpuReady'],
    ['first /health (app made)', 'health'],
    ['workerd CPU until first /health answered', 'cpuHealth'],
    ['first slots answer (a week, over Hrana)', 'slots'],
    ['later /health', 'laterHealth'],
    ['later slots answers', 'laterSlots'],
  ]),
);
console.log('');
console.log(`Node ${process.version}, the same modules imported in a fresh process each, ${NODE_RUNS} runs, medians (the trivial module's /health is its only answer)`);
console.log('');
console.log(
  report(nodeResults, [
    ['import: CPU', 'importCpu'],
    ['import: wall', 'importWall'],
    ['import + first /health: CPU', 'healthCpu'],
    ['import + first /health: wall', 'healthWall'],
  ]),
);
console.log('');
console.log('Workers allow 1 s of CPU to parse and evaluate a Worker\'s global scope (its start-up); the app itself is made on the first request.');
