import type { Booking } from './contract/bookings.js';
import { calendarFiles } from './contract/calendar-files.js';

// URL builders, not client methods: a calendar file is opened by a browser or a calendar app from
// its address, never fetched and parsed by the client. They read the zod-free `calendarFiles`, so
// the widget can use them without shipping a schema.

/**
 * The address of a booking's calendar file (`.ics`, `METHOD:REQUEST`, or `METHOD:CANCEL` once
 * cancelled), for a link: a browser downloads it, Apple Calendar and Outlook import it and keep
 * it updated by its UID when later invites arrive. The manage token rides in the query (like the
 * receipt's link), so give the address to the booking's customer only.
 *
 * @example
 * bookingCalendarUrl('https://api.slotwise.dev', booking.id, manageToken)
 * // → 'https://api.slotwise.dev/v1/bookings/bk_…/calendar.ics?token=bmt_…'
 */
export function bookingCalendarUrl(baseURL: string, bookingId: string, manageToken: string): string {
  const path = calendarFiles.bookingCalendar.path.replace('{id}', encodeURIComponent(bookingId));
  return `${baseURL.replace(/\/+$/, '')}${path}?token=${encodeURIComponent(manageToken)}`;
}

/**
 * The `webcal://` form of a feed's `https://` address (from `client.me.bookingsFeed.create()`): on
 * a click, Apple Calendar and Outlook offer to subscribe. Google Calendar takes the `https://` one
 * ("Other calendars → From URL").
 */
export function webcalUrl(feedUrl: string): string {
  return feedUrl.replace(/^https?:\/\//i, 'webcal://');
}

/** An event for `googleCalendarUrl`: instants in ISO 8601 (any offset). */
export interface CalendarLinkEvent {
  title: string;
  start: string;
  end: string;
  details?: string;
  location?: string;
}

/**
 * Google Calendar's "add an event" link (`…/calendar/render?action=TEMPLATE&text=…&dates=…Z/…Z`),
 * times in UTC so the visitor's calendar shows them in its own zone. Google makes a copy of the
 * event: unlike an imported `.ics`, it does not follow a later reschedule or cancellation.
 */
export function googleCalendarUrl(event: CalendarLinkEvent): string {
  const params: [string, string][] = [
    ['action', 'TEMPLATE'],
    ['text', event.title],
    ['dates', `${utcStamp(event.start)}/${utcStamp(event.end)}`],
  ];
  if (event.details) params.push(['details', event.details]);
  if (event.location) params.push(['location', event.location]);
  // encodeURIComponent, not URLSearchParams: a space is %20, never a `+` some readers keep.
  return `https://calendar.google.com/calendar/render?${params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}

/** The customer's title of a booking's event, as its calendar file names it. */
export function bookingEventTitle(booking: Pick<Booking, 'service' | 'specialist'>): string {
  return `${booking.service.name} with ${booking.specialist.name}`;
}

/** `2026-11-23T09:00:00+01:00` → `20261123T080000Z`. */
function utcStamp(instant: string): string {
  return new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}
