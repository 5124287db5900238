import type { PackagePurchaseState } from '@slotwise/sdk/contract';
import { asc, eq } from 'drizzle-orm';
import { packagePurchases, packages, payments } from '../../db/schema.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError } from '../errors.js';
import { mailEnabled } from '../mail/recipients.js';
import { t } from '../messages/index.js';
import { applyNow } from '../payments/intents.js';
import type { ProviderPaymentIntent } from '../payments/port.js';
import { creditBalance } from './balance.js';
import { purchaseByToken } from './credits.js';
import { toPurchase } from './purchases.js';

/**
 * `POST /v1/package-purchases/{id}/payment/sync`: reads the purchase's payment from the provider
 * and applies it — the purchase's twin of `syncBookingPayment`, so a lost webhook never leaves a
 * paid purchase pending. Only what the provider answers counts, and `applyIntent` grants the
 * credits once however many syncs and webhooks arrive. The credits token must be this purchase's
 * own: another purchase's id is the same 404 as a wrong token. A free purchase (no payment) is
 * answered as it is.
 */
export async function syncPurchasePayment(deps: ServiceDeps, purchaseId: string, tokenHash: string): Promise<PackagePurchaseState> {
  const db = deps.database.db;
  const purchase = await purchaseByToken(db, tokenHash);
  if (purchase.id !== purchaseId) throw new ServiceError('credits_not_found', t('credits_not_found.purchase'));
  const [payment] = await db.select().from(payments).where(eq(payments.packagePurchaseId, purchase.id)).orderBy(asc(payments.createdAt)).limit(1);
  if (payment?.providerPaymentId && purchase.status === 'pending') {
    let intent: ProviderPaymentIntent;
    try {
      intent = await deps.payments.retrievePaymentIntent(payment.providerPaymentId);
    } catch (error) {
      deps.logError(error);
      throw new ServiceError('payment_provider_error', t('payment_provider_error.purchase'));
    }
    await applyNow(deps, payment, intent, deps.clock());
  }
  const [row] = await db
    .select({ purchase: packagePurchases, name: packages.name })
    .from(packagePurchases)
    .innerJoin(packages, eq(packages.id, packagePurchases.packageId))
    .where(eq(packagePurchases.id, purchase.id));
  const status = row!.purchase.status;
  const email = !mailEnabled(deps) ? 'off' : status === 'paid' ? 'queued' : 'on_payment';
  return { purchase: toPurchase(row!.purchase, row!.name), credits: await creditBalance(deps, tokenHash), notifications: { email } };
}
