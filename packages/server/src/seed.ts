import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Tx } from './db/client.js';
import { accounts, services, specialists, weeklyHours } from './db/schema.js';
import { newId, newSecretToken } from './services/ids.js';
import type { PaymentsProvider } from './providers/payments/index.js';
import { insertApiKey, newApiKey } from './services/accounts/api-keys.js';
import { DEFAULT_KDF_ITERATIONS, hashPassword } from './services/accounts/passwords.js';

export interface SeedOptions {
  /** @default 'Europe/Berlin' */
  timeZone?: string;
  now?: number;
  /** PBKDF2 iterations for the seeded accounts' passwords. @default 600000 */
  kdfIterations?: number;
}

export const DEMO_EMAIL = 'demo@slotwise.local';
export const OPERATOR_EMAIL = 'operator@slotwise.local';

export interface SeedResult {
  created: boolean;
  /** The demo specialist's secret API key, only when this call created it: it is shown once. */
  apiKey?: string;
  /** The password of `demo@slotwise.local` (the demo specialist's console login), only when this call created it. */
  demoPassword?: string;
  /** The password of `operator@slotwise.local`, only when this call created it. */
  operatorPassword?: string;
}

interface SeedAccount {
  email: string;
  password: string;
  passwordHash: string;
}

/** A random password (96 bits) and its hash, made before the transaction: hashing is slow. */
async function seedAccount(email: string, iterations: number): Promise<SeedAccount> {
  const password = newSecretToken('pw').slice(3, 19);
  return { email, password, passwordHash: await hashPassword(password, iterations) };
}

/** Inserts `account` unless its email exists; returns its password when it did. */
async function insertAccount(tx: Tx, account: SeedAccount | undefined, role: 'specialist' | 'operator', specialistId: string | null, now: number) {
  if (!account) return undefined;
  const [existing] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, account.email));
  if (existing) return undefined;
  // Seeded logins are verified: the demo's specialist takes paid bookings from the first start.
  await tx.insert(accounts).values({ id: newId('acct'), email: account.email, passwordHash: account.passwordHash, role, specialistId, emailVerifiedAt: now, createdAt: now });
  return account.password;
}

/**
 * Creates the demo specialist (`demo`): a free 30-minute intro and a 60-minute session, open
 * Monday–Friday 09:00–17:00 in `timeZone`, and a secret API key; its console login
 * `demo@slotwise.local`; and the operator `operator@slotwise.local`. Each account gets a random
 * password, returned once. Creates only what is missing, so a second demo start keeps the data.
 */
export async function seedDemo(database: Database, options: SeedOptions = {}): Promise<SeedResult> {
  const now = options.now ?? Date.now();
  const iterations = options.kdfIterations ?? DEFAULT_KDF_ITERATIONS;
  const apiKey = await newApiKey();
  const existingEmails = new Set(
    (await database.db.select({ email: accounts.email }).from(accounts).where(inArray(accounts.email, [DEMO_EMAIL, OPERATOR_EMAIL]))).map((a) => a.email),
  );
  const [demoAccount, operatorAccount] = await Promise.all(
    [DEMO_EMAIL, OPERATOR_EMAIL].map((email) => (existingEmails.has(email) ? undefined : seedAccount(email, iterations))),
  );
  return database.write(async (tx) => {
    const [existing] = await tx.select({ id: specialists.id }).from(specialists).where(eq(specialists.handle, 'demo'));
    const operatorPassword = await insertAccount(tx, operatorAccount, 'operator', null, now);
    if (existing) {
      const demoPassword = await insertAccount(tx, demoAccount, 'specialist', existing.id, now);
      return { created: false, ...(demoPassword ? { demoPassword } : {}), ...(operatorPassword ? { operatorPassword } : {}) };
    }
    const specialistId = newId('sp');
    await tx.insert(specialists).values({
      id: specialistId,
      handle: 'demo',
      name: 'Dr. Ada Demo',
      bio: 'Career coach for engineers. Book a free intro call or a full coaching session.',
      // What the directory shows and filters on (`GET /v1/specialists`, `<slotwise-directory>`).
      headline: 'Career coach for engineers',
      categories: ['career-coaching'],
      languages: ['en', 'de'],
      timeZone: options.timeZone ?? 'Europe/Berlin',
      currency: 'EUR',
      createdAt: now,
    });
    await tx.insert(services).values([
      {
        id: newId('svc'),
        specialistId,
        name: 'Intro call',
        description: 'A free 30-minute call to see whether we are a good fit.',
        currency: 'EUR',
        durations: [{ minutes: 30, price: 0 }],
        position: 0,
        createdAt: now,
      },
      {
        id: newId('svc'),
        specialistId,
        name: 'Coaching session',
        description: 'A 60-minute session on your goals, with notes afterwards.',
        currency: 'EUR',
        durations: [{ minutes: 60, price: 0 }],
        position: 1,
        createdAt: now,
      },
    ]);
    await tx.insert(weeklyHours).values(
      [1, 2, 3, 4, 5].map((weekday) => ({ id: newId('wh'), specialistId, weekday, startMinute: 9 * 60, endMinute: 17 * 60 })),
    );
    await insertApiKey(tx, specialistId, 'Demo key', apiKey, now);
    const demoPassword = await insertAccount(tx, demoAccount, 'specialist', specialistId, now);
    return { created: true, apiKey: apiKey.key, ...(demoPassword ? { demoPassword } : {}), ...(operatorPassword ? { operatorPassword } : {}) };
  });
}

/**
 * In the offline test-payments mode, gives the demo specialist a (test) connected account and
 * prices the coaching session at €90, so the demo shows a paid checkout without Stripe keys.
 * Does nothing with real Stripe: there the specialist onboards for real first.
 */
export async function seedDemoPayments(payments: PaymentsProvider, database: Database): Promise<boolean> {
  if (payments.mode !== 'test') return false;
  const [demo] = await database.db.select().from(specialists).where(eq(specialists.handle, 'demo'));
  if (!demo) return false;
  // A database from before the simulated account was kept in it points at an account nobody
  // knows any more: connect again rather than fail every paid booking.
  if (demo.stripeAccountId && (await payments.retrieveAccount(demo.stripeAccountId).then(() => true, () => false))) return false;
  const account = await payments.createConnectedAccount({ email: 'demo@slotwise.local', metadata: { specialist_id: demo.id }, idempotencyKey: `connect-${demo.id}` });
  // In the offline mode, an account link completes onboarding at once (there is nothing to visit).
  await payments.createAccountLink({ account: account.id, returnUrl: 'http://localhost/', refreshUrl: 'http://localhost/' });
  const onboarded = await payments.retrieveAccount(account.id);
  await database.write(async (tx) => {
    await tx.update(specialists).set({ stripeAccountId: account.id, stripeChargesEnabled: onboarded.chargesEnabled }).where(eq(specialists.id, demo.id));
    if (!demo.stripeAccountId) await tx.update(services).set({ durations: [{ minutes: 60, price: 9000 }] }).where(and(eq(services.specialistId, demo.id), eq(services.name, 'Coaching session')));
  });
  return true;
}
