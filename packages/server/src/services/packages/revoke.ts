import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { creditLedger, packagePurchases } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';
import { lotsOf } from '../../domain/credits.js';
import { newId } from '../ids.js';
import { recordPackageEvent } from './outbox.js';

/**
 * Takes back what is left of a refunded purchase's credits, in the transaction that records the
 * refund: one `revoke` row (−rest, 0 when nothing was left) per lot, and a `package.refunded`
 * outbox event for the specialist's webhooks. Spent credits stay spent (their bookings keep them);
 * an expired lot's rest was already written off. Once per lot: the revoke row is the mark, so a
 * second refund event writes nothing, and a later cancellation gives nothing back (`isRevoked`).
 * @returns how many credits were revoked now.
 */
export async function revokePurchaseCredits(tx: Tx, purchaseId: string, now: number): Promise<number> {
  const [purchase] = await tx.select().from(packagePurchases).where(eq(packagePurchases.id, purchaseId));
  if (!purchase) return 0;
  const entries = await tx.select().from(creditLedger).where(eq(creditLedger.packagePurchaseId, purchase.id));
  const done = new Set(entries.filter((e) => e.kind === 'revoke').map((e) => e.lotId));
  let revoked = 0;
  for (const lot of lotsOf(entries)) {
    if (done.has(lot.id)) continue;
    const rest = Math.max(0, lot.sum);
    await tx.insert(creditLedger).values({
      id: newId('cr'),
      lotId: lot.id,
      kind: 'revoke',
      delta: -rest,
      specialistId: purchase.specialistId,
      customerEmail: purchase.customerEmail,
      packagePurchaseId: purchase.id,
      at: now,
    });
    await recordPackageEvent(tx, purchase, { type: 'package.refunded', lot: { id: lot.id, granted: lot.granted, expiresAt: isoInstant(lot.expiresAt) }, revoked: rest }, now);
    revoked += rest;
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
