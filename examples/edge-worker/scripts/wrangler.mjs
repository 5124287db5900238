// The example's wrangler (4.86.0: later versions need Node 22), run so that a local start reaches
// no network: no usage metrics, and no download of the `Request.cf` placeholder (workerd then uses
// a built-in default instead of waiting for workers.cloudflare.com).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { example } from './build.mjs';

const bin = join(dirname(createRequire(import.meta.url).resolve('wrangler/package.json')), 'bin', 'wrangler.js');

export const wranglerEnv = () => ({ ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' });

/** `--persist-to DIR` when given: where local D1 (and the rest of the local state) lives. @default `.wrangler/state` */
const persistArgs = (persistTo) => (persistTo ? ['--persist-to', persistTo] : []);

/**
 * Runs `wrangler …args` in the example's folder (so `wrangler.jsonc` is found) and resolves with
 * its output when it exits 0.
 * @throws with wrangler's output when it fails.
 */
export function wrangler(args, { quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: example, env: wranglerEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk) => {
      output += chunk;
      if (!quiet) process.stdout.write(chunk);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code, signal) => (code === 0 ? resolve(output) : reject(new Error(`wrangler ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${output}`))));
  });
}

/** Applies the server's drizzle migrations (`migrations_dir`) to the local D1 database `DB`; wrangler records them in `d1_migrations`. */
export const applyMigrations = ({ persistTo, quiet } = {}) => wrangler(['d1', 'migrations', 'apply', 'DB', '--local', ...persistArgs(persistTo)], { quiet });

/**
 * Starts `wrangler dev --local` (workerd) on 127.0.0.1:`port` with `--test-scheduled`
 * (`GET /__scheduled?cron=…` runs the Cron Trigger's handler). Its output goes to this process's
 * stdout and stderr. `stop()` sends SIGTERM — wrangler then stops its workerd processes — and
 * resolves when wrangler has exited.
 */
export function startDev({ port, persistTo }) {
  const args = ['dev', '--local', '--ip', '127.0.0.1', '--port', String(port), '--test-scheduled', '--show-interactive-dev-session=false', ...persistArgs(persistTo)];
  const child = spawn(process.execPath, [bin, ...args], { cwd: example, env: wranglerEnv(), stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    url: `http://127.0.0.1:${port}`,
    exited,
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/**
 * Resolves when `url` answers 200 (the Worker's `/ready`: the app started and D1 answers), or
 * rejects after `timeoutMs` or when `exited` settles first (wrangler stopped).
 */
export async function waitForReady(url, { exited, timeoutMs = 120_000 } = {}) {
  let stopped = false;
  exited?.then(() => (stopped = true));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (stopped) throw new Error('wrangler dev stopped before the Worker was ready (its output is above).');
    const status = await fetch(url).then(
      (response) => response.body?.cancel().then(() => response.status) ?? response.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s (last: ${status || 'no connection'}).`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
