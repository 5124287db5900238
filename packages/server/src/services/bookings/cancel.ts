import type { Actor } from '@slotwise/sdk/contract';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { payments, services, type BookingRow } from '../../db/schema.js';
import { returnsCredit } from '../../domain/credits.js';
import { cancellation } from '../../domain/policy.js';
import { policyOf } from '../availability/rules.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError } from '../errors.js';
import { returnCredit } from '../packages/credits.js';
import { cancelAbandonedIntents } from '../payments/intents.js';
import { issueDueRefunds, queueRefund } from '../payments/refunds.js';
import { changeBooking } from './road.js';

/**
 * Cancels `row` as `actor` inside `tx`, applying the policy, and queues the refund it gives (in
 * the same transaction); a booking paid with a credit gets the credit back instead, unless the
 * policy would refund nothing. The caller issues queued refunds and releases unpaid intents after
 * the commit (`afterCancel`).
 */
export async function cancelIn(tx: Tx, row: BookingRow, actor: Actor, reason: string | undefined, now: number): Promise<BookingRow> {
  const [service] = await tx.select().from(services).where(eq(services.id, row.serviceId));
  const decision = cancellation(policyOf(service!), row, now, actor);
  if (!decision.allowed && (row.status === 'held' || row.status === 'confirmed')) throw new ServiceError('booking_not_cancellable', decision.why);
  const [payment] = await tx.select().from(payments).where(and(eq(payments.bookingId, row.id), eq(payments.status, 'succeeded')));
  const credit = row.creditLotId === null ? undefined : returnsCredit(decision.refund.rule) ? ('returned' as const) : ('kept' as const);
  // Queued first to know its amount; if the road refuses (the booking is not active any more) the
  // transaction rolls it back with everything else.
  const refund = payment && decision.refund.amount > 0 ? await queueRefund(tx, payment, decision.refund.amount, actor === 'customer' ? 'cancellation' : 'specialist', now) : undefined;
  const updated = await changeBooking(
    tx,
    row,
    {
      action: 'cancel',
      actor,
      reason: reason ?? null,
      set: { cancelledAt: now, cancelledBy: actor, cancellationReason: reason || null },
      data: { refund: payment ? { ...decision.refund, amount: refund?.amount ?? 0 } : decision.refund, ...(credit ? { credit } : {}) },
    },
    now,
  );
  if (credit === 'returned') await returnCredit(tx, row, now);
  return updated;
}

/** After a cancellation commits: refund what was queued, and cancel an intent nobody will pay. */
export async function afterCancel(deps: ServiceDeps, bookingId: string): Promise<void> {
  const now = deps.clock();
  await issueDueRefunds(deps, now);
  await cancelAbandonedIntents(deps, now, bookingId);
}
