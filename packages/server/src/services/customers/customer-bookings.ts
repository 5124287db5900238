import type { CustomerBookingEntry, CustomerBookings } from '@slotwise/sdk/contract';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { bookings, bookingTokens, packagePurchases, packages, services, specialists, type BookingRow, type CustomerTokenRow } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';
import { isExpired, remaining } from '../../domain/credits.js';
import { presentWith, serviceView, type ServiceView } from '../bookings/present.js';
import type { ServiceDeps } from '../deps.js';
import { derivedToken, hashToken, newId } from '../ids.js';
import { lotsOfPurchases } from '../packages/credits.js';
import { paymentsOfBookings } from '../payments/records.js';
import { customerSession } from './customer-tokens.js';
import { writeOne } from '../../db/batch.js';

/** The most bookings one answer lists: bounded work per request, and more than a customer has with one specialist. */
const MAX_BOOKINGS = 200;
const MAX_PAST = 50;

/**
 * The session's customer's bookings with the session's specialist only — upcoming (held or
 * confirmed, not yet ended) soonest first, the rest latest first — each with a manage token for
 * the existing manage view, calendar file and receipt, and their credits with that specialist.
 *
 * The manage tokens are derived from the session and the booking under the server's secret; their
 * hashes were stored when the session opened (`grantSessionManageTokens`), so listing writes
 * nothing and keeps no token in the clear. Lapsed holds are left out: nothing was booked.
 */
export async function listCustomerBookings(deps: ServiceDeps, token: string): Promise<CustomerBookings> {
  const session = await customerSession(deps, token);
  const db = deps.database.db;
  const now = deps.clock();
  const [specialist] = await db.select().from(specialists).where(eq(specialists.id, session.specialistId));
  const rows = await db
    .select()
    .from(bookings)
    .where(and(eq(bookings.specialistId, session.specialistId), eq(bookings.customerEmail, session.customerEmail), ne(bookings.status, 'expired')))
    .orderBy(asc(bookings.startAt))
    .limit(MAX_BOOKINGS);
  const ids = rows.map((row) => row.id);
  const serviceRows = ids.length ? await db.select({ id: services.id, ...serviceView }).from(services).where(inArray(services.id, [...new Set(rows.map((r) => r.serviceId))])) : [];
  const serviceOf = new Map<string, ServiceView>(serviceRows.map(({ id, ...view }) => [id, view]));
  const paymentOf = await paymentsOfBookings(db, ids);
  const tokens = await manageTokens(deps, session.id, ids);

  const entry = (row: BookingRow): CustomerBookingEntry => ({
    booking: presentWith(row, specialist!, serviceOf.get(row.serviceId)!, paymentOf.get(row.id) ?? null, deps),
    manageToken: tokens.get(row.id) ?? null,
  });
  const isUpcoming = (row: BookingRow) => (row.status === 'confirmed' || row.status === 'held') && row.endAt > now;
  return {
    customerEmail: session.customerEmail,
    specialist: { handle: specialist!.handle, name: specialist!.name },
    upcoming: rows.filter(isUpcoming).map(entry),
    past: rows.filter((row) => !isUpcoming(row)).reverse().slice(0, MAX_PAST).map(entry),
    credits: await credits(deps, session.specialistId, session.customerEmail, now),
    sessionExpiresAt: isoInstant(session.expiresAt),
  };
}

/** The manage token of `bookingId` for one session: derived, so it need not be kept in the clear. */
const sessionManageToken = (deps: Pick<ServiceDeps, 'jwtSecret'>, sessionId: string, bookingId: string) =>
  derivedToken(deps.jwtSecret, 'my-bookings-manage', `${sessionId}:${bookingId}`, 'bmt');

/**
 * Stores (hashed) a manage token per booking the customer has with the specialist now, for a
 * session just opened: listing then only derives them again and stays read-only. Bounded like
 * the list; hashing happens before the short write, never inside it.
 */
export async function grantSessionManageTokens(deps: ServiceDeps, session: Pick<CustomerTokenRow, 'id' | 'specialistId' | 'customerEmail'>, now: number): Promise<void> {
  const rows = await deps.database.db
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(eq(bookings.specialistId, session.specialistId), eq(bookings.customerEmail, session.customerEmail), ne(bookings.status, 'expired')))
    .orderBy(asc(bookings.startAt))
    .limit(MAX_BOOKINGS);
  const values: (typeof bookingTokens.$inferInsert)[] = [];
  for (const { id } of rows) {
    values.push({ id: newId('bt'), bookingId: id, tokenHash: await hashToken(await sessionManageToken(deps, session.id, id)), purpose: 'my_bookings', createdAt: now });
  }
  if (values.length) await writeOne(deps.database, deps.database.db.insert(bookingTokens).values(values).onConflictDoNothing());
}

/** The session's manage tokens of `bookingIds`, for those stored when it opened; a booking made since has none. */
async function manageTokens(deps: ServiceDeps, sessionId: string, bookingIds: string[]): Promise<Map<string, string>> {
  const derived = new Map<string, { token: string; hash: string }>();
  for (const id of bookingIds) {
    const token = await sessionManageToken(deps, sessionId, id);
    derived.set(id, { token, hash: await hashToken(token) });
  }
  if (derived.size === 0) return new Map();
  const stored = await deps.database.db
    .select({ bookingId: bookingTokens.bookingId, hash: bookingTokens.tokenHash })
    .from(bookingTokens)
    .where(inArray(bookingTokens.tokenHash, [...derived.values()].map((d) => d.hash)));
  return new Map(stored.filter((row) => derived.get(row.bookingId)?.hash === row.hash).map((row) => [row.bookingId, derived.get(row.bookingId)!.token]));
}

/** What is left of the address's paid packages with the specialist (the address is proven by the emailed link). */
async function credits(deps: ServiceDeps, specialistId: string, email: string, now: number): Promise<CustomerBookings['credits']> {
  const db = deps.database.db;
  const purchases = await db
    .select()
    .from(packagePurchases)
    .where(and(eq(packagePurchases.specialistId, specialistId), eq(packagePurchases.customerEmail, email), eq(packagePurchases.status, 'paid')));
  const lots = (await lotsOfPurchases(db, purchases)).sort((a, b) => a.expiresAt - b.expiresAt);
  const names = new Map(
    lots.length ? (await db.select({ id: packages.id, name: packages.name }).from(packages).where(inArray(packages.id, [...new Set(lots.map((l) => l.purchase.packageId))]))).map((p) => [p.id, p.name]) : [],
  );
  const out = lots.map((lot) => ({
    package: { id: lot.purchase.packageId, name: names.get(lot.purchase.packageId) ?? '' },
    remaining: remaining(lot, now),
    expiresAt: isoInstant(lot.expiresAt),
    expired: isExpired(lot, now),
  }));
  return { total: out.reduce((sum, lot) => sum + lot.remaining, 0), lots: out };
}
