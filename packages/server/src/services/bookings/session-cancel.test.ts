import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refunds } from '../../db/schema.js';
import { startMailbox, type Mailbox } from '../../providers/mail/mailbox.js';
import { smtpMail } from '../../providers/mail/smtp.js';
import { LINKS } from '../../testing/mail-app.js';
import { paymentsTestApp } from '../../testing/payments-app.js';

// The specialist cancels a whole group session (`POST /v1/me/bookings/{id}/cancel-session`):
// every seat in force is cancelled, every paid seat refunded in full at Stripe (the fake, through
// the official SDK), every attendee told by email (real SMTP into the local mailbox).

let t: Awaited<ReturnType<typeof paymentsTestApp>>;
let mailbox: Mailbox;
beforeEach(async () => {
  mailbox = await startMailbox();
  t = await paymentsTestApp({ mail: smtpMail({ url: mailbox.url, ignoreTLS: true, timeoutMs: 5000 }), mailFrom: 'Slotwise <bookings@slotwise.test>', links: LINKS });
});
afterEach(async () => {
  await t.app.deliveries.idle();
  await t.closeAll();
  await mailbox.close();
});

const START = '2026-11-23T09:00:00Z';
const guest = (n: number) => ({ name: `Guest ${n}`, email: `guest${n}@example.com`, timeZone: 'Europe/Berlin' });

async function paidSeat(n: number) {
  const held = await t.bookPaid(START, guest(n));
  t.fake.succeed(held.intentId);
  await t.fake.settled();
  return held.booking.id as string;
}

describe('cancelling a group session', () => {
  it('cancels every seat, refunds every paid seat in full at Stripe and emails each attendee; the time opens again', async () => {
    expect((await t.json(`/v1/me/services/${t.session.id}`, { method: 'PATCH', body: { capacity: 3 }, headers: t.asMe })).status).toBe(200);
    const paid = [await paidSeat(1), await paidSeat(2)];
    const held = (await t.bookPaid(START, guest(3))).booking.id as string; // not paid yet: nothing to refund
    await t.app.deliveries.idle();
    mailbox.clear();

    const res = await t.json(`/v1/me/bookings/${paid[0]}/cancel-session`, { body: { reason: 'I am ill, sorry.' }, headers: t.asMe });
    expect(res.status).toBe(200);
    expect(res.body.data.map((b: { id: string; status: string }) => [b.id, b.status]).sort()).toEqual([...paid, held].map((id) => [id, 'cancelled']).sort());
    await t.fake.settled();
    await t.app.deliveries.idle();

    for (const id of paid) expect(await t.paymentRow(id)).toMatchObject({ status: 'succeeded', amountRefunded: 9000 });
    expect((await t.database.db.select().from(refunds)).map((r) => [r.amount, r.status]).sort()).toEqual([[9000, 'succeeded'], [9000, 'succeeded']]);
    expect(t.fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/refunds')).toHaveLength(2);
    const told = mailbox.messages().filter((m) => m.subject.startsWith('Cancelled'));
    for (const n of [1, 2]) {
      const mail = told.find((m) => m.to.includes(`guest${n}@example.com`));
      expect(mail?.text).toContain('A refund of €90.00 is on its way');
    }
    expect((await t.bookingRow(held)).status).toBe('cancelled');
    const slots = await t.json(`/v1/specialists/demo/slots?service=${t.session.id}&from=2026-11-23&to=2026-11-23&timezone=UTC`);
    expect(slots.body.days[0].slots.find((s: { start: string }) => s.start === START)).toMatchObject({ seatsLeft: 3 });
  });

  it('is the caller’s own: another specialist’s booking id is a 404, and nothing is cancelled', async () => {
    const seat = await paidSeat(1);
    const signup = await t.json('/v1/auth/signup', { body: { email: 'mallory@example.com', password: 'a long enough password', name: 'Mallory', handle: 'mallory', timeZone: 'UTC', currency: 'EUR' } });
    const res = await t.json(`/v1/me/bookings/${seat}/cancel-session`, { body: {}, headers: { authorization: `Bearer ${signup.body.accessToken}` } });
    expect(res.status).toBe(404);
    expect((await t.bookingRow(seat)).status).toBe('confirmed');
    expect(await t.database.db.select().from(refunds).where(eq(refunds.status, 'succeeded'))).toEqual([]);
  });
});
