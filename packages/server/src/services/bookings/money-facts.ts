import { and, type SQL } from 'drizzle-orm';
import type { Drizzle } from '../../db/client.js';
import type { SpecialistRow } from '../../db/schema.js';
import { paidBookingsStillOpen, unverifiedQuery } from '../accounts/verification.js';
import { unverifiedRefusal } from '../catalog/standing.js';
import { feeOf, feeQuery, feeStill } from '../platform-settings.js';
import { assertHoldsBelow, holdCountQueries, holdsStillAllowed, type HoldAsker, type HoldLimits } from './hold-cap.js';

/**
 * What a priced booking checks besides the calendar: that the specialist may take money (no login
 * of theirs unverified), the platform's fee, and the asker's live holds. Built as queries that
 * ride in a read batch — the creation's snapshot, or alone before a first try without one — and
 * checked again by the database at commit (`moneyStill`), so the write that follows the payment
 * provider's round trip needs no second read.
 */
export interface MoneyFacts {
  open: boolean;
  feeBps: number;
  feeRows: { updatedAt: number }[];
  holds: Parameters<typeof assertHoldsBelow>[1];
}

/** The queries, in the order `moneyFacts` reads their rows (`specialistId` a value or a subquery). */
export const moneyQueries = (db: Drizzle, specialistId: string | SQL, asker: HoldAsker, now: number) => [unverifiedQuery(db, specialistId), feeQuery(db), ...holdCountQueries(db, asker, now)];


export function moneyFacts(rows: readonly unknown[]): MoneyFacts {
  const [unverified, fee, mine, fromAddress] = rows as [unknown[], { value: unknown; updatedAt: number }[], [{ n: number }], [{ n: number }]];
  return { open: unverified.length === 0, feeBps: feeOf(fee), feeRows: fee, holds: [mine, fromAddress] };
}

/** Refuses, as the reads they stand for would: `specialist_unverified`, then `too_many_holds`. */
export function assertMoneyAllows(facts: MoneyFacts, specialist: Pick<SpecialistRow, 'name'>, limits: HoldLimits): void {
  if (!facts.open) throw unverifiedRefusal(specialist);
  assertHoldsBelow(limits, facts.holds);
}

/** The same facts as a guard: still open, the fee as read, and still room for one more hold. */
export const moneyStill = (specialistId: string, facts: MoneyFacts, limits: HoldLimits, asker: HoldAsker, now: number): SQL =>
  and(paidBookingsStillOpen(specialistId), feeStill(facts.feeRows), holdsStillAllowed(limits, asker, now))!;
