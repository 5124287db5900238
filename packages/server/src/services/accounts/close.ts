import type { AccountClose, AccountClosed } from '@slotwise/sdk/contract';
import { and, asc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { guardedBatch } from '../../db/batch.js';
import type { Database, Drizzle } from '../../db/client.js';
import { accounts, apiKeys, bookings, packages, refreshTokens, services, specialists, webhookEndpoints, type BookingRow, type SpecialistRow } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';
import { cancelGuarded } from '../bookings/cancel.js';
import { expireDueHolds } from '../bookings/holds.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError } from '../errors.js';
import { errorFields } from '../log.js';
import { cancelAbandonedIntents } from '../payments/intents.js';
import { issueDueRefunds } from '../payments/refunds.js';
import { verifyPassword } from './passwords.js';
import { t } from '../messages/index.js';

/** The reason every cancelled booking carries: the customers read it in their email. */
export const CLOSED_REASON = 'The specialist closed their account.';

/** Future bookings cancelled per read; each one is cancelled in a guarded batch of its own (`bookings/cancel.ts`). */
const BATCH = 100;

const alreadyClosed = () => new ServiceError('account_closed', t('account_closed'));

/** Re-authentication: closing needs the password of the specialist's login, not only a session or key. */
async function checkPassword(deps: ServiceDeps, specialist: SpecialistRow, input: AccountClose): Promise<void> {
  if (input.confirm.trim().toLowerCase() !== specialist.handle.toLowerCase()) {
    throw new ServiceError('invalid_request', t('invalid_request.confirm_handle', { handle: specialist.handle }), {
      errors: [{ field: 'body.confirm', message: t('invalid_request.confirm_handle_field', { handle: specialist.handle }) }],
    });
  }
  const [login] = await deps.database.db.select({ hash: accounts.passwordHash }).from(accounts).where(eq(accounts.specialistId, specialist.id)).limit(1);
  if (!login || !(await verifyPassword(input.password, login.hash, { maxIterations: deps.maxKdfIterations }))) {
    throw new ServiceError('password_incorrect', t('password_incorrect'), {
      errors: [{ field: 'body.password', message: t('password_incorrect.field') }],
    });
  }
}

/** Everything that lets the account act or be booked stops, in one short transaction. */
async function shutDown(database: Database, specialist: SpecialistRow, now: number) {
  const db = database.db;
  const logins = db.select({ id: accounts.id }).from(accounts).where(eq(accounts.specialistId, specialist.id));
  // ONE batch, written only while the account is not closed yet: of two closings at once, one.
  const written = await guardedBatch(database, sql`exists (select 1 from ${specialists} where ${specialists.id} = ${specialist.id} and ${specialists.status} <> 'closed')`, [
    db.update(specialists).set({ status: 'closed', statusChangedAt: now, statusReason: null, feedTokenHash: null }).where(eq(specialists.id, specialist.id)),
    db.update(services).set({ active: false }).where(and(eq(services.specialistId, specialist.id), eq(services.active, true))).returning({ id: services.id }),
    db.update(packages).set({ active: false }).where(and(eq(packages.specialistId, specialist.id), eq(packages.active, true))).returning({ id: packages.id }),
    db.update(apiKeys).set({ revokedAt: now }).where(and(eq(apiKeys.specialistId, specialist.id), isNull(apiKeys.revokedAt))).returning({ id: apiKeys.id }),
    db.update(webhookEndpoints).set({ enabled: false }).where(and(eq(webhookEndpoints.specialistId, specialist.id), eq(webhookEndpoints.enabled, true))).returning({ id: webhookEndpoints.id }),
    db.update(refreshTokens).set({ revokedAt: now }).where(and(inArray(refreshTokens.accountId, logins), isNull(refreshTokens.revokedAt))),
  ]);
  if (!written) throw alreadyClosed();
  const [, servicesOff, packagesOff, keysOff, hooksOff] = written as unknown[][];
  return { servicesDeactivated: servicesOff!.length, packagesArchived: packagesOff!.length, apiKeysRevoked: keysOff!.length, webhookEndpointsDisabled: hooksOff!.length };
}

/** Cancels one booking by the specialist (a full refund, queued) if it is still active; whether a refund was queued. */
async function cancelOne(deps: Pick<ServiceDeps, 'database'>, id: string, now: number): Promise<{ cancelled: boolean; refunded: boolean }> {
  const active = async (db: Drizzle) => {
    const [row] = await db.select().from(bookings).where(and(eq(bookings.id, id), inArray(bookings.status, ['held', 'confirmed'])));
    if (!row) throw ended;
    return row;
  };
  try {
    const { refundQueued } = await cancelGuarded(deps, active, 'specialist', CLOSED_REASON, now);
    return { cancelled: true, refunded: refundQueued };
  } catch (error) {
    if (error === ended) return { cancelled: false, refunded: false }; // ended or cancelled meanwhile
    throw error;
  }
}

/** What `cancelOne`'s read throws for a booking no longer active: nothing to cancel. */
const ended = new Error('the booking is no longer active');

/**
 * Closes the caller's account, for good. First, in one transaction: status `closed` (no new
 * bookings: the public profile says closed), services deactivated, packages archived, API keys
 * revoked, every login's refresh tokens revoked, webhook endpoints disabled (integrations stop
 * with the account, so the cancellations below are not sent to them) and the calendar feed
 * revoked. Then every future `confirmed` or `held` booking is cancelled through the one road by
 * the specialist — the existing path, which queues a full refund (a credit goes back) and writes
 * the outbox row the customer's cancellation email comes from — each in its own guarded batch,
 * read a batch at a time. Queued refunds are then issued (a provider failure leaves them queued
 * for the scheduler's retries). Past bookings, payments and refunds stay: they are records.
 *
 * @throws ServiceError `invalid_request` (the handle typed wrong), `password_incorrect`,
 *   `account_closed` (closed already; nothing changes).
 */
export async function closeAccount(deps: ServiceDeps, specialist: SpecialistRow, input: AccountClose): Promise<AccountClosed> {
  if (specialist.status === 'closed') throw alreadyClosed();
  await checkPassword(deps, specialist, input);
  const now = deps.clock();
  const stopped = await shutDown(deps.database, specialist, now);
  await expireDueHolds(deps, { specialistId: specialist.id }); // a lapsed hold expires; it is not cancelled
  let bookingsCancelled = 0;
  let refundsQueued = 0;
  const heldOnes: string[] = [];
  let after: Pick<BookingRow, 'startAt' | 'id'> | undefined;
  for (;;) {
    const future = and(eq(bookings.specialistId, specialist.id), inArray(bookings.status, ['held', 'confirmed']), gt(bookings.startAt, now));
    const page = await deps.database.db
      .select({ id: bookings.id, startAt: bookings.startAt, status: bookings.status })
      .from(bookings)
      .where(after ? and(future, or(gt(bookings.startAt, after.startAt), and(eq(bookings.startAt, after.startAt), gt(bookings.id, after.id)))) : future)
      .orderBy(asc(bookings.startAt), asc(bookings.id))
      .limit(BATCH);
    for (const b of page) {
      try {
        const done = await cancelOne(deps, b.id, now);
        if (done.cancelled) bookingsCancelled++;
        if (done.refunded) refundsQueued++;
        if (done.cancelled && b.status === 'held') heldOnes.push(b.id);
      } catch (error) {
        // The account is closed already: one booking that cannot be cancelled must not stop the others.
        deps.logError(error);
        deps.log({ level: 'error', msg: 'a booking of a closed account was not cancelled', specialistId: specialist.id, bookingId: b.id });
      }
    }
    if (page.length < BATCH) break;
    after = page[page.length - 1]!;
  }
  try {
    await issueDueRefunds(deps, now);
    for (const id of heldOnes) await cancelAbandonedIntents(deps, now, id);
  } catch (error) {
    // Queued refunds are retried by the scheduler; the account is closed either way.
    deps.log({ level: 'warn', msg: 'refunds after closing an account not all issued', specialistId: specialist.id, ...errorFields(error) });
  }
  deps.log({ level: 'info', msg: 'account closed', specialistId: specialist.id, bookingsCancelled, refundsQueued });
  return { closedAt: isoInstant(now), bookingsCancelled, refundsQueued, ...stopped };
}
