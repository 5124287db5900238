import type { Actor, Booking, BookingCreate, BookingCreated, CancellationQuote } from '@slotwise/sdk/contract';
import { and, count, eq, gt, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppDeps } from '../app-env.js';
import type { Drizzle, Tx } from '../db/client.js';
import { bookings, payments, services, type BookingRow } from '../db/schema.js';
import { transition } from '../domain/booking-state.js';
import { isoInstant, MINUTE_MS } from '../domain/civil.js';
import { returnsCredit } from '../domain/credits.js';
import { cancellation, deadlines } from '../domain/policy.js';
import { ProblemError } from '../http/problem.js';
import { hashToken, newId, newSecretToken } from '../http/tokens.js';
import { outsideBusy } from './availability.js';
import { recordEvent } from './booking-events.js';
import { assertBookable } from './booking-slot.js';
import { present } from './booking-present.js';
import { chooseDuration, findActiveService, findSpecialist } from './catalog.js';
import { expireDueHolds } from './holds.js';
import { creditFor, debitCredit, returnCredit } from './packages/credits.js';
import { assertCanCharge, insertPayment, openBookingPayment } from './payments/checkout.js';
import { cancelAbandonedIntents } from './payments/intents.js';
import { issueDueRefunds, queueRefund } from './payments/refunds.js';
import { bumpAvailability, policyOf } from './rules.js';

type CreateInput = z.output<typeof BookingCreate>;

export interface CreateContext {
  /** The `Origin` header of a browser's request, checked against the specialist's embed origins. */
  origin?: string | undefined;
  /** SHA-256 of the client's address, for the limit on simultaneous holds. */
  clientHash: string;
}

/**
 * Books `input.start` if it is an open slot: `confirmed` at once for a free session or one paid
 * with a package credit, `held` (for `holdMinutes`) for a priced one until payment confirms it.
 * The slot check, the credit's choice, the insert and the debit share one write transaction, so
 * of any number of concurrent requests for a time exactly one wins, and a credit is spent once.
 */
export async function createBooking(deps: AppDeps, input: CreateInput, ctx: CreateContext, now: number): Promise<BookingCreated> {
  const { database } = deps;
  const start = Date.parse(input.start);
  const manageToken = newSecretToken('bmt');
  const manageTokenHash = await hashToken(manageToken);
  const creditTokenHash = input.credit ? await hashToken(input.credit.token) : undefined;
  const specialist = await findSpecialist(database.db, input.specialist);
  if (ctx.origin && specialist.allowedOrigins.length > 0 && !specialist.allowedOrigins.includes(ctx.origin)) {
    throw new ProblemError('origin_not_allowed', `${ctx.origin} is not one of ${specialist.name}'s registered sites, so it cannot take bookings for them.`);
  }
  // Outside calendars are fetched before the transaction: no I/O may happen while it holds the lock.
  const outside = await outsideBusy(deps, database.db, specialist, start, start + 1);

  const created = await database.write(async (tx) => {
    const current = await findSpecialist(tx, input.specialist);
    const service = await findActiveService(tx, current, input.service);
    const option = chooseDuration(service, input.duration);
    const credit = creditTokenHash
      ? await creditFor(tx, { tokenHash: creditTokenHash, specialist: current, serviceId: service.id, serviceName: service.name, customerEmail: input.customer.email, now })
      : undefined;
    const paid = !credit && option.price > 0;
    if (paid) assertCanCharge(current);
    if (paid) await assertHoldAllowed(tx, deps.maxHoldsPerClient, ctx.clientHash, input.customer.email, now);
    await assertBookable(tx, { specialist: current, service, minutes: option.minutes, start, outside: outside.busy, now, label: input.start });
    const values = {
      id: newId('bk'),
      specialistId: current.id,
      serviceId: service.id,
      status: paid ? ('held' as const) : ('confirmed' as const),
      startAt: start,
      endAt: start + option.minutes * MINUTE_MS,
      durationMinutes: option.minutes,
      bufferBefore: service.bufferBefore,
      bufferAfter: service.bufferAfter,
      holdExpiresAt: paid ? now + deps.holdMinutes * MINUTE_MS : null,
      clientHash: ctx.clientHash,
      creditLotId: credit?.id ?? null,
      customerName: input.customer.name,
      customerEmail: input.customer.email,
      customerTimeZone: input.customer.timeZone,
      notes: input.notes ?? '',
      price: credit ? 0 : option.price, // a credit pays for it: no money changes hands
      currency: service.currency,
      manageTokenHash,
      createdAt: now,
    };
    const [inserted] = await tx.insert(bookings).values(values).returning();
    await recordEvent(tx, inserted!, { type: paid ? 'held' : 'confirmed', actor: 'customer', from: null, to: values.status, ...(credit ? { data: { credit: { lot: credit.id, packagePurchase: credit.purchase.id } } } : {}) }, now);
    if (credit) await debitCredit(tx, credit, inserted!, now);
    await bumpAvailability(tx, current.id);
    const payment = paid
      ? await insertPayment(tx, { specialist: current, amount: inserted!.price, currency: inserted!.currency, customerEmail: inserted!.customerEmail, bookingId: inserted!.id }, deps.payments.mode, now)
      : undefined;
    return { row: inserted!, payment, serviceName: service.name };
  });
  // The provider is called after the commit: no I/O while the write lock is held.
  const paymentSession = created.payment ? await openBookingPayment(deps, created.row, created.payment, created.serviceName, now) : null;
  return { booking: await present(database.db, created.row), manageToken, paymentSession };
}

/** At most `max` unpaid holds per client address or customer email at once. */
async function assertHoldAllowed(tx: Tx, max: number, clientHash: string, email: string, now: number) {
  const [{ n }] = (await tx
    .select({ n: count() })
    .from(bookings)
    .where(
      and(
        eq(bookings.status, 'held'),
        gt(bookings.holdExpiresAt, now),
        or(eq(bookings.clientHash, clientHash), eq(bookings.customerEmail, email)),
      ),
    )) as [{ n: number }];
  if (n >= max) {
    throw new ProblemError('too_many_holds', `You already have ${n} unpaid bookings waiting for payment; finish or let them lapse first.`);
  }
}

/** Constant-time string comparison, so a wrong token's timing says nothing about the right one. */
function sameSecret(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

const notFound = (id: string) =>
  new ProblemError('booking_not_found', `No booking "${id}" matches this manage token. Use the link from your confirmation.`);

/** The booking `id` if `tokenHash` is its manage token's; otherwise a 404, never a hint that it exists. */
async function findByToken(db: Drizzle | Tx, id: string, tokenHash: string): Promise<BookingRow> {
  const [row] = await db.select().from(bookings).where(eq(bookings.id, id)).limit(1);
  if (!row || !sameSecret(row.manageTokenHash, tokenHash)) throw notFound(id);
  return row;
}

/** The customer's view; a hold that has lapsed is expired first, so nobody sees a stale `held`. */
export async function retrieveBooking(deps: AppDeps, id: string, token: string, now: number): Promise<Booking> {
  const row = await findByToken(deps.database.db, id, await hashToken(token));
  if (row.status === 'held' && (row.holdExpiresAt ?? 0) <= now) await expireDueHolds(deps.database, now, { bookingId: id });
  return present(deps.database.db, await findByToken(deps.database.db, id, row.manageTokenHash));
}

/** Cancels `row` as `actor` inside `tx`, applying the policy; returns the updated row. */
export async function cancelIn(tx: Tx, row: BookingRow, actor: Actor, reason: string | undefined, now: number): Promise<BookingRow> {
  return (await cancelWithRefund(tx, row, actor, reason, now)).row;
}

/**
 * Cancels `row` as `actor` inside `tx`, applying the policy, and queues the refund it gives (in
 * the same transaction); a booking paid with a credit gets the credit back instead, unless the
 * policy would refund nothing. The caller issues queued refunds and releases unpaid intents after
 * the commit (`afterCancel`).
 */
export async function cancelWithRefund(tx: Tx, row: BookingRow, actor: Actor, reason: string | undefined, now: number): Promise<{ row: BookingRow; refund: boolean }> {
  const next = transition(row, 'cancel', now);
  if (!next.ok) throw new ProblemError('booking_not_cancellable', next.reason);
  const [service] = await tx.select().from(services).where(eq(services.id, row.serviceId));
  const decision = cancellation(policyOf(service!), row, now, actor);
  if (!decision.allowed) throw new ProblemError('booking_not_cancellable', decision.reason);
  const [updated] = await tx
    .update(bookings)
    .set({ status: next.to, cancelledAt: now, cancelledBy: actor, cancellationReason: reason || null })
    .where(eq(bookings.id, row.id))
    .returning();
  const [payment] = await tx.select().from(payments).where(and(eq(payments.bookingId, row.id), eq(payments.status, 'succeeded')));
  const refund = payment && decision.refund.amount > 0 ? await queueRefund(tx, payment, decision.refund.amount, actor === 'customer' ? 'cancellation' : 'specialist', now) : undefined;
  const credit = row.creditLotId === null ? undefined : returnsCredit(decision.refund.rule) ? 'returned' : 'kept';
  if (credit === 'returned') await returnCredit(tx, row, now);
  const data = { refund: payment ? { ...decision.refund, amount: refund?.amount ?? 0 } : decision.refund, ...(credit ? { credit } : {}) };
  await recordEvent(tx, row, { type: 'cancelled', actor, from: row.status, to: next.to, reason: reason ?? null, data }, now);
  await bumpAvailability(tx, row.specialistId);
  return { row: updated!, refund: refund !== undefined };
}

/** After a cancellation commits: refund what was queued, and cancel an intent nobody will pay. */
export async function afterCancel(deps: AppDeps, bookingId: string, now: number): Promise<void> {
  await issueDueRefunds(deps, now);
  await cancelAbandonedIntents(deps, now, bookingId);
}

export async function cancelBooking(deps: AppDeps, id: string, token: string, reason: string | undefined, now: number): Promise<Booking> {
  const tokenHash = await hashToken(token);
  await deps.database.write(async (tx) => cancelIn(tx, await findByToken(tx, id, tokenHash), 'customer', reason, now));
  await afterCancel(deps, id, now);
  return present(deps.database.db, await findByToken(deps.database.db, id, tokenHash));
}

/** What cancelling now would do for the customer, to show before they confirm. */
export async function quoteCancellation(deps: AppDeps, id: string, token: string, now: number): Promise<CancellationQuote> {
  const row = await findByToken(deps.database.db, id, await hashToken(token));
  const [service] = await deps.database.db.select().from(services).where(eq(services.id, row.serviceId));
  const policy = policyOf(service!);
  const state = transition(row, 'cancel', now);
  const decision = cancellation(policy, row, now, 'customer');
  const limits = deadlines(policy, row.startAt);
  const [paid] = await deps.database.db.select().from(payments).where(and(eq(payments.bookingId, row.id), eq(payments.status, 'succeeded')));
  return {
    allowed: state.ok && decision.allowed,
    reason: !state.ok ? state.reason : decision.allowed ? null : decision.reason,
    // Only what was paid can come back (nothing for a hold or a free session).
    refund: { ...(paid ? { ...decision.refund, amount: Math.min(decision.refund.amount, paid.amount - paid.amountRefunded) } : { amount: 0, percent: decision.refund.percent, rule: decision.refund.rule }), currency: row.currency },
    fullRefundUntil: isoInstant(limits.fullRefundUntil),
    partialRefundUntil: isoInstant(limits.partialRefundUntil),
    cancelUntil: isoInstant(limits.cancelUntil),
    ...(row.creditLotId === null ? {} : { credit: returnsCredit(decision.refund.rule) ? ('returned' as const) : ('kept' as const) }),
  };
}

export { findByToken };
