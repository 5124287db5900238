import type { Store } from 'hono-rate-limiter';
import type { AppEnv } from '../../../app-env.js';

/** One request counted: how many the key has made in its window, and when that window ends. */
export interface RateLimitHit {
  count: number;
  /** Epoch milliseconds. */
  resetAt: number;
}

/**
 * Where the rate limits count, when it must be somewhere every process or isolate sees (at the
 * edge, a Durable Object: `providers/rate-limit/durable-object.ts`). Without one, each `rateLimit`
 * middleware counts in its own memory — exact for one Node process, per isolate on Workers.
 *
 * Invariant: a fixed window per key, as the memory store keeps it — it opens with the key's
 * first request after the previous window ended and lasts `windowMs`; every request inside it
 * counts once, the refused ones included.
 */
export interface RateLimitStore {
  hit(key: string, windowMs: number): Promise<RateLimitHit>;
}

/**
 * `store` in the shape hono-rate-limiter calls, for one middleware's window. Only `increment` is
 * ever called: the middleware skips no requests, so nothing is decremented or reset.
 */
export function limiterStore(store: RateLimitStore, windowMs: number): Store<AppEnv> {
  return {
    async increment(key) {
      const { count, resetAt } = await store.hit(key, windowMs);
      return { totalHits: count, resetTime: new Date(resetAt) };
    },
    decrement: () => undefined,
    resetKey: () => undefined,
  };
}
