import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { MAX_ATTEMPTS } from '../../db/batch.js';
import { createDb, type Database } from '../../db/client.js';
import { accounts, bookingEvents, bookings, outbox, payments, platformSettings, specialists, weeklyHours } from '../../db/schema.js';
import { offlinePayments } from '../../providers/payments/index.js';
import { addSpecialist, connectDemo, setService } from '../../testing/fixtures.js';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { silentLog } from '../log.js';
import { spyOnBatches, type BatchSpy } from '../../testing/batch-spy.js';

// Booking creation reads a snapshot, then writes ONE batch behind a guard (`db/batch.ts`). These
// tests make another writer commit between the two — exactly where a second server process or
// isolate would — by running it just before each batch goes out, on the same database file.

let t: TestApp;
/** Batches counted, and what "someone else" does just before each one; reset per test. */
let spy: BatchSpy;
const NOW = Date.parse('2026-11-20T12:00:00Z');

beforeEach(async () => {
  t = await testApp({ now: NOW });
  // Only a creation's batch counts: the offline test-payments account and its webhooks write batches too.
  spy = spyOnBatches(t.database, (queries) => queries.some(insertsBooking));
});
afterEach(() => t.close());

/** Whether a batch's statement inserts a booking. */
const insertsBooking = (query: unknown) => (query as { toSQL?: () => { sql: string } }).toSQL?.().sql.startsWith('insert into "bookings"') === true;

const book = (start: string, email = 'ada@example.com') =>
  t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start, customer: { name: 'Ada', email, timeZone: 'Europe/Berlin' } } });

/** The specialist saves their weekly hours unchanged: no slot changes, but the version moves. */
const touchHours = async () => {
  await t.database.write((tx) => tx.update(weeklyHours).set({ startMinute: sql`${weeklyHours.startMinute}` }).where(eq(weeklyHours.specialistId, t.intro.specialistId)));
};

const count = async (table: typeof bookings | typeof bookingEvents | typeof outbox | typeof payments) =>
  ((await t.database.db.select({ n: sql<number>`count(*)` }).from(table)) as [{ n: number }])[0].n;

/** A second server on the same file — another process, as far as the database can tell. */
function otherServer(): { app: ReturnType<typeof createApp>; database: Database } {
  const database = createDb(t.url);
  const app = createApp({ database, clock: t.now, log: silentLog, logError: () => {}, rateLimits: false, payments: offlinePayments(database, { clock: t.now, nodeEnv: 'test' }).payments });
  return { app, database };
}

describe('booking creation as one guarded batch', () => {
  it('tries again from a fresh snapshot when the calendar changed meanwhile, and books a time still free', async () => {
    spy.meanwhile = async (n) => {
      if (n === 1) await touchHours();
    };
    const created = await book('2026-11-23T09:00:00Z');
    expect(created.status).toBe(201);
    expect(created.body.booking.status).toBe('confirmed');
    expect(spy.count).toBe(2);
    // Once: the refused batch left nothing behind, the second wrote the booking with its event and outbox row.
    expect([await count(bookings), await count(bookingEvents), await count(outbox)]).toEqual([1, 1, 1]);
    const [message] = await t.database.db.select().from(outbox);
    expect(message).toMatchObject({ topic: 'booking.confirmed', bookingId: created.body.booking.id });
  });

  it('answers 409 slot_unavailable, with nothing written, when another server books the time meanwhile (a priced hold: no payment row)', async () => {
    await connectDemo(t.app);
    await setService(t.database, t.intro.id, { durations: [{ minutes: 30, price: 4900 }] });
    const other = otherServer();
    try {
      spy.meanwhile = async (n) => {
        if (n !== 1) return;
        const theirs = await other.app.request('/v1/bookings', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ specialist: 'demo', service: t.session.id, start: '2026-11-23T09:00:00Z', customer: { name: 'Bo', email: 'bo@example.com', timeZone: 'UTC' } }),
        });
        expect(theirs.status).toBe(201);
      };
      const mine = await book('2026-11-23T09:00:00Z');
      expect(mine.body).toMatchObject({ status: 409, code: 'slot_unavailable' });
      // Only the other server's booking exists, with its own event and outbox row; no payment was recorded.
      const rows = await t.database.db.select().from(bookings);
      expect(rows.map((b) => b.customerEmail)).toEqual(['bo@example.com']);
      const messages = await t.database.db.select().from(outbox);
      expect(messages.map((m) => m.topic)).toContain('booking.confirmed');
      expect(messages.every((m) => m.bookingId === rows[0]!.id)).toBe(true);
      expect(await count(payments)).toBe(0);
    } finally {
      other.database.close();
    }
  });

  it('counts a hold made meanwhile with ANOTHER specialist against the cap (no version covers it): the fourth hold of one visitor is refused, without a payment row', async () => {
    const account = await connectDemo(t.app);
    await setService(t.database, t.intro.id, { durations: [{ minutes: 30, price: 4900 }] });
    const elsewhere = await addSpecialist(t.database, 'elsewhere');
    await t.database.write((tx) => tx.update(specialists).set({ stripeAccountId: account, stripeChargesEnabled: true }).where(eq(specialists.id, elsewhere.specialistId)));
    await setService(t.database, elsewhere.service.id, { durations: [{ minutes: 30, price: 4900 }] });
    const visitor = 'vis_aaaaaaaaaaaaaaaaaaaaaaaa';
    const hold = (app: { request: TestApp['app']['request'] }, specialist: string, service: string, hour: string) =>
      app.request('/v1/bookings', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ specialist, service, start: `2026-11-23T${hour}:00:00Z`, visitor, customer: { name: 'Ada', email: `ada${hour}@example.com`, timeZone: 'UTC' } }),
      });
    for (const hour of ['09', '10']) expect((await hold(t.app, 'demo', t.intro.id, hour)).status).toBe(201);
    const other = otherServer();
    try {
      spy.meanwhile = async (n) => {
        if (n === 3) expect((await hold(other.app, 'elsewhere', elsewhere.service.id, '11')).status).toBe(201);
      };
      const fourth = await hold(t.app, 'demo', t.intro.id, '12');
      expect(await fourth.json()).toMatchObject({ status: 429, code: 'too_many_holds' });
      expect(spy.count).toBe(3); // its one batch refused by the guard; the fresh snapshot then meets the cap
      expect(await count(bookings)).toBe(3);
      expect(await count(payments)).toBe(3);
    } finally {
      other.database.close();
    }
  });

  it('refuses a priced hold whose fee changed between its snapshot and its write (after the provider): 409 price_changed, nothing stored', async () => {
    await connectDemo(t.app);
    await setService(t.database, t.intro.id, { durations: [{ minutes: 30, price: 4900 }] });
    spy.meanwhile = async (n) => {
      // An operator sets the platform's fee while the provider creates the intent at the old one.
      if (n === 1) await t.database.batch([t.database.db.insert(platformSettings).values({ key: 'platformFeeBps', value: 1750, updatedAt: t.now() })]);
    };
    const res = await book('2026-11-23T09:00:00Z');
    expect(res.body).toMatchObject({ status: 409, code: 'price_changed' });
    expect([await count(bookings), await count(payments)]).toEqual([0, 0]);
  });

  it('refuses a priced hold when the specialist stopped being verified between its snapshot and its write: nothing stored', async () => {
    await connectDemo(t.app);
    await setService(t.database, t.intro.id, { durations: [{ minutes: 30, price: 4900 }] });
    spy.meanwhile = async (n) => {
      if (n === 1) await t.database.batch([t.database.db.update(accounts).set({ emailVerifiedAt: null }).where(eq(accounts.specialistId, t.intro.specialistId))]);
    };
    const res = await book('2026-11-23T09:00:00Z');
    expect(res.body).toMatchObject({ status: 409, code: 'specialist_unverified' });
    expect([await count(bookings), await count(payments)]).toEqual([0, 0]);
  });

  it(`gives up after ${MAX_ATTEMPTS} refused tries with 503 write_contention and writes nothing`, async () => {
    spy.meanwhile = touchHours;
    const created = await book('2026-11-23T10:00:00Z');
    expect(created.body).toMatchObject({ status: 503, code: 'write_contention' });
    expect(created.body.detail).toContain('nothing was booked');
    expect(spy.count).toBe(MAX_ATTEMPTS);
    expect([await count(bookings), await count(bookingEvents), await count(outbox)]).toEqual([0, 0, 0]);
    // Once the calendar is quiet again the same request books.
    spy.meanwhile = async () => {};
    expect((await book('2026-11-23T10:00:00Z')).status).toBe(201);
  });
});
