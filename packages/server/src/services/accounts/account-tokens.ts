import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database, Drizzle } from '../../db/client.js';
import { accounts, accountTokens, type AccountTokenRow } from '../../db/schema.js';
import { hashToken, newId, newSecretToken } from '../ids.js';

export type AccountTokenPurpose = AccountTokenRow['purpose'];

/** How long an emailed link works: a reset link an hour (it grants the account), a verification link a day. */
export const ACCOUNT_TOKEN_TTL_MS: Readonly<Record<AccountTokenPurpose, number>> = {
  password_reset: 3_600_000,
  email_verification: 86_400_000,
};

const PREFIX: Readonly<Record<AccountTokenPurpose, string>> = { password_reset: 'prt', email_verification: 'evt' };

/**
 * A new single-use token for `accountId` and `purpose`, minted when the email that carries it is
 * sent (so the clear token exists only in that email): older live tokens of the same purpose are
 * voided in the same batch — only the newest link works — and only the hash is stored.
 */
export async function mintAccountToken(database: Database, accountId: string, purpose: AccountTokenPurpose, now: number): Promise<string> {
  const token = newSecretToken(PREFIX[purpose]);
  const db = database.db;
  const voidLive = db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.accountId, accountId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)));
  const insert = db.insert(accountTokens).values({
    id: newId('at'),
    accountId,
    purpose,
    tokenHash: await hashToken(token),
    expiresAt: now + ACCOUNT_TOKEN_TTL_MS[purpose],
    createdAt: now,
  });
  await database.batch([voidLive, insert]);
  return token;
}

/**
 * A token to spend: the account it belongs to when it is of `purpose`, unused and unexpired, with
 * the statement that spends it and the guard that it is still unspent — for ONE guarded batch with
 * what the token allows (`guardedBatch`), so of two requests with one token only one is written.
 * Undefined for anything else (unknown, used, voided, expired, another purpose), which callers
 * answer alike.
 */
export async function tokenToSpend(db: Drizzle, tokenHash: string, purpose: AccountTokenPurpose, now: number) {
  const [found] = await db
    .select({ token: accountTokens, account: accounts })
    .from(accountTokens)
    .innerJoin(accounts, eq(accounts.id, accountTokens.accountId))
    .where(and(eq(accountTokens.tokenHash, tokenHash), eq(accountTokens.purpose, purpose)))
    .limit(1);
  if (!found || found.token.usedAt !== null || found.token.expiresAt <= now) return undefined;
  const unspent = and(eq(accountTokens.id, found.token.id), isNull(accountTokens.usedAt));
  return {
    account: found.account,
    spend: db.update(accountTokens).set({ usedAt: now }).where(unspent),
    still: sql`exists (select 1 from ${accountTokens} where ${unspent})`,
  };
}
