import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookings } from '../../db/schema.js';
import { testApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await testApp({ now: Date.parse('2026-11-20T12:00:00Z') });
});
afterEach(() => t.close());

const customer = { name: 'Grace Hopper', email: 'grace@example.com', timeZone: 'America/New_York' };
const book = (start: string, extra: Record<string, unknown>) =>
  t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start, customer: { ...customer, ...extra } } });
const localeOf = async (id: string) =>
  (await t.database.db.select({ locale: bookings.customerLocale }).from(bookings).where(eq(bookings.id, id)))[0]?.locale;

describe('POST /v1/bookings customer.locale', () => {
  it("keeps the customer's language for their emails, English when none is given", async () => {
    const german = await book('2026-11-23T09:00:00Z', { locale: 'de-AT' });
    expect(german.status).toBe(201);
    expect(await localeOf(german.body.booking.id)).toBe('de-AT');
    const plain = await book('2026-11-23T10:00:00Z', {});
    expect(await localeOf(plain.body.booking.id)).toBe('en');
  });

  it('refuses a locale that is not a language tag, and stores nothing', async () => {
    const res = await book('2026-11-23T09:00:00Z', { locale: 'german please' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('body.customer.locale');
    expect(await t.database.db.select().from(bookings)).toHaveLength(0);
  });
});
