import type { CustomerSession, EmailAccepted } from '@slotwise/sdk/contract';
import { and, eq } from 'drizzle-orm';
import { writeOne } from '../../db/batch.js';
import { bookings, creditLedger, specialists } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError } from '../errors.js';
import { hashToken } from '../ids.js';
import { mailEnabled } from '../mail/recipients.js';
import { render, t, type Language } from '../messages/index.js';
import { accessLinkQuery } from './access-events.js';
import { grantSessionManageTokens } from './customer-bookings.js';
import { endSession, exchangeLinkToken, liveSession } from './customer-tokens.js';

type Deps = Pick<ServiceDeps, 'database' | 'clock' | 'mail' | 'links'>;

const specialistNotFound = (handle: string) => new ServiceError('specialist_not_found', t('specialist_not_found.my_bookings', { handle }));

/**
 * The page a "My bookings" link leads to: `returnUrl` (its fragment dropped) when its origin is
 * one the specialist registered — never merely because they registered none, or anyone could
 * have a link (and its token) sent to a page of their own —, else their hosted page on the API.
 */
export function linkPage(deps: Pick<ServiceDeps, 'links'>, specialist: { handle: string; allowedOrigins: readonly string[] }, returnUrl: string | undefined): string {
  if (returnUrl) {
    const url = new URL(returnUrl);
    if (specialist.allowedOrigins.includes(url.origin)) {
      url.hash = '';
      return url.href;
    }
  }
  return `${deps.links.api.replace(/\/+$/, '')}/${encodeURIComponent(specialist.handle)}`;
}

/**
 * Asks for a "My bookings" link. The answer is the same for every address: it looks for a booking
 * or a credit of `email` with the specialist and, only when there is one, appends the outbox row
 * of the email — the dispatcher sends it after the commit, minting the token then.
 */
export async function requestCustomerLink(deps: Deps, handle: string, email: string, returnUrl: string | undefined, language: Language = 'en'): Promise<EmailAccepted> {
  const now = deps.clock();
  const db = deps.database.db;
  const [specialist] = await db.select({ id: specialists.id, handle: specialists.handle, allowedOrigins: specialists.allowedOrigins }).from(specialists).where(eq(specialists.handle, handle)).limit(1);
  if (!specialist) throw specialistNotFound(handle);
  const [booked] = await db.select({ id: bookings.id }).from(bookings).where(and(eq(bookings.specialistId, specialist.id), eq(bookings.customerEmail, email))).limit(1);
  const [credited] = booked ? [booked] : await db.select({ id: creditLedger.id }).from(creditLedger).where(and(eq(creditLedger.specialistId, specialist.id), eq(creditLedger.customerEmail, email))).limit(1);
  // A read then one insert: a booking made in between changes nothing anyone could notice.
  if (booked || credited) await writeOne(deps.database, accessLinkQuery(db, specialist.id, email, linkPage(deps, specialist, returnUrl), now));
  return {
    accepted: true,
    message: render(mailEnabled(deps) ? t('customer_link_sent') : t('customer_link_mail_off'), language),
  };
}

const linkInvalid = () =>
  new ServiceError('customer_link_invalid', t('customer_link_invalid'), {
    errors: [{ field: 'body.token', message: t('customer_link_invalid.field') }],
  });

/** Spends a link's token for a session with the specialist `handle` (a link of another specialist's does not open this one). */
export async function openCustomerSession(deps: ServiceDeps, handle: string, token: string): Promise<CustomerSession> {
  const linkHash = await hashToken(token);
  const now = deps.clock();
  const [specialist] = await deps.database.db.select({ id: specialists.id, handle: specialists.handle, name: specialists.name }).from(specialists).where(eq(specialists.handle, handle)).limit(1);
  const session = specialist && (await exchangeLinkToken(deps.database, specialist.id, linkHash, now));
  const opened = session && { ...session, specialist };
  if (!opened) throw linkInvalid();
  await grantSessionManageTokens(deps, opened.row, now);
  return {
    sessionToken: opened.token,
    expiresAt: isoInstant(opened.row.expiresAt),
    customerEmail: opened.row.customerEmail,
    specialist: { handle: opened.specialist.handle, name: opened.specialist.name },
  };
}

/** Signs out: the session token stops working. A session already ended (or unknown) answers the same: there is nothing left to end. */
export async function endCustomerSession(deps: Pick<ServiceDeps, 'database' | 'clock'>, token: string): Promise<{ accepted: true }> {
  const session = await liveSession(deps.database.db, await hashToken(token), deps.clock());
  if (session) await endSession(deps.database, session.id, deps.clock());
  return { accepted: true };
}
