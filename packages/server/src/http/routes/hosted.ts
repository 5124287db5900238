import { Handle, Locale, RESERVED_HANDLES } from '@slotwise/sdk/contract';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { profile } from '../../services/catalog/catalog.js';
import { ServiceError } from '../../services/errors.js';
import { listReviews } from '../../services/reviews/list.js';
import { rateLimit } from '../middleware/rate-limit/index.js';
import { consoleShell } from '../pages/console-shell.js';
import { hostedPage, noSuchPage } from '../pages/hosted-page.js';
import { pageLanguage } from '../pages/locales/index.js';
import { scriptPagePolicy, secureHtmlHeaders } from '../pages/secure-page.js';
import { publicOrigin } from '../public-origin.js';

export interface HostedOptions {
  /** The widget script's URL path for the booking page: its versioned, year-cached URL when this app serves it. */
  widgetScript: () => Promise<string>;
}

/**
 * The pages a person opens on the server itself: the specialist console's shell at `/console`
 * and a specialist's hosted booking page at `/{handle}` or `/@{handle}`.
 *
 * Mounted after every other route, and a segment that is not a valid, unreserved handle passes on
 * (`next()`), so these never shadow `/v1/*`, `/widget/*`, `/dev/*`, `/health`, `/ready`,
 * `/openapi.json` or a page an entry adds (the demo's `/`). Signup and profile updates refuse the
 * reserved words (`RESERVED_HANDLES`), so no specialist can take one of those addresses.
 */
export function hostedRoutes(options: HostedOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  for (const path of ['/console', '/console/']) {
    app.get(path, (c) => {
      secureHtmlHeaders(c, scriptPagePolicy({ imgSrc: "'self' data: https:" }));
      c.header('cache-control', 'no-cache');
      return c.html(consoleShell(publicOrigin(c)));
    });
  }
  // Limited like the public API it reads (per client): a page is one profile read.
  const limit = rateLimit({ name: 'page', limit: 600 });
  app.get('/:page', async (c, next) => {
    const segment = c.req.param('page');
    const parsed = Handle.safeParse(segment.startsWith('@') ? segment.slice(1) : segment);
    if (!parsed.success || RESERVED_HANDLES.includes(parsed.data)) return next();
    await limit(c, async () => {
      c.res = await specialistPage(c, parsed.data, await options.widgetScript());
    });
    return c.res;
  });
  return app;
}

/** How many reviews the hosted page shows under the rating. */
const LATEST_REVIEWS = 3;

/** The hosted page of `handle`, or the 404 page when no specialist has it. */
async function specialistPage(c: Context<AppEnv>, handle: string, script: string): Promise<Response> {
  const deps = c.var.deps;
  const origin = publicOrigin(c);
  secureHtmlHeaders(c, scriptPagePolicy({ stripe: deps.payments.mode === 'stripe', imgSrc: "'self' data: https:" }));
  c.header('referrer-policy', 'strict-origin-when-cross-origin'); // a public page: no token in its URL
  try {
    const found = await profile(deps, handle);
    // The newest few only: the page stays one bounded read; the API pages through the rest.
    const latest = found.rating.count > 0 ? (await listReviews(deps, found.handle, { limit: LATEST_REVIEWS })).data : [];
    c.header('cache-control', 'no-cache');
    // `?lang=` (an email's link to a booking: the customer's language) before the browser's.
    const asked = c.req.query('lang');
    const language = pageLanguage(c, asked && Locale.safeParse(asked).success ? asked : undefined);
    return c.html(hostedPage(found, `${origin}/${found.handle}`, origin, language, script, latest));
  } catch (error) {
    if (!(error instanceof ServiceError) || error.code !== 'specialist_not_found') throw error;
    c.header('cache-control', 'no-store');
    return c.html(noSuchPage(handle, pageLanguage(c)), 404);
  }
}
