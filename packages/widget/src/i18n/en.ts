import { booking } from './en/booking.js';
import { schedule } from './en/schedule.js';
import { zone } from './en/zone.js';
import { embed } from './en/embed.js';
import { shared } from './en/shared.js';
// Types only: these modules' strings travel with the lazy parts that render them (`addEnglish`).
import type { details } from './en/details.js';
import type { payment } from './en/payment.js';
import type { holds } from './en/holds.js';
import type { confirmation } from './en/confirmation.js';
import type { calendar } from './en/calendar.js';
import type { manage } from './en/manage.js';
import type { join } from './en/join.js';
import type { packages } from './en/packages.js';
import type { myBookings } from './en/my-bookings.js';
import type { popup } from './en/popup.js';
import type { zoneSearch } from './en/zone-search.js';
import type { reviews } from './en/reviews.js';
import type { directory } from './en/directory.js';

export type { Rich } from './en/rich.js';

/** The first screens' English (services, calendar, times, zone, errors, loading): in the first load. */
const firstScreens = { ...booking, ...schedule, ...zone, ...embed, ...shared };

/** The lazy parts' English: each part's module brings its own (`addEnglish`). */
export type LazyEnglish = typeof details & typeof payment & typeof holds & typeof confirmation & typeof calendar
  & typeof manage & typeof join & typeof packages & typeof myBookings & typeof popup & typeof zoneSearch & typeof reviews
  & typeof directory;

/** A catalog: every key of every feature module under `./en/`, each with its English shape. */
export type Messages = typeof firstScreens & LazyEnglish;

/**
 * English, the source catalog: its feature modules under `./en/` define every key, and every other
 * catalog has the same keys with the same shapes (a string, or a function for text with values in
 * it — word order and plurals differ between languages, so values are placed by the catalog, never
 * by the caller). Other languages are whole chunks loaded on demand (`index.ts`).
 *
 * The script tag's first load carries only the first screens' modules. Each lazy part (details
 * form, confirmation, payment, manage, packages, my bookings, popup, zone search) calls
 * `addEnglish` with its own modules when its module evaluates — before its elements are defined,
 * so a part never renders without its text — and the strings land in this same object (English
 * keeps one identity: `layoutDirection` compares with it). Invariant: a key is read only by code
 * whose module registered it, or by first-load code from a first-screen module; typing it as the
 * whole `Messages` is what lets a missing key anywhere be a compile error.
 */
export const en = firstScreens as Messages;

/** Adds a lazy part's English modules to `en` (idempotent: the same strings each time). */
export function addEnglish(...modules: Partial<LazyEnglish>[]): void {
  for (const strings of modules) Object.assign(en, strings);
}
