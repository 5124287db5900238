import type { SignedEvent } from './events.js';
import type { PaymentsProvider, ProviderAccount, ProviderPaymentIntent } from '../../services/payments/port.js';
import { StripeApiError, StripeSimulator, type Params, type SimResponse } from './simulator/index.js';
import { fromStripeErrorBody } from './stripe-errors.js';
import { toProviderAccount, toProviderPaymentIntent, toProviderRefund, type StripeAccountLike, type StripePaymentIntentLike, type StripeRefundLike } from './stripe-objects.js';
import { accountLinkRequest, cancelRequest, connectedAccountRequest, paymentIntentRequest, refundRequest } from './stripe-requests.js';
import { verifyStripeWebhook } from './verify-webhook.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';

/** The publishable key of the offline mode: the widget shows its test card form instead of Stripe's. */
export const TEST_PUBLISHABLE_KEY = 'pk_test_slotwise_offline';

export interface TestPaymentsOptions {
  /** `process.env.NODE_ENV` or the edge equivalent: `production` is refused. */
  nodeEnv: string | undefined;
  /**
   * Signs the events handed to `emit`; the app's webhook endpoint verifies with the same secret.
   * Several while one is rolled: events then carry one signature per secret, as Stripe's do.
   */
  webhookSecret: string | readonly string[];
  /** Delivers one signed event to the app's webhook endpoint (the raw body and `Stripe-Signature`). */
  emit: (delivery: SignedEvent) => Promise<void>;
  /** Milliseconds since the epoch. */
  clock: () => number;
  /** Event types delivered. @default WEBHOOK_EVENTS */
  enabledEvents?: readonly string[];
  /**
   * Where the simulated account lives between calls. Without one it lives in this process's
   * memory (unit tests of the provider); the app passes `databaseSimulatorStore`, so a restart
   * keeps every intent and two processes on one database share the account.
   */
  store?: SimulatorStore;
}

/** Keeps the simulated account's snapshot (`StripeSimulator.exportState`) between calls. */
export interface SimulatorStore {
  /**
   * Loads the stored snapshot (undefined when there is none yet), runs `fn` with it, and stores
   * the snapshot `fn` returns — atomically, so two processes never interleave. `fn` is synchronous:
   * nothing else runs while the snapshot is out. It may run more than once (a store that writes
   * optimistically runs it again when another writer got in first): what is answered is the run
   * whose snapshot was stored.
   */
  update<T>(fn: (snapshot: string | undefined) => { result: T; snapshot: string }): Promise<T>;
}

export interface TestPayments extends PaymentsProvider {
  readonly mode: 'test';
  /**
   * The customer "pays": `succeed` turns the intent `succeeded`, `decline` fails like a declined
   * card (throws `PaymentsError` `card_declined`, the intent back in `requires_payment_method`).
   * Either way the same signed events as Stripe's reach the app's webhook endpoint afterwards.
   */
  confirmTestPayment(paymentIntentId: string, options: { outcome: 'succeed' | 'decline' }): Promise<ProviderPaymentIntent>;
  /** Finishes a connected account's onboarding (account links already do it in this mode). */
  completeTestOnboarding(accountId: string): Promise<ProviderAccount>;
  /** Resolves when every event emitted so far has been delivered (or failed to be). */
  settled(): Promise<void>;
  /** Delivers again the events `emit` failed on; answers how many went through. */
  retryDeliveries(): Promise<number>;
  readonly dispatcher: WebhookDispatcher;
  readonly simulator: StripeSimulator;
}

/**
 * The offline test-payments mode, for the demo without Stripe keys: the payments port on an
 * in-process simulation of Stripe (same requests, rules and error codes as the Stripe adapter),
 * whose events are signed like Stripe's and delivered to the app's own webhook endpoint, so
 * confirmation still only ever comes from a verified webhook. No money moves; it refuses to
 * start when `nodeEnv` is `production`.
 *
 * @example
 * const payments = createTestPayments({
 *   nodeEnv: process.env.NODE_ENV, webhookSecret, clock: Date.now,
 *   emit: async ({ payload, header }) => {
 *     await app.request('/v1/webhooks/stripe', { method: 'POST', body: payload, headers: { 'Stripe-Signature': header } });
 *   },
 * });
 */
export function createTestPayments(options: TestPaymentsOptions): TestPayments {
  if (options.nodeEnv === 'production') {
    throw new Error(
      'Test payments refuse to run in production; set STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY and STRIPE_WEBHOOK_SECRET to take real payments with Stripe.',
    );
  }
  const secrets: readonly string[] = typeof options.webhookSecret === 'string' ? [options.webhookSecret] : [...options.webhookSecret];
  if (secrets.length === 0 || secrets.some((secret) => !secret)) throw new Error('createTestPayments: webhookSecret is required.');
  const { clock } = options;
  const simulator = new StripeSimulator({ clock });
  const dispatcher = new WebhookDispatcher({
    send: (signed) => options.emit(signed),
    secrets: () => secrets,
    clock,
    ...(options.enabledEvents === undefined ? {} : { enabledEvents: options.enabledEvents }),
  });
  // Events go out only once the call that made them is stored: a delivery reaches the app's
  // webhook endpoint, which reads the account again, and must find it as the event says.
  const pending: Parameters<WebhookDispatcher['enqueue']>[0][] = [];
  simulator.onEvent((event) => pending.push(event));
  const flush = () => {
    for (const event of pending.splice(0)) dispatcher.enqueue(event);
  };

  /** Runs `operation` against the account as stored (or in memory), then sends its events. */
  async function withAccount<T>(operation: () => T): Promise<T> {
    const { store } = options;
    try {
      if (!store) return operation();
      const { result, events } = await store.update((snapshot) => {
        if (snapshot !== undefined) simulator.importState(snapshot);
        // `fn` is synchronous, so the events it made are the ones added from here; a run whose
        // snapshot was not stored did not happen, and its events are dropped with it.
        const from = pending.length;
        const result = operation();
        return { result: { result, events: pending.splice(from) }, snapshot: simulator.exportState() };
      });
      pending.push(...events);
      return result;
    } catch (error) {
      pending.length = 0; // nothing was stored, so nothing happened
      throw error;
    } finally {
      flush();
    }
  }

  /** One simulated API call; an error answer leaves as a `PaymentsError`, like the SDK's would. */
  async function request<T>(method: 'GET' | 'POST', path: string, params: object = {}, idempotencyKey?: string): Promise<T> {
    const response: SimResponse = await withAccount(() => simulator.handle({ method, path, params: params as Params, idempotencyKey, key: 'secret', scope: 'offline' }));
    if (response.status >= 400) throw fromStripeErrorBody(response.status, response.body, response.headers);
    return response.body as T;
  }
  const intent = (body: unknown) => toProviderPaymentIntent(body as StripePaymentIntentLike);
  const account = (body: unknown) => toProviderAccount(body as StripeAccountLike);
  const path = (id: string) => `/v1/payment_intents/${encodeURIComponent(id)}`;

  const provider: TestPayments = {
    mode: 'test',
    publishableKey: TEST_PUBLISHABLE_KEY,
    dispatcher,
    simulator,

    createPaymentIntent: async (p) => intent(await request('POST', '/v1/payment_intents', paymentIntentRequest(p), p.idempotencyKey)),
    retrievePaymentIntent: async (id) => intent(await request('GET', path(id))),
    async cancelPaymentIntent(id, idempotencyKey, reason = 'abandoned') {
      try {
        return intent(await request('POST', `${path(id)}/cancel`, cancelRequest(reason), idempotencyKey));
      } catch (error) {
        const current = (error as { code?: string; paymentIntent?: ProviderPaymentIntent }).paymentIntent;
        if ((error as { code?: string }).code === 'payment_intent_unexpected_state' && current?.status === 'canceled') return current;
        throw error;
      }
    },
    createRefund: async (p) => toProviderRefund(await request<StripeRefundLike>('POST', '/v1/refunds', refundRequest(p), p.idempotencyKey)),
    retrieveRefund: async (id) => toProviderRefund(await request<StripeRefundLike>('GET', `/v1/refunds/${encodeURIComponent(id)}`)),
    listRefunds: async (paymentIntent) =>
      (await request<{ data: StripeRefundLike[] }>('GET', '/v1/refunds', { payment_intent: paymentIntent, limit: '100' })).data.map(toProviderRefund),
    createConnectedAccount: async (p) => account(await request('POST', '/v1/accounts', connectedAccountRequest(p), p.idempotencyKey)),
    retrieveAccount: async (id) => account(await request('GET', `/v1/accounts/${encodeURIComponent(id)}`)),
    async createAccountLink(p) {
      const link = await request<{ url: string; expires_at: number }>('POST', '/v1/account_links', accountLinkRequest(p));
      // Offline there is no hosted onboarding to visit: the link leads straight back, onboarded.
      await withAccount(() => simulator.completeOnboarding(p.account));
      return { url: link.url, expiresAt: link.expires_at };
    },
    verifyWebhook: (rawBody, header, nowMs) => verifyStripeWebhook(rawBody, header, secrets, nowMs),

    async confirmTestPayment(id, { outcome }) {
      const paymentMethod = outcome === 'succeed' ? 'pm_card_visa' : 'pm_card_chargeDeclined';
      return intent(await request('POST', `${path(id)}/confirm`, { payment_method: paymentMethod }));
    },
    async completeTestOnboarding(id) {
      try {
        return account(await withAccount(() => simulator.completeOnboarding(id)));
      } catch (error) {
        if (error instanceof StripeApiError) throw fromStripeErrorBody(error.status, { error: error.body });
        throw error;
      }
    },
    settled: () => dispatcher.settled(),
    testControls: {
      confirm: (id, outcome) => provider.confirmTestPayment(id, { outcome }),
      settled: () => dispatcher.settled(),
    },
    retryDeliveries: () => dispatcher.retryFailed(),
  };
  return provider;
}
