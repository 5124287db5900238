// Books the first open intro call with `demo` a week or more ahead through the SDK, reads it back,
// asks what cancelling would do, and cancels it when the service's policy allows.
// Start the demo first (`pnpm demo`), then: `pnpm --filter @slotwise/example-sdk-node start`
// (SLOTWISE_API=http://host:port when the demo is not on http://localhost:8787).
import { createClient, isSlotwiseError } from '@slotwise/sdk';

const slotwise = createClient({ baseURL: process.env.SLOTWISE_API ?? 'http://localhost:8787' });
const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

const specialist = await slotwise.specialists.retrieve('demo');
const service = specialist.services[0];
console.log(`${specialist.name} (${specialist.timeZone}) offers: ${specialist.services.map((s) => s.name).join(', ')}`);

// A week ahead: far enough that the demo's policy (cancel until 24 hours before) lets this script
// cancel what it books, whatever the day it runs. `from` is a date in the zone the answer is in.
const inAWeek = new Intl.DateTimeFormat('en-CA', { timeZone }).format(Date.now() + 7 * 86_400_000);
const { days } = await slotwise.specialists.slots('demo', { service: service.id, timezone: timeZone, from: inAWeek });
const first = days[0]?.slots[0];
if (!first) {
  console.log(`No open times from ${inAWeek} on.`);
  process.exit(0);
}

try {
  const { booking, manageToken } = await slotwise.bookings.create({
    specialist: 'demo',
    service: service.id,
    start: first.start,
    customer: { name: 'SDK Example', email: 'sdk@example.com', timeZone },
  });
  console.log(`Booked ${booking.service.name} at ${new Date(booking.start).toLocaleString('en-GB', { timeZone })} (${booking.id}).`);
  const again = await slotwise.bookings.retrieve(booking.id, { manageToken });
  console.log(`Status: ${again.status}`);
  const quote = await slotwise.bookings.cancellationQuote(booking.id, { manageToken });
  if (!quote.allowed) {
    // The booking stays: say so, and how to undo it, rather than fail half-way.
    console.log(`Not cancelled: ${quote.reason} The booking stays; cancel it in the console (/console, Bookings).`);
    process.exit(0);
  }
  const cancelled = await slotwise.bookings.cancel(booking.id, { reason: 'Only an example' }, { manageToken });
  console.log(`Status after cancelling: ${cancelled.status}`);
} catch (error) {
  if (isSlotwiseError(error, 'slot_unavailable')) console.log('Someone was faster; pick another time.');
  else throw error;
}
