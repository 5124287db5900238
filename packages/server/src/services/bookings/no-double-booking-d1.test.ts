import fc from 'fast-check';
import { describe, it } from 'vitest';
import { bookingCommands, runBookingModel } from '../../testing/booking-model.js';

// The model of `no-double-booking.test.ts` — the same commands, the same invariant — with the app
// in Node over a D1 database in workerd (Miniflare), as the Worker runs it: no interactive
// transaction, every write one guarded batch — and with a twin: a second app on its own D1 handle
// (its own write lanes, as a second isolate), storms alternating between the two, so a broken
// guard shows as an overlap. Fewer runs: each starts workerd and goes through
// Miniflare's proxy for every query.
describe('no double booking on D1', () => {
  it('keeps active bookings apart (buffers included) under random creates, storms, cancels, moves and expiries', async () => {
    await fc.assert(fc.asyncProperty(bookingCommands, (cmds) => runBookingModel(cmds, { engine: 'd1', twin: true })), { numRuns: 6 });
  }, 600_000);
});
