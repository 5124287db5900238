import { booking } from './en/booking.js';
import { schedule } from './en/schedule.js';
import { details } from './en/details.js';
import { payment } from './en/payment.js';
import { confirmation } from './en/confirmation.js';
import { manage } from './en/manage.js';
import { join } from './en/join.js';
import { holds } from './en/holds.js';
import { embed } from './en/embed.js';
import { packages } from './en/packages.js';
import { myBookings } from './en/my-bookings.js';
import { zone } from './en/zone.js';

export type { Rich } from './en/rich.js';

/**
 * English, the source catalog: it defines every key, and every other catalog has the same keys
 * with the same shapes (a string, or a function for text with values in it — word order and
 * plurals differ between languages, so values are placed by the catalog, never by the caller).
 * Each feature keeps its strings in its own module under `./en/`, spread here; keys are unique
 * across modules (`catalogs.test.ts` checks none is spread over another).
 */
export const en = {
  ...booking,
  ...schedule,
  ...details,
  ...payment,
  ...confirmation,
  ...manage,
  ...join,
  ...holds,
  ...embed,
  ...packages,
  ...zone,
  ...myBookings,
};

/** A catalog: the same keys and shapes as English. */
export type Messages = typeof en;
