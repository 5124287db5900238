import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { creditLedger, packagePurchases, webhookEvents } from '../../db/schema.js';
import { hashToken } from '../ids.js';
import { addSpecialist } from '../../testing/fixtures.js';
import { packagesTestApp, type PackagesTestApp } from '../../testing/packages-app.js';

let t: PackagesTestApp;
beforeEach(async () => {
  t = await packagesTestApp();
});
afterEach(async () => {
  await t.closeAll();
});

const DAY = 86_400_000;

describe('buying a package', () => {
  it('goes through the same checkout: a destination charge with the fee, the ids and an idempotency key', async () => {
    const pkg = await t.createPackage();
    const { purchase, creditsToken, paymentSession, intentId } = await t.buy(pkg.id);
    expect(purchase).toEqual({
      id: expect.stringMatching(/^pp_/),
      status: 'pending',
      package: { id: pkg.id, name: 'Three sessions', sessionCount: 3, services: [t.session.id], price: 24000, currency: 'EUR', validityDays: 30 },
      customerEmail: 'grace@example.com',
      createdAt: '2026-11-20T12:00:00Z',
    });
    expect(paymentSession).toEqual({ id: expect.stringMatching(/^pay_/), mode: 'stripe', publishableKey: t.fake.publishableKey, clientSecret: expect.any(String), amount: 24000, currency: 'EUR' });
    const [created, ...more] = t.intentsCreated();
    expect(more).toEqual([]);
    expect(created!.idempotencyKey).toBe(`package-purchase-${purchase.id}-payment`);
    expect(created!.body).toMatchObject({
      amount: '24000',
      currency: 'eur',
      application_fee_amount: '4800', // 20 % by default
      transfer_data: { destination: t.accountId },
      receipt_email: 'grace@example.com',
      metadata: { package_purchase_id: purchase.id, payment_id: paymentSession!.id, specialist_id: t.session.specialistId },
    });
    expect(await t.purchasePayment(purchase.id)).toMatchObject({ bookingId: null, providerPaymentId: intentId, feeAmount: 4800, specialistShare: 19200, status: 'requires_payment' });
    // The token is shown once: only its hash is stored.
    const row = await t.purchaseRow(purchase.id);
    expect(row.accessTokenHash).toBe(await hashToken(creditsToken));
    expect(JSON.stringify(row)).not.toContain(creditsToken);
  });

  it('grants nothing until Stripe says the payment succeeded', async () => {
    const pkg = await t.createPackage();
    const { purchase, creditsToken } = await t.buy(pkg.id);
    expect((await t.credits(creditsToken)).body).toMatchObject({ customerEmail: 'grace@example.com', total: 0, lots: [] });
    const booked = await t.bookWithCredit('2026-11-24T09:00:00Z', creditsToken);
    expect(booked.status).toBe(409);
    expect(booked.body.code).toBe('no_credit');
    expect(await t.ledger(purchase.id)).toEqual([]);
  });

  it('refuses a package that is not on sale, a free package claimed twice, and keeps going when Stripe fails', async () => {
    const archived = await t.createPackage();
    await t.json(`/v1/me/packages/${archived.id}`, { method: 'DELETE', headers: t.asMe });
    const gone = await t.json(`/v1/packages/${archived.id}/purchases`, { body: { customer: t.customer } });
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('package_not_found');

    const trial = await t.createPackage({ name: 'Trial', sessionCount: 1, price: 0 });
    const claimed = await t.buy(trial.id);
    expect(claimed).toMatchObject({ purchase: { status: 'paid' }, paymentSession: null });
    expect(t.intentsCreated()).toEqual([]);
    expect((await t.credits(claimed.creditsToken)).body.total).toBe(1);
    const again = await t.json(`/v1/packages/${trial.id}/purchases`, { body: { customer: { ...t.customer, email: 'GRACE@example.com' } } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('package_already_claimed');

    const pkg = await t.createPackage();
    t.fake.failNext({ method: 'POST', path: /^\/v1\/payment_intents$/, status: 500 });
    const failed = await t.json(`/v1/packages/${pkg.id}/purchases`, { body: { customer: t.customer } });
    expect(failed.status).toBe(502);
    expect(failed.body.detail).toMatch(/nothing was booked or bought/);
    // The provider is asked first: when it fails, nothing at all is stored.
    expect(await t.database.db.select().from(packagePurchases).where(eq(packagePurchases.packageId, pkg.id))).toEqual([]);
    const retried = await t.buy(pkg.id);
    expect(retried.purchase.status).toBe('pending');
  });
});

describe('the webhook grants the credits', () => {
  it('once, with the expiry, even when the events arrive reordered with a failure and twice', async () => {
    const pkg = await t.createPackage();
    const { purchase, creditsToken, intentId } = await t.buy(pkg.id);
    t.fake.hold();
    t.fake.fail(intentId); // a declined card first…
    t.setNow(t.now() + 60_000);
    t.fake.succeed(intentId); // …then a good one: delivered in reverse
    await t.fake.release({ reverse: true });
    await t.fake.settled();
    const succeeded = t.fake.events().find((e) => e.type === 'payment_intent.succeeded')!;
    expect((await t.fake.deliver(succeeded.id)).status).toBe(200); // a duplicate
    await t.fake.settled();

    expect((await t.purchaseRow(purchase.id)).status).toBe('paid');
    expect((await t.purchasePayment(purchase.id)).status).toBe('succeeded');
    const rows = await t.ledger(purchase.id);
    expect(rows).toEqual([expect.objectContaining({ kind: 'grant', delta: 3, customerEmail: 'grace@example.com', expiresAt: t.now() + 30 * DAY })]);
    expect(rows[0]!.lotId).toBe(rows[0]!.id);
    const balance = await t.credits(creditsToken);
    expect(balance.body).toEqual({
      customerEmail: 'grace@example.com',
      specialist: { handle: 'demo', name: 'Dr. Ada Demo' },
      total: 3,
      services: [t.session.id],
      lots: [{ package: { id: pkg.id, name: 'Three sessions' }, remaining: 3, expiresAt: new Date(t.now() + 30 * DAY).toISOString().replace('.000Z', 'Z'), expired: false }],
    });
    const handled = (await t.database.db.select({ n: count() }).from(webhookEvents))[0]!.n;
    expect(handled).toBe(t.fake.events().filter((e) => ['payment_intent.succeeded', 'payment_intent.payment_failed', 'account.updated'].includes(e.type)).length);
  });

  it('cancels the purchase, granting nothing, when the intent is cancelled, and never undoes a paid one', async () => {
    const pkg = await t.createPackage();
    const dropped = await t.buy(pkg.id);
    t.fake.cancel(dropped.intentId);
    await t.fake.settled();
    expect((await t.purchaseRow(dropped.purchase.id)).status).toBe('canceled');
    expect(await t.ledger(dropped.purchase.id)).toEqual([]);

    const paid = await t.buyAndPay(pkg.id);
    const canceled = await t.fake.signedEvent('payment_intent.canceled', { id: paid.intentId, object: 'payment_intent' }); // a stale, contradicting event
    const res = await t.app.request('/v1/webhooks/stripe', { method: 'POST', body: canceled.payload, headers: { 'content-type': 'application/json', 'stripe-signature': canceled.header } });
    expect(res.status).toBe(200);
    expect((await t.purchaseRow(paid.purchase.id)).status).toBe('paid');
    expect((await t.credits(paid.creditsToken)).body.total).toBe(3);
  });

  it('grants the terms as sold, whatever the package says by the time the money arrives', async () => {
    const pkg = await t.createPackage();
    const { purchase, intentId, creditsToken } = await t.buy(pkg.id);
    await t.json(`/v1/me/packages/${pkg.id}`, { method: 'PATCH', body: { sessionCount: 1, validityDays: 1, serviceIds: [t.intro.id] }, headers: t.asMe });
    t.fake.succeed(intentId);
    await t.fake.settled();
    expect((await t.ledger(purchase.id))[0]).toMatchObject({ delta: 3, expiresAt: t.now() + 30 * DAY });
    expect((await t.bookWithCredit('2026-11-24T09:00:00Z', creditsToken)).status).toBe(201); // still the coaching session
  });
});

describe('the specialist’s view of purchases', () => {
  it('pages through their own customers’ purchases, newest first, with payment and credits', async () => {
    const pkg = await t.createPackage();
    const first = await t.buyAndPay(pkg.id);
    t.setNow(t.now() + 1000);
    const second = await t.buy(pkg.id, { ...t.customer, name: 'Ada', email: 'ada@example.com' });
    const page1 = await t.json('/v1/me/package-purchases?limit=1', { headers: t.asMe });
    expect(page1.body).toMatchObject({ hasMore: true, data: [{ id: second.purchase.id, status: 'pending', customerName: 'Ada', credits: null, payment: { status: 'requires_payment', amount: 24000 } }] });
    const page2 = await t.json(`/v1/me/package-purchases?limit=1&starting_after=${second.purchase.id}`, { headers: t.asMe });
    expect(page2.body).toMatchObject({
      hasMore: false,
      data: [{ id: first.purchase.id, status: 'paid', customerEmail: 'grace@example.com', payment: { status: 'succeeded' }, credits: { granted: 3, remaining: 3, expired: false } }],
    });
    const payments = await t.json('/v1/me/payments', { headers: t.asMe });
    expect(payments.body.data.map((p: { packagePurchaseId: string | null; bookingId: string | null }) => [p.packagePurchaseId, p.bookingId])).toEqual([
      [second.purchase.id, null],
      [first.purchase.id, null],
    ]);

    const other = await addSpecialist(t.database, 'other');
    expect((await t.json('/v1/me/package-purchases', { headers: { authorization: `Bearer ${other.apiKey}` } })).body.data).toEqual([]);
    const foreignCursor = await t.json(`/v1/me/package-purchases?starting_after=${first.purchase.id}`, { headers: { authorization: `Bearer ${other.apiKey}` } });
    expect(foreignCursor.status).toBe(400);
    expect((await t.database.db.select({ n: count() }).from(creditLedger))[0]!.n).toBe(1);
  });
});
