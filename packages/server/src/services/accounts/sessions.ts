import type { AuthTokens, Login, RefreshTokenBody, Signup } from '@slotwise/sdk/contract';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ServiceDeps } from '../deps.js';
import { guardedBatch, optimistic, RETRY, writeOne } from '../../db/batch.js';
import type { Drizzle, Tx } from '../../db/client.js';
import { withDefaults } from '../../db/rows.js';
import { accounts, refreshTokens, specialists, type AccountRow } from '../../db/schema.js';
import { ServiceError, writeContention } from '../errors.js';
import { hashToken, newId, newSecretToken } from '../ids.js';
import { signAccessToken } from './access-token.js';
import { mailEnabled } from '../mail/recipients.js';
import { accountEventQuery } from './account-events.js';
import { decoyHash, hashPassword, iterationsOf, verifyPassword } from './passwords.js';
import { t } from '../messages/index.js';
import { handleStillFree, handleTaken } from '../catalog/handles.js';

/** A refresh token lives 30 days; each use replaces it with a new one. */
export const REFRESH_TOKEN_TTL_MS = 30 * 86_400_000;

type Deps = Pick<ServiceDeps, 'database' | 'clock' | 'jwtSecret' | 'kdfIterations' | 'maxKdfIterations' | 'mail'>;

export interface NewRefreshToken {
  token: string;
  hash: string;
}

/** Made before the transaction: hashing is async I/O. */
export async function newRefreshToken(): Promise<NewRefreshToken> {
  const token = newSecretToken('rt');
  return { token, hash: await hashToken(token) };
}

/**
 * Stores `prepared` in `family` (the login it belongs to; a new login starts a family): a query built
 * on `db` and not run — for a batch, or awaited in a transaction.
 */
export function refreshTokenQuery(db: Drizzle | Tx, accountId: string, prepared: NewRefreshToken, now: number, family?: string) {
  const id = newId('rt');
  return (db as Drizzle).insert(refreshTokens).values({ id, accountId, tokenHash: prepared.hash, family: family ?? id, expiresAt: now + REFRESH_TOKEN_TTL_MS, createdAt: now });
}

/** The answer of a login: an access token, the refresh token `refresh`, and who logged in. */
export async function tokensFor(deps: Deps, account: AccountRow, handle: string | null, refresh: NewRefreshToken, now: number): Promise<AuthTokens> {
  const access = await signAccessToken(deps.jwtSecret, { accountId: account.id, role: account.role, specialistId: account.specialistId }, now);
  return {
    accessToken: access.token,
    accessTokenExpiresAt: new Date(access.expiresAt).toISOString(),
    refreshToken: refresh.token,
    refreshTokenExpiresAt: new Date(now + REFRESH_TOKEN_TTL_MS).toISOString(),
    account: { id: account.id, email: account.email, role: account.role, handle },
  };
}

/**
 * A new specialist: the account, its public profile (no services or hours yet) and a login, and —
 * in the same write — the outbox row of the email that verifies their address (until it is
 * followed, priced services take no bookings).
 */
export async function signup(deps: Deps, input: z.output<typeof Signup>): Promise<AuthTokens> {
  const passwordHash = await hashPassword(input.password, deps.kdfIterations);
  const refresh = await newRefreshToken();
  const now = deps.clock();
  const { database } = deps;
  const db = database.db;
  // Checked on a read, written as ONE batch behind a guard that the email and the handle are still
  // free: of two sign-ups racing for either, one is written and the other, on a fresh read, told why.
  const account = await optimistic(
    database,
    `signup:${input.email}`,
    async () => {
      const [emailOwner] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, input.email)).limit(1);
      if (emailOwner) {
        throw new ServiceError('email_taken', t('email_taken'), {
          errors: [{ field: 'body.email', message: t('email_taken.field') }],
        });
      }
      if (await handleTaken(db, input.handle, undefined, now)) {
        throw new ServiceError('handle_taken', t('handle_taken', { handle: input.handle }), {
          errors: [{ field: 'body.handle', message: t('handle_taken.field') }],
        });
      }
      const specialistId = newId('sp');
      // With mail off no link can reach them, so there is nothing to prove: verified at once (see `verification.ts`).
      const verifiable = mailEnabled(deps);
      const row = withDefaults(accounts, { id: newId('acct'), email: input.email, passwordHash, role: 'specialist', specialistId, emailVerifiedAt: verifiable ? null : now, createdAt: now });
      const free = sql`not exists (select 1 from ${accounts} where ${accounts.email} = ${input.email}) and ${handleStillFree(input.handle, undefined, now)}`;
      const written = await guardedBatch(database, free, [
        db.insert(specialists).values({ id: specialistId, handle: input.handle, name: input.name, timeZone: input.timeZone, currency: input.currency, createdAt: now }),
        db.insert(accounts).values(row),
        refreshTokenQuery(db, row.id, refresh, now),
        ...(verifiable ? [accountEventQuery(db, row, 'account.email_verification', now)] : []),
      ]);
      return written ? row : RETRY;
    },
    writeContention,
  );
  return tokensFor(deps, account, input.handle, refresh, now);
}

const invalidCredentials = () =>
  new ServiceError('invalid_credentials', t('invalid_credentials'));

/**
 * Tokens for a right email and password. A wrong password and an unknown email answer alike and
 * take as long (the KDF runs against a decoy hash), so the answer does not tell whether an email
 * has an account — except for a hash this runtime cannot run (`password_rehash_required`, on the
 * edge), which only an account has; sign-up's `email_taken` tells as much already.
 *
 * A right password whose hash costs more than `kdfIterations` is rehashed at that count, in the
 * same write as the new refresh token, unless the hash changed meanwhile (a reset): a server set
 * to the edge's count (`EDGE_KDF_ITERATIONS`) so brings each account within the edge's reach at
 * its next sign-in, when the password is at hand. A cheaper hash is left as it is.
 */
export async function login(deps: Deps, input: z.output<typeof Login>): Promise<AuthTokens> {
  const [found] = await deps.database.db
    .select({ account: accounts, handle: specialists.handle })
    .from(accounts)
    .leftJoin(specialists, eq(specialists.id, accounts.specialistId))
    .where(eq(accounts.email, input.email))
    .limit(1);
  const matches = await verifyPassword(input.password, found?.account.passwordHash ?? decoyHash(deps.kdfIterations), { maxIterations: deps.maxKdfIterations });
  if (!found || !matches) throw invalidCredentials();
  const stored = found.account.passwordHash;
  const rehashed = (iterationsOf(stored) ?? 0) > deps.kdfIterations ? await hashPassword(input.password, deps.kdfIterations) : undefined;
  const refresh = await newRefreshToken();
  const now = deps.clock();
  const db = deps.database.db;
  await deps.database.batch([
    refreshTokenQuery(db, found.account.id, refresh, now),
    ...(rehashed ? [db.update(accounts).set({ passwordHash: rehashed }).where(and(eq(accounts.id, found.account.id), eq(accounts.passwordHash, stored)))] : []),
  ]);
  return tokensFor(deps, found.account, found.handle, refresh, now);
}

/**
 * Spends a refresh token for new tokens in the same family. A token already spent (or logged out)
 * coming back means two parties hold it — one of them a thief: every token of the family is
 * revoked, and the rightful user logs in again.
 */
export async function refresh(deps: Deps, input: z.output<typeof RefreshTokenBody>): Promise<AuthTokens> {
  const presented = await hashToken(input.refreshToken);
  const next = await newRefreshToken();
  const now = deps.clock();
  const { database } = deps;
  const db = database.db;
  // The token read, then ONE guarded batch: still unspent → spent, and its successor stored. Of two
  // uses of one token, the second finds it spent on its fresh read: reuse, the family revoked.
  const outcome = await optimistic(
    database,
    `refresh:${presented}`,
    async () => {
      const [row] = await db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, presented)).limit(1);
      if (!row) return { kind: 'unknown' as const };
      if (row.revokedAt !== null) {
        await writeOne(database, db.update(refreshTokens).set({ revokedAt: now }).where(and(eq(refreshTokens.family, row.family), isNull(refreshTokens.revokedAt))));
        return { kind: 'reused' as const };
      }
      if (row.expiresAt <= now) return { kind: 'expired' as const };
      const [found] = await db
        .select({ account: accounts, handle: specialists.handle })
        .from(accounts)
        .leftJoin(specialists, eq(specialists.id, accounts.specialistId))
        .where(eq(accounts.id, row.accountId));
      const unspent = and(eq(refreshTokens.id, row.id), isNull(refreshTokens.revokedAt));
      const written = await guardedBatch(database, sql`exists (select 1 from ${refreshTokens} where ${unspent})`, [
        db.update(refreshTokens).set({ revokedAt: now }).where(unspent),
        refreshTokenQuery(db, row.accountId, next, now, row.family),
      ]);
      return written ? { kind: 'ok' as const, found: found! } : RETRY;
    },
    writeContention,
  );
  if (outcome.kind === 'reused') {
    throw new ServiceError('invalid_refresh_token', t('invalid_refresh_token.reused'));
  }
  if (outcome.kind !== 'ok') throw new ServiceError('invalid_refresh_token', t('invalid_refresh_token.unknown'));
  return tokensFor(deps, outcome.found.account, outcome.found.handle, next, now);
}

/**
 * Revokes every refresh token of the login `refreshToken` belongs to. Like OAuth token revocation
 * (RFC 7009) it answers the same for an unknown token. Access tokens already issued run out on
 * their own within 15 minutes.
 */
export async function logout(deps: Deps, input: z.output<typeof RefreshTokenBody>): Promise<void> {
  const presented = await hashToken(input.refreshToken);
  const now = deps.clock();
  // One statement: the family of the token presented, every live token of it revoked.
  const family = deps.database.db.select({ family: refreshTokens.family }).from(refreshTokens).where(eq(refreshTokens.tokenHash, presented));
  await writeOne(deps.database, deps.database.db.update(refreshTokens).set({ revokedAt: now }).where(and(inArray(refreshTokens.family, family), isNull(refreshTokens.revokedAt))));
}
