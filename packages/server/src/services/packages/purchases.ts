import type { PackagePurchase, PackagePurchaseCreate, PackagePurchaseCreated } from '@slotwise/sdk/contract';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppDeps } from '../../app-env.js';
import type { Tx } from '../../db/client.js';
import { packagePurchases, packages, services, specialists, type PackagePurchaseRow } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';
import { ProblemError } from '../../http/problem.js';
import { hashToken, newId, newSecretToken } from '../../http/tokens.js';
import { assertCanCharge, insertPayment, openPaymentIntent } from '../payments/checkout.js';
import { cancelPurchase, grantPurchase } from './credits.js';

export function toPurchase(row: PackagePurchaseRow, packageName: string): PackagePurchase {
  return {
    id: row.id,
    status: row.status,
    package: {
      id: row.packageId,
      name: packageName,
      sessionCount: row.sessionCount,
      services: row.serviceIds,
      price: row.price,
      currency: row.currency,
      validityDays: row.validityDays,
    },
    customerEmail: row.customerEmail,
    createdAt: isoInstant(row.createdAt),
  };
}

const notOnSale = (id: string) => new ProblemError('package_not_found', `There is no package "${id}" for sale. Pick one from the specialist’s profile.`);

/**
 * Buys package `id` for `input.customer`: the purchase (with the package's terms copied, as
 * sold) and, for a priced package, its payment row in one write transaction, then the provider's
 * PaymentIntent after the commit — the same checkout as a priced booking, with nothing held.
 * The credits come from the webhook once the payment succeeds; a free package grants them at
 * once (one claim per email). The credits token is returned here only: just its hash is stored.
 */
export async function purchasePackage(
  deps: AppDeps,
  id: string,
  input: z.output<typeof PackagePurchaseCreate>,
  ctx: { origin?: string | undefined },
  now: number,
): Promise<PackagePurchaseCreated> {
  const creditsToken = newSecretToken('crt');
  const accessTokenHash = await hashToken(creditsToken);
  const email = input.customer.email.toLowerCase();

  const created = await deps.database.write(async (tx) => {
    const [found] = await tx
      .select({ pkg: packages, specialist: specialists })
      .from(packages)
      .innerJoin(specialists, eq(specialists.id, packages.specialistId))
      .where(and(eq(packages.id, id), eq(packages.active, true)));
    if (!found) throw notOnSale(id);
    const { pkg, specialist } = found;
    if (ctx.origin && specialist.allowedOrigins.length > 0 && !specialist.allowedOrigins.includes(ctx.origin)) {
      throw new ProblemError('origin_not_allowed', `${ctx.origin} is not one of ${specialist.name}'s registered sites, so it cannot sell their packages.`);
    }
    const offered = await tx
      .select({ id: services.id })
      .from(services)
      .where(and(inArray(services.id, pkg.serviceIds), eq(services.specialistId, specialist.id), eq(services.active, true)));
    if (offered.length === 0) throw notOnSale(id); // nothing its credits could book any more
    if (pkg.price > 0) assertCanCharge(specialist);
    else await assertFirstClaim(tx, pkg.id, email);

    const [purchase] = await tx
      .insert(packagePurchases)
      .values({
        id: newId('pp'),
        packageId: pkg.id,
        specialistId: specialist.id,
        customerEmail: email,
        customerName: input.customer.name,
        customerTimeZone: input.customer.timeZone,
        status: 'pending',
        accessTokenHash,
        sessionCount: pkg.sessionCount,
        validityDays: pkg.validityDays,
        serviceIds: pkg.serviceIds,
        price: pkg.price,
        currency: pkg.currency,
        createdAt: now,
      })
      .returning();
    if (pkg.price === 0) {
      await grantPurchase(tx, purchase!.id, now);
      return { purchase: { ...purchase!, status: 'paid' as const }, pkg, payment: undefined };
    }
    const payment = await insertPayment(tx, { specialist, amount: pkg.price, currency: pkg.currency, customerEmail: email, packagePurchaseId: purchase!.id }, deps.payments.mode, now);
    return { purchase: purchase!, pkg, payment };
  });

  const { purchase, pkg, payment } = created;
  if (!payment) return { purchase: toPurchase(purchase, pkg.name), creditsToken, paymentSession: null };
  // The provider is called after the commit: no I/O while the write lock is held.
  const { clientSecret } = await openPaymentIntent(
    deps,
    payment,
    {
      key: `package-purchase-${purchase.id}`,
      description: `${pkg.name} (${purchase.sessionCount} sessions)`,
      metadata: { package_purchase_id: purchase.id },
      release: (tx) => cancelPurchase(tx, purchase.id),
    },
    now,
  );
  return {
    purchase: toPurchase(purchase, pkg.name),
    creditsToken,
    paymentSession: { id: payment.id, mode: deps.payments.mode, publishableKey: deps.payments.publishableKey, clientSecret, amount: payment.amount, currency: payment.currency },
  };
}

/** A free package can be claimed once per email address. */
async function assertFirstClaim(tx: Tx, packageId: string, email: string): Promise<void> {
  const [claimed] = await tx
    .select({ id: packagePurchases.id })
    .from(packagePurchases)
    .where(and(eq(packagePurchases.packageId, packageId), eq(packagePurchases.customerEmail, email), eq(packagePurchases.status, 'paid')))
    .limit(1);
  if (claimed) {
    throw new ProblemError('package_already_claimed', `${email} has already claimed this free package; it can be claimed once per email address.`, {
      errors: [{ field: 'body.customer.email', message: 'This email has already claimed it.' }],
    });
  }
}
