import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { PaymentsError } from '../../services/payments/payments-error.js';
import type { PaymentsProvider, ProviderEvent, ProviderPaymentIntent } from '../../services/payments/port.js';

/**
 * One suite for every implementation of the payments port (like Hono's router tests): the Stripe
 * adapter against the fake Stripe server over HTTP, and the offline test-payments mode. Each file
 * that runs it supplies a harness that plays the customer and the webhook endpoint.
 */

/** Signing secrets the provider is configured with: the old one, then the one rolled in. */
export const OLD_SECRET = 'whsec_old_0123456789abcdef';
export const NEW_SECRET = 'whsec_new_fedcba9876543210';
export const NOW = Date.parse('2026-11-20T12:00:00Z');

export interface Delivery {
  payload: string;
  header: string;
}

export interface PaymentsHarness {
  /** Configured with `webhookSecrets: [OLD_SECRET, NEW_SECRET]` and a clock fixed at `NOW`. */
  provider: PaymentsProvider;
  /** The customer confirms with a card; a declined one throws the `PaymentsError` the browser would get. */
  pay(intent: ProviderPaymentIntent, card: 'visa' | 'declined'): Promise<void>;
  /** The specialist finishes Stripe's hosted onboarding. */
  completeOnboarding(accountId: string): Promise<void>;
  /** Every event delivered to the app's webhook endpoint so far, once deliveries have settled. */
  deliveries(): Promise<Delivery[]>;
  close(): Promise<void>;
}

const intentParams = (key: string, overrides: Partial<Parameters<PaymentsProvider['createPaymentIntent']>[0]> = {}) => ({
  amount: 5000,
  currency: 'EUR',
  customerEmail: 'ada@example.com',
  description: 'Consultation, 60 min',
  metadata: { booking_id: 'bk_1', specialist_id: 'sp_1' },
  idempotencyKey: key,
  ...overrides,
});

async function rejection(promise: Promise<unknown>): Promise<PaymentsError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PaymentsError);
  return error as PaymentsError;
}

/** Signs with Stripe's own implementation, not ours. */
const stripeHeader = (payload: string, secret: string, timestamp = Math.floor(NOW / 1000)) =>
  Stripe.webhooks.generateTestHeaderStringAsync({ payload, secret, timestamp, cryptoProvider: Stripe.createSubtleCryptoProvider() });

const eventBody = (id = 'evt_case_1') =>
  JSON.stringify({ id, object: 'event', type: 'payment_intent.succeeded', created: Math.floor(NOW / 1000), data: { object: { id: 'pi_1', object: 'payment_intent' } } }, null, 2);

export function runPaymentsCases(name: string, setup: () => Promise<PaymentsHarness>): void {
  describe(`payments port: ${name}`, () => {
    let h: PaymentsHarness;
    let payments: PaymentsProvider;
    beforeEach(async () => {
      h = await setup();
      payments = h.provider;
    });
    afterEach(async () => {
      await h.close();
    });

    /** Verified events of one type about one object, in delivery order. */
    async function delivered(type: string, objectId: string): Promise<ProviderEvent[]> {
      const events = await Promise.all((await h.deliveries()).map((d) => payments.verifyWebhook(d.payload, d.header, NOW)));
      return events.filter((e) => e.type === type && e.data.object.id === objectId);
    }

    describe('payment intents', () => {
      test('creates an intent awaiting a payment method, with the currency lower-cased, the metadata and a client secret', async () => {
        const intent = await payments.createPaymentIntent(intentParams('create-1'));
        expect(intent).toMatchObject({ status: 'requires_payment_method', amount: 5000, currency: 'eur', metadata: { booking_id: 'bk_1', specialist_id: 'sp_1' }, latestChargeId: null, lastPaymentError: null });
        expect(intent.id).toMatch(/^pi_/);
        expect(intent.clientSecret.startsWith(`${intent.id}_secret_`)).toBe(true);
      });

      test('retrieves an intent by id, unchanged', async () => {
        const intent = await payments.createPaymentIntent(intentParams('retrieve-1'));
        expect(await payments.retrievePaymentIntent(intent.id)).toEqual(intent);
      });

      test('a successful card payment makes the intent succeeded, with a charge, and delivers a verifiable payment_intent.succeeded', async () => {
        const intent = await payments.createPaymentIntent(intentParams('pay-1'));
        await h.pay(intent, 'visa');
        const paid = await payments.retrievePaymentIntent(intent.id);
        expect(paid.status).toBe('succeeded');
        expect(paid.latestChargeId).toMatch(/^ch_/);
        const [event, ...more] = await delivered('payment_intent.succeeded', intent.id);
        expect(more).toHaveLength(0);
        expect(event!.data.object).toMatchObject({ object: 'payment_intent', status: 'succeeded', amount: 5000, metadata: { booking_id: 'bk_1' } });
      });

      test('a declined card throws card_declined and leaves the intent awaiting another payment method; a second card can still pay', async () => {
        const intent = await payments.createPaymentIntent(intentParams('decline-1'));
        const error = await rejection(h.pay(intent, 'declined'));
        expect(error).toMatchObject({ code: 'card_declined', declineCode: 'generic_decline', status: 402, retryable: false });
        const declined = await payments.retrievePaymentIntent(intent.id);
        expect(declined).toMatchObject({ status: 'requires_payment_method', lastPaymentError: 'card_declined' });
        expect(await delivered('payment_intent.payment_failed', intent.id)).toHaveLength(1);
        expect(await delivered('payment_intent.succeeded', intent.id)).toHaveLength(0);
        await h.pay(intent, 'visa');
        expect(await payments.retrievePaymentIntent(intent.id)).toMatchObject({ status: 'succeeded', lastPaymentError: null });
      });

      test('cancels an unpaid intent and delivers payment_intent.canceled', async () => {
        const intent = await payments.createPaymentIntent(intentParams('cancel-1'));
        expect((await payments.cancelPaymentIntent(intent.id, 'cancel-1:cancel')).status).toBe('canceled');
        const [event] = await delivered('payment_intent.canceled', intent.id);
        expect(event?.data.object).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
      });

      test('cancelling an intent that is already cancelled returns it instead of failing', async () => {
        const intent = await payments.createPaymentIntent(intentParams('cancel-2'));
        await payments.cancelPaymentIntent(intent.id, 'cancel-2:a');
        const again = await payments.cancelPaymentIntent(intent.id, 'cancel-2:b', 'requested_by_customer');
        expect(again).toMatchObject({ id: intent.id, status: 'canceled' });
      });

      test('refuses to cancel a paid intent with payment_intent_unexpected_state, carrying the intent as it is', async () => {
        const intent = await payments.createPaymentIntent(intentParams('cancel-3'));
        await h.pay(intent, 'visa');
        const error = await rejection(payments.cancelPaymentIntent(intent.id, 'cancel-3:cancel'));
        expect(error).toMatchObject({ code: 'payment_intent_unexpected_state', retryable: false });
        expect(error.paymentIntent?.status).toBe('succeeded');
      });

      test('an unknown intent is resource_missing (404), not worth retrying', async () => {
        const error = await rejection(payments.retrievePaymentIntent('pi_doesnotexist'));
        expect(error).toMatchObject({ code: 'resource_missing', status: 404, retryable: false });
      });
    });

    describe('idempotency', () => {
      test('the same key with the same parameters returns the first intent instead of creating another', async () => {
        const first = await payments.createPaymentIntent(intentParams('idem-1'));
        const second = await payments.createPaymentIntent(intentParams('idem-1'));
        const other = await payments.createPaymentIntent(intentParams('idem-2'));
        expect(second.id).toBe(first.id);
        expect(other.id).not.toBe(first.id);
      });

      test('the same key with other parameters fails with idempotency_error', async () => {
        await payments.createPaymentIntent(intentParams('idem-3'));
        const error = await rejection(payments.createPaymentIntent(intentParams('idem-3', { amount: 9900 })));
        expect(error).toMatchObject({ code: 'idempotency_error', status: 400, retryable: false });
      });

      test('a refund retried with its key refunds once', async () => {
        const intent = await payments.createPaymentIntent(intentParams('idem-4'));
        await h.pay(intent, 'visa');
        const refund = { paymentIntent: intent.id, amount: 2000, reverseTransfer: false, refundApplicationFee: false, metadata: {}, idempotencyKey: 'idem-4:refund' };
        const a = await payments.createRefund(refund);
        const b = await payments.createRefund(refund);
        expect(b.id).toBe(a.id);
        const error = await rejection(payments.createRefund({ ...refund, amount: 3001, idempotencyKey: 'idem-4:more' }));
        expect(error.code).toBe('amount_too_large');
      });
    });

    describe('refunds', () => {
      const refund = (paymentIntent: string, amount: number, key: string) =>
        payments.createRefund({ paymentIntent, amount, reverseTransfer: false, refundApplicationFee: false, metadata: { booking_id: 'bk_1' }, idempotencyKey: key });

      test('refunds part, then the rest; one more is refused with charge_already_refunded; each delivers charge.refunded', async () => {
        const intent = await payments.createPaymentIntent(intentParams('refund-1'));
        await h.pay(intent, 'visa');
        expect(await refund(intent.id, 1500, 'refund-1:a')).toMatchObject({ status: 'succeeded', amount: 1500, currency: 'eur', paymentIntent: intent.id });
        expect((await refund(intent.id, 3500, 'refund-1:b')).amount).toBe(3500);
        const error = await rejection(refund(intent.id, 1, 'refund-1:c'));
        expect(error).toMatchObject({ code: 'charge_already_refunded', status: 400, retryable: false });
        const charges = (await delivered('charge.refunded', (await payments.retrievePaymentIntent(intent.id)).latestChargeId!)).map((e) => e.data.object);
        expect(charges.map((c) => [c.amount_refunded, c.refunded])).toEqual([[1500, false], [5000, true]]);
      });

      test('reads refunds back as they are now: one by id, and all of a PaymentIntent with their metadata', async () => {
        const intent = await payments.createPaymentIntent(intentParams('refund-read'));
        await h.pay(intent, 'visa');
        const first = await refund(intent.id, 1000, 'refund-read:a');
        const second = await refund(intent.id, 2000, 'refund-read:b');
        expect(await payments.retrieveRefund(first.id)).toMatchObject({ id: first.id, status: 'succeeded', amount: 1000, paymentIntent: intent.id, metadata: { booking_id: 'bk_1' } });
        const listed = await payments.listRefunds(intent.id);
        expect(listed.map((r) => r.id).sort()).toEqual([first.id, second.id].sort());
        expect(await payments.listRefunds((await payments.createPaymentIntent(intentParams('refund-none'))).id)).toEqual([]);
        expect(await rejection(payments.retrieveRefund('re_missing'))).toMatchObject({ code: 'resource_missing', status: 404 });
      });

      test('refuses a refund larger than what is left with amount_too_large', async () => {
        const intent = await payments.createPaymentIntent(intentParams('refund-2'));
        await h.pay(intent, 'visa');
        await refund(intent.id, 4000, 'refund-2:a');
        const error = await rejection(refund(intent.id, 1001, 'refund-2:b'));
        expect(error).toMatchObject({ code: 'amount_too_large', param: 'amount', retryable: false });
        expect((await refund(intent.id, 1000, 'refund-2:c')).amount).toBe(1000);
      });

      test('refuses to refund an intent that was never paid', async () => {
        const intent = await payments.createPaymentIntent(intentParams('refund-3'));
        const error = await rejection(refund(intent.id, 100, 'refund-3:a'));
        expect(error).toMatchObject({ code: 'invalid_request', status: 400 });
      });
    });

    describe('Connect', () => {
      const connected = () => payments.createConnectedAccount({ email: 'spec@example.com', country: 'DE', metadata: { specialist_id: 'sp_1' }, idempotencyKey: 'acct-sp_1' });

      test('a connected account takes charges only once onboarding is complete, and account.updated says so', async () => {
        const account = await connected();
        expect(account).toMatchObject({ chargesEnabled: false, payoutsEnabled: false, detailsSubmitted: false });
        expect(account.id).toMatch(/^acct_/);
        const link = await payments.createAccountLink({ account: account.id, refreshUrl: 'https://app.example/connect/refresh', returnUrl: 'https://app.example/connect/return' });
        expect(link.url).toMatch(/^https?:\/\//);
        expect(link.expiresAt).toBeGreaterThan(Math.floor(NOW / 1000));
        await h.completeOnboarding(account.id);
        expect(await payments.retrieveAccount(account.id)).toEqual({ id: account.id, chargesEnabled: true, payoutsEnabled: true, detailsSubmitted: true });
        const [event] = await delivered('account.updated', account.id);
        expect(event).toMatchObject({ account: account.id, data: { object: { charges_enabled: true } } });
      });

      test('a destination charge to an onboarded account keeps the platform fee', async () => {
        const account = await connected();
        await h.completeOnboarding(account.id);
        const intent = await payments.createPaymentIntent(intentParams('dest-1', { destinationAccount: account.id, applicationFeeAmount: 1000 }));
        expect(intent).toMatchObject({ destinationAccount: account.id, applicationFeeAmount: 1000 });
        await h.pay(intent, 'visa');
        const refunded = await payments.createRefund({ paymentIntent: intent.id, amount: 5000, reverseTransfer: true, refundApplicationFee: true, metadata: {}, idempotencyKey: 'dest-1:refund' });
        expect(refunded.status).toBe('succeeded');
      });

      test('refuses a destination charge to an account that has not finished onboarding', async () => {
        const account = await connected();
        const error = await rejection(payments.createPaymentIntent(intentParams('dest-2', { destinationAccount: account.id, applicationFeeAmount: 1000 })));
        expect(error).toMatchObject({ code: 'insufficient_capabilities_for_transfer', param: 'transfer_data[destination]' });
      });

      test('an unknown account is account_invalid (403)', async () => {
        const error = await rejection(payments.retrieveAccount('acct_doesnotexist'));
        expect(error).toMatchObject({ code: 'account_invalid', status: 403, retryable: false });
      });
    });

    describe('webhook verification', () => {
      const now = NOW;
      const t = Math.floor(now / 1000);

      test('accepts a body signed by Stripe\'s own signer with the current secret', async () => {
        const payload = eventBody();
        const event = await payments.verifyWebhook(payload, await stripeHeader(payload, NEW_SECRET), now);
        expect(event).toEqual({ id: 'evt_case_1', type: 'payment_intent.succeeded', created: t, account: null, data: { object: { id: 'pi_1', object: 'payment_intent' } } });
      });

      test('accepts either secret while one is rolled, and a header carrying both signatures', async () => {
        const payload = eventBody();
        await expect(payments.verifyWebhook(payload, await stripeHeader(payload, OLD_SECRET), now)).resolves.toMatchObject({ id: 'evt_case_1' });
        const both = `${await stripeHeader(payload, OLD_SECRET)},v1=${(await stripeHeader(payload, NEW_SECRET)).split('v1=')[1]}`;
        await expect(payments.verifyWebhook(payload, both, now)).resolves.toMatchObject({ id: 'evt_case_1' });
      });

      test('refuses a tampered body as invalid_signature', async () => {
        const payload = eventBody();
        const header = await stripeHeader(payload, NEW_SECRET);
        const error = await rejection(payments.verifyWebhook(payload.replace('pi_1', 'pi_2'), header, now));
        expect(error.code).toBe('invalid_signature');
      });

      test('refuses a body signed with another secret as invalid_signature', async () => {
        const payload = eventBody();
        const error = await rejection(payments.verifyWebhook(payload, await stripeHeader(payload, 'whsec_someone_else'), now));
        expect(error.code).toBe('invalid_signature');
      });

      test('accepts a signature exactly 300 s old and refuses one 301 s old as stale_signature', async () => {
        const payload = eventBody();
        await expect(payments.verifyWebhook(payload, await stripeHeader(payload, NEW_SECRET, t - 300), now)).resolves.toBeDefined();
        const error = await rejection(payments.verifyWebhook(payload, await stripeHeader(payload, NEW_SECRET, t - 301), now));
        expect(error.code).toBe('stale_signature');
      });

      test('refuses a signature dated more than 300 s ahead as stale_signature', async () => {
        const payload = eventBody();
        const error = await rejection(payments.verifyWebhook(payload, await stripeHeader(payload, NEW_SECRET, t + 301), now));
        expect(error.code).toBe('stale_signature');
      });

      test('refuses a stale body that is also tampered as invalid_signature, not stale', async () => {
        const payload = eventBody();
        const header = await stripeHeader(payload, NEW_SECRET, t - 1000);
        expect((await rejection(payments.verifyWebhook(`${payload} `, header, now))).code).toBe('invalid_signature');
      });

      test.each([
        ['missing', undefined],
        ['empty', ''],
        ['garbage', 'garbage'],
        ['without a timestamp', 'v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd'],
        ['without a v1 signature', `t=${Math.floor(NOW / 1000)},v0=abc`],
        ['with a non-numeric timestamp', 't=soon,v1=abc'],
      ])('refuses a header that is %s as invalid_signature', async (_, header) => {
        const error = await rejection(payments.verifyWebhook(eventBody(), header, now));
        expect(error).toMatchObject({ code: 'invalid_signature', status: 400 });
      });

      test('refuses a validly signed body that is not an event as invalid_payload', async () => {
        const error = await rejection(payments.verifyWebhook('{"hello":"world"}', await stripeHeader('{"hello":"world"}', NEW_SECRET), now));
        expect(error.code).toBe('invalid_payload');
        const notJson = await rejection(payments.verifyWebhook('not json', await stripeHeader('not json', NEW_SECRET), now));
        expect(notJson.code).toBe('invalid_payload');
      });
    });
  });
}
