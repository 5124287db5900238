import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import type { AppEnv } from '../../../app-env.js';
import { HttpError } from '../../problem.js';
import { t } from '../../../services/messages/index.js';

export interface RateLimitOptions {
  /** Names the bucket, so limits on different routes do not share counts. */
  name: string;
  /** Requests allowed per client per window. */
  limit: number;
  /** @default 60000 */
  windowMs?: number;
  /** What identifies a client. @default the caller's address (see `clientAddress`) */
  keyOf?: (c: Context<AppEnv>) => string | Promise<string>;
}

/**
 * The caller's address: the socket's on Node, `cf-connecting-ip` on Cloudflare, and the first
 * `x-forwarded-for` hop (the address our proxy saw; a client can prepend anything) only when the app is told it sits behind a proxy it trusts (a client can
 * write that header itself).
 */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.var.deps.trustProxy) {
    // The last hop is the one our proxy wrote; earlier entries are whatever the client sent.
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim() || c.req.header('cf-connecting-ip');
    if (forwarded) return forwarded;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? c.req.header('cf-connecting-ip') ?? 'local';
}

/**
 * A fixed-window limit per client (hono-rate-limiter's memory store, so per process). Over the
 * limit the answer is a `429 rate_limited` problem with `Retry-After` and `RateLimit` headers.
 *
 * @param options.windowMs - the window (@default 60000)
 * @example
 * app.post('/v1/auth/login', rateLimit({ name: 'login', limit: 10 }), handler);
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  const windowMs = options.windowMs ?? 60_000;
  const limiter = rateLimiter<AppEnv>({
    windowMs,
    limit: options.limit,
    standardHeaders: 'draft-7',
    keyGenerator: async (c) => `${options.name}:${await (options.keyOf ?? clientAddress)(c)}`,
    handler: (c) => {
      const retry = c.res.headers.get('retry-after') ?? String(Math.ceil(windowMs / 1000));
      throw new HttpError('rate_limited', t('rate_limited', { seconds: retry }), { headers: { 'retry-after': retry } });
    },
  });
  return async function rateLimitHandler(c, next) {
    if (!c.var.deps.rateLimits) return next();
    return limiter(c, next);
  };
}
