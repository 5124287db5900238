import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildEvent, signEvent, type SignedEvent } from '../../providers/payments/events.js';
import { randomToken } from '../../providers/payments/simulator/ids.js';
import { StripeSimulator, type AccountObject, type EventObject, type PaymentIntentObject } from '../../providers/payments/simulator/index.js';
import type { DeliveryRecord } from '../../providers/payments/webhook-dispatcher.js';
import { createDeliveries, type WebhookHandler } from './deliveries.js';
import { CORS, apiHandler, readBody, type RecordedRequest } from './http.js';
import { onboardingPage } from './onboarding-page.js';
import { FAKE_STRIPE_JS } from './stripe-js.js';

export interface FakeStripeOptions {
  /** Where events are POSTed, signed. Settable later (`fake.webhookUrl = …`) once the app listens. */
  webhookUrl?: string;
  /** Or deliver in process, e.g. `({ payload, header }) => app.request(…)`; answers the endpoint's status. */
  webhookHandler?: WebhookHandler;
  webhookSecret: string;
  /** A Connect endpoint for connected accounts' events (`account.updated`); without it they go to the platform endpoint. */
  connectWebhookUrl?: string;
  connectWebhookSecret?: string;
  /** Event types delivered. @default WEBHOOK_EVENTS */
  enabledEvents?: readonly string[];
  /** Milliseconds since the epoch: object timestamps, signatures, link expiry, idempotency expiry. @default Date.now */
  clock?: () => number;
  secretKey?: string;
  publishableKey?: string;
}

export interface ControlOptions {
  /** `false` records the events without delivering them; `deliver(eventId)` sends them later. @default true */
  emit?: boolean;
}

const HOST = '127.0.0.1';

/**
 * Starts a fake of the Stripe API on 127.0.0.1 (a random port), faithful on the wire for what
 * Slotwise uses: Stripe's paths, form-encoded parameters, Bearer key auth, `Idempotency-Key`
 * semantics, error bodies and status codes, object shapes, and events signed exactly like
 * Stripe's, delivered to `webhookUrl`. Point the official SDK at it with
 * `new Stripe(fake.secretKey, { host: fake.host, port: fake.port, protocol: 'http' })`.
 * The controls play the customer, Stripe and the test: pay, decline, cancel, onboard, hold,
 * reorder or repeat deliveries, fail the next refund or a created one. It also serves `/fake-stripe.js`.
 */
export async function startFakeStripe(options: FakeStripeOptions) {
  const clock = options.clock ?? Date.now;
  const secretKey = options.secretKey ?? `sk_test_fake_${randomToken(24)}`;
  const publishableKey = options.publishableKey ?? `pk_test_fake_${randomToken(24)}`;
  const simulator = new StripeSimulator({ clock });
  const requests: RecordedRequest[] = [];
  const api = apiHandler({ simulator, secretKey, publishableKey, requests });
  let platformSecrets: readonly string[] = [options.webhookSecret];

  const deliveries = createDeliveries({
    clock,
    enabledEvents: options.enabledEvents,
    platform: () => ({ url: fake.webhookUrl, handler: fake.webhookHandler }),
    platformSecrets: () => platformSecrets,
    connect: options.connectWebhookUrl ? { url: options.connectWebhookUrl, secret: options.connectWebhookSecret ?? options.webhookSecret } : undefined,
  });
  let quiet = false;
  simulator.onEvent((event) => {
    if (!quiet) deliveries.enqueue(event);
  });
  /** Runs a control; with `emit: false` its events are recorded but not delivered. */
  function control<T>(run: () => T, opts: ControlOptions = {}): T {
    quiet = opts.emit === false;
    try {
      return run();
    } finally {
      quiet = false;
    }
  }

  /** Stripe's hosted Connect onboarding, reduced to one button; spent or expired links go to `refresh_url`. */
  async function onboarding(req: IncomingMessage, res: ServerResponse, token: string): Promise<void> {
    await readBody(req);
    if (req.method === 'POST') {
      const next = simulator.useOnboardingLink(token);
      res.writeHead(next ? 303 : 404, next ? { Location: next } : {}).end();
      return;
    }
    const found = simulator.onboardingLink(token);
    if (!found) res.writeHead(404).end();
    else if ('redirect' in found) res.writeHead(302, { Location: found.redirect }).end();
    else res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(onboardingPage(found.account));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS).end();
      return;
    }
    if (req.method === 'GET' && url.pathname === '/fake-stripe.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store', ...CORS }).end(FAKE_STRIPE_JS);
      return;
    }
    const link = /^\/fake-connect\/onboarding\/[^/]+\/([^/]+)$/.exec(url.pathname);
    if (link) return onboarding(req, res, link[1]!);
    if (url.pathname.startsWith('/v1/')) return api.handle(req, res, url);
    res.writeHead(404, { 'Content-Type': 'application/json', ...CORS }).end(JSON.stringify({ error: { message: `Unrecognized request URL (${req.method}: ${url.pathname}).`, type: 'invalid_request_error' } }));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `Fake Stripe failed: ${(error as Error).message}`, type: 'api_error' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://${HOST}:${port}`;
  simulator.baseUrl = url;

  const findEvent = (id: string) => {
    const event = simulator.state.events.find((e) => e.id === id);
    if (!event) throw new Error(`The fake Stripe has no event ${id}.`);
    return event;
  };
  const now = () => Math.floor(clock() / 1000);

  const fake = {
    host: HOST,
    port,
    url,
    secretKey,
    publishableKey,
    webhookUrl: options.webhookUrl,
    webhookHandler: options.webhookHandler,
    /** Every API request received, oldest first. */
    requests,
    /** The simulated account behind the API (objects, money movements, events). */
    simulator,

    /** The customer pays with a card that succeeds. */
    succeed: (paymentIntentId: string, opts?: ControlOptions): PaymentIntentObject => control(() => simulator.succeed(paymentIntentId), opts),
    /** The customer's card is declined (`card_declined` / `generic_decline` unless told otherwise). */
    fail: (paymentIntentId: string, opts: { code?: string; declineCode?: string; message?: string } & ControlOptions = {}): PaymentIntentObject => {
      const { emit, ...decline } = opts;
      return control(() => simulator.decline(paymentIntentId, decline), { ...(emit === undefined ? {} : { emit }) });
    },
    /** Stripe (or the dashboard) cancels the intent, by default as `abandoned`. */
    cancel: (paymentIntentId: string, opts: ControlOptions & { reason?: string } = {}): PaymentIntentObject => control(() => simulator.cancel(paymentIntentId, opts.reason), opts),
    /** The specialist finishes Stripe's hosted onboarding. */
    completeOnboarding: (accountId: string, opts?: ControlOptions): AccountObject => control(() => simulator.completeOnboarding(accountId), opts),
    /** The next `POST /v1/refunds` answers 500 `api_error`; with `persist` that answer is also saved for its idempotency key. */
    failNextRefund: (opts: { status?: number; persist?: boolean } = {}) => simulator.failNext({ method: 'POST', path: /^\/v1\/refunds$/, ...opts }),
    /** A refund that was created fails afterwards at the bank (`refund.failed` and friends), its money back on the charge. */
    failRefund: (refundId: string, opts: ControlOptions & { reason?: string } = {}) => control(() => simulator.failRefund(refundId, opts.reason), opts),
    failNext: (opts: { method?: string; path: RegExp; status?: number; persist?: boolean }) => simulator.failNext(opts),
    /** Creates and delivers any event (a type Slotwise ignores, a Connect event, …). */
    emit: (type: string, object: object, opts: ControlOptions & { account?: string } = {}): EventObject =>
      control(() => simulator.emitEvent(type, object, opts.account === undefined ? {} : { account: opts.account }), opts),
    events: (): EventObject[] => [...simulator.state.events],
    event: findEvent,
    /** Delivers an event now, again if already delivered: a duplicate, a late or a re-signed delivery. */
    deliver: (eventId: string, opts: { timestamp?: number; secret?: string } = {}): Promise<DeliveryRecord> =>
      deliveries.deliver(findEvent(eventId), { ...(opts.timestamp === undefined ? {} : { timestamp: opts.timestamp }), ...(opts.secret === undefined ? {} : { secrets: [opts.secret] }) }),
    /** Holds deliveries back until `release()`. */
    hold: () => deliveries.hold(),
    /** Delivers the held events, reversed on request (to test out-of-order handling). */
    release: (opts: { reverse?: boolean } = {}) => deliveries.release(opts),
    /** Resolves when every delivery scheduled so far was attempted. */
    settled: () => deliveries.settled(),
    /** Every delivery attempt, oldest first per endpoint. */
    deliveries: (): DeliveryRecord[] => deliveries.log(),
    /** Rolls the platform endpoint's secret: deliveries carry one `v1` per secret, as Stripe's do while rolling. */
    setWebhookSecrets: (secrets: readonly string[]) => {
      platformSecrets = [...secrets];
    },
    /** A signed event that is neither stored nor delivered, to post by hand (tampered, stale, odd types). */
    signedEvent: (type: string, object: object, opts: { timestamp?: number; secret?: string; account?: string } = {}): Promise<SignedEvent> => {
      const event = buildEvent({ id: `evt_${randomToken(24)}`, type, object, created: now(), apiVersion: api.apiVersion(), ...(opts.account === undefined ? {} : { account: opts.account }) });
      return signEvent(event, opts.secret === undefined ? platformSecrets : [opts.secret], opts.timestamp ?? now());
    },
    close: async () => {
      await deliveries.settled().catch(() => undefined);
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
  return fake;
}

export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>;
