import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps, AppEnv } from './app-env.js';
import type { Database } from './db/client.js';
import { ProblemError, problemResponse } from './http/problem.js';
import { newSecretToken } from './http/tokens.js';
import { embedCors } from './middleware/embed-cors/index.js';
import { idempotency } from './middleware/idempotency/index.js';
import { rateLimit } from './middleware/rate-limit/index.js';
import { openApiDocument } from './openapi.js';
import { createCalendarFeeds } from './providers/calendar-feed/index.js';
import { createTestPayments } from './providers/payments/index.js';
import { accountRoutes } from './routes/accounts.js';
import { packageRoutes } from './routes/packages.js';
import { paymentRoutes } from './routes/payments.js';
import { receiptRoutes } from './routes/receipts.js';
import { bookingRoutes } from './routes/bookings.js';
import { meRoutes } from './routes/me.js';
import { DEFAULT_KDF_ITERATIONS } from './services/passwords.js';
import { tick, type TickResult } from './services/scheduler.js';
import { createSlotCache } from './services/slot-cache.js';
import { specialistRoutes } from './routes/specialists.js';

export interface AppOptions extends Partial<Omit<AppDeps, 'database'>> {
  database: Database;
  /** Largest accepted request body in bytes. @default 65536 */
  maxBodyBytes?: number;
  /**
   * `NODE_ENV`: without `payments`, the app runs the offline test-payments mode, which refuses
   * to start when this is `production`. @default 'development'
   */
  nodeEnv?: string;
}

/**
 * The whole Slotwise API from its dependencies. No module-level state: create as many apps as
 * you like (tests do), each with its own database and clock.
 *
 * @example
 * const app = createApp({ database: createDb('file:./data/slotwise.db') });
 */
export type SlotwiseApp = Hono<AppEnv> & {
  /** Runs the scheduler once at the app's clock (see `services/scheduler.ts`). */
  tick: () => Promise<TickResult>;
  readonly deps: AppDeps;
};

export function createApp(options: AppOptions): SlotwiseApp {
  const clock = options.clock ?? Date.now;
  // The offline mode delivers its signed events to this app's own webhook endpoint, so payments
  // take exactly the path they take with Stripe.
  const testWebhookSecret = newSecretToken('whsec');
  const payments =
    options.payments ??
    createTestPayments({
      nodeEnv: options.nodeEnv ?? 'development',
      webhookSecret: testWebhookSecret,
      clock,
      emit: async ({ payload, header }) => {
        const res = await app.request('/v1/webhooks/stripe', { method: 'POST', body: payload, headers: { 'content-type': 'application/json', 'stripe-signature': header } });
        if (!res.ok) throw new Error(`test webhook answered ${res.status}`);
      },
    });
  const deps: AppDeps = {
    database: options.database,
    clock,
    payments,
    logError: options.logError ?? ((error) => console.error(error)),
    calendarFeeds: options.calendarFeeds ?? createCalendarFeeds({ clock: options.clock ?? Date.now }),
    slotCache: options.slotCache ?? createSlotCache(),
    holdMinutes: options.holdMinutes ?? 15,
    maxHoldsPerClient: options.maxHoldsPerClient ?? 3,
    rateLimits: options.rateLimits ?? true,
    trustProxy: options.trustProxy ?? false,
    jwtSecret: options.jwtSecret ?? newSecretToken('jwt'),
    kdfIterations: options.kdfIterations ?? DEFAULT_KDF_ITERATIONS,
  };
  const app = new Hono<AppEnv>() as SlotwiseApp;
  Object.assign(app, { deps, tick: () => tick(deps, deps.clock()) });

  app.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('/v1/*', embedCors());
  // Only bodies are limited: reading `body` on a GET makes the Node adapter build a full Request.
  const limitBody = bodyLimit({
    maxSize: options.maxBodyBytes ?? 64 * 1024,
    onError: () => {
      throw new ProblemError('payload_too_large', `Send at most ${options.maxBodyBytes ?? 64 * 1024} bytes.`);
    },
  });
  app.on(['POST', 'PUT', 'PATCH'], '/v1/*', (c, next) => (c.req.path.startsWith('/v1/webhooks/') ? next() : limitBody(c, next)));

  app.on('POST', '/v1/*', idempotency());
  app.use('/v1/specialists/*', rateLimit({ name: 'public', limit: 600 }));

  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.get('/openapi.json', (c) => c.json(openApiDocument(new URL(c.req.url).origin)));
  app.route('/', specialistRoutes());
  app.route('/', bookingRoutes());
  app.route('/', paymentRoutes());
  app.route('/', packageRoutes());
  app.route('/', receiptRoutes());
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
