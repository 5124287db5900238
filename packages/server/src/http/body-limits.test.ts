import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { routes, type RouteSpec } from '@slotwise/sdk/contract';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookings, idempotencyKeys, webhookEvents } from '../db/schema.js';
import { startServer, type RunningServer } from '../node.js';
import { testApp, type TestApp } from '../testing/test-app.js';

// The body limit holds on every route whatever the headers say: a declared length, none at all
// (chunked), an Idempotency-Key that makes the body part of a stored request. 64 KiB for the API,
// 1 MiB for the Stripe webhook.

const API_LIMIT = 64 * 1024;
const WEBHOOK_LIMIT = 1024 * 1024;

/** `bytes` of JSON-ish text streamed in 16 KiB chunks, with no Content-Length. */
function chunked(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(16 * 1024, bytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(32)); // spaces: valid JSON padding
    },
  });
}

/** A JSON text of exactly `bytes` bytes around `value` (padded with spaces), streamed. */
function chunkedJson(value: unknown, bytes: number): ReadableStream<Uint8Array> {
  const text = JSON.stringify(value);
  const head = new TextEncoder().encode(text);
  const padding = chunked(bytes - head.byteLength).getReader();
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (first) {
        first = false;
        return controller.enqueue(head);
      }
      const { done, value: chunk } = await padding.read();
      if (done) controller.close();
      else controller.enqueue(chunk);
    },
  });
}

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ now: Date.parse('2026-11-20T12:00:00Z') });
});
afterAll(() => t.close());

const stored = async () => ({
  bookings: (await t.database.db.select({ n: count() }).from(bookings))[0]!.n,
  webhookEvents: (await t.database.db.select({ n: count() }).from(webhookEvents))[0]!.n,
  idempotencyKeys: (await t.database.db.select({ n: count() }).from(idempotencyKeys))[0]!.n,
});

const send = (path: string, method: string, body: BodyInit, headers: Record<string, string> = {}) =>
  t.app.request(path, { method, body, headers: { 'content-type': 'application/json', ...headers }, duplex: 'half' } as RequestInit);

const customer = { name: 'Ada', email: 'ada@example.com', timeZone: 'UTC' };

// Every endpoint that takes a body, or may be sent one (a POST without input), and the webhook.
const writes = (Object.values(routes) as RouteSpec[])
  .filter((r) => r.method !== 'get' && r.method !== 'delete')
  .map((r) => ({ method: r.method.toUpperCase(), path: r.path.replace(/\{(\w+)\}/g, (_, name) => (name === 'handle' ? 'demo' : 'x_probe')) }));

describe('the body limit on every route', () => {
  it('covers every write', () => {
    expect(writes.length).toBeGreaterThanOrEqual(25);
  });

  for (const { method, path } of writes) {
    it(`${method} ${path}: a chunked body over 64 KiB is a 413, with or without an Idempotency-Key`, async () => {
      for (const headers of [{}, { 'idempotency-key': `probe-${path}`, authorization: `Bearer ${t.apiKey}` }] as Record<string, string>[]) {
        const res = await send(path, method, chunked(API_LIMIT + 1), headers);
        expect(res.status).toBe(413);
        expect(res.headers.get('content-type')).toBe('application/problem+json');
        expect((await res.json()).code).toBe('payload_too_large');
      }
    });
  }

  it('refuses a 2 MB Stripe webhook sent with an Idempotency-Key, declared or chunked', async () => {
    const body = 'x'.repeat(2 * 1024 * 1024);
    const headers = { 'idempotency-key': 'wh-1', 'stripe-signature': 't=1,v1=00' };
    const declared = await send('/v1/webhooks/stripe', 'POST', body, headers);
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ code: 'payload_too_large', detail: `Send at most ${WEBHOOK_LIMIT} bytes.` });
    const streamed = await send('/v1/webhooks/stripe', 'POST', chunked(2 * 1024 * 1024), headers);
    expect(streamed.status).toBe(413);
    expect((await streamed.json()).code).toBe('payload_too_large');
  });

  it('still reads a webhook between the API limit and its own (the signature is judged, not the size)', async () => {
    const res = await send('/v1/webhooks/stripe', 'POST', chunked(API_LIMIT * 2), { 'stripe-signature': 't=1,v1=00' });
    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe('invalid_signature');
  });

  it('stored nothing from any of it', async () => {
    expect(await stored()).toEqual({ bookings: 0, webhookEvents: 0, idempotencyKeys: 0 });
  });

  it('books from a chunked body within the limit', async () => {
    const booking = { specialist: 'demo', service: t.intro.id, start: '2026-11-23T09:00:00Z', customer };
    const res = await send('/v1/bookings', 'POST', chunkedJson(booking, API_LIMIT), { 'idempotency-key': 'chunked-ok' });
    expect(res.status, await res.clone().text()).toBe(201);
    expect((await res.json()).booking).toMatchObject({ status: 'confirmed', start: '2026-11-23T09:00:00Z' });
    expect((await stored()).bookings).toBe(1);
  });
});

describe('the body limit over real HTTP', () => {
  let server: RunningServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'slotwise-body-'));
    server = await startServer({ port: 0, log: () => {}, payments: 'offline', databaseUrl: `file:${join(dir, 'db.sqlite')}`, seed: 'demo', tickEveryMs: 0, kdfIterations: 1000 });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * POSTs a chunked body (Transfer-Encoding: chunked, no Content-Length) of up to `bytes`, one
   * 16 KiB chunk at a time, until the server answers; resolves with its status and body.
   */
  function postChunked(path: string, bytes: number): Promise<{ status: number; body: string; sent: number }> {
    return new Promise((resolve, reject) => {
      const url = new URL(path, server.url);
      let sent = 0;
      let answered = false;
      const req = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'http-1' } }, (res) => {
        answered = true;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body, sent }));
      });
      // The server may stop reading (and close) once it has answered: that is the point.
      req.on('error', (error) => (answered ? undefined : reject(error)));
      const chunk = Buffer.alloc(16 * 1024, 32);
      const write = () => {
        while (!answered && sent < bytes) {
          sent += chunk.byteLength;
          if (!req.write(chunk)) return void req.once('drain', write);
        }
        if (!answered) req.end();
      };
      write();
    });
  }

  it('answers a chunked body over the limit with a 413 and stays up', async () => {
    const res = await postChunked('/v1/bookings', 8 * 1024 * 1024);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'payload_too_large' });
    // The server stopped reading long before the client would have finished.
    expect(res.sent).toBeLessThan(8 * 1024 * 1024);
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    const webhook = await postChunked('/v1/webhooks/stripe', 4 * 1024 * 1024);
    expect(webhook.status).toBe(413);
    expect((await fetch(`${server.url}/v1/specialists/demo`)).status).toBe(200);
  });
});
