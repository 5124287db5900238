import type { AuthTokens, EmailAccepted, PasswordResetConfirm } from '@slotwise/sdk/contract';
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { accounts, refreshTokens, specialists } from '../../db/schema.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError } from '../errors.js';
import { hashToken } from '../ids.js';
import { mailEnabled } from '../mail/recipients.js';
import { accountEventQuery } from './account-events.js';
import { tokenToSpend } from './account-tokens.js';
import { hashPassword } from './passwords.js';
import { verifiedQueries } from './verification.js';
import { newRefreshToken, refreshTokenQuery, tokensFor } from './sessions.js';
import { t } from '../messages/index.js';
import { writeOne } from '../../db/batch.js';
import { guardedBatch } from '../../db/batch.js';

type Deps = Pick<ServiceDeps, 'database' | 'clock' | 'jwtSecret' | 'kdfIterations' | 'mail'>;

/**
 * Asks for a reset link for `email`. The answer is the same for every address and the work nearly
 * so: it looks the account up and, only when there is one, appends (one statement) the
 * outbox row of the email (`account.password_reset`) — the dispatcher sends it after the commit,
 * minting the link's token then (older links stop working). Nothing says whether it exists.
 */
export async function requestPasswordReset(deps: Deps, email: string): Promise<EmailAccepted> {
  const now = deps.clock();
  const [account] = await deps.database.db.select({ id: accounts.id, specialistId: accounts.specialistId }).from(accounts).where(eq(accounts.email, email)).limit(1);
  if (account) await writeOne(deps.database, accountEventQuery(deps.database.db, account, 'account.password_reset', now));
  return {
    accepted: true,
    message: mailEnabled(deps)
      ? 'If this email has an account, a link to choose a new password is on its way to it. It works once, within 1 hour; only the newest link works.'
      : 'This server sends no email, so it cannot send a reset link. Ask the platform’s operator for help.',
  };
}

const invalidToken = () =>
  new ServiceError('reset_token_invalid', t('reset_token_invalid'), {
    errors: [{ field: 'body.token', message: t('reset_token_invalid.field') }],
  });

/**
 * Sets a new password with a reset link's token, in one write: the token is spent, the password
 * replaced, every refresh token of the account revoked and every access token issued before
 * this second refused (every other login ends at once) and a new login started. Following the emailed
 * link also proves the address, so an unverified email becomes verified.
 */
export async function confirmPasswordReset(deps: Deps, input: z.output<typeof PasswordResetConfirm>): Promise<AuthTokens> {
  // The slow parts before the transaction: hashing never holds the write lock.
  const [presented, passwordHash, refresh] = await Promise.all([hashToken(input.token), hashPassword(input.password, deps.kdfIterations), newRefreshToken()]);
  const now = deps.clock();
  const { database } = deps;
  const db = database.db;
  const token = await tokenToSpend(db, presented, 'password_reset', now);
  // The token spent, the password replaced, every login ended, a new one begun and the address
  // verified: ONE batch, written only while the token is unspent.
  const verified = token && verifiedQueries(db, token.account, now);
  const written =
    token &&
    verified &&
    (await guardedBatch(database, token.still, [
      token.spend,
      // Access tokens issued until this second are refused from now on (`principals.ts`).
      db.update(accounts).set({ passwordHash, sessionsSince: Math.floor(now / 1000) * 1000 }).where(eq(accounts.id, token.account.id)),
      db.update(refreshTokens).set({ revokedAt: now }).where(and(eq(refreshTokens.accountId, token.account.id), isNull(refreshTokens.revokedAt))),
      refreshTokenQuery(db, token.account.id, refresh, now),
      ...verified.queries,
    ]));
  const [specialist] = written && token.account.specialistId ? await db.select({ handle: specialists.handle }).from(specialists).where(eq(specialists.id, token.account.specialistId)) : [];
  const done = written && verified ? { account: { ...verified.row, passwordHash }, handle: specialist?.handle ?? null } : undefined;
  if (!done) throw invalidToken();
  return tokensFor(deps, done.account, done.handle, refresh, now);
}
