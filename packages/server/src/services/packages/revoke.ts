import { and, eq, inArray } from 'drizzle-orm';
import type { Drizzle, Tx } from '../../db/client.js';
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
 * A lot whose revoke was undone (`restore`, its refund failed) can be revoked again by a later refund.
 * @returns how many credits were revoked now.
 */
export async function revokePurchaseCredits(tx: Tx, purchaseId: string, now: number): Promise<number> {
  const [purchase] = await tx.select().from(packagePurchases).where(eq(packagePurchases.id, purchaseId));
  if (!purchase) return 0;
  const entries = await tx.select().from(creditLedger).where(eq(creditLedger.packagePurchaseId, purchase.id));
  const done = new Set(entries.filter((e) => e.kind === 'revoke' && stillRevoked(entries, e.lotId)).map((e) => e.lotId));
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

/** A lot is revoked while its revoke rows outnumber its restore rows (a failed refund's undo). */
function stillRevoked(entries: readonly { lotId: string; kind: string }[], lotId: string): boolean {
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

/**
 * Gives back what the revokes of a purchase took when the refund behind them failed at the
 * provider: one `restore` row (+exactly what the lot's revoke took) per lot still revoked. Credits
 * spent before the refund were never revoked, so they stay spent with their bookings; nothing else
 * of the lot is touched. An expired lot gets its rows too, and stays unspendable (`remaining`).
 * @returns how many credits came back.
 */
export async function restorePurchaseCredits(tx: Tx, purchaseId: string, now: number): Promise<number> {
  const entries = await tx.select().from(creditLedger).where(eq(creditLedger.packagePurchaseId, purchaseId));
  let restored = 0;
  for (const lot of lotsOf(entries)) {
    if (!stillRevoked(entries, lot.id)) continue;
    const took = entries.filter((e) => e.lotId === lot.id && e.kind === 'revoke').at(-1)!;
    await tx.insert(creditLedger).values({
      id: newId('cr'),
      lotId: lot.id,
      kind: 'restore',
      delta: -took.delta,
      specialistId: took.specialistId,
      customerEmail: took.customerEmail,
      packagePurchaseId: purchaseId,
      at: now,
    });
    restored -= took.delta;
  }
  return restored;
}
