import { and, asc, eq, lte } from 'drizzle-orm';
import { bookings } from '../../db/schema.js';
import { MINUTE_MS } from '../../domain/civil.js';
import type { ServiceDeps } from '../deps.js';
import { changeRound } from './guarded-change.js';

/** How long after its end a confirmed session is taken as held, unless the specialist says otherwise. */
export const DEFAULT_COMPLETE_AFTER_MS = 120 * MINUTE_MS;
/** How much one run does: bookings per guarded batch (a backlog never makes one huge batch), and batches per run. */
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
 * A batch per ROUND, not per booking (`changeRound`): one guarded batch completes up to 50, one
 * round trip on a remote database instead of 50, and the guard is every booking's status as read.
 * Idempotent across processes: two schedulers read the same round, one batch is written, the
 * other's guard refuses and its fresh read finds those gone; a specialist's no-show or a
 * cancellation of one of them meanwhile costs the round one retry, and the fresh read leaves that
 * booking out. At most 20 rounds (1,000 sessions) per run; the rest waits for the next tick.
 * @returns how many it completed.
 */
export async function completeDueSessions(deps: Pick<ServiceDeps, 'database' | 'clock' | 'completeAfterMs'>, limits: CompleteLimits = { batch: 50, maxBatches: 20 }): Promise<number> {
  const now = deps.clock();
  const due = and(eq(bookings.status, 'confirmed'), lte(bookings.endAt, now - (deps.completeAfterMs ?? DEFAULT_COMPLETE_AFTER_MS)));
  let completed = 0;
  for (let round = 0; round < limits.maxBatches; round++) {
    // A cheap read first: most ticks find nothing and write nothing.
    const [any] = await deps.database.db.select({ id: bookings.id }).from(bookings).where(due).limit(1);
    if (!any) break;
    const done = await changeRound(
      deps.database,
      'complete',
      (db) => db.select().from(bookings).where(due).orderBy(asc(bookings.endAt), asc(bookings.id)).limit(limits.batch),
      { action: 'complete', actor: 'system', reason: 'The session ended.' },
      now,
    );
    completed += done;
    if (done < limits.batch) break;
  }
  return completed;
}
