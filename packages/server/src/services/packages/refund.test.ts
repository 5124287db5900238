import { WebhookEvent } from '@slotwise/sdk/contract';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outbox, refunds } from '../../db/schema.js';
import type { OutboxEvent } from '../delivery/channel.js';
import { webhookEventsOf } from '../webhooks/events.js';
import { auth, signUp } from '../../testing/accounts.js';
import { packagesTestApp, type PackagesTestApp } from '../../testing/packages-app.js';
import { testApp } from '../../testing/test-app.js';
import { seedDemoPayments } from '../../seed.js';

let t: PackagesTestApp;
beforeEach(async () => {
  t = await packagesTestApp();
});
afterEach(async () => {
  await t.closeAll();
});

const refund = (purchaseId: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  t.json(`/v1/me/package-purchases/${purchaseId}/refund`, { body, headers: { ...t.asMe, ...headers } });
const stripeRefunds = () => t.fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/refunds');
const sentEvents = async (purchaseId: string) => {
  const rows = await t.database.db.select().from(outbox).where(eq(outbox.purchaseId, purchaseId));
  return rows.flatMap((row) => webhookEventsOf(row as unknown as OutboxEvent)).map((e) => WebhookEvent.parse(e));
};

describe('refunding a purchase from Slotwise (POST /v1/me/package-purchases/{id}/refund)', () => {
  it('refunds all that was paid through Stripe and takes back the unspent credits; spent ones stay with their booking', async () => {
    const pkg = await t.createPackage();
    const { purchase, creditsToken } = await t.buyAndPay(pkg.id);
    expect((await t.bookWithCredit('2026-11-24T09:00:00Z', creditsToken)).status).toBe(201);

    const res = await refund(purchase.id, { reason: 'requested_by_customer' }, { 'idempotency-key': 'refund-1' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      refund: { amount: 24000, currency: 'EUR', status: 'succeeded' },
      revoked: 2,
      purchase: { id: purchase.id, payment: { amountRefunded: 24000 }, credits: { granted: 3, remaining: 0 } },
    });
    // Stripe saw the call a real integration makes: the PaymentIntent, the amount, the reason, an idempotency key.
    expect(stripeRefunds()).toHaveLength(1);
    expect(stripeRefunds()[0]).toMatchObject({ body: { amount: '24000', reason: 'requested_by_customer', reverse_transfer: 'true' }, idempotencyKey: expect.stringMatching(/^refund-rf_/) });
    expect((await t.ledger(purchase.id)).map((r) => `${r.kind}${r.delta}`)).toEqual(['grant3', 'debit-1', 'revoke-2']);
    const refused = await t.bookWithCredit('2026-11-25T09:00:00Z', creditsToken);
    expect(refused.body.code).toBe('no_credit');

    // Stripe's own webhook about the same refund arrives afterwards: nothing is revoked or told twice.
    await t.fake.settled();
    expect((await t.ledger(purchase.id)).filter((r) => r.kind === 'revoke')).toHaveLength(1);
    const events = await sentEvents(purchase.id);
    expect(events.map((e) => e.type)).toEqual(['package.purchased', 'package.refunded']);
    expect(events[1]).toMatchObject({ data: { purchase: { id: purchase.id }, credits: { revoked: 2 } } });
  });

  it('says a credit spent on a booking does not come back when that booking is cancelled after the package was refunded', async () => {
    const pkg = await t.createPackage();
    const { purchase, creditsToken } = await t.buyAndPay(pkg.id);
    const booked = await t.bookWithCredit('2026-11-24T09:00:00Z', creditsToken);
    expect(booked.status).toBe(201);
    expect((await refund(purchase.id)).body.revoked).toBe(2);
    const { booking, manageToken } = booked.body as { booking: { id: string }; manageToken: string };
    const asCustomer = { authorization: `Bearer ${manageToken}` };
    const quote = await t.json(`/v1/bookings/${booking.id}/cancellation`, { headers: asCustomer });
    expect(quote.body).toMatchObject({ allowed: true, credit: 'revoked' });
    expect((await t.json(`/v1/bookings/${booking.id}/cancel`, { body: {}, headers: asCustomer })).status).toBe(200);
    const detail = await t.json(`/v1/me/bookings/${booking.id}`, { headers: t.asMe });
    expect(detail.body.events.at(-1)).toMatchObject({ type: 'cancelled', data: { credit: 'revoked' } });
    // Nothing went back into the refunded package.
    expect((await t.ledger(purchase.id)).map((r) => r.kind)).toEqual(['grant', 'debit', 'revoke']);
  });

  it('answers a retry with the same Idempotency-Key from the first answer, refunding once', async () => {
    const pkg = await t.createPackage();
    const { purchase } = await t.buyAndPay(pkg.id);
    const first = await refund(purchase.id, { amount: 8000 }, { 'idempotency-key': 'refund-twice' });
    const again = await refund(purchase.id, { amount: 8000 }, { 'idempotency-key': 'refund-twice' });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(stripeRefunds()).toHaveLength(1);
    expect((await t.purchasePayment(purchase.id)).amountRefunded).toBe(8000);
  });

  it('takes the credits back with a partial refund, and a refund of the rest revokes and tells nothing more', async () => {
    const pkg = await t.createPackage();
    const { purchase, creditsToken } = await t.buyAndPay(pkg.id);
    const part = await refund(purchase.id, { amount: 8000 });
    expect(part.body).toMatchObject({ refund: { amount: 8000, status: 'succeeded' }, revoked: 3, purchase: { credits: { remaining: 0 } } });
    expect((await t.credits(creditsToken)).body.total).toBe(0);

    const rest = await refund(purchase.id); // no amount: what is left
    expect(rest.body).toMatchObject({ refund: { amount: 16000 }, revoked: 0, purchase: { payment: { amountRefunded: 24000 } } });
    await t.fake.settled();
    expect((await sentEvents(purchase.id)).map((e) => e.type)).toEqual(['package.purchased', 'package.refunded']);

    const none = await refund(purchase.id);
    expect(none.status).toBe(409);
    expect(none.body.code).toBe('purchase_already_refunded');
    expect(stripeRefunds()).toHaveLength(2);
  });

  it('refuses more than is left with a 422 naming the amount, and stores and sends nothing', async () => {
    const pkg = await t.createPackage();
    const { purchase, creditsToken } = await t.buyAndPay(pkg.id);
    await refund(purchase.id, { amount: 20000 });
    const over = await refund(purchase.id, { amount: 4001 });
    expect(over.status).toBe(422);
    expect(over.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(over.body).toMatchObject({ code: 'refund_amount_too_large', errors: [{ field: 'body.amount' }] });
    expect(over.body.detail).toContain('4000');
    const bad = await refund(purchase.id, { amount: 0 });
    expect(bad.status).toBe(400);
    expect(stripeRefunds()).toHaveLength(1);
    expect(await t.database.db.select().from(refunds)).toHaveLength(1);
    expect((await t.credits(creditsToken)).body.total).toBe(0); // the first refund took them
  });

  it('refuses an unpaid purchase with a 409, and another specialist’s purchase with the same 404 as an unknown one', async () => {
    const pkg = await t.createPackage();
    const { purchase } = await t.buy(pkg.id);
    const unpaid = await refund(purchase.id);
    expect(unpaid.status).toBe(409);
    expect(unpaid.body.code).toBe('purchase_not_paid');

    const paid = await t.buyAndPay(pkg.id, { ...t.customer, email: 'ada@example.com' });
    const other = await signUp(t, 'other');
    const foreign = await t.json(`/v1/me/package-purchases/${paid.purchase.id}/refund`, { body: {}, headers: auth(other.accessToken) });
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('purchase_not_found');
    expect((await refund('pp_unknown')).status).toBe(404);
    expect(stripeRefunds()).toHaveLength(0);
    expect((await t.ledger(paid.purchase.id)).map((r) => r.kind)).toEqual(['grant']);
  });
});

describe('when the provider does not take the refund', () => {
  it('answers a refusal with 502 and keeps the credits; the same refund can be asked again', async () => {
    const pkg = await t.createPackage();
    const { purchase, creditsToken } = await t.buyAndPay(pkg.id);
    t.fake.failNextRefund({ status: 400, persist: true }); // answered 'do not retry'
    const refused = await refund(purchase.id);
    expect(refused.status).toBe(502);
    expect(refused.body.code).toBe('payment_provider_error');
    expect((await t.credits(creditsToken)).body.total).toBe(3);
    expect((await t.ledger(purchase.id)).map((r) => r.kind)).toEqual(['grant']);
    const again = await refund(purchase.id);
    expect(again.body).toMatchObject({ refund: { amount: 24000, status: 'succeeded' }, revoked: 3 });
  });

  it('answers an unreachable provider with the refund pending and the credits kept, revoked when the retry creates it', async () => {
    const pkg = await t.createPackage();
    const { purchase, creditsToken } = await t.buyAndPay(pkg.id);
    t.fake.failNextRefund({ status: 500 });
    const waiting = await refund(purchase.id);
    expect(waiting.status).toBe(200);
    expect(waiting.body).toMatchObject({ refund: { amount: 24000, status: 'pending' }, revoked: 0, purchase: { credits: { remaining: 3 } } });
    expect((await t.credits(creditsToken)).body.total).toBe(3);
    expect((await refund(purchase.id)).body.code).toBe('purchase_already_refunded'); // the pending one holds the rest

    t.setNow(t.now() + 60_000); // the scheduler's retry, a minute later
    expect((await t.app.tick()).issuedRefunds).toBe(1);
    await t.fake.settled();
    expect((await t.purchasePayment(purchase.id)).amountRefunded).toBe(24000);
    expect((await t.credits(creditsToken)).body.total).toBe(0);
    expect((await sentEvents(purchase.id)).map((e) => e.type)).toEqual(['package.purchased', 'package.refunded']);
  });
});

describe('refunding a purchase in the offline test-payments mode', () => {
  it('refunds through the simulated account and revokes the credits the same way', async () => {
    const o = await testApp({ now: Date.parse('2026-11-20T12:00:00Z') });
    try {
      await seedDemoPayments(o.app.deps.payments, o.database);
      const asMe = auth(o.apiKey);
      const pkg = await o.json('/v1/me/packages', { body: { name: 'Three', sessionCount: 3, serviceIds: [o.session.id], price: 24000, validityDays: 90 }, headers: asMe });
      const bought = await o.json(`/v1/packages/${pkg.body.id}/purchases`, { body: { customer: { name: 'P', email: 'p@example.com', timeZone: 'UTC' } } });
      const intent = String(bought.body.paymentSession.clientSecret).split('_secret_')[0];
      const token = bought.body.creditsToken as string;
      await o.json(`/v1/test-payments/${intent}/confirm-purchase`, { body: { outcome: 'succeed' }, headers: auth(token) });
      const res = await o.json(`/v1/me/package-purchases/${bought.body.purchase.id}/refund`, { body: {}, headers: asMe });
      expect(res.body).toMatchObject({ refund: { amount: 24000, status: 'succeeded' }, revoked: 3, purchase: { payment: { amountRefunded: 24000 } } });
      expect((await o.json('/v1/credits', { headers: auth(token) })).body.total).toBe(0);
    } finally {
      o.close();
    }
  });
});
