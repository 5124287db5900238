import { and, eq } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { idempotencyKeys } from '../../db/schema.js';
import { ProblemError } from '../../http/problem.js';
import { hashToken, newId } from '../../http/tokens.js';
import { clientAddress } from '../rate-limit/index.js';

export interface IdempotencyOptions {
  /** How long a stored answer is replayed, ms. @default 86400000 (24 hours) */
  ttlMs?: number;
}

const KEPT_HEADERS = ['content-type', 'location'];

/**
 * `Idempotency-Key` for POSTs, as Stripe does it: the first request with a key runs and its
 * answer is stored; a retry with the same key and the same body gets that answer again
 * (`Idempotent-Replayed: true`) without running twice; the same key with another body is a 422;
 * a retry while the first is still running is a 409. Keys are scoped to the caller (its
 * credentials, or its address when it has none). Server errors and rate limits are not stored, so
 * they can be retried.
 *
 * @param options.ttlMs - how long answers are kept (@default 24 hours)
 * @example
 * app.use('/v1/*', idempotency());
 */
export function idempotency(options: IdempotencyOptions = {}): MiddlewareHandler<AppEnv> {
  const ttl = options.ttlMs ?? 86_400_000;
  return async function idempotencyHandler(c, next) {
    const key = c.req.header('idempotency-key');
    if (c.req.method !== 'POST' || key === undefined) return next();
    if (key.length === 0 || key.length > 255) {
      throw new ProblemError('invalid_request', 'An Idempotency-Key is 1–255 characters.', { errors: [{ field: 'header.idempotency-key', message: 'Use 1–255 characters, e.g. a UUID.' }] });
    }
    const { database, clock } = c.var.deps;
    const auth = c.req.header('authorization');
    const scope = await hashToken(auth ? `auth:${auth}` : `client:${clientAddress(c)}`);
    const requestHash = await hashToken(`${c.req.method} ${c.req.path}\n${await c.req.text()}`);
    const now = clock();
    const where = and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key));

    const stored = await database.write(async (tx) => {
      const [existing] = await tx.select().from(idempotencyKeys).where(where);
      if (existing && existing.expiresAt > now) return existing;
      if (existing) await tx.delete(idempotencyKeys).where(where);
      await tx.insert(idempotencyKeys).values({
        id: newId('idk'), scope, key, method: c.req.method, path: c.req.path, requestHash, createdAt: now, expiresAt: now + ttl,
      });
      return undefined;
    });
    if (stored) {
      if (stored.requestHash !== requestHash) {
        throw new ProblemError('idempotency_key_reused', 'This Idempotency-Key was already used for a different request; use a new key for a new request.');
      }
      if (stored.status === null) {
        throw new ProblemError('idempotency_key_in_use', 'The first request with this Idempotency-Key is still running; retry in a moment.', { headers: { 'retry-after': '1' } });
      }
      return c.body(stored.responseBody ?? '', stored.status as 200, { ...stored.responseHeaders, 'idempotent-replayed': 'true' });
    }

    await next();
    const status = c.res.status;
    if (status >= 500 || status === 429) {
      await database.write((tx) => tx.delete(idempotencyKeys).where(where));
      return;
    }
    const headers = Object.fromEntries(KEPT_HEADERS.flatMap((h) => (c.res.headers.has(h) ? [[h, c.res.headers.get(h)!]] : [])));
    const body = await c.res.clone().text();
    await database.write((tx) => tx.update(idempotencyKeys).set({ status, responseBody: body, responseHeaders: headers }).where(where));
  };
}
