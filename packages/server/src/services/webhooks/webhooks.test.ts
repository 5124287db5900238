import { verifyWebhook, WebhookVerificationError } from '@slotwise/sdk';
import { WebhookBookingEvent, WebhookDelivery, WebhookDeliveryList, WebhookEndpoint, WebhookEndpointWithSecret, WebhookEvent, WebhookPackageEvent, WebhookReviewAnsweredEvent, WebhookReviewEvent } from '@slotwise/sdk/contract';
import { and, eq } from 'drizzle-orm';
import { Webhook, WebhookVerificationError as StandardVerificationError } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deliveries, notifications, webhookEndpoints } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';
import { seedDemoPayments } from '../../seed.js';
import { auth, operatorToken, signUp } from '../../testing/accounts.js';
import { testApp, type TestApp, type TestAppOptions } from '../../testing/test-app.js';
import { webhookReceiver, type ReceivedWebhook, type WebhookReceiver } from '../../testing/webhook-receiver.js';
import { DeliveryFailure } from '../delivery/channel.js';
import { WebhookAddressRefused, webhookChannel } from './channel.js';
import { unsealSecret } from './secrets.js';

// Outgoing webhooks end to end: bookings driven through the API, deliveries made by the real
// dispatcher to a real HTTP server on 127.0.0.1, and every delivery verified with the Standard
// Webhooks reference library (`standardwebhooks`) and with the SDK's `verifyWebhook`.

const DAY = 24 * 3_600_000;
const customer = { name: 'Ada Lovelace', email: 'ada@example.com', timeZone: 'America/New_York' };

let t: TestApp;
let rx: WebhookReceiver;

async function start(options: TestAppOptions = {}) {
  t = await testApp({ allowLoopbackWebhooks: true, ...options });
}
beforeEach(async () => {
  rx = await webhookReceiver();
});
afterEach(async () => {
  vi.useRealTimers();
  await t.app.deliveries.idle();
  await rx.close();
  t.close();
});

const me = () => auth(t.apiKey);
const settle = () => t.app.deliveries.idle();

async function createEndpoint(body: Record<string, unknown> = {}, headers = me()): Promise<WebhookEndpointWithSecret> {
  const res = await t.json('/v1/me/webhooks', { body: { url: `${rx.url}/hook`, eventTypes: ['*'], ...body }, headers });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return WebhookEndpointWithSecret.parse(res.body);
}

async function book(start: string, service = t.intro.id) {
  const res = await t.json('/v1/bookings', { body: { specialist: 'demo', service, start, customer } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { booking: { id: string; status: string }; manageToken: string; paymentSession: { clientSecret: string } | null };
}

async function log(endpointId: string, headers = me()) {
  const res = await t.json(`/v1/me/webhooks/${endpointId}/deliveries`, { headers });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return WebhookDeliveryList.parse(res.body).data;
}

/** `standardwebhooks` checks the timestamp against the real clock: verify at the app's clock. */
function standardVerify(secret: string, r: ReceivedWebhook): unknown {
  vi.useFakeTimers({ toFake: ['Date'], now: t.now() });
  try {
    return new Webhook(secret).verify(r.body, r.headers);
  } finally {
    vi.useRealTimers();
  }
}

/** Verified both ways, and shaped as the contract says. */
async function verifiedEvent(secret: string, r: ReceivedWebhook): Promise<WebhookEvent> {
  const ours = await verifyWebhook(r.body, r.headers, secret, { now: t.now });
  expect(standardVerify(secret, r)).toEqual(ours);
  return WebhookEvent.parse(ours);
}
/** The same, for an event about a booking (its `data` carries the booking). */
const verified = async (secret: string, r: ReceivedWebhook) => WebhookBookingEvent.parse(await verifiedEvent(secret, r));

const at = (path: string) => rx.received.filter((r) => r.path === path);
const typeOf = (r: ReceivedWebhook) => (JSON.parse(r.body) as { type: string }).type;

describe('deliveries', () => {
  it('sends each booking change to the subscribed endpoints, signed per Standard Webhooks, verified by standardwebhooks and by verifyWebhook', async () => {
    await start();
    const all = await createEndpoint();
    expect(all.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/); // 32 random bytes
    const cancels = await createEndpoint({ url: `${rx.url}/cancellations`, eventTypes: ['booking.cancelled'], description: 'CRM' });

    const { booking, manageToken } = await book('2026-11-23T09:00:00Z');
    await settle();
    expect(at('/hook').map(typeOf).sort()).toEqual(['booking.confirmed', 'booking.created']);

    const moved = await t.json(`/v1/bookings/${booking.id}/reschedule`, { body: { start: '2026-11-23T10:00:00Z' }, headers: auth(manageToken) });
    expect(moved.status).toBe(200);
    await settle();
    // Private notes are bookkeeping: no event, and never in a payload.
    expect((await t.json(`/v1/me/bookings/${booking.id}/notes`, { method: 'PUT', body: { notes: 'PRIVATE-NOTE-42' }, headers: me() })).status).toBe(200);
    await settle();
    expect(at('/hook')).toHaveLength(3);
    t.setNow(t.now() + 60_000);
    expect((await t.json(`/v1/bookings/${booking.id}/cancel`, { body: { reason: 'Plans changed' }, headers: auth(manageToken) })).status).toBe(200);
    await settle();

    const events = await Promise.all(at('/hook').map((r) => verified(all.secret, r)));
    expect(events.map((e) => e.type).sort()).toEqual(['booking.cancelled', 'booking.confirmed', 'booking.created', 'booking.rescheduled']);
    const byType = Object.fromEntries(events.map((e) => [e.type, e]));
    expect(byType['booking.created']!.data.booking).toMatchObject({ id: booking.id, status: 'confirmed', start: '2026-11-23T09:00:00Z', customer, price: 0, currency: 'EUR' });
    expect(byType['booking.rescheduled']!.data).toMatchObject({ booking: { start: '2026-11-23T10:00:00Z', rescheduleCount: 1 }, previousStart: '2026-11-23T09:00:00Z', change: { actor: 'customer' } });
    expect(byType['booking.cancelled']!.data).toMatchObject({ booking: { status: 'cancelled', cancelledBy: 'customer' }, change: { actor: 'customer', reason: 'Plans changed' } });
    expect(byType['booking.cancelled']!.data.refund).toBeUndefined(); // a free session: no money moved
    for (const r of rx.received) {
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['webhook-id']).toMatch(/^dl_[0-9a-z]{16}$/);
      expect(r.body).not.toContain('PRIVATE-NOTE-42');
      expect(r.body).not.toContain(manageToken);
    }
    const cancelled = at('/hook').find((r) => typeOf(r) === 'booking.cancelled')!;
    expect(cancelled.headers['webhook-timestamp']).toBe(String(Math.floor(t.now() / 1000)));

    // The other endpoint asked for cancellations only.
    expect(at('/cancellations').map(typeOf)).toEqual(['booking.cancelled']);
    await verified(cancels.secret, at('/cancellations')[0]!);
    // Each endpoint has a secret of its own.
    await expect(verifyWebhook(cancelled.body, cancelled.headers, cancels.secret, { now: t.now })).rejects.toMatchObject({ code: 'no_matching_signature' });

    const entries = await log(all.id);
    expect(entries).toHaveLength(4);
    expect(entries.map((d) => d.messageId).sort()).toEqual(at('/hook').map((r) => r.headers['webhook-id']).sort());
    for (const d of entries) expect(d).toMatchObject({ status: 'sent', attempts: 1, lastStatusCode: 200, lastError: null, nextAttemptAt: null, redeliveryOf: null, bookingId: booking.id });
    expect(entries[0]!.eventType).toBe('booking.cancelled'); // newest first
  });

  it('sends the payment events of a paid booking: created on hold, confirmed and payment.succeeded when paid, payment.refunded with the cancellation', async () => {
    await start();
    await seedDemoPayments(t.app.deps.payments, t.database);
    const endpoint = await createEndpoint();
    const held = await book('2026-11-24T10:00:00Z', t.session.id);
    expect(held.booking.status).toBe('held');
    await settle();
    expect(at('/hook').map(typeOf)).toEqual(['booking.created']);
    expect((await verified(endpoint.secret, at('/hook')[0]!)).data.booking).toMatchObject({ status: 'held', price: 9000, currency: 'EUR', holdExpiresAt: expect.any(String) });

    const intent = held.paymentSession!.clientSecret.split('_secret_')[0];
    const paid = await t.json(`/v1/test-payments/${intent}/confirm`, { body: { outcome: 'succeed' }, headers: auth(held.manageToken) });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    await settle();
    const afterPay = await Promise.all(at('/hook').slice(1).map((r) => verified(endpoint.secret, r)));
    expect(afterPay.map((e) => e.type).sort()).toEqual(['booking.confirmed', 'payment.succeeded']);
    expect(afterPay.find((e) => e.type === 'payment.succeeded')!.data).toMatchObject({ booking: { status: 'confirmed' }, payment: { amount: 9000, currency: 'EUR' } });

    const cancelled = await t.json(`/v1/me/bookings/${held.booking.id}/cancel`, { body: { reason: 'Ill' }, headers: me() });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    await settle();
    const afterCancel = await Promise.all(at('/hook').slice(3).map((r) => verified(endpoint.secret, r)));
    expect(afterCancel.map((e) => e.type).sort()).toEqual(['booking.cancelled', 'payment.refunded']);
    expect(afterCancel.find((e) => e.type === 'payment.refunded')!.data).toMatchObject({ refund: { amount: 9000, currency: 'EUR' }, change: { actor: 'specialist', reason: 'Ill' } });
  });

  it('retries a failed delivery with backoff, keeping its webhook-id and body, and logs each attempt’s status', async () => {
    await start();
    const endpoint = await createEndpoint({ eventTypes: ['booking.confirmed'] });
    rx.answer(500, 302);
    const started = t.now();
    await book('2026-11-23T09:00:00Z');
    await settle();
    let [entry] = await log(endpoint.id);
    expect(entry).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500, lastError: 'The endpoint answered HTTP 500.', nextAttemptAt: isoInstant(started + 30_000) });

    await t.app.tick(); // not due yet
    expect(rx.received).toHaveLength(1);
    t.setNow(started + 30_000);
    await t.app.tick();
    [entry] = await log(endpoint.id);
    expect(entry).toMatchObject({ status: 'pending', attempts: 2, lastStatusCode: 302, lastError: expect.stringContaining('redirects are not followed') });
    t.setNow(started + 90_000);
    await t.app.tick();
    [entry] = await log(endpoint.id);
    expect(entry).toMatchObject({ status: 'sent', attempts: 3, lastStatusCode: 200, lastError: null, sentAt: isoInstant(started + 90_000) });

    expect(rx.received).toHaveLength(3);
    expect(new Set(rx.received.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(new Set(rx.received.map((r) => r.body)).size).toBe(1);
    expect(rx.received.map((r) => Number(r.headers['webhook-timestamp']) - Math.floor(started / 1000))).toEqual([0, 30, 90]);
    await verified(endpoint.secret, rx.received[2]!);
  });

  it('gives up after three days of failures, and tells the specialist once', async () => {
    await start();
    const endpoint = await createEndpoint({ eventTypes: ['booking.confirmed'] });
    rx.setStatus(503);
    const started = t.now();
    await book('2026-11-23T09:00:00Z');
    await book('2026-11-23T10:00:00Z');
    await settle();
    for (let i = 0; i < 100; i++) {
      const pending = (await log(endpoint.id)).filter((d) => d.status === 'pending');
      if (pending.length === 0) break;
      t.setNow(Math.min(...pending.map((d) => Date.parse(d.nextAttemptAt!))));
      await t.app.tick();
    }
    const entries = await log(endpoint.id);
    expect(entries.map((d) => d.status)).toEqual(['dead', 'dead']);
    for (const d of entries) expect(d).toMatchObject({ lastStatusCode: 503, lastError: 'The endpoint answered HTTP 503.' });
    // Retried with backoff (30 s doubling, at most 6 h apart) until the next try would pass 3 days.
    expect(entries[0]!.attempts).toBeGreaterThan(10);
    expect(t.now() - started).toBeLessThanOrEqual(3 * DAY);
    expect(t.now() - started).toBeGreaterThan(3 * DAY - 6 * 3_600_000);
    expect(rx.received.length).toBe(entries[0]!.attempts + entries[1]!.attempts);
    const notices = await t.database.db.select().from(notifications).where(eq(notifications.kind, 'webhook.failed'));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body).toContain(`${rx.url}/hook`);
  });

  it('ends a delivery at once when the address resolves to a network it must not reach', async () => {
    await start({ webhookFetch: async () => Promise.reject(new WebhookAddressRefused('hooks.example.com resolves to a private address.')) });
    const endpoint = await createEndpoint({ url: 'https://hooks.example.com/slotwise', eventTypes: ['booking.confirmed'] });
    await book('2026-11-23T09:00:00Z');
    await settle();
    expect((await log(endpoint.id))[0]).toMatchObject({ status: 'dead', attempts: 1, lastStatusCode: null, lastError: 'hooks.example.com resolves to a private address.' });
  });

  it('retries an attempt that got no answer in time, and gives every attempt a deadline', async () => {
    const signals: AbortSignal[] = [];
    await start({
      webhookFetch: async (_url, init) => {
        signals.push(init!.signal!);
        throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
      },
    });
    const endpoint = await createEndpoint({ url: 'https://hooks.example.com/slotwise', eventTypes: ['booking.confirmed'] });
    await book('2026-11-23T09:00:00Z');
    await settle();
    expect((await log(endpoint.id))[0]).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null, lastError: 'The endpoint could not be reached: no answer within 15 s.' });
    expect(signals).toHaveLength(1);
    expect(signals[0]!.aborted).toBe(false);

    // The deadline itself: a receiver that never answers is abandoned after `timeoutMs`.
    const [row] = await t.database.db.select().from(deliveries).where(eq(deliveries.channel, 'webhook'));
    const hanging: typeof fetch = (_url, init) => new Promise((_, reject) => init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason)));
    const failure = await webhookChannel({ timeoutMs: 50 }).send(row!, { ...t.app.deps, webhookFetch: hanging }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DeliveryFailure);
    expect(failure).toMatchObject({ retryable: true, message: 'The endpoint could not be reached: no answer within 0.05 s.' });
  });
});

describe('a slow endpoint', () => {
  it("holds up no other specialist's webhooks: theirs arrive while one endpoint hangs, and its delivery is recorded when it ends", async () => {
    let release!: () => void;
    const hung = new Promise<void>((resolve) => (release = resolve));
    const real = globalThis.fetch.bind(globalThis);
    await start({
      webhookFetch: async (url, init) => {
        // demo's endpoint accepts the connection and answers only when released.
        if (String(url).includes('/slow')) {
          await hung;
          return new Response('', { status: 200 });
        }
        return real(url, init);
      },
    });
    try {
      const slow = await createEndpoint({ url: `${rx.url}/slow`, eventTypes: ['booking.confirmed'] });
      const other = await signUp(t, 'grace');
      expect((await t.json('/v1/me/availability/weekly', { method: 'PUT', body: { weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })), breaks: [] }, headers: auth(other.accessToken) })).status).toBe(200);
      const theirs = await createEndpoint({ eventTypes: ['booking.confirmed'] }, auth(other.accessToken));
      const created = await t.json('/v1/me/services', { body: { name: 'Talk', durations: [{ minutes: 30, price: 0 }] }, headers: auth(other.accessToken) });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const graceService = created.body.id as string;
      await book('2026-11-23T09:00:00Z');
      await new Promise((r) => setTimeout(r, 50)); // demo's delivery is out, hanging
      const booked = await t.json('/v1/bookings', { body: { specialist: 'grace', service: graceService, start: '2026-11-23T10:00:00Z', customer } });
      expect(booked.status, JSON.stringify(booked.body)).toBe(201);
      for (let i = 0; i < 160 && rx.received.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(rx.received.map((r) => JSON.parse(r.body).data.booking.id)).toEqual([booked.body.booking.id]);
      expect((await log(theirs.id, auth(other.accessToken)))[0]).toMatchObject({ status: 'sent' });
      expect((await log(slow.id))[0]).toMatchObject({ status: 'sending' });
      release();
      await settle();
      expect((await log(slow.id))[0]).toMatchObject({ status: 'sent', lastStatusCode: 200 });
    } finally {
      release();
    }
  }, 20_000);
});

describe('package events', () => {
  it('sends package.purchased when a paid package’s credits are granted, to the endpoints that subscribed, with the terms as sold and no token', async () => {
    await start();
    await seedDemoPayments(t.app.deps.payments, t.database);
    const all = await createEndpoint();
    const packagesOnly = await createEndpoint({ url: `${rx.url}/packages`, eventTypes: ['package.purchased'] });
    await createEndpoint({ url: `${rx.url}/bookings`, eventTypes: ['booking.confirmed'] });
    const made = await t.json('/v1/me/packages', { body: { name: 'Three <b>sessions</b>', sessionCount: 3, serviceIds: [t.session.id], price: 24000, validityDays: 30 }, headers: me() });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const bought = await t.json(`/v1/packages/${made.body.id}/purchases`, { body: { customer } });
    expect(bought.status, JSON.stringify(bought.body)).toBe(201);
    await settle();
    expect(rx.received).toHaveLength(0); // not paid yet: nothing was purchased

    const intent = String(bought.body.paymentSession.clientSecret).split('_secret_')[0];
    const paid = await t.json(`/v1/test-payments/${intent}/confirm-purchase`, { body: { outcome: 'succeed' }, headers: auth(bought.body.creditsToken) });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    await settle();
    expect(at('/hook').map(typeOf)).toEqual(['package.purchased']);
    expect(at('/bookings')).toHaveLength(0);
    const event = WebhookPackageEvent.parse(await verifiedEvent(packagesOnly.secret, at('/packages')[0]!));
    expect(event).toEqual({
      type: 'package.purchased',
      timestamp: isoInstant(t.now()),
      data: {
        purchase: {
          id: bought.body.purchase.id,
          package: { id: made.body.id, name: 'Three <b>sessions</b>', sessionCount: 3, services: [t.session.id], price: 24000, currency: 'EUR', validityDays: 30 },
          customer,
          credits: { granted: 3, expiresAt: isoInstant(t.now() + 30 * DAY) },
          createdAt: isoInstant(t.now()),
        },
      },
    });
    await verifiedEvent(all.secret, at('/hook')[0]!);
    for (const r of rx.received) expect(r.body).not.toContain(bought.body.creditsToken);
    expect(await log(packagesOnly.id)).toMatchObject([{ eventType: 'package.purchased', bookingId: null, status: 'sent', lastStatusCode: 200 }]);

    // A second webhook of the same payment grants nothing again, so nothing is sent again.
    await t.json(`/v1/test-payments/${intent}/confirm-purchase`, { body: { outcome: 'succeed' }, headers: auth(bought.body.creditsToken) });
    await settle();
    expect(at('/packages')).toHaveLength(1);

    // Spending the credits sends the bookings’ events only: running low is the customer’s business.
    for (const start of ['2026-11-24T10:00:00Z', '2026-11-25T10:00:00Z']) {
      const res = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.session.id, start, customer, credit: { token: bought.body.creditsToken } } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    await settle();
    expect(at('/hook').map(typeOf).sort()).toEqual(['booking.confirmed', 'booking.confirmed', 'booking.created', 'booking.created', 'package.purchased']);
  });

  it('sends package.purchased at once for a free package, to an endpoint subscribed to everything', async () => {
    await start();
    const all = await createEndpoint();
    const made = await t.json('/v1/me/packages', { body: { name: 'Taster', sessionCount: 1, serviceIds: [t.intro.id], price: 0, validityDays: 7 }, headers: me() });
    const claimed = await t.json(`/v1/packages/${made.body.id}/purchases`, { body: { customer } });
    expect(claimed.status, JSON.stringify(claimed.body)).toBe(201);
    await settle();
    const event = WebhookPackageEvent.parse(await verifiedEvent(all.secret, at('/hook')[0]!));
    expect(event.data.purchase).toMatchObject({ id: claimed.body.purchase.id, package: { price: 0, sessionCount: 1, validityDays: 7 }, credits: { granted: 1, expiresAt: isoInstant(t.now() + 7 * DAY) } });
  });
});

describe('review events', () => {
  it('sends review.created with the review as written and review.answered with the answer to the endpoints that subscribed; an erasure scrubs every stored body of them', async () => {
    await start();
    const all = await createEndpoint();
    const reviewsOnly = await createEndpoint({ url: `${rx.url}/reviews`, eventTypes: ['review.created'] });
    const b = await book('2026-11-23T09:00:00Z');
    t.setNow(Date.parse('2026-11-24T12:00:00Z'));
    expect((await t.json(`/v1/me/bookings/${b.booking.id}/complete`, { method: 'POST', headers: me() })).status).toBe(200);
    await settle();
    expect(at('/reviews')).toHaveLength(0); // a completed session is not a review

    const words = 'Clear and <b>kind</b>, thank you Ada.';
    const review = await t.json(`/v1/bookings/${b.booking.id}/review`, { body: { rating: 5, text: words }, headers: auth(b.manageToken) });
    expect(review.status, JSON.stringify(review.body)).toBe(201);
    await settle();
    const event = WebhookReviewEvent.parse(await verifiedEvent(reviewsOnly.secret, at('/reviews')[0]!));
    expect(await verifiedEvent(all.secret, at('/hook').find((r) => typeOf(r) === 'review.created')!)).toEqual(event);
    expect(event).toEqual({
      type: 'review.created',
      timestamp: isoInstant(t.now()),
      data: { review: { id: review.body.id, bookingId: b.booking.id, serviceId: t.intro.id, rating: 5, text: words, customer: { name: customer.name, email: customer.email }, createdAt: isoInstant(t.now()) } },
    });
    expect(at('/hook').map(typeOf).sort()).toEqual(['booking.completed', 'booking.confirmed', 'booking.created', 'review.created']); // sent side by side: any order
    expect(await log(reviewsOnly.id)).toMatchObject([{ eventType: 'review.created', bookingId: b.booking.id, status: 'sent', lastStatusCode: 200 }]);

    const answeredAt = Date.parse('2026-11-25T08:30:00Z');
    t.setNow(answeredAt);
    const answer = 'Thank you, Ada: see you <i>soon</i>.';
    expect((await t.json(`/v1/me/reviews/${review.body.id}/response`, { body: { text: answer }, headers: me() })).status).toBe(200);
    await settle();
    expect(at('/reviews')).toHaveLength(1); // subscribed to review.created only
    expect(at('/hook').map(typeOf).filter((type) => type.startsWith('review.')).sort()).toEqual(['review.answered', 'review.created']);
    const answered = WebhookReviewAnsweredEvent.parse(await verifiedEvent(all.secret, at('/hook').find((r) => typeOf(r) === 'review.answered')!));
    expect(answered).toEqual({
      type: 'review.answered',
      timestamp: isoInstant(answeredAt),
      data: { review: event.data.review, answer: { text: answer, answeredAt: isoInstant(answeredAt) } },
    });

    // Kept to be redelivered, the bodies sent keep nothing of the customer once they are erased.
    expect((await t.json('/v1/operator/customers/erase', { body: { email: customer.email }, headers: auth(await operatorToken(t)) })).status).toBe(200);
    const stored = await t.database.db.select({ kind: deliveries.kind, data: deliveries.data }).from(deliveries).where(eq(deliveries.channel, 'webhook'));
    expect(stored.map((d) => d.kind).sort()).toEqual(['booking.completed', 'booking.confirmed', 'booking.created', 'review.answered', 'review.created', 'review.created']);
    for (const d of stored) {
      const body = String((d.data as { body: string }).body);
      expect(body).not.toContain(customer.email);
      expect(body).not.toContain(customer.name);
      expect(body).not.toContain('kind</b>');
      expect(body).not.toContain('<i>soon</i>'); // the answer goes with the review (it may quote it)
      expect(JSON.parse(body).type).toBe(d.kind); // still the event it was, as JSON
    }
  });
});

describe('turning endpoints off', () => {
  it('turns an endpoint off when it answers 410 Gone, and sends it nothing more', async () => {
    await start();
    const endpoint = await createEndpoint({ eventTypes: ['booking.confirmed'] });
    rx.answer(410);
    await book('2026-11-23T09:00:00Z');
    await settle();
    expect((await log(endpoint.id))[0]).toMatchObject({ status: 'dead', attempts: 1, lastStatusCode: 410, lastError: expect.stringContaining('410 Gone') });
    const after = WebhookEndpoint.parse((await t.json(`/v1/me/webhooks/${endpoint.id}`, { headers: me() })).body);
    expect(after.enabled).toBe(false);
    const notices = await t.database.db.select().from(notifications).where(eq(notifications.kind, 'webhook.disabled'));
    expect(notices).toHaveLength(1);

    await book('2026-11-23T10:00:00Z');
    await settle();
    expect(rx.received).toHaveLength(1);
    expect(await log(endpoint.id)).toHaveLength(1);

    // A redelivery needs it on again.
    const [dead] = await log(endpoint.id);
    const refused = await t.json(`/v1/me/webhooks/${endpoint.id}/deliveries/${dead!.id}/redeliver`, { method: 'POST', headers: me() });
    expect(refused).toMatchObject({ status: 409, body: { code: 'webhook_endpoint_disabled' } });
    expect((await t.json(`/v1/me/webhooks/${endpoint.id}`, { method: 'PATCH', body: { enabled: true }, headers: me() })).body.enabled).toBe(true);
    const again = await t.json(`/v1/me/webhooks/${endpoint.id}/deliveries/${dead!.id}/redeliver`, { method: 'POST', headers: me() });
    expect(again.status).toBe(201);
    await settle();
    expect(rx.received).toHaveLength(2);
    expect((await log(endpoint.id))[0]).toMatchObject({ status: 'sent', redeliveryOf: dead!.id });
  });

  it('skips what is still pending for an endpoint turned off or deleted meanwhile', async () => {
    await start();
    const off = await createEndpoint({ url: `${rx.url}/off`, eventTypes: ['booking.confirmed'] });
    const gone = await createEndpoint({ url: `${rx.url}/gone`, eventTypes: ['booking.confirmed'] });
    rx.answer(500, 500);
    await book('2026-11-23T09:00:00Z');
    await settle();
    expect(rx.received).toHaveLength(2);
    expect((await t.json(`/v1/me/webhooks/${off.id}`, { method: 'PATCH', body: { enabled: false }, headers: me() })).status).toBe(200);
    const deleted = await t.json(`/v1/me/webhooks/${gone.id}`, { method: 'DELETE', headers: me() });
    expect(deleted).toMatchObject({ status: 200, body: { id: gone.id } });
    expect((await t.json(`/v1/me/webhooks/${gone.id}`, { headers: me() })).status).toBe(404);

    t.setNow(t.now() + 60_000);
    const ticked = await t.app.tick();
    expect(ticked.deliveries.skipped).toBe(2);
    expect(rx.received).toHaveLength(2);
    // Skipped, and still saying why its attempt failed.
    expect((await log(off.id))[0]).toMatchObject({ status: 'skipped', attempts: 2, lastStatusCode: 500, lastError: expect.stringContaining('500') });
    const rows = await t.database.db.select().from(deliveries).where(and(eq(deliveries.channel, 'webhook'), eq(deliveries.recipient, gone.id)));
    expect(rows.map((r) => r.status)).toEqual(['skipped']);
  });
});

describe('secret rotation', () => {
  it('signs with the previous and the new secret for 24 hours, then with the new one alone', async () => {
    await start();
    const endpoint = await createEndpoint({ eventTypes: ['booking.confirmed'] });
    const rotatedAt = t.now();
    const res = await t.json(`/v1/me/webhooks/${endpoint.id}/rotate`, { method: 'POST', headers: me() });
    expect(res.status).toBe(200);
    const rotated = WebhookEndpointWithSecret.parse(res.body);
    expect(rotated.secret).not.toBe(endpoint.secret);
    expect(rotated.previousSecretExpiresAt).toBe(isoInstant(rotatedAt + DAY));
    expect((await t.json(`/v1/me/webhooks/${endpoint.id}`, { headers: me() })).body).not.toHaveProperty('secret');

    await book('2026-11-23T09:00:00Z');
    await settle();
    const during = rx.received[0]!;
    expect(during.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    await verified(endpoint.secret, during);
    await verified(rotated.secret, during);

    t.setNow(rotatedAt + DAY + 1000);
    await book('2026-11-24T09:00:00Z');
    await settle();
    const after = rx.received[1]!;
    expect(after.headers['webhook-signature']!.split(' ')).toHaveLength(1);
    await verified(rotated.secret, after);
    expect(() => standardVerify(endpoint.secret, after)).toThrow(StandardVerificationError);
    await expect(verifyWebhook(after.body, after.headers, endpoint.secret, { now: t.now })).rejects.toBeInstanceOf(WebhookVerificationError);
    expect((await t.json(`/v1/me/webhooks/${endpoint.id}`, { headers: me() })).body.previousSecretExpiresAt).toBeNull();
  });

  it('stores secrets sealed: not in the clear, and opened only with the server’s key for that endpoint', async () => {
    await start({ secretsKey: 'a-long-random-secrets-key-for-this-test' });
    const endpoint = await createEndpoint();
    const other = await createEndpoint({ url: `${rx.url}/other` });
    const [row] = await t.database.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(row!.secretSealed).not.toContain(endpoint.secret.slice('whsec_'.length, 20));
    expect(row!.secretSealed).toMatch(/^v1\./);
    expect(await unsealSecret('a-long-random-secrets-key-for-this-test', endpoint.id, row!.secretSealed)).toBe(endpoint.secret);
    await expect(unsealSecret('another key', endpoint.id, row!.secretSealed)).rejects.toThrow(/cannot be opened/);
    await expect(unsealSecret('a-long-random-secrets-key-for-this-test', other.id, row!.secretSealed)).rejects.toThrow(/cannot be opened/);
  });
});

describe('redelivery', () => {
  it('sends a message again as a new delivery with the same webhook-id and body, signed at its own time', async () => {
    await start();
    const endpoint = await createEndpoint({ eventTypes: ['booking.confirmed'] });
    await book('2026-11-23T09:00:00Z');
    await settle();
    const [first] = await log(endpoint.id);
    t.setNow(t.now() + 3_600_000);
    const res = await t.json(`/v1/me/webhooks/${endpoint.id}/deliveries/${first!.id}/redeliver`, { method: 'POST', headers: me() });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const again = WebhookDelivery.parse(res.body);
    expect(again).toMatchObject({ status: 'pending', attempts: 0, messageId: first!.messageId, redeliveryOf: first!.id, eventType: 'booking.confirmed' });
    expect(again.id).not.toBe(first!.id);
    await settle();

    expect(rx.received).toHaveLength(2);
    const [original, repeated] = rx.received as [ReceivedWebhook, ReceivedWebhook];
    expect(repeated.headers['webhook-id']).toBe(original.headers['webhook-id']);
    expect(repeated.body).toBe(original.body);
    expect(Number(repeated.headers['webhook-timestamp'])).toBe(Math.floor(t.now() / 1000));
    await verified(endpoint.secret, repeated);
    const entries = await log(endpoint.id);
    expect(entries.map((d) => [d.id, d.status])).toEqual([
      [again.id, 'sent'],
      [first!.id, 'sent'],
    ]);

    const unknown = await t.json(`/v1/me/webhooks/${endpoint.id}/deliveries/dl_nothere/redeliver`, { method: 'POST', headers: me() });
    expect(unknown).toMatchObject({ status: 404, body: { code: 'webhook_delivery_not_found' } });
  });

  it('sends one redelivery of a message at a time: more while it is on its way are refused, naming it (ten at once too)', async () => {
    await start();
    const endpoint = await createEndpoint({ eventTypes: ['booking.confirmed'] });
    await book('2026-11-23T09:00:00Z');
    await settle();
    const [first] = await log(endpoint.id);
    const redeliver = () => t.json(`/v1/me/webhooks/${endpoint.id}/deliveries/${first!.id}/redeliver`, { method: 'POST', headers: me() });
    const burst = await Promise.all(Array.from({ length: 10 }, redeliver));
    const accepted = burst.filter((r) => r.status === 201);
    expect(accepted).toHaveLength(1);
    for (const refused of burst.filter((r) => r.status !== 201)) {
      expect(refused).toMatchObject({ status: 409, body: { code: 'webhook_redelivery_pending' } });
      expect(refused.body.detail).toContain(accepted[0]!.body.id);
    }
    await settle();
    expect(rx.received).toHaveLength(2);
    // Once it has been sent, the message can be sent again.
    expect((await redeliver()).status).toBe(201);
    await settle();
    expect(rx.received).toHaveLength(3);
  });

  it('pages the delivery log, newest first', async () => {
    await start();
    const endpoint = await createEndpoint({ eventTypes: ['*'] });
    for (const [i, start] of ['2026-11-23T09:00:00Z', '2026-11-23T10:00:00Z', '2026-11-23T11:00:00Z'].entries()) {
      t.setNow(Date.parse('2026-11-20T12:00:00Z') + i * 60_000);
      await book(start);
      await settle();
    }
    const all = await log(endpoint.id);
    expect(all).toHaveLength(6);
    const page1 = await t.json(`/v1/me/webhooks/${endpoint.id}/deliveries?limit=4`, { headers: me() });
    expect(page1.body.hasMore).toBe(true);
    const page2 = await t.json(`/v1/me/webhooks/${endpoint.id}/deliveries?limit=4&starting_after=${page1.body.data[3].id}`, { headers: me() });
    expect(page2.body.hasMore).toBe(false);
    expect([...page1.body.data, ...page2.body.data].map((d: { id: string }) => d.id)).toEqual(all.map((d) => d.id));
    expect(all.map((d) => d.createdAt)).toEqual([...all.map((d) => d.createdAt)].sort().reverse());
    const bad = await t.json(`/v1/me/webhooks/${endpoint.id}/deliveries?starting_after=dl_nothere`, { headers: me() });
    expect(bad).toMatchObject({ status: 400, body: { code: 'invalid_request', errors: [{ field: 'query.starting_after' }] } });
  });
});

describe('endpoints', () => {
  const refused = async (url: string, headers = me()) => {
    const res = await t.json('/v1/me/webhooks', { body: { url, eventTypes: ['*'] }, headers });
    return { url, status: res.status, code: res.body.code, field: res.body.errors?.[0]?.field };
  };

  it('refuses private, reserved and non-https targets; loopback only with the development flag', async () => {
    await start();
    const always = [
      'http://hooks.example.com/x',
      'https://10.0.0.1/x',
      'https://192.168.1.10/x',
      'https://172.16.0.1/x',
      'https://169.254.169.254/latest/meta-data',
      'https://100.64.0.1/x',
      'https://[fd00::1]/x',
      'https://[fe80::1]/x',
      'https://[::ffff:10.0.0.1]/x',
      'https://[64:ff9b::a00:1]/x',
      'https://0.0.0.0/x',
      'https://intranet/hook',
      'https://user:secret@hooks.example.com/x',
      'https://hooks.example.com/x#frag',
      'ftp://hooks.example.com/x',
      'not a url',
    ];
    for (const url of always) expect(await refused(url)).toEqual({ url, status: 422, code: 'invalid_webhook_url', field: 'body.url' });
    // With SLOTWISE_ALLOW_LOOPBACK_WEBHOOKS (this app), this machine may be reached, over http too.
    for (const url of ['http://127.0.0.1:9/x', 'https://localhost/x', 'http://[::1]:9/x']) expect((await refused(url)).status).toBe(201);
    expect((await refused('https://hooks.example.com/slotwise')).status).toBe(201);
    expect((await refused('https://93.184.215.14/slotwise')).status).toBe(201);
    t.close();

    await start({ allowLoopbackWebhooks: false });
    for (const url of ['http://127.0.0.1:9/x', 'https://127.0.0.1/x', 'https://127.1/x', 'https://0x7f.1/x', 'https://2130706433/x', 'https://localhost/x', 'https://api.localhost/x', 'https://[::1]/x', 'https://[::ffff:127.0.0.1]/x']) {
      expect(await refused(url)).toEqual({ url, status: 422, code: 'invalid_webhook_url', field: 'body.url' });
    }
    const ok = await createEndpoint({ url: 'https://hooks.example.com/slotwise' });
    const patched = await t.json(`/v1/me/webhooks/${ok.id}`, { method: 'PATCH', body: { url: 'https://10.1.2.3/x' }, headers: me() });
    expect(patched).toMatchObject({ status: 422, body: { code: 'invalid_webhook_url' } });
    expect((await t.json(`/v1/me/webhooks/${ok.id}`, { headers: me() })).body.url).toBe('https://hooks.example.com/slotwise');
    expect(await t.database.db.select().from(webhookEndpoints)).toHaveLength(1);
  });

  it('creates, lists, retrieves, updates and deletes endpoints; checks event types and the number of endpoints', async () => {
    await start();
    const created = await createEndpoint({ eventTypes: ['booking.created', 'booking.created', 'payment.refunded'], description: 'Zapier' });
    expect(created).toMatchObject({ eventTypes: ['booking.created', 'payment.refunded'], description: 'Zapier', enabled: true, previousSecretExpiresAt: null });
    expect((await createEndpoint({ eventTypes: ['booking.cancelled', '*'] })).eventTypes).toEqual(['*']);
    const unknown = await t.json('/v1/me/webhooks', { body: { url: `${rx.url}/x`, eventTypes: ['booking.exploded'] }, headers: me() });
    expect(unknown).toMatchObject({ status: 400, body: { code: 'invalid_request', errors: [{ field: 'body.eventTypes.0' }] } });
    expect((await t.json('/v1/me/webhooks', { body: { url: `${rx.url}/x`, eventTypes: [] }, headers: me() })).status).toBe(400);

    const list = await t.json('/v1/me/webhooks', { headers: me() });
    expect(list.body.data.map((e: { id: string }) => e.id)[0]).toBe(created.id);
    expect(JSON.stringify(list.body)).not.toContain('whsec_');
    const updated = await t.json(`/v1/me/webhooks/${created.id}`, { method: 'PATCH', body: { eventTypes: ['booking.no_show'], description: '', url: `${rx.url}/new` }, headers: me() });
    expect(WebhookEndpoint.parse(updated.body)).toMatchObject({ eventTypes: ['booking.no_show'], description: '', url: `${rx.url}/new`, enabled: true });

    for (let i = 2; i < 10; i++) await createEndpoint({ url: `${rx.url}/${i}` });
    expect((await refused(`${rx.url}/eleventh`)).code).toBe('too_many_webhook_endpoints');
    expect((await t.json(`/v1/me/webhooks/${created.id}`, { method: 'DELETE', headers: me() })).status).toBe(200);
    expect((await refused(`${rx.url}/tenth`)).status).toBe(201);
  });

  it('keeps each specialist’s endpoints and deliveries to themselves', async () => {
    await start();
    const demo = await createEndpoint({ eventTypes: ['booking.confirmed'] });
    const mallory = auth((await signUp(t, 'mallory')).accessToken);
    const malloryEndpoint = await createEndpoint({ url: `${rx.url}/mallory` }, mallory);
    await book('2026-11-23T09:00:00Z');
    await settle();
    expect(at('/mallory')).toEqual([]); // another specialist's booking sends them nothing
    const [delivery] = await log(demo.id);

    expect((await t.json('/v1/me/webhooks', { headers: mallory })).body.data.map((e: { id: string }) => e.id)).toEqual([malloryEndpoint.id]);
    const probes: [string, string, unknown?][] = [
      ['GET', `/v1/me/webhooks/${demo.id}`],
      ['PATCH', `/v1/me/webhooks/${demo.id}`, { url: `${rx.url}/stolen`, enabled: false }],
      ['DELETE', `/v1/me/webhooks/${demo.id}`],
      ['POST', `/v1/me/webhooks/${demo.id}/rotate`],
      ['GET', `/v1/me/webhooks/${demo.id}/deliveries`],
      ['POST', `/v1/me/webhooks/${demo.id}/deliveries/${delivery!.id}/redeliver`],
    ];
    for (const [method, path, body] of probes) {
      const res = await t.json(path, { method, body, headers: mallory });
      expect({ path, method, status: res.status, code: res.body.code }).toEqual({ path, method, status: 404, code: 'webhook_endpoint_not_found' });
    }
    // Demo's delivery under mallory's own endpoint does not exist either.
    const crossed = await t.json(`/v1/me/webhooks/${malloryEndpoint.id}/deliveries/${delivery!.id}/redeliver`, { method: 'POST', headers: mallory });
    expect(crossed).toMatchObject({ status: 404, body: { code: 'webhook_delivery_not_found' } });
    expect(await log(malloryEndpoint.id, mallory)).toEqual([]);

    // Untouched: same URL, still on, same secret, nothing sent again.
    expect((await t.json(`/v1/me/webhooks/${demo.id}`, { headers: me() })).body).toMatchObject({ url: `${rx.url}/hook`, enabled: true, previousSecretExpiresAt: null });
    expect(rx.received).toHaveLength(1);
    await verified(demo.secret, rx.received[0]!);
  });
});
