import { and, eq } from 'drizzle-orm';
import type { Drizzle, Tx } from '../../db/client.js';
import { accounts, type BookingRow, type ServiceRow, type SpecialistRow } from '../../db/schema.js';
import { locationOf, type IcsBooking } from './ics.js';

/** A person in an event: ORGANIZER or ATTENDEE. */
export interface CalendarPerson {
  name: string;
  email: string;
}

/**
 * The specialist as the organizer of their sessions: their name, and the address their notices go
 * to — `notificationEmail`, else their login's email, else `fallback` (a specialist made without a
 * login, e.g. by a fixture or a migration script, still gets a valid ORGANIZER).
 */
export async function organizerOf(db: Drizzle | Tx, specialist: SpecialistRow, fallback: string): Promise<CalendarPerson> {
  if (specialist.notificationEmail) return { name: specialist.name, email: specialist.notificationEmail };
  const [login] = await db
    .select({ email: accounts.email })
    .from(accounts)
    .where(and(eq(accounts.specialistId, specialist.id), eq(accounts.role, 'specialist')))
    .limit(1);
  return { name: specialist.name, email: login?.email ?? addressOf(fallback) };
}

/** `bookings@example.com` out of `Slotwise <bookings@example.com>` (or the address itself). */
export function addressOf(mailbox: string): string {
  return /<([^<>]+)>\s*$/.exec(mailbox)?.[1]?.trim() ?? mailbox.trim();
}

/** What one booking is, whoever's calendar it goes to. */
export interface BookingFacts {
  booking: BookingRow;
  service: ServiceRow;
  specialist: SpecialistRow;
  organizer: CalendarPerson;
}

function common({ booking, service, specialist, organizer }: BookingFacts): Omit<IcsBooking, 'summary' | 'description'> {
  return {
    id: booking.id,
    start: booking.startAt,
    end: booking.endAt,
    status: booking.status,
    sequence: booking.inviteSequence,
    organizer,
    attendee: { name: booking.customerName, email: booking.customerEmail },
    ...locationOf(service, booking, specialist),
    createdAt: booking.createdAt,
  };
}

/**
 * The event on the customer's calendar: "Intro call with Dr. Ada Demo", where it happens. No
 * manage token goes into it (a calendar is often shared with family or colleagues); the customer
 * changes the booking from their confirmation.
 */
export function customerEvent(facts: BookingFacts): IcsBooking {
  const { service, specialist } = facts;
  const event = common(facts);
  const where = event.location ? `\nWhere: ${event.location}` : '';
  return {
    ...event,
    summary: `${service.name} with ${specialist.name}`,
    description: `${service.name} with ${specialist.name}, booked through Slotwise.${where}\nTo change or cancel it, open your booking from the link you got when you booked.`,
  };
}

/**
 * The event on the specialist's own calendar (their feed): who is coming — the customer's name,
 * email, phone and notes are theirs to see — and, once cancelled, by whom and why.
 */
export function specialistEvent(facts: BookingFacts): IcsBooking {
  const { booking, service } = facts;
  const lines = [
    `Customer: ${booking.customerName} <${booking.customerEmail}>`,
    ...(booking.customerPhone ? [`Phone: ${booking.customerPhone}`] : []),
    `Their time zone: ${booking.customerTimeZone}`,
    ...(booking.notes ? [`Notes: ${booking.notes}`] : []),
    ...(booking.status === 'cancelled'
      ? [`Cancelled${booking.cancelledBy ? ` by the ${booking.cancelledBy}` : ''}${booking.cancellationReason ? `: ${booking.cancellationReason}` : '.'}`]
      : []),
    `Booking: ${booking.id}`,
  ];
  return { ...common(facts), summary: `${service.name} with ${booking.customerName}`, description: lines.join('\n') };
}
