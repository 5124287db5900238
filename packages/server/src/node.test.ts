import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { createDb } from './db/client.js';
import { openDatabase, startServer } from './node.js';
import { seedDemo, seedDemoPayments } from './seed.js';
import { eq } from 'drizzle-orm';
import { deliveries, specialists } from './db/schema.js';
import { paymentsDisabled } from './providers/payments/index.js';
import { silentLog } from './services/log.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('openDatabase (the Node entry)', () => {
  it('creates the folder, migrates, and watches the file change counter of a local database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slotwise-node-'));
    dirs.push(dir);
    const database = await openDatabase(`file:${join(dir, 'nested', 'db.sqlite')}`);
    const before = database.changeCounter!();
    await seedDemo(database);
    expect(database.changeCounter!()).toBeGreaterThan(before);
    database.close();
  });

  it('never serves a cached slot after another connection (another process) booked it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slotwise-node-'));
    dirs.push(dir);
    const url = `file:${join(dir, 'shared.db')}`;
    const now = Date.parse('2026-11-20T12:00:00Z');
    const a = createApp({ database: await openDatabase(url), clock: () => now, rateLimits: false, payments: paymentsDisabled(), log: silentLog });
    await seedDemo(a.deps.database);
    // The second "process": its own connection, with or without the counter.
    for (const other of [createApp({ database: await openDatabase(url), clock: () => now, rateLimits: false, payments: paymentsDisabled(), log: silentLog }), createApp({ database: createDb(url, { timeout: 5000 }), clock: () => now, rateLimits: false, payments: paymentsDisabled(), log: silentLog })]) {
      const profile = await (await a.request('/v1/specialists/demo')).json();
      const slotsUrl = `/v1/specialists/demo/slots?service=${profile.services[0].id}&from=2026-11-23&to=2026-11-27`;
      const first = await (await a.request(slotsUrl)).json();
      const start = first.days[0].slots[0].start as string;
      expect((await (await a.request(slotsUrl)).json()).days[0].slots.map((s: { start: string }) => s.start)).toContain(start); // cached
      const booked = await other.request('/v1/bookings', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ specialist: 'demo', service: profile.services[0].id, start, customer: { name: 'X', email: 'x@example.com', timeZone: 'UTC' } }),
      });
      expect(booked.status).toBe(201);
      const after = await (await a.request(slotsUrl)).json();
      expect(after.days[0].slots.map((s: { start: string }) => s.start)).not.toContain(start);
      other.deps.database.close();
    }
    a.deps.database.close();
  });
});

describe('the offline test-payments mode across restarts and processes', () => {
  const customer = { name: 'Ada', email: 'ada@example.com', timeZone: 'UTC' };
  const post = async (url: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: res.status, body: await res.json() };
  };
  // A fixed clock: the tests book fixed starts, which real time would one day leave in the past.
  const clock = () => Date.parse('2026-11-20T12:00:00Z');
  const start = (databaseUrl: string) => startServer({ databaseUrl, port: 0, seed: 'demo', payments: 'offline', tickEveryMs: 0, rateLimits: false, log: silentLog, kdfIterations: 1000, clock });
  const coaching = async (url: string) => ((await (await fetch(`${url}/v1/specialists/demo`)).json()) as { services: { id: string; name: string }[] }).services.find((s) => s.name === 'Coaching session')!.id;
  const bookAndPay = async (bookOn: string, payOn: string, start: string) => {
    const booked = await post(`${bookOn}/v1/bookings`, { specialist: 'demo', service: await coaching(bookOn), start, customer });
    expect(booked.status).toBe(201);
    const intent = String(booked.body.paymentSession.clientSecret).split('_secret_')[0];
    const paid = await post(`${payOn}/v1/test-payments/${intent}/confirm`, { outcome: 'succeed' }, { authorization: `Bearer ${booked.body.manageToken}` });
    return { booked, paid };
  };

  it('still takes paid bookings after a restart, with the intents of the first run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slotwise-restart-'));
    dirs.push(dir);
    const url = `file:${join(dir, 'demo.db')}`;
    const first = await start(url);
    await seedDemoPayments(first.app.deps.payments, first.database);
    const before = await bookAndPay(first.url, first.url, '2026-12-07T10:00:00Z');
    const pending = await post(`${first.url}/v1/bookings`, { specialist: 'demo', service: await coaching(first.url), start: '2026-12-08T10:00:00Z', customer });
    await first.close();

    const second = await start(url);
    try {
      expect(await seedDemoPayments(second.app.deps.payments, second.database)).toBe(false); // already connected
      expect(before.paid.body).toMatchObject({ status: 'confirmed' });
      const after = await bookAndPay(second.url, second.url, '2026-12-07T12:00:00Z');
      expect(after.paid.status).toBe(200);
      expect(after.paid.body).toMatchObject({ status: 'confirmed', payment: { status: 'succeeded', amount: 9000 } });
      // A hold made before the restart can still be paid: its intent lives in the database.
      const intent = String(pending.body.paymentSession.clientSecret).split('_secret_')[0];
      const late = await post(`${second.url}/v1/test-payments/${intent}/confirm`, { outcome: 'succeed' }, { authorization: `Bearer ${pending.body.manageToken}` });
      expect(late.body).toMatchObject({ status: 'confirmed' });
    } finally {
      await second.close();
    }
  });

  it('connects the demo again when its account is one the simulated Stripe never knew (a database from before)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slotwise-old-'));
    dirs.push(dir);
    const server = await start(`file:${join(dir, 'old.db')}`);
    try {
      await seedDemoPayments(server.app.deps.payments, server.database);
      await server.database.write((tx) => tx.update(specialists).set({ stripeAccountId: 'acct_from_an_old_run' }).where(eq(specialists.handle, 'demo')));
      expect(await seedDemoPayments(server.app.deps.payments, server.database)).toBe(true);
      const { paid } = await bookAndPay(server.url, server.url, '2026-12-07T10:00:00Z');
      expect(paid.body).toMatchObject({ status: 'confirmed' });
    } finally {
      await server.close();
    }
  });

  it('shares one simulated account between two servers on one file: booked on one, paid on the other', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slotwise-two-pay-'));
    dirs.push(dir);
    const url = `file:${join(dir, 'shared.db')}`;
    const a = await start(url);
    const b = await start(url);
    try {
      await seedDemoPayments(a.app.deps.payments, a.database);
      const { booked, paid } = await bookAndPay(a.url, b.url, '2026-12-07T10:00:00Z');
      expect(paid.body).toMatchObject({ status: 'confirmed', payment: { status: 'succeeded' } });
      const seen = await fetch(`${a.url}/v1/bookings/${booked.body.booking.id}`, { headers: { authorization: `Bearer ${booked.body.manageToken}` } });
      expect(await seen.json()).toMatchObject({ status: 'confirmed' });
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('startServer().close()', () => {
  it('lets the deliveries under way finish before it closes the database (inline deliveries)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slotwise-node-'));
    dirs.push(dir);
    const url = `file:${join(dir, 'close.db')}`;
    const logged: string[] = [];
    let sending = 0;
    const server = await startServer({
      databaseUrl: url,
      port: 0,
      seed: 'demo',
      tickEveryMs: 0,
      clock: () => Date.parse('2026-11-20T12:00:00Z'),
      log: (entry) => void (entry.level === 'error' && logged.push(entry.msg)),
      // A mail provider that takes a while to accept each message.
      mail: { name: 'slow', send: async () => (sending++, await new Promise((r) => setTimeout(r, 300)), { providerId: 'm1' }) },
    });
    const profile = await (await fetch(`${server.url}/v1/specialists/demo`)).json();
    const booked = await fetch(`${server.url}/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ specialist: 'demo', service: profile.services[0].id, start: '2026-11-23T09:00:00Z', customer: { name: 'X', email: 'x@example.com', timeZone: 'UTC' } }),
    });
    expect(booked.status).toBe(201);
    for (let i = 0; i < 100 && sending === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(sending).toBeGreaterThan(0); // an email is being sent as the server stops
    await server.close();
    expect(logged).toEqual([]);
    const reopened = await openDatabase(url);
    const rows = await reopened.db.select({ status: deliveries.status }).from(deliveries).where(eq(deliveries.channel, 'email'));
    reopened.close();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.status)).not.toContain('sending');
  });
});
