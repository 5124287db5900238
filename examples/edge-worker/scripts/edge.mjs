// `pnpm edge`: Slotwise in workerd on this machine. Builds what the Worker needs, applies the
// server's migrations to the local D1 database, seeds the `demo` specialist once, and runs
// `wrangler dev --local` on PORT (default 8788) until Ctrl-C or SIGTERM, which stop workerd too.
//
//   node scripts/edge.mjs [--persist-to DIR]    (DIR: the local state, default .wrangler/state)
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { assembleAssets, buildPackages, buildWorker, example, publicDir } from './build.mjs';
import { seedLocal } from './seed.mjs';
import { applyMigrations, startDev, waitForReady } from './wrangler.mjs';

function portFromEnv(value = '8788') {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) {
    console.error(`PORT must be a whole number from 1 to 65535; got "${value}".`);
    process.exit(1);
  }
  return port;
}

/**
 * `.dev.vars` holds the Worker's local secrets (wrangler reads it; it is not committed, and
 * `wrangler deploy` never uploads it). Made once with a random `SLOTWISE_JWT_SECRET`, so console
 * logins survive a restart; in production the same name is a secret (`wrangler secret put`).
 */
function ensureDevVars() {
  const file = join(example, '.dev.vars');
  if (existsSync(file)) return;
  writeFileSync(file, `# Local secrets for \`wrangler dev\` only (made by pnpm edge; not committed).\nSLOTWISE_JWT_SECRET=${randomBytes(32).toString('base64url')}\n`);
}

const args = process.argv.slice(2);
const persistTo = args.includes('--persist-to') ? resolve(args[args.indexOf('--persist-to') + 1]) : undefined;
const port = portFromEnv(process.env.PORT);

/** Everything before the Worker starts; resolves with what seeding made (secrets shown once). */
async function prepare() {
  buildPackages();
  const worker = await buildWorker();
  assembleAssets();
  console.log(`Worker: ${(worker.gzipBytes / 1024).toFixed(1)} KiB gzip, no Node builtin; assets in ${publicDir}.`);
  ensureDevVars();
  await applyMigrations({ persistTo, quiet: true });
  console.log('Local D1 database: migrations applied.');
  return seedLocal({ persistTo });
}

const seeded = await prepare().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

const dev = startDev({ port, persistTo });
let failed = false;
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void dev.stop());
dev.exited.then(({ code }) => process.exit(failed ? 1 : (code ?? 0)));

await waitForReady(`${dev.url}/ready`, { exited: dev.exited }).then(
  () => {
    if (seeded.apiKey) console.log(`Seeded the demo specialist. Its secret API key (shown once, keep it): ${seeded.apiKey}`);
    if (seeded.demoPassword) console.log(`Console login of "demo" (shown once): demo@slotwise.local / ${seeded.demoPassword}`);
    if (seeded.operatorPassword) console.log(`Operator login (shown once): operator@slotwise.local / ${seeded.operatorPassword}`);
    console.log(`Slotwise in workerd (D1 at ${persistTo ?? '.wrangler/state'}): open ${dev.url}/ to book with "demo" · console ${dev.url}/console · hosted page ${dev.url}/demo`);
    console.log(`Run the Cron Trigger by hand: curl "${dev.url}/__scheduled?cron=*+*+*+*+*"`);
  },
  (error) => {
    console.error(error.message);
    failed = true;
    void dev.stop();
  },
);
