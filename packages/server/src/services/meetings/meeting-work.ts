import { and, eq, inArray, isNotNull, ne, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { shaped } from '../../db/shaped.js';
import { sameSessionAs } from '../bookings/seats.js';
import { bookings, services, specialists, type BookingRow, type DeliveryRow } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';
import { allOf, bookingWithHistory, guardedChange, historyStill } from '../bookings/guarded-change.js';
import { changeBookingQueries } from '../bookings/road.js';
import { DeliveryFailure } from '../delivery/channel.js';
import { backoff } from '../delivery/dispatcher.js';
import type { ServiceDeps } from '../deps.js';
import { joinWindowOf } from './join.js';
import type { MeetingSource } from './meeting-ref.js';
import { MeetingProviderError, type MeetingProvider, type MeetingRequest } from './port.js';

/** What a meeting delivery does at the provider. */
export type MeetingOp = 'meeting.create' | 'meeting.update' | 'meeting.delete';

export async function bookingOf(deps: ServiceDeps, id: string): Promise<BookingRow | undefined> {
  const [row] = await deps.database.db.select().from(bookings).where(eq(bookings.id, id));
  return row;
}

/** The provider for `source`; Zoom planned on a server that has since lost its Zoom setup falls back to Jitsi. */
export function providerFor(deps: ServiceDeps, source: MeetingSource): MeetingProvider {
  return source === 'zoom' && deps.meetings.zoom ? deps.meetings.zoom : deps.meetings.jitsi;
}

/**
 * The other seats in force of `seat`'s session (a group service: same service, start and end) —
 * the people who share its meeting. None for a one-to-one booking.
 */
export const matesOf = (seat: { [K in 'id' | 'specialistId' | 'serviceId' | 'startAt' | 'endAt']: BookingRow[K] | SQLWrapper }): SQL =>
  and(sameSessionAs(seat), inArray(bookings.status, ['confirmed', 'held']), ne(bookings.id, seat.id))!;

/** What a booking's meeting is made from: the service's and specialist's names, the zone, the fixed link — read by one statement. */
export interface SessionInfo {
  service: string;
  specialist: string;
  timeZone: string;
  meetingLink: string | null;
  /** Whether another seat in force of the same group session has a meeting already (never for a one-to-one booking). */
  mateHasMeeting: boolean;
}

export async function sessionInfo(deps: ServiceDeps, row: BookingRow): Promise<SessionInfo> {
  const db = deps.database.db;
  // Built once per handle (it is read for every meeting made): its values are placeholders.
  const seat = { id: sql.placeholder('id'), specialistId: sql.placeholder('specialist'), serviceId: sql.placeholder('service'), startAt: sql.placeholder('start'), endAt: sql.placeholder('end') };
  const build = () =>
    db
      .select({
        service: services.name,
        specialist: specialists.name,
        timeZone: specialists.timeZone,
        meetingLink: specialists.meetingLink,
        mateHasMeeting: sql<boolean>`exists (select 1 from ${bookings} where ${and(matesOf(seat), isNotNull(bookings.meetingUrl), isNotNull(bookings.meetingRef))})`.mapWith(Boolean),
      })
      .from(services)
      .innerJoin(specialists, eq(specialists.id, services.specialistId))
      .where(eq(services.id, sql.placeholder('service')));
  const [info] = await shaped(db, 'session-info', build, { id: row.id, specialist: row.specialistId, service: row.serviceId, start: row.startAt, end: row.endAt });
  return info!;
}

/** The meeting a booking needs as it is now; the topic names the service and the specialist, never the customer. */
export function requestOf(info: SessionInfo, row: BookingRow, delivery: Pick<DeliveryRow, 'idempotencyKey' | 'attempts'>): MeetingRequest {
  return {
    idempotencyKey: delivery.idempotencyKey,
    topic: `${info.service} with ${info.specialist}`,
    start: isoInstant(row.startAt),
    durationMinutes: row.durationMinutes,
    timeZone: info.timeZone,
    // The claim counts this attempt: above 1, an earlier one may have made the meeting and lost the answer.
    retry: delivery.attempts > 1,
  };
}

/** `requestOf` with its reading. */
export async function requestFor(deps: ServiceDeps, row: BookingRow, delivery: Pick<DeliveryRow, 'idempotencyKey' | 'attempts'>): Promise<MeetingRequest> {
  return requestOf(await sessionInfo(deps, row), row, delivery);
}

/**
 * Records the meeting on the booking through the one road (`attach_meeting`: the row, a
 * `meeting_ready` event, an outbox row), if the booking is still active and — unless `replacing`
 * — has no meeting yet. One guarded batch (`bookings/guarded-change.ts`): the booking's history
 * and status as read (by one statement each try), so a cancellation or a move meanwhile is read
 * again and decided on. `booking` is the row as the caller read it (its id and specialist);
 * `options.read`, the caller's `bookingWithHistory` of it, serves as the first try's snapshot
 * (a change since then fails the guard, and the next try reads afresh).
 * @returns false when it was not recorded
 */
export async function recordMeeting(
  deps: ServiceDeps,
  booking: Pick<BookingRow, 'id' | 'specialistId'>,
  url: string,
  ref: string,
  source: MeetingSource,
  options: { replacing?: boolean; read?: Awaited<ReturnType<typeof bookingWithHistory>> } = {},
): Promise<boolean> {
  const db = deps.database.db;
  const now = deps.clock();
  return guardedChange(deps.database, booking.specialistId, async (n) => {
    const read = n === 0 && options.read ? options.read : await bookingWithHistory(db, booking.id);
    const skip = { queries: [], condition: undefined, answer: false };
    const current = read?.row;
    if (!current || (current.status !== 'confirmed' && current.status !== 'held')) return skip;
    if (current.meetingUrl && !options.replacing) return skip;
    const change = changeBookingQueries(db, current, { action: 'attach_meeting', actor: 'system', set: { meetingUrl: url, meetingRef: ref }, data: { provider: source } }, now);
    return { queries: change.queries, condition: allOf(historyStill(booking.id, read.history), change.still), answer: true };
  });
}

/**
 * What the dispatcher should do with a failure: retry what may pass (rate limits, outages, no
 * answer), give up on what will not. A create or move whose next try would come after the join
 * window opens is given up now: a meeting made after people start joining is no use, and giving
 * up brings the fallback and the specialist's notice while there is time.
 */
export function asDeliveryFailure(error: unknown, delivery: DeliveryRow, row: BookingRow, deps: ServiceDeps): DeliveryFailure {
  if (error instanceof DeliveryFailure) return error;
  const retryable = !(error instanceof MeetingProviderError) || error.retryable;
  const message = error instanceof Error ? error.message : String(error);
  const late = delivery.kind !== 'meeting.delete' && deps.clock() + backoff(delivery.attempts) >= joinWindowOf(row, deps.joinWindow).opensAt;
  if (retryable && late) return new DeliveryFailure(`${message} No time is left to try again before the session.`, { retryable: false, cause: error });
  return new DeliveryFailure(message, { retryable, cause: error });
}
