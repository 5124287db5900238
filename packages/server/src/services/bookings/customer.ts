import type { Booking, CancellationQuote } from '@slotwise/sdk/contract';
import { and, eq } from 'drizzle-orm';
import { writeOne } from '../../db/batch.js';
import type { Database, Drizzle, Tx } from '../../db/client.js';
import { bookings, bookingTokens, payments, reviews, services, type BookingRow } from '../../db/schema.js';
import { transition } from '../../domain/booking-state.js';
import { isoInstant } from '../../domain/civil.js';
import { returnsCredit } from '../../domain/credits.js';
import { isRevoked } from '../packages/revoke.js';
import { cancellation, deadlines, reschedule } from '../../domain/policy.js';
import { policyOf } from '../availability/rules.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError } from '../errors.js';
import { hashToken, newId, newSecretToken } from '../ids.js';
import { afterCancel, cancelGuarded } from './cancel.js';
import { expireDueHolds } from './holds.js';
import { present } from './present.js';
import { outsideFor, rescheduleGuarded } from './reschedule.js';
import { render, t, type Language } from '../messages/index.js';

/** Constant-time string comparison, so a wrong token's timing says nothing about the right one. */
function sameSecret(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

const notFound = (id: string) =>
  new ServiceError('booking_not_found', t('booking_not_found.manage', { id }));

/**
 * The booking `id` if `tokenHash` is one of its manage tokens' — the one answered at creation, or
 * one minted for an email link; otherwise a 404, never a hint that it exists.
 */
export async function findByToken(db: Drizzle | Tx, id: string, tokenHash: string): Promise<BookingRow> {
  const [row] = await db.select().from(bookings).where(eq(bookings.id, id)).limit(1);
  if (!row) throw notFound(id);
  if (sameSecret(row.manageTokenHash, tokenHash)) return row;
  const [minted] = await db.select({ id: bookingTokens.id }).from(bookingTokens).where(and(eq(bookingTokens.tokenHash, tokenHash), eq(bookingTokens.bookingId, id))).limit(1);
  if (!minted) throw notFound(id);
  return row;
}

/**
 * A new manage token for `bookingId` (for a link in an email), stored hashed; the token itself is
 * handed back once, to be put in the link.
 */
export async function mintManageToken(database: Database, bookingId: string, purpose: string, now: number): Promise<string> {
  const token = newSecretToken('bmt');
  await writeOne(database, database.db.insert(bookingTokens).values({ id: newId('bt'), bookingId, tokenHash: await hashToken(token), purpose, createdAt: now }));
  return token;
}

/** The booking `id` for the holder of its manage token (the raw token, as the customer sends it). */
export async function bookingForToken(deps: ServiceDeps, id: string, token: string): Promise<BookingRow> {
  return findByToken(deps.database.db, id, await hashToken(token));
}

/** The cancellation and reschedule policy of `row`'s service. */
async function policyFor(db: Drizzle, row: BookingRow) {
  const [service] = await db.select().from(services).where(eq(services.id, row.serviceId));
  return policyOf(service!);
}

/**
 * Whether the customer may move `row` now, why not in `language`, and until when: the same
 * state and policy checks a reschedule makes, so the widget offers "Change time" only when a
 * move would be taken.
 */
async function moveOf(deps: ServiceDeps, row: BookingRow, language: Language): Promise<NonNullable<Booking['move']>> {
  const now = deps.clock();
  const policy = await policyFor(deps.database.db, row);
  const state = transition(row, 'reschedule', now);
  const decision = reschedule(policy, row, now, 'customer');
  const allowed = state.ok && decision.allowed;
  return {
    allowed,
    reason: !state.ok ? render(state.why, language) : decision.allowed ? null : render(decision.why, language),
    until: state.ok ? isoInstant(Math.min(deadlines(policy, row.startAt).rescheduleUntil, row.startAt)) : null,
  };
}

/** The customer's view; a hold that has lapsed is expired first, so nobody sees a stale `held`. */
export async function retrieveBooking(deps: ServiceDeps, id: string, token: string, language: Language = 'en'): Promise<Booking> {
  const row = await bookingForToken(deps, id, token);
  if (row.status === 'held' && (row.holdExpiresAt ?? 0) <= deps.clock()) await expireDueHolds(deps, { bookingId: id });
  const current = await findByToken(deps.database.db, id, row.manageTokenHash);
  const view: Booking = { ...(await present(deps, current)), move: await moveOf(deps, current, language) };
  // A completed session's page asks for its review only when there is one (no 404 to log).
  if (current.status === 'completed') {
    const [review] = await deps.database.db.select({ id: reviews.id }).from(reviews).where(eq(reviews.bookingId, id)).limit(1);
    view.reviewed = review !== undefined;
  }
  return view;
}

export async function cancelBooking(deps: ServiceDeps, id: string, token: string, reason: string | undefined): Promise<Booking> {
  const tokenHash = await hashToken(token);
  const now = deps.clock();
  await cancelGuarded(deps, (db) => findByToken(db, id, tokenHash), 'customer', reason, now);
  await afterCancel(deps, id);
  return present(deps, await findByToken(deps.database.db, id, tokenHash));
}

/** What cancelling now would do for the customer, to show before they confirm; why not, in `language`. */
export async function quoteCancellation(deps: ServiceDeps, id: string, token: string, language: Language = 'en'): Promise<CancellationQuote> {
  const now = deps.clock();
  const db = deps.database.db;
  const row = await bookingForToken(deps, id, token);
  const policy = await policyFor(db, row);
  const state = transition(row, 'cancel', now);
  const decision = cancellation(policy, row, now, 'customer');
  const limits = deadlines(policy, row.startAt);
  const [paid] = await db.select().from(payments).where(and(eq(payments.bookingId, row.id), eq(payments.status, 'succeeded')));
  return {
    allowed: state.ok && decision.allowed,
    reason: !state.ok ? render(state.why, language) : decision.allowed ? null : render(decision.why, language),
    // Only what was paid can come back (nothing for a hold or a free session).
    refund: { ...(paid ? { ...decision.refund, amount: Math.min(decision.refund.amount, paid.amount - paid.amountRefunded) } : { amount: 0, percent: decision.refund.percent, rule: decision.refund.rule }), currency: row.currency },
    fullRefundUntil: isoInstant(limits.fullRefundUntil),
    partialRefundUntil: isoInstant(limits.partialRefundUntil),
    cancelUntil: isoInstant(limits.cancelUntil),
    ...(row.creditLotId === null ? {} : { credit: !returnsCredit(decision.refund.rule) ? ('kept' as const) : (await isRevoked(db, row.creditLotId)) ? ('revoked' as const) : ('returned' as const) }),
  };
}

export async function rescheduleBooking(deps: ServiceDeps, id: string, token: string, startText: string, language: Language = 'en'): Promise<Booking> {
  const now = deps.clock();
  const tokenHash = await hashToken(token);
  const current = await findByToken(deps.database.db, id, tokenHash);
  const start = Date.parse(startText);
  const outside = await outsideFor(deps, current.specialistId, start);
  const row = await rescheduleGuarded(deps, (db) => findByToken(db, id, tokenHash), { start, label: startText, actor: 'customer', outside }, now);
  return { ...(await present(deps, row)), move: await moveOf(deps, row, language) };
}
