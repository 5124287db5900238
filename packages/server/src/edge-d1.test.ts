import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateD1 } from './db/d1-migrate.js';
import type { D1Statement } from './db/d1.js';
import { signatureHeader } from './providers/payments/events.js';
import { seedD1 } from './testing/d1-seed.js';
import { buildWorker, startWorkerd, type Workerd } from './testing/workerd.js';

// The built Worker (`scripts/build-edge.mjs`, no `nodejs_compat`) in workerd through Miniflare,
// over D1 migrated from the drizzle files and seeded with the demo the way the Node tests seed it.
// The same bundle under three sets of bindings: `offline` (test payments, as `pnpm edge` runs it)
// and `stripe` (Stripe keys: webhooks are verified with the secret) in one workerd on one seeded
// D1, and `bare` in another workerd on a D1 nobody migrated.

const JWT = { SLOTWISE_JWT_SECRET: 'edge-d1-test-secret' };
const WEBHOOK_SECRET = 'whsec_edge_d1_test';
const dir = mkdtempSync(join(tmpdir(), 'slotwise-edge-d1-'));
let workerd: Workerd;
let bare: Workerd;
let apiKey: string;
let operatorPassword: string;
let intro: string;
let starts: string[];

const origin = 'https://edge.example';
const call = (path: string, init: RequestInit & { variant?: string; ip?: string } = {}) => {
  const { variant = 'offline', ip = '198.51.100.1', ...rest } = init;
  return workerd.fetch(variant, origin + path, { ...rest, headers: { 'cf-connecting-ip': ip, ...(rest.headers as Record<string, string>) } });
};
const rows = async (query: string, ...args: unknown[]) =>
  ((await workerd.d1.batch([(workerd.d1.prepare(query) as D1Statement).bind(...args)])) as { results: Record<string, unknown>[] }[])[0]!.results;
const book = (start: string, email: string, ip?: string, variant?: string) =>
  call('/v1/bookings', {
    method: 'POST',
    ip,
    ...(variant ? { variant } : {}),
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ specialist: 'demo', service: intro, start, customer: { name: 'Edge Customer', email, timeZone: 'UTC' } }),
  });
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const slotsPath = () => `/v1/specialists/demo/slots?service=${intro}&from=${day(2)}&to=${day(16)}&timezone=UTC`;
const openStarts = async () => ((await (await call(slotsPath())).json()) as { days: { slots: { start: string }[] }[] }).days.flatMap((d) => d.slots.map((s) => s.start));

beforeAll(async () => {
  const script = await buildWorker(dir);
  workerd = await startWorkerd(script, {
    offline: { ...JWT, SLOTWISE_PAYMENTS: 'offline' },
    stripe: { ...JWT, STRIPE_SECRET_KEY: 'sk_test_edge', STRIPE_PUBLISHABLE_KEY: 'pk_test_edge', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET },
  });
  bare = await startWorkerd(script, { bare: JWT });
  await migrateD1(workerd.d1);
  const seeded = await seedD1(workerd.d1, { kdfIterations: 1000, payments: 'offline' });
  apiKey = seeded.apiKey!;
  operatorPassword = seeded.operatorPassword!;
  const profile = (await (await call('/v1/specialists/demo')).json()) as { services: { id: string; name: string }[] };
  intro = profile.services.find((s) => s.name.toLowerCase().includes('intro'))?.id ?? profile.services[0]!.id;
  starts = await openStarts();
}, 180_000);
afterAll(async () => {
  await workerd?.dispose();
  await bare?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('the Worker in workerd over D1', { timeout: 60_000 }, () => {
  it('answers health, and readiness only once wrangler has migrated its D1 (the sentence with the command in the log)', async () => {
    expect(await (await bare.fetch('bare', `${origin}/health`)).json()).toEqual({ status: 'ok' });
    const unready = await bare.fetch('bare', `${origin}/ready`);
    expect(unready.status).toBe(503);
    expect(await unready.json()).toEqual({ status: 'unavailable', reason: 'The database does not answer.' });
    await expect.poll(() => JSON.stringify(bare.logs())).toContain('wrangler d1 migrations apply DB');
    const ready = await call('/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it("lists the seeded demo's open times", () => {
    expect(starts.length).toBeGreaterThan(20);
  });

  it('finds the demo in the directory: the full-text index and its triggers work in D1, the open time checked in workerd', async () => {
    const res = await call('/v1/specialists?q=coach%20engin&available_within_days=30');
    expect(res.status).toBe(200);
    const page = (await res.json()) as { data: { handle: string; nextOpen: { start: string } | null }[] };
    expect(page.data.map((e) => e.handle)).toEqual(['demo']);
    expect(page.data[0]!.nextOpen).not.toBeNull();
    expect((await rows('select count(*) as n from specialist_search where specialist_search match ?', '"intro"'))[0]).toEqual({ n: 1 });
  });

  it('books a free time: 201 confirmed, the time no longer offered, the row in D1', async () => {
    const start = starts[0]!;
    const res = await book(start, 'edge@example.com');
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ booking: { status: 'confirmed', start } });
    expect(await openStarts()).not.toContain(start);
    expect(await rows('select status, start_at from bookings where customer_email = ?', 'edge@example.com')).toEqual([{ status: 'confirmed', start_at: Date.parse(start) }]);
  });

  it('cancels a booking with its manage token: 200, the time offered again, the change and its outbox row in D1', async () => {
    const start = starts[1]!;
    const made = await book(start, 'cancel@example.com');
    expect(made.status).toBe(201);
    const { booking, manageToken } = (await made.json()) as { booking: { id: string }; manageToken: string };
    const cancelled = await call(`/v1/bookings/${booking.id}/cancel`, { method: 'POST', headers: { authorization: `Bearer ${manageToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ reason: 'Plans changed' }) });
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toMatchObject({ id: booking.id, status: 'cancelled', cancelledBy: 'customer' });
    expect(await openStarts()).toContain(start);
    expect(await rows('select status, cancellation_reason from bookings where id = ?', booking.id)).toEqual([{ status: 'cancelled', cancellation_reason: 'Plans changed' }]);
    const topics = (await rows('select topic from outbox where booking_id = ? order by rowid', booking.id)).map((r) => r.topic);
    expect(topics[0]).toBe('booking.confirmed');
    expect(topics.at(-1)).toBe('booking.cancelled');
  });

  it('takes a paid booking in test-payments mode: held with a payment session, confirmed once paid, the payment recorded', async () => {
    const profile = (await (await call('/v1/specialists/demo')).json()) as { services: { id: string; name: string }[] };
    const coaching = profile.services.find((s) => s.name === 'Coaching session')!.id;
    const start = (await (await call(`/v1/specialists/demo/slots?service=${coaching}&from=${day(3)}&to=${day(17)}&timezone=UTC`)).json()) as { days: { slots: { start: string }[] }[] };
    const at = start.days.flatMap((d) => d.slots.map((x) => x.start)).at(-1)!;
    const held = await call('/v1/bookings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ specialist: 'demo', service: coaching, start: at, customer: { name: 'Paying Customer', email: 'pays@example.com', timeZone: 'UTC' } }) });
    expect(held.status).toBe(201);
    const body = (await held.json()) as { booking: { id: string; status: string }; manageToken: string; paymentSession: { clientSecret: string; amount: number } };
    expect(body.booking.status).toBe('held');
    expect(body.paymentSession.amount).toBeGreaterThan(0);
    const intent = body.paymentSession.clientSecret.split('_secret_')[0];
    const paid = await call(`/v1/test-payments/${intent}/confirm`, { method: 'POST', headers: { authorization: `Bearer ${body.manageToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ outcome: 'succeed' }) });
    expect(paid.status).toBe(200);
    await expect.poll(async () => (await rows('select status from bookings where id = ?', body.booking.id))[0]).toEqual({ status: 'confirmed' });
    expect(await rows('select status, amount from payments where booking_id = ?', body.booking.id)).toEqual([{ status: 'succeeded', amount: body.paymentSession.amount }]);
  });

  it('keeps serving a specialist’s changes after a hold is released twice: the test payment’s webhook finishes within its request (waitUntil)', async () => {
    const profile = (await (await call('/v1/specialists/demo')).json()) as { services: { id: string; name: string }[] };
    const coaching = profile.services.find((s) => s.name === 'Coaching session')!.id;
    const open = (await (await call(`/v1/specialists/demo/slots?service=${coaching}&from=${day(4)}&to=${day(18)}&timezone=UTC`)).json()) as { days: { slots: { start: string }[] }[] };
    const at = open.days.flatMap((d) => d.slots.map((x) => x.start)).at(-2)!;
    const held = await call('/v1/bookings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ specialist: 'demo', service: coaching, start: at, customer: { name: 'Leaving Customer', email: 'leaves@example.com', timeZone: 'UTC' } }) });
    const { booking, manageToken } = (await held.json()) as { booking: { id: string }; manageToken: string };
    const asCustomer = { authorization: `Bearer ${manageToken}` };
    expect((await call(`/v1/bookings/${booking.id}/release`, { method: 'POST', headers: asCustomer })).status).toBe(200);
    expect((await call(`/v1/bookings/${booking.id}/release`, { method: 'POST', headers: asCustomer })).status).toBe(200);
    expect((await call(`/v1/bookings/${booking.id}`, { headers: asCustomer })).status).toBe(200);
    // A write of the same specialist answers (it hung for the isolate's life when the webhook's D1 call was cut off).
    const timeout = AbortSignal.timeout(10_000);
    const edited = await call('/v1/me', { method: 'PATCH', signal: timeout, headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ bio: 'Still here.' }) });
    expect(edited.status).toBe(200);
  });

  it('gives one time to exactly one of 50 simultaneous requests through two isolates on one D1: one 201, 49 × 409 slot_unavailable, one row', async () => {
    const start = starts[5]!;
    // Half through each Worker: two isolates, each with its own in-process queue, one database — the guard decides.
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => book(start, `storm${i}@example.com`, `203.0.113.${i + 1}`, i % 2 ? 'stripe' : 'offline')));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(49).fill(409)]);
    const refusals = await Promise.all(answers.filter((r) => r.status === 409).map((r) => r.json() as Promise<{ code: string }>));
    expect(new Set(refusals.map((p) => p.code))).toEqual(new Set(['slot_unavailable']));
    expect(await rows("select count(*) as n from bookings where start_at = ? and status in ('held', 'confirmed')", Date.parse(start))).toEqual([{ n: 1 }]);
  });

  it('verifies Stripe webhooks in workerd: a signed event is accepted, a bad signature refused with invalid_signature', async () => {
    // An event type Slotwise only records (a payment's events would ask Stripe's API, unreachable here).
    const event = JSON.stringify({ id: 'evt_edge_seen', object: 'event', type: 'customer.created', created: Math.floor(Date.now() / 1000), data: { object: { id: 'cus_edge', object: 'customer' } } });
    const post = async (signature: string) =>
      call('/v1/webhooks/stripe', { variant: 'stripe', method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body: event });
    const signed = await post(await signatureHeader(event, [WEBHOOK_SECRET], Date.now() / 1000));
    expect(signed.status).toBe(200);
    expect(await signed.json()).toMatchObject({ received: true });
    expect(await rows('select id from webhook_events where id = ?', 'evt_edge_seen')).toEqual([{ id: 'evt_edge_seen' }]);
    // Stripe delivers again (its retries): recorded once, answered as a duplicate.
    const again = await post(await signatureHeader(event, [WEBHOOK_SECRET], Date.now() / 1000));
    expect(await again.json()).toEqual({ received: true, duplicate: true });
    const forged = await post(await signatureHeader(event, ['whsec_someone_else'], Date.now() / 1000));
    expect(forged.status).toBe(400);
    expect(forged.headers.get('content-type')).toBe('application/problem+json');
    expect(await forged.json()).toMatchObject({ status: 400, code: 'invalid_signature' });
  });

  it('edits the profile, makes an API key and signs the operator in on D1 (guarded batches), and erases a customer (one guarded batch: their bookings renamed, once)', async () => {
    const renamed = await call('/v1/me', { method: 'PATCH', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Renamed at the edge' }) });
    expect(renamed.status).toBe(200);
    expect(await rows("select name from specialists where handle = 'demo'")).toContainEqual({ name: 'Renamed at the edge' });
    const key = await call('/v1/me/api-keys', { method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'CI' }) });
    expect(key.status).toBe(201);
    expect(await rows("select name from api_keys where name = 'CI' and revoked_at is null")).toEqual([{ name: 'CI' }]);
    // The operator signs in on D1 (a guarded batch) and erases a customer (a snapshot and one guarded batch).
    const signedIn = await call('/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'operator@slotwise.local', password: operatorPassword }) });
    expect(signedIn.status).toBe(200);
    const operator = ((await signedIn.json()) as { accessToken: string }).accessToken;
    const named = async () => rows("select count(*) as n from bookings where customer_email = 'edge@example.com'");
    const before = await named();
    const erase = (language: string) =>
      call('/v1/operator/customers/erase', { method: 'POST', headers: { authorization: `Bearer ${operator}`, 'content-type': 'application/json', 'accept-language': language }, body: JSON.stringify({ email: 'edge@example.com' }) });
    const booked = (before[0] as { n: number }).n;
    expect(booked).toBeGreaterThan(0);
    const erased = await erase('en');
    expect(erased.status).toBe(200);
    const answer = (await erased.json()) as { placeholder: string; bookings: number };
    expect(answer).toMatchObject({ bookings: booked, placeholder: expect.stringMatching(/^erased-[0-9a-f]{24}@invalid$/) });
    expect(await named()).toEqual([{ n: 0 }]);
    expect(await rows(`select count(*) as n from bookings where customer_email = '${answer.placeholder}' and customer_name = 'Erased customer'`)).toEqual([{ n: booked }]);
    // Again: nothing left under the address.
    expect(await (await erase('de')).json()).toMatchObject({ bookings: 0, purchases: 0, payments: 0 });
  });
});
