import { and, eq, gt, inArray, lt, ne, not, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { bookings } from '../../db/schema.js';
import { ACTIVE_STATUSES } from '../../domain/booking-state.js';
import { DAY_MS, MINUTE_MS } from '../../domain/civil.js';
import type { Seat } from '../../domain/occupancy.js';

/** A booking in force at `now`: confirmed (or another active status), or held and not expired. */
export const inForce = (now: number): SQL =>
  and(inArray(bookings.status, [...ACTIVE_STATUSES]), or(ne(bookings.status, 'held'), gt(sql`coalesce(${bookings.holdExpiresAt}, 0)`, now)))!;

/** The rows that are seats of `seat`'s session (same service, start and end). */
const ofSession = (seat: { session: { service: string | SQLWrapper; start: number | SQLWrapper; end: number | SQLWrapper } }): SQL =>
  and(eq(bookings.serviceId, seat.session.service), eq(bookings.startAt, seat.session.start), eq(bookings.endAt, seat.session.end))!;

/**
 * The bookings (any status) of the session `row` belongs to: its specialist's, of its service, at
 * its start and end — the seats of a group session; a one-to-one booking alone.
 */
export const sameSessionAs = (row: { specialistId: string | SQLWrapper; serviceId: string | SQLWrapper; startAt: number | SQLWrapper; endAt: number | SQLWrapper }): SQL =>
  and(eq(bookings.specialistId, row.specialistId), ofSession({ session: { service: row.serviceId, start: row.startAt, end: row.endAt } }))!;

/**
 * A guarded batch's condition (`db/batch.ts`), checked by the database at commit: the new booking
 * still has room — `domain/occupancy.ts`' `hasRoom` in SQL. No booking of the specialist in force
 * at `now` takes any of `occupied` (the new booking's time widened by its buffers), each widened by
 * its own buffers, half-open — except, for a seat of a group session, seats of that same session,
 * of which fewer than its capacity may exist. Buffers and sessions are at most 8 hours, so only
 * bookings starting within a day (two before) can overlap, which keeps the index on
 * `(specialist_id, start_at)` in use. Two racers for the last seat: the second batch's count sees
 * the first's row, so it is refused — on libSQL and D1 alike, in any number of processes.
 */
export function roomStill(specialistId: string, occupied: { start: number; end: number }, now: number, seat?: Seat): SQL {
  const overlapping = and(
    eq(bookings.specialistId, specialistId),
    inForce(now),
    lt(bookings.startAt, occupied.end + DAY_MS),
    gt(bookings.startAt, occupied.start - 2 * DAY_MS),
    lt(sql`${bookings.startAt} - ${bookings.bufferBefore} * ${MINUTE_MS}`, occupied.end),
    gt(sql`${bookings.endAt} + ${bookings.bufferAfter} * ${MINUTE_MS}`, occupied.start),
  );
  if (!seat) return sql`not exists (select 1 from ${bookings} where ${overlapping})`;
  const others = sql`not exists (select 1 from ${bookings} where ${and(overlapping, not(ofSession(seat)))})`;
  const taken = sql`(select count(*) from ${bookings} where ${and(eq(bookings.specialistId, specialistId), inForce(now), ofSession(seat))})`;
  return sql`(${others} and ${taken} < ${seat.capacity})`;
}
