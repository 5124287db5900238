import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { startHranaServer } from '../testing/hrana-server.js';
import { createDb } from './client.js';
import { migrate } from './migrate.js';
import { createRemoteDb } from './remote.js';
import { specialists } from './schema.js';

// The edge entry's database: libSQL's web client against a server speaking Hrana over HTTP
// (`testing/hrana-server.ts`, a real SQLite file behind it, standing in for Turso).

const dir = mkdtempSync(join(tmpdir(), 'slotwise-remote-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('createRemoteDb', { timeout: 60_000 }, () => {
  it('refuses a file: URL with a sentence naming DATABASE_URL (a file needs the Node entry)', () => {
    expect(() => createRemoteDb('file:./data/slotwise.db')).toThrow('DATABASE_URL must be a remote libSQL URL here (libsql://…, https://…): a file: database needs the Node entry; got "file:./data/slotwise.db".');
  });

  it('sends the database token, migrates, commits and rolls back over HTTP; a wrong token is refused', async () => {
    const url = `file:${join(dir, 'remote.db')}`;
    createDb(url).close();
    const server = await startHranaServer(url, { authToken: 'turso-token' });
    const remote = createRemoteDb(server.url, { authToken: 'turso-token' });
    const stranger = createRemoteDb(server.url, { authToken: 'wrong' });
    try {
      expect((await migrate(remote)).length).toBeGreaterThan(0);
      let commits = 0;
      remote.onCommit(() => commits++);
      const row = { id: 'sp_remote', handle: 'remote', name: 'Remote Specialist', timeZone: 'UTC', currency: 'EUR', createdAt: Date.now() };
      await remote.write((tx) => tx.insert(specialists).values(row));
      await expect(remote.write(async (tx) => {
        await tx.insert(specialists).values({ ...row, id: 'sp_gone', handle: 'gone' });
        throw new Error('changed my mind');
      })).rejects.toThrow('changed my mind');
      const handles = await remote.db.select({ handle: specialists.handle }).from(specialists);
      expect(handles).toEqual([{ handle: 'remote' }]);
      expect(commits).toBe(1);
      // What Node reads from the file is what went over the wire.
      const local = createDb(url);
      expect(await local.db.all(sql`select handle from specialists`)).toEqual([{ handle: 'remote' }]);
      local.close();
      await expect(stranger.ping()).rejects.toThrow();
    } finally {
      remote.close();
      stranger.close();
      await server.close();
    }
  });
});
