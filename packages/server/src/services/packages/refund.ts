import type { PackagePurchaseRefund, PackagePurchaseRefundCreate } from '@slotwise/sdk/contract';
import { and, desc, eq } from 'drizzle-orm';
import type { ServiceDeps } from '../deps.js';
import { packagePurchases, packages, payments, refunds, type SpecialistRow } from '../../db/schema.js';
import { ServiceError, writeContention } from '../errors.js';
import { t } from '../messages/index.js';
import { guardedBatch, optimistic, RETRY } from '../../db/batch.js';
import { booksStill, readBooks, refundedSoFarIn } from '../payments/books.js';
import { queueRefundIn, revokedIn } from '../payments/money-steps.js';
import { issueDueRefunds } from '../payments/refunds.js';
import { revokedOf } from './revoke.js';
import { asSpecialistSees } from './sales.js';

/**
 * A specialist refunds one of their customers' purchases from Slotwise: `amount` (default: all
 * that is left) goes back through the payments port, and the unspent credits are taken back once
 * the provider has created the refund — by `issueDueRefunds`, the one place a refund is issued,
 * which revokes them (`payments/money-steps.ts` `revokeIn`), the same revoke a `charge.refunded` webhook leads to. So a
 * second refund, or Stripe's webhook afterwards, revokes nothing more and `package.refunded` is
 * sent once.
 *
 * The checks and the queued refund are one guarded batch on the payment's books (`payments/books.ts`):
 * a refund queued meanwhile makes it refuse and check again, so two concurrent refunds cannot both
 * take the rest. The provider is called after it commits; a refusal it will never accept marks the refund
 * `failed` (it no longer counts) and answers `payment_provider_error` with the credits kept; a
 * provider that cannot be reached leaves it `pending` for the scheduler's retries, answered as such.
 */
export async function refundPurchase(
  deps: ServiceDeps,
  specialist: SpecialistRow,
  purchaseId: string,
  body: PackagePurchaseRefundCreate,
): Promise<PackagePurchaseRefund> {
  const now = deps.clock();
  const { database } = deps;
  const db = database.db;
  const queued = await optimistic(
    database,
    specialist.id,
    async () => {
      const [purchase] = await db
        .select()
        .from(packagePurchases)
        .where(and(eq(packagePurchases.id, purchaseId), eq(packagePurchases.specialistId, specialist.id)));
      if (!purchase) throw new ServiceError('purchase_not_found', t('purchase_not_found', { id: purchaseId }));
      const [latest] = await db.select({ id: payments.id }).from(payments).where(eq(payments.packagePurchaseId, purchase.id)).orderBy(desc(payments.createdAt)).limit(1);
      const books = latest ? await readBooks(db, latest.id) : undefined;
      if (!books || books.payment.status !== 'succeeded') throw new ServiceError('purchase_not_paid', t('purchase_not_paid'));
      const { payment } = books;
      const left = payment.amount - refundedSoFarIn(books).amount;
      if (left <= 0) throw new ServiceError('purchase_already_refunded', t('purchase_already_refunded'));
      const amount = body.amount ?? left;
      if (amount > left) {
        throw new ServiceError('refund_amount_too_large', t('refund_amount_too_large', { left, currency: payment.currency }), {
          errors: [{ field: 'body.amount', message: t('refund_amount_too_large.field', { left }) }],
        });
      }
      const revokedBefore = revokedIn(books);
      const refund = queueRefundIn(books, amount, body.reason ?? 'specialist', now)!;
      return (await guardedBatch(database, booksStill(books), books.queries)) ? { refund, payment, revokedBefore } : RETRY;
    },
    writeContention,
  );

  await issueDueRefunds(deps, now, queued.payment.id);
  const [refund] = await db.select().from(refunds).where(eq(refunds.id, queued.refund.id));
  if (refund!.status === 'failed') throw new ServiceError('payment_provider_error', t('payment_provider_error.refund'));
  const [row] = await db
    .select({ purchase: packagePurchases, packageName: packages.name })
    .from(packagePurchases)
    .innerJoin(packages, eq(packages.id, packagePurchases.packageId))
    .where(eq(packagePurchases.id, purchaseId));
  const [purchase] = await asSpecialistSees(db, [row!], now);
  return {
    refund: { amount: refund!.amount, currency: queued.payment.currency, status: refund!.status },
    revoked: (await revokedOf(db, purchaseId)) - queued.revokedBefore,
    purchase: purchase!,
  };
}
