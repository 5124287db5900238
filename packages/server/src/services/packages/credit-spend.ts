import { eq, sql, type SQL } from 'drizzle-orm';
import type { Drizzle } from '../../db/client.js';
import { creditLedger, packagePurchases, packages, purchaseTokens, type BookingRow, type CreditLedgerRow, type PackagePurchaseRow, type SpecialistRow } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';
import { chooseLot, lotsOf, remaining } from '../../domain/credits.js';
import { ServiceError } from '../errors.js';
import { newId } from '../ids.js';
import { t, type Message } from '../messages/index.js';
import { LOW_CREDITS, type PurchaseLot } from './credits.js';
import { packageEventQuery } from './outbox.js';

/**
 * Spending a credit on a new booking, from what ONE read batch holds (the booking's snapshot,
 * `bookings/snapshot.ts`): the purchase a credits token reaches, its whole ledger and its
 * package's name. Nothing here reads; the booking's batch is guarded by the ledger's size as read
 * (`ledgerStill`), so two bookings can never spend the same credit.
 */
export interface CreditFacts {
  purchase: PackagePurchaseRow | undefined;
  entries: CreditLedgerRow[];
  packageName: string;
}

/** The purchase id a token (its SHA-256) reaches: the token answered at purchase, or one minted for an email. */
const purchaseIdOf = (tokenHash: string): SQL =>
  sql`coalesce((select ${packagePurchases.id} from ${packagePurchases} where ${packagePurchases.accessTokenHash} = ${tokenHash}), (select ${purchaseTokens.purchaseId} from ${purchaseTokens} where ${purchaseTokens.tokenHash} = ${tokenHash}))`;

/** The queries behind `CreditFacts`, for a read batch, in the order `creditFacts` reads them. */
export const creditQueries = (db: Drizzle, tokenHash: string) =>
  [
    db.select().from(packagePurchases).where(eq(packagePurchases.id, purchaseIdOf(tokenHash))).limit(1),
    db.select().from(creditLedger).where(eq(creditLedger.packagePurchaseId, purchaseIdOf(tokenHash))),
    db.select({ name: packages.name }).from(packages).where(eq(packages.id, sql`(select ${packagePurchases.packageId} from ${packagePurchases} where ${packagePurchases.id} = ${purchaseIdOf(tokenHash)})`)),
  ] as const;


export function creditFacts(rows: readonly unknown[]): CreditFacts {
  const [[purchase], entries, [pkg]] = rows as [PackagePurchaseRow[], CreditLedgerRow[], { name: string }[]];
  return { purchase, entries, packageName: pkg?.name ?? '' };
}

export interface CreditRequest {
  specialist: SpecialistRow;
  serviceId: string;
  serviceName: string;
  customerEmail: string;
  now: number;
}

const notApplicable = (detail: Message, field: string, message: Message) => new ServiceError('credit_not_applicable', detail, { errors: [{ field, message }] });

/**
 * The lot a new booking spends one credit from: the token's, for this specialist and this
 * customer email, covering the service, not expired, soonest expiry first. @throws a 404
 * `credits_not_found` (saying nothing about whether anything exists), `credit_not_applicable` or `no_credit`.
 */
export function creditIn(facts: CreditFacts, request: CreditRequest): PurchaseLot {
  const { purchase } = facts;
  if (!purchase) throw new ServiceError('credits_not_found', t('credits_not_found'), { errors: [{ field: 'body.credit.token', message: t('credits_not_found.field') }] });
  if (purchase.specialistId !== request.specialist.id) {
    throw notApplicable(t('credit_not_applicable.specialist', { name: request.specialist.name }), 'body.credit.token', t('credit_not_applicable.specialist_field'));
  }
  if (purchase.customerEmail !== request.customerEmail.toLowerCase()) {
    throw notApplicable(t('credit_not_applicable.email'), 'body.customer.email', t('credit_not_applicable.email_field'));
  }
  if (!purchase.serviceIds.includes(request.serviceId)) {
    throw notApplicable(t('credit_not_applicable.service', { service: request.serviceName }), 'body.service', t('credit_not_applicable.service_field'));
  }
  const lot = chooseLot(lotsOf(facts.entries), () => true, request.now);
  if (!lot) {
    const detail = purchase.status === 'paid' ? t('no_credit.spent') : t('no_credit.unpaid');
    throw new ServiceError('no_credit', detail, { errors: [{ field: 'body.credit.token', message: t('no_credit.field') }] });
  }
  return { ...lot, purchase };
}

/**
 * Spends one credit of `lot` on `booking`: the debit and, when it leaves the purchase at most
 * `LOW_CREDITS` usable credits, the `credits.low` outbox row — unexecuted, for the booking's batch.
 */
export function debitQueries(db: Drizzle, facts: CreditFacts, lot: PurchaseLot, booking: BookingRow, now: number) {
  const left = lotsOf(facts.entries).reduce((sum, l) => sum + remaining(l, now), 0) - 1;
  const debit = db.insert(creditLedger).values({
    id: newId('cr'),
    lotId: lot.id,
    kind: 'debit',
    delta: -1,
    specialistId: lot.purchase.specialistId,
    customerEmail: lot.purchase.customerEmail,
    packagePurchaseId: lot.purchase.id,
    bookingId: booking.id,
    at: now,
  });
  if (left > LOW_CREDITS) return [debit];
  const happened = { type: 'credits.low', lot: { id: lot.id, granted: lot.granted, expiresAt: isoInstant(lot.expiresAt) }, bookingId: booking.id, remaining: left } as const;
  return [debit, packageEventQuery(db, lot.purchase, facts.packageName, happened, now)];
}
