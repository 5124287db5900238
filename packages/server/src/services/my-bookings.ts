import type { BookingList, SpecialistBooking } from '@slotwise/sdk/contract';
import { and, asc, eq, gt, gte, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { AppDeps } from '../app-env.js';
import type { Tx } from '../db/client.js';
import { bookings, services, type BookingRow, type SpecialistRow } from '../db/schema.js';
import { transition, type BookingAction } from '../domain/booking-state.js';
import { formatEpochDay, parseEpochDay } from '../domain/civil.js';
import { startOfDate } from '../domain/zone.js';
import { ProblemError } from '../http/problem.js';
import { eventsOf, recordEvent } from './booking-events.js';
import { presentWith } from './booking-present.js';
import { afterCancel, cancelIn } from './bookings.js';
import { paymentsOfBookings } from './payments/records.js';
import { expireDueHolds } from './holds.js';
import { outsideFor, rescheduleIn } from './reschedule.js';

export interface ListQuery {
  status?: SpecialistBooking['status'][] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  starting_after?: string | undefined;
}

const notFound = (id: string) => new ProblemError('booking_not_found', `You have no booking "${id}".`);

/** One of the caller's bookings, or a 404: another specialist's booking does not exist for them. */
async function mine(db: AppDeps['database']['db'] | Tx, specialist: SpecialistRow, id: string): Promise<BookingRow> {
  const [row] = await db.select().from(bookings).where(and(eq(bookings.id, id), eq(bookings.specialistId, specialist.id))).limit(1);
  if (!row) throw notFound(id);
  return row;
}

async function detail(deps: AppDeps, specialist: SpecialistRow, row: BookingRow): Promise<SpecialistBooking> {
  const [service] = await deps.database.db.select({ name: services.name }).from(services).where(eq(services.id, row.serviceId));
  const payment = (await paymentsOfBookings(deps.database.db, [row.id])).get(row.id) ?? null;
  return { ...presentWith(row, specialist, service!.name, payment), specialistNotes: row.specialistNotes, events: await eventsOf(deps.database.db, row.id) };
}

export async function listMyBookings(deps: AppDeps, specialist: SpecialistRow, query: ListQuery, now: number): Promise<BookingList> {
  await expireDueHolds(deps.database, now, { specialistId: specialist.id });
  const db = deps.database.db;
  const conditions: (SQL | undefined)[] = [eq(bookings.specialistId, specialist.id)];
  if (query.status) conditions.push(inArray(bookings.status, query.status));
  if (query.from) conditions.push(gte(bookings.startAt, startOfDate(specialist.timeZone, query.from)));
  if (query.to) conditions.push(lt(bookings.startAt, startOfDate(specialist.timeZone, formatEpochDay(parseEpochDay(query.to) + 1))));
  if (query.starting_after) {
    // Keyset pagination on (start, id): stable however many bookings arrive meanwhile.
    const cursor = await mine(db, specialist, query.starting_after).catch(() => {
      throw new ProblemError('invalid_request', `"${query.starting_after}" is not one of your bookings.`, {
        errors: [{ field: 'query.starting_after', message: 'Use the id of the last booking of the previous page.' }],
      });
    });
    conditions.push(or(gt(bookings.startAt, cursor.startAt), and(eq(bookings.startAt, cursor.startAt), gt(bookings.id, cursor.id))));
  }
  const rows = await db
    .select({ booking: bookings, serviceName: services.name })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .where(and(...conditions))
    .orderBy(asc(bookings.startAt), asc(bookings.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const paid = await paymentsOfBookings(db, page.map((r) => r.booking.id));
  return {
    data: page.map((r) => presentWith(r.booking, specialist, r.serviceName, paid.get(r.booking.id) ?? null)),
    hasMore: rows.length > query.limit,
  };
}

export async function retrieveMyBooking(deps: AppDeps, specialist: SpecialistRow, id: string, now: number): Promise<SpecialistBooking> {
  await expireDueHolds(deps.database, now, { bookingId: id, specialistId: specialist.id });
  return detail(deps, specialist, await mine(deps.database.db, specialist, id));
}

/** Completed or no-show, once the session has started. */
export async function markMyBooking(deps: AppDeps, specialist: SpecialistRow, id: string, action: Extract<BookingAction, 'complete' | 'mark_no_show'>, now: number) {
  const row = await deps.database.write(async (tx) => {
    const current = await mine(tx, specialist, id);
    const next = transition(current, action, now);
    if (!next.ok) throw new ProblemError('invalid_transition', next.reason);
    const [updated] = await tx.update(bookings).set({ status: next.to }).where(eq(bookings.id, id)).returning();
    await recordEvent(tx, current, { type: next.to === 'completed' ? 'completed' : 'no_show', actor: 'specialist', from: current.status, to: next.to }, now);
    return updated!;
  });
  return detail(deps, specialist, row);
}

export async function cancelMyBooking(deps: AppDeps, specialist: SpecialistRow, id: string, reason: string | undefined, now: number) {
  await deps.database.write(async (tx) => cancelIn(tx, await mine(tx, specialist, id), 'specialist', reason, now));
  await afterCancel(deps, id, now);
  return detail(deps, specialist, await mine(deps.database.db, specialist, id));
}

export async function rescheduleMyBooking(deps: AppDeps, specialist: SpecialistRow, id: string, startText: string, now: number) {
  const start = Date.parse(startText);
  const outside = await outsideFor(deps, specialist.id, start);
  const row = await deps.database.write(async (tx) => rescheduleIn(tx, await mine(tx, specialist, id), start, startText, 'specialist', outside, now));
  return detail(deps, specialist, row);
}

export async function updateMyBookingNotes(deps: AppDeps, specialist: SpecialistRow, id: string, notes: string, now: number) {
  const row = await deps.database.write(async (tx) => {
    const current = await mine(tx, specialist, id);
    const [updated] = await tx.update(bookings).set({ specialistNotes: notes }).where(eq(bookings.id, id)).returning();
    // The history records that notes changed, not what they say.
    await recordEvent(tx, current, { type: 'notes_updated', actor: 'specialist', data: { length: notes.length } }, now);
    return updated!;
  });
  return detail(deps, specialist, row);
}
