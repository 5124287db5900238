import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startFakeStripe, type FakeStripe } from './index.js';

const SECRET = 'whsec_fake_endpoint';
const START = Date.parse('2026-11-20T12:00:00Z');

interface Received {
  path: string;
  payload: string;
  headers: Record<string, string | string[] | undefined>;
}

/** A tiny webhook endpoint; `status` is what it answers. */
async function endpoint(status = 200) {
  const received: Received[] = [];
  const state = { status };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', payload: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
      res.writeHead(state.status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return { url, received, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('fake Stripe server', () => {
  let fake: FakeStripe;
  let now: number;
  let stripe: Stripe;
  let hook: Awaited<ReturnType<typeof endpoint>>;
  beforeEach(async () => {
    now = START;
    hook = await endpoint();
    fake = await startFakeStripe({ webhookUrl: hook.url, webhookSecret: SECRET, clock: () => now });
    stripe = new Stripe(fake.secretKey, { host: fake.host, port: fake.port, protocol: 'http', maxNetworkRetries: 0, httpClient: Stripe.createFetchHttpClient() });
  });
  afterEach(async () => {
    await fake.close();
    await hook.close();
  });

  /** A raw call, for what the SDK hides: statuses, headers, exact bodies. */
  const call = async (method: string, path: string, body?: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${fake.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${fake.secretKey}`, 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      ...(body === undefined ? {} : { body }),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> };
  };
  const createIntent = () => stripe.paymentIntents.create({ amount: 2000, currency: 'usd', metadata: { booking_id: 'bk_1' } });

  describe('on the wire', () => {
    test('reads nested parameters exactly as the SDK form-encodes them', async () => {
      const account = await stripe.accounts.create({ type: 'express', capabilities: { transfers: { requested: true }, card_payments: { requested: true } } });
      fake.completeOnboarding(account.id);
      await stripe.paymentIntents.create({
        amount: 2000,
        currency: 'usd',
        metadata: { booking_id: 'bk_1', 'note with space': 'a&b=c' },
        transfer_data: { destination: account.id },
        application_fee_amount: 400,
        automatic_payment_methods: { enabled: true },
        expand: ['latest_charge'],
      });
      const sent = fake.requests.at(-1)!;
      expect(sent.rawBody).toContain('metadata[booking_id]=bk_1');
      expect(sent.rawBody).toContain(`transfer_data[destination]=${account.id}`);
      expect(sent.rawBody).toContain('automatic_payment_methods[enabled]=true');
      expect(sent.headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(sent.body).toEqual({
        amount: '2000',
        currency: 'usd',
        metadata: { booking_id: 'bk_1', 'note with space': 'a&b=c' },
        transfer_data: { destination: account.id },
        application_fee_amount: '400',
        automatic_payment_methods: { enabled: 'true' },
        expand: { 0: 'latest_charge' },
      });
    });

    test('records the Stripe-Version the SDK sends and answers with it', async () => {
      const response = await call('GET', '/v1/payment_intents/pi_x', undefined, { 'Stripe-Version': '2025-04-30.basil' });
      expect(fake.requests.at(-1)!.stripeVersion).toBe('2025-04-30.basil');
      expect(response.headers.get('stripe-version')).toBe('2025-04-30.basil');
      await createIntent();
      expect(fake.requests.at(-1)!.stripeVersion).toBe(Stripe.API_VERSION);
    });

    test('serves objects in Stripe\'s shape, with Stripe\'s id prefixes and client secret format', async () => {
      const { body } = await call('POST', '/v1/payment_intents', 'amount=2000&currency=usd&receipt_email=a%40example.com');
      expect(body).toMatchObject({ object: 'payment_intent', amount: 2000, currency: 'usd', status: 'requires_payment_method', livemode: false, receipt_email: 'a@example.com', latest_charge: null, metadata: {} });
      expect(body.id).toMatch(/^pi_[0-9A-Za-z]{24}$/);
      expect(body.client_secret).toMatch(new RegExp(`^${body.id}_secret_[0-9A-Za-z]{25}$`));
      fake.succeed(body.id);
      const charge = await call('GET', `/v1/charges/${fake.simulator.state.paymentIntents.get(body.id)!.latest_charge}`);
      expect(charge.body).toMatchObject({ object: 'charge', status: 'succeeded', paid: true, amount_captured: 2000, payment_intent: body.id });
      expect(charge.body.id).toMatch(/^ch_/);
    });
  });

  describe('errors, as Stripe answers them', () => {
    test('a wrong secret key is 401 with Stripe\'s message and the key masked', async () => {
      const response = await call('GET', '/v1/payment_intents/pi_x', undefined, { Authorization: 'Bearer sk_test_wrongkey1234' });
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ error: { message: 'Invalid API Key provided: sk_test_********1234', type: 'invalid_request_error' } });
    });

    test('no key at all is 401; the publishable key on a secret-key endpoint is 403', async () => {
      const missing = await fetch(`${fake.url}/v1/payment_intents/pi_x`);
      expect(missing.status).toBe(401);
      expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(/^You did not provide an API key/);
      const publishable = await call('POST', '/v1/refunds', 'payment_intent=pi_x', { Authorization: `Bearer ${fake.publishableKey}` });
      expect(publishable.status).toBe(403);
      expect(publishable.body.error.message).toMatch(/cannot be made with a publishable API key/);
    });

    test('an unknown object is 404 resource_missing with the param and a doc_url', async () => {
      const response = await call('GET', '/v1/payment_intents/pi_nope');
      expect(response.status).toBe(404);
      expect(response.body).toEqual({
        error: { code: 'resource_missing', doc_url: 'https://stripe.com/docs/error-codes/resource-missing', message: "No such payment_intent: 'pi_nope'", param: 'intent', type: 'invalid_request_error' },
      });
    });

    test('missing, unknown and malformed parameters are 400 with Stripe\'s codes', async () => {
      expect((await call('POST', '/v1/payment_intents', 'currency=usd')).body.error).toMatchObject({ code: 'parameter_missing', param: 'amount', message: 'Missing required param: amount.' });
      expect((await call('POST', '/v1/payment_intents', 'amount=2000&currency=usd&capture_method=manual')).body.error).toMatchObject({ code: 'parameter_unknown', param: 'capture_method' });
      expect((await call('POST', '/v1/payment_intents', 'amount=20.5&currency=usd')).body.error).toMatchObject({ code: 'parameter_invalid_integer', param: 'amount' });
      expect((await call('POST', '/v1/payment_intents', 'amount=20&currency=usd')).body.error).toMatchObject({ code: 'amount_too_small', param: 'amount', message: 'Amount must be at least $0.50 usd' });
      expect((await call('POST', '/v1/payment_intents', 'amount=2000&currency=usd&application_fee_amount=100')).body.error).toMatchObject({ param: 'application_fee_amount', type: 'invalid_request_error' });
      expect((await call('POST', '/v1/payment_intents', 'amount=2000&currency=USD')).status).toBe(400);
    });

    test('a declined card is 402 card_error with the decline code, the charge and the intent', async () => {
      const intent = await createIntent();
      const response = await call('POST', `/v1/payment_intents/${intent.id}/confirm`, 'payment_method=pm_card_chargeDeclined');
      expect(response.status).toBe(402);
      expect(response.body.error).toMatchObject({ type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.', charge: expect.stringMatching(/^ch_/) });
      expect(response.body.error.payment_intent).toMatchObject({ id: intent.id, status: 'requires_payment_method', last_payment_error: { code: 'card_declined', type: 'card_error' } });
    });

    test('cancelling a succeeded intent is 400 payment_intent_unexpected_state', async () => {
      const intent = await createIntent();
      fake.succeed(intent.id);
      const response = await call('POST', `/v1/payment_intents/${intent.id}/cancel`, '');
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'payment_intent_unexpected_state', message: expect.stringMatching(/because it has a status of succeeded/) });
    });

    test('an unknown path is 404 "Unrecognized request URL"', async () => {
      const response = await call('GET', '/v1/customers');
      expect(response.status).toBe(404);
      expect(response.body.error.message).toMatch(/^Unrecognized request URL \(GET: \/v1\/customers\)/);
    });
  });

  describe('idempotency', () => {
    const body = 'amount=2000&currency=usd&metadata[booking_id]=bk_1';

    test('a retry with the same key and parameters replays the first answer with Idempotent-Replayed: true', async () => {
      const first = await call('POST', '/v1/payment_intents', body, { 'Idempotency-Key': 'k-1' });
      const again = await call('POST', '/v1/payment_intents', 'metadata[booking_id]=bk_1&currency=usd&amount=2000', { 'Idempotency-Key': 'k-1' });
      expect(again.body).toEqual(first.body);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.headers.get('original-request')).toBe(first.headers.get('request-id'));
      expect(fake.simulator.state.paymentIntents.size).toBe(1);
      expect(fake.requests.map((r) => r.idempotencyKey)).toEqual(['k-1', 'k-1']);
    });

    test('the same key with other parameters or another endpoint is 400 idempotency_error', async () => {
      await call('POST', '/v1/payment_intents', body, { 'Idempotency-Key': 'k-2' });
      const other = await call('POST', '/v1/payment_intents', 'amount=2001&currency=usd', { 'Idempotency-Key': 'k-2' });
      expect(other.status).toBe(400);
      expect(other.body.error).toMatchObject({ type: 'idempotency_error', message: expect.stringMatching(/same parameters they were first used with/) });
      const elsewhere = await call('POST', '/v1/refunds', 'payment_intent=pi_x', { 'Idempotency-Key': 'k-2' });
      expect(elsewhere.body.error.type).toBe('idempotency_error');
    });

    test('a declined confirmation is saved and replayed; a request refused by validation is not saved', async () => {
      const intent = await createIntent();
      const declined = await call('POST', `/v1/payment_intents/${intent.id}/confirm`, 'payment_method=pm_card_chargeDeclined', { 'Idempotency-Key': 'k-3' });
      const replay = await call('POST', `/v1/payment_intents/${intent.id}/confirm`, 'payment_method=pm_card_chargeDeclined', { 'Idempotency-Key': 'k-3' });
      expect([declined.status, replay.status, replay.headers.get('idempotent-replayed')]).toEqual([402, 402, 'true']);
      expect(fake.simulator.state.charges.size).toBe(1);
      const invalid = await call('POST', '/v1/payment_intents', 'currency=usd', { 'Idempotency-Key': 'k-4' });
      expect(invalid.status).toBe(400);
      expect((await call('POST', '/v1/payment_intents', body, { 'Idempotency-Key': 'k-4' })).status).toBe(200);
    });

    test('a key is forgotten after 24 hours', async () => {
      const first = await call('POST', '/v1/payment_intents', body, { 'Idempotency-Key': 'k-5' });
      now += 24 * 60 * 60 * 1000 + 1;
      const later = await call('POST', '/v1/payment_intents', body, { 'Idempotency-Key': 'k-5' });
      expect(later.body.id).not.toBe(first.body.id);
    });
  });

  describe('events and deliveries', () => {
    const verify = (r: Received, secret = SECRET) =>
      Stripe.webhooks.constructEvent(r.payload, String(r.headers['stripe-signature']), secret, 300, undefined, now);

    test('state changes deliver signed events, after the API answer, that Stripe\'s own verifier accepts', async () => {
      const intent = await createIntent();
      fake.succeed(intent.id);
      await stripe.refunds.create({ payment_intent: intent.id, amount: 500 });
      await fake.settled();
      const events = hook.received.map((r) => verify(r));
      expect(events.map((e) => e.type)).toEqual(['payment_intent.succeeded', 'charge.refunded']);
      expect(events[0]!.data.object).toMatchObject({ id: intent.id, object: 'payment_intent', status: 'succeeded', metadata: { booking_id: 'bk_1' } });
      expect(events[1]!.data.object).toMatchObject({ object: 'charge', amount_refunded: 500, refunded: false });
      expect(events[1]!.request?.id).toMatch(/^req_/);
      expect(hook.received[0]!.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(hook.received[0]!.path).toBe('/hooks');
      // Stripe creates more events than an endpoint subscribes to.
      expect(fake.events().map((e) => e.type)).toEqual(['payment_intent.created', 'charge.succeeded', 'payment_intent.succeeded', 'refund.created', 'charge.refunded']);
    });

    test('a decline delivers payment_intent.payment_failed with the error on the intent', async () => {
      const intent = await createIntent();
      fake.fail(intent.id, { declineCode: 'insufficient_funds', message: 'Your card has insufficient funds.' });
      await fake.settled();
      const [event] = hook.received.map((r) => verify(r));
      expect(event).toMatchObject({ type: 'payment_intent.payment_failed', data: { object: { status: 'requires_payment_method', last_payment_error: { code: 'card_declined', decline_code: 'insufficient_funds' } } } });
    });

    test('a refund failing after it was created delivers refund.updated and refund.failed; the money is back on the charge', async () => {
      const intent = await createIntent();
      fake.succeed(intent.id);
      const refund = await stripe.refunds.create({ payment_intent: intent.id, amount: 500 });
      await fake.settled();
      hook.received.length = 0;
      fake.failRefund(refund.id);
      await fake.settled();
      const events = hook.received.map((r) => verify(r));
      expect(events.map((e) => e.type)).toEqual(['refund.updated', 'refund.failed']);
      expect(events[0]!.data).toMatchObject({ object: { id: refund.id, status: 'failed', failure_reason: 'expired_or_canceled_card' }, previous_attributes: { status: 'succeeded' } });
      expect(await stripe.refunds.retrieve(refund.id)).toMatchObject({ status: 'failed' });
      expect((await stripe.charges.retrieve(String(refund.charge))).amount_refunded).toBe(0);
    });

    test('a delivery held back can be released in reverse order', async () => {
      const intent = await createIntent();
      fake.hold();
      fake.succeed(intent.id);
      await stripe.refunds.create({ payment_intent: intent.id });
      await fake.settled();
      expect(hook.received).toHaveLength(0);
      await fake.release({ reverse: true });
      expect(hook.received.map((r) => verify(r).type)).toEqual(['charge.refunded', 'payment_intent.succeeded']);
    });

    test('emit: false records the event without delivering it; deliver() sends it, twice makes a duplicate', async () => {
      const intent = await createIntent();
      fake.succeed(intent.id, { emit: false });
      await fake.settled();
      expect(hook.received).toHaveLength(0);
      const event = fake.events().find((e) => e.type === 'payment_intent.succeeded')!;
      await fake.deliver(event.id);
      await fake.deliver(event.id);
      expect(hook.received.map((r) => verify(r).id)).toEqual([event.id, event.id]);
    });

    test('a late delivery is signed at its own time: replayed 10 minutes on, it is stale to a 300 s tolerance', async () => {
      const intent = await createIntent();
      fake.succeed(intent.id, { emit: false });
      const event = fake.events().find((e) => e.type === 'payment_intent.succeeded')!;
      await fake.deliver(event.id, { timestamp: Math.floor(now / 1000) - 600 });
      expect(() => verify(hook.received[0]!)).toThrow(/tolerance/);
    });

    test('a failing endpoint is recorded as failed and can be delivered again', async () => {
      hook.state.status = 500;
      const intent = await createIntent();
      fake.cancel(intent.id);
      await fake.settled();
      expect(fake.deliveries()).toEqual([expect.objectContaining({ type: 'payment_intent.canceled', ok: false, status: 500 })]);
      hook.state.status = 200;
      expect(await fake.deliver(fake.deliveries()[0]!.eventId)).toMatchObject({ ok: true, status: 200 });
    });

    test('while the endpoint secret is rolled, each delivery carries one signature per secret', async () => {
      fake.setWebhookSecrets(['whsec_old', SECRET]);
      const intent = await createIntent();
      fake.succeed(intent.id);
      await fake.settled();
      const [received] = hook.received;
      expect(String(received!.headers['stripe-signature']).match(/v1=/g)).toHaveLength(2);
      expect(verify(received!, 'whsec_old').type).toBe('payment_intent.succeeded');
      expect(verify(received!, SECRET).type).toBe('payment_intent.succeeded');
    });

    test('connected accounts\' events go to the Connect endpoint, signed with its secret', async () => {
      const connectHook = await endpoint();
      const withConnect = await startFakeStripe({ webhookUrl: hook.url, webhookSecret: SECRET, connectWebhookUrl: connectHook.url, connectWebhookSecret: 'whsec_connect', clock: () => now });
      try {
        const client = new Stripe(withConnect.secretKey, { host: withConnect.host, port: withConnect.port, protocol: 'http' });
        const account = await client.accounts.create({ type: 'express' });
        withConnect.completeOnboarding(account.id);
        await withConnect.settled();
        expect(hook.received).toHaveLength(0);
        const event = verify(connectHook.received[0]!, 'whsec_connect');
        expect(event).toMatchObject({ type: 'account.updated', account: account.id, data: { object: { charges_enabled: true }, previous_attributes: { charges_enabled: false } } });
      } finally {
        await withConnect.close();
        await connectHook.close();
      }
    });

    test('signedEvent() signs a hand-made event like Stripe, with another time or secret on request', async () => {
      const signed = await fake.signedEvent('payment_intent.succeeded', { id: 'pi_1', object: 'payment_intent' });
      expect(Stripe.webhooks.constructEvent(signed.payload, signed.header, SECRET, 300, undefined, now)).toMatchObject({ type: 'payment_intent.succeeded', data: { object: { id: 'pi_1' } } });
      const old = await fake.signedEvent('x', {}, { timestamp: Math.floor(now / 1000) - 301 });
      expect(() => Stripe.webhooks.constructEvent(old.payload, old.header, SECRET, 300, undefined, now)).toThrow(/tolerance/);
      const other = await fake.signedEvent('x', {}, { secret: 'whsec_other' });
      expect(() => Stripe.webhooks.constructEvent(other.payload, other.header, SECRET, 300, undefined, now)).toThrow(/No signatures found/);
    });

    test('webhookHandler delivers in process, e.g. to app.request', async () => {
      const got: string[] = [];
      fake.webhookHandler = async ({ event }) => {
        got.push(event.type);
        return { status: 200 };
      };
      const intent = await createIntent();
      fake.succeed(intent.id);
      await fake.settled();
      expect(got).toEqual(['payment_intent.succeeded']);
      expect(hook.received).toHaveLength(0);
    });
  });

  describe('for the browser', () => {
    test('serves the fake Stripe.js with CORS, and answers preflights for the API', async () => {
      const script = await fetch(`${fake.url}/fake-stripe.js`);
      expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect(script.headers.get('access-control-allow-origin')).toBe('*');
      expect(await script.text()).toMatch(/^\/\* FAKE Stripe\.js/);
      const preflight = await fetch(`${fake.url}/v1/payment_intents/pi_x/confirm`, { method: 'OPTIONS', headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' } });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    });

    test('the publishable key may confirm an intent only with its client secret', async () => {
      const intent = await createIntent();
      const pk = { Authorization: `Bearer ${fake.publishableKey}` };
      const wrong = await call('POST', `/v1/payment_intents/${intent.id}/confirm`, 'payment_method=pm_card_visa&client_secret=pi_x_secret_y', pk);
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.param).toBe('client_secret');
      const right = await call('POST', `/v1/payment_intents/${intent.id}/confirm`, `payment_method=pm_card_visa&client_secret=${intent.client_secret}`, pk);
      expect(right.body.status).toBe('succeeded');
    });

    test('an onboarding link shows a fake page; completing it onboards the account and goes to return_url; the link is then spent', async () => {
      const account = await stripe.accounts.create({ type: 'express', email: 'spec@example.com' });
      const link = await stripe.accountLinks.create({ account: account.id, type: 'account_onboarding', refresh_url: 'http://app.test/refresh', return_url: 'http://app.test/return' });
      expect(link).toMatchObject({ object: 'account_link', expires_at: Math.floor(now / 1000) + 300 });
      const page = await fetch(link.url);
      expect(await page.text()).toContain(`Onboard ${account.id}`);
      const done = await fetch(link.url, { method: 'POST', redirect: 'manual' });
      expect([done.status, done.headers.get('location')]).toEqual([303, 'http://app.test/return']);
      expect((await stripe.accounts.retrieve(account.id)).charges_enabled).toBe(true);
      const reused = await fetch(link.url, { redirect: 'manual' });
      expect([reused.status, reused.headers.get('location')]).toEqual([302, 'http://app.test/refresh']);
    });

    test('an expired onboarding link sends the browser to refresh_url', async () => {
      const account = await stripe.accounts.create({ type: 'express' });
      const link = await stripe.accountLinks.create({ account: account.id, type: 'account_onboarding', refresh_url: 'http://app.test/refresh', return_url: 'http://app.test/return' });
      now += 301_000;
      const expired = await fetch(link.url, { redirect: 'manual' });
      expect([expired.status, expired.headers.get('location')]).toEqual([302, 'http://app.test/refresh']);
    });
  });
});
