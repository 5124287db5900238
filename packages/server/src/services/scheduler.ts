import { completeDueSessions } from './bookings/complete-due.js';
import { expireDueHolds } from './bookings/holds.js';
import { CHANNELS } from './delivery/channels.js';
import { drainDeliveries, type DrainResult } from './delivery/dispatcher.js';
import type { ServiceDeps } from './deps.js';
import { purgeIdempotencyKeys } from './idempotency.js';
import { errorFields, type Log } from './log.js';
import { planDailyAgendas } from './mail/agenda.js';
import { expireDueCredits } from './packages/balance.js';
import { cancelAbandonedIntents } from './payments/intents.js';
import { issueDueRefunds } from './payments/refunds.js';
import { REFRESH_PER_TICK, refreshStaleNextOpen } from './directory/search.js';

export interface TickResult {
  expiredHolds: number;
  cancelledIntents: number;
  issuedRefunds: number;
  /** Credit lots that reached their expiry with credits left (an `expire` row each). */
  expiredCredits: number;
  purgedIdempotencyKeys: number;
  /** Confirmed sessions whose end passed the grace period, marked `completed` (a `booking.completed` outbox row each). */
  completedSessions: number;
  /** Daily agenda emails planned (specialists who opted in; once per local date). */
  plannedAgendas: number;
  /** Directory entries whose stored next open time was stale and was computed again (at most `REFRESH_PER_TICK`). */
  refreshedOpenTimes: number;
  /** What the outbox dispatcher planned, sent, retried, gave up and skipped. */
  deliveries: DrainResult;
}

/**
 * Everything that is due at `now`, done once. Idempotent: running it twice, or from two processes,
 * does the work once. Node calls it on an interval; the edge entry from a cron trigger. Every
 * service it calls sees the same instant.
 */
export async function tick(deps: ServiceDeps, now: number = deps.clock()): Promise<TickResult> {
  const at: ServiceDeps = { ...deps, clock: () => now };
  const expiredHolds = await expireDueHolds(at);
  const cancelledIntents = await cancelAbandonedIntents(at, now);
  const issuedRefunds = await issueDueRefunds(at, now);
  const expiredCredits = await expireDueCredits(at);
  const purgedIdempotencyKeys = await purgeIdempotencyKeys(at, now);
  const completedSessions = await completeDueSessions(at);
  const plannedAgendas = await planDailyAgendas(at, now);
  const refreshedOpenTimes = await refreshStaleNextOpen(at, REFRESH_PER_TICK);
  // Last: the changes above wrote outbox rows of their own.
  const deliveries = await drainDeliveries(at, CHANNELS, now);
  return { expiredHolds, cancelledIntents, issuedRefunds, expiredCredits, purgedIdempotencyKeys, completedSessions, plannedAgendas, refreshedOpenTimes, deliveries };
}

/**
 * One scheduler run as the entries make it (a Node timer, a Cron Trigger): logged as one line with
 * what it did and how long it took, or why it failed — never thrown, so a bad tick waits for the next.
 */
export async function loggedTick(run: () => Promise<TickResult>, log: Log): Promise<void> {
  const started = performance.now();
  try {
    const result = await run();
    log({ level: 'info', msg: 'tick', ...result, ms: Math.round(performance.now() - started) });
  } catch (error) {
    log({ level: 'error', msg: 'tick failed', ...errorFields(error) });
  }
}
