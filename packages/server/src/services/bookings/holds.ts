import { and, asc, eq, lte } from 'drizzle-orm';
import { bookings } from '../../db/schema.js';
import type { ServiceDeps } from '../deps.js';
import { changeRound } from './guarded-change.js';

/** Holds expired per guarded batch: a backlog becomes several bounded batches, never one huge one. */
const ROUND = 50;

/**
 * Moves every `held` booking whose hold has lapsed to `expired`, each down the one road (event and
 * outbox row). The slot engine already ignores lapsed holds, so this only makes the status true.
 * Each round of up to 50 is ONE guarded batch (`changeRound`): idempotent and safe to run from any
 * number of processes — a process whose round raced another's (or a late payment confirming one
 * of the holds) is refused by the guard and reads again what is still due. Rounds of one process
 * queue behind each other (lane `holds`), so the many callers (a customer's view, a list, the tick)
 * do not refuse each other.
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
  let expired = 0;
  for (;;) {
    // A cheap read first: most calls find nothing and write nothing.
    const [any] = await deps.database.db.select({ id: bookings.id }).from(bookings).where(due).limit(1);
    if (!any) return expired;
    const n = await changeRound(
      deps.database,
      'holds',
      (db) => db.select().from(bookings).where(due).orderBy(asc(bookings.holdExpiresAt), asc(bookings.id)).limit(ROUND),
      { action: 'expire', actor: 'system', reason: 'The hold lapsed before payment.' },
      now,
    );
    expired += n;
    if (n < ROUND) return expired;
  }
}
