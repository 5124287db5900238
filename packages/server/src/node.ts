import { closeSync, mkdirSync, openSync, readSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import { createApp, type AppOptions, type SlotwiseApp } from './app.js';
import type { AppEnv } from './app-env.js';
import { createDb, type Database } from './db/client.js';
import { migrate } from './db/migrate.js';
import { seedDemo, type SeedResult } from './seed.js';
import { createStripePayments, type PaymentsProvider } from './providers/payments/index.js';
import { createCalendarFeeds } from './providers/calendar-feed/index.js';
import { guardedFetch } from './providers/calendar-feed/guarded-fetch.js';
import { newSecretToken } from './http/tokens.js';

export const DEFAULT_DATABASE_URL = 'file:./data/slotwise.db';

/** Opens (creating its folder if needed) and migrates the database at `url`. */
export async function openDatabase(url: string = DEFAULT_DATABASE_URL, authToken?: string): Promise<Database> {
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length).split('?')[0]!;
    if (path && path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  }
  const database = createDb(url, { timeout: 5000, authToken });
  await migrate(database);
  await watchChanges(database);
  return database;
}

/**
 * Lets readers notice any commit without a query: in rollback-journal mode SQLite increments the
 * 4-byte "file change counter" at offset 24 of the file on every write transaction, from any
 * connection (sqlite.org/fileformat.html). Reading it costs ~1 µs; a query ~60 µs. WAL mode does
 * not maintain it, so then nothing is set and callers query.
 */
async function watchChanges(database: Database): Promise<void> {
  if (!database.url.startsWith('file:')) return;
  const [mode] = await database.db.all<{ journal_mode: string }>(sql`pragma journal_mode`);
  if (!mode || !['delete', 'truncate', 'persist'].includes(mode.journal_mode.toLowerCase())) return;
  const fd = openSync(resolve(database.url.slice('file:'.length).split('?')[0]!), 'r');
  const buffer = Buffer.alloc(4);
  database.changeCounter = () => {
    readSync(fd, buffer, 0, 4, 24);
    return buffer.readUInt32BE(0);
  };
  const close = database.close.bind(database);
  database.close = () => {
    close();
    closeSync(fd);
  };
}

export interface StartOptions extends Partial<Omit<AppOptions, 'database'>> {
  /** @default process.env.DATABASE_URL ?? 'file:./data/slotwise.db' */
  databaseUrl?: string;
  /** 0 picks a free port. @default 8787 */
  port?: number;
  /** @default '127.0.0.1' */
  hostname?: string;
  /** Seed the demo specialist (once). */
  seed?: 'demo';
  /** Add routes around the API (the demo serves its page and the widget this way). */
  mount?: (app: Hono<AppEnv>) => void;
  /** How often the scheduler's `tick` runs; 0 turns it off. @default 30000 */
  tickEveryMs?: number;
}

export interface RunningServer {
  url: string;
  database: Database;
  app: SlotwiseApp;
  /** What seeding did, when asked to seed. */
  seeded?: SeedResult;
  close(): Promise<void>;
}

/** Opens the database, applies migrations, optionally seeds, and serves the API over HTTP. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const database = await openDatabase(options.databaseUrl ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
  const seeded = options.seed === 'demo' ? await seedDemo(database, { kdfIterations: options.kdfIterations }) : undefined;
  const jwtSecret = options.jwtSecret ?? process.env.SLOTWISE_JWT_SECRET ?? ephemeralJwtSecret();
  // Outside calendars are fetched only from public addresses, checked again at connect time (DNS rebinding).
  const calendarFeeds = options.calendarFeeds ?? createCalendarFeeds({ fetch: guardedFetch(), clock: options.clock ?? Date.now });
  const app = createApp({ ...options, jwtSecret, database, calendarFeeds, payments: options.payments ?? paymentsFromEnv(), nodeEnv: options.nodeEnv ?? process.env.NODE_ENV });
  options.mount?.(app);
  const every = options.tickEveryMs ?? 30_000;
  const ticker = every > 0 ? setInterval(() => void app.tick().catch((error) => console.error('tick failed', error)), every) : undefined;
  ticker?.unref();
  const hostname = options.hostname ?? '127.0.0.1';
  const server: ServerType = await new Promise((ready) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 8787, hostname }, () => ready(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`,
    database,
    app,
    ...(seeded ? { seeded } : {}),
    close: () =>
      new Promise<void>((done) => {
        clearInterval(ticker);
        server.close(() => {
          database.close();
          done();
        });
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

/** A random signing secret for this process only, with a warning: it dies with the process. */
function ephemeralJwtSecret(): string {
  console.warn('SLOTWISE_JWT_SECRET is not set: using a random secret, so access tokens will not survive a restart.');
  return newSecretToken('jwt');
}

/**
 * Real Stripe when `STRIPE_SECRET_KEY` is set (with `STRIPE_PUBLISHABLE_KEY` and
 * `STRIPE_WEBHOOK_SECRET` — several comma-separated while rolling, plus the Connect endpoint's);
 * otherwise undefined, and the app runs the offline test-payments mode, which refuses to start
 * when `NODE_ENV=production`.
 */
export function paymentsFromEnv(env: Record<string, string | undefined> = process.env): PaymentsProvider | undefined {
  const secretKey = env.STRIPE_SECRET_KEY;
  if (!secretKey) return undefined;
  const publishableKey = env.STRIPE_PUBLISHABLE_KEY;
  const webhookSecrets = (env.STRIPE_WEBHOOK_SECRET ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (!publishableKey || webhookSecrets.length === 0) {
    throw new Error('With STRIPE_SECRET_KEY set, also set STRIPE_PUBLISHABLE_KEY and STRIPE_WEBHOOK_SECRET (whsec_…).');
  }
  return createStripePayments({ secretKey, publishableKey, webhookSecrets });
}

/** Stops `server` on Ctrl-C or SIGTERM. */
export function closeOnSignal(server: RunningServer): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void server.close().then(() => process.exit(0)));
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain && fileURLToPath(import.meta.url).endsWith('node.js')) {
  const server = await startServer({
    port: Number(process.env.PORT ?? 8787),
    hostname: process.env.HOST ?? '127.0.0.1',
  });
  closeOnSignal(server);
  console.log(`Slotwise API on ${server.url} (database ${server.database.url})`);
}
