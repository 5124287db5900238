import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import type { Drizzle } from '../../db/client.js';
import { bookings, promoCodes, promoRedemptions, type PromoCodeRow, type ServiceRow } from '../../db/schema.js';
import { checkCode, checkCustomer, codeKeyOf, counts } from './apply.js';

/**
 * A promo code on a new booking, from what ONE read batch holds (the booking's snapshot,
 * `bookings/snapshot.ts`): the specialist's code of that text, its uses that count now (all, and
 * the customer's), and whether the customer booked this specialist before. Checked again by the
 * database at commit (`promoStill`, with `redemptionStill` for the uses), so the write that follows
 * the payment provider's round trip needs no second read.
 */
export interface PromoFacts {
  code: PromoCodeRow | undefined;
  uses: number;
  theirUses: number;
  bookedBefore: boolean;
}

const codeIdOf = (specialistId: string | SQL, text: string): SQL =>
  sql`(select ${promoCodes.id} from ${promoCodes} where ${promoCodes.specialistId} = ${specialistId} and ${promoCodes.codeKey} = ${codeKeyOf(text)})`;

const usesQuery = (db: Drizzle, codeId: SQL, now: number, email?: string) =>
  db
    .select({ n: count() })
    .from(promoRedemptions)
    .innerJoin(bookings, eq(bookings.id, promoRedemptions.bookingId))
    .where(and(eq(promoRedemptions.codeId, codeId), email === undefined ? undefined : eq(promoRedemptions.customerEmail, email), counts(now)));

/** The queries behind `PromoFacts` (`specialistId` a value or a subquery), in the order `promoFacts` reads them. */
export const promoQueries = (db: Drizzle, specialistId: string | SQL, text: string, email: string, now: number) =>
  [
    db.select().from(promoCodes).where(and(eq(promoCodes.specialistId, specialistId), eq(promoCodes.codeKey, codeKeyOf(text)))),
    usesQuery(db, codeIdOf(specialistId, text), now),
    usesQuery(db, codeIdOf(specialistId, text), now, email),
    db.select({ id: bookings.id }).from(bookings).where(and(eq(bookings.specialistId, specialistId), eq(bookings.customerEmail, email), counts(now))).limit(1),
  ] as const;


export function promoFacts(rows: readonly unknown[]): PromoFacts {
  const [[code], [uses], [theirs], before] = rows as [PromoCodeRow[], [{ n: number }], [{ n: number }], unknown[]];
  return { code, uses: uses.n, theirUses: theirs.n, bookedBefore: before.length > 0 };
}

/** The code as `codeFor` and the customer's checks allow it, from the facts. @throws a 422 `promo_code_*`. */
export const codeIn = (facts: PromoFacts, service: ServiceRow, text: string, now: number): PromoCodeRow =>
  checkCustomer(checkCode(facts.code, facts.uses, service, text, now), facts.theirUses, facts.bookedBefore);

/**
 * A guard condition: the code is as read — what its owner can change (active, end, limits) —
 * and, for a first-booking-only code, the customer still has no booking with the specialist.
 */
export function promoStill(code: PromoCodeRow, email: string, now: number): SQL {
  const same = sql`exists (select 1 from ${promoCodes} where ${promoCodes.id} = ${code.id} and ${promoCodes.active} = ${code.active ? 1 : 0}
    and coalesce(${promoCodes.validUntil}, -1) = ${code.validUntil ?? -1} and coalesce(${promoCodes.maxRedemptions}, -1) = ${code.maxRedemptions ?? -1}
    and coalesce(${promoCodes.maxPerCustomer}, -1) = ${code.maxPerCustomer ?? -1})`;
  if (!code.firstBookingOnly) return same;
  return and(same, sql`not exists (select 1 from ${bookings} where ${and(eq(bookings.specialistId, code.specialistId), eq(bookings.customerEmail, email), counts(now))})`)!;
}
