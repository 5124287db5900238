import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { offlinePayments, paymentsDisabled } from '../../providers/payments/index.js';
import { specialists } from '../../db/schema.js';
import { seedDemoPayments } from '../../seed.js';
import { testApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await testApp({ now: Date.parse('2026-11-20T12:00:00Z') }); // no `payments`: the offline test mode
});
afterEach(() => t.close());

describe('the offline test-payments mode', () => {
  it('refuses to run in production', () => {
    expect(() => offlinePayments(t.database, { clock: t.now, nodeEnv: 'production' })).toThrow(/production/);
  });

  it('takes a demo payment through the same signed webhook path, and a decline keeps the hold', async () => {
    expect(await seedDemoPayments(t.app.deps.payments, t.database)).toBe(true);
    const [demo] = await t.database.db.select().from(specialists).where(eq(specialists.handle, 'demo'));
    expect(demo).toMatchObject({ stripeChargesEnabled: true });
    const res = await t.json('/v1/bookings', {
      body: { specialist: 'demo', service: t.session.id, start: '2026-11-23T09:00:00Z', customer: { name: 'T', email: 't@example.com', timeZone: 'UTC' } },
    });
    expect(res.body.paymentSession).toMatchObject({ mode: 'test', publishableKey: 'pk_test_slotwise_offline', amount: 9000 });
    const intent = String(res.body.paymentSession.clientSecret).split('_secret_')[0];
    const headers = { authorization: `Bearer ${res.body.manageToken}` };
    expect((await t.json(`/v1/test-payments/${intent}/confirm`, { body: { outcome: 'succeed' } })).status).toBe(401);
    const other = await t.json(`/v1/test-payments/${intent}/confirm`, { body: { outcome: 'succeed' }, headers: { authorization: 'Bearer bmt_other' } });
    // Another token learns nothing: the same answer as no such payment, no booking named.
    expect(other).toMatchObject({ status: 404, body: { code: 'payment_not_found' } });
    expect(JSON.stringify(other.body)).not.toContain(res.body.booking.id);
    const declined = await t.json(`/v1/test-payments/${intent}/confirm`, { body: { outcome: 'decline' }, headers });
    expect(declined.body).toMatchObject({ status: 'held', payment: { status: 'failed', lastError: 'card_declined' } });
    const paid = await t.json(`/v1/test-payments/${intent}/confirm`, { body: { outcome: 'succeed' }, headers });
    expect(paid.body).toMatchObject({ status: 'confirmed', payment: { status: 'succeeded', amount: 9000 } });
    // Its receipt says no money moved, and does not claim Stripe processed it.
    const receipt = await (await t.app.request(`/v1/bookings/${res.body.booking.id}/receipt?token=${res.body.manageToken}`)).text();
    expect(receipt).toContain('TEST MODE: no money moved.');
    expect(receipt).not.toContain('Stripe');
    const status = await t.json('/v1/me/stripe', { headers: { authorization: `Bearer ${t.apiKey}` } });
    expect(status.body).toMatchObject({ mode: 'test', chargesEnabled: true });
  });

  it('sells a package offline too: the test payment grants the credits to the holder of the credits token', async () => {
    await seedDemoPayments(t.app.deps.payments, t.database);
    const asMe = { authorization: `Bearer ${t.apiKey}` };
    const pkg = await t.json('/v1/me/packages', { body: { name: 'Three sessions', sessionCount: 3, serviceIds: [t.session.id], price: 24000, validityDays: 90 }, headers: asMe });
    expect(pkg.status).toBe(201);
    const bought = await t.json(`/v1/packages/${pkg.body.id}/purchases`, { body: { customer: { name: 'P', email: 'p@example.com', timeZone: 'UTC' } } });
    expect(bought.body.paymentSession).toMatchObject({ mode: 'test', amount: 24000 });
    const intent = String(bought.body.paymentSession.clientSecret).split('_secret_')[0];
    const confirm = (token: string) => t.json(`/v1/test-payments/${intent}/confirm-purchase`, { body: { outcome: 'succeed' }, headers: { authorization: `Bearer ${token}` } });
    expect((await confirm('crt_wrong')).status).toBe(404);
    const paid = await confirm(bought.body.creditsToken);
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ customerEmail: 'p@example.com', total: 3 });
  });

  it('onboards a specialist through the Connect link and then allows priced services', async () => {
    const asMe = { authorization: `Bearer ${t.apiKey}` };
    expect((await t.json(`/v1/me/services/${t.session.id}`, { method: 'PATCH', body: { durations: [{ minutes: 60, price: 5000 }] }, headers: asMe })).status).toBe(409);
    // Only a web page to come back to: a script address would be answered back as the link to follow.
    for (const returnUrl of ['javascript:alert(1)//', 'data:text/html,hi']) {
      const refused = await t.json('/v1/me/stripe/onboarding', { body: { returnUrl }, headers: asMe });
      expect(refused.body).toMatchObject({ status: 400, code: 'invalid_request', errors: [{ field: 'body.returnUrl' }] });
      expect(refused.body.errors[0].message).toContain('http:// or https://');
    }
    const link = await t.json('/v1/me/stripe/onboarding', { body: { returnUrl: 'https://coach.example/done' }, headers: asMe });
    expect(link.status).toBe(201);
    expect(link.body.url).toMatch(/^https?:\/\//);
    const before = await t.json('/v1/me/stripe', { headers: asMe });
    expect(before.body.accountId).toMatch(/^acct_/);
    await t.app.deps.payments.retrieveAccount(before.body.accountId); // exists at the provider
    await (t.app.deps.payments as import('../../providers/payments/index.js').TestPayments).completeTestOnboarding(before.body.accountId);
    expect((await t.json('/v1/me/stripe', { headers: asMe })).body.chargesEnabled).toBe(true);
    expect((await t.json(`/v1/me/services/${t.session.id}`, { method: 'PATCH', body: { durations: [{ minutes: 60, price: 5000 }] }, headers: asMe })).status).toBe(200);
  });

  it('answers the test endpoint with 404 when a real provider is configured', async () => {
    // Any provider that is not the test mode: the fake Stripe adapter is exercised in checkout.test.ts.
    const real = testApp({ payments: paymentsDisabled() });
    const other = await real;
    try {
      expect((await other.json('/v1/test-payments/pi_x/confirm', { body: { outcome: 'succeed' } })).status).toBe(404);
    } finally {
      other.close();
    }
  });

  it('with payments off (no Stripe keys, no test mode), books free sessions and says why nothing priced can be sold', async () => {
    const off = await testApp({ payments: paymentsDisabled() });
    try {
      const asMe = { authorization: `Bearer ${off.apiKey}` };
      const onboarding = await off.json('/v1/me/stripe/onboarding', { body: {}, headers: asMe });
      expect(onboarding.body).toMatchObject({ status: 503, code: 'payments_not_configured' });
      expect(onboarding.body.detail).toMatch(/STRIPE_SECRET_KEY/);
      const free = await off.json('/v1/bookings', { body: { specialist: 'demo', service: off.intro.id, start: '2026-11-23T09:00:00Z', customer: { name: 'T', email: 't@example.com', timeZone: 'UTC' } } });
      expect(free.body.booking).toMatchObject({ status: 'confirmed' });
    } finally {
      off.close();
    }
  });
});
