import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { createDb } from './db/client.js';
import { openDatabase } from './node.js';
import { seedDemo } from './seed.js';
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
