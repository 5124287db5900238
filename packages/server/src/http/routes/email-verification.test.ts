import { count, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { accounts, bookings, payments, specialists } from '../../db/schema.js';
import { auth, signUp } from '../../testing/accounts.js';
import { connectDemo, setService } from '../../testing/fixtures.js';
import { LINKS, linksOf, mailTestApp, type MailTestApp } from '../../testing/mail-app.js';
import { testApp, type TestApp } from '../../testing/test-app.js';

// Email verification: a specialist whose login email is not verified takes no money — priced
// services show no slots and refuse bookings — while free ones stay bookable; the emailed link
// (or a new one from the console) lifts it. Real SMTP into the local mailbox; a real libSQL file.

let m: MailTestApp;
afterEach(() => m.closeAll());

const customer = { name: 'Grace Hopper', email: 'grace@example.com', timeZone: 'Europe/Berlin' };
const week = 'from=2026-11-23&to=2026-11-27';

/** The token of every verification link mailed to `address`, oldest first. */
async function verifyTokens(address: string): Promise<string[]> {
  await m.settle();
  return m
    .to(address)
    .flatMap(linksOf)
    .filter((l) => l.includes('/console#/verify?token='))
    .map((l) => decodeURIComponent(l.split('token=')[1]!));
}

const verify = (token: string) => m.json('/v1/auth/verify-email', { body: { token } });

/** The demo specialist as a sign-up before verification: its login unverified (as migration 0005 never leaves an old one). */
async function unverifyDemo() {
  await m.database.write(async (tx) => {
    const [demo] = await tx.select().from(specialists).where(eq(specialists.handle, 'demo'));
    await tx.update(accounts).set({ emailVerifiedAt: null }).where(eq(accounts.specialistId, demo!.id));
    await tx.update(specialists).set({ availabilityVersion: sql`${specialists.availabilityVersion} + 1` }).where(eq(specialists.id, demo!.id));
  });
}

describe('email verification', () => {
  it('takes no paid bookings until the emailed link is followed; free sessions stay bookable', async () => {
    m = await mailTestApp();
    await connectDemo(m.app);
    await setService(m.database, m.session.id, { durations: [{ minutes: 60, price: 9000 }] });
    // Slots read before: the change must reach a cache that holds them.
    const open = (service: string) => m.json(`/v1/specialists/demo/slots?service=${service}&${week}`);
    expect((await open(m.session.id)).body.days.length).toBeGreaterThan(0);
    await unverifyDemo();

    expect((await m.json('/v1/specialists/demo')).body).toMatchObject({ acceptingBookings: true, unavailableReason: null, acceptingPaidBookings: false });
    expect((await m.json('/v1/me', { headers: auth(m.apiKey) })).body.emailVerified).toBe(false);
    expect((await open(m.session.id)).body.days).toEqual([]);
    const free = (await open(m.intro.id)).body.days[0].slots[0].start as string;

    const paid = await m.json('/v1/bookings', { body: { specialist: 'demo', service: m.session.id, start: '2026-11-23T10:00:00Z', customer } });
    expect(paid.status).toBe(409);
    expect(paid.body.code).toBe('specialist_unverified');
    expect(paid.body.detail).toContain('free services can be booked');
    expect((await m.database.db.select({ n: count() }).from(bookings))[0]!.n).toBe(0);
    expect((await m.database.db.select({ n: count() }).from(payments))[0]!.n).toBe(0);
    expect((await m.book(free)).booking.start).toBe(free);

    // The console asks for a link; following it opens paid bookings.
    const resent = await m.json('/v1/me/email-verification', { method: 'POST', headers: auth(m.apiKey) });
    expect(resent.status).toBe(202);
    const [token] = await verifyTokens('demo@slotwise.local');
    expect(linksOf(m.to('demo@slotwise.local').find((x) => x.subject.startsWith('Confirm your email'))!)).toContain(`${LINKS.api}/console#/verify?token=${encodeURIComponent(token!)}`);
    const verified = await verify(token!);
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ emailVerified: true, email: 'demo@slotwise.local', verifiedAt: '2026-11-20T12:00:00Z' });
    expect((await verify(token!)).body.code).toBe('verification_token_invalid');

    expect((await m.json('/v1/specialists/demo')).body.acceptingPaidBookings).toBe(true);
    expect((await m.json('/v1/me', { headers: auth(m.apiKey) })).body.emailVerified).toBe(true);
    const start = (await open(m.session.id)).body.days[0].slots[1].start as string;
    const held = await m.json('/v1/bookings', { body: { specialist: 'demo', service: m.session.id, start, customer } });
    expect(held.status).toBe(201);
    expect(held.body.booking.status).toBe('held');
  });

  it('sends a link on sign-up, valid 24 hours; a new one voids the old; a verified email gets none', async () => {
    m = await mailTestApp();
    const ada = await signUp(m, 'ada');
    const [first] = await verifyTokens('ada@example.com');
    expect(m.to('ada@example.com')[0]!.subject).toBe('Confirm your email for Slotwise');
    expect((await m.json('/v1/me', { headers: auth(ada.accessToken) })).body).toMatchObject({ emailVerified: false, status: 'active', statusReason: null });

    expect((await m.json('/v1/me/email-verification', { method: 'POST', headers: auth(ada.accessToken) })).status).toBe(202);
    const [, second] = await verifyTokens('ada@example.com');
    expect((await verify(first!)).body.code).toBe('verification_token_invalid');

    m.setNow(m.now() + 24 * 3_600_000 + 1);
    const late = await verify(second!);
    expect(late.status).toBe(400);
    expect(late.body.code).toBe('verification_token_invalid');

    const relogged = auth((await m.json('/v1/auth/login', { body: { email: 'ada@example.com', password: 'correct horse battery' } })).body.accessToken);
    expect((await m.json('/v1/me/email-verification', { method: 'POST', headers: relogged })).status).toBe(202);
    const [, , third] = await verifyTokens('ada@example.com');
    expect((await verify(third!)).status).toBe(200);
    expect((await m.json('/v1/me', { headers: relogged })).body.emailVerified).toBe(true);
    const again = await m.json('/v1/me/email-verification', { method: 'POST', headers: relogged });
    expect(again.body.message).toContain('already verified');
    expect(await verifyTokens('ada@example.com')).toHaveLength(3);
  });
});

describe('email verification with mail off', () => {
  let t: TestApp;
  afterEach(() => t.close());

  it('counts a sign-up as verified: no link could ever reach it', async () => {
    t = await testApp();
    m = { closeAll: async () => undefined } as unknown as MailTestApp;
    const ada = await signUp(t, 'ada');
    expect((await t.json('/v1/me', { headers: auth(ada.accessToken) })).body.emailVerified).toBe(true);
  });
});
