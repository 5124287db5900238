import { eq } from 'drizzle-orm';
import { bookings, payments, specialists } from '../db/schema.js';
import { createStripePayments } from '../providers/payments/index.js';
import { startFakeStripe, type FakeStripe } from './fake-stripe/index.js';
import { testApp, type TestApp, type TestAppOptions } from './test-app.js';

/**
 * A real app whose payments go through the official Stripe SDK to the fake Stripe server over
 * HTTP, with the fake's signed webhooks delivered to the app's endpoint. The demo specialist is
 * onboarded (Connect) and its 60-minute session costs €90.00.
 */
export async function paymentsTestApp(options: TestAppOptions = {}) {
  const secret = `whsec_test_${Math.random().toString(36).slice(2)}`;
  let t: TestApp | undefined;
  const fake: FakeStripe = await startFakeStripe({ webhookSecret: secret, clock: () => t?.now() ?? Date.parse('2026-11-20T12:00:00Z') });
  const provider = createStripePayments({
    secretKey: fake.secretKey,
    publishableKey: fake.publishableKey,
    webhookSecrets: [secret],
    host: fake.host,
    port: fake.port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });
  t = await testApp({ now: Date.parse('2026-11-20T12:00:00Z'), ...options, payments: provider });
  const app = t;
  fake.webhookHandler = async ({ payload, header }) => {
    const res = await app.app.request('/v1/webhooks/stripe', { method: 'POST', body: payload, headers: { 'content-type': 'application/json', 'stripe-signature': header } });
    return { status: res.status };
  };
  const asMe = { authorization: `Bearer ${app.apiKey}` };
  const link = await app.json('/v1/me/stripe/onboarding', { body: {}, headers: asMe });
  if (link.status !== 201) throw new Error(`onboarding failed: ${JSON.stringify(link.body)}`);
  const [demo] = await app.database.db.select().from(specialists).where(eq(specialists.handle, 'demo'));
  fake.completeOnboarding(demo!.stripeAccountId!);
  await fake.settled();
  const priced = await app.json(`/v1/me/services/${app.session.id}`, { method: 'PATCH', body: { durations: [{ minutes: 60, price: 9000 }] }, headers: asMe });
  if (priced.status !== 200) throw new Error(`pricing failed: ${JSON.stringify(priced.body)}`);

  const customer = { name: 'Grace Hopper', email: 'grace@example.com', timeZone: 'Europe/Berlin' };
  return {
    ...app,
    fake,
    secret,
    asMe,
    accountId: demo!.stripeAccountId!,
    customer,
    /** Books the paid session at `start`; answers the created booking, its token and payment session. */
    bookPaid: async (start: string, who = customer) => {
      const res = await app.json('/v1/bookings', { body: { specialist: 'demo', service: app.session.id, start, customer: who } });
      if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${JSON.stringify(res.body)}`);
      const intentId = String(res.body.paymentSession.clientSecret).split('_secret_')[0]!;
      return { ...res.body, intentId };
    },
    bookingRow: async (id: string) => (await app.database.db.select().from(bookings).where(eq(bookings.id, id)))[0]!,
    paymentRow: async (bookingId: string) => (await app.database.db.select().from(payments).where(eq(payments.bookingId, bookingId)))[0]!,
    closeAll: async () => {
      await fake.close();
      app.close();
    },
  };
}

export type PaymentsTestApp = Awaited<ReturnType<typeof paymentsTestApp>>;
