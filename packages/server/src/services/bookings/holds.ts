import { and, eq, lte } from 'drizzle-orm';
import { bookings } from '../../db/schema.js';
import type { ServiceDeps } from '../deps.js';
import { changeBooking } from './road.js';

/**
 * Moves every `held` booking whose hold has lapsed to `expired`, each down the one road (event and
 * outbox row). The slot engine already ignores lapsed holds, so this only makes the status true;
 * it is idempotent and safe to run from any number of processes (the road's write is guarded by
 * the status it read, in the same transaction).
 * @returns how many it expired.
 */
export async function expireDueHolds(deps: Pick<ServiceDeps, 'database' | 'clock'>, scope: { bookingId?: string; specialistId?: string } = {}): Promise<number> {
  const now = deps.clock();
  const due = and(
    eq(bookings.status, 'held'),
    lte(bookings.holdExpiresAt, now),
    scope.bookingId ? eq(bookings.id, scope.bookingId) : undefined,
    scope.specialistId ? eq(bookings.specialistId, scope.specialistId) : undefined,
  );
  // A cheap read first: most calls find nothing and need no write lock.
  const [any] = await deps.database.db.select({ id: bookings.id }).from(bookings).where(due).limit(1);
  if (!any) return 0;
  return deps.database.write(async (tx) => {
    const rows = await tx.select().from(bookings).where(due);
    for (const row of rows) await changeBooking(tx, row, { action: 'expire', actor: 'system', reason: 'The hold lapsed before payment.' }, now);
    return rows.length;
  });
}
