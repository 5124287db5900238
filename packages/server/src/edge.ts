// The Workers entry: the same app as the Node server, built for workerd WITHOUT `nodejs_compat`
// (`scripts/build-edge.mjs`; `edge-bundle.test.ts` fails the build on any `node:` import). The
// database is D1 when a `DB` binding exists (`db/d1.ts`), else remote libSQL (Turso) over HTTP
// from `DATABASE_URL` (docs/edge.md).
import { createApp, type AppOptions, type SlotwiseApp } from './app.js';
import { createD1Db, type D1Binding } from './db/d1.js';
import { createRemoteDb } from './db/remote.js';
import { HttpError, toProblem } from './http/problem.js';
import { cacheApiAnswers, type CacheLike } from './providers/cache/cache-api.js';
import { assetsBinding, type AssetsBinding } from './providers/files/assets-binding.js';
import { loggedFetch } from './providers/logged.js';
import { mailSettingsFromEnv } from './providers/mail/from-env.js';
import { createMeetings, meetingOptionsFromEnv } from './providers/meetings/index.js';
import { offlinePayments } from './providers/payments/offline.js';
import type { TestPayments } from './providers/payments/test-mode.js';
import type { PaymentsProvider } from './services/payments/port.js';
import { durableObjectRateLimits, type DurableObjectNamespaceLike } from './providers/rate-limit/durable-object.js';
import { loggedSms, smsFromEnv } from './providers/sms/index.js';
import { createSlotCache } from './services/availability/slot-cache.js';
import { errorFields, jsonLog, type Log } from './services/log.js';
import { EDGE_KDF_ITERATIONS } from './services/accounts/passwords.js';
import { loggedTick } from './services/scheduler.js';
import { t } from './services/messages/index.js';
import { flag, integer, longEnoughSecret, paymentsFromEnv, slotCacheSettings, type Env } from './settings.js';

// workerd takes every named export of a Worker's main module for an entrypoint and refuses to
// start when one is not a handler or a class (a number, say): besides `default` this module
// exports only the Durable Object class and types; `scripts/build-edge.mjs` holds it to that.

/** The Durable Object class counting rate limits; bind it as `RATE_LIMITS` (wrangler `durable_objects`). */
export { RateLimitCounter } from './providers/rate-limit/durable-object.js';

/** A Worker's bindings: text settings (vars and secrets) and, optionally, the widget's assets. */
export interface EdgeBindings {
  [name: string]: unknown;
  /** Workers static assets holding the widget's build under `/widget/` (served at `/widget/*`). */
  ASSETS?: AssetsBinding;
  /**
   * The `RateLimitCounter` Durable Object namespace: rate limits counted once for every isolate.
   * Without it each isolate counts alone (a warning is logged).
   */
  RATE_LIMITS?: DurableObjectNamespaceLike;
  /** A D1 database: used instead of `DATABASE_URL` when bound. Migrated by wrangler, never by the Worker. */
  DB?: unknown;
}

/** The part of a Worker's execution context this entry uses. */
export interface EdgeContext {
  waitUntil(promise: Promise<unknown>): void;
}

/** A Cron Trigger's controller: when it was due. */
export interface EdgeScheduledController {
  readonly scheduledTime: number;
  readonly cron: string;
}

/** Whether a binding is a D1 database (what `d1_databases` in wrangler's config binds). */
const isD1Binding = (value: unknown): value is D1Binding =>
  typeof value === 'object' && value !== null && typeof (value as D1Binding).prepare === 'function' && typeof (value as D1Binding).batch === 'function';

const textSettings = (bindings: EdgeBindings): Env =>
  Object.fromEntries(Object.entries(bindings).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));

/**
 * The app's options from a Worker's bindings — a D1 binding `DB` if bound, else the Node server's
 * variables where they make sense here (`DATABASE_URL` libsql/https, `DATABASE_AUTH_TOKEN`, `SLOTWISE_JWT_SECRET`, `STRIPE_*` or
 * `SLOTWISE_PAYMENTS=offline`, `POSTMARK_*`, `MAIL_FROM`, `PUBLIC_*_URL`, `TWILIO_*`, `JITSI_BASE_URL`,
 * `ZOOM_*`, `JOIN_*`, `HOLD_MINUTES`, `SLOTWISE_SECRETS_KEY`, `NODE_ENV`). Stricter than Node in two
 * ways: the JWT secret is required (isolates come and go; a random one per isolate would sign
 * people out at random), and SMTP is refused (no sockets without `nodejs_compat`).
 *
 * @throws Error with one sentence naming the setting at fault.
 */
function edgeOptionsFromEnv(bindings: EdgeBindings, log: Log, startedAt: number): AppOptions & { offline?: ReturnType<typeof offlinePayments> } {
  const env = textSettings(bindings);
  const d1 = isD1Binding(bindings.DB) ? bindings.DB : undefined;
  if (!d1 && !env.DATABASE_URL) {
    throw new Error('DATABASE_URL is not set and there is no D1 binding named DB: bind a D1 database as DB (d1_databases in wrangler.jsonc), or give the Worker a remote libSQL database (libsql://….turso.io) and its DATABASE_AUTH_TOKEN.');
  }
  if (!env.SLOTWISE_JWT_SECRET) throw new Error('SLOTWISE_JWT_SECRET is not set: on the edge it is required (wrangler secret put SLOTWISE_JWT_SECRET), or sign-ins would not survive from one isolate to the next.');
  if (env.NODE_ENV === 'production') for (const name of ['SLOTWISE_JWT_SECRET', 'SLOTWISE_SECRETS_KEY'] as const) longEnoughSecret(env, name);
  const database = d1 ? createD1Db(d1) : createRemoteDb(env.DATABASE_URL!, env.DATABASE_AUTH_TOKEN ? { authToken: env.DATABASE_AUTH_TOKEN } : {});
  const chosen = paymentsFromEnv(env, log);
  const offline = chosen === 'offline' ? offlinePayments(database, { clock: Date.now, nodeEnv: env.NODE_ENV }) : undefined;
  const payments: PaymentsProvider = offline?.payments ?? (chosen as PaymentsProvider);
  const holdMinutes = integer(env, 'HOLD_MINUTES', 1, 24 * 60);
  const trustProxy = flag(env, 'TRUST_PROXY');
  const { meetingSettings, joinWindow } = meetingOptionsFromEnv(env);
  const sms = smsFromEnv(env);
  const fetch = globalThis.fetch.bind(globalThis);
  if (!bindings.RATE_LIMITS) log({ level: 'warn', msg: 'RATE_LIMITS is not bound: each isolate counts rate limits alone. Bind the RateLimitCounter Durable Object as RATE_LIMITS.' });
  // The Cache API where the runtime has one (Workers; not Node): slots answers shared by the isolates of a location.
  const sharedCache = (globalThis as { caches?: { default?: CacheLike } }).caches?.default;
  return {
    database,
    payments,
    log,
    jwtSecret: env.SLOTWISE_JWT_SECRET,
    kdfIterations: EDGE_KDF_ITERATIONS,
    maxKdfIterations: EDGE_KDF_ITERATIONS,
    ...(bindings.RATE_LIMITS ? { rateLimitStore: durableObjectRateLimits(bindings.RATE_LIMITS) } : {}),
    slotCache: createSlotCache({ ...slotCacheSettings(env), ...(sharedCache ? { shared: cacheApiAnswers(sharedCache) } : {}) }),
    ...(env.SLOTWISE_SECRETS_KEY ? { secretsKey: env.SLOTWISE_SECRETS_KEY } : {}),
    ...(holdMinutes === undefined ? {} : { holdMinutes }),
    ...(trustProxy === undefined ? {} : { trustProxy }),
    ...mailSettingsFromEnv(env),
    ...(sms ? { sms: loggedSms(sms, log) } : {}),
    meetings: createMeetings(meetingSettings ?? {}, loggedFetch(fetch, log, 'zoom')),
    ...(joinWindow ? { joinWindow } : {}),
    webhookFetch: loggedFetch(fetch, log, 'webhook'),
    ...(bindings.ASSETS ? { assets: { widget: assetsBinding(bindings.ASSETS, startedAt) } } : {}),
    ...(offline ? { offline } : {}),
  };
}

/**
 * One app per isolate and bindings object, made on first use: Workers hand bindings over only
 * with an event, and refuse random numbers and timers at module load. A failed start is not kept,
 * so fixing a secret needs no redeploy of the code.
 */
const apps = new WeakMap<object, SlotwiseApp>();

function appFor(bindings: EdgeBindings): SlotwiseApp {
  let app = apps.get(bindings);
  if (!app) {
    const log = jsonLog((line) => console.log(line));
    const { offline, ...options } = edgeOptionsFromEnv(bindings, log, Date.now());
    app = createApp(options);
    offline?.deliverTo(app);
    apps.set(bindings, app);
  }
  return app;
}

/** The sentence naming the setting at fault, as a log line (no app, so no app log yet). */
function logStartFailure(error: unknown): void {
  console.log(JSON.stringify({ time: new Date().toISOString(), level: 'error', msg: 'Slotwise could not start', ...errorFields(error) }));
}

/**
 * What a Worker answers when its settings are wrong: the contract's `internal_error` (the caller
 * can do nothing about it); the sentence naming the setting goes to the log only.
 */
function misconfigured(error: unknown): Response {
  logStartFailure(error);
  const problem = toProblem(new HttpError('internal_error', t('internal_error')));
  return new Response(JSON.stringify(problem), { status: problem.status, headers: { 'content-type': 'application/problem+json' } });
}

/**
 * The request with the client's own `Accept-Encoding`. Cloudflare hands a Worker `br, gzip`
 * whatever the client sent, and keeps the client's header in `cf.clientAcceptEncoding`; in
 * production its edge decodes an answer again for a client that cannot read it, `wrangler dev`
 * does not (curl got gzip it never asked for). Negotiating with what the client sent is right in
 * both, and spares the edge that decoding.
 */
function withClientEncoding(request: Request): Request {
  const sent = (request as Request & { cf?: { clientAcceptEncoding?: unknown } }).cf?.clientAcceptEncoding;
  if (typeof sent !== 'string' || sent === (request.headers.get('accept-encoding') ?? '')) return request;
  const headers = new Headers(request.headers);
  if (sent) headers.set('accept-encoding', sent);
  else headers.delete('accept-encoding');
  return new Request(request, { headers });
}

export default {
  /** Every request: the app's answer; outbox deliveries its commits woke finish after it (`waitUntil`). */
  async fetch(request: Request, bindings: EdgeBindings, ctx: EdgeContext): Promise<Response> {
    let app: SlotwiseApp;
    try {
      app = appFor(bindings);
    } catch (error) {
      return misconfigured(error);
    }
    const response = await app.fetch(withClientEncoding(request), bindings, ctx as Parameters<SlotwiseApp['fetch']>[2]);
    // What the answer set going finishes within this request: the outbox's deliveries, and in the
    // test-payments mode the signed event it sends the app's own webhook endpoint (a timer away).
    // Cut off when the request ended, that event's D1 call never settled, and every later change of
    // the specialist waited behind it for the isolate's life.
    const payments = app.deps.payments as Partial<Pick<TestPayments, 'settled'>>;
    ctx.waitUntil(Promise.all([app.deliveries.idle(), payments.settled?.()]));
    return response;
  },
  /** A Cron Trigger (every minute in the example): the scheduler's tick, as Node runs every 30 s. */
  async scheduled(_controller: EdgeScheduledController, bindings: EdgeBindings, ctx: EdgeContext): Promise<void> {
    let app: SlotwiseApp;
    try {
      app = appFor(bindings);
    } catch (error) {
      logStartFailure(error);
      return;
    }
    // A lapsed hold's intent is cancelled on a tick: its test-payments event finishes here too.
    const payments = app.deps.payments as Partial<Pick<TestPayments, 'settled'>>;
    ctx.waitUntil(loggedTick(app.tick, app.deps.log).then(() => payments.settled?.()));
  },
};
