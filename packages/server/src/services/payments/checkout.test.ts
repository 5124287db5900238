import { count, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookingEvents, bookings, outbox, payments, refunds, specialists, webhookEvents } from '../../db/schema.js';
import { ServiceError } from '../errors.js';
import { chargeFor, payThen } from './checkout.js';
import { paymentsTestApp, type PaymentsTestApp } from '../../testing/payments-app.js';

let t: PaymentsTestApp;
beforeEach(async () => {
  t = await paymentsTestApp();
});
afterEach(async () => {
  await t.closeAll();
});

const manage = (token: string) => ({ authorization: `Bearer ${token}` });

describe('checkout', () => {
  it('holds a paid booking and opens a destination-charge PaymentIntent with the fee, the ids and an idempotency key', async () => {
    const { booking, paymentSession, intentId } = await t.bookPaid('2026-11-23T09:00:00Z');
    expect(booking).toMatchObject({ status: 'held', price: 9000, payment: { status: 'requires_payment', amount: 9000 } });
    expect(paymentSession).toMatchObject({ amount: 9000, currency: 'EUR', mode: 'stripe', publishableKey: t.fake.publishableKey, holdExpiresAt: booking.holdExpiresAt });
    const created = t.fake.requests.find((r) => r.method === 'POST' && r.path === '/v1/payment_intents')!;
    expect(created.idempotencyKey).toBe(`booking-${booking.id}-payment`);
    expect(created.body).toMatchObject({
      amount: '9000',
      currency: 'eur',
      application_fee_amount: '1800', // 20 % by default
      transfer_data: { destination: t.accountId },
      receipt_email: 'grace@example.com',
      metadata: { booking_id: booking.id, payment_id: paymentSession.id },
    });
    expect(intentId).toMatch(/^pi_/);
    const row = await t.paymentRow(booking.id);
    expect(row).toMatchObject({ feeAmount: 1800, specialistShare: 7200, feeBps: 2000, providerPaymentId: intentId });
  });

  it('confirms only when Stripe says so: the signed webhook of a succeeded payment', async () => {
    const { booking, intentId } = await t.bookPaid('2026-11-23T09:00:00Z');
    t.fake.succeed(intentId);
    await t.fake.settled();
    const row = await t.bookingRow(booking.id);
    expect(row.status).toBe('confirmed');
    expect((await t.paymentRow(booking.id)).status).toBe('succeeded');
  });

  it('lets the browser ask the server to read the payment sooner, but the browser’s word alone confirms nothing', async () => {
    const { booking, manageToken, intentId } = await t.bookPaid('2026-11-23T10:00:00Z');
    const early = await t.json(`/v1/bookings/${booking.id}/payment/sync`, { body: {}, headers: manage(manageToken) });
    expect(early.body.status).toBe('held'); // not paid at Stripe yet
    t.fake.succeed(intentId, { emit: false }); // paid, webhook not yet delivered
    const synced = await t.json(`/v1/bookings/${booking.id}/payment/sync`, { body: {}, headers: manage(manageToken) });
    expect(synced.body).toMatchObject({ status: 'confirmed', payment: { status: 'succeeded' } });
  });

  it('keeps the hold after a declined card, and confirms when a second card succeeds', async () => {
    const { booking, intentId } = await t.bookPaid('2026-11-23T11:00:00Z');
    t.fake.fail(intentId);
    await t.fake.settled();
    expect((await t.bookingRow(booking.id)).status).toBe('held');
    expect(await t.paymentRow(booking.id)).toMatchObject({ status: 'failed', lastError: 'card_declined' });
    t.fake.succeed(intentId);
    await t.fake.settled();
    expect((await t.bookingRow(booking.id)).status).toBe('confirmed');
  });

  it('stores nothing when Stripe fails to start the payment, says so, and the time stays open', async () => {
    const start = '2026-11-23T14:00:00Z';
    t.fake.failNext({ method: 'POST', path: /^\/v1\/payment_intents$/, status: 500 });
    const failed = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.session.id, start, customer: t.customer } });
    expect(failed.body).toMatchObject({ status: 502, code: 'payment_provider_error' });
    expect(failed.body.detail).toMatch(/nothing was booked/);
    for (const table of [bookings, payments, bookingEvents, outbox]) {
      expect((await t.database.db.select({ n: count() }).from(table))[0]!.n).toBe(0);
    }
    const slots = await t.json(`/v1/specialists/demo/slots?service=${t.session.id}&from=2026-11-23&to=2026-11-23`);
    expect(slots.body.days[0].slots.map((s: { start: string }) => s.start)).toContain(start);
    expect((await t.bookPaid(start)).booking.status).toBe('held'); // trying again works
  });

  it('refuses a taken time before asking Stripe for anything', async () => {
    const start = '2026-11-23T15:00:00Z';
    const first = await t.bookPaid(start);
    const second = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.session.id, start, customer: { ...t.customer, email: 'other@example.com' } } });
    expect(second.body.code).toBe('slot_unavailable');
    // Refused before Stripe was asked: only the first booking's intent exists.
    expect(t.fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/payment_intents')).toHaveLength(1);
    expect((await t.bookingRow(first.booking.id)).status).toBe('held');
  });

  it('cancels the intent it opened when the write is refused after it (the time taken meanwhile)', async () => {
    const [demo] = await t.database.db.select().from(specialists).where(eq(specialists.handle, 'demo'));
    const charge = await chargeFor(t.database.db, demo!, 9000, 'EUR', 'ada@example.com');
    const request = { key: 'booking-bk_race', paymentId: 'pay_race', specialistId: demo!.id, description: 'race', metadata: { booking_id: 'bk_race' } };
    const refused = payThen(t.app.deps, charge, request, async () => {
      throw new ServiceError('slot_unavailable', 'Someone else has just booked this time.');
    });
    await expect(refused).rejects.toMatchObject({ code: 'slot_unavailable' });
    const intents = [...t.fake.simulator.state.paymentIntents.values()].filter((pi) => pi.metadata.booking_id === 'bk_race');
    expect(intents.map((pi) => [pi.status, pi.cancellation_reason])).toEqual([['canceled', 'abandoned']]);
    expect((await t.database.db.select({ n: count() }).from(payments))[0]!.n).toBe(0);
  });

  it('refuses paid bookings and priced services without a connected account', async () => {
    const { specialists } = await import('../../db/schema.js');
    await t.database.write((tx) => tx.update(specialists).set({ stripeChargesEnabled: false }).where(eq(specialists.handle, 'demo')));
    const res = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.session.id, start: '2026-11-23T12:00:00Z', customer: t.customer } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('stripe_account_required');
    const priced = await t.json(`/v1/me/services/${t.intro.id}`, { method: 'PATCH', body: { durations: [{ minutes: 30, price: 100 }] }, headers: t.asMe });
    expect(priced.status).toBe(409);
    expect(priced.body.code).toBe('stripe_account_required');
  });
});

describe('webhooks', () => {
  it('handles each event once, whatever order and however often it arrives', async () => {
    const { booking, intentId } = await t.bookPaid('2026-11-24T09:00:00Z');
    t.fake.hold();
    t.fake.fail(intentId); // an earlier declined attempt…
    t.fake.succeed(intentId); // …then success: delivered in reverse
    await t.fake.release({ reverse: true });
    await t.fake.settled();
    expect((await t.bookingRow(booking.id)).status).toBe('confirmed');
    expect((await t.paymentRow(booking.id)).status).toBe('succeeded');
    const succeeded = t.fake.events().find((e) => e.type === 'payment_intent.succeeded')!;
    const again = await t.fake.deliver(succeeded.id);
    expect(again.status).toBe(200);
    const processed = await t.database.db.select({ n: count() }).from(webhookEvents);
    expect(processed[0]!.n).toBe(t.fake.events().filter((e) => ['payment_intent.succeeded', 'payment_intent.payment_failed', 'account.updated'].includes(e.type)).length);
  });

  it('answers a tampered or stale signature with 400 and changes nothing', async () => {
    const { booking, intentId } = await t.bookPaid('2026-11-24T10:00:00Z');
    t.fake.succeed(intentId, { emit: false });
    const event = t.fake.events().find((e) => e.type === 'payment_intent.succeeded')!;
    const signed = await t.fake.signedEvent('payment_intent.succeeded', event.data.object);
    const post = (body: string, header: string) =>
      t.app.request('/v1/webhooks/stripe', { method: 'POST', body, headers: { 'content-type': 'application/json', 'stripe-signature': header } });
    const tampered = await post(signed.payload.replace('"succeeded"', '"canceled"'), signed.header);
    expect(tampered.status).toBe(400);
    expect((await tampered.json()).code).toBe('invalid_signature');
    const stale = await t.fake.signedEvent('payment_intent.succeeded', event.data.object, { timestamp: Math.floor(t.now() / 1000) - 301 });
    expect((await post(stale.payload, stale.header)).status).toBe(400);
    const wrongSecret = await t.fake.signedEvent('payment_intent.succeeded', event.data.object, { secret: 'whsec_other' });
    expect((await post(wrongSecret.payload, wrongSecret.header)).status).toBe(400);
    expect((await post(signed.payload, '')).status).toBe(400);
    expect((await t.bookingRow(booking.id)).status).toBe('held');
    expect((await t.database.db.select({ n: count() }).from(webhookEvents))[0]!.n).toBe(1); // only account.updated from onboarding
  });
});

describe('holds and late payments', () => {
  it('cancels the PaymentIntent at Stripe when the hold expires, and frees the time', async () => {
    const { booking, intentId } = await t.bookPaid('2026-11-25T09:00:00Z');
    t.setNow(t.now() + 16 * 60_000);
    const ticked = await t.app.tick();
    expect(ticked).toMatchObject({ expiredHolds: 1, cancelledIntents: 1 });
    expect(t.fake.requests.some((r) => r.method === 'POST' && r.path === `/v1/payment_intents/${intentId}/cancel`)).toBe(true);
    expect((await t.paymentRow(booking.id)).status).toBe('canceled');
    const other = await t.bookPaid('2026-11-25T09:00:00Z', { ...t.customer, email: 'next@example.com' });
    expect(other.booking.status).toBe('held');
  });

  it('confirms a payment that succeeds after the hold lapsed when the time is still free', async () => {
    const { booking, intentId } = await t.bookPaid('2026-11-25T10:00:00Z');
    t.setNow(t.now() + 20 * 60_000); // lapsed, but nobody took the time and no tick ran
    t.fake.succeed(intentId);
    await t.fake.settled();
    expect((await t.bookingRow(booking.id)).status).toBe('confirmed');
  });

  it('refunds in full, automatically, a payment that succeeds after its time was taken, and tells the customer', async () => {
    const first = await t.bookPaid('2026-11-25T11:00:00Z');
    t.setNow(t.now() + 20 * 60_000);
    const second = await t.bookPaid('2026-11-25T11:00:00Z', { ...t.customer, email: 'faster@example.com' });
    t.fake.succeed(second.intentId);
    t.fake.succeed(first.intentId); // the first customer's payment lands late
    await t.fake.settled();
    expect((await t.bookingRow(second.booking.id)).status).toBe('confirmed');
    expect((await t.bookingRow(first.booking.id)).status).toBe('expired');
    const refund = t.fake.requests.find((r) => r.method === 'POST' && r.path === '/v1/refunds')!;
    expect(refund.body).toMatchObject({ payment_intent: first.intentId, amount: '9000', reverse_transfer: 'true', refund_application_fee: 'true' });
    expect(refund.idempotencyKey).toMatch(/^refund-rf_/);
    expect(await t.paymentRow(first.booking.id)).toMatchObject({ amountRefunded: 9000, feeRefunded: 1800 });
    // The customer is told through the outbox: the refund is an event of its own, after the expiry.
    const rows = await t.database.db.select().from(outbox).where(eq(outbox.bookingId, first.booking.id)).orderBy(sql`rowid`);
    expect(rows.map((r) => r.topic)).toEqual(['booking.held', 'booking.expired', 'booking.refunded']);
    expect(rows[2]!.payload).toMatchObject({
      event: { action: 'refund', actor: 'system', data: { amount: 9000, currency: 'EUR', cause: 'late_payment' } },
      booking: { id: first.booking.id, status: 'expired', customer: { email: 'grace@example.com' } },
    });
  });
});

describe('refunds by policy', () => {
  const paidAndConfirmed = async (start: string) => {
    const booked = await t.bookPaid(start);
    t.fake.succeed(booked.intentId);
    await t.fake.settled();
    return booked;
  };
  const refundRequests = () => t.fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/refunds');

  it('refunds in full before the deadline, half after it, nothing after the second — shown before confirming', async () => {
    // Policy defaults: full until 48 h before, 50 % until 24 h before; cancellation until 24 h before.
    const cases: [string, number, number][] = [
      ['2026-11-27T09:00:00Z', 48, 9000], // exactly 48 h before: full
      ['2026-11-27T10:00:00Z', 47, 4500], // inside 48 h: half
      ['2026-11-27T11:00:00Z', 24, 4500], // exactly 24 h before: still half
    ];
    for (const [start, hoursBefore, expected] of cases) {
      t.setNow(Date.parse('2026-11-20T12:00:00Z'));
      const { booking, manageToken } = await paidAndConfirmed(start);
      t.setNow(Date.parse(start) - hoursBefore * 3_600_000);
      const quote = await t.json(`/v1/bookings/${booking.id}/cancellation`, { headers: manage(manageToken) });
      expect(quote.body.refund.amount).toBe(expected);
      const cancelled = await t.json(`/v1/bookings/${booking.id}/cancel`, { body: {}, headers: manage(manageToken) });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.payment.amountRefunded).toBe(expected);
      expect(refundRequests().at(-1)!.body.amount).toBe(String(expected));
    }
    // After the cancellation deadline a customer cannot cancel at all; the specialist can, in full.
    t.setNow(Date.parse('2026-11-20T12:00:00Z'));
    const late = await paidAndConfirmed('2026-11-27T12:00:00Z');
    t.setNow(Date.parse('2026-11-27T12:00:00Z') - 23 * 3_600_000);
    expect((await t.json(`/v1/bookings/${late.booking.id}/cancel`, { body: {}, headers: manage(late.manageToken) })).status).toBe(409);
    const bySpecialist = await t.json(`/v1/me/bookings/${late.booking.id}/cancel`, { body: {}, headers: t.asMe });
    expect(bySpecialist.body.payment.amountRefunded).toBe(9000);
  });

  it('applies refunds from Stripe’s current state: an older event arriving late cannot roll one back', async () => {
    const { booking, manageToken } = await paidAndConfirmed('2026-11-30T10:00:00Z');
    await t.json(`/v1/bookings/${booking.id}/cancel`, { body: {}, headers: manage(manageToken) });
    await t.fake.settled();
    const [issued] = await t.database.db.select().from(refunds);
    expect(issued).toMatchObject({ status: 'succeeded', amount: 9000 });
    const refund = t.fake.simulator.state.refunds.get(issued!.providerRefundId!)!;
    const charge = t.fake.simulator.state.charges.get(refund.charge)!;
    // Events written when the refund was still on its way, delivered only now.
    t.fake.emit('refund.updated', { ...refund, status: 'pending' });
    t.fake.emit('charge.refunded', { ...charge, amount_refunded: 0, refunded: false });
    await t.fake.settled();
    expect(t.fake.deliveries().slice(-2).map((d) => d.status)).toEqual([200, 200]);
    expect((await t.database.db.select().from(refunds))[0]).toMatchObject({ status: 'succeeded' });
    expect(await t.paymentRow(booking.id)).toMatchObject({ amountRefunded: 9000, feeRefunded: 1800 });
  });

  it('retries a refund the provider failed, and never drops it', async () => {
    const { booking, manageToken } = await paidAndConfirmed('2026-11-30T09:00:00Z');
    t.fake.failNextRefund();
    const cancelled = await t.json(`/v1/bookings/${booking.id}/cancel`, { body: {}, headers: manage(manageToken) });
    expect(cancelled.body.payment.refunds).toEqual([expect.objectContaining({ amount: 9000, status: 'pending' })]);
    const [pending] = await t.database.db.select().from(refunds);
    expect(pending).toMatchObject({ attempts: 1, status: 'pending' });
    expect(pending!.lastError).toBeTruthy();
    t.setNow(t.now() + 61_000);
    expect((await t.app.tick()).issuedRefunds).toBe(1);
    expect(await t.paymentRow(booking.id)).toMatchObject({ amountRefunded: 9000 });
    const keys = refundRequests().map((r) => r.idempotencyKey);
    expect(new Set(keys).size).toBe(1); // the retry reused the refund's key: at most one refund at Stripe
  });
});

describe('fees and earnings', () => {
  it('rounds the platform fee half-up in minor units at the operator’s basis points', async () => {
    const { platformSettings } = await import('../../db/schema.js');
    await t.database.write((tx) => tx.insert(platformSettings).values({ key: 'platformFeeBps', value: 1750, updatedAt: t.now() }));
    await t.json(`/v1/me/services/${t.session.id}`, { method: 'PATCH', body: { durations: [{ minutes: 60, price: 999 }] }, headers: t.asMe });
    const { booking } = await t.bookPaid('2026-12-01T09:00:00Z');
    expect(await t.paymentRow(booking.id)).toMatchObject({ amount: 999, feeAmount: 175, specialistShare: 824 }); // 174.825 → 175
  });

  it('reports gross, fees, refunds and net by month', async () => {
    const a = await t.bookPaid('2026-12-01T10:00:00Z');
    const b = await t.bookPaid('2026-12-01T11:00:00Z', { ...t.customer, email: 'b@example.com' });
    t.fake.succeed(a.intentId);
    t.fake.succeed(b.intentId);
    await t.fake.settled();
    await t.json(`/v1/me/bookings/${b.booking.id}/cancel`, { body: {}, headers: t.asMe }); // full refund, fee given back
    const res = await t.json('/v1/me/earnings', { headers: t.asMe });
    expect(res.body.data).toEqual([{ month: '2026-11', currency: 'EUR', gross: 18000, fees: 1800, refunds: 9000, net: 7200, payments: 2 }]);
    const list = await t.json('/v1/me/payments?limit=1', { headers: t.asMe });
    expect(list.body).toMatchObject({ hasMore: true, data: [{ fee: 1800, specialistShare: 7200 }] });
    expect((await t.database.db.select({ n: count() }).from(payments))[0]!.n).toBe(2);
  });
});
