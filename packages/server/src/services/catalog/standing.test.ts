import { count, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accounts, packagePurchases, payments, specialists } from '../../db/schema.js';
import { auth, operatorToken } from '../../testing/accounts.js';
import { packagesTestApp, type PackagesTestApp } from '../../testing/packages-app.js';

// Packages take money like priced bookings do: an unverified specialist sells none that cost
// something (free ones still), and a suspended one sells none at all. Nothing is stored and no
// PaymentIntent is created for a refused purchase. Real app, fake Stripe over HTTP.

let t: PackagesTestApp;
beforeEach(async () => {
  t = await packagesTestApp();
});
afterEach(() => t.closeAll());

const purchase = (id: string) => t.json(`/v1/packages/${id}/purchases`, { body: { customer: t.customer } });
const stored = async () => ({
  purchases: (await t.database.db.select({ n: count() }).from(packagePurchases))[0]!.n,
  payments: (await t.database.db.select({ n: count() }).from(payments))[0]!.n,
  intents: t.intentsCreated().length,
});

describe('package sales and the specialist’s standing', () => {
  it('sells no priced package while the email is unverified; a free one still', async () => {
    const priced = await t.createPackage();
    const free = await t.createPackage({ name: 'Free trial', sessionCount: 1, price: 0 });
    await t.database.write(async (tx) => {
      const [demo] = await tx.select().from(specialists).where(eq(specialists.handle, 'demo'));
      await tx.update(accounts).set({ emailVerifiedAt: null }).where(eq(accounts.specialistId, demo!.id));
      await tx.update(specialists).set({ availabilityVersion: sql`${specialists.availabilityVersion} + 1` }).where(eq(specialists.id, demo!.id));
    });
    const before = await stored();
    const refused = await purchase(priced.id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('specialist_unverified');
    expect(await stored()).toEqual(before);
    expect((await purchase(free.id)).status).toBe(201);
  });

  it('sells nothing while suspended', async () => {
    const free = await t.createPackage({ name: 'Free trial', sessionCount: 1, price: 0 });
    const [demo] = await t.database.db.select({ id: specialists.id }).from(specialists).where(eq(specialists.handle, 'demo'));
    const suspended = await t.json(`/v1/operator/specialists/${demo!.id}/suspend`, { body: { reason: 'Review' }, headers: auth(await operatorToken(t)) });
    expect(suspended.status).toBe(200);
    const before = await stored();
    const refused = await purchase(free.id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('specialist_unavailable');
    expect(await stored()).toEqual(before);
  });
});
