import type { EmailAccepted, EmailVerified } from '@slotwise/sdk/contract';
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Drizzle, Tx } from '../../db/client.js';
import { accounts, specialists, type AccountRow, type SpecialistRow } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError } from '../errors.js';
import { hashToken } from '../ids.js';
import { mailEnabled } from '../mail/recipients.js';
import { accountEventQuery } from './account-events.js';
import { tokenToSpend } from './account-tokens.js';
import { t } from '../messages/index.js';
import { writeOne } from '../../db/batch.js';
import type { Query } from '../../db/shaped.js';
import { guardedBatch } from '../../db/batch.js';

/**
 * Email verification. A specialist who signs up gets a link (`account.email_verification`, valid
 * 24 hours); until they follow it their priced services show no slots and take no bookings or
 * package sales (free ones do) — money is only taken for someone whose address is known to reach
 * them. Accounts older than verification count as verified (migration 0005), and so does every
 * sign-up on a server with mail off, which could never deliver the link.
 */

/**
 * Whether the specialist may take money: no login account of theirs is unverified. A specialist
 * without a login (made by a script) has nothing to verify.
 */
export async function paidBookingsOpen(db: Drizzle | Tx, specialistId: string): Promise<boolean> {
  const [unverified] = await unverifiedQuery(db, specialistId);
  return !unverified;
}

/** The query `paidBookingsOpen` runs (`specialistId` a value or a subquery), for a read batch: a row means "not open". */
export const unverifiedQuery = (db: Drizzle | Tx, specialistId: string | SQL) =>
  db.select({ id: accounts.id }).from(accounts).where(unverifiedOf(specialistId)).limit(1);

const unverifiedOf = (specialistId: string | SQL) => and(eq(accounts.specialistId, specialistId), eq(accounts.role, 'specialist'), isNull(accounts.emailVerifiedAt));

/** `paidBookingsOpen` as a condition a guarded batch's database checks at commit. */
export const paidBookingsStillOpen = (specialistId: string): SQL => sql`not exists (select 1 from ${accounts} where ${unverifiedOf(specialistId)})`;

/**
 * Marks `account`'s email verified (once; a later proof keeps the first time) and, for a
 * specialist, moves the availability version in the same write: priced services' slots open, and
 * every process's slot cache must see it at once.
 */
export function verifiedQueries(db: Drizzle, account: AccountRow, now: number): { row: AccountRow; queries: Query[] } {
  if (account.emailVerifiedAt !== null) return { row: account, queries: [] };
  return {
    row: { ...account, emailVerifiedAt: now },
    queries: [
      db.update(accounts).set({ emailVerifiedAt: now }).where(eq(accounts.id, account.id)),
      ...(account.specialistId ? [db.update(specialists).set({ availabilityVersion: sql`${specialists.availabilityVersion} + 1` }).where(eq(specialists.id, account.specialistId))] : []),
    ],
  };
}

/** Verifies the email of the account a verification link's token belongs to, spending the token. */
export async function verifyEmail(deps: Pick<ServiceDeps, 'database' | 'clock'>, token: string): Promise<EmailVerified> {
  const presented = await hashToken(token);
  const now = deps.clock();
  const { database } = deps;
  const link = await tokenToSpend(database.db, presented, 'email_verification', now);
  const verified = link && verifiedQueries(database.db, link.account, now);
  // The token spent and the address verified in ONE batch, only while the token is unspent.
  const account = link && verified && (await guardedBatch(database, link.still, [link.spend, ...verified.queries])) ? verified.row : undefined;
  if (!account) {
    throw new ServiceError('verification_token_invalid', t('verification_token_invalid'), {
      errors: [{ field: 'body.token', message: t('verification_token_invalid.field') }],
    });
  }
  return { emailVerified: true, email: account.email, verifiedAt: isoInstant(account.emailVerifiedAt!) };
}

/**
 * Sends the calling specialist a new verification link (the outbox row, one statement; older links
 * stop working when it is sent). An address already verified gets nothing, and the answer says so.
 */
export async function resendVerification(deps: Pick<ServiceDeps, 'database' | 'clock' | 'mail'>, specialist: SpecialistRow): Promise<EmailAccepted> {
  const now = deps.clock();
  const [account] = await deps.database.db
    .select()
    .from(accounts)
    .where(and(eq(accounts.specialistId, specialist.id), eq(accounts.role, 'specialist')))
    .limit(1);
  const sent = !account || account.emailVerifiedAt !== null ? undefined : account.email;
  if (sent && mailEnabled(deps)) await writeOne(deps.database, accountEventQuery(deps.database.db, account!, 'account.email_verification', now));
  if (!sent) return { accepted: true, message: 'Your email is already verified: nothing to send.' };
  if (!mailEnabled(deps)) return { accepted: true, message: 'This server sends no email, so it cannot send a verification link. Ask the platform’s operator.' };
  return { accepted: true, message: `A new verification link is on its way to ${sent}. It works once, within 24 hours; older links no longer work.` };
}
