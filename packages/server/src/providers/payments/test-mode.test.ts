import Stripe from 'stripe';
import { describe, expect, test } from 'vitest';
import type { SignedEvent } from './events.js';
import { NEW_SECRET, NOW, OLD_SECRET, runPaymentsCases, type Delivery } from './payments.case.js';
import { PaymentsError } from '../../services/payments/payments-error.js';
import { TEST_PUBLISHABLE_KEY, createTestPayments } from './test-mode.js';

runPaymentsCases('offline test-payments mode', async () => {
  const received: Delivery[] = [];
  const provider = createTestPayments({
    nodeEnv: 'test',
    webhookSecret: [OLD_SECRET, NEW_SECRET],
    clock: () => NOW,
    emit: async ({ payload, header }) => void received.push({ payload, header }),
  });
  return {
    provider,
    async pay(intent, card) {
      await provider.confirmTestPayment(intent.id, { outcome: card === 'visa' ? 'succeed' : 'decline' });
    },
    completeOnboarding: async (accountId) => void (await provider.completeTestOnboarding(accountId)),
    async deliveries() {
      await provider.settled();
      return [...received];
    },
    close: () => provider.settled(),
  };
});

describe('offline test-payments mode', () => {
  const secret = 'whsec_offline_demo';
  const make = (emit: (d: SignedEvent) => Promise<void> = async () => undefined, nodeEnv: string | undefined = 'development') =>
    createTestPayments({ nodeEnv, webhookSecret: secret, clock: () => NOW, emit });
  const intent = (payments: ReturnType<typeof make>, key = 'k1') =>
    payments.createPaymentIntent({ amount: 5000, currency: 'eur', customerEmail: 'a@example.com', description: 'x', metadata: { booking_id: 'bk_1' }, idempotencyKey: key });

  test('refuses to run in production', () => {
    expect(() => make(undefined, 'production')).toThrow(/Test payments refuse to run in production; set STRIPE_SECRET_KEY/);
    expect(() => make(undefined, undefined)).not.toThrow();
  });

  test('is labelled as the test mode, with the offline publishable key', () => {
    const payments = make();
    expect(payments.mode).toBe('test');
    expect(payments.publishableKey).toBe(TEST_PUBLISHABLE_KEY);
    expect(TEST_PUBLISHABLE_KEY).toBe('pk_test_slotwise_offline');
  });

  test('its events verify with Stripe\'s own constructEvent, as the app\'s webhook endpoint would with Stripe', async () => {
    const deliveries: SignedEvent[] = [];
    const payments = make(async (d) => void deliveries.push(d));
    const pi = await intent(payments);
    await payments.confirmTestPayment(pi.id, { outcome: 'succeed' });
    await payments.settled();
    expect(deliveries.map((d) => d.event.type)).toEqual(['payment_intent.succeeded']);
    const { payload, header } = deliveries[0]!;
    const event = Stripe.webhooks.constructEvent(payload, header, secret, 300, undefined, NOW);
    expect(event).toMatchObject({ type: 'payment_intent.succeeded', data: { object: { id: pi.id, metadata: { booking_id: 'bk_1' } } } });
  });

  test('delivers events after the call that caused them returns, never inside it', async () => {
    let delivered = 0;
    const payments = make(async () => void (delivered += 1));
    const pi = await intent(payments);
    await payments.cancelPaymentIntent(pi.id, 'k1:cancel');
    expect(delivered).toBe(0);
    await payments.settled();
    expect(delivered).toBe(1);
  });

  test('keeps an event the app failed to take and delivers it again on retryDeliveries', async () => {
    let failing = true;
    const types: string[] = [];
    const payments = make(async (d) => {
      if (failing) throw new Error('503 from the app');
      types.push(d.event.type);
    });
    const pi = await intent(payments);
    await payments.confirmTestPayment(pi.id, { outcome: 'succeed' });
    await payments.settled();
    expect(payments.dispatcher.failed.map((e) => e.type)).toEqual(['payment_intent.succeeded']);
    failing = false;
    expect(await payments.retryDeliveries()).toBe(1);
    expect(types).toEqual(['payment_intent.succeeded']);
    expect(payments.dispatcher.failed).toEqual([]);
  });

  test('a declined test payment throws card_declined carrying the intent, like Stripe.js reports it', async () => {
    const payments = make();
    const pi = await intent(payments);
    const error = await payments.confirmTestPayment(pi.id, { outcome: 'decline' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaymentsError);
    expect(error).toMatchObject({ code: 'card_declined', message: 'Your card was declined.', paymentIntent: { id: pi.id, status: 'requires_payment_method' } });
  });

  test('a cancelled intent cannot be paid any more', async () => {
    const payments = make();
    const pi = await intent(payments);
    await payments.cancelPaymentIntent(pi.id, 'k1:cancel');
    await expect(payments.confirmTestPayment(pi.id, { outcome: 'succeed' })).rejects.toMatchObject({ code: 'payment_intent_unexpected_state' });
  });

  test('an account link leads straight back to the return URL, onboarded', async () => {
    const payments = make();
    const account = await payments.createConnectedAccount({ email: 's@example.com', metadata: {}, idempotencyKey: 'a1' });
    const link = await payments.createAccountLink({ account: account.id, refreshUrl: 'http://localhost/refresh', returnUrl: 'http://localhost/return' });
    expect(link.url).toBe('http://localhost/return');
    expect((await payments.retrieveAccount(account.id)).chargesEnabled).toBe(true);
    await expect(payments.completeTestOnboarding('acct_nope')).rejects.toMatchObject({ code: 'account_invalid' });
  });
});
