import { and, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Query } from '../../db/shaped.js';
import { writeOne } from '../../db/batch.js';
import type { Database, Drizzle, Tx } from '../../db/client.js';
import { creditLedger, packagePurchases, purchaseTokens, type BookingRow, type CreditLedgerRow, type PackagePurchaseRow } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';
import { lotExpiry, lotsOf, type Lot } from '../../domain/credits.js';
import { ServiceError } from '../errors.js';
import { hashToken, newId, newSecretToken } from '../ids.js';
import { isRevoked } from './revoke.js';
import { t } from '../messages/index.js';

type Reader = Drizzle | Tx;

export type PurchaseLot = Lot & { purchase: PackagePurchaseRow };

/**
 * The purchase a credits token belongs to, or a 404 that says nothing about whether anything
 * exists. Looked up by the token's SHA-256 (unique indexes): the token answered at purchase, or
 * one minted for an email (`purchase_tokens`). Only hashes are stored.
 */
export async function purchaseByToken(db: Reader, tokenHash: string, field?: string): Promise<PackagePurchaseRow> {
  const [row] = await db.select().from(packagePurchases).where(eq(packagePurchases.accessTokenHash, tokenHash)).limit(1);
  const [minted] = row
    ? [{ purchase: row }]
    : await db
        .select({ purchase: packagePurchases })
        .from(purchaseTokens)
        .innerJoin(packagePurchases, eq(packagePurchases.id, purchaseTokens.purchaseId))
        .where(eq(purchaseTokens.tokenHash, tokenHash))
        .limit(1);
  if (!minted) {
    throw new ServiceError('credits_not_found', t('credits_not_found'), {
      ...(field ? { errors: [{ field, message: t('credits_not_found.field') }] } : {}),
    });
  }
  return minted.purchase;
}

/**
 * A new credits token of `purchaseId` (for an email about it), stored hashed; the token itself is
 * handed back once, to be put in the email. It reaches what the purchase's first token reaches.
 */
export async function mintPurchaseToken(database: Database, purchaseId: string, purpose: string, now: number): Promise<string> {
  const token = newSecretToken('crt');
  await writeOne(database, database.db.insert(purchaseTokens).values({ id: newId('pt'), purchaseId, tokenHash: await hashToken(token), purpose, createdAt: now }));
  return token;
}

/**
 * The credit lots a credits token reaches: those of its own purchase. The token is handed to
 * whoever bought the package, before anyone has proved they own the email address, so it must
 * not reach other purchases made under the same email (someone could buy, or merely start
 * buying, a package under a stranger's address to spend the stranger's credits).
 */
export async function lotsOfPurchases(db: Reader, purchases: readonly PackagePurchaseRow[]): Promise<PurchaseLot[]> {
  if (purchases.length === 0) return [];
  const byId = new Map(purchases.map((p) => [p.id, p]));
  const entries = await db.select().from(creditLedger).where(inArray(creditLedger.packagePurchaseId, [...byId.keys()]));
  const purchaseOfLot = new Map(entries.filter((e) => e.kind === 'grant').map((e) => [e.lotId, byId.get(e.packagePurchaseId!)!]));
  return lotsOf(entries).map((lot) => ({ ...lot, purchase: purchaseOfLot.get(lot.id)! }));
}

/**
 * What paying for `purchase` (still unpaid) grants: its lot's `grant` ledger row (the row's id is
 * the lot's) and the `package.purchased` event the customer's email, its expiry reminders and the
 * specialist's webhooks come from. Written with the purchase marked paid, in one guarded batch
 * (`payments/money-steps.ts` `grantIn`, the free claim in `purchases.ts`), so it happens once.
 */
export function grantRows(purchase: PackagePurchaseRow, now: number) {
  const id = newId('cr');
  const expiresAt = lotExpiry(now, purchase.validityDays);
  const entry: CreditLedgerRow = {
    id, lotId: id, kind: 'grant', delta: purchase.sessionCount, specialistId: purchase.specialistId, customerEmail: purchase.customerEmail, packagePurchaseId: purchase.id, bookingId: null, expiresAt, at: now,
  };
  return { entry, happened: { type: 'package.purchased', lot: { id, granted: purchase.sessionCount, expiresAt: isoInstant(expiresAt) } } as const };
}

/** A debit that leaves a purchase with this many usable credits or fewer tells its customer (`credits.low`). */
export const LOW_CREDITS = 1;

/**
 * Gives the credit a cancelled booking spent back to the lot it came from (in the cancellation's
 * transaction) — unless the lot's purchase was refunded meanwhile: its money went back, so does the credit.
 */
export async function returnCredit(tx: Tx, booking: BookingRow, now: number): Promise<void> {
  if (await isRevoked(tx, booking.creditLotId!)) return;
  const [grant] = await tx.select().from(creditLedger).where(and(eq(creditLedger.lotId, booking.creditLotId!), eq(creditLedger.kind, 'grant')));
  if (!grant) throw new Error(`booking ${booking.id} points at credit lot ${booking.creditLotId}, which has no grant`);
  await tx.insert(creditLedger).values(returnEntry(grant, booking, now));
}

/** The ledger entry giving `booking`'s credit back to the lot of `grant`. */
const returnEntry = (grant: typeof creditLedger.$inferSelect, booking: BookingRow, now: number) => ({
  id: newId('cr'),
  lotId: grant.lotId,
  kind: 'return' as const,
  delta: 1,
  specialistId: grant.specialistId,
  customerEmail: grant.customerEmail,
  packagePurchaseId: grant.packagePurchaseId,
  bookingId: booking.id,
  at: now,
});

/**
 * `returnCredit` as a guarded batch's statement (`db/batch.ts`): the `return` entry giving the
 * credit `booking` spent back to its lot — none when the lot's purchase was refunded (revoked) —
 * as an unexecuted insert on `db`, and `still` (`ledgerStill`, read before the revocation) for the
 * batch's guard: a revoke, a restore or another return written meanwhile refuses the batch, so a
 * credit is never given back twice nor into a lot taken back.
 */
export async function returnCreditQueries(db: Drizzle, booking: BookingRow, now: number): Promise<{ queries: Query[]; still: SQL }> {
  const [grant] = await db.select().from(creditLedger).where(and(eq(creditLedger.lotId, booking.creditLotId!), eq(creditLedger.kind, 'grant')));
  if (!grant) throw new Error(`booking ${booking.id} points at credit lot ${booking.creditLotId}, which has no grant`);
  const still = ledgerStill(grant.packagePurchaseId!, await ledgerSize(db, grant.packagePurchaseId!));
  if (await isRevoked(db, grant.lotId)) return { queries: [], still };
  return { queries: [db.insert(creditLedger).values(returnEntry(grant, booking, now))], still };
}

/**
 * How many ledger entries `purchaseId` has: the guard of a credit returned in a batch is that
 * this number has not moved since it was read — read it BEFORE what it guards, so any entry
 * written after the snapshot makes the guard refuse. Entries are only ever appended.
 */
export async function ledgerSize(db: Reader, purchaseId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(creditLedger).where(eq(creditLedger.packagePurchaseId, purchaseId));
  return row?.n ?? 0;
}

/** The guard's condition for `ledgerSize` (or a ledger read whole, `size` its length): still `size` entries. */
export const ledgerStill = (purchaseId: string, size: number): SQL =>
  sql`(select count(*) from ${creditLedger} where ${creditLedger.packagePurchaseId} = ${purchaseId}) = ${size}`;

