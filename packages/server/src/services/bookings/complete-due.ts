import { and, asc, eq, lte } from 'drizzle-orm';
import { bookings } from '../../db/schema.js';
import { MINUTE_MS } from '../../domain/civil.js';
import type { ServiceDeps } from '../deps.js';
import { isServiceError } from '../errors.js';
import { changeBooking } from './road.js';

/** How long after its end a confirmed session is taken as held, unless the specialist says otherwise. */
export const DEFAULT_COMPLETE_AFTER_MS = 120 * MINUTE_MS;
/** How much one run does: bookings per write transaction (a backlog never holds the write lock for long), and transactions per run. */
export interface CompleteLimits {
  /** @default 50 */
  batch: number;
  /** What is left after these waits for the next run. @default 20 */
  maxBatches: number;
}

/**
 * Marks `completed` every `confirmed` booking whose end passed more than `deps.completeAfterMs`
 * ago (2 hours by default), each down the one road with a `booking.completed` outbox row — the
 * grace leaves the specialist time to mark a no-show first, and a no-show or a cancelled booking
 * is never touched (only `confirmed` ones are picked).
 *
 * Idempotent across processes: the due rows are read inside each write transaction (`BEGIN
 * IMMEDIATE`: a second process's transaction starts after the first committed and finds nothing
 * left), and the road's write is guarded by the status it read — on a database where the read and
 * the write are not one transaction (D1's batches), a process that lost the race to a completion, a
 * no-show or a cancel gets the road's refusal for that booking and skips it. Batches of 50 per
 * transaction, at most 1,000 per run; the rest waits for the next tick.
 * @returns how many it completed.
 */
export async function completeDueSessions(deps: Pick<ServiceDeps, 'database' | 'clock' | 'completeAfterMs'>, limits: CompleteLimits = { batch: 50, maxBatches: 20 }): Promise<number> {
  const now = deps.clock();
  const due = and(eq(bookings.status, 'confirmed'), lte(bookings.endAt, now - (deps.completeAfterMs ?? DEFAULT_COMPLETE_AFTER_MS)));
  let completed = 0;
  for (let round = 0; round < limits.maxBatches; round++) {
    // A cheap read first: most ticks find nothing and need no write lock.
    const [any] = await deps.database.db.select({ id: bookings.id }).from(bookings).where(due).limit(1);
    if (!any) break;
    const { found, done } = await deps.database.write(async (tx) => {
      const rows = await tx.select().from(bookings).where(due).orderBy(asc(bookings.endAt), asc(bookings.id)).limit(limits.batch);
      let n = 0;
      for (const row of rows) {
        try {
          await changeBooking(tx, row, { action: 'complete', actor: 'system', reason: 'The session ended.' }, now);
          n++;
        } catch (error) {
          // Another process changed it first; its change stands, and the refused write wrote nothing.
          if (!isServiceError(error, 'invalid_transition')) throw error;
        }
      }
      return { found: rows.length, done: n };
    });
    completed += done;
    if (found < limits.batch) break;
  }
  return completed;
}
