import { D1_MIGRATIONS_TABLE, type D1Binding, type D1Statement } from './d1.js';
import { migrations as embedded, type Migration } from './migrations.js';

interface D1Rows {
  results: { name: string }[];
}

/**
 * Applies the embedded migrations (`db/migrations.ts`, generated from `packages/server/drizzle`)
 * to a D1 binding the way `wrangler d1 migrations apply` does with that folder as
 * `migrations_dir`: the same `d1_migrations` table (id, name = the file's name, applied_at), and
 * each file not recorded there run as ONE batch — its statements and its record together, all or
 * nothing. A database migrated here and one migrated by wrangler are interchangeable: each sees
 * the other's files as applied.
 *
 * For tests and local tools (Miniflare's `getD1Database()` proxy works from Node); the Worker
 * itself never migrates D1 (`db/d1.ts`). Not safe against two appliers at once — neither is wrangler.
 *
 * @returns the file names applied now, in order.
 */
export async function migrateD1(binding: D1Binding, migrations: Migration[] = embedded): Promise<string[]> {
  const prepare = (query: string) => binding.prepare(query) as D1Statement;
  await binding.batch([
    prepare(`CREATE TABLE IF NOT EXISTS ${D1_MIGRATIONS_TABLE}(
		id         INTEGER PRIMARY KEY AUTOINCREMENT,
		name       TEXT UNIQUE,
		applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);`),
  ]);
  const [listed] = (await binding.batch([prepare(`SELECT name FROM ${D1_MIGRATIONS_TABLE} ORDER BY id`)])) as D1Rows[];
  const done = new Set(listed!.results.map((row) => row.name));
  const applied: string[] = [];
  for (const { tag, statements } of migrations) {
    const name = `${tag}.sql`;
    if (done.has(name)) continue;
    await binding.batch([...statements.map(prepare), prepare(`INSERT INTO ${D1_MIGRATIONS_TABLE} (name) VALUES (?)`).bind(name)]);
    applied.push(name);
  }
  return applied;
}
