/**
 * ical-generator, imported on first use and then kept (as `providers/payments/stripe-sdk.ts`
 * does Stripe): only an email with an invite, a booking's calendar file or a specialist's feed
 * needs it, so a server does not load it at start (`start-loads.test.ts`). No static import of
 * its values may remain (type-only imports excepted).
 */
let generator: Promise<typeof import('ical-generator')> | undefined;
const loadGenerator = () => (generator ??= import('ical-generator'));

/**
 * One booking as a calendar event: plain data, so emails, the calendar-file endpoint and the
 * specialist's feed build it from whatever they hold.
 */
export interface IcsBooking {
  /** The booking id; the event's UID is derived from it and never changes (`<id>@slotwise`). */
  id: string;
  /** Epoch milliseconds (UTC). */
  start: number;
  end: number;
  /** `cancelled` (or `expired`) writes `STATUS:CANCELLED`; anything else `CONFIRMED`. */
  status: string;
  /** ICS `SEQUENCE`: the booking's `inviteSequence`, raised by every reschedule and cancellation. */
  sequence: number;
  summary: string;
  description?: string | null;
  /** The specialist: their name and the address their notices go to. */
  organizer: { name: string; email: string };
  /** The customer. */
  attendee: { name: string; email: string };
  /** The meeting URL, or the address / phone number of the session (see `locationOf`). */
  location?: string | null;
  /** The meeting URL when there is one. */
  url?: string | null;
  /** When the booking was made (`CREATED`). */
  createdAt?: number | null;
}

export type IcsMethod = 'REQUEST' | 'CANCEL' | 'PUBLISH';

export interface IcsOptions {
  /**
   * `REQUEST` (an invite or its update), `CANCEL` (the event is off), `PUBLISH` (a feed or a
   * download), or none. @default none
   */
  method?: IcsMethod;
  /** `DTSTAMP` of every event: when this copy was made (epoch ms). */
  now: number;
  /** `X-WR-CALNAME` (feeds). */
  name?: string;
}

/** The UID calendars key the event on: the same for every message about one booking. */
export const bookingUid = (bookingId: string) => `${bookingId}@slotwise`;

/**
 * An iCalendar document (RFC 5545) with one VEVENT per booking. Instants are written in UTC
 * (`…Z`): no `TZID` is ever emitted, so no calendar has to resolve a zone (and ical-generator's
 * plain-Date-with-timezone trap cannot happen). With `method: 'CANCEL'` every event is
 * `STATUS:CANCELLED`, which is how Google, Outlook and Apple remove an event they hold by UID;
 * they apply an update only when its `SEQUENCE` is higher than the one they have.
 */
export async function calendarIcs(events: readonly IcsBooking[], options: IcsOptions): Promise<string> {
  const { default: ical, ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } = await loadGenerator();
  const calendar = ical({
    prodId: { company: 'Slotwise', product: 'Slotwise', language: 'EN' },
    ...(options.method ? { method: ICalCalendarMethod[options.method] } : {}),
    ...(options.name ? { name: options.name } : {}),
  });
  for (const event of events) {
    const cancelled = options.method === 'CANCEL' || event.status === 'cancelled' || event.status === 'expired';
    calendar.createEvent({
      id: bookingUid(event.id),
      sequence: event.sequence,
      stamp: new Date(options.now),
      ...(event.createdAt ? { created: new Date(event.createdAt) } : {}),
      start: new Date(event.start),
      end: new Date(event.end),
      summary: event.summary,
      ...(event.description ? { description: event.description } : {}),
      ...(event.location ? { location: event.location } : {}),
      ...(event.url ? { url: event.url } : {}),
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: { name: parameterText(event.organizer.name), email: event.organizer.email },
      attendees: [
        {
          name: parameterText(event.attendee.name),
          email: event.attendee.email,
          role: ICalAttendeeRole.REQ,
          // The customer chose this time themselves: nothing to answer, so no RSVP buttons.
          status: cancelled ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED,
          rsvp: false,
        },
      ],
    });
  }
  return calendar.toString();
}

/**
 * A name as an ICS parameter value (`CN="…"`). RFC 5545 allows no `"` and no control character
 * inside a quoted parameter, and ical-generator writes `\"`, which calendars read as the value's
 * end: a customer named `Bob":mailto:x@evil.test;X="` became the attendee's address. A `"`
 * becomes `'`, a control character a space.
 */
export function parameterText(name: string): string {
  return name.replace(/"/g, "'").replace(/[\u0000-\u001f\u007f]/g, ' ');
}

/** An invite (`REQUEST`) or its cancellation (`CANCEL`) for one booking, as an email carries it. */
export function inviteIcs(event: IcsBooking, options: { method: 'REQUEST' | 'CANCEL'; now: number }): Promise<string> {
  return calendarIcs([event], options);
}

/** Where a session happens, as its service says. */
export interface SessionPlace {
  locationKind: 'video' | 'link' | 'phone' | 'in_person' | 'none';
  locationDetail: string | null;
}

/**
 * The `LOCATION` and `URL` of a session: the meeting's URL once it exists (a video provider's, or
 * the specialist's own link), else the address or phone number the service names.
 */
export function locationOf(service: SessionPlace, booking: { meetingUrl: string | null }, specialist: { meetingLink: string | null }): { location: string | null; url: string | null } {
  const meeting = booking.meetingUrl ?? (service.locationKind === 'link' ? specialist.meetingLink : null);
  if (meeting) return { location: meeting, url: meeting };
  if (service.locationKind === 'phone' || service.locationKind === 'in_person') return { location: service.locationDetail, url: null };
  return { location: null, url: null };
}
