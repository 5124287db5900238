import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { bookingCommands, customer, runBookingModel } from '../../testing/booking-model.js';
import { serverProcesses } from '../../testing/server-process.js';

describe('no double booking', () => {
  it('keeps active bookings apart (buffers included) under random creates, storms, cancels, moves and expiries', async () => {
    await fc.assert(fc.asyncProperty(bookingCommands, (cmds) => runBookingModel(cmds, { engine: 'file' })), { numRuns: 30 });
  }, 120_000);

  it('lets exactly one of 50 parallel bookings win across two server processes on one database file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slotwise-two-'));
    const databaseUrl = `file:${join(dir, 'shared.db')}`;
    const processes = serverProcesses();
    const start = () => processes.start({ databaseUrl, seed: 'demo' });
    try {
      const [a, b] = await Promise.all([start(), start()]);
      const profile = await (await fetch(`${a}/v1/specialists/demo`)).json();
      const service = profile.services[0].id;
      const slots = await (await fetch(`${a}/v1/specialists/demo/slots?service=${service}`)).json();
      const slot = slots.days[1].slots[2].start;
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          fetch(`${i % 2 ? a : b}/v1/bookings`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ specialist: 'demo', service, start: slot, customer: customer(i) }),
          }).then((r) => r.status),
        ),
      );
      expect(results.filter((s) => s === 201)).toHaveLength(1);
      expect(results.filter((s) => s === 409)).toHaveLength(49);
      const again = await (await fetch(`${b}/v1/specialists/demo/slots?service=${service}`)).json();
      expect(again.days.flatMap((d: { slots: { start: string }[] }) => d.slots.map((s) => s.start))).not.toContain(slot);
    } finally {
      processes.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

afterAll(() => undefined);
