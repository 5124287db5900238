import { and, eq, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Query } from '../../db/shaped.js';
import type { ServiceDeps } from '../deps.js';
import { writeContention } from '../errors.js';
import type { Drizzle, Tx } from '../../db/client.js';
import { payments, refunds, type PaymentRow, type RefundRow } from '../../db/schema.js';
import { feeRefund } from '../../domain/money.js';
import { newId } from '../ids.js';
import { PaymentsError } from './payments-error.js';
import type { ProviderRefund, RefundReason } from './port.js';
import { guardedBatch, optimistic, RETRY } from '../../db/batch.js';
import { booksStill, readBooks, setRefund } from './books.js';
import { recomputeIn, refundOutcomeIn, revokedIn, revokeIn } from './money-steps.js';
import { refundStatusOf } from './refund-events.js';

const STRIPE_REASONS: ReadonlySet<string> = new Set<RefundReason>(['requested_by_customer', 'duplicate', 'fraudulent']);
const isStripeReason = (reason: RefundRow['reason']): reason is RefundReason => STRIPE_REASONS.has(reason);

/** Retries back off from one minute to six hours; a refund is never given up on silently. */
const backoff = (attempts: number) => Math.min(60_000 * 2 ** (attempts - 1), 6 * 3_600_000);

/**
 * Records a refund of `amount` to issue, with its proportional share of the platform fee, in
 * the caller's transaction (so a cancellation and its refund commit together). The provider is
 * called afterwards by `issueDueRefunds`, outside any transaction.
 */
export async function queueRefund(tx: Tx, payment: PaymentRow, amount: number, reason: RefundRow['reason'], now: number): Promise<RefundRow | undefined> {
  const { amount: refunded, fee: feeBack } = await refundedSoFar(tx, payment.id);
  const capped = Math.min(amount, payment.amount - refunded);
  if (capped <= 0) return undefined;
  const [row] = await tx
    .insert(refunds)
    .values({
      id: newId('rf'),
      paymentId: payment.id,
      amount: capped,
      feeAmount: feeRefund(payment.feeAmount, payment.amount, capped, feeBack, refunded),
      reason,
      status: 'pending',
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row;
}

/**
 * `queueRefund` as a guarded batch's statement (`db/batch.ts`): the same capped amount and fee
 * share, computed from what `refundedSoFar` reads now, as an unexecuted insert on `db` (none when
 * nothing is left to refund), and `still` — true while the payment's refunds add up to what was
 * read — for the batch's guard, so two batches can never both refund the same money.
 */
export async function queueRefundQueries(db: Drizzle, payment: PaymentRow, amount: number, reason: RefundRow['reason'], now: number) {
  const soFar = await refundedSoFar(db, payment.id);
  const still = refundsStill(payment.id, soFar);
  const capped = Math.min(amount, payment.amount - soFar.amount);
  if (capped <= 0) return { refund: undefined, queries: [] as Query[], still };
  const refund = {
    id: newId('rf'),
    paymentId: payment.id,
    amount: capped,
    feeAmount: feeRefund(payment.feeAmount, payment.amount, capped, soFar.fee, soFar.amount),
    reason,
    status: 'pending' as const,
    nextAttemptAt: now,
    createdAt: now,
    updatedAt: now,
  };
  return { refund, queries: [db.insert(refunds).values(refund)] as Query[], still };
}

/** The guard's condition for `refundedSoFar`: the payment's refunds issued or being issued still add up to `soFar`. */
const refundsStill = (paymentId: string, soFar: { amount: number; fee: number }): SQL =>
  sql`(select coalesce(sum(${refunds.amount}), 0) = ${soFar.amount} and coalesce(sum(${refunds.feeAmount}), 0) = ${soFar.fee} from ${refunds} where ${refunds.paymentId} = ${paymentId} and ${refunds.status} in ('pending', 'succeeded'))`;

/** What the refunds of a payment issued or being issued add up to (a failed one gave nothing back), and their share of the fee. */
export async function refundedSoFar(tx: Drizzle | Tx, paymentId: string): Promise<{ amount: number; fee: number }> {
  const existing = await tx.select().from(refunds).where(and(eq(refunds.paymentId, paymentId), inArray(refunds.status, ['pending', 'succeeded'])));
  return { amount: existing.reduce((sum, r) => sum + r.amount, 0), fee: existing.reduce((sum, r) => sum + r.feeAmount, 0) };
}

/**
 * Records what the provider answered for a refund it has just created, as one guarded batch on a
 * fresh snapshot of the payment's books each try (`books.ts`) — re-read because the provider's
 * webhook may have told of this refund while it was being created: its status and id, the
 * purchase's unspent credits taken back (Slotwise refunds a purchase only when its specialist asks,
 * `packages/refund.ts`, and that refund revokes as soon as the provider has created it), the
 * refunded totals, and the purchase's refund outcome, told once.
 */
async function recordIssued(deps: ServiceDeps, refund: RefundRow, payment: PaymentRow, result: ProviderRefund, now: number): Promise<void> {
  const { database } = deps;
  const status = refundStatusOf(result);
  await optimistic(
    database,
    payment.specialistId,
    async () => {
      const books = (await readBooks(database.db, payment.id))!;
      const before = books.refunds.find((r) => r.id === refund.id)?.status;
      const revokedBefore = revokedIn(books);
      setRefund(books, refund.id, { status, providerRefundId: result.id, attempts: refund.attempts + 1, nextAttemptAt: null, lastError: null, updatedAt: now });
      if (books.purchase && status !== 'failed') revokeIn(books, now);
      recomputeIn(books, now);
      if (books.purchase) refundOutcomeIn(books, refund.id, before, revokedBefore, now);
      return (await guardedBatch(database, booksStill(books), books.queries)) ? true : RETRY;
    },
    writeContention,
  );
}

/**
 * Sends every due refund to the provider, each with an idempotency key derived from the refund,
 * so a retry after a lost answer refunds once. Retryable failures are tried again with backoff;
 * a refusal the provider will never accept is marked `failed` and logged for a person to see.
 * @returns how many were issued now.
 */
export async function issueDueRefunds(deps: ServiceDeps, now: number, paymentId?: string): Promise<number> {
  const { database } = deps;
  const due = await database.db
    .select({ refund: refunds, payment: payments })
    .from(refunds)
    .innerJoin(payments, eq(payments.id, refunds.paymentId))
    .where(and(eq(refunds.status, 'pending'), isNotNull(refunds.nextAttemptAt), lte(refunds.nextAttemptAt, now), paymentId ? eq(refunds.paymentId, paymentId) : undefined));
  let issued = 0;
  for (const { refund, payment } of due) {
    try {
      const result = await deps.payments.createRefund({
        paymentIntent: payment.providerPaymentId!,
        amount: refund.amount,
        reverseTransfer: payment.destinationAccount !== null,
        refundApplicationFee: payment.feeAmount > 0,
        ...(isStripeReason(refund.reason) ? { reason: refund.reason } : {}),
        metadata: { refund_id: refund.id, payment_id: payment.id, ...(payment.bookingId ? { booking_id: payment.bookingId } : {}) },
        idempotencyKey: `refund-${refund.id}`,
      });
      await recordIssued(deps, refund, payment, result, now);
      issued++;
    } catch (error) {
      const retryable = !(error instanceof PaymentsError) || error.retryable;
      const attempts = refund.attempts + 1;
      // One statement, no read behind it: a batch of one.
      await database.batch([
        database.db
          .update(refunds)
          .set({
            attempts,
            lastError: error instanceof Error ? error.message : String(error),
            status: retryable ? 'pending' : 'failed',
            nextAttemptAt: retryable ? now + backoff(attempts) : null,
            updatedAt: now,
          })
          .where(eq(refunds.id, refund.id)),
      ]);
      deps.logError(new Error(`refund ${refund.id} of payment ${payment.id} failed (attempt ${attempts}, ${retryable ? 'will retry' : 'needs attention'})`, { cause: error }));
    }
  }
  return issued;
}
