import { and, eq, isNull } from 'drizzle-orm';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { apiKeys, specialists, type SpecialistRow } from '../../db/schema.js';
import { ProblemError } from '../../http/problem.js';
import { bearerToken, hashToken } from '../../http/tokens.js';
import { accessClaims, unauthorized } from '../session/index.js';

export interface ApiKeyOptions {
  /** How stale `last_used_at` may get before a request writes it again, ms. @default 60000 */
  touchEveryMs?: number;
}

async function bySecretKey(c: Context<AppEnv>, key: string, touchEvery: number): Promise<void> {
  const { database, clock } = c.var.deps;
  const [found] = await database.db
    .select({ key: apiKeys, specialist: specialists })
    .from(apiKeys)
    .innerJoin(specialists, eq(specialists.id, apiKeys.specialistId))
    .where(and(eq(apiKeys.secretHash, await hashToken(key)), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!found) throw unauthorized('This API key is unknown or was revoked. Create a new one in your console.');
  const now = clock();
  if (found.key.lastUsedAt === null || now - found.key.lastUsedAt > touchEvery) {
    await database.db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, found.key.id));
  }
  c.set('specialist', found.specialist);
  c.set('principal', { kind: 'apiKey', apiKeyId: found.key.id, specialistId: found.specialist.id });
}

async function byAccessToken(c: Context<AppEnv>, token: string): Promise<void> {
  const claims = await accessClaims(c, token);
  if (claims.role !== 'specialist' || !claims.sp) {
    throw new ProblemError('forbidden', 'An operator has no specialist profile; log in as the specialist or use their API key.');
  }
  const [specialist] = await c.var.deps.database.db.select().from(specialists).where(eq(specialists.id, claims.sp)).limit(1);
  if (!specialist) throw unauthorized('This account no longer exists; log in again.');
  c.set('specialist', specialist);
  c.set('principal', { kind: 'accessToken', accountId: claims.sub, role: 'specialist', specialistId: specialist.id });
}

/**
 * Authenticates a specialist on `/v1/me/*` and sets `c.var.specialist` and `c.var.principal`,
 * by either credential sent as `Authorization: Bearer …`:
 * - a secret API key (`sk_…`), for the specialist's own server. Keys are looked up by their
 *   SHA-256: the key itself is never stored, and a revoked key fails exactly like an unknown one;
 * - an access token from `/v1/auth/login`, for the console (an operator's is a 403).
 *
 * Runs once per request: mounted by several routers, it lets a request through that an earlier
 * copy already authenticated.
 *
 * @param options.touchEveryMs - how often `last_used_at` is written (@default 60000)
 * @example
 * app.use('/v1/me/*', apiKeyAuth());
 */
export function apiKeyAuth(options: ApiKeyOptions = {}): MiddlewareHandler<AppEnv> {
  const touchEvery = options.touchEveryMs ?? 60_000;
  return async function apiKeyAuthHandler(c, next) {
    if ((c.get('specialist') as SpecialistRow | undefined) !== undefined) return next();
    const token = bearerToken(c.req.header('authorization'));
    if (!token) throw unauthorized('Send a secret API key (`sk_…`) or an access token from POST /v1/auth/login as `Authorization: Bearer …`.');
    if (token.startsWith('sk_')) await bySecretKey(c, token, touchEvery);
    else if (token.includes('.')) await byAccessToken(c, token);
    else throw unauthorized('That is neither a secret API key (they start with `sk_`) nor an access token.');
    await next();
  };
}
