import { sql } from 'drizzle-orm';
import type { Query } from './shaped.js';
import { drizzle } from 'drizzle-orm/d1';
import type { Database, Drizzle } from './client.js';
import { migrations } from './migrations.js';
import * as schema from './schema.js';
import { NotSupportedHere } from './unsupported.js';

/**
 * The part of a Cloudflare D1 binding (`env.DB`) this module and drizzle's D1 driver call. Kept
 * structural so no Workers type package is needed: Miniflare's `getD1Database()` proxy fits too.
 */
export interface D1Binding {
  prepare(query: string): unknown;
  batch(statements: unknown[]): Promise<unknown[]>;
  exec(query: string): Promise<unknown>;
}

/** A prepared D1 statement, as far as binding its parameters. */
export interface D1Statement {
  bind(...values: unknown[]): D1Statement;
}

/** What drizzle's queries expose to its own `batch` (internal API, the same calls drizzle makes). */
interface Prepares {
  _prepare(): { getQuery(): { sql: string; params: unknown[] }; mapResult(result: unknown, isFromBatch: boolean): unknown };
}

/** The table `wrangler d1 migrations apply` records applied files in (its default name). */
export const D1_MIGRATIONS_TABLE = 'd1_migrations';

/** The file name wrangler records for the newest migration this build was made with. */
const NEWEST = `${migrations[migrations.length - 1]!.tag}.sql`;

/** Whether `error` (or its cause: drizzle wraps D1's errors) says a table is missing. */
function saysNoSuchTable(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) if (/no such table/i.test(String((e as { message?: unknown }).message))) return true;
  return false;
}

/**
 * The same `Database` over a D1 binding, through drizzle's D1 driver:
 *
 * - `db` reads (and single statements) as on libSQL. drizzle's D1 database has the libSQL one's
 *   query API; only the raw result of `.run()` differs (D1's `meta.changes` for libSQL's
 *   `rowsAffected`), which no caller reads.
 * - `batch`: the queries prepared as drizzle's own batch does, sent as ONE D1 `batch()` — one
 *   request, one implicit transaction, all or nothing: a failing statement (the guard of
 *   `db/batch.ts`) rolls back every other. Commit listeners run after each batch that succeeded.
 * - `write` throws `NotSupportedHere` before running anything: D1 has no interactive transaction,
 *   and running the callback statement by statement would not be atomic. Never a silent fallback.
 * - `ping` checks the schema too: the newest migration this build knows is recorded in
 *   `d1_migrations`. The Worker never migrates D1 (`wrangler d1 migrations apply` does, with
 *   `packages/server/drizzle` as `migrations_dir`), so a missing schema is answered by `/ready`
 *   as not ready, with the command in the log.
 * - `close` does nothing: the binding belongs to the runtime.
 */
export function createD1Db(binding: D1Binding): Database {
  const d1 = drizzle(binding as Parameters<typeof drizzle>[0], { schema });
  const db = d1 as unknown as Drizzle;
  const listeners = new Set<() => void>();
  /**
   * drizzle's D1 `batch`, minus its one gap: a raw `db.run(sql…)` with parameters (the guard) has
   * no prepared statement of its own there, so every query is prepared and bound here. ONE D1
   * `batch()`: one request, one implicit transaction.
   */
  const runBatch = async (queries: readonly Query[]): Promise<unknown[]> => {
    const prepared = queries.map((q) => (q as unknown as Prepares)._prepare());
    const statements = prepared.map((p) => {
      const { sql: text, params } = p.getQuery();
      return (binding.prepare(text) as D1Statement).bind(...params);
    });
    const raw = await binding.batch(statements);
    return raw.map((result, i) => prepared[i]!.mapResult(result, true));
  };
  return {
    url: 'd1:DB',
    db,
    write() {
      return Promise.reject(new NotSupportedHere('D1', 'an interactive transaction (Database.write)'));
    },
    async batch(queries) {
      if (queries.length === 0) return [];
      const results = await runBatch(queries);
      for (const listener of listeners) {
        try {
          listener();
        } catch {
          /* committed: a listener's failure is its own */
        }
      }
      return results;
    },
    read(queries) {
      return queries.length === 0 ? Promise.resolve([]) : runBatch(queries);
    },
    onCommit(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async ping() {
      let applied: unknown[];
      try {
        applied = await d1.all(sql`select name from ${sql.identifier(D1_MIGRATIONS_TABLE)} where name = ${NEWEST}`);
      } catch (error) {
        if (!saysNoSuchTable(error)) throw error;
        applied = [];
      }
      if (applied.length === 0) {
        throw new Error(`The D1 database has no Slotwise schema up to ${NEWEST}: apply the migrations with \`wrangler d1 migrations apply DB\` (migrations_dir: packages/server/drizzle).`);
      }
    },
    close() {
      /* the binding belongs to the runtime */
    },
  };
}
