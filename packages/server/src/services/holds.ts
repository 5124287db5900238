import { and, eq, lte } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { bookings } from '../db/schema.js';
import { recordEvent } from './booking-events.js';
import { bumpAvailability } from './rules.js';

/**
 * Moves every `held` booking whose hold has lapsed to `expired`, with an event each. The slot
 * engine already ignores lapsed holds, so this only makes the status true; it is idempotent and
 * safe to run from any number of processes (the status check is in the same transaction).
 * @returns how many it expired.
 */
export async function expireDueHolds(database: Database, now: number, scope: { bookingId?: string; specialistId?: string } = {}): Promise<number> {
  const due = and(
    eq(bookings.status, 'held'),
    lte(bookings.holdExpiresAt, now),
    scope.bookingId ? eq(bookings.id, scope.bookingId) : undefined,
    scope.specialistId ? eq(bookings.specialistId, scope.specialistId) : undefined,
  );
  // A cheap read first: most calls find nothing and need no write lock.
  const [any] = await database.db.select({ id: bookings.id }).from(bookings).where(due).limit(1);
  if (!any) return 0;
  return database.write(async (tx) => {
    const rows = await tx.update(bookings).set({ status: 'expired' }).where(due).returning();
    for (const row of rows) {
      await recordEvent(tx, row, { type: 'expired', actor: 'system', from: 'held', to: 'expired', reason: 'The hold lapsed before payment.' }, now);
    }
    for (const specialistId of new Set(rows.map((r) => r.specialistId))) await bumpAvailability(tx, specialistId);
    return rows.length;
  });
}
