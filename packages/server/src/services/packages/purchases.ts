import type { PackagePurchase, PackagePurchaseCreate, PackagePurchaseCreated } from '@slotwise/sdk/contract';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { assertAccepting, assertTakesMoney } from '../catalog/standing.js';
import { originAllowed } from '../catalog/catalog.js';
import type { ServiceDeps } from '../deps.js';
import type { Drizzle, Tx } from '../../db/client.js';
import type { Query } from '../../db/shaped.js';
import { guardedBatch, optimistic, RETRY } from '../../db/batch.js';
import { creditLedger, packagePurchases, packages, payments, services, specialists, type PackagePurchaseRow, type PackageRow } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';
import { ServiceError, writeContention } from '../errors.js';
import { hashToken, newId, newSecretToken } from '../ids.js';
import { chargeFor, paymentValues, payThen, priceChanged, sameCharge } from '../payments/checkout.js';
import { grantRows } from './credits.js';
import { packageEventQuery } from './outbox.js';
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
 * sold) and, for a priced package, its payment row in one guarded batch (`db/batch.ts`) — the
 * provider's PaymentIntent created just before it (`payThen`), the same checkout as a priced booking,
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

  /** What is for sale, read again in each try: the package, its seller, the charge. */
  const offer = async (db: Reader) => {
    const [found] = await db
      .select({ pkg: packages, specialist: specialists })
      .from(packages)
      .innerJoin(specialists, eq(specialists.id, packages.specialistId))
      .where(and(eq(packages.id, id), eq(packages.active, true)));
    if (!found) throw notOnSale(id);
    const { pkg, specialist } = found;
    assertAccepting(specialist);
    if (ctx.origin && !originAllowed(specialist, ctx.origin)) {
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
  type Offer = Awaited<ReturnType<typeof offer>>;
  /** The purchase row as it will be stored: the package's terms copied, as sold. */
  const purchaseRow = ({ pkg, specialist }: Offer, status: PackagePurchaseRow['status']): PackagePurchaseRow => ({
    id: purchaseId,
    packageId: pkg.id,
    specialistId: specialist.id,
    customerEmail: email,
    customerName: input.customer.name,
    customerTimeZone: input.customer.timeZone,
    customerLocale: input.customer.locale ?? 'en',
    status,
    accessTokenHash,
    sessionCount: pkg.sessionCount,
    validityDays: pkg.validityDays,
    serviceIds: pkg.serviceIds,
    price: pkg.price,
    currency: pkg.currency,
    createdAt: now,
  });
  const { database } = deps;
  const db = database.db;
  /**
   * One try: the offer read again, then the purchase (with its grant, or its payment row) in one
   * guarded batch behind `saleStill` — the package's terms and, for a free one, no other claim.
   */
  const buy = (write: (found: Offer) => { row: PackagePurchaseRow; queries: Query[] }) =>
    optimistic(
      database,
      first.specialist.id,
      async () => {
        const found = await offer(db);
        const { row, queries } = write(found);
        return (await guardedBatch(database, saleStill(found.pkg, email, !found.charge), queries)) ? row : RETRY;
      },
      writeContention,
    );

  const first = await offer(db);
  if (!first.charge) {
    const purchase = await buy((found) => {
      if (found.charge) throw priceChanged();
      const row = purchaseRow(found, 'paid');
      const { entry, happened } = grantRows(row, now);
      return { row, queries: [db.insert(packagePurchases).values(row), db.insert(creditLedger).values(entry), packageEventQuery(db, row, found.pkg.name, happened, now)] };
    });
    return { purchase: toPurchase(purchase, first.pkg.name), creditsToken, paymentSession: null };
  }
  const charge = first.charge;
  const paymentId = newId('pay');
  const { result: purchase, intent } = await payThen(
    deps,
    charge,
    {
      key: `package-purchase-${purchaseId}`,
      paymentId,
      specialistId: first.specialist.id,
      description: `${first.pkg.name} (${first.pkg.sessionCount} sessions)`,
      metadata: { package_purchase_id: purchaseId },
    },
    (created) =>
      buy((found) => {
        if (!found.charge || !sameCharge(found.charge, charge)) throw priceChanged();
        const row = purchaseRow(found, 'pending');
        const payment = paymentValues(charge, { id: paymentId, specialistId: found.specialist.id, intentId: created.id, mode: deps.payments.mode, packagePurchaseId: row.id }, now);
        return { row, queries: [db.insert(packagePurchases).values(row), db.insert(payments).values(payment)] };
      }),
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

/**
 * The guard of a purchase: the package is still on sale on the terms read (price, sessions,
 * validity, services) and, for a free one, `email` has still not claimed it — two claims at once
 * on two servers: the second is refused, reads again and answers `package_already_claimed`.
 */
function saleStill(pkg: PackageRow, email: string, free: boolean): SQL {
  const terms = sql`exists (select 1 from ${packages} where ${packages.id} = ${pkg.id} and ${packages.active} = 1 and ${packages.price} = ${pkg.price} and ${packages.sessionCount} = ${pkg.sessionCount} and ${packages.validityDays} = ${pkg.validityDays} and ${packages.serviceIds} = ${JSON.stringify(pkg.serviceIds)})`;
  if (!free) return terms;
  const claimed = sql`exists (select 1 from ${packagePurchases} where ${packagePurchases.packageId} = ${pkg.id} and ${packagePurchases.customerEmail} = ${email} and ${packagePurchases.status} = 'paid')`;
  return and(terms, sql`not ${claimed}`)!;
}
