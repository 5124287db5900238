import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { Hono } from 'hono';
import { createApp, type AppOptions, type SlotwiseApp } from './app.js';
import type { AppEnv } from './app-env.js';
import { createDb, threadWriteLock, type Database, type Synchronous } from './db/client.js';
import { synchronousFromEnv, useWal, watchCommits } from './db/local-file.js';
import { listen, type Listener } from './listen.js';
import { startDeliveryWorker, STOP_GRACE_MS } from './deliveries-thread.js';
import { migrate } from './db/migrate.js';
import { seedDemo, type SeedResult } from './seed.js';
import { offlinePayments, type PaymentsProvider } from './providers/payments/index.js';
import { flag, integer, longEnoughSecret, paymentsFromEnv, slotCacheSettings } from './settings.js';
import { createSlotCache } from './services/availability/slot-cache.js';

export { paymentsFromEnv } from './settings.js';
import { batchedLines, jsonLog, type Log } from './services/log.js';
import { createCalendarFeeds } from './providers/calendar-feed/index.js';
import { guardedFetch } from './providers/calendar-feed/guarded-fetch.js';
import { loggedFetch } from './providers/logged.js';
import { mailOptionsFromEnv } from './providers/mail/index.js';

// Mail for Node callers (tests of other packages, scripts): SMTP and the local mailbox.
export { smtpMail, startMailbox, type Mailbox, type MailboxMessage } from './providers/mail/index.js';
/** For embedding with other cache or fetch settings (tests pass `allowHttp` to read a local feed). */
export { createCalendarFeeds, type CalendarFeedsOptions } from './providers/calendar-feed/index.js';
import { createMeetings, meetingOptionsFromEnv, type MeetingSettings } from './providers/meetings/index.js';
import { loggedSms, smsFromEnv } from './providers/sms/index.js';
import { guardedWebhookFetch } from './providers/webhooks/guarded-webhook-fetch.js';
import { newSecretToken } from './services/ids.js';
import { loggedTick } from './services/scheduler.js';
import { EDGE_KDF_ITERATIONS } from './services/accounts/passwords.js';
import { nodeDir } from './providers/files/node-dir.js';
import { nodeEncoder } from './providers/files/node-zlib.js';

export const DEFAULT_DATABASE_URL = 'file:./data/slotwise.db';

export interface DatabaseFileOptions {
  /**
   * How a commit to a local file survives a crash (`db/client.ts` `Synchronous`): `full` also an
   * OS crash or power loss, `normal` a process crash. @default 'normal'
   */
  synchronous?: Synchronous;
  /** Shared with the other threads of this process writing the file (`DatabaseOptions.threadLock`). */
  threadLock?: Int32Array;
}

/**
 * Opens (creating its folder if needed) and migrates the database at `url`. A local file is put
 * in WAL mode and watched for commits of every connection (`database.changeCounter`, `db/local-file.ts`).
 */
export async function openDatabase(url: string = DEFAULT_DATABASE_URL, authToken?: string, options: DatabaseFileOptions = {}): Promise<Database> {
  if (!/^(file|libsql|https?|wss?):/.test(url)) {
    throw new Error(`DATABASE_URL must be a file: URL (file:./data/slotwise.db) or a remote libSQL URL (libsql://…, https://…); got "${url}".`);
  }
  const path = url.startsWith('file:') ? url.slice('file:'.length).split('?')[0]! : undefined;
  const local = path !== undefined && path !== '' && path !== ':memory:';
  if (local) mkdirSync(dirname(resolve(path)), { recursive: true });
  const timeout = 5000;
  const synchronous = options.synchronous ?? 'normal';
  const database = createDb(url, { timeout, authToken, synchronous, ...(options.threadLock ? { threadLock: options.threadLock } : {}) });
  if (local) await useWal(database, timeout);
  await migrate(database);
  if (local) await watchCommits(database, path, timeout);
  return database;
}

export interface StartOptions extends Partial<Omit<AppOptions, 'database' | 'payments'>> {
  /** @default process.env.DATABASE_URL ?? 'file:./data/slotwise.db' */
  databaseUrl?: string;
  /** For a remote libSQL (Turso) URL. @default process.env.DATABASE_AUTH_TOKEN */
  databaseAuthToken?: string;
  /** For a local file: `normal` or `full` (`DatabaseFileOptions`). @default process.env.DATABASE_SYNCHRONOUS ?? 'normal' */
  databaseSynchronous?: Synchronous;
  /** 0 picks a free port. @default 8787 */
  port?: number;
  /** @default '127.0.0.1' */
  hostname?: string;
  /**
   * A payments provider, or `'offline'` for the demo's test-payments mode (its simulated Stripe
   * account kept in the database; refused when `NODE_ENV=production`). @default from the
   * environment (`paymentsFromEnv`)
   */
  payments?: PaymentsProvider | 'offline';
  /** `NODE_ENV`: `production` refuses the offline test-payments mode. @default process.env.NODE_ENV */
  nodeEnv?: string;
  /** Seed the demo specialist (once). */
  seed?: 'demo';
  /**
   * The widget package's build folder (`packages/widget/dist`), served at `/widget/*` — the
   * customer widget, and the console `/console` loads. @default not served
   */
  widgetDir?: string;
  /** Add routes around the API (the demo serves its page this way). */
  mount?: (app: Hono<AppEnv>) => void;
  /** How often the scheduler's `tick` runs; 0 turns it off. @default 30000 */
  tickEveryMs?: number;
  /** Jitsi's server and Zoom's credentials, when `meetings` is not given. @default Jitsi on meet.jit.si, no Zoom */
  meetingSettings?: MeetingSettings;
  /**
   * A socket already listening (`listen`), answering `/health` while this start goes on; the app
   * is handed to it once built, and `port`/`hostname` are then ignored. `main.ts` opens it first.
   * @default a socket opened once the app is built
   */
  listener?: Listener;
  /**
   * Where the outbox is delivered (emails, meeting links, webhooks, text messages, in-app notices)
   * and the scheduler ticks: `inline` on this thread right after each commit; `worker` on a worker
   * thread of its own with its own database connection (`deliveries-thread.ts`), so requests never
   * wait behind a delivery's CPU. A worker builds its providers from `deliveryEnv` as
   * `optionsFromEnv` does: choose it when mail, meetings, text messages and payments come from the
   * environment, not when they are passed here as objects (tests' fakes). The production entry
   * (`main.ts`) takes it from `SLOTWISE_DELIVERIES`. @default 'inline'
   */
  deliveries?: Deliveries;
  /** The environment a delivery worker reads its settings from. @default process.env */
  deliveryEnv?: Record<string, string | undefined>;
}

export type Deliveries = 'inline' | 'worker';

export interface RunningServer {
  url: string;
  database: Database;
  app: SlotwiseApp;
  /** What seeding did, when asked to seed. */
  seeded?: SeedResult;
  /** The delivery worker's thread, with `deliveries: 'worker'`. */
  deliveryWorker?: Worker;
  close(): Promise<void>;
}

/** Opens the database, applies migrations, optionally seeds, and serves the API over HTTP. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const log: Log = options.log ?? stdoutLog();
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const databaseAuthToken = options.databaseAuthToken ?? process.env.DATABASE_AUTH_TOKEN;
  const databaseSynchronous = options.databaseSynchronous ?? synchronousFromEnv(process.env);
  const inWorker = options.deliveries === 'worker';
  // This thread and the delivery worker take turns at writing without either sleeping in SQLite's busy handler.
  const threadLock = inWorker ? threadWriteLock() : undefined;
  const database = await openDatabase(databaseUrl, databaseAuthToken, { synchronous: databaseSynchronous, ...(threadLock ? { threadLock } : {}) });
  const seeded = options.seed === 'demo' ? await seedDemo(database, { kdfIterations: options.kdfIterations }) : undefined;
  const jwtSecret = options.jwtSecret ?? process.env.SLOTWISE_JWT_SECRET ?? ephemeralJwtSecret(log);
  const app = nodeApp({ ...options, jwtSecret, ...(inWorker ? { dispatchAfterCommit: false } : {}) }, database, log);
  if (!options.mail) log({ level: 'warn', msg: 'No mail transport (SMTP_URL or POSTMARK_SERVER_TOKEN): no email is sent, and booking answers say so.' });
  options.mount?.(app);
  const every = options.tickEveryMs ?? 30_000;
  let ticker: ReturnType<typeof setInterval> | undefined;
  /** The scheduler on this thread (inline deliveries, or after the worker stopped). */
  const tickHere = () => {
    ticker = every > 0 ? setInterval(() => void loggedTick(app.tick, log), every) : undefined;
    ticker?.unref();
  };
  const worker = inWorker
    ? startDeliveryWorker(
        {
          databaseUrl,
          ...(databaseAuthToken ? { databaseAuthToken } : {}),
          ...(databaseSynchronous ? { databaseSynchronous } : {}),
          env: { ...(options.deliveryEnv ?? process.env) },
          jwtSecret,
          threadLock: threadLock!,
          ...(options.secretsKey ? { secretsKey: options.secretsKey } : {}),
          tickEveryMs: every,
        },
        database,
        log,
        () => {
          // Deliveries never stop: what the worker left undone, this thread does from now on.
          database.onCommit(app.deliveries.kick);
          tickHere();
          app.deliveries.kick();
        },
      )
    : undefined;
  if (!worker) tickHere();
  const listener = options.listener ?? (await listen({ port: options.port ?? 8787, hostname: options.hostname ?? '127.0.0.1' }));
  await listener.serve(app.fetch);
  const server = listener.server;
  return {
    url: listener.url,
    database,
    app,
    ...(seeded ? { seeded } : {}),
    ...(worker ? { deliveryWorker: worker.thread } : {}),
    close: () =>
      new Promise<void>((done) => {
        clearInterval(ticker);
        server.close(() => {
          // The worker — or, with inline deliveries, this thread's dispatcher — finishes what it is
          // sending (bounded as the worker's stop is), then the handles close: a drain never meets a closed database.
          void (worker?.stop() ?? settledWithin(app.deliveries.idle(), STOP_GRACE_MS)).then(() => {
            database.close();
            done();
          });
        });
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

/** Resolves when `work` settles or after `ms`, whichever is first. */
function settledWithin(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([work.then(() => undefined, () => undefined), new Promise<void>((done) => (timer = setTimeout(done, ms)))]).finally(() => clearTimeout(timer));
}

/**
 * The API over `database` with the Node providers: calendar feeds and webhooks to public addresses
 * only, Zoom or Jitsi meetings, text messages when configured, payments as `options` or the
 * environment say. The HTTP entry (`startServer`) and the delivery worker (`delivery-worker.ts`)
 * build theirs alike, so both deliver the same way.
 */
export function nodeApp(options: StartOptions & { jwtSecret: string }, database: Database, log: Log): SlotwiseApp {
  const clock = options.clock ?? Date.now;
  const nodeEnv = options.nodeEnv ?? process.env.NODE_ENV;
  const chosen = options.payments ?? paymentsFromEnv(process.env, log);
  const offline = chosen === 'offline' ? offlinePayments(database, { clock, nodeEnv }) : undefined;
  const payments = offline?.payments ?? (chosen as PaymentsProvider);
  // Outside calendars are fetched only from public addresses, checked again at connect time (DNS rebinding).
  const calendarFeeds = options.calendarFeeds ?? createCalendarFeeds({ fetch: loggedFetch(guardedFetch(), log, 'calendar-feed'), clock });
  // Webhooks too go only to public addresses, checked on the resolved addresses at connect time.
  const allowLoopbackWebhooks = options.allowLoopbackWebhooks ?? false;
  if (allowLoopbackWebhooks) log({ level: 'warn', msg: 'SLOTWISE_ALLOW_LOOPBACK_WEBHOOKS is on: webhook endpoints on this machine (loopback) can be registered and reached. Development only.' });
  const webhookFetch = options.webhookFetch ?? loggedFetch(guardedWebhookFetch({ allowLoopback: allowLoopbackWebhooks }), log, 'webhook');
  // Text messages only when configured (TWILIO_*): off by default.
  const sms = options.sms ? loggedSms(options.sms, log) : undefined;
  // Zoom's calls are logged like every provider's: host, status and time, never a token or a link.
  const meetings = options.meetings ?? createMeetings(options.meetingSettings ?? {}, loggedFetch(globalThis.fetch.bind(globalThis), log, 'zoom'));
  const assets = options.widgetDir ? { widget: nodeDir(options.widgetDir) } : options.assets;
  const app = createApp({ ...options, encoder: options.encoder ?? nodeEncoder(), ...(assets ? { assets } : {}), log, clock, database, calendarFeeds, payments, allowLoopbackWebhooks, webhookFetch, meetings, ...(sms ? { sms } : {}) });
  offline?.deliverTo(app);
  return app;
}

/**
 * JSON lines on stdout, batched per turn of the event loop (`setImmediate`), and flushed
 * synchronously when the process exits so no line is lost.
 */
function stdoutLog(): Log {
  const out = batchedLines((chunk) => process.stdout.write(chunk), (flush) => void setImmediate(flush));
  process.once('exit', () => out.flush());
  return jsonLog(out.line);
}

/** A random signing secret for this process only, with a warning: it dies with the process. */
function ephemeralJwtSecret(log: Log): string {
  log({ level: 'warn', msg: 'SLOTWISE_JWT_SECRET is not set: using a random secret, so access tokens will not survive a restart (nor webhook signing secrets, unless SLOTWISE_SECRETS_KEY is set).' });
  return newSecretToken('jwt');
}

/**
 * The widget package's build beside this package in the repository (`packages/widget/dist`, from
 * `src/` or `dist/` alike) once it has been built; undefined until then. The Node entries serve it
 * at `/widget/*` unless `SLOTWISE_WIDGET_DIR` names another folder.
 */
export function builtWidgetDir(): string | undefined {
  const built = fileURLToPath(new URL('../../widget/dist/', import.meta.url));
  return existsSync(`${built}slotwise.js`) ? built : undefined;
}

/** Stops `server` on Ctrl-C or SIGTERM. */
export function closeOnSignal(server: RunningServer): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void server.close().then(() => process.exit(0)));
  }
}

/**
 * The server's options from its environment — every variable the README's "Run in production"
 * lists, checked, so a typo stops the start with a sentence instead of running misconfigured:
 * `PORT`, `HOST`, `DATABASE_URL`, `DATABASE_AUTH_TOKEN`, `SLOTWISE_JWT_SECRET`, `STRIPE_*`,
 * `SLOTWISE_PAYMENTS`, `TRUST_PROXY`, `HOLD_MINUTES`, `SLOTWISE_KDF_ITERATIONS`, `NODE_ENV`, `SLOTWISE_SECRETS_KEY`,
 * `SLOTWISE_ALLOW_LOOPBACK_WEBHOOKS`, `SMTP_URL`, `POSTMARK_SERVER_TOKEN`, `POSTMARK_MESSAGE_STREAM`,
 * `MAIL_FROM`, `PUBLIC_API_URL`, `PUBLIC_MANAGE_URL` (email), `TWILIO_*` (text messages), `JITSI_BASE_URL`, `ZOOM_*`,
 * `JOIN_OPENS_MINUTES_BEFORE`, `JOIN_CLOSES_MINUTES_AFTER` (meetings), `SLOTWISE_WIDGET_DIR`,
 * `SLOT_CACHE_MAX_ENTRIES`, `SLOT_CACHE_MAX_BYTES`, `SLOTWISE_DELIVERIES`.
 */
export function optionsFromEnv(env: Record<string, string | undefined> = process.env): StartOptions {
  const port = integer(env, 'PORT', 0, 65535);
  const holdMinutes = integer(env, 'HOLD_MINUTES', 1, 24 * 60);
  // Never below the edge's count: the setting exists to meet the edge, not to weaken hashes further.
  const kdfIterations = integer(env, 'SLOTWISE_KDF_ITERATIONS', EDGE_KDF_ITERATIONS, 10_000_000);
  const trustProxy = flag(env, 'TRUST_PROXY');
  const allowLoopbackWebhooks = flag(env, 'SLOTWISE_ALLOW_LOOPBACK_WEBHOOKS');
  const sms = smsFromEnv(env);
  const cacheBounds = slotCacheSettings(env);
  const databaseSynchronous = synchronousFromEnv(env);
  const widgetDir = env.SLOTWISE_WIDGET_DIR;
  const deliveries = env.SLOTWISE_DELIVERIES;
  if (deliveries !== undefined && deliveries !== 'inline' && deliveries !== 'worker') throw new Error(`SLOTWISE_DELIVERIES must be "worker" (deliveries on a thread of their own, the default) or "inline" (on the thread that serves requests); got "${deliveries}".`);
  if (widgetDir && !existsSync(widgetDir)) throw new Error(`SLOTWISE_WIDGET_DIR must be a folder that exists; got "${widgetDir}".`);
  if (env.NODE_ENV === 'production') for (const name of ['SLOTWISE_JWT_SECRET', 'SLOTWISE_SECRETS_KEY'] as const) longEnoughSecret(env, name);
  return {
    ...(deliveries ? { deliveries } : {}),
    ...(widgetDir ? { widgetDir } : {}),
    ...(port === undefined ? {} : { port }),
    ...(env.HOST ? { hostname: env.HOST } : {}),
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    ...(env.DATABASE_AUTH_TOKEN ? { databaseAuthToken: env.DATABASE_AUTH_TOKEN } : {}),
    ...(databaseSynchronous ? { databaseSynchronous } : {}),
    ...(env.SLOTWISE_JWT_SECRET ? { jwtSecret: env.SLOTWISE_JWT_SECRET } : {}),
    ...(holdMinutes === undefined ? {} : { holdMinutes }),
    ...(kdfIterations === undefined ? {} : { kdfIterations }),
    ...(trustProxy === undefined ? {} : { trustProxy }),
    ...(allowLoopbackWebhooks === undefined ? {} : { allowLoopbackWebhooks }),
    ...(env.SLOTWISE_SECRETS_KEY ? { secretsKey: env.SLOTWISE_SECRETS_KEY } : {}),
    ...(env.NODE_ENV ? { nodeEnv: env.NODE_ENV } : {}),
    ...mailOptionsFromEnv(env),
    ...(sms ? { sms } : {}),
    ...(Object.keys(cacheBounds).length > 0 ? { slotCache: createSlotCache(cacheBounds) } : {}),
    ...meetingOptionsFromEnv(env),
  };
}
