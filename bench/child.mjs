// The one way the HTTP benchmarks start their server: bench/http-server.mjs in a child process, so
// the load generator does not share its event loop, and the JSON line it prints once it is ready.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/**
 * Starts bench/http-server.mjs with `args` (e.g. `['--hours=open']`) and resolves with the child
 * and the JSON line that describes it. Other output of the child is passed through, prefixed.
 * `profileDir` runs it under `node --cpu-prof`.
 */
export function startServerChild({ args = [], profileDir } = {}) {
  const script = fileURLToPath(new URL('./http-server.mjs', import.meta.url));
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], { stdio: ['pipe', 'pipe', 'inherit'], env: process.env });
  return new Promise((resolve, reject) => {
    let info;
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (info === undefined && line.startsWith('{')) resolve({ child, info: (info = JSON.parse(line)) });
      else console.log(`[server] ${line}`);
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (info === undefined) {
        reject(new Error(`The bench server stopped before it was ready (${signal ? `signal ${signal}` : `exit code ${code}`}); its error is above.`));
      }
    });
  });
}

/** Stops the child (SIGTERM, then SIGKILL after 10 s) and waits for it to exit. */
export async function stopServerChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Resident memory of process `pid` now and at its peak, in bytes (Linux /proc: VmRSS, VmHWM). */
export function residentMemory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}
