import { closeSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { createClient } from '@libsql/client';
import { isBusy, type Database, type Synchronous } from './client.js';

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
export async function useWal(database: Database, timeout = 5000): Promise<void> {
  // Switching a file to WAL needs it to itself. While another process holds a lock (two servers
  // starting together, one of them migrating), SQLite answers SQLITE_BUSY at once rather than
  // wait its busy timeout, so the switch is tried again until `timeout`; each try on a connection
  // of its own, opened for it (libSQL leaves a connection that saw SQLITE_BUSY unusable).
  const deadline = Date.now() + timeout;
  for (let attempt = 1; ; attempt++) {
    const client = createClient({ url: database.url, timeout, concurrency: 1 });
    try {
      const { rows } = await client.execute('pragma journal_mode = wal');
      const mode = String(rows[0]?.['journal_mode'] ?? '').toLowerCase();
      if (mode !== 'wal') throw new Error(`The database file ${database.url} stayed in journal mode "${mode}" instead of WAL: put it on a local disk.`);
      return;
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
    } finally {
      client.close();
    }
    await new Promise((done) => setTimeout(done, Math.min(attempt, 10) * (5 + Math.random() * 20)));
  }
}

/**
 * Sets `database.changeCounter`: a number that moves whenever any connection — of this handle, of
 * this process or of another — commits to the file, read without a query (~1 µs).
 *
 * How: in WAL mode every commit ends by writing the wal-index header, the first 48 bytes of the
 * `-shm` file (sqlite.org/walformat.html §2.5; the copy at offset 0 is written last, so once it is
 * new the commit is visible). SQLite's own `PRAGMA data_version` is this very test — a connection's
 * data_version moves when the header differs from the one it last saw — but asked as a query it
 * costs ~40–100 µs of CPU through libSQL's client, on every cached slots answer; the header read
 * keeps that path as cheap as a static route (figures in docs/scale.md).
 *
 * Exactness: a reader reads the counter BEFORE the data it files under it. A commit finished
 * before the counter read changed the header; one racing the read (or a torn read) can only file
 * newer data under an older counter, which the next read no longer matches. The `-shm` file stays
 * the same file while we read it: SQLite deletes it only when the last connection to the database
 * closes, and a connection of our own (`keeper`, opened here, closed with the handle) stays open —
 * which also keeps any process from taking the file out of WAL mode.
 */
export async function watchCommits(database: Database, path: string, timeout: number): Promise<void> {
  const keeper = createClient({ url: database.url, timeout, concurrency: 1 });
  // A read maps the wal-index: from now on this connection holds the -shm file.
  await keeper.execute('pragma data_version');
  const fd = openSync(`${resolve(path)}-shm`, 'r');
  const seen = Buffer.alloc(48);
  const header = Buffer.alloc(48);
  let generation = 0;
  database.changeCounter = () => {
    readSync(fd, header, 0, 48, 0);
    if (!header.equals(seen)) {
      header.copy(seen);
      generation++;
    }
    return generation;
  };
  const close = database.close.bind(database);
  database.close = () => {
    close();
    keeper.close();
    closeSync(fd);
  };
}
