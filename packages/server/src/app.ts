import { Hono } from 'hono';
import type { AppDeps, AppEnv } from './app-env.js';
import type { Database } from './db/client.js';
import { isNotSupportedHere } from './db/unsupported.js';
import { bodyLimit } from './http/middleware/body-limit/index.js';
import { embedCors } from './http/middleware/embed-cors/index.js';
import { idempotency } from './http/middleware/idempotency/index.js';
import { compress, webEncoder } from './http/middleware/compress/index.js';
import { assetStore, staticFiles, type ReadAsset } from './http/middleware/static-files/index.js';
import { rateLimit } from './http/middleware/rate-limit/index.js';
import { loggedPath, requestLog } from './http/middleware/request-log/index.js';
import { openApiDocument } from './http/openapi.js';
import { HttpError, problemResponse } from './http/problem.js';
import { allowedMethods } from './http/allowed-methods.js';
import { accountRoutes } from './http/routes/accounts.js';
import { bookingRoutes } from './http/routes/bookings.js';
import { calendarRoutes } from './http/routes/calendar.js';
import { customerAccessRoutes } from './http/routes/customer-access.js';
import { dataRoutes } from './http/routes/data.js';
import { reviewRoutes } from './http/routes/reviews.js';
import { hostedRoutes } from './http/routes/hosted.js';
import { WIDGET_SCRIPT } from './http/pages/hosted-page.js';
import { meRoutes } from './http/routes/me.js';
import { packageRoutes } from './http/routes/packages.js';
import { paymentRoutes } from './http/routes/payments.js';
import { pageRoutes } from './http/routes/receipts.js';
import { recoveryRoutes } from './http/routes/recovery.js';
import { specialistRoutes } from './http/routes/specialists.js';
import { directoryRoutes } from './http/routes/directory.js';
import { promoCheckRoutes } from './http/routes/promo-codes.js';
import { unsubscribeRoutes } from './http/routes/unsubscribe.js';
import { createCalendarFeeds } from './providers/calendar-feed/index.js';
import { loggedFetch, loggedPayments } from './providers/logged.js';
import { mailOff } from './providers/mail/off.js';
import { jitsiMeetings } from './providers/meetings/jitsi.js';
import { DEFAULT_JOIN_WINDOW } from './services/meetings/join.js';
import { DEFAULT_KDF_ITERATIONS } from './services/accounts/passwords.js';
import { createSlotCache } from './services/availability/slot-cache.js';
import { ServiceError } from './services/errors.js';
import { newSecretToken } from './services/ids.js';
import { errorFields, jsonLog, type Log } from './services/log.js';
import type { PaymentsProvider } from './services/payments/port.js';
import { tick, type TickResult } from './services/scheduler.js';
import { CHANNELS } from './services/delivery/channels.js';
import { createDispatcher, type Dispatcher } from './services/delivery/dispatcher.js';
import { t } from './services/messages/index.js';

export interface AppOptions extends Partial<Omit<AppDeps, 'database' | 'payments'>> {
  database: Database;
  /**
   * Stripe (`createStripePayments`), the offline test-payments mode for the demo and tests
   * (`createTestPayments`), or `paymentsDisabled()`. Never a silent default: a server that
   * should take money must be told how.
   */
  payments: PaymentsProvider;
  /** Largest accepted request body in bytes (webhooks take up to 1 MiB). @default 65536 */
  maxBodyBytes?: number;
  /**
   * Deliver the outbox right after each commit. Tests of crash recovery turn it off to leave
   * committed changes undelivered; the scheduler's tick still delivers them. @default true
   */
  dispatchAfterCommit?: boolean;
  /**
   * Browser files this app serves itself. `widget` reads the widget package's build (the customer
   * widget's `slotwise.js`, the console's `console/console.js` and their chunks) for `/widget/*`;
   * the Node entries read `packages/widget/dist` (`startServer({ widgetDir })`). Without it
   * `/widget/*` is not served here — an edge entry serves those files its own way — while
   * `/console` and the hosted booking pages still render and load them from `/widget/`.
   */
  assets?: { widget?: ReadAsset };
}

/** Webhook events can be large (a charge with its refunds); every other body is small. */
const WEBHOOK_MAX_BYTES = 1024 * 1024;

export type SlotwiseApp = Hono<AppEnv> & {
  /** Runs the scheduler once at the app's clock (see `services/scheduler.ts`). */
  tick: () => Promise<TickResult>;
  readonly deps: AppDeps;
  /** Delivers the outbox right after each commit; `idle()` waits for it (tests). */
  readonly deliveries: Dispatcher;
};

/** Structured lines on stdout, for `createApp` callers that pass no log. */
const stdoutLog = (): Log => jsonLog((line) => console.log(line));

/**
 * The whole Slotwise API from its dependencies. No module-level state: create as many apps as
 * you like (tests do), each with its own database, clock and payments.
 *
 * @example
 * const app = createApp({ database: createDb('file:./data/slotwise.db'), payments: createStripePayments({ … }) });
 */
export function createApp(options: AppOptions): SlotwiseApp {
  const clock = options.clock ?? Date.now;
  const log = options.log ?? stdoutLog();
  const jwtSecret = options.jwtSecret ?? newSecretToken('jwt');
  const deps: AppDeps = {
    database: options.database,
    clock,
    payments: loggedPayments(options.payments, log),
    log,
    logError: options.logError ?? ((error) => log({ level: 'error', msg: 'unexpected error', ...errorFields(error) })),
    calendarFeeds: options.calendarFeeds ?? createCalendarFeeds({ clock, fetch: loggedFetch(globalThis.fetch.bind(globalThis), log, 'calendar-feed') }),
    slotCache: options.slotCache ?? createSlotCache(),
    holdMinutes: options.holdMinutes ?? 15,
    ...(options.completeAfterMs === undefined ? {} : { completeAfterMs: options.completeAfterMs }),
    maxHoldsPerClient: options.maxHoldsPerClient ?? 3,
    maxHoldsPerAddress: options.maxHoldsPerAddress ?? 20,
    rateLimits: options.rateLimits ?? true,
    ...(options.rateLimitStore ? { rateLimitStore: options.rateLimitStore } : {}),
    trustProxy: options.trustProxy ?? false,
    encoder: options.encoder ?? webEncoder(),
    jwtSecret,
    kdfIterations: options.kdfIterations ?? DEFAULT_KDF_ITERATIONS,
    ...(options.maxKdfIterations === undefined ? {} : { maxKdfIterations: options.maxKdfIterations }),
    mail: options.mail ?? mailOff(),
    mailFrom: options.mailFrom ?? 'Slotwise <bookings@slotwise.local>',
    meetings: options.meetings ?? { jitsi: jitsiMeetings() },
    joinWindow: options.joinWindow ?? DEFAULT_JOIN_WINDOW,
    ...(options.sms ? { sms: options.sms } : {}),
    webhookFetch: options.webhookFetch ?? globalThis.fetch.bind(globalThis),
    allowLoopbackWebhooks: options.allowLoopbackWebhooks ?? false,
    secretsKey: options.secretsKey ?? jwtSecret,
    links: options.links ?? { api: 'http://localhost:8787' },
  };
  const app = new Hono<AppEnv>() as SlotwiseApp;
  // Every commit wakes the dispatcher, which plans and sends in the background: no request waits
  // for a provider. The scheduler's tick catches up on retries, reminders and crashes.
  const deliveries = createDispatcher(deps, CHANNELS);
  if (options.dispatchAfterCommit !== false) options.database.onCommit(deliveries.kick);
  Object.assign(app, { deps, deliveries, tick: () => tick(deps, deps.clock()) });

  app.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use(requestLog());
  app.use(compress({ encoder: deps.encoder }));
  const maxBody = options.maxBodyBytes ?? 64 * 1024;
  app.use(bodyLimit({ maxBytes: (path) => (path.startsWith('/v1/webhooks/') ? WEBHOOK_MAX_BYTES : maxBody) }));
  app.use('/v1/*', embedCors());
  app.on('POST', '/v1/*', idempotency());
  app.use('/v1/specialists/*', rateLimit({ name: 'public', limit: 600 }));
  app.use('/v1/specialists', rateLimit({ name: 'directory', limit: 600 }));

  // Liveness: the process answers. Readiness: it can also reach its database.
  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.get('/ready', async (c) => {
    try {
      await deps.database.ping();
      return c.json({ status: 'ready' });
    } catch (error) {
      deps.logError(error);
      return c.json({ status: 'unavailable', reason: 'The database does not answer.' }, 503);
    }
  });
  app.get('/openapi.json', (c) => c.json(openApiDocument(new URL(c.req.url).origin)));
  const widget = options.assets?.widget ? assetStore(options.assets.widget, deps.encoder, '/widget') : undefined;
  if (widget) app.get('/widget/*', staticFiles({ store: widget, prefix: '/widget' }));
  app.route('/', specialistRoutes());
  app.route('/', directoryRoutes());
  app.route('/', promoCheckRoutes());
  app.route('/', bookingRoutes());
  app.route('/', paymentRoutes());
  app.route('/', packageRoutes());
  app.route('/', customerAccessRoutes());
  app.route('/', pageRoutes());
  app.route('/', accountRoutes());
  app.route('/', recoveryRoutes());
  app.route('/', meRoutes());
  app.route('/', unsubscribeRoutes());
  app.route('/', calendarRoutes());
  app.route('/', dataRoutes());
  app.route('/', reviewRoutes());
  // Last: `/{handle}` pages pass on every path that is not a specialist's address.
  app.route('/', hostedRoutes({ widgetScript: () => widget?.versionedPath('slotwise.js') ?? Promise.resolve(WIDGET_SCRIPT) }));

  app.notFound((c) => {
    // A path the API has, asked with a method it does not take: 405 with the ones it does.
    const allowed = allowedMethods(c.req.path);
    if (allowed.length > 0 && !allowed.includes(c.req.method)) {
      const list = allowed.join(', ');
      return problemResponse(c, new HttpError('method_not_allowed', t('method_not_allowed.endpoint', { method: c.req.method, path: c.req.path, allowed: list }), { headers: { allow: list } }));
    }
    return problemResponse(c, new HttpError('not_found', t('not_found.endpoint', { method: c.req.method, path: c.req.path })));
  });
  app.onError((error, c) => {
    if (error instanceof ServiceError) return problemResponse(c, error);
    if (isNotSupportedHere(error)) {
      // An engine without interactive transactions (D1) met a change not yet in batch form: the
      // caller learns it is not available here; the log says which engine and what is missing.
      deps.log({ level: 'warn', msg: 'not supported by this database', requestId: c.var.requestId, method: c.req.method, path: loggedPath(c.req.path), ...errorFields(error) });
      return problemResponse(c, new HttpError('not_supported_here', t('not_supported_here')));
    }
    deps.log({ level: 'error', msg: 'unhandled error', requestId: c.var.requestId, method: c.req.method, path: loggedPath(c.req.path), ...errorFields(error) });
    return problemResponse(c, new HttpError('internal_error', t('internal_error')));
  });
  return app;
}
