import { count, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookings, outbox, payments, promoRedemptions } from '../../db/schema.js';
import { spyOnBatches } from '../../testing/batch-spy.js';
import { paymentsTestApp, type PaymentsTestApp } from '../../testing/payments-app.js';

let t: PaymentsTestApp;
beforeEach(async () => {
  t = await paymentsTestApp(); // the demo's 60-minute session costs €90.00
});
afterEach(async () => {
  await t.closeAll();
});

const createCode = async (body: Record<string, unknown>) => {
  const res = await t.json('/v1/me/promo-codes', { body, headers: t.asMe });
  expect(res.status).toBe(201);
  return res.body;
};
const book = (start: string, promoCode: string | undefined, who = t.customer) =>
  t.json('/v1/bookings', { body: { specialist: 'demo', service: t.session.id, start, customer: who, ...(promoCode ? { promoCode } : {}) } });
const stored = async () => {
  const db = t.database.db;
  const n = async (table: typeof bookings | typeof payments | typeof promoRedemptions) => (await db.select({ n: count() }).from(table))[0]!.n;
  return { bookings: await n(bookings), payments: await n(payments), redemptions: await n(promoRedemptions) };
};
const intents = () => t.fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/payment_intents');

describe('booking with a promo code', () => {
  it('charges the price after the code: the fee and the Stripe amount follow from it', async () => {
    await createCode({ code: 'SPRING25', kind: 'percent', value: 25 });
    const res = await book('2026-11-23T09:00:00Z', 'spring25');
    expect(res.status).toBe(201);
    expect(res.body.booking).toMatchObject({ status: 'held', price: 6750, promo: { code: 'SPRING25', amountOff: 2250 }, payment: { amount: 6750 } });
    expect(res.body.paymentSession.amount).toBe(6750);
    expect(intents().at(-1)!.body).toMatchObject({ amount: '6750', application_fee_amount: '1350' }); // 20 % of 67.50
    const booking = await t.bookingRow(res.body.booking.id);
    expect(booking).toMatchObject({ price: 6750, promoCode: 'SPRING25', promoAmountOff: 2250 });
    expect(await t.paymentRow(booking.id)).toMatchObject({ amount: 6750, feeAmount: 1350, specialistShare: 5400 });
    // The event and the webhook's booking carry the code.
    const [row] = await t.database.db.select().from(outbox).where(eq(outbox.bookingId, booking.id)).orderBy(sql`rowid`);
    expect(row!.payload).toMatchObject({ event: { data: { promo: { code: 'SPRING25', amountOff: 2250 } } }, booking: { price: 6750, promo: { code: 'SPRING25', amountOff: 2250 } } });
  });

  it('books a session the code makes free at once, with no payment step', async () => {
    await createCode({ code: 'FREEBIE', kind: 'percent', value: 100 });
    const res = await book('2026-11-23T09:00:00Z', 'FREEBIE');
    expect(res.status).toBe(201);
    expect(res.body.booking).toMatchObject({ status: 'confirmed', price: 0, payment: null, promo: { code: 'FREEBIE', amountOff: 9000 } });
    expect(res.body.paymentSession).toBeNull();
    expect(intents()).toHaveLength(0);
    expect(await stored()).toEqual({ bookings: 1, payments: 0, redemptions: 1 });
  });

  it('spends no use of a code typed on a free session: a single-use code stays for the paid one', async () => {
    await createCode({ code: 'ONCE', kind: 'percent', value: 10, maxRedemptions: 1 });
    const free = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start: '2026-11-23T10:00:00Z', customer: t.customer, promoCode: 'ONCE' } });
    expect(free.status).toBe(201);
    expect(free.body.booking.promo).toBeUndefined();
    expect((await stored()).redemptions).toBe(0);
    const paid = await book('2026-11-24T09:00:00Z', 'ONCE');
    expect(paid.body.booking).toMatchObject({ price: 8100, promo: { code: 'ONCE', amountOff: 900 } });
  });

  it('never charges less than Stripe’s minimum unless the code makes it free', async () => {
    await createCode({ code: 'ALMOST', kind: 'amount', value: 8990 });
    const res = await book('2026-11-23T09:00:00Z', 'ALMOST');
    expect(res.body.booking).toMatchObject({ status: 'held', price: 50, promo: { amountOff: 8950 } });
    expect(intents().at(-1)!.body.amount).toBe('50');
  });

  it('refunds what was paid, not the price before the code', async () => {
    await createCode({ code: 'HALF', kind: 'percent', value: 50 });
    const res = await book('2026-11-30T09:00:00Z', 'HALF');
    const intentId = String(res.body.paymentSession.clientSecret).split('_secret_')[0]!;
    t.fake.succeed(intentId);
    await t.fake.settled();
    const cancelled = await t.json(`/v1/me/bookings/${res.body.booking.id}/cancel`, { body: {}, headers: t.asMe });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.payment.amountRefunded).toBe(4500);
    expect(t.fake.requests.filter((r) => r.path === '/v1/refunds').at(-1)!.body.amount).toBe('4500');
  });

  it.each([
    ['an unknown code', {}, 'NOPE', 'promo_code_unknown'],
    ['an inactive code', { deactivate: true }, 'CODE', 'promo_code_unknown'],
    ['an expired code', { endedAt: '2026-11-20T11:00:00Z' }, 'CODE', 'promo_code_expired'],
    ['a code for another service', { serviceIds: ['intro'] }, 'CODE', 'promo_code_not_for_service'],
    ['a code in another currency', { kind: 'amount', value: 1000, currency: 'USD' }, 'CODE', 'promo_code_not_for_service'],
  ] as const)('refuses %s with a 422 naming the field, storing nothing and asking Stripe nothing', async (_, extra, typed, code) => {
    const { deactivate, serviceIds, endedAt, ...rest } = extra as Record<string, unknown>;
    const created = await createCode({ code: 'CODE', kind: 'percent', value: 10, ...rest, ...(serviceIds ? { serviceIds: [t.intro.id] } : {}) });
    if (deactivate) await t.json(`/v1/me/promo-codes/${created.id}`, { method: 'DELETE', headers: t.asMe });
    // A code is created with an end still ahead; it ends later (here by moving its end into the past).
    if (endedAt) expect((await t.json(`/v1/me/promo-codes/${created.id}`, { method: 'PATCH', body: { validUntil: endedAt }, headers: t.asMe })).status).toBe(200);
    const res = await book('2026-11-23T09:00:00Z', typed);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code, errors: [{ field: 'body.promoCode' }] });
    expect(await stored()).toEqual({ bookings: 0, payments: 0, redemptions: 0 });
    expect(intents()).toHaveLength(0);
  });

  it('holds the total and per-customer limits and first-booking-only; an expired hold gives its use back', async () => {
    await createCode({ code: 'ONCE', kind: 'percent', value: 10, maxPerCustomer: 1 });
    await createCode({ code: 'TWICE', kind: 'percent', value: 10, maxRedemptions: 1 });
    await createCode({ code: 'NEWBIE', kind: 'percent', value: 10, firstBookingOnly: true });
    const ada = { ...t.customer, email: 'ada@example.com' };
    expect((await book('2026-11-23T09:00:00Z', 'ONCE')).status).toBe(201);
    const again = await book('2026-11-23T10:00:00Z', 'ONCE');
    expect(again.body.code).toBe('promo_code_customer_limit');
    expect((await book('2026-11-23T10:00:00Z', 'ONCE', ada)).status).toBe(201);
    expect((await book('2026-11-23T11:00:00Z', 'NEWBIE')).body.code).toBe('promo_code_first_booking');
    expect((await book('2026-11-23T11:00:00Z', 'newbie', { ...t.customer, email: 'new@example.com' })).status).toBe(201);
    const held = await book('2026-11-24T09:00:00Z', 'TWICE', ada);
    expect(held.status).toBe(201);
    expect((await book('2026-11-24T10:00:00Z', 'TWICE')).body.code).toBe('promo_code_exhausted');
    const list = (await t.json('/v1/me/promo-codes', { headers: t.asMe })).body.data;
    expect(Object.fromEntries(list.map((c: { code: string; redemptions: number }) => [c.code, c.redemptions]))).toEqual({ ONCE: 2, TWICE: 1, NEWBIE: 1 });
    // The unpaid hold lapses: its use is given back.
    t.setNow(Date.parse(held.body.booking.holdExpiresAt) + 1);
    expect((await book('2026-11-24T10:00:00Z', 'TWICE')).status).toBe(201);
  });

  it('lets only one of two customers racing for a code’s last use have it', async () => {
    await createCode({ code: 'LAST', kind: 'percent', value: 100, maxRedemptions: 1 });
    const results = await Promise.all([
      book('2026-11-23T09:00:00Z', 'LAST', { ...t.customer, email: 'one@example.com' }),
      book('2026-11-23T11:00:00Z', 'LAST', { ...t.customer, email: 'two@example.com' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
    expect(results.find((r) => r.status === 422)!.body.code).toBe('promo_code_exhausted');
    expect(await stored()).toEqual({ bookings: 1, payments: 0, redemptions: 1 });
  });

  it('counts the use in the booking’s own batch: a use committed after the snapshot refuses it, whatever else the guard holds', async () => {
    // The version guard alone would not see this: a use written without a booking insert (as a
    // guard that only watched times, like the first try without a read, would not either).
    const code = await createCode({ code: 'LASTONE', kind: 'percent', value: 100, maxRedemptions: 1 });
    const other = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start: '2026-11-23T13:00:00Z', customer: { ...t.customer, email: 'other@example.com' } } });
    expect(other.body.booking.status).toBe('confirmed');
    // Only the booking's batch: the one inserting a booking (the dispatcher's batches go out untouched).
    const spy = spyOnBatches(t.database, (queries) => queries.some((q) => (q as { toSQL?: () => { sql: string } }).toSQL?.().sql.startsWith('insert into "bookings"')));
    spy.meanwhile = async (n) => {
      if (n === 1) await t.database.db.insert(promoRedemptions).values({ id: 'red_meanwhile', codeId: code.id, bookingId: other.body.booking.id, customerEmail: 'other@example.com', amountOff: 0, createdAt: t.now() });
    };
    const res = await book('2026-11-23T09:00:00Z', 'LASTONE');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('promo_code_exhausted');
    expect(await stored()).toEqual({ bookings: 1, payments: 0, redemptions: 1 });
  });

  it('refuses a priced booking whose code was stopped while the provider made the intent: the write after it is guarded on the code as read', async () => {
    const code = await createCode({ code: 'STOPME', kind: 'percent', value: 20 });
    const spy = spyOnBatches(t.database, (queries) => queries.some((q) => (q as { toSQL?: () => { sql: string } }).toSQL?.().sql.startsWith('insert into "bookings"')));
    spy.meanwhile = async (n) => {
      // The specialist stops the code between the booking's snapshot and its write.
      if (n === 1) expect((await t.json(`/v1/me/promo-codes/${code.id}`, { method: 'PATCH', body: { active: false }, headers: t.asMe })).status).toBe(200);
    };
    const res = await book('2026-11-23T09:00:00Z', 'STOPME');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('promo_code_unknown');
    expect(await stored()).toEqual({ bookings: 0, payments: 0, redemptions: 0 });
    // The intent made at the discounted price was cancelled at Stripe.
    expect(intents()).toHaveLength(1);
    expect(intents()[0]!.body.amount).toBe('7200');
    expect(t.fake.requests.filter((r) => r.method === 'POST' && /^\/v1\/payment_intents\/[^/]+\/cancel$/.test(r.path))).toHaveLength(1);
  });

  it('gives a first-booking-only code to one of two priced first bookings of one customer made at once (each written after its intent, without a second read)', async () => {
    await createCode({ code: 'FIRST', kind: 'percent', value: 10, firstBookingOnly: true });
    const results = await Promise.all([book('2026-11-23T09:00:00Z', 'FIRST'), book('2026-11-23T11:00:00Z', 'FIRST')]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
    expect(results.find((r) => r.status === 422)!.body.code).toBe('promo_code_first_booking');
    expect(await stored()).toEqual({ bookings: 1, payments: 1, redemptions: 1 });
  });
});
