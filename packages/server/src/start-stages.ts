/**
 * Loading the API in stages, so that the socket `main.ts` opened first (`listen.ts`) answers
 * `/health` while it loads.
 *
 * Why: Node evaluates a module graph in one synchronous step, and its loader compiles and
 * resolves many files between two turns of the event loop; `import('./node.js')` alone held the
 * loop for 100+ ms at a time on a quiet machine, and a `/health` arriving then waited for it.
 * Importing the packages the API uses one by one first, leaves before what builds on them, with a
 * turn of the event loop between two stages (`setImmediate`: the poll phase, where connections are
 * accepted and requests read, runs before it), bounds that wait by the largest single stage (the
 * contract's zod schemas, `@slotwise/sdk/contract`). Modules are evaluated once: the final
 * import of the API finds them loaded.
 *
 * The list is an ordering hint, not a source of truth: a package missing from it is still loaded
 * by the API's own import (in one longer step), and `start-loads.test.ts` checks that every
 * package staged here is one the started server does load, so a stage cannot go stale unnoticed
 * (the API's own files are staged by path: the build fails when one goes). Packages
 * loaded on first use (Stripe, the ICS parser and writer, mail, undici, jose) must never be listed here.
 */
export const API_STAGES: readonly (() => Promise<unknown>)[] = [
  // Hono's Node adapter first: `listen.ts` hands requests to the app through it.
  () => import('@hono/node-server'),
  // zod: its core (with all its locales), then the classic API.
  () => import('zod/v4/core'),
  () => import('zod'),
  // The API contract: evaluating its schemas is the largest single step left.
  () => import('@slotwise/sdk/contract'),
  () => import('drizzle-orm'),
  () => import('drizzle-orm/sqlite-core'),
  // libSQL's local engine (its native module) before its remote clients (ws, http).
  () => import('@libsql/client/sqlite3'),
  () => import('@libsql/client'),
  () => import('drizzle-orm/libsql'),
  () => import('hono'),
  () => import('hono-rate-limiter'),
  () => import('rrule'),
  () => import('ipaddr.js'),
  // The API's own largest parts, each its own chunk of the build (a dynamic import is a chunk
  // boundary): the refusals' and the emails' strings one language at a time (compiled as one
  // chunk they were one of the longest steps), the schema, the migrations, the app.
  () => Promise.all([import('./services/messages/en.js'), import('./services/mail/locales/en.js')]),
  () => Promise.all([import('./services/messages/de.js'), import('./services/mail/locales/de.js')]),
  () => Promise.all([import('./services/messages/fr.js'), import('./services/mail/locales/fr.js')]),
  () => Promise.all([import('./services/messages/es.js'), import('./services/mail/locales/es.js')]),
  () => Promise.all([import('./services/messages/pt.js'), import('./services/mail/locales/pt.js')]),
  () => Promise.all([import('./services/messages/ja.js'), import('./services/mail/locales/ja.js')]),
  () => Promise.all([import('./services/messages/ar.js'), import('./services/mail/locales/ar.js')]),
  () => import('./services/messages/index.js'),
  () => import('./services/mail/locales/index.js'),
  () => import('./db/schema.js'),
  () => import('./db/migrations.js'),
  () => import('./app.js'),
];

/** One turn of the event loop: what is waiting on sockets and timers runs before the next stage. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs `stages` one after another with a turn of the event loop after each, then `last` (the
 * API itself), and returns what `last` resolves to. A stage that fails stops the start as the
 * final import would have.
 */
export async function loadInStages<T>(stages: readonly (() => Promise<unknown>)[], last: () => Promise<T>): Promise<T> {
  for (const stage of stages) {
    await stage();
    await turn();
  }
  return last();
}
