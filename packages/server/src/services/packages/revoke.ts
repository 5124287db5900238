import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { creditLedger, packagePurchases } from '../../db/schema.js';
import { lotsOf } from '../../domain/credits.js';
import { newId } from '../ids.js';

/**
 * Takes back what is left of a refunded purchase's credits: one `revoke` row (−rest) per lot
 * that still has credits on it, in the transaction that records the refund. Spent credits stay
 * spent (their bookings keep them); an expired lot's rest was already written off. Idempotent:
 * a revoked lot sums to 0, so a second refund event finds nothing to take. Only a refund of the
 * whole amount revokes: a partial refund is the specialist's goodwill and leaves the credits.
 * @returns how many credits were revoked.
 */
export async function revokePurchaseCredits(tx: Tx, purchaseId: string, now: number): Promise<number> {
  const [purchase] = await tx.select().from(packagePurchases).where(eq(packagePurchases.id, purchaseId));
  if (!purchase) return 0;
  const entries = await tx.select().from(creditLedger).where(eq(creditLedger.packagePurchaseId, purchase.id));
  let revoked = 0;
  for (const lot of lotsOf(entries)) {
    if (lot.sum <= 0) continue;
    await tx.insert(creditLedger).values({
      id: newId('cr'),
      lotId: lot.id,
      kind: 'revoke',
      delta: -lot.sum,
      specialistId: purchase.specialistId,
      customerEmail: purchase.customerEmail,
      packagePurchaseId: purchase.id,
      at: now,
    });
    revoked += lot.sum;
  }
  return revoked;
}

/** Whether `lotId` was revoked: a credit a cancellation would give back to it stays taken. */
export async function isRevoked(tx: Tx, lotId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: creditLedger.id })
    .from(creditLedger)
    .where(and(eq(creditLedger.lotId, lotId), eq(creditLedger.kind, 'revoke')))
    .limit(1);
  return row !== undefined;
}
