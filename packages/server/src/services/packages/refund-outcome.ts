import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { creditLedger, packagePurchases, payments, refunds, type RefundRow } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';
import { lotsOf } from '../../domain/credits.js';
import { recordPackageEvent } from './outbox.js';
import { restorePurchaseCredits, revokedOf } from './revoke.js';

type Status = RefundRow['status'];

/**
 * What a refund's status change means for a package purchase, in the transaction that wrote the
 * change (after its revoke, if any: `revokedBefore` is `revokedOf` the purchase before it).
 * Only a real transition counts, so the same refund seen through the API and again through the
 * webhook tells once:
 * - → `succeeded`: `package.refund_issued` (the customer's email), with the credits this refund
 *   removed. A refund that was `pending` when Slotwise created it revoked then; its success, the
 *   purchase's first, tells of what is revoked now.
 * - `pending`/`succeeded` → `failed` (the provider had created it; it failed later): the revoked
 *   credits come back unless another refund of the payment still stands, and
 *   `package.refund_failed` tells of it. No customer email claims money for it.
 * A refund refused at creation (never created) was never told of nor revoked for: nothing here.
 */
export async function recordRefundOutcome(tx: Tx, refundId: string, from: Status | undefined, revokedBefore: number, now: number): Promise<void> {
  const [row] = await tx
    .select({ refund: refunds, payment: payments, purchase: packagePurchases })
    .from(refunds)
    .innerJoin(payments, eq(payments.id, refunds.paymentId))
    .innerJoin(packagePurchases, eq(packagePurchases.id, payments.packagePurchaseId))
    .where(eq(refunds.id, refundId));
  if (!row || row.refund.status === from) return;
  const { refund, payment, purchase } = row;
  const entries = await tx.select().from(creditLedger).where(eq(creditLedger.packagePurchaseId, purchase.id));
  const [lot] = lotsOf(entries);
  if (!lot) return; // never granted (an unpaid purchase): no credits to speak of
  const lotSnapshot = { id: lot.id, granted: lot.granted, expiresAt: isoInstant(lot.expiresAt) };
  const snapshot = { id: refund.id, amount: refund.amount, currency: payment.currency };

  if (refund.status === 'succeeded') {
    const revokedNow = await revokedOf(tx, purchase.id);
    const removed = from === 'pending' && !(await othersSucceeded(tx, refund)) ? revokedNow : revokedNow - revokedBefore;
    const booked = -entries.filter((e) => e.kind === 'debit' || e.kind === 'return').reduce((sum, e) => sum + e.delta, 0);
    await recordPackageEvent(tx, purchase, { type: 'package.refund_issued', lot: lotSnapshot, refund: snapshot, credits: { removed: Math.max(0, removed), booked } }, now);
  } else if (refund.status === 'failed' && from !== undefined) {
    const standing = await tx
      .select({ id: refunds.id })
      .from(refunds)
      .where(and(eq(refunds.paymentId, payment.id), ne(refunds.id, refund.id), inArray(refunds.status, ['pending', 'succeeded'])))
      .limit(1);
    const restored = standing.length === 0 ? await restorePurchaseCredits(tx, purchase.id, now) : 0;
    const failed = { ...snapshot, failureReason: refund.lastError };
    await recordPackageEvent(tx, purchase, { type: 'package.refund_failed', lot: lotSnapshot, refund: failed, credits: { restored } }, now);
  }
}

/** Whether another refund of the same payment already succeeded (and so already told of the revoke). */
async function othersSucceeded(tx: Tx, refund: RefundRow): Promise<boolean> {
  const rows = await tx
    .select({ id: refunds.id })
    .from(refunds)
    .where(and(eq(refunds.paymentId, refund.paymentId), ne(refunds.id, refund.id), eq(refunds.status, 'succeeded')))
    .limit(1);
  return rows.length > 0;
}
