import { and, eq, inArray } from 'drizzle-orm';
import type { Drizzle, Tx } from '../../db/client.js';
import { creditLedger } from '../../db/schema.js';

/*
 * A refunded purchase's unspent credits are taken back by `revoke` ledger rows and given back by
 * `restore` rows when the refund failed: written by the money steps (`payments/money-steps.ts`),
 * as part of the guarded batch that records the refund. These are the reads of them.
 */

/** A lot is revoked while its revoke rows outnumber its restore rows (a failed refund's undo). */
export function stillRevoked(entries: readonly { lotId: string; kind: string }[], lotId: string): boolean {
  const count = (kind: string) => entries.filter((e) => e.lotId === lotId && e.kind === kind).length;
  return count('revoke') > count('restore');
}

/** Whether `lotId` is revoked: a credit a cancellation would give back to it stays taken. */
export async function isRevoked(tx: Drizzle | Tx, lotId: string): Promise<boolean> {
  const rows = await tx
    .select({ lotId: creditLedger.lotId, kind: creditLedger.kind })
    .from(creditLedger)
    .where(and(eq(creditLedger.lotId, lotId), inArray(creditLedger.kind, ['revoke', 'restore'])));
  return stillRevoked(rows, lotId);
}

/** How many of the purchase's credits are revoked now: what revokes took, less what restores gave back. */
export async function revokedOf(db: Drizzle | Tx, purchaseId: string): Promise<number> {
  const rows = await db
    .select({ delta: creditLedger.delta })
    .from(creditLedger)
    .where(and(eq(creditLedger.packagePurchaseId, purchaseId), inArray(creditLedger.kind, ['revoke', 'restore'])));
  return rows.reduce((sum, r) => sum - r.delta, 0);
}
