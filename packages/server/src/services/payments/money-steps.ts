import type { RefundRow } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';
import { lotsOf } from '../../domain/credits.js';
import { grantRows } from '../packages/credits.js';
import { newId } from '../ids.js';
import { stillRevoked } from '../packages/revoke.js';
import { addEntry, addRefund, feeShare, refundedSoFarIn, setPayment, setPurchaseStatus, tellPackage, type Books } from './books.js';

/**
 * The money steps of a payment on its books (`books.ts`): each reads the books as the steps before
 * it left them and appends its statements, so a sequence of them is what one write transaction
 * did, written as one guarded batch. Queue a refund (the batch form of `queueRefund`), grant or
 * cancel a purchase, revoke and restore its credits, re-add the refunded totals, tell a refund's
 * outcome. A revoke or restore is a ledger row per lot: spent credits stay spent with their
 * bookings, a revoked lot gives nothing back to a later cancellation (`packages/revoke.ts`
 * `isRevoked`), and a restore undoes exactly what the lot's last revoke took.
 */

/**
 * Marks the purchase paid and opens its lot with `package.purchased`, unless it is paid already
 * (a duplicate or reordered event grants nothing). @returns whether credits were granted now.
 */
export function grantIn(books: Books, now: number): boolean {
  const before = books.purchase;
  if (!before || before.status === 'paid') return false;
  const { entry, happened } = grantRows(before, now);
  setPurchaseStatus(books, 'paid');
  addEntry(books, entry);
  tellPackage(books, happened, now);
  return true;
}

/** A purchase whose payment will never succeed is cancelled; a paid one stays paid. */
export function cancelIn(books: Books): void {
  if (books.purchase?.status === 'pending') setPurchaseStatus(books, 'canceled');
}

/** Queues a refund of `amount` (capped at what is left), with its share of the fee. */
export function queueRefundIn(books: Books, amount: number, reason: RefundRow['reason'], now: number): RefundRow | undefined {
  const capped = Math.min(amount, books.payment.amount - refundedSoFarIn(books).amount);
  if (capped <= 0) return undefined;
  const feeAmount = feeShare(books, capped);
  return addRefund(books, {
    id: newId('rf'), paymentId: books.payment.id, amount: capped, feeAmount, reason, status: 'pending', providerRefundId: null, attempts: 0, nextAttemptAt: now, lastError: null, createdAt: now, updatedAt: now,
  });
}

/** How many of the purchase's credits are revoked now: what revokes took, less what restores gave back. */
export const revokedIn = (books: Books): number =>
  books.entries.filter((e) => e.kind === 'revoke' || e.kind === 'restore').reduce((sum, e) => sum - e.delta, 0);

/**
 * Takes back what is left of each lot not revoked already (one `revoke` row, −rest, possibly 0) and
 * tells `package.refunded` for it. Spent credits stay spent. @returns how many were revoked.
 */
export function revokeIn(books: Books, now: number): number {
  const purchase = books.purchase;
  if (!purchase) return 0;
  let revoked = 0;
  for (const lot of lotsOf(books.entries)) {
    if (stillRevoked(books.entries, lot.id)) continue;
    const rest = Math.max(0, lot.sum);
    addEntry(books, { id: newId('cr'), lotId: lot.id, kind: 'revoke', delta: -rest, specialistId: purchase.specialistId, customerEmail: purchase.customerEmail, packagePurchaseId: purchase.id, at: now });
    tellPackage(books, { type: 'package.refunded', lot: { id: lot.id, granted: lot.granted, expiresAt: isoInstant(lot.expiresAt) }, revoked: rest }, now);
    revoked += rest;
  }
  return revoked;
}

/** Gives back exactly what each still-revoked lot's last revoke took (its refund failed). @returns how many. */
export function restoreIn(books: Books, now: number): number {
  let restored = 0;
  for (const lot of lotsOf(books.entries)) {
    if (!stillRevoked(books.entries, lot.id)) continue;
    const took = books.entries.filter((e) => e.lotId === lot.id && e.kind === 'revoke').at(-1)!;
    addEntry(books, { id: newId('cr'), lotId: lot.id, kind: 'restore', delta: -took.delta, specialistId: took.specialistId, customerEmail: took.customerEmail, packagePurchaseId: took.packagePurchaseId, at: now });
    restored -= took.delta;
  }
  return restored;
}

/** Re-adds the succeeded refunds into the payment's totals; refunded in full, a purchase loses its unspent credits. */
export function recomputeIn(books: Books, now: number): void {
  const done = books.refunds.filter((r) => r.status === 'succeeded');
  const amountRefunded = done.reduce((s, r) => s + r.amount, 0);
  setPayment(books, { amountRefunded, feeRefunded: done.reduce((s, r) => s + r.feeAmount, 0), updatedAt: now });
  if (books.purchase && amountRefunded >= books.payment.amount) revokeIn(books, now);
}

/**
 * What a refund's status change (`from` → its status in the books) means for a package purchase:
 * `package.refund_issued` on success, restored credits and `package.refund_failed` on a later
 * failure — once, on the transition. `revokedBefore` is `revokedIn` before the change's revoke.
 */
export function refundOutcomeIn(books: Books, refundId: string, from: RefundRow['status'] | undefined, revokedBefore: number, now: number): void {
  const refund = books.refunds.find((r) => r.id === refundId);
  if (!books.purchase || !refund || refund.status === from) return;
  const [lot] = lotsOf(books.entries);
  if (!lot) return; // never granted (an unpaid purchase): no credits to speak of
  const lotSnapshot = { id: lot.id, granted: lot.granted, expiresAt: isoInstant(lot.expiresAt) };
  const snapshot = { id: refund.id, amount: refund.amount, currency: books.payment.currency };
  const others = books.refunds.filter((r) => r.id !== refund.id);
  if (refund.status === 'succeeded') {
    const revokedNow = revokedIn(books);
    const removed = from === 'pending' && !others.some((r) => r.status === 'succeeded') ? revokedNow : revokedNow - revokedBefore;
    const booked = -books.entries.filter((e) => e.kind === 'debit' || e.kind === 'return').reduce((sum, e) => sum + e.delta, 0);
    tellPackage(books, { type: 'package.refund_issued', lot: lotSnapshot, refund: snapshot, credits: { removed: Math.max(0, removed), booked } }, now);
  } else if (refund.status === 'failed' && from !== undefined) {
    const standing = others.some((r) => r.status === 'pending' || r.status === 'succeeded');
    const restored = standing ? 0 : restoreIn(books, now);
    tellPackage(books, { type: 'package.refund_failed', lot: lotSnapshot, refund: { ...snapshot, failureReason: refund.lastError }, credits: { restored } }, now);
  }
}
