import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from '../../../app-env.js';
import { embedOriginsOf } from '../../../services/catalog/catalog.js';

export interface EmbedCorsOptions {
  /** Preflight cache time, seconds. @default 600 */
  maxAge?: number;
}

/**
 * CORS for the widget. A specialist's public data (`/v1/specialists/:handle/*`) may be read by a
 * browser only on the origins the specialist registered — any origin while they registered none,
 * for development. Booking from an unregistered origin is refused in the booking service (the
 * body names the specialist). Other endpoints are authorised by tokens, never by the origin, so
 * any origin may call them. A preflight carries no data and is always answered.
 *
 * @param options.maxAge - preflight cache seconds (@default 600)
 * @example
 * app.use('/v1/*', embedCors());
 */
export function embedCors(options: EmbedCorsOptions = {}): MiddlewareHandler<AppEnv> {
  const handler = cors({
    origin: async (origin: string, c: Context<AppEnv>) => {
      if (!origin) return null;
      const handle = /^\/v1\/specialists\/([^/]+)/.exec(c.req.path)?.[1];
      if (c.req.method === 'OPTIONS' || !handle) return origin;
      let name: string;
      try {
        name = decodeURIComponent(handle);
      } catch {
        return null; // not a handle anyone has; the route answers 400
      }
      const allowed = await embedOriginsOf(c.var.deps.database.db, name);
      return allowed === undefined || allowed === 'any' || allowed.includes(origin) ? origin : null;
    },
    allowHeaders: ['content-type', 'authorization', 'idempotency-key'],
    exposeHeaders: ['location', 'retry-after', 'idempotent-replayed', 'ratelimit', 'ratelimit-policy'],
    maxAge: options.maxAge ?? 600,
  });
  // Without an Origin there is nothing to allow; skipping keeps the adapter's fast response path
  // (touching `c.res.headers` after the handler makes it build a full Response). Public answers
  // carry `Vary: Origin` themselves.
  return async function embedCorsHandler(c, next) {
    if (!c.req.header('origin')) return next();
    return handler(c, next);
  };
}
