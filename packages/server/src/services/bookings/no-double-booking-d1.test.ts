import fc from 'fast-check';
import { describe, it } from 'vitest';
import { bookingCommands, runBookingModel } from '../../testing/booking-model.js';

// The model of `no-double-booking.test.ts` — the same commands, the same invariant — with the app
// in Node over a D1 database in workerd (Miniflare), as the Worker runs it: no interactive
// transaction, every write one guarded batch. Fewer runs: each starts workerd and goes through
// Miniflare's proxy for every query.
describe('no double booking on D1', () => {
  it('keeps active bookings apart (buffers included) under random creates, storms, cancels, moves and expiries', async () => {
    await fc.assert(fc.asyncProperty(bookingCommands, (cmds) => runBookingModel(cmds, 'd1')), { numRuns: 8 });
  }, 300_000);
});
