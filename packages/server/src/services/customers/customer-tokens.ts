import { CUSTOMER_LINK_MINUTES, CUSTOMER_SESSION_MINUTES } from '@slotwise/sdk/contract';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { guardedBatch, writeOne } from '../../db/batch.js';
import type { Database, Reader } from '../../db/client.js';
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

/** Mints a link token for `email` with `specialistId`, voiding the live ones before it (one batch). */
export async function mintLinkToken(database: Database, specialistId: string, email: string, now: number): Promise<string> {
  const db = database.db;
  const token = newSecretToken('cml');
  const row = await tokenRow({ specialistId, email, kind: 'link', token, expiresAt: now + LINK_TTL_MS, now });
  await database.batch([
    db
      .update(customerTokens)
      .set({ usedAt: now })
      .where(and(eq(customerTokens.specialistId, specialistId), eq(customerTokens.customerEmail, email), eq(customerTokens.kind, 'link'), isNull(customerTokens.usedAt))),
    db.insert(customerTokens).values(row),
  ]);
  return token;
}

/**
 * Spends a link token of `specialistId` and opens a session for its address: the link read, then
 * ONE guarded batch — the link still live, spent, and the session inserted — so of two requests
 * with one link only one gets a session. Undefined for anything else.
 */
export async function exchangeLinkToken(database: Database, specialistId: string, linkHash: string, now: number): Promise<{ token: string; row: CustomerTokenRow } | undefined> {
  const db = database.db;
  const [link] = await db
    .select()
    .from(customerTokens)
    .where(and(live(now), eq(customerTokens.tokenHash, linkHash), eq(customerTokens.kind, 'link'), eq(customerTokens.specialistId, specialistId)))
    .limit(1);
  if (!link) return undefined;
  const token = newSecretToken('cms');
  const row = await tokenRow({ specialistId, email: link.customerEmail, kind: 'session', token, expiresAt: now + SESSION_TTL_MS, now });
  const stillLive = and(eq(customerTokens.id, link.id), live(now));
  const written = await guardedBatch(database, sql`exists (select 1 from ${customerTokens} where ${stillLive})`, [
    db.update(customerTokens).set({ usedAt: now }).where(stillLive),
    db.insert(customerTokens).values(row),
  ]);
  return written ? { token, row } : undefined;
}

/** The live session a session token stands for, or undefined (unknown, ended, expired, a link token). */
export async function liveSession(db: Reader, sessionHash: string, now: number): Promise<CustomerTokenRow | undefined> {
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
export async function endSession(database: Database, id: string, now: number): Promise<void> {
  await writeOne(database, database.db.update(customerTokens).set({ usedAt: now }).where(and(eq(customerTokens.id, id), isNull(customerTokens.usedAt))));
}

const live = (now: number) => and(isNull(customerTokens.usedAt), gt(customerTokens.expiresAt, now));

async function tokenRow(
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
  return row;
}
