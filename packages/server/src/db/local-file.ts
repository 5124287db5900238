import { createClient } from '@libsql/client';
import { sql } from 'drizzle-orm';
import type { Database, Synchronous } from './client.js';

/*
 * What the Node entry does to a local database file (`file:` URLs) beyond `createDb`: WAL mode,
 * and a change counter readers can trust across processes. Node only (the Worker never opens a
 * file): nothing here is imported by `edge.ts`.
 */

/** `DATABASE_SYNCHRONOUS` (`normal` or `full`), or undefined when unset. */
export function synchronousFromEnv(env: Record<string, string | undefined>): Synchronous | undefined {
  const text = env.DATABASE_SYNCHRONOUS?.toLowerCase();
  if (text === undefined || text === '') return undefined;
  if (text === 'normal' || text === 'full') return text;
  throw new Error(`DATABASE_SYNCHRONOUS must be normal or full; got "${env.DATABASE_SYNCHRONOUS}".`);
}

/**
 * Puts the file in WAL mode: readers and the writer no longer block each other, and a commit
 * appends to the WAL instead of rewriting pages through a rollback journal. The mode is stored in
 * the file, so every connection — of this process or another — uses it from then on.
 * @throws when SQLite keeps another mode (a file system without shared memory, e.g. some network mounts)
 */
export async function useWal(database: Database): Promise<void> {
  const [row] = await database.db.all<{ journal_mode: string }>(sql`pragma journal_mode = wal`);
  const mode = row?.journal_mode.toLowerCase();
  if (mode !== 'wal') throw new Error(`The database file ${database.url} stayed in journal mode "${mode}" instead of WAL: put it on a local disk.`);
}

/**
 * Sets `database.changeCounter`: SQLite's `PRAGMA data_version`, read on a connection of its own
 * that never writes. data_version changes on a connection when ANY OTHER connection commits — in
 * this process or another, in WAL or rollback mode — and every write of this handle runs on
 * another connection (its client's pool), so the watcher sees this handle's commits too and no
 * `onCommit` bookkeeping is needed. One query (~40 µs through libSQL's client) per read.
 *
 * Exactness: a reader reads the counter BEFORE the data it files under it. A commit finished
 * before the counter read moves it; one racing the read or the data query can only file newer
 * data under the older counter, which the next read (moved counter) no longer matches.
 */
export function watchCommits(database: Database, timeout: number): void {
  if (!database.url.startsWith('file:')) return;
  // One connection: data_version values of two connections are not comparable.
  const watcher = createClient({ url: database.url, timeout, concurrency: 1 });
  database.changeCounter = async () => Number((await watcher.execute('pragma data_version')).rows[0]![0]);
  const close = database.close.bind(database);
  database.close = () => {
    close();
    watcher.close();
  };
}
