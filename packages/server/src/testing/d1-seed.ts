import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { createDb, type Database } from '../db/client.js';
import type { D1Binding, D1Statement } from '../db/d1.js';
import { migrate } from '../db/migrate.js';
import { offlinePayments } from '../providers/payments/offline.js';
import { seedDemo, seedDemoPayments, type SeedOptions, type SeedResult } from '../seed.js';

/** Migrating D1 as wrangler does, for the same tools (a Node script seeding a local D1 migrates it first). */
export { migrateD1 } from '../db/d1-migrate.js';

/** One statement of a seed: SQL with `?` placeholders and its values. */
export interface SeedStatement {
  sql: string;
  args: (string | number | null)[];
}

export interface DemoSeedOptions extends SeedOptions {
  /**
   * `'offline'`: also what `seedDemoPayments` adds in the offline test-payments mode (a simulated
   * connected account, a €90 session), for a Worker run with `SLOTWISE_PAYMENTS=offline`.
   */
  payments?: 'offline';
}

/** Tables that record migrations: each engine keeps its own, so they are never copied. */
const SKIPPED = new Set(['__slotwise_migrations', 'd1_migrations']);
/**
 * Tables the database fills itself: the directory's entries and its full-text index (with FTS5's
 * own shadow tables), written by migration 0012's triggers again as the rows they mirror go in.
 */
const DERIVED = /^(directory_entries|specialist_search(_\w+)?)$/;

/** Table names with every table a row's foreign keys point at listed before it. */
async function tablesInOrder(database: Database): Promise<string[]> {
  const names = (await database.db.all<{ name: string }>(sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`)).map((r) => r.name).filter((n) => !SKIPPED.has(n) && !DERIVED.test(n));
  const ordered: string[] = [];
  const visit = async (name: string, path: string[]) => {
    if (ordered.includes(name) || path.includes(name)) return;
    const parents = await database.db.all<{ table: string }>(sql`select "table" from pragma_foreign_key_list(${name})`);
    for (const { table } of parents) if (table !== name) await visit(table, [...path, name]);
    ordered.push(name);
  };
  for (const name of names) await visit(name, []);
  return ordered;
}

/** Every row of `database` as INSERT statements, parents before children. */
async function rowsAsInserts(database: Database): Promise<SeedStatement[]> {
  const statements: SeedStatement[] = [];
  for (const table of await tablesInOrder(database)) {
    const rows = await database.db.all<Record<string, string | number | null>>(sql`select * from ${sql.identifier(table)} order by rowid`);
    for (const row of rows) {
      const columns = Object.keys(row);
      statements.push({
        sql: `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        args: columns.map((c) => row[c] ?? null),
      });
    }
  }
  return statements;
}

/**
 * The demo's seed (`seed.ts` `seedDemo`, the same one the Node server and its tests use) as plain
 * INSERT statements for a D1 database. `seedDemo` reads inside its transaction, which D1 cannot
 * run, so it runs in Node against a temporary libSQL file migrated from the same drizzle files,
 * and every row it left is read back — parents before children, as D1 enforces foreign keys.
 * The availability triggers fire again as the rows go into D1: the version differs, nothing else.
 *
 * @returns the statements and what the seed made (the API key and passwords, shown once).
 */
export async function demoSeedStatements(options: DemoSeedOptions = {}): Promise<{ statements: SeedStatement[]; seeded: SeedResult }> {
  const dir = mkdtempSync(join(tmpdir(), 'slotwise-d1-seed-'));
  const database = createDb(`file:${join(dir, 'seed.db')}`);
  try {
    await migrate(database);
    const seeded = await seedDemo(database, options);
    if (options.payments === 'offline') {
      const clock = () => options.now ?? Date.now();
      await seedDemoPayments(offlinePayments(database, { clock, nodeEnv: 'development' }).payments, database);
    }
    return { statements: await rowsAsInserts(database), seeded };
  } finally {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Inserts the demo's seed into a migrated D1 database in ONE batch: all of it or, on any error, none. */
export async function seedD1(binding: D1Binding, options: DemoSeedOptions = {}): Promise<SeedResult> {
  const { statements, seeded } = await demoSeedStatements(options);
  await binding.batch(statements.map((s) => (binding.prepare(s.sql) as D1Statement).bind(...s.args)));
  return seeded;
}

/** A value written as an SQL literal. */
const literal = (value: string | number | null) => (value === null ? 'NULL' : typeof value === 'number' ? String(value) : `'${value.replaceAll("'", "''")}'`);

/**
 * The statements as one SQL text, values inlined, for `wrangler d1 execute DB --local --file …`
 * (which runs a file as one batch).
 */
export function seedSqlText(statements: readonly SeedStatement[]): string {
  return statements.map((s) => {
    let i = 0;
    return `${s.sql.replace(/\?/g, () => literal(s.args[i++]!))};`;
  }).join('\n') + '\n';
}
