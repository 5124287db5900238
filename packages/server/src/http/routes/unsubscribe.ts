import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { unsubscribe, unsubscribeView } from '../../services/mail/opt-outs.js';
import { pageLanguage } from '../pages/locales/index.js';
import { unsubscribeAskPage, unsubscribeDonePage, unsubscribeInvalidPage } from '../pages/unsubscribe.js';
import { secureHtmlHeaders } from '../pages/secure-page.js';

/** No script; its own forms post back to it. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

function headers(c: Context<AppEnv>) {
  c.header('cache-control', 'private, no-store');
  secureHtmlHeaders(c, CSP);
}

/**
 * `GET /v1/unsubscribe?token=…` — asks whether to stop the kind of email the signed token names
 * (reminders, feedback requests, the daily agenda) from that specialist.
 * `POST /v1/unsubscribe?token=…` — does it: the page's own form (`scope=all` for every optional
 * email), or a mail client's RFC 8058 one-click request (`List-Unsubscribe=One-Click`), which
 * carries no cookie and no Origin. Idempotent. Transactional email (confirmations, changes) is
 * never stopped.
 */
export function unsubscribeRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/v1/unsubscribe', async (c) => {
    headers(c);
    const view = await unsubscribeView(c.var.deps, c.req.query('token') ?? '');
    if (!view) return c.html(unsubscribeInvalidPage(pageLanguage(c)), 400);
    return c.html(unsubscribeAskPage(view, c.req.url.replace(/^https?:\/\/[^/]+/, ''), pageLanguage(c)));
  });
  app.post('/v1/unsubscribe', async (c) => {
    headers(c);
    const form = (c.req.header('content-type') ?? '').includes('application/x-www-form-urlencoded') ? await c.req.parseBody() : {};
    const view = await unsubscribe(c.var.deps, c.req.query('token') ?? '', { everything: form.scope === 'all' });
    if (!view) return c.html(unsubscribeInvalidPage(pageLanguage(c)), 400);
    return c.html(unsubscribeDonePage(view, pageLanguage(c)));
  });
  return app;
}
