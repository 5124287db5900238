import type { OperatorSpecialist } from '@slotwise/sdk/contract';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Drizzle, Tx } from '../../db/client.js';
import { accounts, bookings, specialists, type SpecialistRow } from '../../db/schema.js';
import { accountEventQuery } from '../accounts/account-events.js';
import { isoInstant } from '../../domain/civil.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError, writeContention } from '../errors.js';
import { t } from '../messages/index.js';
import { guardedBatch, optimistic, RETRY } from '../../db/batch.js';

/**
 * The operator's hold on a specialist. Suspending stops everything new — the public page says
 * they are not taking bookings, slots are empty, bookings and package sales are refused
 * (`specialist_unavailable`) — and leaves the rest: bookings already made, payments, their login
 * and console (where `Profile.status` and `statusReason` tell them why). Both moves bump the
 * availability version in the same write, so no process serves slots from before, and write the
 * outbox row of the email that tells the specialist (`account.suspended` with the reason, again
 * when only the reason changes; `account.reactivated`).
 */

/** A specialist as the operator's list shows them: standing, login email and verification, bookings. */
export const operatorColumns = {
  specialist: specialists,
  email: accounts.email,
  emailVerifiedAt: accounts.emailVerifiedAt,
  bookingCount: sql<number>`(select count(*) from ${bookings} where ${bookings.specialistId} = ${specialists.id})`,
  lastSessionAt: sql<number | null>`(select max(${bookings.startAt}) from ${bookings} where ${bookings.specialistId} = ${specialists.id})`,
};

export interface OperatorRow {
  specialist: SpecialistRow;
  email: string | null;
  emailVerifiedAt: number | null;
  bookingCount: number;
  lastSessionAt: number | null;
}

export function toOperatorSpecialist(row: OperatorRow): OperatorSpecialist {
  const s = row.specialist;
  return {
    id: s.id,
    handle: s.handle,
    name: s.name,
    email: row.email,
    status: s.status,
    statusReason: s.statusReason,
    statusChangedAt: s.statusChangedAt === null ? null : isoInstant(s.statusChangedAt),
    // No login, nothing to verify (see `paidBookingsOpen`).
    emailVerified: row.email === null || row.emailVerifiedAt !== null,
    bookings: Number(row.bookingCount),
    lastSessionAt: row.lastSessionAt === null ? null : isoInstant(Number(row.lastSessionAt)),
    createdAt: isoInstant(s.createdAt),
  };
}

/** The rows of the operator's list, the login joined (a specialist has at most one). */
export const operatorView = (db: Drizzle | Tx) =>
  db
    .select(operatorColumns)
    .from(specialists)
    .leftJoin(accounts, and(eq(accounts.specialistId, specialists.id), eq(accounts.role, 'specialist')));

async function change(deps: ServiceDeps, id: string, to: 'suspended' | 'active', reason: string | null, by: string): Promise<OperatorSpecialist> {
  const now = deps.clock();
  const { database } = deps;
  const db = database.db;
  // Decided on the row as read, written behind a guard that it is still so (status and reason).
  const row = await optimistic(
    database,
    id,
    async () => {
      const [current] = await db.select().from(specialists).where(eq(specialists.id, id)).limit(1);
      if (!current) throw new ServiceError('specialist_not_found', t('specialist_not_found.id', { id }));
      if (current.status === 'closed') {
        throw new ServiceError('specialist_closed', t('specialist_closed', { name: current.name }));
      }
      // Suspending again only updates the reason; reactivating an active specialist changes nothing.
      if (current.status !== to || (to === 'suspended' && current.statusReason !== reason)) {
        const asRead = and(eq(specialists.id, id), eq(specialists.status, current.status), current.statusReason === null ? isNull(specialists.statusReason) : eq(specialists.statusReason, current.statusReason));
        const update = db
          .update(specialists)
          .set({
            status: to,
            statusReason: reason,
            ...(current.status !== to ? { statusChangedAt: now, availabilityVersion: sql`${specialists.availabilityVersion} + 1` } : {}),
          })
          .where(eq(specialists.id, id));
        // The specialist hears of it by email (their login's), from the outbox row written with the change.
        const [login] = await db.select({ id: accounts.id, specialistId: accounts.specialistId }).from(accounts).where(and(eq(accounts.specialistId, id), eq(accounts.role, 'specialist'))).limit(1);
        const told = login ? [accountEventQuery(db, login, to === 'suspended' ? 'account.suspended' : 'account.reactivated', now)] : [];
        if (!(await guardedBatch(database, sql`exists (select 1 from ${specialists} where ${asRead})`, [update, ...told]))) return RETRY;
      }
      const [found] = await operatorView(db).where(eq(specialists.id, id));
      return found!;
    },
    writeContention,
  );
  deps.log({ level: 'info', msg: to === 'suspended' ? 'specialist suspended' : 'specialist reactivated', specialistId: id, by });
  return toOperatorSpecialist(row);
}

/** Suspends specialist `id` for `reason` (shown to them and to operators, never to the public). */
export const suspendSpecialist = (deps: ServiceDeps, id: string, reason: string, by: string) => change(deps, id, 'suspended', reason, by);

/** Lets a suspended specialist take bookings again. */
export const reactivateSpecialist = (deps: ServiceDeps, id: string, by: string) => change(deps, id, 'active', null, by);
