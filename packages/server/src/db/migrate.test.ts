import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type Database } from './client.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations.js';

// 0004 rebuilds the outbox (SQLite cannot drop a NOT NULL). A database made before it — with
// bookings, their triggers and outbox rows planned and not — must come out with every row as it
// was, every index (the unique one on event_id, the partial one the dispatcher reads) and every
// trigger still there and still firing.

let dir: string;
let database: Database;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'slotwise-migrate-'));
  database = createDb(`file:${join(dir, 'test.db')}`);
});
afterEach(() => {
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

const rows = <T>(query: ReturnType<typeof sql>) => database.db.all<T>(query);
const objects = () => rows<{ type: string; name: string; tbl_name: string; sql: string | null }>(sql`select type, name, tbl_name, sql from sqlite_master where name not like 'sqlite_%' order by type, name`);
const version = async () => (await rows<{ v: number }>(sql`select availability_version as v from specialists where id = 'sp_1'`))[0]!.v;

/** The migrations before the one whose tag starts with `tag`. */
const upTo = (tag: string) => migrations.slice(0, migrations.findIndex((m) => m.tag.startsWith(tag)));

/** The database as 0003 left it, with a specialist, a service, a booking and outbox rows. */
async function at0003() {
  const before = upTo('0004');
  expect(before.length).toBeGreaterThan(0);
  expect(await migrate(database, before)).toHaveLength(before.length);
  const run = (text: string) => database.db.run(sql.raw(text));
  await run(`insert into specialists (id, handle, name, time_zone, currency, created_at) values ('sp_1', 'demo', 'Demo', 'Europe/Berlin', 'EUR', 1)`);
  await run(`insert into services (id, specialist_id, name, currency, durations, created_at) values ('svc_1', 'sp_1', 'Intro', 'EUR', '[{"minutes":30,"price":0}]', 1)`);
  await run(
    `insert into bookings (id, specialist_id, service_id, status, start_at, end_at, duration_minutes, customer_name, customer_email, customer_time_zone, price, currency, manage_token_hash, created_at)
     values ('bk_1', 'sp_1', 'svc_1', 'confirmed', 1000, 2000, 30, 'Ada', 'ada@example.com', 'UTC', 0, 'EUR', 'h1', 5)`,
  );
  await run(`insert into outbox (id, topic, booking_id, specialist_id, event_id, payload, created_at, planned_at) values ('msg_1', 'booking.confirmed', 'bk_1', 'sp_1', 'ev_1', '{"event":{"type":"confirmed"},"booking":{"id":"bk_1"}}', 10, 11)`);
  await run(`insert into outbox (id, topic, booking_id, specialist_id, event_id, payload, created_at) values ('msg_2', 'booking.cancelled', 'bk_1', 'sp_1', 'ev_2', '{"event":{"type":"cancelled"},"booking":{"id":"bk_1"}}', 12)`);
}

describe('migration 0004 (the outbox carries package events)', () => {
  it('keeps every outbox row, index and trigger of a database that has rows', async () => {
    await at0003();
    const before = await objects();
    const outboxBefore = await rows<Record<string, unknown>>(sql`select * from outbox order by id`);
    const versionBefore = await version();

    expect(await migrate(database, upTo('0005'))).toEqual(['0004_package_events']);

    // The rows, column for column; the new column starts empty.
    const outboxAfter = await rows<Record<string, unknown>>(sql`select * from outbox order by id`);
    expect(outboxAfter).toEqual(outboxBefore.map((r) => ({ ...r, purchase_id: null })));
    expect(await rows(sql`select count(*) as n from sqlite_master where name = '__new_outbox'`)).toEqual([{ n: 0 }]);

    // Every index and trigger that existed is still there with the same definition; only new ones were added.
    const after = await objects();
    const unchanged = (list: typeof before) => list.filter((o) => !(o.type === 'table' && ['outbox', 'package_purchases'].includes(o.name))); // the two tables 0004 changes
    expect(unchanged(after)).toEqual(expect.arrayContaining(unchanged(before)));
    const names = (list: typeof before, type: string) => list.filter((o) => o.type === type).map((o) => o.name);
    expect(names(after, 'trigger')).toEqual(names(before, 'trigger'));
    expect(names(before, 'trigger').length).toBeGreaterThan(10);
    expect(after.find((o) => o.name === 'outbox_event_unique')?.sql).toMatch(/^CREATE UNIQUE INDEX/);
    expect(after.find((o) => o.name === 'outbox_unplanned_idx')?.sql).toMatch(/WHERE planned_at is null$/);
    expect(names(after, 'index').filter((n) => !names(before, 'index').includes(n)).sort()).toEqual(['outbox_purchase_idx', 'purchase_tokens_hash_unique', 'purchase_tokens_purchase_idx']);

    // The triggers still move the specialist's availability version.
    await database.db.run(sql`update bookings set status = 'cancelled' where id = 'bk_1'`);
    expect(await version()).toBe(versionBefore + 1);

    // The dispatcher's read of unplanned rows still uses the partial index, and finds the one row.
    const plan = await rows<{ detail: string }>(sql`explain query plan select id from outbox where planned_at is null order by created_at limit 100`);
    expect(plan.map((p) => p.detail).join(' ')).toContain('outbox_unplanned_idx');
    expect(await rows(sql`select id from outbox where planned_at is null`)).toEqual([{ id: 'msg_2' }]);

    expect(await rows(sql`pragma integrity_check`)).toEqual([{ integrity_check: 'ok' }]);
    expect(await rows(sql`pragma foreign_key_check`)).toEqual([]);
  });

  it('takes events with no booking, and still refuses a booking event recorded twice', async () => {
    await at0003();
    await migrate(database, upTo('0005'));
    const insert = (id: string, eventId: string | null) =>
      database.db.run(sql`insert into outbox (id, topic, booking_id, specialist_id, event_id, purchase_id, payload, created_at) values (${id}, 'package.purchased', null, 'sp_1', ${eventId}, 'pp_1', '{}', 20)`);
    await insert('msg_3', null);
    await insert('msg_4', null); // several rows without a booking event: nulls are distinct
    const duplicate = await insert('msg_5', 'ev_1').then(
      () => undefined,
      (error: { cause?: unknown }) => String(error.cause),
    );
    expect(duplicate).toMatch(/UNIQUE constraint failed: outbox\.event_id/);
    expect(await rows(sql`select id, purchase_id from outbox where booking_id is null order by id`)).toEqual([
      { id: 'msg_3', purchase_id: 'pp_1' },
      { id: 'msg_4', purchase_id: 'pp_1' },
    ]);
    // The purchase's own customer language, English for purchases made before.
    expect(await rows(sql`select count(*) as n from pragma_table_info('package_purchases') where name = 'customer_locale' and dflt_value = '''en'''`)).toEqual([{ n: 1 }]);
  });
});

describe('migration 0005 (account state)', () => {
  it('counts accounts made before verification existed as verified, and every specialist as active', async () => {
    await at0003();
    await migrate(database, upTo('0005'));
    await database.db.run(sql.raw(`insert into accounts (id, email, password_hash, role, specialist_id, created_at) values ('acc_1', 'demo@example.com', 'x', 'specialist', 'sp_1', 42), ('acc_2', 'op@example.com', 'x', 'operator', null, 43)`));
    const versionBefore = await version();

    expect(await migrate(database, upTo('0006'))).toEqual(['0005_accounts']);

    expect(await rows(sql`select id, email_verified_at as v from accounts order by id`)).toEqual([
      { id: 'acc_1', v: 42 },
      { id: 'acc_2', v: 43 },
    ]);
    expect(await rows(sql`select status, status_changed_at as at from specialists`)).toEqual([{ status: 'active', at: null }]);
    expect(await version()).toBe(versionBefore);
    // A new account starts unverified: only rows that existed were backfilled.
    await database.db.run(sql.raw(`insert into accounts (id, email, password_hash, role, created_at) values ('acc_3', 'new@example.com', 'x', 'operator', 44)`));
    expect(await rows(sql`select email_verified_at as v from accounts where id = 'acc_3'`)).toEqual([{ v: null }]);
    expect(await rows(sql`pragma integrity_check`)).toEqual([{ integrity_check: 'ok' }]);
  });
});

describe('migrating a database that is up to date (a restart)', () => {
  it('starts while another process holds the write lock, and still applies a migration that is missing', async () => {
    expect(await migrate(database)).toHaveLength(migrations.length);
    // Another process in the middle of a write: a restart must not wait for its lock.
    const other = createDb(database.url);
    const restarted = createDb(database.url, { timeout: 50, busyRetries: 0 });
    try {
      const during = await other.write(async (tx) => {
        await tx.run(sql`update __slotwise_migrations set applied_at = applied_at`);
        return migrate(restarted);
      });
      expect(during).toEqual([]);
      // A tag removed from the record is applied again (its statements are idempotent here).
      const extra = { tag: '9999_test', statements: ['create table if not exists restart_probe (id text primary key)'] };
      expect(await migrate(restarted, [...migrations, extra])).toEqual(['9999_test']);
      expect(await migrate(restarted, [...migrations, extra])).toEqual([]);
    } finally {
      other.close();
      restarted.close();
    }
  });
});
