import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';

/**
 * The origin a browser reached this server at: the request's own, or — only when the server is
 * told it sits behind a proxy (`TRUST_PROXY`) — the one the proxy says it answered on
 * (`X-Forwarded-Proto`, `X-Forwarded-Host`; the last entry, the one our proxy wrote). Pages the
 * server renders point their scripts and API calls here, so they work on whatever name the
 * server is reached by.
 */
export function publicOrigin(c: Context<AppEnv>): string {
  const own = new URL(c.req.url);
  if (c.var.deps.trustProxy) {
    const last = (name: string) => c.req.header(name)?.split(',').at(-1)?.trim();
    const proto = last('x-forwarded-proto');
    const host = last('x-forwarded-host');
    if ((proto === 'http' || proto === 'https') && host && /^[a-z0-9.-]+(?::\d{1,5})?$/i.test(host)) return `${proto}://${host}`.toLowerCase();
  }
  return own.origin;
}

/**
 * The request's `Origin` header unless it is this server's own origin (the request's, or the
 * configured public API URL's): the server's own pages — the hosted booking page — may always
 * take bookings, whatever sites a specialist registered. Another site's origin is returned for
 * the service to check against the specialist's list.
 */
export function foreignOrigin(c: Context<AppEnv>): string | undefined {
  const origin = c.req.header('origin');
  if (!origin) return undefined;
  const own = new Set([publicOrigin(c), new URL(c.req.url).origin]);
  try {
    own.add(new URL(c.var.deps.links.api).origin);
  } catch {
    // an unparsable configured URL names no origin
  }
  return own.has(origin) ? undefined : origin;
}
