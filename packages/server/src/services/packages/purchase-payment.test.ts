import { WebhookEvent } from '@slotwise/sdk/contract';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outbox } from '../../db/schema.js';
import type { OutboxEvent } from '../delivery/channel.js';
import { webhookEventsOf } from '../webhooks/events.js';
import { packagesTestApp, type PackagesTestApp } from '../../testing/packages-app.js';

let t: PackagesTestApp;
beforeEach(async () => {
  t = await packagesTestApp();
});
afterEach(async () => {
  await t.closeAll();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const sync = (purchaseId: string, token: string) => t.json(`/v1/package-purchases/${purchaseId}/payment/sync`, { body: {}, headers: bearer(token) });

/** A refund made in Stripe's dashboard (not by Slotwise): Stripe then sends `charge.refunded`. */
async function refundAtStripe(intentId: string, amount?: number): Promise<void> {
  const body = new URLSearchParams({ payment_intent: intentId, ...(amount ? { amount: String(amount) } : {}) });
  const res = await fetch(`${t.fake.url}/v1/refunds`, { method: 'POST', body, headers: { authorization: `Bearer ${t.fake.secretKey}`, 'content-type': 'application/x-www-form-urlencoded' } });
  if (!res.ok) throw new Error(`refund failed: ${res.status} ${await res.text()}`);
  await t.fake.settled();
}

describe('syncing a purchase’s payment (POST /v1/package-purchases/{id}/payment/sync)', () => {
  it('marks a paid purchase paid and grants its credits once when the webhook was lost', async () => {
    const pkg = await t.createPackage();
    const { purchase, creditsToken, intentId } = await t.buy(pkg.id);
    const early = await sync(purchase.id, creditsToken);
    expect(early.status).toBe(200);
    expect(early.body).toMatchObject({ purchase: { id: purchase.id, status: 'pending' }, credits: { total: 0, lots: [] }, notifications: { email: expect.stringMatching(/^(on_payment|off)$/) } });

    t.fake.succeed(intentId, { emit: false }); // paid at Stripe; the webhook never arrives
    const synced = await sync(purchase.id, creditsToken);
    expect(synced.body).toMatchObject({
      purchase: { id: purchase.id, status: 'paid' },
      credits: { total: 3, services: [t.session.id], lots: [{ remaining: 3, expired: false }] },
    });
    expect((await sync(purchase.id, creditsToken)).body.credits.total).toBe(3); // a second sync grants nothing more
    expect((await t.ledger(purchase.id)).map((r) => `${r.kind}${r.delta}`)).toEqual(['grant3']);
    expect((await t.purchasePayment(purchase.id)).status).toBe('succeeded');
    expect((await t.bookWithCredit('2026-11-24T09:00:00Z', creditsToken)).status).toBe(201);
  });

  it('answers another purchase’s id, or a wrong token, with the same 404, and a missing token with 401', async () => {
    const pkg = await t.createPackage();
    const mine = await t.buy(pkg.id);
    const theirs = await t.buy(pkg.id, { ...t.customer, email: 'ada@example.com' });
    const foreign = await sync(theirs.purchase.id, mine.creditsToken);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('credits_not_found');
    expect((await sync(mine.purchase.id, 'crt_wrong')).status).toBe(404);
    const bare = await t.json(`/v1/package-purchases/${mine.purchase.id}/payment/sync`, { body: {} });
    expect(bare.status).toBe(401);
    expect(bare.body.code).toBe('credits_token_required');
    expect(await t.ledger(theirs.purchase.id)).toEqual([]);
  });
});

describe('refunding a purchase', () => {
  it('revokes its unspent credits; spent ones stay spent and booking with the revoked ones is refused', async () => {
    const pkg = await t.createPackage();
    const { purchase, creditsToken, intentId } = await t.buyAndPay(pkg.id);
    const booked = await t.bookWithCredit('2026-11-24T09:00:00Z', creditsToken);
    expect(booked.status).toBe(201);

    await refundAtStripe(intentId);
    expect((await t.purchasePayment(purchase.id)).amountRefunded).toBe(24000);
    expect((await t.ledger(purchase.id)).map((r) => `${r.kind}${r.delta}`)).toEqual(['grant3', 'debit-1', 'revoke-2']);
    expect((await t.credits(creditsToken)).body).toMatchObject({ total: 0, lots: [{ remaining: 0, expired: false }] });
    const refused = await t.bookWithCredit('2026-11-25T09:00:00Z', creditsToken);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('no_credit');
    // The booking made before the refund keeps its spent credit.
    const kept = await t.json(`/v1/bookings/${booked.body.booking.id}`, { headers: bearer(booked.body.manageToken) });
    expect(kept.body.status).toBe('confirmed');

    // A cancellation after the refund gives no credit back to the revoked lot.
    await t.json(`/v1/bookings/${booked.body.booking.id}/cancel`, { body: {}, headers: bearer(booked.body.manageToken) });
    expect((await t.credits(creditsToken)).body.total).toBe(0);
    // A duplicate refund event revokes nothing more.
    const refunded = t.fake.events().find((e) => e.type === 'charge.refunded')!;
    expect((await t.fake.deliver(refunded.id)).status).toBe(200);
    expect((await t.ledger(purchase.id)).filter((r) => r.kind === 'revoke')).toHaveLength(1);

    // The specialist's webhooks hear of it once: package.refunded, with how many credits were revoked.
    const rows = await t.database.db.select().from(outbox).where(eq(outbox.purchaseId, purchase.id));
    const sent = rows.flatMap((row) => webhookEventsOf(row as unknown as OutboxEvent)).map((e) => WebhookEvent.parse(e));
    expect(sent.map((e) => e.type)).toEqual(['package.purchased', 'package.refunded']);
    expect(sent[1]).toMatchObject({ data: { purchase: { id: purchase.id, package: { id: pkg.id, sessionCount: 3 } }, credits: { revoked: 2 } } });
  });

  it('leaves the credits of a partly refunded purchase', async () => {
    const pkg = await t.createPackage();
    const { purchase, creditsToken, intentId } = await t.buyAndPay(pkg.id);
    await refundAtStripe(intentId, 8000);
    expect((await t.purchasePayment(purchase.id)).amountRefunded).toBe(8000);
    expect((await t.credits(creditsToken)).body.total).toBe(3);
    await refundAtStripe(intentId); // the rest: now it is refunded in full
    expect((await t.credits(creditsToken)).body.total).toBe(0);
  });
});
