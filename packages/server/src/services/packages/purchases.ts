import type { PackagePurchase, PackagePurchaseCreate, PackagePurchaseCreated } from '@slotwise/sdk/contract';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { assertAccepting, assertTakesMoney } from '../catalog/standing.js';
import type { ServiceDeps } from '../deps.js';
import type { Drizzle, Tx } from '../../db/client.js';
import { packagePurchases, packages, services, specialists, type PackagePurchaseRow } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';
import { ServiceError } from '../errors.js';
import { hashToken, newId, newSecretToken } from '../ids.js';
import { chargeFor, insertPayment, payThenWrite, priceChanged, sameCharge } from '../payments/checkout.js';
import { grantPurchase } from './credits.js';
import { t } from '../messages/index.js';

type Reader = Drizzle | Tx;

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

const notOnSale = (id: string) => new ServiceError('package_not_found', t('package_not_found.for_sale', { id }));

/**
 * Buys package `id` for `input.customer`: the purchase (with the package's terms copied, as
 * sold) and, for a priced package, its payment row in one write transaction — the provider's
 * PaymentIntent created just before it (`payThenWrite`), the same checkout as a priced booking,
 * with nothing held: a provider failure stores nothing. The credits come from the webhook once
 * the payment succeeds; a free package grants them at once (one claim per email). The credits
 * token is returned here only: just its hash is stored.
 */
export async function purchasePackage(
  deps: ServiceDeps,
  id: string,
  input: z.output<typeof PackagePurchaseCreate>,
  ctx: { origin?: string | undefined },
): Promise<PackagePurchaseCreated> {
  const now = deps.clock();
  const creditsToken = newSecretToken('crt');
  const accessTokenHash = await hashToken(creditsToken);
  const email = input.customer.email.toLowerCase();
  const purchaseId = newId('pp');

  /** What is for sale, read again in the write: the package, its seller, the charge. */
  const offer = async (db: Reader) => {
    const [found] = await db
      .select({ pkg: packages, specialist: specialists })
      .from(packages)
      .innerJoin(specialists, eq(specialists.id, packages.specialistId))
      .where(and(eq(packages.id, id), eq(packages.active, true)));
    if (!found) throw notOnSale(id);
    const { pkg, specialist } = found;
    assertAccepting(specialist);
    if (ctx.origin && specialist.allowedOrigins.length > 0 && !specialist.allowedOrigins.includes(ctx.origin)) {
      throw new ServiceError('origin_not_allowed', t('origin_not_allowed.package', { origin: ctx.origin, name: specialist.name }));
    }
    const offered = await db
      .select({ id: services.id })
      .from(services)
      .where(and(inArray(services.id, pkg.serviceIds), eq(services.specialistId, specialist.id), eq(services.active, true)));
    if (offered.length === 0) throw notOnSale(id); // nothing its credits could book any more
    if (pkg.price > 0) await assertTakesMoney(db, specialist);
    const charge = pkg.price > 0 ? await chargeFor(db, specialist, pkg.price, pkg.currency, email) : undefined;
    if (!charge) await assertFirstClaim(db, pkg.id, email);
    return { pkg, specialist, charge };
  };
  const insertPurchase = async (tx: Tx, found: Awaited<ReturnType<typeof offer>>) => {
    const { pkg, specialist } = found;
    const [purchase] = await tx
      .insert(packagePurchases)
      .values({
        id: purchaseId,
        packageId: pkg.id,
        specialistId: specialist.id,
        customerEmail: email,
        customerName: input.customer.name,
        customerTimeZone: input.customer.timeZone,
        ...(input.customer.locale ? { customerLocale: input.customer.locale } : {}),
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
    return purchase!;
  };

  const first = await offer(deps.database.db);
  if (!first.charge) {
    const purchase = await deps.database.write(async (tx) => {
      const found = await offer(tx);
      if (found.charge) throw priceChanged();
      const row = await insertPurchase(tx, found);
      await grantPurchase(tx, row.id, now);
      return { ...row, status: 'paid' as const };
    });
    return { purchase: toPurchase(purchase, first.pkg.name), creditsToken, paymentSession: null };
  }
  const charge = first.charge;
  const paymentId = newId('pay');
  const { result: purchase, intent } = await payThenWrite(
    deps,
    charge,
    {
      key: `package-purchase-${purchaseId}`,
      paymentId,
      specialistId: first.specialist.id,
      description: `${first.pkg.name} (${first.pkg.sessionCount} sessions)`,
      metadata: { package_purchase_id: purchaseId },
    },
    async (tx, created) => {
      const found = await offer(tx);
      if (!found.charge || !sameCharge(found.charge, charge)) throw priceChanged();
      const row = await insertPurchase(tx, found);
      await insertPayment(tx, charge, { id: paymentId, specialistId: found.specialist.id, intentId: created.id, mode: deps.payments.mode, packagePurchaseId: row.id }, now);
      return row;
    },
  );
  return {
    purchase: toPurchase(purchase, first.pkg.name),
    creditsToken,
    paymentSession: { id: paymentId, mode: deps.payments.mode, publishableKey: deps.payments.publishableKey, clientSecret: intent.clientSecret, amount: charge.amount, currency: charge.currency },
  };
}

/** A free package can be claimed once per email address. */
async function assertFirstClaim(tx: Reader, packageId: string, email: string): Promise<void> {
  const [claimed] = await tx
    .select({ id: packagePurchases.id })
    .from(packagePurchases)
    .where(and(eq(packagePurchases.packageId, packageId), eq(packagePurchases.customerEmail, email), eq(packagePurchases.status, 'paid')))
    .limit(1);
  if (claimed) {
    throw new ServiceError('package_already_claimed', t('package_already_claimed', { email }), {
      errors: [{ field: 'body.customer.email', message: t('package_already_claimed.field') }],
    });
  }
}
