import { CustomerBookings, CustomerSession, EmailAccepted } from '@slotwise/sdk/contract';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specialists } from '../db/schema.js';
import { mintLinkToken } from '../services/customers/customer-tokens.js';
import { failure, sdkTestApp, type SdkTestApp } from './sdk-test-app.js';

// The SDK's `myBookings` namespace against the real app and a real database file: if the contract
// and the server drift apart, this breaks. (The email itself is covered by customer-access.test.ts;
// the link token is minted here as the email would mint it.)
let t: SdkTestApp;
beforeAll(async () => {
  t = await sdkTestApp({ now: Date.parse('2026-11-20T12:00:00Z') });
});
afterAll(() => t.close());

describe('My bookings through the SDK', () => {
  it('requests a link, opens a session, lists with a working manage token, and signs out', async () => {
    const { services } = await t.visitor.specialists.retrieve('demo');
    const customer = { name: 'Ada Lovelace', email: 'ada@example.com', timeZone: 'Europe/London' };
    const created = await t.visitor.bookings.create({ specialist: 'demo', service: services[0]!.id, start: '2026-11-23T09:00:00Z', customer });

    const asked = await t.visitor.myBookings.requestLink('demo', { email: 'ada@example.com', returnUrl: 'https://coach.example/book' });
    expect(EmailAccepted.parse(asked)).toEqual(asked);

    const [demo] = await t.database.db.select({ id: specialists.id }).from(specialists).where(eq(specialists.handle, 'demo'));
    const link = await mintLinkToken(t.database, demo!.id, 'ada@example.com', t.now());
    const session = await t.visitor.myBookings.openSession('demo', { token: link });
    expect(CustomerSession.parse(session)).toEqual(session);
    expect((await failure(t.visitor.myBookings.openSession('demo', { token: link }))).code).toBe('customer_link_invalid');

    const mine = await t.visitor.myBookings.list({ sessionToken: session.sessionToken });
    expect(CustomerBookings.parse(mine)).toEqual(mine);
    expect(mine.upcoming.map((e) => e.booking.id)).toEqual([created.booking.id]);
    const manageToken = mine.upcoming[0]!.manageToken!;
    expect((await t.visitor.bookings.cancellationQuote(created.booking.id, { manageToken })).allowed).toBe(true);

    expect(await t.visitor.myBookings.signOut({ sessionToken: session.sessionToken })).toEqual({ accepted: true });
    expect((await failure(t.visitor.myBookings.list({ sessionToken: session.sessionToken }))).code).toBe('customer_session_invalid');
  });
});
