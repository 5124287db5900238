import { booking } from './en/booking.js';
import { confirmation } from './en/confirmation.js';
import { myBookings } from './en/my-bookings.js';
import { zone } from './en/zone.js';

/**
 * English, the source catalog: it defines every key, and every other catalog has the same keys
 * with the same shapes (a string, or a function for text with values in it — word order and
 * plurals differ between languages, so values are placed by the catalog, never by the caller).
 * Each feature keeps its strings in its own module under `./en/`, spread here.
 */
export const en = {
  ...booking,
  ...zone,
  ...confirmation,
  ...myBookings,
};

/** A catalog: the same keys and shapes as English. */
export type Messages = typeof en;
