import type { ProblemCode } from '@slotwise/sdk/contract';
import { and, count, eq, getTableColumns, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { shaped, type Query } from '../../db/shaped.js';
import { guardedBatch, optimistic, RETRY } from '../../db/batch.js';
import type { Database, Drizzle } from '../../db/client.js';
import { bookingEvents, bookings, type BookingRow } from '../../db/schema.js';
import { ServiceError } from '../errors.js';
import { t } from '../messages/index.js';
import { availabilityVersion, versionStill } from '../availability/version.js';
import { changeBookingQueries, type BookingChange } from './road.js';

/**
 * Changes of EXISTING bookings (cancel, reschedule, complete, notes, expiry…) as guarded batches
 * (`db/batch.ts`), the way `create.ts` opens one: each try reads a snapshot, decides on it, and
 * writes everything the change writes in one batch behind a guard; a refused guard wrote nothing,
 * and the try starts over from a fresh snapshot.
 */

/** How many events a booking's history holds. Read it BEFORE the booking's row (see `historyStill`). */
export async function historyLength(db: Drizzle, bookingId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(bookingEvents).where(eq(bookingEvents.bookingId, bookingId));
  return row?.n ?? 0;
}

/**
 * The booking and its history's length read by ONE statement (so as of one moment): what
 * `historyLength` then a read of the row give, for a change that needs nothing else. `undefined`
 * when there is no such booking.
 */
export async function bookingWithHistory(db: Drizzle, bookingId: string): Promise<{ row: BookingRow; history: number } | undefined> {
  // Built once per handle: every meeting a booking gets reads it, and drizzle building its 30-odd columns cost more than SQLite running it.
  const build = () =>
    db
      .select({ ...getTableColumns(bookings), history: historyCount(sql.placeholder('id')).mapWith(Number) })
      .from(bookings)
      .where(eq(bookings.id, sql.placeholder('id')));
  const [found] = await shaped(db, 'booking-with-history', build, { id: bookingId });
  if (!found) return undefined;
  const { history, ...row } = found;
  return { row, history };
}

/**
 * The guard's condition: the booking's history still has `length` events — nothing happened to
 * it through the one road since it was read (every change appends an event, and events are only
 * appended). Stronger than the road's own `still` (status, time, moves): a meeting attached or a
 * note written meanwhile refuses too, so the outbox row never carries a booking older than the
 * stored one.
 */
export const historyStill = (bookingId: string, length: number): SQL => sql`${historyCount(bookingId)} = ${length}`;

/** The number of events in the booking's history, as an SQL expression. */
const historyCount = (bookingId: string | SQLWrapper): SQL => sql`(select count(*) from ${bookingEvents} where ${bookingEvents.bookingId} = ${bookingId})`;

/** What one try decided: the statements to write, the guard they need, and the answer once written. */
export interface Planned<T> {
  /** The statements; none for a no-op (a hold released before), whose answer stands without a batch. */
  queries: Query[];
  condition: SQL | undefined;
  answer: T;
}

/** Every try of a change refused by its guard: other writers kept changing this calendar. */
export const contendedChange = () => new ServiceError('write_contention', t('write_contention.change'));

/**
 * Runs `plan` — a fresh snapshot and the decision made on it — and writes what it planned as one
 * guarded batch, until a batch is written or `plan` throws (a refusal made on a fresh snapshot is
 * the answer), at most `MAX_ATTEMPTS` tries (then `503 write_contention`). Tries sharing `lane`
 * (the specialist's id) queue behind each other in this process (`optimistic`).
 */
export function guardedChange<T>(database: Database, lane: string, plan: (n: number) => Promise<Planned<T>>): Promise<T> {
  return optimistic(
    database,
    lane,
    async (n) => {
      const planned = await plan(n);
      if (planned.queries.length === 0) return planned.answer;
      const written = await guardedBatch(database, planned.condition ?? sql`1`, planned.queries);
      return written ? planned.answer : RETRY;
    },
    contendedChange,
  );
}

/** `a` and `b` are the same booking as the road's guard sees it: status, start, number of moves. */
const sameBooking = (a: BookingRow, b: BookingRow) => a.status === b.status && a.startAt === b.startAt && a.rescheduleCount === b.rescheduleCount;

/**
 * For a retry of a change the person decided on what they saw (a cancellation's refund, a move):
 * when the booking itself changed since the first try read it — cancelled, moved, confirmed by
 * someone else — the change is refused with `code` and "changed meanwhile" rather than made on a
 * booking they did not see. (Checked after the state machine, whose refusal is more precise.)
 */
export function assertUnchangedSince(first: BookingRow | undefined, now: BookingRow, code: ProblemCode): void {
  if (first && !sameBooking(first, now)) throw new ServiceError(code, t('booking.changed_meanwhile'));
}

/** `and` of conditions, dropping the absent ones (always a condition: `1` when none). */
export const allOf = (...conditions: (SQL | undefined)[]): SQL => and(...conditions) ?? sql`1`;

/** One booking as a try of its change read it. */
export interface BookingSnapshot {
  row: BookingRow;
  /** The row as the FIRST try read it; undefined on the first try (for `assertUnchangedSince`). */
  first: BookingRow | undefined;
}

/**
 * A change of the one booking `find` reads, as guarded batches: each try reads — in this order —
 * the specialist's availability version (when `versioned`: the change depends on the calendar, as
 * a cancel's policy or a move's slot check does), the booking's history length, then the booking,
 * and hands it to `plan`; the guard is `plan`'s condition AND the history (AND the version) still
 * as read. Lane: the booking's specialist.
 *
 * @param find reads the booking (scoped to its caller: token or specialist); runs once per try.
 */
export async function changeOfBooking<T>(database: Database, find: (db: Drizzle) => Promise<BookingRow>, versioned: boolean, plan: (snapshot: BookingSnapshot) => Promise<Planned<T>>): Promise<T> {
  const db = database.db;
  const { id, specialistId } = await find(db);
  let first: BookingRow | undefined;
  return guardedChange(database, specialistId, async () => {
    const version = versioned ? await availabilityVersion(db, specialistId) : undefined;
    const history = await historyLength(db, id);
    const row = await find(db);
    const snapshot = { row, first };
    first ??= row;
    const planned = await plan(snapshot);
    return { ...planned, condition: allOf(version === undefined ? undefined : versionStill(specialistId, version), historyStill(id, history), planned.condition) };
  });
}

/**
 * One change down the road that depends on nothing but the booking itself (complete, no-show,
 * notes…): guarded by the booking's history and the road's `still` — no availability version, so
 * bookings elsewhere in the calendar never make it retry. A booking changed meanwhile is read
 * again and the state machine decides on it as it is (a cancelled booking cannot be completed).
 */
export function changeGuarded(database: Database, find: (db: Drizzle) => Promise<BookingRow>, change: BookingChange, now: number): Promise<BookingRow> {
  return changeOfBooking(database, find, false, async ({ row }) => {
    const planned = changeBookingQueries(database.db, row, change, now);
    return { queries: planned.queries, condition: planned.still, answer: planned.row };
  });
}

/**
 * One round of the scheduler's changes (holds expiring, sessions completing): the bookings `due`
 * reads now, each changed by `change` down the road, ALL in one guarded batch — one round trip for
 * the round, not one per booking. The guard is every booking's `still`: a booking another process
 * or a person changed meanwhile (two schedulers at once, a no-show marked, a late payment) refuses
 * the round, and the fresh read leaves it out. Not `historyStill`: these changes carry nothing a
 * meeting link or a note would make stale. @returns how many were changed (all that `due` found).
 */
export function changeRound(database: Database, lane: string, due: (db: Drizzle) => Promise<BookingRow[]>, change: BookingChange, now: number): Promise<number> {
  const db = database.db;
  return guardedChange(database, lane, async () => {
    const planned = (await due(db)).map((row) => changeBookingQueries(db, row, change, now));
    return { queries: planned.flatMap((p) => p.queries), condition: allOf(...planned.map((p) => p.still)), answer: planned.length };
  });
}
