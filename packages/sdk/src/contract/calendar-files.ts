/**
 * The calendar files: a booking's `.ics` for its customer and a specialist's private feed. They
 * answer `text/calendar`, not JSON, so they are not route specs and the client has no method that
 * fetches them: a calendar app or a browser opens them by URL. Their paths are written here once,
 * for the server's routes, the OpenAPI document and the SDK's URL builders (`bookingCalendarUrl`).
 * This module imports nothing, so those builders ship no schema runtime.
 */
export const calendarFiles = {
  /** A booking's calendar file; the manage token as `Authorization: Bearer` or `?token=` (a link). */
  bookingCalendar: { operationId: 'retrieveBookingCalendar', method: 'get', path: '/v1/bookings/{id}/calendar.ics', auth: 'manageToken' },
  /** A specialist's private feed of bookings; the secret is the `{token}` in its path. */
  bookingsFeed: { operationId: 'retrieveBookingsFeed', method: 'get', path: '/v1/feeds/{token}/bookings.ics' },
} as const;

/** The media type both files are served as. */
export const CALENDAR_CONTENT_TYPE = 'text/calendar; charset=utf-8';
