import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { AppDeps, AppEnv } from './app-env.js';
import type { Database } from './db/client.js';
import { ProblemError, problemResponse } from './http/problem.js';
import { openApiDocument } from './openapi.js';
import { createCalendarFeeds } from './providers/calendar-feed/index.js';
import { accountRoutes } from './routes/accounts.js';
import { bookingRoutes } from './routes/bookings.js';
import { meRoutes } from './routes/me.js';
import { createSlotCache } from './services/slot-cache.js';
import { specialistRoutes } from './routes/specialists.js';

export interface AppOptions extends Partial<Omit<AppDeps, 'database'>> {
  database: Database;
  /** Largest accepted request body in bytes. @default 65536 */
  maxBodyBytes?: number;
}

/**
 * The whole Slotwise API from its dependencies. No module-level state: create as many apps as
 * you like (tests do), each with its own database and clock.
 *
 * @example
 * const app = createApp({ database: createDb('file:./data/slotwise.db') });
 */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const deps: AppDeps = {
    database: options.database,
    clock: options.clock ?? Date.now,
    logError: options.logError ?? ((error) => console.error(error)),
    calendarFeeds: options.calendarFeeds ?? createCalendarFeeds({ clock: options.clock ?? Date.now }),
    slotCache: options.slotCache ?? createSlotCache(),
    rateLimits: options.rateLimits ?? true,
    trustProxy: options.trustProxy ?? false,
  };
  const app = new Hono<AppEnv>();

  app.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  // The widget runs on the specialist's own site. Limiting origins per specialist comes with
  // registered embed origins; until then every origin may read public data.
  app.use('/v1/*', cors({ origin: '*', allowHeaders: ['content-type', 'authorization', 'idempotency-key'], maxAge: 600 }));
  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 64 * 1024,
      onError: () => {
        throw new ProblemError('payload_too_large', `Send at most ${options.maxBodyBytes ?? 64 * 1024} bytes.`);
      },
    }),
  );

  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.get('/openapi.json', (c) => c.json(openApiDocument(new URL(c.req.url).origin)));
  app.route('/', specialistRoutes());
  app.route('/', bookingRoutes());
  app.route('/', accountRoutes());
  app.route('/', meRoutes());

  app.notFound((c) =>
    problemResponse(c, new ProblemError('not_found', `There is no endpoint ${c.req.method} ${c.req.path}. See /openapi.json.`)),
  );
  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(c, error);
    deps.logError(error);
    return problemResponse(c, new ProblemError('internal_error', 'Please try again in a moment.'));
  });
  return app;
}
