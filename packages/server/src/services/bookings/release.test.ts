import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paymentsTestApp, type PaymentsTestApp } from '../../testing/payments-app.js';

let t: PaymentsTestApp;
beforeEach(async () => {
  t = await paymentsTestApp();
});
afterEach(() => t.closeAll());

const START = '2026-11-25T09:00:00Z';
const as = (token: string) => ({ authorization: `Bearer ${token}` });
const release = (id: string, token: string) => t.json(`/v1/bookings/${id}/release`, { method: 'POST', headers: as(token) });
const offered = async () => {
  const res = await t.json(`/v1/specialists/demo/slots?service=${t.session.id}&from=2026-11-25&to=2026-11-25&timezone=UTC`);
  return (res.body.days[0]?.slots ?? []).map((s: { start: string }) => s.start);
};

describe('releasing one’s own hold (the payment step’s way back)', () => {
  it('frees the time at once, cancels the PaymentIntent at Stripe, and records who let it go', async () => {
    const { booking, manageToken, intentId } = await t.bookPaid(START);
    expect(await offered()).not.toContain(START);

    const res = await release(booking.id, manageToken);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: booking.id, status: 'expired', holdExpiresAt: null });
    expect(await offered()).toContain(START); // no waiting for the hold to lapse
    expect(t.fake.simulator.state.paymentIntents.get(intentId)).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
    expect((await t.paymentRow(booking.id)).status).toBe('canceled');

    const detail = await t.json(`/v1/me/bookings/${booking.id}`, { headers: t.asMe });
    expect(detail.body.events.map((e: { type: string; actor: string }) => `${e.type}:${e.actor}`)).toEqual(['held:customer', 'expired:customer']);
    // Someone else can take the time right away.
    expect((await t.bookPaid(START, { ...t.customer, email: 'next@example.com' })).booking.status).toBe('held');
  });

  it('is idempotent: a second release answers the released booking and changes nothing', async () => {
    const { booking, manageToken } = await t.bookPaid(START);
    expect((await release(booking.id, manageToken)).status).toBe(200);
    const again = await release(booking.id, manageToken);
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('expired');
    const detail = await t.json(`/v1/me/bookings/${booking.id}`, { headers: t.asMe });
    expect(detail.body.events).toHaveLength(2);
  });

  it('refuses a paid booking with 409 booking_already_paid, which stays confirmed', async () => {
    const { booking, manageToken, intentId } = await t.bookPaid(START);
    t.fake.succeed(intentId);
    await t.fake.settled();
    const res = await release(booking.id, manageToken);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('booking_already_paid');
    expect(res.body.detail).toContain('cancel it instead');
    expect((await t.bookingRow(booking.id)).status).toBe('confirmed');
  });

  it('records a hold that had lapsed before the release as expired by the system, as the scheduler would', async () => {
    const { booking, manageToken } = await t.bookPaid(START);
    t.setNow(t.now() + 16 * 60_000);
    expect((await release(booking.id, manageToken)).body.status).toBe('expired');
    const detail = await t.json(`/v1/me/bookings/${booking.id}`, { headers: t.asMe });
    expect(detail.body.events.map((e: { type: string; actor: string }) => `${e.type}:${e.actor}`)).toEqual(['held:customer', 'expired:system']);
  });

  it('needs the booking’s own manage token', async () => {
    const { booking } = await t.bookPaid(START);
    const other = await t.bookPaid('2026-11-25T11:00:00Z', { ...t.customer, email: 'ada@example.com' });
    const missing = await t.json(`/v1/bookings/${booking.id}/release`, { method: 'POST' });
    expect(missing.status).toBe(401);
    expect(missing.body.code).toBe('manage_token_required');
    const wrong = await release(booking.id, other.manageToken);
    expect(wrong.status).toBe(404);
    expect((await t.bookingRow(booking.id)).status).toBe('held');
  });
});
