import { createClient } from '@slotwise/sdk';
import { bookAhead, clockApi, clockServices, setClock } from '../../testing/clock.js';

const MINUTE = 60_000;

/**
 * A session of the demo specialist booked, completed and reviewed by its customer on the clock
 * API (the clock moves past the session's end): only a completed booking can be reviewed.
 */
export async function reviewedSession(rating: number, words: string) {
  const created = await bookAhead(clockServices().phone);
  await setClock(Date.parse(created.booking.end) + MINUTE);
  const specialist = createClient({ baseURL: clockApi(), apiKey: window.__SLOTWISE_CLOCK__.apiKey });
  await specialist.me.bookings.complete(created.booking.id);
  const visitor = createClient({ baseURL: clockApi() });
  return visitor.reviews.create(created.booking.id, { rating, text: words }, { manageToken: created.manageToken });
}
