// One start of the built Node server (`node packages/server/dist/main.js`, as `pnpm start` runs it)
// over a fresh libSQL file, until its first `/health` answer and its `listening` line (the database
// migrated, the app serving: `pnpm start` answers `/health` before, see `src/listen.ts`); then it
// is stopped. Prints one JSON line: wall ms from spawn to the first `/health` answer, the server's
// CPU ms by then (Linux /proc), `open`: wall ms until its `starting` line (the port is open: Node's
// own start and what `main.ts` runs before listening), and `ready`: wall ms until `listening`.
// `--floor` starts instead a bare `node:http` server printing the same line (the yardstick: Node's
// start, this script's first fetch; no API) — compare in the same run, alternating. For
// `bench/edge-start.bench.mjs`, or alone under an outside timer:
//
//   farm-bench -- node bench/node-start.mjs            (BENCH_SERVER_DIST=<dir> for another build)
//   BENCH_DATABASE=/tmp/existing.db farm-bench -- node bench/node-start.mjs   (an existing database:
//   the first run creates and migrates the file, the next ones start on it)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { procStat } from './support.mjs';

const dist = process.env.BENCH_SERVER_DIST ? resolve(process.env.BENCH_SERVER_DIST) : fileURLToPath(new URL('../packages/server/dist/', import.meta.url));
const dir = mkdtempSync(join(os.tmpdir(), 'slotwise-node-start-'));
const database = process.env.BENCH_DATABASE ? resolve(process.env.BENCH_DATABASE) : join(dir, 'start.db');
// The yardstick: a server that opens its port and answers at once, logging as main.ts does.
const floor = `import { createServer } from 'node:http';
const server = createServer((request, response) => response.setHeader('content-type', 'application/json').end('{"status":"ok"}'));
server.listen(0, '127.0.0.1', () => {
  const url = 'http://127.0.0.1:' + server.address().port;
  process.stdout.write(JSON.stringify({ level: 'info', msg: 'starting', url }) + '\\n' + JSON.stringify({ level: 'info', msg: 'listening', url }) + '\\n');
});`;
const entry = process.argv.includes('--floor') ? ['--input-type=module', '-e', floor] : [join(dist, 'main.js')];
const start = performance.now();
let open;
const child = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), ...entry], {
  env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: `file:${database}`, NODE_ENV: 'production', SLOTWISE_JWT_SECRET: 'node-start-bench' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
let served;
const listening = new Promise((done) => (served = done));
const url = await new Promise((found, failed) => {
  child.stdout.on('data', (chunk) => {
    output += chunk;
    const match = output.match(/"url":"(http:[^"]+)"/);
    if (match) {
      open ??= performance.now() - start;
      found(match[1]);
    }
    if (/"msg":"listening"/.test(output)) served(performance.now() - start);
  });
  child.stderr.on('data', (chunk) => (output += chunk));
  child.once('exit', (code) => failed(new Error(`The server exited (${code}) before listening:\n${output}`)));
});
const response = await fetch(`${url}/health`);
await response.text();
const wall = performance.now() - start;
const { cpuMs: cpu } = procStat(child.pid);
// The app serves when it logs `listening` (not polled: polling would load the machine it measures).
const readyMs = await listening;
child.removeAllListeners('exit');
child.kill('SIGTERM');
await new Promise((done) => child.once('exit', done));
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ wall, cpu, status: response.status, open, ready: readyMs }));
