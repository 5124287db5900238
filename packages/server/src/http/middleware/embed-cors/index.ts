import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from '../../../app-env.js';
import { embedOriginsOf, originNotAllowed } from '../../../services/catalog/catalog.js';
import { foreignOrigin } from '../../public-origin.js';
import { HttpError } from '../../problem.js';

export interface EmbedCorsOptions {
  /** Preflight cache time, seconds. @default 600 */
  maxAge?: number;
}

/** What a browser on `origin` may do with this request: go on, be refused in words, or get no grant. */
type Access = { kind: 'allowed' } | { kind: 'refused'; handle: string } | { kind: 'invalid' };

async function accessOf(c: Context<AppEnv>): Promise<Access> {
  const path = /^\/v1\/specialists\/([^/]+)/.exec(c.req.path)?.[1];
  if (c.req.method === 'OPTIONS' || !path) return { kind: 'allowed' };
  let handle: string;
  try {
    handle = decodeURIComponent(path);
  } catch {
    return { kind: 'invalid' }; // not a handle anyone has; the route answers 400
  }
  const origin = foreignOrigin(c); // the server's own pages (the hosted booking page) are never refused
  if (!origin) return { kind: 'allowed' };
  const allowed = await embedOriginsOf(c.var.deps.database.db, handle);
  return allowed === undefined || allowed === 'any' || allowed.includes(origin) ? { kind: 'allowed' } : { kind: 'refused', handle };
}

/**
 * CORS for the widget. A specialist's public data (`/v1/specialists/:handle/*`) may be read by a
 * browser only on the origins the specialist registered — any origin while they registered none,
 * for development. Another origin gets a readable refusal rather than a blocked answer: the CORS
 * grant, and a `403 origin_not_allowed` problem (no profile, no slots) whose `detail` tells the
 * site's owner where to register the site — a browser would otherwise show only "Failed to fetch".
 * Booking from an unregistered origin is refused the same way in the booking service. Other
 * endpoints are authorised by tokens, never by the origin, so any origin may call them. A
 * preflight carries no data and is always answered.
 *
 * @param options.maxAge - preflight cache seconds (@default 600)
 * @example
 * app.use('/v1/*', embedCors());
 */
export function embedCors(options: EmbedCorsOptions = {}): MiddlewareHandler<AppEnv> {
  const grant = cors({
    origin: (origin: string) => origin,
    // `accept-language` is safelisted for a plain tag; allowed anyway, for one a browser would preflight.
    allowHeaders: ['content-type', 'authorization', 'idempotency-key', 'accept-language'],
    exposeHeaders: ['location', 'retry-after', 'idempotent-replayed', 'ratelimit', 'ratelimit-policy'],
    maxAge: options.maxAge ?? 600,
  });
  // Without an Origin there is nothing to allow; skipping keeps the adapter's fast response path
  // (touching `c.res.headers` after the handler makes it build a full Response). Public answers
  // carry `Vary: Origin` themselves.
  return async function embedCorsHandler(c, next) {
    const origin = c.req.header('origin');
    if (!origin) return next();
    const access = await accessOf(c);
    if (access.kind === 'invalid') return next();
    return grant(c, async () => {
      if (access.kind === 'refused') {
        const { code, detail } = originNotAllowed(origin, access.handle);
        throw new HttpError(code, detail, { headers: { vary: 'Origin' } });
      }
      await next();
    });
  };
}
