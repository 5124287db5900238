import type { BookingJoin, BookingLocation } from '@slotwise/sdk/contract';
import type { BookingRow, ServiceRow } from '../../db/schema.js';
import { isoInstant, MINUTE_MS } from '../../domain/civil.js';

/** When a session's join link is shown: from shortly before its start until its end (plus a margin). */
export interface JoinWindowOptions {
  /** Minutes before the start the link appears. @default 10 */
  opensMinutesBefore: number;
  /** Minutes after the end it is still shown (a session that runs over). @default 0 */
  closesMinutesAfter: number;
}

export const DEFAULT_JOIN_WINDOW: JoinWindowOptions = { opensMinutesBefore: 10, closesMinutesAfter: 0 };

/** The instants the window opens (inclusive) and closes (exclusive). */
export function joinWindowOf(booking: Pick<BookingRow, 'startAt' | 'endAt'>, options: JoinWindowOptions): { opensAt: number; closesAt: number } {
  return { opensAt: booking.startAt - options.opensMinutesBefore * MINUTE_MS, closesAt: booking.endAt + options.closesMinutesAfter * MINUTE_MS };
}

/**
 * What the booking's customer is told about joining: when the window opens and closes, and the
 * meeting's link only while it is open — never before (a link forwarded early cannot be used to
 * wait in the room), never after, never for a booking that is not confirmed, and null while the
 * meeting does not exist yet (it is made after the confirmation, with retries).
 */
export function joinOf(booking: Pick<BookingRow, 'status' | 'startAt' | 'endAt' | 'meetingUrl'>, options: JoinWindowOptions, now: number): BookingJoin {
  const { opensAt, closesAt } = joinWindowOf(booking, options);
  const open = booking.status === 'confirmed' && opensAt <= now && now < closesAt;
  return { opensAt: isoInstant(opensAt), closesAt: isoInstant(closesAt), url: open ? booking.meetingUrl : null };
}

/**
 * Where the session happens, as the booking's customer and specialist see it: the kind, and the
 * address (in person) or phone number (phone). Links are never here: they go through `join`.
 */
export function locationOf(service: Pick<ServiceRow, 'locationKind' | 'locationDetail'>): BookingLocation {
  const detail = service.locationKind === 'phone' || service.locationKind === 'in_person' ? service.locationDetail : null;
  return { kind: service.locationKind, detail };
}
