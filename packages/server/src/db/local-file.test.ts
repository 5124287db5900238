import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { openDatabase, optionsFromEnv } from '../node.js';
import { paymentsDisabled } from '../providers/payments/index.js';
import { silentLog } from '../services/log.js';
import { seedDemo } from '../seed.js';
import { serverProcesses } from '../testing/server-process.js';
import { createDb } from './client.js';

const dirs: string[] = [];
const processes = serverProcesses();
afterEach(() => {
  processes.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempUrl = () => {
  const dir = mkdtempSync(join(tmpdir(), 'slotwise-wal-'));
  dirs.push(dir);
  return `file:${join(dir, 'db.sqlite')}`;
};

describe('a local database file (the Node entry)', () => {
  it('opens while another process holds the file: two starting together both get WAL mode', async () => {
    const url = tempUrl();
    // Another process mid-write on a new file (rollback journal): switching to WAL needs the file
    // to itself, and SQLite answers SQLITE_BUSY at once instead of waiting its busy timeout.
    const other = createClient({ url, timeout: 5000 });
    await other.execute('create table t (x integer)');
    const lock = await other.transaction('write');
    await lock.execute('insert into t values (1)');
    const released = new Promise<void>((done) => setTimeout(() => void lock.commit().then(done), 300));
    const database = await openDatabase(url);
    await released;
    expect(await database.db.all(sql`pragma journal_mode`)).toEqual([{ journal_mode: 'wal' }]);
    expect(await database.db.all(sql`select x from t`)).toEqual([{ x: 1 }]);
    database.close();
    other.close();
  });

  it('is in WAL mode for every connection, and writes at the synchronous level asked for', async () => {
    for (const [synchronous, level] of [['normal', 1], ['full', 2]] as const) {
      const url = tempUrl();
      const database = await openDatabase(url, undefined, { synchronous });
      await seedDemo(database);
      // Asked inside a write: the connection writes run on, after the seed's writes.
      expect(await database.write((tx) => tx.all(sql`pragma synchronous`))).toEqual([{ synchronous: level }]);
      const other = createDb(url);
      expect(await other.db.all(sql`pragma journal_mode`)).toEqual([{ journal_mode: 'wal' }]);
      other.close();
      database.close();
    }
  });

  it('refuses a DATABASE_SYNCHRONOUS it does not know, naming the variable', () => {
    expect(optionsFromEnv({ DATABASE_SYNCHRONOUS: 'FULL' }).databaseSynchronous).toBe('full');
    expect(() => optionsFromEnv({ DATABASE_SYNCHRONOUS: 'off' })).toThrow('DATABASE_SYNCHRONOUS must be normal or full; got "off".');
  });

  it('never serves a cached slot after another process booked it, in WAL mode', async () => {
    const url = tempUrl();
    const database = await openDatabase(url);
    await seedDemo(database);
    expect(await database.db.all(sql`pragma journal_mode`)).toEqual([{ journal_mode: 'wal' }]);
    const app = createApp({ database, rateLimits: false, payments: paymentsDisabled(), log: silentLog });

    const other = await processes.start({ databaseUrl: url });

    const profile = await (await app.request('/v1/specialists/demo')).json();
    const service = profile.services.find((s: { durations: { price: number }[] }) => s.durations.every((d) => d.price === 0)).id as string;
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    // An explicit `from`: the repeat is answered by the fast path, before any query.
    const slotsUrl = `/v1/specialists/demo/slots?service=${service}&from=${day(2)}&to=${day(8)}&timezone=UTC`;
    const starts = async () => ((await (await app.request(slotsUrl)).json()).days as { slots: { start: string }[] }[]).flatMap((d) => d.slots.map((s) => s.start));
    for (let round = 0; round < 4; round++) {
      const before = await starts();
      expect(await starts()).toEqual(before); // served from this process's cache
      const start = before[round * 3]!;
      const booked = await fetch(`${other}/v1/bookings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ specialist: 'demo', service, start, customer: { name: 'X', email: `x${round}@example.com`, timeZone: 'UTC' } }),
      });
      expect(booked.status).toBe(201);
      expect(await starts()).not.toContain(start);
    }
    database.close();
  }, 60_000);
});
