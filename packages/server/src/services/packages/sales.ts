import type { ServiceDeps } from '../deps.js';
import type { PackagePurchaseList, SpecialistPackagePurchase } from '@slotwise/sdk/contract';
import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { Drizzle, Tx } from '../../db/client.js';
import { packagePurchases, packages, type PackagePurchaseRow, type SpecialistRow } from '../../db/schema.js';
import { isExpired, remaining } from '../../domain/credits.js';
import { isoInstant } from '../../domain/civil.js';
import { ServiceError } from '../errors.js';
import { paymentsOfPurchases } from '../payments/records.js';
import { lotsOfPurchases } from './credits.js';
import { toPurchase } from './purchases.js';
import { t } from '../messages/index.js';

type Reader = Drizzle | Tx;

/** The caller's customers' purchases, newest first, with their payment and what is left of the credits. */
export async function listMyPurchases(
  deps: ServiceDeps,
  specialist: SpecialistRow,
  query: { limit: number; starting_after?: string | undefined },
): Promise<PackagePurchaseList> {
  const db = deps.database.db;
  const now = deps.clock();
  const conditions = [eq(packagePurchases.specialistId, specialist.id)];
  if (query.starting_after) {
    const [cursor] = await db
      .select()
      .from(packagePurchases)
      .where(and(eq(packagePurchases.id, query.starting_after), eq(packagePurchases.specialistId, specialist.id)));
    if (!cursor) {
      throw new ServiceError('invalid_request', t('invalid_request.cursor_purchase', { id: query.starting_after }), {
        errors: [{ field: 'query.starting_after', message: t('invalid_request.cursor_purchase_field') }],
      });
    }
    conditions.push(or(lt(packagePurchases.createdAt, cursor.createdAt), and(eq(packagePurchases.createdAt, cursor.createdAt), lt(packagePurchases.id, cursor.id)))!);
  }
  const rows = await db
    .select({ purchase: packagePurchases, packageName: packages.name })
    .from(packagePurchases)
    .innerJoin(packages, eq(packages.id, packagePurchases.packageId))
    .where(and(...conditions))
    .orderBy(desc(packagePurchases.createdAt), desc(packagePurchases.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return { data: await asSpecialistSees(db, page, now), hasMore: rows.length > query.limit };
}

/** Purchases as the specialist sees them: with the customer's name, the payment and what is left of the credits. */
export async function asSpecialistSees(
  db: Reader,
  page: readonly { purchase: PackagePurchaseRow; packageName: string }[],
  now: number,
): Promise<SpecialistPackagePurchase[]> {
  const paid = await paymentsOfPurchases(db, page.map((r) => r.purchase.id));
  const lots = await lotsOfPurchases(db, page.map((r) => r.purchase));
  return page.map(({ purchase, packageName }) => {
    const lot = lots.find((l) => l.purchase.id === purchase.id);
    return {
      ...toPurchase(purchase, packageName),
      customerName: purchase.customerName,
      payment: paid.get(purchase.id) ?? null,
      credits: lot ? { granted: lot.granted, remaining: remaining(lot, now), expiresAt: isoInstant(lot.expiresAt), expired: isExpired(lot, now) } : null,
    };
  });
}
