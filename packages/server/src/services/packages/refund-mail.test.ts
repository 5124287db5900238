import { WebhookEvent } from '@slotwise/sdk/contract';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outbox, packagePurchases, refunds } from '../../db/schema.js';
import type { OutboxEvent } from '../delivery/channel.js';
import { webhookEventsOf } from '../webhooks/events.js';
import { startMailbox, type Mailbox } from '../../providers/mail/mailbox.js';
import { smtpMail } from '../../providers/mail/smtp.js';
import { LINKS } from '../../testing/mail-app.js';
import { packagesTestApp, type PackagesTestApp } from '../../testing/packages-app.js';

// What the customer hears of a package refund: one email per refund that went through at Stripe
// (never before, never twice for the API's answer and the webhook of the same refund), over real
// SMTP into the local mailbox, in their language; and a refund that fails at Stripe afterwards
// gives the revoked credits back, shows in the specialist's purchases, and mails no one.

let t: PackagesTestApp;
let mailbox: Mailbox;
beforeEach(async () => {
  mailbox = await startMailbox();
  t = await packagesTestApp({ mail: smtpMail({ url: mailbox.url, ignoreTLS: true, timeoutMs: 5000 }), mailFrom: 'Slotwise <bookings@slotwise.test>', links: LINKS });
});
afterEach(async () => {
  await t.closeAll();
  await mailbox.close();
});

const refund = (purchaseId: string, body: Record<string, unknown> = {}) => t.json(`/v1/me/package-purchases/${purchaseId}/refund`, { body, headers: t.asMe });
/** Waits for Stripe's webhooks and every delivery, then answers the customer's refund emails. */
const refundMail = async () => {
  await t.fake.settled();
  await t.app.deliveries.idle();
  return mailbox.messages().filter((m) => m.to.includes(t.customer.email) && /refund|erstattung/i.test(m.subject));
};
const myPurchase = async (id: string) => {
  const list = await t.json('/v1/me/package-purchases', { method: 'GET', headers: t.asMe });
  return (list.body.data as { id: string; payment: { amountRefunded: number }; credits: { remaining: number } }[]).find((p) => p.id === id)!;
};
/** The specialist's webhook events of the purchase, as the contract reads them. */
const sentEvents = async (purchaseId: string) => {
  const rows = await t.database.db.select().from(outbox).where(eq(outbox.purchaseId, purchaseId));
  return rows.flatMap((row) => webhookEventsOf(row as unknown as OutboxEvent)).map((e) => WebhookEvent.parse(e));
};
/** A refund made in Stripe's dashboard: straight to Stripe's API, Slotwise learns of it by webhook. */
const dashboardRefund = async (intentId: string, amount: number) => {
  const res = await fetch(`${t.fake.url}/v1/refunds`, {
    method: 'POST',
    headers: { authorization: `Bearer ${t.fake.secretKey}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ payment_intent: intentId, amount: String(amount) }),
  });
  expect(res.status).toBe(200);
};

describe('the customer’s email about a package refund', () => {
  it('tells of a partial refund from Slotwise once, with the amount, the credits removed, booked sessions kept and when the money arrives; the rest is a second email', async () => {
    const pkg = await t.createPackage();
    const { purchase, creditsToken } = await t.buyAndPay(pkg.id);
    expect((await t.bookWithCredit('2026-11-24T09:00:00Z', creditsToken)).status).toBe(201);

    expect((await refund(purchase.id, { amount: 8000 })).body).toMatchObject({ refund: { status: 'succeeded' }, revoked: 2 });
    const [mail, ...more] = await refundMail(); // Stripe's webhooks of the same refund have arrived too
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe('Refund of €80.00: Three sessions');
    expect(mail!.from).toContain('Dr. Ada Demo via Slotwise');
    expect(mail!.text).toContain('Dr. Ada Demo refunded €80.00 of your Three sessions.');
    expect(mail!.text).toContain('2 unused credits were removed from your package.');
    expect(mail!.text).toContain('Sessions you already booked stay booked.');
    expect(mail!.text).toContain('Refunds usually reach your account in 5–10 business days.');
    expect(mail!.text).toContain('Refunded: €80.00');
    expect(mail!.text).toContain('Credits left: 0');
    expect(mail!.text).not.toContain('Your credits code'); // nothing left to spend with one
    expect(mail!.text).not.toContain('Credits expire'); // nor anything left to expire

    expect((await refund(purchase.id)).body).toMatchObject({ refund: { amount: 16000 }, revoked: 0 });
    const both = await refundMail();
    expect(both.map((m) => m.subject)).toEqual(['Refund of €80.00: Three sessions', 'Refund of €160.00: Three sessions']);
    expect(both[1]!.text).toContain('Your credits are unchanged.');
    expect(both[1]!.text).not.toContain('were removed');
  });

  it('says nothing while Stripe has not created the refund, and tells once the scheduler’s retry has', async () => {
    const pkg = await t.createPackage();
    const { purchase } = await t.buyAndPay(pkg.id);
    t.fake.failNextRefund(); // a 500: the refund stays pending for a retry
    expect((await refund(purchase.id)).body).toMatchObject({ refund: { status: 'pending' }, revoked: 0 });
    expect(await refundMail()).toHaveLength(0);

    t.setNow(t.now() + 60_000);
    await t.app.tick();
    const [mail, ...more] = await refundMail();
    expect(more).toHaveLength(0);
    expect(mail!.text).toContain('Dr. Ada Demo refunded €240.00 of your Three sessions.');
    expect(mail!.text).toContain('3 unused credits were removed from your package.');
    expect(mail!.text).not.toContain('already booked');
  });

  it('tells of a refund made in Stripe’s dashboard in the customer’s language (German), once', async () => {
    const pkg = await t.createPackage();
    const bought = await t.buyAndPay(pkg.id);
    await t.database.write((tx) => tx.update(packagePurchases).set({ customerLocale: 'de-DE' }).where(eq(packagePurchases.id, bought.purchase.id)));
    await dashboardRefund(bought.intentId, 24000);
    const [mail, ...more] = await refundMail();
    expect(more).toHaveLength(0);
    const spaced = (text: string) => text.replace(/\u00a0/g, ' '); // Intl puts a no-break space before €
    expect(spaced(mail!.subject)).toBe('Erstattung von 240,00 €: Three sessions');
    expect(spaced(mail!.text)).toContain('Dr. Ada Demo hat Ihnen 240,00 € für Ihr Paket „Three sessions“ erstattet.');
    expect(mail!.text).toContain('3 nicht genutzte Guthaben wurden aus Ihrem Paket entfernt.');
    expect(mail!.text).toContain('Erstattungen erreichen Ihr Konto in der Regel innerhalb von 5–10 Werktagen.');
    expect(mail!.html).toMatch(/<html lang="de-DE"/);
    expect((await t.credits(bought.creditsToken)).body.total).toBe(0);
  });
});

describe('a package refund that fails at Stripe after it was created', () => {
  it('gives back exactly the revoked credits (spent ones stay spent), shows in the specialist’s purchases, and mails no one again', async () => {
    const pkg = await t.createPackage();
    const { purchase, creditsToken } = await t.buyAndPay(pkg.id);
    expect((await t.bookWithCredit('2026-11-24T09:00:00Z', creditsToken)).status).toBe(201);
    expect((await refund(purchase.id)).body).toMatchObject({ refund: { status: 'succeeded' }, revoked: 2 });
    expect(await refundMail()).toHaveLength(1);
    expect(await myPurchase(purchase.id)).toMatchObject({ payment: { amountRefunded: 24000 }, credits: { remaining: 0 } });

    const [row] = await t.database.db.select().from(refunds).where(eq(refunds.paymentId, (await t.purchasePayment(purchase.id)).id));
    t.fake.failRefund(row!.providerRefundId!); // the card was closed: refund.updated, refund.failed
    expect(await refundMail()).toHaveLength(1); // no second email: no money is coming

    expect((await t.ledger(purchase.id)).map((r) => `${r.kind}${r.delta}`)).toEqual(['grant3', 'debit-1', 'revoke-2', 'restore2']);
    expect((await t.credits(creditsToken)).body.total).toBe(2);
    expect(await myPurchase(purchase.id)).toMatchObject({ payment: { amountRefunded: 0 }, credits: { remaining: 2 } });
    expect((await t.bookWithCredit('2026-11-25T09:00:00Z', creditsToken)).status).toBe(201);
    // The specialist's systems hear of it: package.refund_failed, with the credits that came back.
    const events = await sentEvents(purchase.id);
    expect(events.map((e) => e.type)).toEqual(['package.purchased', 'package.refunded', 'package.refund_failed']);
    expect(events[2]).toMatchObject({ data: { purchase: { id: purchase.id }, refund: { amount: 24000, currency: 'EUR', failureReason: 'expired_or_canceled_card' }, credits: { restored: 2 } } });

    // Refunded again, this time for good: the credits are taken back again and the customer told.
    expect((await refund(purchase.id)).body).toMatchObject({ refund: { amount: 24000, status: 'succeeded' }, revoked: 1 });
    const mails = await refundMail();
    expect(mails).toHaveLength(2);
    expect(mails[1]!.text).toContain('1 unused credit was removed from your package.');
  });

  it('keeps the credits revoked while another refund of the payment still stands', async () => {
    const pkg = await t.createPackage();
    const { purchase, creditsToken } = await t.buyAndPay(pkg.id);
    await refund(purchase.id, { amount: 8000 });
    await refund(purchase.id, { amount: 8000 });
    await t.fake.settled();
    const rows = await t.database.db.select().from(refunds).where(eq(refunds.paymentId, (await t.purchasePayment(purchase.id)).id));
    t.fake.failRefund(rows.at(-1)!.providerRefundId!);
    await refundMail();
    expect((await t.ledger(purchase.id)).map((r) => r.kind)).toEqual(['grant', 'revoke']);
    expect((await t.credits(creditsToken)).body.total).toBe(0);
    expect(await myPurchase(purchase.id)).toMatchObject({ payment: { amountRefunded: 8000 } });
  });
});
