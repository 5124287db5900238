import type { Actor, BookingStatus } from '@slotwise/sdk/contract';
import { and, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { Query } from '../../db/shaped.js';
import type { Drizzle, Tx } from '../../db/client.js';
import { shapedInsert } from '../../db/shaped.js';
import { bookingEvents, bookings, outbox, type BookingRow } from '../../db/schema.js';
import { eventTypeOf, NEW, transition, type BookingAction } from '../../domain/booking-state.js';
import { isoInstant } from '../../domain/civil.js';
import { ServiceError } from '../errors.js';
import { newId } from '../ids.js';
import { t } from '../messages/index.js';

/** What happens to a booking, who did it, why, and what else changes with it. */
export interface BookingChange {
  action: Exclude<BookingAction, 'book' | 'hold'>;
  actor: Actor;
  reason?: string | null;
  /** Recorded on the event: the refund given, the old and new time, the credit used… */
  data?: Record<string, unknown>;
  /** Columns that change together with the status (the new time, who cancelled, the notes). */
  set?: Partial<Omit<BookingRow, 'id' | 'status' | 'specialistId'>>;
}

export type NewBooking = Omit<typeof bookings.$inferInsert, 'status'>;

const refusal = (action: BookingAction) =>
  action === 'cancel' ? 'booking_not_cancellable' : action === 'reschedule' ? 'booking_not_reschedulable' : 'invalid_transition';

/**
 * The booking as the outbox carries it: what a notification, a meeting provider or a webhook
 * receiver needs, and nothing secret (no token hashes, no client address, no private notes).
 */
export function bookingSnapshot(row: BookingRow) {
  return {
    id: row.id,
    specialistId: row.specialistId,
    serviceId: row.serviceId,
    status: row.status,
    start: isoInstant(row.startAt),
    end: isoInstant(row.endAt),
    duration: row.durationMinutes,
    holdExpiresAt: row.status === 'held' && row.holdExpiresAt !== null ? isoInstant(row.holdExpiresAt) : null,
    customer: { name: row.customerName, email: row.customerEmail, timeZone: row.customerTimeZone },
    notes: row.notes,
    price: row.price,
    currency: row.currency,
    paidWithCredit: row.creditLotId !== null,
    rescheduleCount: row.rescheduleCount,
    cancelledBy: row.cancelledBy,
    cancellationReason: row.cancellationReason,
    customerLocale: row.customerLocale,
    meeting: row.meetingUrl ? { url: row.meetingUrl } : null,
    inviteSequence: row.inviteSequence,
    utm: row.utm ?? null,
    promo: row.promoCode === null ? null : { code: row.promoCode, amountOff: row.promoAmountOff ?? 0 },
    createdAt: isoInstant(row.createdAt),
  };
}

/** The change's event row and its outbox row (the booking as it is after the change). */
function recordRows(from: BookingStatus | null, row: BookingRow, action: BookingAction, change: Pick<BookingChange, 'actor' | 'reason' | 'data'>, now: number) {
  const event = {
    id: newId('ev'),
    bookingId: row.id,
    specialistId: row.specialistId,
    type: eventTypeOf[action],
    fromStatus: from,
    toStatus: row.status,
    actor: change.actor,
    reason: change.reason ?? null,
    data: change.data ?? null,
    at: now,
  };
  const message = {
    id: newId('msg'),
    topic: `booking.${event.type}`,
    bookingId: row.id,
    specialistId: row.specialistId,
    eventId: event.id,
    payload: {
      event: { id: event.id, type: event.type, action, from, to: row.status, actor: event.actor, reason: event.reason, data: event.data, at: isoInstant(now) },
      booking: bookingSnapshot(row),
    },
    createdAt: now,
  };
  return { event, message };
}

/** Appends the change's event and its outbox row: the same transaction as the change itself. */
async function record(tx: Tx, from: BookingStatus | null, row: BookingRow, action: BookingAction, change: Pick<BookingChange, 'actor' | 'reason' | 'data'>, now: number) {
  const { event, message } = recordRows(from, row, action, change, now);
  await tx.insert(bookingEvents).values(event);
  await tx.insert(outbox).values(message);
}

/** The whole row `values` make once stored: every column absent from them at its default. */
function storedRow(values: NewBooking & Pick<BookingRow, 'status'>): BookingRow {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(bookings))) {
    const given = (values as Record<string, unknown>)[key];
    row[key] = given !== undefined ? given : column.hasDefault ? column.default : null;
  }
  return row as BookingRow;
}

/**
 * Opens a booking — `book` (confirmed at once: free, or paid with a credit) or `hold` (priced,
 * awaiting payment) — with its first event and outbox row, as unexecuted queries on `db`: they
 * ride in one batch behind the guard that decides whether any of them is written (`db/batch.ts`,
 * `bookings/create.ts`, which checked the time on the snapshot the guard protects). The row is
 * the one that will be stored (defaults filled in here), so the outbox carries exactly it.
 */
export function openBookingQueries(db: Drizzle, values: NewBooking, opening: { action: 'book' | 'hold'; actor: Actor; data?: Record<string, unknown> }, now: number) {
  const next = transition({ status: NEW, startAt: values.startAt, holdExpiresAt: values.holdExpiresAt ?? null }, opening.action, now);
  if (!next.ok) throw new ServiceError('invalid_transition', next.why);
  const row = storedRow({ ...values, status: next.to });
  const { event, message } = recordRows(null, row, opening.action, opening, now);
  return { row, queries: [shapedInsert(db, bookings, row), shapedInsert(db, bookingEvents, event), shapedInsert(db, outbox, message)] as const };
}

/** What a change writes, decided in JavaScript: the new columns and the row as it will be. */
function planChange(booking: BookingRow, change: BookingChange, now: number) {
  const next = transition(booking, change.action, now);
  if (!next.ok) throw new ServiceError(refusal(change.action), next.why);
  // A calendar invite is updated by a higher SEQUENCE: every change of time or state raises it.
  const invite = change.action === 'reschedule' || change.action === 'cancel' ? { inviteSequence: booking.inviteSequence + 1 } : {};
  // The status is written only when it changes: writing a column fires the triggers that move the
  // availability version (and drop cached slots), which a note or a meeting link must not do.
  const values: Partial<BookingRow> = { ...change.set, ...invite, ...(next.to === booking.status ? {} : { status: next.to }) };
  return { values, row: { ...booking, ...values } as BookingRow };
}

/** The booking's row is still the one read: same status, same time, same number of moves. */
const unchanged = (booking: BookingRow) =>
  and(eq(bookings.id, booking.id), eq(bookings.status, booking.status), eq(bookings.startAt, booking.startAt), eq(bookings.rescheduleCount, booking.rescheduleCount));

/**
 * The one road every change of an existing booking takes: asks the pure state machine
 * (`domain/booking-state.ts`), writes the row — guarded by the status it decided on, so a change
 * that raced it cannot be overwritten —, appends the `booking_events` row and the outbox row with
 * the booking as it is after the change. The database moves the availability version itself
 * (triggers), in this same transaction. Nothing else writes a booking's status, events or outbox
 * rows (`road.test.ts` holds the code to that). `changeBookingQueries` is the same road as a
 * guarded batch.
 *
 * @throws ServiceError `booking_not_cancellable`, `booking_not_reschedulable` or
 *   `invalid_transition` when the state machine refuses.
 */
export async function changeBooking(tx: Tx, booking: BookingRow, change: BookingChange, now: number): Promise<BookingRow> {
  const { values } = planChange(booking, change, now);
  const guard = unchanged(booking);
  const [row] =
    Object.keys(values).length > 0
      ? await tx.update(bookings).set(values).where(guard).returning()
      : await tx.select().from(bookings).where(guard);
  if (!row) throw new ServiceError(refusal(change.action), t('booking.changed_meanwhile'));
  await record(tx, booking.status, row, change.action, change, now);
  return row;
}

/** A change of an existing booking as unexecuted queries, and what its batch's guard must hold. */
export interface BookingChangeQueries {
  /** The booking as it is once the batch is written. */
  row: BookingRow;
  /** The row's update (when a column changes), its event and its outbox row, in that order. */
  queries: Query[];
  /**
   * True while the booking is still as read (status, start, moves). Put it in the batch's guard
   * (`db/batch.ts` `guardedBatch`), with whatever else the change was computed from — the
   * specialist's availability version for a change that moves or frees a time.
   */
  still: SQL;
}

/**
 * `changeBooking` as a guarded batch's statements (the same state machine, columns, event and
 * outbox row), built on `db` and not executed: the caller reads a snapshot, builds these, and sends
 * them with everything else the change writes behind ONE guard (`db/batch.ts`); a refused guard
 * writes nothing and the caller starts over from a fresh snapshot. The row is computed here, so
 * the outbox carries exactly what is stored.
 *
 * @throws ServiceError as `changeBooking` when the state machine refuses.
 */
export function changeBookingQueries(db: Drizzle, booking: BookingRow, change: BookingChange, now: number): BookingChangeQueries {
  const { values, row } = planChange(booking, change, now);
  const { event, message } = recordRows(booking.status, row, change.action, change, now);
  const update = Object.keys(values).length > 0 ? [db.update(bookings).set(values).where(unchanged(booking))] : [];
  return {
    row,
    queries: [...update, shapedInsert(db, bookingEvents, event), shapedInsert(db, outbox, message)],
    still: sql`exists (select 1 from ${bookings} where ${unchanged(booking)})`,
  };
}

/** What stands in for an erased customer on their bookings. */
export interface ErasedCustomer {
  name: string;
  email: string;
}

/**
 * Erasure (`services/personal-data/erase.ts`), the one write of bookings that is not a change of them:
 * every booking made under `email`, with any specialist, gets `erased` in place of the customer's
 * name and email, and loses their phone (and SMS consent), the notes they wrote, their client
 * address hash, and the reasons they gave when cancelling (on the booking and its events). Times,
 * status, prices, ids and their time zone stay; no event or outbox row is written, since nothing
 * happened to the booking that anyone is to be told. The statements, for the erasure's one batch
 * (`ids`: the bookings the erasure's snapshot read under the address).
 */
export function eraseCustomerBookingsQueries(db: Drizzle, ids: string[], erased: ErasedCustomer): Query[] {
  if (ids.length === 0) return [];
  return [
    db
      .update(bookings)
      .set({ customerName: erased.name, customerEmail: erased.email, customerPhone: null, smsConsent: false, notes: '', sharedNotes: null, recordingUrl: null, clientHash: null })
      .where(inArray(bookings.id, ids)),
    db.update(bookings).set({ cancellationReason: null }).where(and(inArray(bookings.id, ids), eq(bookings.cancelledBy, 'customer'))),
    db.update(bookingEvents).set({ reason: null }).where(and(inArray(bookingEvents.bookingId, ids), eq(bookingEvents.actor, 'customer'))),
  ];
}
