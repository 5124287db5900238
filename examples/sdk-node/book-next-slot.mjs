// Books the next open intro call with `demo` through the SDK, then reads and cancels it.
// Start the demo first (`pnpm demo`), then: `pnpm --filter @slotwise/example-sdk-node start`.
import { createClient, isSlotwiseError } from '@slotwise/sdk';

const slotwise = createClient({ baseURL: process.env.SLOTWISE_API ?? 'http://localhost:8787' });
const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

const specialist = await slotwise.specialists.retrieve('demo');
const service = specialist.services[0];
console.log(`${specialist.name} (${specialist.timeZone}) offers: ${specialist.services.map((s) => s.name).join(', ')}`);

const { days } = await slotwise.specialists.slots('demo', { service: service.id, timezone: timeZone });
const first = days[0]?.slots[0];
if (!first) {
  console.log('No open times in the next 30 days.');
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
  const cancelled = await slotwise.bookings.cancel(booking.id, { reason: 'Only an example' }, { manageToken });
  console.log(`Status after cancelling: ${cancelled.status}`);
} catch (error) {
  if (isSlotwiseError(error, 'slot_unavailable')) console.log('Someone was faster; pick another time.');
  else throw error;
}
