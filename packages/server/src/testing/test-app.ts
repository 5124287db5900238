import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { createApp, type AppOptions } from '../app.js';
import { createDb, type Database, type DatabaseOptions } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { services, specialists } from '../db/schema.js';
import { offlinePayments } from '../providers/payments/index.js';
import { silentLog } from '../services/log.js';
import { seedDemo, type SeedOptions, type SeedResult } from '../seed.js';

export interface TestAppOptions extends Partial<Omit<AppOptions, 'database' | 'clock'>> {
  now?: number;
  timeZone?: string;
  /**
   * The database under the app. `'file'` (default): a libSQL file. `'d1'`: a D1 database in
   * workerd (Miniflare) — the app still runs in Node, each query goes to D1 as the Worker's do
   * (`db/d1.ts`: no interactive transaction, every write one guarded batch). The D1 is migrated as
   * wrangler migrates it and seeded with the same `seedDemo` (`testing/d1-seed.ts`).
   */
  engine?: 'file' | 'd1';
  /**
   * Also a second app over the same database through its OWN handle (`twin`), as a second server
   * process or Worker isolate would be: its own write queue and per-specialist lanes, so writes
   * sent to both race for real and only the database's guarantees (the guarded batch) separate them.
   */
  twin?: boolean;
  /** The libSQL client a file database is opened with (a test counting what reaches the database wraps the real one). */
  createClient?: DatabaseOptions['createClient'];
}

type JsonInit = { method?: string; body?: unknown; headers?: Record<string, string> };

/** A JSON request to `app`, its status, headers and parsed body. */
const jsonOf = (app: ReturnType<typeof createApp>) => async (path: string, init: JsonInit = {}) => {
  const res = await app.request(path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
};

/** A migrated, seeded database for a test app, and how to throw it away. */
interface TestDatabase {
  database: Database;
  url: string;
  seeded: SeedResult;
  /** Another handle on the same database (closed with the first). */
  reopen(): Database;
  close(): void | Promise<void>;
}

async function fileDatabase(seedOptions: SeedOptions, createClient?: DatabaseOptions['createClient']): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'slotwise-test-'));
  const url = `file:${join(dir, 'test.db')}`;
  const database: Database = createDb(url, { timeout: 5000, ...(createClient ? { createClient } : {}) });
  await migrate(database);
  const seeded = await seedDemo(database, seedOptions);
  const others: Database[] = [];
  return {
    database,
    url,
    seeded,
    reopen: () => {
      others.push(createDb(url, { timeout: 5000 }));
      return others.at(-1)!;
    },
    close: () => {
      for (const other of others) other.close();
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Imported only when asked for: Miniflare and the D1 seed are not loaded by the file-engine tests. */
async function d1Database(seedOptions: SeedOptions): Promise<TestDatabase> {
  const [{ startTestD1 }, { migrateD1, seedD1 }, { createD1Db }] = await Promise.all([import('./d1.js'), import('./d1-seed.js'), import('../db/d1.js')]);
  const d1 = await startTestD1();
  try {
    await migrateD1(d1.binding);
    const seeded = await seedD1(d1.binding, seedOptions);
    return { database: createD1Db(d1.binding), url: 'd1:DB', seeded, reopen: () => createD1Db(d1.binding), close: () => d1.dispose() };
  } catch (error) {
    await d1.dispose();
    throw error;
  }
}

/**
 * A real app on a real libSQL file in a temporary folder (or, with `engine: 'd1'`, a D1 database in
 * workerd), seeded with `demo` (Europe/Berlin, Mon–Fri 09:00–17:00). Transactions need a file:
 * `:memory:` is one connection per client. Rate limits are off unless a test turns them on: a test
 * is one client firing many requests. `close()` returns a promise on D1 (workerd stops).
 */
export async function testApp(options: TestAppOptions = {}) {
  const { now: start, timeZone, engine = 'file', twin, createClient, ...appOptions } = options;
  // Passwords are hashed with a cheap KDF here: a test checks the format, not the cost.
  const kdfIterations = appOptions.kdfIterations ?? 1000;
  const opened = await (engine === 'd1' ? d1Database({ timeZone, kdfIterations }) : fileDatabase({ timeZone, kdfIterations }, createClient));
  const { database, url } = opened;
  const { apiKey, demoPassword, operatorPassword } = opened.seeded;
  let now = start ?? Date.parse('2026-11-20T12:00:00Z');
  const errors: unknown[] = [];
  const clock = () => now;
  // Without `payments`, the demo's offline test mode, its simulated account in this database.
  const offline = appOptions.payments ? undefined : offlinePayments(database, { clock, nodeEnv: 'test' });
  const appOn = (handle: Database) =>
    createApp({
      database: handle,
      clock,
      log: silentLog,
      logError: (e) => errors.push(e),
      rateLimits: false,
      kdfIterations,
      ...appOptions,
      payments: appOptions.payments ?? offline!.payments,
    });
  const app = appOn(database);
  offline?.deliverTo(app);
  const second = twin ? appOn(opened.reopen()) : undefined;
  const specialist = (await database.db.select().from(specialists).where(eq(specialists.handle, 'demo')))[0]!;
  const [intro, session] = await database.db
    .select()
    .from(services)
    .where(eq(services.specialistId, specialist.id))
    .orderBy(services.position);
  return {
    app,
    database,
    apiKey: apiKey!,
    /** Logins of `demo@slotwise.local` (the demo specialist) and `operator@slotwise.local`. */
    demoPassword: demoPassword!,
    operatorPassword: operatorPassword!,
    url,
    errors,
    intro: intro!,
    session: session!,
    setNow: (ms: number) => {
      now = ms;
    },
    now: () => now,
    json: jsonOf(app),
    /** With `twin`: the second app (its own database handle) and its `json`. */
    twin: second && { app: second, json: jsonOf(second) },
    close: (): void | Promise<void> => opened.close(),
  };
}

export type TestApp = Awaited<ReturnType<typeof testApp>>;
