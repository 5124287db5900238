import type Stripe from 'stripe';
import { PaymentsError } from '../../services/payments/payments-error.js';
import type { PaymentsProvider, ProviderPaymentIntent } from '../../services/payments/port.js';
import { fromStripeSdkError } from './stripe-errors.js';
import { accountLinkRequest, cancelRequest, connectedAccountRequest, paymentIntentRequest, refundRequest } from './stripe-requests.js';
import { toProviderAccount, toProviderPaymentIntent, toProviderRefund } from './stripe-objects.js';
import { loadStripe } from './stripe-sdk.js';
import { verifyStripeWebhook } from './verify-webhook.js';

export interface StripePaymentsOptions {
  /** `sk_test_…` / `sk_live_…` (or a restricted `rk_…` key). */
  secretKey: string;
  /** `pk_test_…` / `pk_live_…`, handed to the browser. */
  publishableKey: string;
  /** Webhook signing secrets (`whsec_…`): one, or two while rolling from the old to the new. */
  webhookSecrets: readonly string[];
  /** Another API host, e.g. the fake Stripe server in tests. @default 'api.stripe.com' */
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
  /** Retries of connection errors, 409s and 5xx inside the SDK, with the same idempotency key. @default 2 */
  maxNetworkRetries?: number;
  /** @default 30000 */
  timeoutMs?: number;
  /** The fetch the SDK uses (a test may wrap it). @default globalThis.fetch */
  fetch?: typeof fetch;
}

/**
 * The payments port on Stripe, with the official `stripe` SDK over `fetch` (so it also runs on
 * the edge). Charges are destination charges to the specialist's connected account with the
 * platform fee as `application_fee_amount`; every POST carries the caller's idempotency key;
 * errors become `PaymentsError`s.
 *
 * @example
 * const payments = createStripePayments({
 *   secretKey: env.STRIPE_SECRET_KEY, publishableKey: env.STRIPE_PUBLISHABLE_KEY,
 *   webhookSecrets: [env.STRIPE_WEBHOOK_SECRET],
 * });
 */
export function createStripePayments(options: StripePaymentsOptions): PaymentsProvider {
  const { secretKey, publishableKey, webhookSecrets } = options;
  if (!secretKey) throw new Error('createStripePayments: secretKey is required.');
  if (webhookSecrets.length === 0) throw new Error('createStripePayments: at least one webhook secret is required.');
  // The SDK is loaded on the first call (`loadStripe`), the client made once from it.
  let client: Promise<Stripe> | undefined;
  const connect = () =>
    (client ??= loadStripe().then(
      (Sdk) =>
        new Sdk(secretKey, {
          httpClient: Sdk.createFetchHttpClient(options.fetch),
          maxNetworkRetries: options.maxNetworkRetries ?? 2,
          timeout: options.timeoutMs ?? 30_000,
          telemetry: false,
          ...(options.host === undefined ? {} : { host: options.host }),
          ...(options.port === undefined ? {} : { port: options.port }),
          ...(options.protocol === undefined ? {} : { protocol: options.protocol }),
        }),
    ));
  const secrets = [...webhookSecrets];

  /** Runs one SDK call; its failures leave as `PaymentsError`s (anything else is a bug and is rethrown). */
  async function call<T>(run: (stripe: Stripe) => Promise<T>): Promise<T> {
    const stripe = await connect();
    try {
      return await run(stripe);
    } catch (error) {
      throw fromStripeSdkError(error) ?? error;
    }
  }

  return {
    mode: 'stripe',
    publishableKey,

    createPaymentIntent: (p) =>
      call(async (stripe) => toProviderPaymentIntent(await stripe.paymentIntents.create(paymentIntentRequest(p), { idempotencyKey: p.idempotencyKey }))),

    retrievePaymentIntent: (id) => call(async (stripe) => toProviderPaymentIntent(await stripe.paymentIntents.retrieve(id))),

    async cancelPaymentIntent(id, idempotencyKey, reason = 'abandoned') {
      try {
        return await call(async (stripe) => toProviderPaymentIntent(await stripe.paymentIntents.cancel(id, cancelRequest(reason), { idempotencyKey })));
      } catch (error) {
        if (!(error instanceof PaymentsError) || error.code !== 'payment_intent_unexpected_state') throw error;
        // Cancelling twice is not a failure: the intent is where the caller wants it.
        const intent: ProviderPaymentIntent = error.paymentIntent ?? (await this.retrievePaymentIntent(id));
        if (intent.status === 'canceled') return intent;
        throw new PaymentsError(error.code, error.message, { status: error.status, paymentIntent: intent, cause: error });
      }
    },

    createRefund: (p) => call(async (stripe) => toProviderRefund(await stripe.refunds.create(refundRequest(p), { idempotencyKey: p.idempotencyKey }))),

    retrieveRefund: (id) => call(async (stripe) => toProviderRefund(await stripe.refunds.retrieve(id))),

    listRefunds: (paymentIntent) =>
      call(async (stripe) => {
        // A PaymentIntent has a handful of refunds at most; auto-pagination reads them all.
        const out = [];
        for await (const refund of stripe.refunds.list({ payment_intent: paymentIntent, limit: 100 })) out.push(toProviderRefund(refund));
        return out;
      }),

    createConnectedAccount: (p) =>
      call(async (stripe) => toProviderAccount(await stripe.accounts.create(connectedAccountRequest(p), { idempotencyKey: p.idempotencyKey }))),

    retrieveAccount: (id) => call(async (stripe) => toProviderAccount(await stripe.accounts.retrieve(id))),

    createAccountLink: (p) =>
      call(async (stripe) => {
        // One-shot and harmless to repeat: the SDK's own idempotency key (it sends one on every POST) is enough.
        const link = await stripe.accountLinks.create(accountLinkRequest(p));
        return { url: link.url, expiresAt: link.expires_at };
      }),

    verifyWebhook: (rawBody, header, nowMs) => verifyStripeWebhook(rawBody, header, secrets, nowMs),
  };
}
