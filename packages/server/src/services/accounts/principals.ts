import { and, eq, isNull } from 'drizzle-orm';
import { accounts, apiKeys, specialists, type SpecialistRow } from '../../db/schema.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError } from '../errors.js';
import { hashToken } from '../ids.js';
import { looksLikeJwt, verifyAccessToken, type AccessClaims, type AccountRole } from './access-token.js';
import { t, type Message } from '../messages/index.js';
import { writeOne } from '../../db/batch.js';

/** Who is calling: a secret API key, or a logged-in account's access token. */
export type Principal =
  | { kind: 'apiKey'; apiKeyId: string; specialistId: string }
  | { kind: 'accessToken'; accountId: string; role: AccountRole; specialistId: string | null };

export interface SpecialistCaller {
  specialist: SpecialistRow;
  principal: Principal;
}

const unauthorized = (detail: Message) => new ServiceError('unauthorized', detail);

/**
 * The claims of an access token, or a refusal: `token_expired` when it is ours but old (get new
 * tokens at `/v1/auth/refresh`), `unauthorized` for anything else.
 */
export async function accessClaims(deps: Pick<ServiceDeps, 'jwtSecret' | 'clock'>, token: string): Promise<AccessClaims> {
  const claims = looksLikeJwt(token) ? await verifyAccessToken(token, deps.jwtSecret, deps.clock()) : undefined;
  if (claims === 'expired') throw new ServiceError('token_expired', t('token_expired'));
  if (!claims) throw unauthorized(t('unauthorized.token_invalid'));
  return claims;
}

/** Whether the token was issued before its account's logins were all ended (a password reset). */
const endedBefore = (claims: AccessClaims, sessionsSince: number | null) => sessionsSince !== null && claims.iat * 1000 < sessionsSince;

/** The row of a secret API key that is not revoked (a revoked key reads exactly like an unknown one). */
const liveKey = async (key: string) => and(eq(apiKeys.secretHash, await hashToken(key)), isNull(apiKeys.revokedAt));

/** How stale an API key's `last_used_at` may get before a request writes it again. */
const TOUCH_EVERY_MS = 60_000;

async function bySecretKey(deps: ServiceDeps, key: string): Promise<SpecialistCaller> {
  const { database } = deps;
  const [found] = await database.db
    .select({ key: apiKeys, specialist: specialists })
    .from(apiKeys)
    .innerJoin(specialists, eq(specialists.id, apiKeys.specialistId))
    .where(await liveKey(key))
    .limit(1);
  if (!found) throw unauthorized(t('unauthorized.api_key_unknown'));
  const now = deps.clock();
  if (found.key.lastUsedAt === null || now - found.key.lastUsedAt > TOUCH_EVERY_MS) {
    // Through the write path (queue, busy retries), not straight on the connection: a bare write
    // meeting another writer's lock would fail the request it only keeps a note for.
    await writeOne(database, database.db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, found.key.id)));
  }
  return { specialist: found.specialist, principal: { kind: 'apiKey', apiKeyId: found.key.id, specialistId: found.specialist.id } };
}

async function bySpecialistToken(deps: ServiceDeps, token: string): Promise<SpecialistCaller> {
  const claims = await accessClaims(deps, token);
  if (claims.role !== 'specialist' || !claims.sp) {
    throw new ServiceError('forbidden', t('forbidden.operator_profile'));
  }
  const [found] = await deps.database.db
    .select({ specialist: specialists, sessionsSince: accounts.sessionsSince })
    .from(specialists)
    .innerJoin(accounts, and(eq(accounts.id, claims.sub), eq(accounts.specialistId, specialists.id)))
    .where(eq(specialists.id, claims.sp))
    .limit(1);
  if (!found) throw unauthorized(t('unauthorized.account_gone'));
  if (endedBefore(claims, found.sessionsSince)) throw unauthorized(t('unauthorized.session_ended'));
  const { specialist } = found;
  return { specialist, principal: { kind: 'accessToken', accountId: claims.sub, role: 'specialist', specialistId: specialist.id } };
}

/**
 * The specialist behind a bearer credential: a secret API key (`sk_…`, looked up by its SHA-256;
 * a revoked key fails exactly like an unknown one) or a specialist's access token. An operator's
 * token is `forbidden`; anything else `unauthorized`.
 */
export async function authenticateSpecialist(deps: ServiceDeps, bearer: string | undefined): Promise<SpecialistCaller> {
  if (!bearer) throw unauthorized(t('unauthorized.no_bearer'));
  if (bearer.startsWith('sk_')) return bySecretKey(deps, bearer);
  if (bearer.includes('.')) return bySpecialistToken(deps, bearer);
  throw unauthorized(t('unauthorized.not_a_credential'));
}

/**
 * Who a bearer credential speaks for, as a stable name, without refusing anything: the specialist
 * of a live secret API key or of a specialist's access token (`specialist:<id>`), the account of
 * any other access token (`account:<id>`); undefined for anything else (an expired or foreign
 * token, a revoked key, a manage token). Every credential of one specialist names them alike, so
 * what is filed under the name outlives a token refresh or a key rotation (idempotency keys).
 */
export async function principalName(deps: Pick<ServiceDeps, 'database' | 'jwtSecret' | 'clock'>, bearer: string | undefined): Promise<string | undefined> {
  if (!bearer) return undefined;
  if (bearer.startsWith('sk_')) {
    const [found] = await deps.database.db
      .select({ specialistId: apiKeys.specialistId })
      .from(apiKeys)
      .where(await liveKey(bearer))
      .limit(1);
    return found && `specialist:${found.specialistId}`;
  }
  const claims = looksLikeJwt(bearer) ? await verifyAccessToken(bearer, deps.jwtSecret, deps.clock()) : undefined;
  if (!claims || claims === 'expired') return undefined;
  return claims.sp ? `specialist:${claims.sp}` : `account:${claims.sub}`;
}

/**
 * The account behind an access token if it has `role`, checked against the database as well as
 * the token. No token is `unauthorized`; an API key or another role's token is `forbidden`.
 */
export async function authenticateAccount(deps: ServiceDeps, bearer: string | undefined, role: AccountRole): Promise<Principal> {
  if (!bearer) throw unauthorized(t('unauthorized.log_in_as', { role }));
  if (bearer.startsWith('sk_')) throw new ServiceError('forbidden', t('forbidden.api_key', { role }));
  const claims = await accessClaims(deps, bearer);
  if (claims.role !== role) throw new ServiceError('forbidden', t('forbidden.role', { role }));
  const [account] = await deps.database.db
    .select({ id: accounts.id, specialistId: accounts.specialistId, sessionsSince: accounts.sessionsSince })
    .from(accounts)
    .where(and(eq(accounts.id, claims.sub), eq(accounts.role, role)))
    .limit(1);
  if (!account) throw unauthorized(t('unauthorized.account_gone'));
  if (endedBefore(claims, account.sessionsSince)) throw unauthorized(t('unauthorized.session_ended'));
  return { kind: 'accessToken', accountId: account.id, role, specialistId: account.specialistId };
}
