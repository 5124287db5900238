import type { ServiceDeps } from '../deps.js';
import type { CreditBalance } from '@slotwise/sdk/contract';
import { and, eq, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Drizzle, Tx } from '../../db/client.js';
import { creditLedger, packages, specialists } from '../../db/schema.js';
import { isExpired, remaining } from '../../domain/credits.js';
import { isoInstant } from '../../domain/civil.js';
import { newId } from '../ids.js';
import { lotsOfPurchases, purchaseByToken } from './credits.js';

/** What a credits token can spend, lot by lot, soonest expiry first; a wrong token is a 404. */
export async function creditBalance(deps: ServiceDeps, tokenHash: string): Promise<CreditBalance> {
  const db = deps.database.db;
  const now = deps.clock();
  const purchase = await purchaseByToken(db, tokenHash);
  const [joined] = await db
    .select({ handle: specialists.handle, name: specialists.name, packageName: packages.name })
    .from(specialists)
    .innerJoin(packages, eq(packages.id, purchase.packageId))
    .where(eq(specialists.id, purchase.specialistId));
  const lots = (await lotsOfPurchases(db, [purchase])).sort((a, b) => a.expiresAt - b.expiresAt); // a fresh array: ours to sort
  const out = lots.map((lot) => ({
    package: { id: purchase.packageId, name: joined!.packageName },
    remaining: remaining(lot, now),
    expiresAt: isoInstant(lot.expiresAt),
    expired: isExpired(lot, now),
  }));
  return {
    customerEmail: purchase.customerEmail,
    specialist: { handle: joined!.handle, name: joined!.name },
    total: out.reduce((sum, lot) => sum + lot.remaining, 0),
    services: purchase.serviceIds,
    lots: out,
  };
}

/** The balance with what a page shows it in: the zone the purchase was made in. */
export async function creditStatement(deps: ServiceDeps, tokenHash: string): Promise<{ balance: CreditBalance; timeZone: string; locale: string }> {
  const purchase = await purchaseByToken(deps.database.db, tokenHash);
  return { balance: await creditBalance(deps, tokenHash), timeZone: purchase.customerTimeZone, locale: purchase.customerLocale };
}

/** Lots past their expiry that still have credits on them, with what is left. */
function dueLots(db: Drizzle | Tx, now: number) {
  const grant = alias(creditLedger, 'grant');
  const rest = sql<number>`sum(${creditLedger.delta})`;
  return db
    .select({ grant, rest })
    .from(grant)
    .innerJoin(creditLedger, eq(creditLedger.lotId, grant.lotId))
    .where(and(eq(grant.kind, 'grant'), lte(grant.expiresAt, now)))
    .groupBy(grant.id)
    .having(sql`${rest} > 0`);
}

/**
 * Writes an `expire` row (−what is left) for every lot that has reached its expiry with credits
 * left, so the ledger's sums say what the balance already said. Idempotent and safe from several
 * processes: the lots are found again inside the write transaction.
 * @returns how many lots it expired.
 */
export async function expireDueCredits(deps: ServiceDeps): Promise<number> {
  const now = deps.clock();
  // A cheap read first: most ticks find nothing and need no write lock.
  if ((await dueLots(deps.database.db, now).limit(1)).length === 0) return 0;
  return deps.database.write(async (tx) => {
    const due = await dueLots(tx, now);
    for (const { grant, rest } of due) {
      await tx.insert(creditLedger).values({
        id: newId('cr'),
        lotId: grant.lotId,
        kind: 'expire',
        delta: -rest,
        specialistId: grant.specialistId,
        customerEmail: grant.customerEmail,
        packagePurchaseId: grant.packagePurchaseId,
        at: now,
      });
    }
    return due.length;
  });
}
