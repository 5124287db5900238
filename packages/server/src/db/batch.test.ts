import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestD1 } from '../testing/d1.js';
import { startHranaServer } from '../testing/hrana-server.js';
import { guardedBatch } from './batch.js';
import { createDb, type Database } from './client.js';
import { createD1Db } from './d1.js';
import { migrateD1 } from './d1-migrate.js';
import { migrate } from './migrate.js';
import { createRemoteDb } from './remote.js';
import { specialists } from './schema.js';

// The guard of `db/batch.ts` on the three engines: the local file (Node), Hrana over HTTP (what
// Turso speaks; `testing/hrana-server.ts` over a real SQLite file) and D1 in workerd (Miniflare).

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function fresh(): Promise<{ local: Database; url: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'slotwise-batch-'));
  dirs.push(dir);
  const url = `file:${join(dir, 'batch.db')}`;
  const local = createDb(url);
  await migrate(local);
  return { local, url };
}

const insert = (database: Database, id: string) =>
  database.db.insert(specialists).values({ id, handle: id, name: id, timeZone: 'UTC', currency: 'EUR', createdAt: 1 });
const ids = async (database: Database) => (await database.db.select({ id: specialists.id }).from(specialists)).map((r) => r.id).sort();

async function behaves(database: Database, local: Database) {
  let commits = 0;
  database.onCommit(() => commits++);
  // The guard holds: everything is written, results come back mapped.
  const written = await guardedBatch(database, sql`(select count(*) from ${specialists}) = 0`, [insert(database, 'a'), insert(database, 'b').returning()]);
  expect((written![1] as { id: string }[])[0]!.id).toBe('b');
  // It no longer holds: nothing of the batch is written, even the statements before the failing one's turn.
  expect(await guardedBatch(database, sql`(select count(*) from ${specialists}) = 0`, [insert(database, 'c'), insert(database, 'd')])).toBeUndefined();
  // Any other failure is an error, and rolls the batch back too.
  await expect(guardedBatch(database, sql`1 = 1`, [insert(database, 'e'), insert(database, 'a')])).rejects.toThrow(/UNIQUE/);
  expect(await ids(local)).toEqual(['a', 'b']);
  expect(commits).toBe(1);
}

describe('a guarded batch', () => {
  it('on the local file: all of it when the guard holds, none of it when it does not', async () => {
    const { local } = await fresh();
    await behaves(local, local);
    local.close();
  });

  it('over HTTP (Hrana, as Turso): the same, in one request', async () => {
    const { local, url } = await fresh();
    const server = await startHranaServer(url);
    const remote = createRemoteDb(server.url);
    try {
      await behaves(remote, local);
      const before = server.requests();
      await guardedBatch(remote, sql`1 = 1`, [insert(remote, 'z'), insert(remote, 'y')]);
      expect(server.requests() - before).toBe(1);
    } finally {
      remote.close();
      await server.close();
      local.close();
    }
  });

  it('on D1 in workerd: the same — D1 rolls the batch back when the guard fails, and says so in words isGuardFailure knows', { timeout: 60_000 }, async () => {
    const d1 = await startTestD1();
    try {
      await migrateD1(d1.binding);
      const database = createD1Db(d1.binding);
      await behaves(database, database);
    } finally {
      await d1.dispose();
    }
  });
});
