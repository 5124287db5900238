import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import type { AppEnv } from '../../../app-env.js';
import { HttpError } from '../../problem.js';
import { t, type Message } from '../../../services/messages/index.js';
import { limiterStore, type RateLimitStore } from './store.js';

export type { RateLimitHit, RateLimitStore } from './store.js';

export interface RateLimitOptions {
  /** Names the bucket, so limits on different routes do not share counts. */
  name: string;
  /** Requests allowed per client per window. */
  limit: number;
  /** @default 60000 */
  windowMs?: number;
  /**
   * What identifies a client. `undefined`: this limit does not count the request (a per-address
   * limit on a body without an address, which the route refuses itself — one shared bucket for
   * every such body would answer 429 for anyone's next mistake). @default the caller's address (see `clientAddress`)
   */
  keyOf?: (c: Context<AppEnv>) => string | undefined | Promise<string | undefined>;
  /** The `429`'s sentence, given the seconds to wait. @default "Too many requests; try again in … seconds." */
  message?: (seconds: string) => Message;
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
    if (forwarded) return networkOf(forwarded);
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return networkOf(env?.incoming?.socket?.remoteAddress ?? c.req.header('cf-connecting-ip') ?? 'local');
}

/**
 * The unit a limit counts for an address: an IPv4 address itself (an IPv4-mapped IPv6 one as
 * IPv4), an IPv6 address's /64 — what one subscriber line is given, so a client cannot take a
 * fresh address from it for every attempt. Anything that is no IPv6 address comes back as it is.
 */
export function networkOf(address: string): string {
  if (!address.includes(':')) return address;
  const plain = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '').toLowerCase();
  const mapped = /^[0:]*:ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(plain);
  if (mapped) return mapped[1]!;
  const [head = '', tail] = plain.split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  if (right.some((group) => group.includes('.'))) right.splice(-1, 1, '0', '0'); // an IPv4 tail: past the /64 anyway
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  if (groups.length !== 8 || !groups.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return address;
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/**
 * A fixed-window limit per client. Counted where the app's `rateLimitStore` says (a Durable
 * Object at the edge, so every isolate shares one count), else in this middleware's own memory
 * (hono-rate-limiter's memory store: per process). Over the limit the answer is a
 * `429 rate_limited` problem with `Retry-After` and `RateLimit` headers.
 *
 * @param options.windowMs - the window (@default 60000)
 * @example
 * app.post('/v1/auth/login', rateLimit({ name: 'login', limit: 10 }), handler);
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  const windowMs = options.windowMs ?? 60_000;
  const limiterFor = (store?: RateLimitStore) =>
    rateLimiter<AppEnv>({
      windowMs,
      limit: options.limit,
      standardHeaders: 'draft-7',
      ...(store ? { store: limiterStore(store, windowMs) } : {}),
      keyGenerator: (c) => `${options.name}:${keys.get(c)}`,
      handler: (c) => {
        const retry = c.res.headers.get('retry-after') ?? String(Math.ceil(windowMs / 1000));
        const message = options.message ? options.message(retry) : t('rate_limited', { seconds: retry });
        throw new HttpError('rate_limited', message, { headers: { 'retry-after': retry } });
      },
    });
  // One limiter per app (its deps), made on its first request: routes are built before any store is known.
  const limiters = new WeakMap<object, MiddlewareHandler<AppEnv>>();
  // Each request's key, worked out once (a `keyOf` may read the body) and read by `keyGenerator`.
  const keys = new WeakMap<Context<AppEnv>, string>();
  return async function rateLimitHandler(c, next) {
    const { deps } = c.var;
    if (!deps.rateLimits) return next();
    const key = await (options.keyOf ?? clientAddress)(c);
    if (key === undefined) return next();
    keys.set(c, key);
    let limiter = limiters.get(deps);
    if (!limiter) limiters.set(deps, (limiter = limiterFor(deps.rateLimitStore)));
    return limiter(c, next);
  };
}
