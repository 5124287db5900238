// Seeds the `demo` specialist into the local D1 database, once. The rows are the Node demo's
// (`seedDemo`), made in Node and inserted into D1 in one batch by the server's `seedD1`
// (`src/testing/d1-seed.ts`): D1 cannot run `seedDemo`'s read-then-write transaction itself.
//
//   node scripts/seed.mjs [--persist-to DIR]    → one JSON line: what was made
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { example } from './build.mjs';
import { wranglerEnv } from './wrangler.mjs';

/**
 * PBKDF2 iterations of the seeded logins' passwords: Workers refuse more than 100,000 (the
 * server's `EDGE_KDF_ITERATIONS`), so hashes made with Node's 600,000 could not sign in here.
 */
const EDGE_KDF_ITERATIONS = 100_000;

/**
 * Inserts the demo specialist (a free intro call and a €90 session paid in the offline test-payments
 * mode, Monday–Friday 09:00–17:00 Europe/Berlin, an API
 * key), its console login and the operator's into the local D1 database `DB`, unless a specialist
 * `demo` is there already. D1 is reached through wrangler's local platform proxy (Miniflare) on
 * the state `wrangler dev` opens: call it while no `wrangler dev` has that state open.
 *
 * It runs in a process of its own: wrangler, once imported, ends its process on SIGINT/SIGTERM,
 * which would leave `pnpm edge`'s `wrangler dev` running without it.
 *
 * @returns what was made — `{ created: false }` when the demo existed; otherwise the API key and
 *   passwords, which are shown once.
 */
export function seedLocal({ persistTo } = {}) {
  return new Promise((resolve, reject) => {
    const args = [fileURLToPath(import.meta.url), ...(persistTo ? ['--persist-to', persistTo] : [])];
    const child = spawn(process.execPath, args, { cwd: example, env: wranglerEnv(), stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = output.trim().split('\n').pop() ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last));
      else reject(new Error(`Seeding the local D1 database failed (exit ${code}):\n${output}`));
    });
  });
}

async function seedHere(persistTo) {
  const { getPlatformProxy } = await import('wrangler');
  // The server's build, made by `pnpm edge` first (build-js.mjs).
  const { seedD1 } = await import('../../../packages/server/dist/testing/d1-seed.js');
  const { env, dispose } = await getPlatformProxy({ configPath: `${example}wrangler.jsonc`, ...(persistTo ? { persist: { path: `${persistTo}/v3` } } : {}) });
  try {
    const existing = await env.DB.prepare("select id from specialists where handle = 'demo'").first();
    if (existing) return { created: false };
    return await seedD1(env.DB, { kdfIterations: EDGE_KDF_ITERATIONS, payments: 'offline' });
  } finally {
    await dispose();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const persistTo = args.includes('--persist-to') ? args[args.indexOf('--persist-to') + 1] : undefined;
  console.log(JSON.stringify(await seedHere(persistTo)));
}
