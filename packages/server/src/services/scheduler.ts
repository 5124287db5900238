import { lte } from 'drizzle-orm';
import type { AppDeps } from '../app-env.js';
import { idempotencyKeys } from '../db/schema.js';
import { expireDueHolds } from './holds.js';
import { expireDueCredits } from './packages/balance.js';
import { cancelAbandonedIntents } from './payments/intents.js';
import { issueDueRefunds } from './payments/refunds.js';

export interface TickResult {
  expiredHolds: number;
  cancelledIntents: number;
  issuedRefunds: number;
  /** Credit lots that reached their expiry with credits left (an `expire` row each). */
  expiredCredits: number;
  purgedIdempotencyKeys: number;
}

/**
 * Everything that is due at `now`, done once. Idempotent: running it twice, or from two processes,
 * does the work once. Node calls it on an interval; the edge entry from a cron trigger.
 */
export async function tick(deps: AppDeps, now: number): Promise<TickResult> {
  const expiredHolds = await expireDueHolds(deps.database, now);
  const cancelledIntents = await cancelAbandonedIntents(deps, now);
  const issuedRefunds = await issueDueRefunds(deps, now);
  const expiredCredits = await expireDueCredits(deps.database, now);
  const purged = await deps.database.write((tx) => tx.delete(idempotencyKeys).where(lte(idempotencyKeys.expiresAt, now)).returning({ id: idempotencyKeys.id }));
  return { expiredHolds, cancelledIntents, issuedRefunds, expiredCredits, purgedIdempotencyKeys: purged.length };
}
