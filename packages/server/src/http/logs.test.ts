import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogEntry } from '../services/log.js';
import { connectDemo, setService } from '../testing/fixtures.js';
import { testApp, type TestApp } from '../testing/test-app.js';

// What an operator reads: one structured line per request (with an id the answer carries too),
// per provider call and per scheduler run — and never a secret, token or card detail.

let t: TestApp;
const lines: LogEntry[] = [];
beforeEach(async () => {
  lines.length = 0;
  t = await testApp({ log: (entry) => lines.push(entry) });
});
afterEach(() => t.close());

const requests = () => lines.filter((l) => l.msg === 'request');

describe('request logs', () => {
  it('writes one line per request with an id, and sends the id back', async () => {
    const res = await t.app.request('/health');
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^req_/);
    expect(requests()).toEqual([expect.objectContaining({ level: 'info', requestId: id, method: 'GET', path: '/health', status: 200, ms: expect.any(Number) })]);
  });

  it('keeps a caller’s usable request id and replaces one it cannot trust', async () => {
    const kept = await t.app.request('/health', { headers: { 'x-request-id': 'proxy-1234-abcd' } });
    expect(kept.headers.get('x-request-id')).toBe('proxy-1234-abcd');
    const replaced = await t.app.request('/health', { headers: { 'x-request-id': 'bad id {"level":"error"}' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^req_/);
    expect(requests().map((l) => l.requestId)).toEqual(['proxy-1234-abcd', replaced.headers.get('x-request-id')]);
  });

  it('logs errors as errors, with the id of the request that failed', async () => {
    const res = await t.app.request('/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(requests().at(-1)).toMatchObject({ status: 404, level: 'info', requestId: res.headers.get('x-request-id') });
  });

  it('never writes a token, a password, an email or a client secret, even for a paid booking and its receipt', async () => {
    await connectDemo(t.app);
    await setService(t.database, t.intro.id, { durations: [{ minutes: 30, price: 4900 }] });
    const booked = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start: '2026-11-23T09:00:00Z', customer: { name: 'Ada', email: 'ada@example.com', timeZone: 'UTC' } } });
    expect(booked.status).toBe(201);
    const { manageToken, paymentSession } = booked.body;
    const intent = String(paymentSession.clientSecret).split('_secret_')[0];
    await t.json(`/v1/test-payments/${intent}/confirm`, { body: { outcome: 'succeed' }, headers: { authorization: `Bearer ${manageToken}` } });
    await t.app.request(`/v1/bookings/${booked.body.booking.id}/receipt?token=${manageToken}`);
    await t.json('/v1/auth/login', { body: { email: 'demo@slotwise.local', password: t.demoPassword } });
    await t.json('/v1/me/bookings', { headers: { authorization: `Bearer ${t.apiKey}` } });

    const text = JSON.stringify(lines);
    for (const secret of [manageToken, paymentSession.clientSecret, 'ada@example.com', t.demoPassword, t.apiKey]) expect(text).not.toContain(secret);
    expect(requests().find((l) => String(l.path).endsWith('/receipt'))).toMatchObject({ status: 200, path: `/v1/bookings/${booked.body.booking.id}/receipt` });

    // The payment provider was called, and each call is a line of its own with our idempotency key.
    const calls = lines.filter((l) => l.msg === 'provider call' && l.provider === 'payments');
    expect(calls.map((l) => l.op)).toEqual(expect.arrayContaining(['createPaymentIntent', 'retrievePaymentIntent']));
    expect(calls.find((l) => l.op === 'createPaymentIntent')).toMatchObject({ outcome: 'ok', idempotencyKey: `booking-${booked.body.booking.id}-payment`, mode: 'test' });
  });

  it('logs a request the payment provider failed as an error', async () => {
    await connectDemo(t.app);
    await setService(t.database, t.intro.id, { durations: [{ minutes: 30, price: 4900 }] });
    t.app.deps.payments.createPaymentIntent = async () => {
      throw Object.assign(new Error('Stripe is down'), { code: 'api_error', status: 500 });
    };
    const res = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start: '2026-11-23T09:00:00Z', customer: { name: 'Ada', email: 'ada@example.com', timeZone: 'UTC' } } });
    expect(res.body).toMatchObject({ status: 502, code: 'payment_provider_error' });
    expect(requests().at(-1)).toMatchObject({ status: 502, level: 'error' });
  });
});
