import type { SQL } from 'drizzle-orm';
import { and, count, eq, sql } from 'drizzle-orm';
import type { Query } from '../../db/shaped.js';
import type { Drizzle, Tx } from '../../db/client.js';
import { bookings, promoCodes, promoRedemptions, type PromoCodeRow, type ServiceRow, type SpecialistRow } from '../../db/schema.js';
import { discounted, type Discounted } from '../../domain/promo.js';
import { ServiceError } from '../errors.js';
import { newId } from '../ids.js';
import { t, type Message } from '../messages/index.js';

type Reader = Drizzle | Tx;

/** A code that applies, with the price after it. */
export interface Applied extends Discounted {
  code: PromoCodeRow;
}

/** Codes are matched whatever their case: this is the key they are stored and looked up by. */
export const codeKeyOf = (code: string): string => code.trim().toLowerCase();

/**
 * A booking counts as one use of its code (and as "booked before" for first-booking-only codes)
 * while it holds its time or went ahead: an expired hold or a cancellation gives the use back.
 */
export const counts = (now: number): SQL =>
  sql`(${bookings.status} in ('confirmed', 'completed', 'no_show') or (${bookings.status} = 'held' and ${bookings.holdExpiresAt} > ${now}))`;

/** How many uses of `codeId` count now (and, with `email`, how many of that customer's). */
export const usesNow = (codeId: string, now: number, email?: string): SQL =>
  sql`(select count(*) from ${promoRedemptions} join ${bookings} on ${bookings.id} = ${promoRedemptions.bookingId} where ${promoRedemptions.codeId} = ${codeId}${email === undefined ? sql`` : sql` and ${promoRedemptions.customerEmail} = ${email}`} and ${counts(now)})`;

/** `usesNow` as a read. */
export async function countUses(db: Reader, codeId: string, now: number, email?: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(promoRedemptions)
    .innerJoin(bookings, eq(bookings.id, promoRedemptions.bookingId))
    .where(and(eq(promoRedemptions.codeId, codeId), email === undefined ? undefined : eq(promoRedemptions.customerEmail, email), counts(now)));
  return row?.n ?? 0;
}

/** The uses that count now of each of `specialistId`'s codes, by code id: one grouped read. */
export async function usesByCode(db: Reader, specialistId: string, now: number): Promise<Map<string, number>> {
  const rows = await db
    .select({ codeId: promoRedemptions.codeId, n: sql<number>`count(*)`.mapWith(Number) })
    .from(promoRedemptions)
    .innerJoin(bookings, eq(bookings.id, promoRedemptions.bookingId))
    .where(and(eq(bookings.specialistId, specialistId), counts(now)))
    .groupBy(promoRedemptions.codeId);
  return new Map(rows.map((r) => [r.codeId, r.n]));
}

/**
 * The condition the booking's guarded batch holds for its code (`bookings/create.ts`): the code's
 * uses, and this customer's, are still under its limits when the batch runs — so of two customers
 * racing for its last use one wins; the other's guard refuses, and its fresh snapshot answers
 * `promo_code_exhausted`. `undefined` for a code without limits.
 */
export function redemptionStill(code: PromoCodeRow, email: string, now: number): SQL | undefined {
  return and(
    code.maxRedemptions === null ? undefined : sql`${usesNow(code.id, now)} < ${code.maxRedemptions}`,
    code.maxPerCustomer === null ? undefined : sql`${usesNow(code.id, now, email)} < ${code.maxPerCustomer}`,
  );
}

/** The use's row, for the booking's batch (after the booking's insert). */
export function redemptionQuery(db: Reader, applied: Applied, bookingId: string, email: string, now: number): Query {
  return db.insert(promoRedemptions).values({ id: newId('red'), codeId: applied.code.id, bookingId, customerEmail: email, amountOff: applied.amountOff, createdAt: now });
}

const refuse = (code: ConstructorParameters<typeof ServiceError>[0], detail: Message) =>
  new ServiceError(code, detail, { errors: [{ field: 'body.promoCode', message: detail }] });

/**
 * Reads `text`'s code of `specialist` and checks everything that does not depend on who books:
 * active, inside its window at `now`, for `service` (and its currency), uses left. @throws a 422
 * `promo_code_*` naming the code as the customer typed it.
 */
export async function codeFor(db: Reader, specialist: SpecialistRow, service: ServiceRow, text: string, now: number): Promise<PromoCodeRow> {
  const [code] = await db.select().from(promoCodes).where(and(eq(promoCodes.specialistId, specialist.id), eq(promoCodes.codeKey, codeKeyOf(text))));
  return checkCode(code, code && code.maxRedemptions !== null ? await countUses(db, code.id, now) : 0, service, text, now);
}

/** `codeFor`'s checks on a code read (`uses`: its uses that count now). */
export function checkCode(code: PromoCodeRow | undefined, uses: number, service: ServiceRow, text: string, now: number): PromoCodeRow {
  const shown = text.trim();
  if (!code || !code.active) throw refuse('promo_code_unknown', t('promo_code_unknown', { code: shown }));
  if ((code.validFrom !== null && now < code.validFrom) || (code.validUntil !== null && now >= code.validUntil)) {
    throw refuse('promo_code_expired', t('promo_code_expired', { code: code.code }));
  }
  const wrongCurrency = code.kind === 'amount' && code.currency !== service.currency;
  if ((code.serviceIds !== null && !code.serviceIds.includes(service.id)) || wrongCurrency) {
    throw refuse('promo_code_not_for_service', t('promo_code_not_for_service', { code: code.code, service: service.name }));
  }
  if (code.maxRedemptions !== null && uses >= code.maxRedemptions) throw refuse('promo_code_exhausted', t('promo_code_exhausted', { code: code.code }));
  return code;
}

/** What depends on the customer, after `checkCode`: their uses, and whether they booked before. */
export function checkCustomer(code: PromoCodeRow, theirUses: number, bookedBefore: boolean): PromoCodeRow {
  if (code.maxPerCustomer !== null && theirUses >= code.maxPerCustomer) throw refuse('promo_code_customer_limit', t('promo_code_customer_limit', { code: code.code }));
  if (code.firstBookingOnly && bookedBefore) throw refuse('promo_code_first_booking', t('promo_code_first_booking', { code: code.code }));
  return code;
}

/** The price after `code` (see `domain/promo.ts`: half-up, never under the processor's minimum unless free). */
export function apply(code: PromoCodeRow, price: number, currency: string): Applied {
  const discount = code.kind === 'percent' ? { kind: 'percent' as const, value: code.value } : { kind: 'amount' as const, value: code.value, currency: code.currency ?? currency };
  return { code, ...discounted(price, currency, discount) };
}
