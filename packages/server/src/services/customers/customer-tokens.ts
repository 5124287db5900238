import { CUSTOMER_LINK_MINUTES, CUSTOMER_SESSION_MINUTES } from '@slotwise/sdk/contract';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Drizzle, Tx } from '../../db/client.js';
import { customerTokens, type CustomerTokenRow } from '../../db/schema.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError } from '../errors.js';
import { hashToken, newId, newSecretToken } from '../ids.js';
import { t } from '../messages/index.js';

export const LINK_TTL_MS = CUSTOMER_LINK_MINUTES * 60_000;
export const SESSION_TTL_MS = CUSTOMER_SESSION_MINUTES * 60_000;

/**
 * A customer's way into "My bookings" with one specialist (`customer_tokens`): an emailed `link`
 * token (single use, 15 minutes; minted when its email is sent, so the clear token exists only in
 * that email; only the newest works) exchanged once for a `session` token (1 hour) the widget
 * keeps. Only SHA-256 hashes are stored; every lookup is scoped to the specialist and the token's
 * kind, and a used or expired token answers exactly like an unknown one.
 */

/** Mints a link token for `email` with `specialistId`, voiding the live ones before it. */
export async function mintLinkToken(tx: Tx, specialistId: string, email: string, now: number): Promise<string> {
  const token = newSecretToken('cml');
  await tx
    .update(customerTokens)
    .set({ usedAt: now })
    .where(and(eq(customerTokens.specialistId, specialistId), eq(customerTokens.customerEmail, email), eq(customerTokens.kind, 'link'), isNull(customerTokens.usedAt)));
  await insertToken(tx, { specialistId, email, kind: 'link', token, expiresAt: now + LINK_TTL_MS, now });
  return token;
}

/**
 * Spends a link token of `specialistId` and opens a session for its address, in the caller's
 * transaction: of two requests with one link only one gets a session. Undefined for anything else.
 */
export async function exchangeLinkToken(tx: Tx, specialistId: string, linkHash: string, now: number): Promise<{ token: string; row: CustomerTokenRow } | undefined> {
  const spent = await tx
    .update(customerTokens)
    .set({ usedAt: now })
    .where(and(live(now), eq(customerTokens.tokenHash, linkHash), eq(customerTokens.kind, 'link'), eq(customerTokens.specialistId, specialistId)))
    .returning();
  const link = spent[0];
  if (!link) return undefined;
  const token = newSecretToken('cms');
  const row = await insertToken(tx, { specialistId, email: link.customerEmail, kind: 'session', token, expiresAt: now + SESSION_TTL_MS, now });
  return { token, row };
}

/** The live session a session token stands for, or undefined (unknown, ended, expired, a link token). */
export async function liveSession(db: Drizzle | Tx, sessionHash: string, now: number): Promise<CustomerTokenRow | undefined> {
  const [row] = await db
    .select()
    .from(customerTokens)
    .where(and(live(now), eq(customerTokens.tokenHash, sessionHash), eq(customerTokens.kind, 'session')))
    .limit(1);
  return row;
}

/** The live session of a session token; a 401 that says what to do for anything else. */
export async function customerSession(deps: Pick<ServiceDeps, 'database' | 'clock'>, token: string): Promise<CustomerTokenRow> {
  const session = await liveSession(deps.database.db, await hashToken(token), deps.clock());
  if (!session) throw new ServiceError('customer_session_invalid', t('customer_session_invalid'));
  return session;
}

/** Ends a session: its token stops working at once. */
export async function endSession(tx: Tx, id: string, now: number): Promise<void> {
  await tx.update(customerTokens).set({ usedAt: now }).where(and(eq(customerTokens.id, id), isNull(customerTokens.usedAt)));
}

const live = (now: number) => and(isNull(customerTokens.usedAt), gt(customerTokens.expiresAt, now));

async function insertToken(
  tx: Tx,
  input: { specialistId: string; email: string; kind: CustomerTokenRow['kind']; token: string; expiresAt: number; now: number },
): Promise<CustomerTokenRow> {
  const row: CustomerTokenRow = {
    id: newId('ct'),
    specialistId: input.specialistId,
    customerEmail: input.email,
    kind: input.kind,
    tokenHash: await hashToken(input.token),
    expiresAt: input.expiresAt,
    usedAt: null,
    createdAt: input.now,
  };
  await tx.insert(customerTokens).values(row);
  return row;
}
