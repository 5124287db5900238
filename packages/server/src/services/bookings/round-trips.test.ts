import { afterEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { forget } from './warm.js';
import { bookings } from '../../db/schema.js';
import { connectDemo, setService } from '../../testing/fixtures.js';
import { packagesTestApp } from '../../testing/packages-app.js';
import { countingClient, type DatabaseCall } from '../../testing/counting-client.js';

let t: TestApp | undefined;
afterEach(() => t?.close());

describe('what a booking costs the database', () => {
  it('reads everything it checks in ONE read batch, then writes in ONE batch: two round trips to a remote database', async () => {
    const calls: DatabaseCall[] = [];
    t = await testApp({ createClient: countingClient(calls) });
    const slots = await t.json(`/v1/specialists/demo/slots?service=${t.intro.id}&from=2026-11-23&to=2026-11-23&timezone=UTC`);
    const start = slots.body.days[0].slots[0].start as string;
    // As a process that has not read this calendar (another isolate answered the slots).
    forget(t.database, 'demo', t.intro.id);
    calls.length = 0;
    const res = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start, customer: { name: 'Ada', email: 'ada@example.com', timeZone: 'UTC' } } });
    expect(res.status).toBe(201);
    const write = calls.findIndex((c) => c.kind === 'batch' && c.sql.includes('insert into "bookings"'));
    expect(write).toBeGreaterThan(-1);
    const before = calls.slice(0, write);
    // The specialist (with the availability version), the service, rules, feeds and bookings around the start, in one.
    expect(before.map((c) => `${c.kind}:${c.mode}`)).toEqual(['batch:deferred']);
    expect(before[0]!.sql).toContain('from "specialists"');
    expect(before[0]!.sql).toContain('from "weekly_hours"');
    expect(calls[write]!.mode).toBe('write');
  });

  it('makes the first booking after this process answered the slots (uncached) in ONE round trip: the rules read for the slots serve it', async () => {
    const calls: DatabaseCall[] = [];
    t = await testApp({ createClient: countingClient(calls) });
    const slots = await t.json(`/v1/specialists/demo/slots?service=${t.intro.id}&from=2026-11-23&to=2026-11-23&timezone=UTC`);
    const start = slots.body.days[0].slots.at(-1).start as string;
    calls.length = 0;
    const res = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start, customer: { name: 'Ada', email: 'ada@example.com', timeZone: 'UTC' } } });
    expect(res.status).toBe(201);
    const write = calls.findIndex((c) => c.kind === 'batch' && c.sql.includes('insert into "bookings"'));
    expect(calls.slice(0, write + 1).map((c) => `${c.kind}:${c.mode}`)).toEqual(['batch:write']);
    expect(calls[write]!.sql).toContain('"rules_version"');
  });

  it('books a service with day and week caps in ONE round trip too: the database counts them in the guard', async () => {
    const calls: DatabaseCall[] = [];
    t = await testApp({ createClient: countingClient(calls) });
    expect((await t.json(`/v1/me/services/${t.intro.id}`, { method: 'PATCH', body: { maxPerDay: 3, maxPerWeek: 10 }, headers: { authorization: `Bearer ${t.apiKey}` } })).status).toBe(200);
    await t.app.deliveries.idle(); // the edit's own notices, not the booking's cost
    const slots = await t.json(`/v1/specialists/demo/slots?service=${t.intro.id}&from=2026-11-23&to=2026-11-23&timezone=UTC`);
    calls.length = 0;
    const res = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start: slots.body.days[0].slots[0].start, customer: { name: 'Ada', email: 'ada@example.com', timeZone: 'UTC' } } });
    expect(res.status).toBe(201);
    const write = calls.findIndex((c) => c.kind === 'batch' && c.sql.includes('insert into "bookings"'));
    expect(calls.slice(0, write + 1).map((c) => `${c.kind}:${c.mode}`)).toEqual(['batch:write']);
    expect(calls[write]!.sql.match(/select count\(\*\) from "bookings"/g)).toHaveLength(2);
  });

  it('makes a later free booking of the same service in ONE round trip: the guarded write batch, no read', async () => {
    const calls: DatabaseCall[] = [];
    t = await testApp({ createClient: countingClient(calls) });
    const slots = await t.json(`/v1/specialists/demo/slots?service=${t.intro.id}&from=2026-11-23&to=2026-11-23&timezone=UTC`);
    const starts = (slots.body.days[0].slots as { start: string }[]).map((s) => s.start);
    const book = (start: string, email: string) =>
      t!.json('/v1/bookings', { body: { specialist: 'demo', service: t!.intro.id, start, customer: { name: 'Ada', email, timeZone: 'UTC' } } });
    expect((await book(starts[0]!, 'ada@example.com')).status).toBe(201);
    await t.app.deliveries.idle(); // the first booking's notifications, not this one's cost
    calls.length = 0;
    const res = await book(starts.at(-1)!, 'bob@example.com');
    expect(res.status).toBe(201);
    expect(res.body.booking.start).toBe(starts.at(-1));
    const write = calls.findIndex((c) => c.kind === 'batch' && c.sql.includes('insert into "bookings"'));
    expect(calls.slice(0, write + 1).map((c) => `${c.kind}:${c.mode}`)).toEqual(['batch:write']);
    // Guarded on the rules this process read before and on the time being free, checked by the database.
    expect(calls[write]!.sql).toContain('"rules_version"');
    expect(calls[write]!.sql).toContain('not exists');
  });
});

describe('what a priced booking costs the database', () => {
  /** The demo connected, its intro priced; the calls counted from a cold start of this process. */
  const priced = async (calls: DatabaseCall[]) => {
    t = await testApp({ createClient: countingClient(calls) });
    await connectDemo(t.app);
    await setService(t.database, t.intro.id, { durations: [{ minutes: 30, price: 4900 }] });
    const slots = await t.json(`/v1/specialists/demo/slots?service=${t.intro.id}&from=2026-11-23&to=2026-11-23&timezone=UTC`);
    forget(t.database, 'demo', t.intro.id); // as an isolate that did not answer the slots
    await t.app.deliveries.idle();
    calls.length = 0;
    return (slots.body.days[0].slots as { start: string }[]).map((s) => s.start);
  };
  const hold = (start: string, email = 'ada@example.com') =>
    t!.json('/v1/bookings', { body: { specialist: 'demo', service: t!.intro.id, start, customer: { name: 'Ada', email, timeZone: 'UTC' } } });
  const booking = (c: DatabaseCall) => c.sql.includes('insert into "bookings"') || c.sql.includes('from "weekly_hours"');

  it('reads ONE snapshot that carries the money facts, asks the provider, then writes ONE batch: no second read after the provider', async () => {
    const calls: DatabaseCall[] = [];
    const [start] = await priced(calls);
    const res = await hold(start!);
    expect(res.status).toBe(201);
    expect(res.body.booking.status).toBe('held');
    expect(res.body.paymentSession.amount).toBe(4900);
    // Calls of the booking (the offline provider keeps its own rows in this database: those are Stripe's).
    const mine = calls.filter(booking);
    expect(mine.map((c) => `${c.kind}:${c.mode}`)).toEqual(['batch:deferred', 'batch:write']);
    // The snapshot read whether the specialist may take money, the fee and the asker's holds with the calendar…
    expect(mine[0]!.sql).toContain('from "accounts"');
    expect(mine[0]!.sql).toContain('from "platform_settings"');
    // …and the write is guarded on the rules read, room counted by the database, and those facts unchanged.
    expect(mine[1]!.sql).toContain('"rules_version"');
    expect(mine[1]!.sql).toContain('not exists');
    expect(mine[1]!.sql).toContain('"platform_settings"."updated_at"');
    expect(mine[1]!.sql).toContain('insert into "payments"');
  });

  it('carries a promo code, its uses and the customer\'s earlier bookings in the same snapshot: still ONE read and ONE write', async () => {
    const calls: DatabaseCall[] = [];
    const [start] = await priced(calls);
    const code = await t!.json('/v1/me/promo-codes', { body: { code: 'HALF', kind: 'percent', value: 50, maxRedemptions: 5, firstBookingOnly: true }, headers: { authorization: `Bearer ${t!.apiKey}` } });
    expect(code.status).toBe(201);
    await t!.app.deliveries.idle();
    calls.length = 0;
    const res = await t!.json('/v1/bookings', { body: { specialist: 'demo', service: t!.intro.id, start, promoCode: 'half', customer: { name: 'Ada', email: 'ada@example.com', timeZone: 'UTC' } } });
    expect(res.status).toBe(201);
    expect(res.body.paymentSession.amount).toBe(2450);
    const mine = calls.filter(booking);
    expect(mine.map((c) => `${c.kind}:${c.mode}`)).toEqual(['batch:deferred', 'batch:write']);
    expect(mine[0]!.sql).toContain('from "promo_codes"');
    expect(mine[1]!.sql).toContain('insert into "promo_redemptions"');
  });

  it('still refuses the fourth hold of one visitor with nothing stored, though the write after the provider reads nothing', async () => {
    const calls: DatabaseCall[] = [];
    const starts = await priced(calls);
    for (const start of starts.slice(0, 3)) expect((await hold(start)).status).toBe(201);
    const fourth = await hold(starts[3]!);
    expect(fourth.status).toBe(429);
    expect(fourth.body.code).toBe('too_many_holds');
    const held = await t!.database.db.select({ id: bookings.id }).from(bookings);
    expect(held).toHaveLength(3);
  });
});

describe('what a booking paid with a package credit costs the database', () => {
  it('reads the credits token\'s purchase and ledger in the ONE snapshot batch, then writes the booking and the debit in ONE batch', async () => {
    const calls: DatabaseCall[] = [];
    const p = await packagesTestApp({ createClient: countingClient(calls) });
    t = p;
    const pkg = await p.createPackage();
    const { creditsToken, purchase } = await p.buyAndPay(pkg.id);
    await p.app.deliveries.idle();
    calls.length = 0;
    const res = await p.bookWithCredit('2026-11-23T10:00:00Z', creditsToken);
    expect(res.status).toBe(201);
    expect(res.body.booking.status).toBe('confirmed');
    const write = calls.findIndex((c) => c.kind === 'batch' && c.sql.includes('insert into "bookings"'));
    expect(calls.slice(0, write + 1).map((c) => `${c.kind}:${c.mode}`)).toEqual(['batch:deferred', 'batch:write']);
    expect(calls[0]!.sql).toContain('from "credit_ledger"');
    expect(calls[write]!.sql).toContain('insert into "credit_ledger"');
    // One credit of three spent.
    const debits = (await p.ledger(purchase.id)).filter((e) => e.kind === 'debit');
    expect(debits).toHaveLength(1);
  });
});
