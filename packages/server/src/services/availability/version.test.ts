import { eq, sql } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as schema from '../../db/schema.js';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { newId } from '../ids.js';

// Slot caches key on `specialists.availability_version`: a write that changes open slots and does
// not move it would serve stale slots. The database moves it itself (triggers of migration 0001),
// so no code path can forget; this proves it for every table slots are computed from — and that
// every table of the schema was put on one side or the other, so a new one forces the question.

const MOVES_SLOTS = ['specialists', 'services', 'weekly_hours', 'date_overrides', 'recurring_availability', 'calendar_feeds', 'bookings'];
const NO_SLOTS = [
  'accounts', 'refresh_tokens', 'platform_settings', 'api_keys', 'booking_events', 'idempotency_keys', 'payments', 'refunds',
  'webhook_events', 'outbox', 'packages', 'package_purchases', 'credit_ledger', 'test_payments_state', 'deliveries', 'booking_tokens',
  'webhook_endpoints', 'notifications', 'email_opt_outs', 'purchase_tokens', 'account_tokens', 'customer_tokens', 'reviews', 'promo_codes', 'promo_redemptions',
  'directory_entries', 'slot_changes', 'released_handles',
];

let t: TestApp;
let specialistId: string;
beforeEach(async () => {
  t = await testApp();
  specialistId = t.intro.specialistId;
});
afterEach(() => t.close());

const version = async () =>
  (await t.database.db.select({ v: schema.specialists.availabilityVersion }).from(schema.specialists).where(eq(schema.specialists.id, specialistId)))[0]!.v;

/** Runs `write` in a write transaction and answers whether the version moved. */
async function moves(write: (tx: Parameters<Parameters<TestApp['database']['write']>[0]>[0]) => Promise<unknown>): Promise<boolean> {
  const before = await version();
  await t.database.write(write);
  return (await version()) !== before;
}

describe('the availability version', () => {
  it('is classified for every table of the schema', () => {
    const tables = (Object.values(schema) as unknown[])
      .filter((value): value is SQLiteTable => value instanceof SQLiteTable)
      .map((table) => getTableConfig(table).name)
      .sort();
    expect(tables).toEqual([...MOVES_SLOTS, ...NO_SLOTS].sort());
  });

  it('moves on every insert, update and delete of the rules a slot is computed from', async () => {
    const now = t.now();
    const rows = {
      services: () => ({ id: newId('svc'), specialistId, name: 'Extra', currency: 'EUR', durations: [{ minutes: 30, price: 0 }], createdAt: now }),
      weeklyHours: () => ({ id: newId('wh'), specialistId, weekday: 6, startMinute: 600, endMinute: 660 }),
      dateOverrides: () => ({ id: newId('ovr'), specialistId, fromDate: '2026-12-24', toDate: '2026-12-24', intervals: [], createdAt: now }),
      recurringAvailability: () => ({ id: newId('rec'), specialistId, rrule: 'FREQ=WEEKLY;BYDAY=SA', anchorDate: '2026-11-21', startMinute: 600, endMinute: 660, createdAt: now }),
      calendarFeeds: () => ({ id: newId('cal'), specialistId, url: 'https://calendar.example/feed.ics', createdAt: now }),
    } as const;
    for (const [name, make] of Object.entries(rows) as [keyof typeof rows, () => Record<string, unknown>][]) {
      const table = schema[name] as SQLiteTable & { id: typeof schema.services.id };
      const row = make();
      expect({ name, insert: await moves((tx) => tx.insert(table).values(row as never)) }).toEqual({ name, insert: true });
      expect({ name, update: await moves((tx) => tx.update(table).set({ specialistId } as never).where(eq(table.id, row.id as string))) }).toEqual({ name, update: true });
      expect({ name, delete: await moves((tx) => tx.delete(table).where(eq(table.id, row.id as string))) }).toEqual({ name, delete: true });
    }
  });

  it('moves when a booking is made, changes status or time, or goes; not when only its notes change', async () => {
    const now = t.now();
    const id = newId('bk');
    const booking = {
      id, specialistId, serviceId: t.intro.id, status: 'confirmed' as const, startAt: Date.parse('2026-11-23T09:00:00Z'), endAt: Date.parse('2026-11-23T09:30:00Z'),
      durationMinutes: 30, customerName: 'A', customerEmail: 'a@example.com', customerTimeZone: 'UTC', price: 0, currency: 'EUR', manageTokenHash: 'x', createdAt: now,
    };
    const where = eq(schema.bookings.id, id);
    expect(await moves((tx) => tx.insert(schema.bookings).values(booking))).toBe(true);
    expect(await moves((tx) => tx.update(schema.bookings).set({ status: 'cancelled' }).where(where))).toBe(true);
    expect(await moves((tx) => tx.update(schema.bookings).set({ startAt: booking.startAt + 1 }).where(where))).toBe(true);
    expect(await moves((tx) => tx.update(schema.bookings).set({ bufferAfter: 15 }).where(where))).toBe(true);
    expect(await moves((tx) => tx.update(schema.bookings).set({ holdExpiresAt: now }).where(where))).toBe(true);
    expect(await moves((tx) => tx.update(schema.bookings).set({ specialistNotes: 'private' }).where(where))).toBe(false);
    expect(await moves((tx) => tx.delete(schema.bookings).where(where))).toBe(true);
  });

  it('moves when the specialist’s zone or handle changes, not their name or bio', async () => {
    const where = eq(schema.specialists.id, specialistId);
    expect(await moves((tx) => tx.update(schema.specialists).set({ timeZone: 'Asia/Tokyo' }).where(where))).toBe(true);
    expect(await moves((tx) => tx.update(schema.specialists).set({ handle: 'demo2' }).where(where))).toBe(true);
    expect(await moves((tx) => tx.update(schema.specialists).set({ name: 'Dr. Other', bio: 'New' }).where(where))).toBe(false);
  });

  it('does not move when the one road records a change that leaves time and status alone', async () => {
    const booked = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start: '2026-11-23T09:00:00Z', customer: { name: 'A', email: 'a@example.com', timeZone: 'UTC' } } });
    expect(booked.status).toBe(201);
    await t.app.deliveries.idle();
    const before = await version();
    const notes = await t.json(`/v1/me/bookings/${booked.body.booking.id}/notes`, { method: 'PUT', body: { notes: 'Prepare the CV review' }, headers: { authorization: `Bearer ${t.apiKey}` } });
    expect(notes.status).toBe(200);
    await t.app.deliveries.idle();
    expect(await version()).toBe(before);
  });

  it('does not move on writes to tables slots never read', async () => {
    expect(await moves((tx) => tx.run(sql`insert into webhook_events (id, type, received_at) values ('evt_1', 'x', 0)`))).toBe(false);
  });

  it('is what the slots endpoint sees: a rule written behind the app’s back shows at once', async () => {
    const url = `/v1/specialists/demo/slots?service=${t.intro.id}&from=2026-11-28&to=2026-11-28&timezone=Europe/Berlin`;
    expect((await t.json(url)).body.days).toEqual([]); // a Saturday: closed
    await t.database.write((tx) => tx.insert(schema.weeklyHours).values({ id: newId('wh'), specialistId, weekday: 6, startMinute: 600, endMinute: 660 }));
    expect((await t.json(url)).body.days[0].slots).toHaveLength(2);
  });
});

// `specialists.rules_version` (migration 0009) guards a booking checked against rules this process
// read earlier (services/bookings/warm.ts): it must move with every write a booking checks except
// other bookings — else a booking could pass on stale rules — and must not move with bookings —
// else bookings of different times would refuse each other.
describe('the rules version', () => {
  const rulesVersion = async () =>
    (await t.database.db.select({ v: schema.specialists.rulesVersion }).from(schema.specialists).where(eq(schema.specialists.id, specialistId)))[0]!.v;
  async function movesRules(write: (tx: Parameters<Parameters<TestApp['database']['write']>[0]>[0]) => Promise<unknown>): Promise<boolean> {
    const before = await rulesVersion();
    await t.database.write(write);
    return (await rulesVersion()) !== before;
  }

  it('moves on every insert, update and delete of the rules, services and feeds', async () => {
    const now = t.now();
    const rows = {
      services: { id: newId('svc'), specialistId, name: 'Extra', currency: 'EUR', durations: [{ minutes: 30, price: 0 }], createdAt: now },
      weeklyHours: { id: newId('wh'), specialistId, weekday: 6, startMinute: 600, endMinute: 660 },
      dateOverrides: { id: newId('ovr'), specialistId, fromDate: '2026-12-24', toDate: '2026-12-24', intervals: [], createdAt: now },
      recurringAvailability: { id: newId('rec'), specialistId, rrule: 'FREQ=WEEKLY;BYDAY=SA', anchorDate: '2026-11-21', startMinute: 600, endMinute: 660, createdAt: now },
      calendarFeeds: { id: newId('cal'), specialistId, url: 'https://calendar.example/feed.ics', createdAt: now },
    } as const;
    for (const [name, row] of Object.entries(rows) as [keyof typeof rows, { id: string }][]) {
      const table = schema[name] as SQLiteTable & { id: typeof schema.services.id };
      expect({ name, insert: await movesRules((tx) => tx.insert(table).values(row as never)) }).toEqual({ name, insert: true });
      expect({ name, update: await movesRules((tx) => tx.update(table).set({ specialistId } as never).where(eq(table.id, row.id))) }).toEqual({ name, update: true });
      expect({ name, delete: await movesRules((tx) => tx.delete(table).where(eq(table.id, row.id))) }).toEqual({ name, delete: true });
    }
  });

  it('moves when any column of the specialist’s row is written but the two versions (a column added later included)', async () => {
    const where = eq(schema.specialists.id, specialistId);
    const { columns } = getTableConfig(schema.specialists);
    const written = columns.filter((c) => !['id', 'availability_version', 'rules_version'].includes(c.name));
    expect(written.length).toBeGreaterThan(15);
    for (const column of written) {
      // Writing the column's own value: the trigger fires on the column being set, not on a new value.
      expect({ column: column.name, moves: await movesRules((tx) => tx.run(sql`update specialists set ${sql.identifier(column.name)} = ${sql.identifier(column.name)} where id = ${specialistId}`)) }).toEqual({
        column: column.name,
        moves: true,
      });
    }
    expect(await movesRules((tx) => tx.update(schema.specialists).set({ availabilityVersion: sql`${schema.specialists.availabilityVersion} + 1` }).where(where))).toBe(false);
  });

  it('does not move when bookings are made or cancelled', async () => {
    const before = await rulesVersion();
    const booked = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start: '2026-11-23T09:00:00Z', customer: { name: 'A', email: 'a@example.com', timeZone: 'UTC' } } });
    expect(booked.status).toBe(201);
    const cancelled = await t.json(`/v1/bookings/${booked.body.booking.id}/cancel`, { method: 'POST', body: {}, headers: { authorization: `Bearer ${booked.body.manageToken}` } });
    expect(cancelled.status).toBe(200);
    await t.app.deliveries.idle();
    expect(await rulesVersion()).toBe(before);
    expect(await version()).not.toBe(0);
  });
});
