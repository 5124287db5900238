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
import { seedDemo } from '../seed.js';

export interface TestAppOptions extends Partial<Omit<AppOptions, 'database' | 'clock'>> {
  now?: number;
  timeZone?: string;
  /** The libSQL client the database is opened with (a test counting what reaches the database wraps the real one). */
  createClient?: DatabaseOptions['createClient'];
}

/**
 * A real app on a real libSQL file in a temporary folder, seeded with `demo` (Europe/Berlin,
 * Mon–Fri 09:00–17:00). Transactions need a file: `:memory:` is one connection per client.
 * Rate limits are off unless a test turns them on: a test is one client firing many requests.
 */
export async function testApp(options: TestAppOptions = {}) {
  const { now: start, timeZone, createClient, ...appOptions } = options;
  const dir = mkdtempSync(join(tmpdir(), 'slotwise-test-'));
  const url = `file:${join(dir, 'test.db')}`;
  const database: Database = createDb(url, { timeout: 5000, ...(createClient ? { createClient } : {}) });
  await migrate(database);
  // Passwords are hashed with a cheap KDF here: a test checks the format, not the cost.
  const kdfIterations = appOptions.kdfIterations ?? 1000;
  const { apiKey, demoPassword, operatorPassword } = await seedDemo(database, { timeZone, kdfIterations });
  let now = start ?? Date.parse('2026-11-20T12:00:00Z');
  const errors: unknown[] = [];
  const clock = () => now;
  // Without `payments`, the demo's offline test mode, its simulated account in this database.
  const offline = appOptions.payments ? undefined : offlinePayments(database, { clock, nodeEnv: 'test' });
  const app = createApp({
    database,
    clock,
    log: silentLog,
    logError: (e) => errors.push(e),
    rateLimits: false,
    kdfIterations,
    ...appOptions,
    payments: appOptions.payments ?? offline!.payments,
  });
  offline?.deliverTo(app);
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
    json: async (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
      const res = await app.request(path, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
    },
    close: () => {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof testApp>>;
