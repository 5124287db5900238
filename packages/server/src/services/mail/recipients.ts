import { and, eq } from 'drizzle-orm';
import type { Drizzle, Tx } from '../../db/client.js';
import { accounts, type SpecialistRow } from '../../db/schema.js';
import type { ServiceDeps } from '../deps.js';

/**
 * Whether this server sends email at all: a transport is configured (SMTP, Postmark, the demo's
 * mailbox). With mail off the email channel plans nothing, so nothing sits waiting to fail — and
 * a booking answer never says a confirmation was emailed.
 */
export const mailEnabled = (deps: Pick<ServiceDeps, 'mail'>) => deps.mail.name !== 'off';

/**
 * Whether a booking's customer gets its confirmation by email: the email channel plans one for
 * every confirmation (it is transactional — opt-outs never stop it) whenever mail is on. The
 * booking answer reports this, so the widget only says what is true.
 */
export const customerConfirmationQueued = (deps: Pick<ServiceDeps, 'mail'>) => mailEnabled(deps);

/** The specialist's own address: their `notificationEmail`, else the email they log in with. */
export async function specialistAddress(db: Drizzle | Tx, specialist: Pick<SpecialistRow, 'id' | 'notificationEmail'>): Promise<string | undefined> {
  if (specialist.notificationEmail) return specialist.notificationEmail;
  const [login] = await db
    .select({ email: accounts.email })
    .from(accounts)
    .where(and(eq(accounts.specialistId, specialist.id), eq(accounts.role, 'specialist')))
    .limit(1);
  return login?.email;
}

/** `bookings@example.com` of `Slotwise <bookings@example.com>`. */
export const bareAddress = (mailbox: string) => /<([^<>]+)>\s*$/.exec(mailbox)?.[1]?.trim() ?? mailbox.trim();
