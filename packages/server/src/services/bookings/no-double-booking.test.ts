import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bookingCommands, customer, runBookingModel } from '../../testing/booking-model.js';
import { serverProcesses } from '../../testing/server-process.js';
import { and, eq } from 'drizzle-orm';
import { createDb } from '../../db/client.js';
import { bookings, services } from '../../db/schema.js';

describe('no double booking', () => {
  it('keeps active bookings apart (buffers included) under random creates, storms, cancels, moves and expiries', async () => {
    await fc.assert(fc.asyncProperty(bookingCommands, (cmds) => runBookingModel(cmds, { engine: 'file' })), { numRuns: 30 });
  }, 120_000);

  it('lets exactly one of 50 parallel bookings win across two server processes on one database file', async () => {
    await withTwoServers(async ({ a, b, service }) => {
      const slots = await (await fetch(`${a}/v1/specialists/demo/slots?service=${service}`)).json();
      const slot = slots.days[1].slots[2].start;
      const results = await storm(a, b, service, slot);
      expect(results.filter((s) => s === '201 ')).toHaveLength(1);
      expect(results.filter((s) => s.startsWith('409 '))).toHaveLength(49);
      expect(await openStarts(b, service)).not.toContain(slot);
    });
  }, 60_000);

  it('lets exactly 3 of 50 parallel bookings of a 3-seat session win across two server processes on one database file', async () => {
    await withTwoServers(async ({ a, b, service, databaseUrl }) => {
      // The specialist makes the free intro a group session of 3 seats (written in the shared file, as the console would).
      const database = createDb(databaseUrl);
      try {
        await database.batch([database.db.update(services).set({ capacity: 3 }).where(eq(services.id, service))]);
        const slots = await (await fetch(`${a}/v1/specialists/demo/slots?service=${service}`)).json();
        const slot = slots.days[1].slots[2];
        expect(slot.seatsLeft).toBe(3);
        const results = await storm(a, b, service, slot.start);
        expect(results.filter((s) => s === '201 ')).toHaveLength(3);
        expect(results.filter((s) => s === '409 slot_unavailable')).toHaveLength(47);
        const seats = await database.db.select().from(bookings).where(and(eq(bookings.startAt, Date.parse(slot.start)), eq(bookings.status, 'confirmed')));
        expect(seats).toHaveLength(3);
        expect(await openStarts(b, service)).not.toContain(slot.start);
      } finally {
        database.close();
      }
    });
  }, 60_000);
});

/** Two server processes on one fresh database file seeded with the demo, and the demo's first service. */
async function withTwoServers(body: (servers: { a: string; b: string; service: string; databaseUrl: string }) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'slotwise-two-'));
  const databaseUrl = `file:${join(dir, 'shared.db')}`;
  const processes = serverProcesses();
  const start = () => processes.start({ databaseUrl, seed: 'demo' });
  try {
    const [a, b] = await Promise.all([start(), start()]);
    const profile = await (await fetch(`${a}/v1/specialists/demo`)).json();
    await body({ a: a!, b: b!, service: profile.services[0].id, databaseUrl });
  } finally {
    processes.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** 50 parallel bookings of `start`, alternating between the two servers: each answer as `<status> <problem code>`. */
function storm(a: string, b: string, service: string, start: string): Promise<string[]> {
  return Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      fetch(`${i % 2 ? a : b}/v1/bookings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ specialist: 'demo', service, start, customer: customer(i) }),
      }).then(async (r) => `${r.status} ${r.status === 201 ? '' : (await r.json()).code}`),
    ),
  );
}

/** Every start `server` offers for `service` now. */
async function openStarts(server: string, service: string): Promise<string[]> {
  const again = await (await fetch(`${server}/v1/specialists/demo/slots?service=${service}`)).json();
  return again.days.flatMap((d: { slots: { start: string }[] }) => d.slots.map((s) => s.start));
}

