import { and, eq, isNull } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { apiKeys, specialists } from '../../db/schema.js';
import { ProblemError } from '../../http/problem.js';
import { bearerToken, hashToken } from '../../http/tokens.js';

export interface ApiKeyOptions {
  /** How stale `last_used_at` may get before a request writes it again, ms. @default 60000 */
  touchEveryMs?: number;
}

const unauthorized = (detail: string) =>
  new ProblemError('unauthorized', detail, { headers: { 'www-authenticate': 'Bearer realm="slotwise-api"' } });

/**
 * Authenticates a specialist by a secret API key (`Authorization: Bearer sk_…`) and sets
 * `c.var.specialist`. Keys are looked up by their SHA-256: the key itself is never stored, and a
 * revoked key fails exactly like an unknown one.
 *
 * @param options.touchEveryMs - how often `last_used_at` is written (@default 60000)
 * @example
 * app.use('/v1/me/*', apiKeyAuth());
 */
export function apiKeyAuth(options: ApiKeyOptions = {}): MiddlewareHandler<AppEnv> {
  const touchEvery = options.touchEveryMs ?? 60_000;
  return async function apiKeyAuthHandler(c, next) {
    const key = bearerToken(c.req.header('authorization'));
    if (!key) throw unauthorized('Send a secret API key as `Authorization: Bearer sk_…`.');
    if (!key.startsWith('sk_')) throw unauthorized('That is not a secret API key; they start with `sk_`.');
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
    await next();
  };
}
