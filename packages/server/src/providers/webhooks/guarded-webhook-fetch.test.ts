import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyWebhook } from '@slotwise/sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { optionsFromEnv, startServer, type RunningServer } from '../../node.js';
import { silentLog } from '../../services/log.js';
import { WebhookAddressRefused } from '../../services/webhooks/channel.js';
import { auth } from '../../testing/accounts.js';
import { webhookReceiver, type WebhookReceiver } from '../../testing/webhook-receiver.js';
import { guardedWebhookFetch } from './guarded-webhook-fetch.js';

// The Node entry's webhook fetch: the address a name resolves to is checked when the socket
// connects (DNS rebinding included), loopback only with the development flag.

let rx: WebhookReceiver;
beforeAll(async () => {
  rx = await webhookReceiver();
});
afterAll(() => rx.close());

const resolvesTo = (address: string) => async () => [{ address, family: address.includes(':') ? 6 : 4 }];
const post = (f: typeof fetch, url: string) => f(url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });

describe('guardedWebhookFetch', () => {
  it('refuses a public-looking name that resolves to this machine or a private network', async () => {
    for (const address of ['127.0.0.1', '10.0.0.5', '::1', '169.254.169.254']) {
      const refused = await post(guardedWebhookFetch({ resolve: resolvesTo(address) }), `http://hooks.example.com:${rx.port}/hook`).catch((e: unknown) => e);
      expect(refused, address).toBeInstanceOf(WebhookAddressRefused);
      expect((refused as Error).message).toBe('hooks.example.com resolves to a local, private or reserved network address; events are delivered only to public addresses.');
    }
    expect(rx.received).toEqual([]);
  });

  it('refuses a literal private address without connecting', async () => {
    await expect(post(guardedWebhookFetch({ allowLoopback: true }), 'http://10.0.0.1:8443/hook')).rejects.toBeInstanceOf(WebhookAddressRefused);
    await expect(post(guardedWebhookFetch(), `http://127.0.0.1:${rx.port}/hook`)).rejects.toBeInstanceOf(WebhookAddressRefused);
    expect(rx.received).toEqual([]);
  });

  it('reaches loopback with the development flag, and nothing private beyond it', async () => {
    const res = await post(guardedWebhookFetch({ allowLoopback: true, resolve: resolvesTo('127.0.0.1') }), `http://hooks.example.com:${rx.port}/hook`);
    expect(res.status).toBe(200);
    expect(rx.received.map((r) => r.path)).toEqual(['/hook']);
    await expect(post(guardedWebhookFetch({ allowLoopback: true, resolve: resolvesTo('192.168.0.2') }), `http://hooks.example.com:${rx.port}/hook`)).rejects.toBeInstanceOf(WebhookAddressRefused);
  });
});

describe('the Node entry', () => {
  const dirs: string[] = [];
  const servers: RunningServer[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const start = async (allowLoopbackWebhooks?: boolean) => {
    const dir = mkdtempSync(join(tmpdir(), 'slotwise-webhooks-'));
    dirs.push(dir);
    const server = await startServer({
      databaseUrl: `file:${join(dir, 'db.sqlite')}`,
      port: 0,
      seed: 'demo',
      payments: 'offline',
      tickEveryMs: 0,
      rateLimits: false,
      log: silentLog,
      kdfIterations: 1000,
      ...(allowLoopbackWebhooks === undefined ? {} : { allowLoopbackWebhooks }),
    });
    servers.push(server);
    return server;
  };
  const call = async (server: RunningServer, path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('reads SLOTWISE_ALLOW_LOOPBACK_WEBHOOKS and SLOTWISE_SECRETS_KEY from the environment', () => {
    expect(optionsFromEnv({ SLOTWISE_ALLOW_LOOPBACK_WEBHOOKS: 'true', SLOTWISE_SECRETS_KEY: 'k'.repeat(40) })).toMatchObject({ allowLoopbackWebhooks: true, secretsKey: 'k'.repeat(40) });
    expect(optionsFromEnv({})).not.toHaveProperty('allowLoopbackWebhooks');
    expect(() => optionsFromEnv({ SLOTWISE_ALLOW_LOOPBACK_WEBHOOKS: 'sure' })).toThrow('SLOTWISE_ALLOW_LOOPBACK_WEBHOOKS must be true or false; got "sure".');
  });

  it('refuses a loopback endpoint by default', async () => {
    const server = await start();
    const apiKey = server.seeded!.apiKey!;
    const res = await call(server, '/v1/me/webhooks', { url: `http://127.0.0.1:${rx.port}/hook`, eventTypes: ['*'] }, auth(apiKey));
    expect(res).toMatchObject({ status: 422, body: { code: 'invalid_webhook_url' } });
  });

  it('delivers to a loopback receiver with the flag, through the guarded fetch, signed', async () => {
    const server = await start(true);
    const apiKey = server.seeded!.apiKey!;
    const endpoint = await call(server, '/v1/me/webhooks', { url: `http://127.0.0.1:${rx.port}/node`, eventTypes: ['booking.confirmed'] }, auth(apiKey));
    expect(endpoint.status).toBe(201);
    const services = (await (await fetch(`${server.url}/v1/specialists/demo`)).json()) as { services: { id: string; name: string }[] };
    const intro = services.services.find((s) => s.name !== 'Coaching session')!.id;
    const slots = (await (await fetch(`${server.url}/v1/specialists/demo/slots?service=${intro}&timezone=UTC`)).json()) as { days: { slots: { start: string }[] }[] };
    const booked = await call(server, '/v1/bookings', { specialist: 'demo', service: intro, start: slots.days[0]!.slots[0]!.start, customer: { name: 'Ada', email: 'ada@example.com', timeZone: 'UTC' } });
    expect(booked.status).toBe(201);
    await server.app.deliveries.idle();
    const received = rx.received.filter((r) => r.path === '/node');
    expect(received).toHaveLength(1);
    const event = await verifyWebhook(received[0]!.body, received[0]!.headers, String(endpoint.body.secret));
    expect(event).toMatchObject({ type: 'booking.confirmed', data: { booking: { id: (booked.body.booking as { id: string }).id } } });
  });
});
