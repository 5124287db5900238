import type { SQL } from 'drizzle-orm';
import { eq } from 'drizzle-orm';
import type { Query } from '../../db/shaped.js';
import type { Drizzle } from '../../db/client.js';
import { payments, type RefundRow } from '../../db/schema.js';
import { newId } from '../ids.js';
import { addRefund, booksStill, readBooks, setRefund, type Books } from './books.js';
import { recomputeIn, refundOutcomeIn, revokedIn, revokeIn } from './money-steps.js';
import type { ProviderRefund } from './port.js';

/** Slotwise's status of a refund from the provider's. */
export const refundStatusOf = (r: Pick<ProviderRefund, 'status'>): RefundRow['status'] =>
  r.status === 'succeeded' ? 'succeeded' : r.status === 'failed' || r.status === 'canceled' ? 'failed' : 'pending';

/**
 * What refunds as the provider has them now (`current`, read from it) change in Slotwise's books,
 * as the statements of one guarded batch and the conditions it needs: each refund's status (and
 * the provider's id, or a refund made in Stripe's dashboard recorded so the books add up), the
 * payment's refunded totals, a purchase's revoked credits and its refund outcome events — each
 * told once, on its transition. Refunds of payments that are not Slotwise's are skipped.
 */
export async function refundsChange(db: Drizzle, current: readonly ProviderRefund[], now: number): Promise<{ queries: Query[]; still: SQL[]; refund: false }> {
  const byPayment = new Map<string, Books>();
  // What each purchase had revoked before this event, and each refund's status before it.
  const revokedBefore = new Map<Books, number>();
  const changed: { books: Books; refundId: string; from: RefundRow['status'] | undefined }[] = [];
  for (const r of current) {
    const [payment] = await db.select({ id: payments.id }).from(payments).where(eq(payments.providerPaymentId, r.paymentIntent));
    if (!payment) continue;
    let books = byPayment.get(payment.id);
    if (!books) {
      books = (await readBooks(db, payment.id))!;
      byPayment.set(payment.id, books);
      revokedBefore.set(books, revokedIn(books));
    }
    const ours = r.metadata.refund_id;
    const known = books.refunds.find((row) => (ours ? row.id === ours : row.providerRefundId === r.id));
    const status = refundStatusOf(r);
    let refundId: string;
    if (known) {
      refundId = known.id;
      const failure = status === 'failed' ? { lastError: r.failureReason ?? 'unknown' } : {}; // Stripe's failure_reason, kept with the refund
      setRefund(books, known.id, { status, providerRefundId: r.id, nextAttemptAt: null, updatedAt: now, ...failure });
      // Slotwise's own refund of a purchase revokes once created, even when this event beats the API's answer.
      if (books.purchase && known.status === 'pending' && status !== 'failed') revokeIn(books, now);
    } else {
      refundId = newId('rf');
      addRefund(books, {
        id: refundId, paymentId: payment.id, amount: r.amount, feeAmount: 0, reason: 'specialist', status, providerRefundId: r.id, attempts: 0, nextAttemptAt: null, lastError: null, createdAt: now, updatedAt: now,
      });
    }
    if (books.purchase) changed.push({ books, refundId, from: known?.status });
  }
  for (const books of byPayment.values()) recomputeIn(books, now);
  for (const c of changed) refundOutcomeIn(c.books, c.refundId, c.from, revokedBefore.get(c.books)!, now);
  const all = [...byPayment.values()];
  return { queries: all.flatMap((b) => b.queries), still: all.map(booksStill), refund: false };
}
