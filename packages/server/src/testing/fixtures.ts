import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { services, specialists, weeklyHours, type ServiceRow } from '../db/schema.js';
import { newId } from '../services/ids.js';
import { insertApiKey, newApiKey } from '../services/accounts/api-keys.js';

/** Another specialist with one free 30-minute service, Mon–Fri 09:00–17:00, and an API key. */
export async function addSpecialist(database: Database, handle: string, now = Date.parse('2026-11-01T00:00:00Z')) {
  const key = await newApiKey();
  return database.write(async (tx) => {
    const id = newId('sp');
    await tx.insert(specialists).values({ id, handle, name: `Specialist ${handle}`, timeZone: 'Europe/Berlin', currency: 'EUR', createdAt: now });
    const [service] = await tx
      .insert(services)
      .values({ id: newId('svc'), specialistId: id, name: 'Session', currency: 'EUR', durations: [{ minutes: 30, price: 0 }], createdAt: now })
      .returning();
    await tx.insert(weeklyHours).values([1, 2, 3, 4, 5].map((weekday) => ({ id: newId('wh'), specialistId: id, weekday, startMinute: 540, endMinute: 1020 })));
    await insertApiKey(tx, id, 'test', key, now);
    return { specialistId: id, service: service!, apiKey: key.key };
  });
}

/**
 * Changes a service's columns directly (tests of rules the public API cannot reach yet). One
 * statement as a batch, so it runs on every engine, D1 included (no interactive transaction there).
 */
export async function setService(database: Database, id: string, changes: Partial<ServiceRow>) {
  await database.batch([database.db.update(services).set(changes).where(eq(services.id, id))]);
}

export async function setAllowedOrigins(database: Database, handle: string, origins: string[]) {
  await database.write((tx) => tx.update(specialists).set({ allowedOrigins: origins }).where(eq(specialists.handle, handle)));
}

/**
 * Gives the demo specialist a connected account that can take charges, through the app's own
 * payments provider (the offline test mode unless the test passed another), as onboarding would.
 * The update is a one-statement batch, so it runs on D1 too.
 */
export async function connectDemo(app: { deps: { payments: import('../providers/payments/index.js').PaymentsProvider; database: Database } }) {
  const { payments: provider, database } = app.deps;
  const account = await provider.createConnectedAccount({ email: 'demo@slotwise.local', metadata: {}, idempotencyKey: `connect-demo-${Math.random()}` });
  if (provider.mode === 'test') await (provider as import('../providers/payments/index.js').TestPayments).completeTestOnboarding(account.id);
  await database.batch([database.db.update(specialists).set({ stripeAccountId: account.id, stripeChargesEnabled: true }).where(eq(specialists.handle, 'demo'))]);
  return account.id;
}
