import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startFakeStripe, type FakeStripe } from '../../testing/fake-stripe/index.js';
import { NEW_SECRET, NOW, OLD_SECRET, runPaymentsCases, type Delivery } from './payments.case.js';
import { PaymentsError } from '../../services/payments/payments-error.js';
import { fromStripeSdkError } from './stripe-errors.js';
import { createStripePayments, type StripePaymentsOptions } from './stripe.js';

/** A webhook endpoint that records what it receives. */
async function receiver() {
  const received: Delivery[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ payload: Buffer.concat(chunks).toString('utf8'), header: String(req.headers['stripe-signature'] ?? '') });
      res.writeHead(200).end('{"received":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/webhooks/stripe`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const adapterFor = (fake: FakeStripe, options: Partial<StripePaymentsOptions> = {}) =>
  createStripePayments({
    secretKey: fake.secretKey,
    publishableKey: fake.publishableKey,
    webhookSecrets: [OLD_SECRET, NEW_SECRET],
    host: fake.host,
    port: fake.port,
    protocol: 'http',
    maxNetworkRetries: 0,
    ...options,
  });

runPaymentsCases('Stripe adapter against the fake Stripe server', async () => {
  const endpoint = await receiver();
  const fake = await startFakeStripe({ webhookUrl: endpoint.url, webhookSecret: NEW_SECRET, clock: () => NOW });
  // The browser's side: Stripe.js confirms with the publishable key and the client secret.
  const browser = new Stripe(fake.publishableKey, { host: fake.host, port: fake.port, protocol: 'http', maxNetworkRetries: 0, httpClient: Stripe.createFetchHttpClient() });
  return {
    provider: adapterFor(fake),
    async pay(intent, card) {
      try {
        await browser.paymentIntents.confirm(intent.id, { payment_method: card === 'visa' ? 'pm_card_visa' : 'pm_card_chargeDeclined', client_secret: intent.clientSecret } as Stripe.PaymentIntentConfirmParams);
      } catch (error) {
        throw fromStripeSdkError(error) ?? error;
      }
    },
    completeOnboarding: async (accountId) => void fake.completeOnboarding(accountId),
    async deliveries() {
      await fake.settled();
      return [...endpoint.received];
    },
    async close() {
      await fake.close();
      await endpoint.close();
    },
  };
});

describe('Stripe adapter: what it sends to Stripe', () => {
  let fake: FakeStripe;
  beforeEach(async () => {
    fake = await startFakeStripe({ webhookSecret: NEW_SECRET, clock: () => NOW });
  });
  afterEach(async () => {
    await fake.close();
  });

  const onboarded = async (payments: ReturnType<typeof adapterFor>) => {
    const account = await payments.createConnectedAccount({ email: 'spec@example.com', metadata: { specialist_id: 'sp_1' }, idempotencyKey: 'acct:sp_1' });
    fake.completeOnboarding(account.id);
    return account;
  };

  test('every POST carries the caller\'s idempotency key, and every request the SDK\'s Stripe-Version', async () => {
    const payments = adapterFor(fake);
    const account = await onboarded(payments);
    const intent = await payments.createPaymentIntent({ amount: 5000, currency: 'eur', customerEmail: 'a@example.com', description: 'x', metadata: {}, destinationAccount: account.id, applicationFeeAmount: 1000, idempotencyKey: 'bk_1:pi' });
    fake.succeed(intent.id);
    await payments.createRefund({ paymentIntent: intent.id, amount: 100, reverseTransfer: true, refundApplicationFee: true, metadata: {}, idempotencyKey: 'bk_1:refund:1' });
    await payments.cancelPaymentIntent(intent.id, 'bk_1:cancel').catch(() => undefined);
    await payments.retrievePaymentIntent(intent.id);
    const posts = fake.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => [r.path, r.idempotencyKey])).toEqual([
      ['/v1/accounts', 'acct:sp_1'],
      ['/v1/payment_intents', 'bk_1:pi'],
      ['/v1/refunds', 'bk_1:refund:1'],
      [`/v1/payment_intents/${intent.id}/cancel`, 'bk_1:cancel'],
    ]);
    expect(new Set(fake.requests.map((r) => r.stripeVersion))).toEqual(new Set([Stripe.API_VERSION]));
    expect(fake.requests.every((r) => r.auth === 'secret')).toBe(true);
  });

  test('an account link POST also carries an idempotency key (the SDK\'s own)', async () => {
    const payments = adapterFor(fake);
    const account = await onboarded(payments);
    await payments.createAccountLink({ account: account.id, refreshUrl: 'https://app.example/r', returnUrl: 'https://app.example/x' });
    const link = fake.requests.find((r) => r.path === '/v1/account_links')!;
    expect(link.idempotencyKey).toMatch(/^stripe-node-retry-/);
    expect(link.body).toEqual({ account: account.id, refresh_url: 'https://app.example/r', return_url: 'https://app.example/x', type: 'account_onboarding' });
  });

  test('creates a Payment Element intent as a destination charge with the fee, a receipt email and automatic payment methods', async () => {
    const payments = adapterFor(fake);
    const account = await onboarded(payments);
    await payments.createPaymentIntent({ amount: 12345, currency: 'CHF', customerEmail: 'ada@example.com', description: 'Session', metadata: { booking_id: 'bk_9' }, destinationAccount: account.id, applicationFeeAmount: 2469, idempotencyKey: 'bk_9:pi' });
    const sent = fake.requests.find((r) => r.path === '/v1/payment_intents')!;
    expect(sent.body).toEqual({
      amount: '12345',
      currency: 'chf',
      receipt_email: 'ada@example.com',
      description: 'Session',
      metadata: { booking_id: 'bk_9' },
      automatic_payment_methods: { enabled: 'true', allow_redirects: 'never' },
      transfer_data: { destination: account.id },
      application_fee_amount: '2469',
    });
  });

  test('asks Stripe to reverse the transfer and refund the fee, which Stripe does in proportion', async () => {
    const payments = adapterFor(fake);
    const account = await onboarded(payments);
    const intent = await payments.createPaymentIntent({ amount: 10000, currency: 'eur', customerEmail: 'a@example.com', description: 'x', metadata: {}, destinationAccount: account.id, applicationFeeAmount: 2000, idempotencyKey: 'bk_2:pi' });
    fake.succeed(intent.id);
    await payments.createRefund({ paymentIntent: intent.id, amount: 2500, reverseTransfer: true, refundApplicationFee: true, metadata: { reason: 'policy' }, idempotencyKey: 'bk_2:refund' });
    const sent = fake.requests.find((r) => r.path === '/v1/refunds')!;
    expect(sent.body).toEqual({ payment_intent: intent.id, amount: '2500', reverse_transfer: 'true', refund_application_fee: 'true', metadata: { reason: 'policy' } });
    const [fee] = fake.simulator.state.applicationFees.values();
    const [transfer] = fake.simulator.state.transfers.values();
    expect(fee).toMatchObject({ amount: 2000, amount_refunded: 500 });
    expect(transfer).toMatchObject({ amount: 10000, amount_reversed: 2500, destination: account.id });
  });

  test('uses the fetch HTTP client, so the same adapter runs on the edge', async () => {
    await adapterFor(fake).retrievePaymentIntent('pi_x').catch(() => undefined);
    expect(JSON.parse(fake.requests[0]!.headers['x-stripe-client-user-agent']!)).toMatchObject({ httplib: 'fetch' });
  });

  test('a 500 from Stripe is a retryable api_error, and the retry with the same key refunds once', async () => {
    const payments = adapterFor(fake);
    const intent = await payments.createPaymentIntent({ amount: 5000, currency: 'eur', customerEmail: 'a@example.com', description: 'x', metadata: {}, idempotencyKey: 'bk_3:pi' });
    fake.succeed(intent.id);
    fake.failNextRefund();
    const params = { paymentIntent: intent.id, amount: 5000, reverseTransfer: false, refundApplicationFee: false, metadata: {}, idempotencyKey: 'bk_3:refund' };
    const error = await payments.createRefund(params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaymentsError);
    expect(error).toMatchObject({ code: 'api_error', status: 500, retryable: true });
    expect((await payments.createRefund(params)).amount).toBe(5000);
    expect((await payments.createRefund(params)).amount).toBe(5000);
    expect(fake.simulator.state.refunds.size).toBe(1);
  });

  test('a 500 Stripe saved for the key (Stripe-Should-Retry: false) is not retryable', async () => {
    const payments = adapterFor(fake);
    const intent = await payments.createPaymentIntent({ amount: 5000, currency: 'eur', customerEmail: 'a@example.com', description: 'x', metadata: {}, idempotencyKey: 'bk_4:pi' });
    fake.succeed(intent.id);
    fake.failNextRefund({ persist: true });
    const params = { paymentIntent: intent.id, amount: 5000, reverseTransfer: false, refundApplicationFee: false, metadata: {}, idempotencyKey: 'bk_4:refund' };
    await expect(payments.createRefund(params)).rejects.toMatchObject({ code: 'api_error', retryable: false });
    await expect(payments.createRefund(params)).rejects.toMatchObject({ code: 'api_error', retryable: false });
    expect(fake.requests.at(-1)!.replayed).toBe(true);
  });

  test('the SDK retries a 500 itself with the same idempotency key when allowed to', async () => {
    const payments = adapterFor(fake, { maxNetworkRetries: 1 });
    const intent = await payments.createPaymentIntent({ amount: 5000, currency: 'eur', customerEmail: 'a@example.com', description: 'x', metadata: {}, idempotencyKey: 'bk_5:pi' });
    fake.succeed(intent.id);
    fake.failNextRefund();
    await payments.createRefund({ paymentIntent: intent.id, amount: 5000, reverseTransfer: false, refundApplicationFee: false, metadata: {}, idempotencyKey: 'bk_5:refund' });
    const refunds = fake.requests.filter((r) => r.path === '/v1/refunds');
    expect(refunds.map((r) => [r.status, r.idempotencyKey])).toEqual([[500, 'bk_5:refund'], [200, 'bk_5:refund']]);
  });

  test('an unreachable API is a retryable network error', async () => {
    const closed = await startFakeStripe({ webhookSecret: NEW_SECRET });
    await closed.close();
    const payments = adapterFor(closed);
    await expect(payments.retrievePaymentIntent('pi_x')).rejects.toMatchObject({ code: 'network', retryable: true });
  });

  test('a wrong secret key is an authentication_error (401)', async () => {
    const payments = adapterFor(fake, { secretKey: 'sk_test_wrong_0000000000' });
    await expect(payments.retrievePaymentIntent('pi_x')).rejects.toMatchObject({ code: 'authentication_error', status: 401, retryable: false });
  });

  test('needs a secret key and at least one webhook secret', () => {
    expect(() => adapterFor(fake, { webhookSecrets: [] })).toThrow(/webhook secret/);
    expect(() => adapterFor(fake, { secretKey: '' })).toThrow(/secretKey/);
  });
});
