import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paymentsTestApp, type PaymentsTestApp } from '../../testing/payments-app.js';

let t: PaymentsTestApp;
beforeEach(async () => {
  t = await paymentsTestApp();
});
afterEach(async () => {
  await t.closeAll();
});

describe('receipts', () => {
  it('shows the payment and its refunds as escaped HTML to the holder of the manage token', async () => {
    const who = { name: '<script>alert(1)</script> Ada', email: 'ada@example.com', timeZone: 'America/New_York' };
    const { booking, manageToken, intentId } = await t.bookPaid('2026-11-23T15:00:00Z', who);
    const early = await t.app.request(`/v1/bookings/${booking.id}/receipt?token=${manageToken}`);
    expect(early.status).toBe(404); // nothing paid yet
    t.fake.succeed(intentId);
    await t.fake.settled();
    await t.json(`/v1/me/bookings/${booking.id}/cancel`, { body: {}, headers: t.asMe }); // a full refund
    const res = await t.app.request(`/v1/bookings/${booking.id}/receipt`, { headers: { authorization: `Bearer ${manageToken}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('cache-control')).toContain('no-store');
    const page = await res.text();
    expect(page).toContain('€90.00');
    expect(page).toContain('Refund (succeeded)');
    expect(page).toContain('€0.00'); // the total after the refund
    expect(page).toMatch(/Monday(,)? 23 November 2026( at)? 10:00/); // 15:00 UTC, written in the customer's zone (New York)
    expect(page).toContain('Payments are processed by Stripe.'); // it did (the offline mode's receipt: test-mode.test.ts)
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&lt;script&gt;');
    const wrong = await t.app.request(`/v1/bookings/${booking.id}/receipt?token=bmt_wrong`);
    expect(wrong.status).toBe(404);
  });
});
