import type { Context, MiddlewareHandler } from 'hono';

/** A CSP for a page of ours with no script: nothing loads but its own inline styles. */
export const NO_SCRIPT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The headers every HTML page the server renders carries: no MIME sniffing, never framed
 * (clickjacking), a Content-Security-Policy, and no referrer (a page may carry a token in its URL).
 */
export function secureHtmlHeaders(c: Context, csp: string = NO_SCRIPT_CSP): void {
  c.header('x-content-type-options', 'nosniff');
  c.header('x-frame-options', 'DENY');
  c.header('content-security-policy', csp);
  c.header('referrer-policy', 'no-referrer');
}

/** The example page's policy (as its own <meta> says it), plus Stripe.js's hosts when `stripe`. */
function demoPolicy(stripe: boolean): string {
  const js = stripe ? ' https://js.stripe.com' : '';
  return [
    "default-src 'self'",
    `script-src 'self'${js}`,
    "style-src 'self' 'unsafe-inline'",
    `connect-src 'self'${stripe ? ' https://api.stripe.com' : ''}`,
    `frame-src ${stripe ? 'https://js.stripe.com https://hooks.stripe.com' : "'none'"}`,
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/**
 * Headers for the demo's static pages: nosniff, framed only by the same origin, and the page's
 * Content-Security-Policy as a header too (a `<meta>` policy cannot say `frame-ancestors`).
 */
export function demoPageHeaders(options: { stripe?: boolean } = {}): MiddlewareHandler {
  const csp = demoPolicy(options.stripe ?? false);
  return async function demoPageHeadersHandler(c, next) {
    await next();
    c.res.headers.set('x-content-type-options', 'nosniff');
    c.res.headers.set('x-frame-options', 'SAMEORIGIN');
    if ((c.res.headers.get('content-type') ?? '').startsWith('text/html')) c.res.headers.set('content-security-policy', csp);
  };
}
