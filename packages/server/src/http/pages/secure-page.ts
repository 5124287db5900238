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

export interface ScriptPagePolicy {
  /** Allow Stripe.js and its frames (real Stripe payments on the page). @default false */
  stripe?: boolean;
  /** Who may frame the page: `'none'` for the server's own pages, `'self'` for the demo's. @default "'none'" */
  frameAncestors?: "'none'" | "'self'";
  /** Images beyond this origin, e.g. `https:` for a specialist's photo. @default "'self' data:" */
  imgSrc?: string;
}

/**
 * The policy of a page that runs our scripts (the demo page, the console, a hosted booking page):
 * scripts only from this origin (no inline script, no eval), API calls to this origin, inline
 * styles for the page's own `<style>`, and Stripe.js's hosts only when `stripe`.
 */
export function scriptPagePolicy(options: ScriptPagePolicy = {}): string {
  const stripe = options.stripe ?? false;
  return [
    "default-src 'self'",
    `script-src 'self'${stripe ? ' https://js.stripe.com' : ''}`,
    "style-src 'self' 'unsafe-inline'",
    `connect-src 'self'${stripe ? ' https://api.stripe.com' : ''}`,
    `frame-src ${stripe ? 'https://js.stripe.com https://hooks.stripe.com' : "'none'"}`,
    `img-src ${options.imgSrc ?? "'self' data:"}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${options.frameAncestors ?? "'none'"}`,
  ].join('; ');
}

/**
 * Headers for the demo's static pages: nosniff, framed only by the same origin, and the page's
 * Content-Security-Policy as a header too (a `<meta>` policy cannot say `frame-ancestors`).
 */
export function demoPageHeaders(options: { stripe?: boolean } = {}): MiddlewareHandler {
  const csp = scriptPagePolicy({ stripe: options.stripe ?? false, frameAncestors: "'self'" });
  return async function demoPageHeadersHandler(c, next) {
    await next();
    c.res.headers.set('x-content-type-options', 'nosniff');
    c.res.headers.set('x-frame-options', 'SAMEORIGIN');
    if ((c.res.headers.get('content-type') ?? '').startsWith('text/html')) c.res.headers.set('content-security-policy', csp);
  };
}
