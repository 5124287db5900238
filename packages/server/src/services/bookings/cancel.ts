import type { Actor } from '@slotwise/sdk/contract';
import { and, eq } from 'drizzle-orm';
import type { Drizzle } from '../../db/client.js';
import { payments, services, type BookingRow } from '../../db/schema.js';
import { returnsCredit } from '../../domain/credits.js';
import { cancellation } from '../../domain/policy.js';
import { policyOf } from '../availability/rules.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError } from '../errors.js';
import { returnCreditQueries } from '../packages/credits.js';
import { cancelAbandonedIntents } from '../payments/intents.js';
import { issueDueRefunds, queueRefundQueries } from '../payments/refunds.js';
import { allOf, assertUnchangedSince, changeOfBooking } from './guarded-change.js';
import { changeBookingQueries } from './road.js';

/** A cancellation as written: the booking after it, and whether a refund was queued with it. */
export interface Cancelled {
  row: BookingRow;
  refundQueued: boolean;
}

/**
 * Cancels the booking `find` reads, as `actor`, applying the policy: the booking's change, the
 * refund the policy gives (queued, issued by `afterCancel`) and — for a booking paid with a
 * credit, unless the policy refunds nothing — the credit's return are ONE guarded batch
 * (`guarded-change.ts`). Each try reads, in this order, the specialist's availability version
 * (the service's policy and prices move it), the booking's history length, the booking, its
 * payment and refunds, the credit's ledger; the guard holds all of them still. So a concurrent
 * cancellation refunds once and returns a credit once: the second one's guard refuses, and its
 * fresh snapshot answers `booking_not_cancellable` (already cancelled, or "changed meanwhile" when
 * the booking was moved or confirmed under it). A change elsewhere in the calendar only retries.
 *
 * @param find reads the booking (scoped to its caller: token or specialist); runs once per try.
 */
export async function cancelGuarded(deps: Pick<ServiceDeps, 'database'>, find: (db: Drizzle) => Promise<BookingRow>, actor: Actor, reason: string | undefined, now: number): Promise<Cancelled> {
  const db = deps.database.db;
  return changeOfBooking(deps.database, find, true, async ({ row, first }) => {
    const [service] = await db.select().from(services).where(eq(services.id, row.serviceId));
    const decision = cancellation(policyOf(service!), row, now, actor);
    if (!decision.allowed && (row.status === 'held' || row.status === 'confirmed')) throw new ServiceError('booking_not_cancellable', decision.why);
    const [payment] = await db.select().from(payments).where(and(eq(payments.bookingId, row.id), eq(payments.status, 'succeeded')));
    const policyReturns = row.creditLotId !== null && returnsCredit(decision.refund.rule);
    const refund = payment && decision.refund.amount > 0 ? await queueRefundQueries(db, payment, decision.refund.amount, actor === 'customer' ? 'cancellation' : 'specialist', now) : undefined;
    const back = policyReturns ? await returnCreditQueries(db, row, now) : undefined;
    // Said as it happens: a credit whose package was refunded meanwhile is not given back.
    const credit = row.creditLotId === null ? undefined : !policyReturns ? ('kept' as const) : back!.queries.length > 0 ? ('returned' as const) : ('revoked' as const);
    const change = changeBookingQueries(
      db,
      row,
      {
        action: 'cancel',
        actor,
        reason: reason ?? null,
        set: { cancelledAt: now, cancelledBy: actor, cancellationReason: reason || null },
        data: { refund: payment ? { ...decision.refund, amount: refund?.refund?.amount ?? 0 } : decision.refund, ...(credit ? { credit } : {}) },
      },
      now,
    );
    assertUnchangedSince(first, row, 'booking_not_cancellable');
    return {
      queries: [...(refund?.queries ?? []), ...change.queries, ...(back?.queries ?? [])],
      condition: allOf(change.still, refund?.still, back?.still),
      answer: { row: change.row, refundQueued: refund?.refund !== undefined },
    };
  });
}

/** After a cancellation commits: refund what was queued, and cancel an intent nobody will pay. */
export async function afterCancel(deps: ServiceDeps, bookingId: string): Promise<void> {
  const now = deps.clock();
  await issueDueRefunds(deps, now);
  await cancelAbandonedIntents(deps, now, bookingId);
}
