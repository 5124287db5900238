// Writes the demo's seed as SQL for a D1 database — the same `seedDemo` the Node server runs,
// made in Node over a temporary libSQL file and read back as INSERTs (src/testing/d1-seed.ts) —
// for `wrangler d1 execute DB --local --file <file>` after `wrangler d1 migrations apply DB --local`.
// Needs the built server (`pnpm --filter @slotwise/server build`).
//
//   node scripts/d1-seed.mjs <out.sql> [--payments offline] [--kdf 100000]
//
// --payments offline  also the offline test-payments demo (a simulated Stripe account, a €90 session)
// --kdf N             PBKDF2 iterations of the demo's passwords (default 100000: Workers refuse more)
// The demo's API key and passwords go to stdout as one JSON line: they are shown once.
import { writeFileSync } from 'node:fs';
import { demoSeedStatements, seedSqlText } from '../dist/testing/d1-seed.js';

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const out = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!out) {
  console.error('Usage: node scripts/d1-seed.mjs <out.sql> [--payments offline] [--kdf 100000]');
  process.exit(2);
}
const { statements, seeded } = await demoSeedStatements({
  kdfIterations: Number(option('--kdf') ?? 100_000),
  ...(option('--payments') === 'offline' ? { payments: 'offline' } : {}),
});
writeFileSync(out, seedSqlText(statements));
console.error(`${out}: ${statements.length} rows of the demo seed`);
console.log(JSON.stringify(seeded));
