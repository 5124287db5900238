import type { ServiceDeps } from '../deps.js';
import type { CreditBalance } from '@slotwise/sdk/contract';
import { and, eq, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { guardedBatch, optimistic, RETRY } from '../../db/batch.js';
import type { Drizzle } from '../../db/client.js';
import { writeContention } from '../errors.js';
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

/**
 * Lots past their expiry that still have credits on them, with what is left and how many ledger
 * rows the lot has (read together: the guard of the expiry's batch is that this count has not moved).
 */
function dueLots(db: Drizzle, now: number) {
  const grant = alias(creditLedger, 'grant');
  const rest = sql<number>`sum(${creditLedger.delta})`;
  return db
    .select({ grant, rest, entries: sql<number>`count(*)` })
    .from(grant)
    .innerJoin(creditLedger, eq(creditLedger.lotId, grant.lotId))
    .where(and(eq(grant.kind, 'grant'), lte(grant.expiresAt, now)))
    .groupBy(grant.id)
    .having(sql`${rest} > 0`);
}

/** The guard's condition that lot `lotId` still has `entries` ledger rows (they are only appended). */
const lotStill = (lotId: string, entries: number) => sql`(select count(*) from ${creditLedger} where ${creditLedger.lotId} = ${lotId}) = ${entries}`;

/**
 * Writes an `expire` row (−what is left) for every lot that has reached its expiry with credits
 * left, so the ledger's sums say what the balance already said. Idempotent and safe from several
 * processes: one guarded batch (`db/batch.ts`) behind "each lot's rows are still the ones read" —
 * a credit spent, returned or expired meanwhile makes it refuse, and the lots are read again.
 * @returns how many lots it expired.
 */
export async function expireDueCredits(deps: ServiceDeps): Promise<number> {
  const now = deps.clock();
  const { database } = deps;
  const { db } = database;
  // A cheap read first: most ticks find nothing and need no write.
  if ((await dueLots(db, now).limit(1)).length === 0) return 0;
  return optimistic(
    database,
    'credits-expiry',
    async () => {
      const due = await dueLots(db, now);
      if (due.length === 0) return 0;
      const rows = due.map(({ grant, rest }) => ({
        id: newId('cr'),
        lotId: grant.lotId,
        kind: 'expire' as const,
        delta: -rest,
        specialistId: grant.specialistId,
        customerEmail: grant.customerEmail,
        packagePurchaseId: grant.packagePurchaseId,
        at: now,
      }));
      const still = and(...due.map(({ grant, entries }) => lotStill(grant.lotId, entries)))!;
      return (await guardedBatch(database, still, [db.insert(creditLedger).values(rows)])) ? due.length : RETRY;
    },
    writeContention,
  );
}
