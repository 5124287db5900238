import { sql } from 'drizzle-orm';
import type { Database } from './client.js';
import { migrations as embedded, type Migration } from './migrations.js';

/**
 * Applies the migrations not yet recorded in `__slotwise_migrations`, each in its own write
 * transaction, so several processes starting at once apply each exactly once.
 *
 * A database that already has every known tag (the usual restart) costs one read and no write
 * lock: the tags are read once outside any transaction, and only a database missing some goes on
 * to the per-migration transactions, which check again under the lock. A tag present in that first
 * read was committed, so skipping it cannot skip work another process is doing.
 * @returns the tags applied now.
 */
export async function migrate(database: Database, migrations: Migration[] = embedded): Promise<string[]> {
  await database.db.run(
    sql`create table if not exists __slotwise_migrations (tag text primary key, applied_at integer not null)`,
  );
  const recorded = new Set((await database.db.all<{ tag: string }>(sql`select tag from __slotwise_migrations`)).map((row) => row.tag));
  const applied: string[] = [];
  for (const migration of migrations) {
    if (recorded.has(migration.tag)) continue;
    const done = await database.write(async (tx) => {
      const seen = await tx.all(sql`select tag from __slotwise_migrations where tag = ${migration.tag}`);
      if (seen.length > 0) return false;
      for (const statement of migration.statements) await tx.run(sql.raw(statement));
      await tx.run(sql`insert into __slotwise_migrations (tag, applied_at) values (${migration.tag}, ${Date.now()})`);
      return true;
    });
    if (done) applied.push(migration.tag);
  }
  return applied;
}
