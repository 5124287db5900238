import { MAX_CAPACITY, type BookingList, type SessionCancelled, type SpecialistBooking } from '@slotwise/sdk/contract';
import { and, asc, eq, gt, gte, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { ServiceDeps } from '../deps.js';
import type { Tx } from '../../db/client.js';
import { bookings, services, type BookingRow, type SpecialistRow } from '../../db/schema.js';
import type { BookingAction } from '../../domain/booking-state.js';
import { formatEpochDay, parseEpochDay } from '../../domain/civil.js';
import { startOfDate } from '../../domain/zone.js';
import { ServiceError } from '../errors.js';
import { eventsOf } from './events.js';
import { sameSessionAs } from './seats.js';
import { meetingOf } from '../meetings/meeting-ref.js';
import { presentWith, serviceView } from './present.js';
import { afterCancel, cancelGuarded } from './cancel.js';
import { changeGuarded } from './guarded-change.js';
import { paymentsOfBookings } from '../payments/records.js';
import { expireDueHolds } from './holds.js';
import { outsideFor, rescheduleGuarded } from './reschedule.js';
import { t } from '../messages/index.js';

export interface ListQuery {
  status?: SpecialistBooking['status'][] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  starting_after?: string | undefined;
}

const notFound = (id: string) => new ServiceError('booking_not_found', t('booking_not_found.yours', { id }));

/** One of the caller's bookings, or a 404: another specialist's booking does not exist for them. */
async function mine(db: ServiceDeps['database']['db'] | Tx, specialist: SpecialistRow, id: string): Promise<BookingRow> {
  const [row] = await db.select().from(bookings).where(and(eq(bookings.id, id), eq(bookings.specialistId, specialist.id))).limit(1);
  if (!row) throw notFound(id);
  return row;
}

async function detail(deps: ServiceDeps, specialist: SpecialistRow, row: BookingRow): Promise<SpecialistBooking> {
  const [service] = await deps.database.db.select(serviceView).from(services).where(eq(services.id, row.serviceId));
  const payment = (await paymentsOfBookings(deps.database.db, [row.id])).get(row.id) ?? null;
  return {
    ...presentWith(row, specialist, service!, payment, deps),
    specialistNotes: row.specialistNotes,
    events: await eventsOf(deps.database.db, row.id),
    meeting: meetingOf(row),
    utm: row.utm ?? null,
  };
}

export async function listMyBookings(deps: ServiceDeps, specialist: SpecialistRow, query: ListQuery): Promise<BookingList> {
  // A reversed range is a mistake to name, as the slots endpoint names it, not an empty list.
  if (query.from && query.to && query.to < query.from) {
    throw new ServiceError('invalid_range', t('invalid_range.order', { to: query.to, from: query.from }), {
      errors: [{ field: 'query.to', message: t('invalid_range.order_field') }],
    });
  }
  await expireDueHolds(deps, { specialistId: specialist.id });
  const db = deps.database.db;
  const conditions: (SQL | undefined)[] = [eq(bookings.specialistId, specialist.id)];
  if (query.status) conditions.push(inArray(bookings.status, query.status));
  if (query.from) conditions.push(gte(bookings.startAt, startOfDate(specialist.timeZone, query.from)));
  if (query.to) conditions.push(lt(bookings.startAt, startOfDate(specialist.timeZone, formatEpochDay(parseEpochDay(query.to) + 1))));
  if (query.starting_after) {
    // Keyset pagination on (start, id): stable however many bookings arrive meanwhile.
    const cursor = await mine(db, specialist, query.starting_after).catch(() => {
      throw new ServiceError('invalid_request', t('invalid_request.cursor_booking', { id: query.starting_after ?? '' }), {
        errors: [{ field: 'query.starting_after', message: t('invalid_request.cursor_booking_field') }],
      });
    });
    conditions.push(or(gt(bookings.startAt, cursor.startAt), and(eq(bookings.startAt, cursor.startAt), gt(bookings.id, cursor.id))));
  }
  const rows = await db
    .select({ booking: bookings, service: serviceView })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .where(and(...conditions))
    .orderBy(asc(bookings.startAt), asc(bookings.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const paid = await paymentsOfBookings(db, page.map((r) => r.booking.id));
  return {
    data: page.map((r) => ({ ...presentWith(r.booking, specialist, r.service, paid.get(r.booking.id) ?? null, deps), utm: r.booking.utm ?? null })),
    hasMore: rows.length > query.limit,
  };
}

export async function retrieveMyBooking(deps: ServiceDeps, specialist: SpecialistRow, id: string): Promise<SpecialistBooking> {
  await expireDueHolds(deps, { bookingId: id, specialistId: specialist.id });
  return detail(deps, specialist, await mine(deps.database.db, specialist, id));
}

/** Completed or no-show, once the session has started. */
export async function markMyBooking(deps: ServiceDeps, specialist: SpecialistRow, id: string, action: Extract<BookingAction, 'complete' | 'mark_no_show'>) {
  const now = deps.clock();
  const row = await changeGuarded(deps.database, (db) => mine(db, specialist, id), { action, actor: 'specialist' }, now);
  return detail(deps, specialist, row);
}

export async function cancelMyBooking(deps: ServiceDeps, specialist: SpecialistRow, id: string, reason: string | undefined) {
  const now = deps.clock();
  await cancelGuarded(deps, (db) => mine(db, specialist, id), 'specialist', reason, now);
  await afterCancel(deps, id);
  return detail(deps, specialist, await mine(deps.database.db, specialist, id));
}

/**
 * The specialist cancels the whole session `id` is a seat of (a group service's: same service,
 * start and end; a one-to-one booking is a session of one): every seat in force, each down the
 * same road as `cancelMyBooking` — its own guarded change, a full refund when paid, its credit
 * back, the attendee's cancellation email from the outbox. Seats are cancelled one after another
 * (capacity bounds them to 100); a seat cancelled meanwhile by its attendee is left as it is. The
 * answer lists the seats this call cancelled, as they are after it.
 */
export async function cancelMySession(deps: ServiceDeps, specialist: SpecialistRow, id: string, reason: string | undefined): Promise<SessionCancelled> {
  const now = deps.clock();
  const db = deps.database.db;
  const seat = await mine(db, specialist, id);
  const seats = await db
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(sameSessionAs(seat), inArray(bookings.status, ['held', 'confirmed'])))
    .orderBy(asc(bookings.createdAt), asc(bookings.id))
    .limit(MAX_CAPACITY + 1);
  // Nothing in force: the state machine's own refusal for the booking named.
  if (seats.length === 0) await cancelGuarded(deps, (d) => mine(d, specialist, id), 'specialist', reason, now);
  const cancelled: string[] = [];
  try {
    for (const { id: seatId } of seats) {
      try {
        await cancelGuarded(deps, (d) => mine(d, specialist, seatId), 'specialist', reason, now);
        cancelled.push(seatId);
      } catch (error) {
        if (!(error instanceof ServiceError && error.code === 'booking_not_cancellable')) throw error;
      }
    }
  } finally {
    // Seats already cancelled get their refunds now even when a later seat failed (the scheduler
    // would issue them anyway); calling again cancels the rest and leaves these as they are.
    for (const seatId of cancelled) await afterCancel(deps, seatId);
  }
  return { data: await Promise.all(cancelled.map(async (seatId) => detail(deps, specialist, await mine(db, specialist, seatId)))) };
}

export async function rescheduleMyBooking(deps: ServiceDeps, specialist: SpecialistRow, id: string, startText: string) {
  const now = deps.clock();
  const start = Date.parse(startText);
  const outside = await outsideFor(deps, specialist.id, start);
  const row = await rescheduleGuarded(deps, (db) => mine(db, specialist, id), { start, label: startText, actor: 'specialist', outside }, now);
  return detail(deps, specialist, row);
}

/** What the specialist writes on a booking; a field left out stays as it is, null clears. */
export interface NotesUpdate {
  notes?: string | undefined;
  sharedNotes?: string | null | undefined;
  recordingUrl?: string | null | undefined;
}

/**
 * The specialist's private notes, and the notes and recording link shared with the customer:
 * the one road's `note` change (no availability move; its outbox row sends no email). The history
 * records which changed and how long they are, never what they say. Empty shared notes clear them.
 */
export async function updateMyBookingNotes(deps: ServiceDeps, specialist: SpecialistRow, id: string, update: NotesUpdate) {
  const now = deps.clock();
  const set: NotesSet = {};
  const data: Record<string, unknown> = {};
  if (update.notes !== undefined) {
    set.specialistNotes = update.notes;
    data.length = update.notes.length;
  }
  if (update.sharedNotes !== undefined) {
    set.sharedNotes = update.sharedNotes || null;
    data.sharedLength = set.sharedNotes?.length ?? 0;
  }
  if (update.recordingUrl !== undefined) {
    set.recordingUrl = update.recordingUrl;
    data.recording = update.recordingUrl !== null;
  }
  const row = await changeGuarded(deps.database, (db) => mine(db, specialist, id), { action: 'note', actor: 'specialist', set, data }, now);
  return detail(deps, specialist, row);
}

type NotesSet = Partial<Pick<BookingRow, 'specialistNotes' | 'sharedNotes' | 'recordingUrl'>>;
