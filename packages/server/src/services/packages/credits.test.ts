import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookings, outbox } from '../../db/schema.js';
import { addSpecialist } from '../../testing/fixtures.js';
import { hashToken } from '../ids.js';
import { mintPurchaseToken, purchaseByToken } from './credits.js';
import { packagesTestApp, type PackagesTestApp } from '../../testing/packages-app.js';

let t: PackagesTestApp;
beforeEach(async () => {
  t = await packagesTestApp();
});
afterEach(async () => {
  await t.closeAll();
});

const DAY = 86_400_000;
const manage = (token: string) => ({ authorization: `Bearer ${token}` });
const total = async (token: string) => (await t.credits(token)).body.total as number;
/** A purchase's own outbox events (`package.purchased`, `credits.low`), in the order written. */
const packageEvents = async (purchaseId: string) =>
  (await t.database.db.select().from(outbox).where(eq(outbox.purchaseId, purchaseId)).orderBy(sql`rowid`)).map((r) => ({ topic: r.topic, payload: r.payload as Record<string, unknown> }));

describe('booking with a credit', () => {
  it('confirms at once, spends one credit in the ledger and opens no payment', async () => {
    const pkg = await t.createPackage();
    const { purchase, creditsToken } = await t.buyAndPay(pkg.id);
    const intentsBefore = t.intentsCreated().length;
    const res = await t.bookWithCredit('2026-11-24T09:00:00Z', creditsToken);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ booking: { status: 'confirmed', price: 0, holdExpiresAt: null, payment: null }, paymentSession: null });
    expect(t.intentsCreated().length).toBe(intentsBefore);
    const [row] = await t.database.db.select().from(bookings).where(eq(bookings.id, res.body.booking.id));
    const [grant, debit] = await t.ledger(purchase.id);
    expect(row!.creditLotId).toBe(grant!.id);
    expect(debit).toMatchObject({ kind: 'debit', delta: -1, lotId: grant!.id, bookingId: row!.id });
    expect(await total(creditsToken)).toBe(2);
    const history = await t.json(`/v1/me/bookings/${row!.id}`, { headers: t.asMe });
    expect(history.body.events[0]).toMatchObject({ type: 'confirmed', data: { credit: { lot: grant!.id, packagePurchase: purchase.id } } });
  });

  it('never spends one credit twice: of 5 parallel bookings with 2 credits, exactly 2 succeed', async () => {
    const pkg = await t.createPackage({ sessionCount: 2 });
    const { purchase, creditsToken } = await t.buyAndPay(pkg.id);
    const starts = ['09', '10', '11', '12', '13'].map((h) => `2026-11-24T${h}:00:00Z`);
    const results = await Promise.all(starts.map((start) => t.bookWithCredit(start, creditsToken)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 409, 409, 409]);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(['no_credit', 'no_credit', 'no_credit']);
    const rows = await t.ledger(purchase.id);
    expect(rows.filter((r) => r.kind === 'debit')).toHaveLength(2);
    expect(rows.reduce((sum, r) => sum + r.delta, 0)).toBe(0);
    expect(await total(creditsToken)).toBe(0);
    // Each winning debit wrote its low-balance event in its own transaction; the refused ones none.
    expect((await packageEvents(purchase.id)).map((e) => [e.topic, e.payload.remaining])).toEqual([
      ['package.purchased', undefined],
      ['credits.low', 1],
      ['credits.low', 0],
    ]);
  });

  it('writes package.purchased with the grant, once, whatever the webhooks do, carrying the terms and no secret', async () => {
    const pkg = await t.createPackage();
    const bought = await t.buy(pkg.id);
    expect(await packageEvents(bought.purchase.id)).toEqual([]); // started, not paid: nothing was bought
    t.fake.hold();
    t.fake.fail(bought.intentId);
    t.fake.succeed(bought.intentId);
    await t.fake.release({ reverse: true }); // the success first, then the older failure
    await t.fake.settled();
    const succeeded = t.fake.events().find((e) => e.type === 'payment_intent.succeeded')!;
    expect((await t.fake.deliver(succeeded.id)).status).toBe(200); // and a duplicate
    await t.fake.settled();
    const [grant] = await t.ledger(bought.purchase.id);
    const events = await packageEvents(bought.purchase.id);
    expect(events).toEqual([
      {
        topic: 'package.purchased',
        payload: {
          event: { id: expect.stringMatching(/^msg_/), type: 'package.purchased', at: '2026-11-20T12:00:00Z' },
          purchase: expect.objectContaining({ id: bought.purchase.id, packageName: 'Three sessions', status: 'paid', sessionCount: 3, validityDays: 30, customer: { ...t.customer, email: 'grace@example.com' } }),
          lot: { id: grant!.id, granted: 3, expiresAt: '2026-12-20T12:00:00Z' },
        },
      },
    ]);
    expect(JSON.stringify(events)).not.toMatch(/accessTokenHash|crt_/);
  });

  it('reaches a purchase with a token minted for an email, as with the first one, and with nothing else', async () => {
    const pkg = await t.createPackage();
    const { purchase, creditsToken } = await t.buyAndPay(pkg.id);
    const minted = await mintPurchaseToken(t.database, purchase.id, 'email', t.now());
    expect(minted).toMatch(/^crt_[\w-]{43}$/);
    expect((await purchaseByToken(t.database.db, await hashToken(minted))).id).toBe(purchase.id);
    expect(await total(minted)).toBe(3);
    expect((await t.bookWithCredit('2026-11-24T09:00:00Z', minted)).status).toBe(201);
    expect(await total(creditsToken)).toBe(2);
    await expect(purchaseByToken(t.database.db, await hashToken(`${minted}x`))).rejects.toMatchObject({ code: 'credits_not_found' });
  });

  it('refuses a credit for another service, another specialist or another email, and an unknown token', async () => {
    const pkg = await t.createPackage();
    const { creditsToken } = await t.buyAndPay(pkg.id);
    const otherService = await t.bookWithCredit('2026-11-24T09:00:00Z', creditsToken, t.customer, t.intro.id);
    expect(otherService.status).toBe(422);
    expect(otherService.body).toMatchObject({ code: 'credit_not_applicable', errors: [{ field: 'body.service' }] });

    const other = await addSpecialist(t.database, 'other');
    const otherSpecialist = await t.bookWithCredit('2026-11-24T09:00:00Z', creditsToken, t.customer, other.service.id, 'other');
    expect(otherSpecialist.status).toBe(422);
    expect(otherSpecialist.body.code).toBe('credit_not_applicable');

    const otherEmail = await t.bookWithCredit('2026-11-24T09:00:00Z', creditsToken, { ...t.customer, email: 'mallory@example.com' });
    expect(otherEmail.status).toBe(422);
    expect(otherEmail.body).toMatchObject({ code: 'credit_not_applicable', errors: [{ field: 'body.customer.email' }] });

    const unknown = await t.bookWithCredit('2026-11-24T09:00:00Z', 'crt_not-a-token');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('credits_not_found');
    expect((await t.credits('crt_not-a-token')).status).toBe(404);
    expect((await t.json('/v1/credits')).body.code).toBe('credits_token_required');

    expect(await total(creditsToken)).toBe(3); // nothing was spent by the refusals
    const sameEmailOtherCase = await t.bookWithCredit('2026-11-24T09:00:00Z', creditsToken, { ...t.customer, email: 'Grace@Example.com' });
    expect(sameEmailOtherCase.status).toBe(201);
  });

  it('does not let a purchase started under someone else’s email reach their credits', async () => {
    const pkg = await t.createPackage();
    const grace = await t.buyAndPay(pkg.id);
    const mallory = await t.buy(pkg.id); // never paid, same email
    expect((await t.credits(mallory.creditsToken)).body.total).toBe(0);
    expect((await t.bookWithCredit('2026-11-24T09:00:00Z', mallory.creditsToken)).body.code).toBe('no_credit');
    expect(await total(grace.creditsToken)).toBe(3);
  });

  it('cannot spend an expired credit, and the scheduler writes one expire row for what was left', async () => {
    const pkg = await t.createPackage();
    const { purchase, creditsToken } = await t.buyAndPay(pkg.id);
    const expiry = t.now() + 30 * DAY; // 2026-12-20T12:00Z
    expect((await t.bookWithCredit('2026-11-24T09:00:00Z', creditsToken)).status).toBe(201);
    t.setNow(expiry - 1);
    expect((await t.bookWithCredit('2026-12-21T09:00:00Z', creditsToken)).status).toBe(201); // the last millisecond counts
    t.setNow(expiry);
    const late = await t.bookWithCredit('2026-12-21T10:00:00Z', creditsToken);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('no_credit');
    expect((await t.credits(creditsToken)).body).toMatchObject({ total: 0, lots: [{ remaining: 0, expired: true }] });

    expect((await t.app.tick()).expiredCredits).toBe(1);
    expect((await t.app.tick()).expiredCredits).toBe(0);
    const rows = await t.ledger(purchase.id);
    expect(rows.filter((r) => r.kind === 'expire')).toEqual([expect.objectContaining({ delta: -1, at: expiry })]);
    expect(rows.reduce((sum, r) => sum + r.delta, 0)).toBe(0);
  });
});

describe('cancelling a booking paid with a credit', () => {
  it('gives the credit back inside the policy, says so beforehand, and refunds no money', async () => {
    const pkg = await t.createPackage();
    const { creditsToken } = await t.buyAndPay(pkg.id);
    // Defaults: full refund until 48 h before, partial until 24 h, cancel until 24 h.
    t.setNow(Date.parse('2026-11-23T12:00:00Z')); // a Monday
    const early = (await t.bookWithCredit('2026-11-27T09:00:00Z', creditsToken)).body;
    const partial = (await t.bookWithCredit('2026-11-24T14:00:00Z', creditsToken)).body; // 26 h ahead
    expect(await total(creditsToken)).toBe(1);
    for (const { booking, manageToken } of [early, partial]) {
      const quote = await t.json(`/v1/bookings/${booking.id}/cancellation`, { headers: manage(manageToken) });
      expect(quote.body).toMatchObject({ allowed: true, refund: { amount: 0 }, credit: 'returned' });
      expect((await t.json(`/v1/bookings/${booking.id}/cancel`, { body: {}, headers: manage(manageToken) })).status).toBe(200);
    }
    expect(await total(creditsToken)).toBe(3);
    expect(t.fake.requests.filter((r) => r.path === '/v1/refunds')).toEqual([]);
  });

  it('keeps the credit when the policy would refund nothing, and a specialist’s cancellation always gives it back', async () => {
    await t.json(`/v1/me/services/${t.session.id}`, { method: 'PATCH', body: { cancelUntilHours: 6 }, headers: t.asMe });
    const pkg = await t.createPackage();
    const { purchase, creditsToken } = await t.buyAndPay(pkg.id);
    t.setNow(Date.parse('2026-11-23T12:00:00Z')); // a Monday
    const late = (await t.bookWithCredit('2026-11-24T09:00:00Z', creditsToken)).body; // 21 h ahead: no refund
    const quote = await t.json(`/v1/bookings/${late.booking.id}/cancellation`, { headers: manage(late.manageToken) });
    expect(quote.body).toMatchObject({ allowed: true, refund: { amount: 0, rule: 'none' }, credit: 'kept' });
    await t.json(`/v1/bookings/${late.booking.id}/cancel`, { body: {}, headers: manage(late.manageToken) });
    expect(await total(creditsToken)).toBe(2);

    const bySpecialist = (await t.bookWithCredit('2026-11-24T10:00:00Z', creditsToken)).body;
    const cancelled = await t.json(`/v1/me/bookings/${bySpecialist.booking.id}/cancel`, { body: { reason: 'Ill' }, headers: t.asMe });
    expect(cancelled.body.events.at(-1)).toMatchObject({ type: 'cancelled', actor: 'specialist', data: { credit: 'returned' } });
    expect(await total(creditsToken)).toBe(2);
    expect((await t.ledger(purchase.id)).map((r) => `${r.kind}${r.delta}`)).toEqual(['grant3', 'debit-1', 'debit-1', 'return1']);
  });

  it('does not quote a credit for a booking paid with money', async () => {
    const { booking, manageToken } = await t.bookPaid('2026-11-27T09:00:00Z');
    const quote = await t.json(`/v1/bookings/${booking.id}/cancellation`, { headers: manage(manageToken) });
    expect(quote.body).not.toHaveProperty('credit');
  });
});
