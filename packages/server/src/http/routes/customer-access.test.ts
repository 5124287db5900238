import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { bookingTokens, customerTokens, outbox } from '../../db/schema.js';
import { auth, operatorToken, signUp } from '../../testing/accounts.js';
import { LINKS, linksOf, mailTestApp, type MailTestApp } from '../../testing/mail-app.js';

// "My bookings" by magic link, end to end: the request (the same answer whether or not the
// address has bookings), the email from the outbox with a single-use link into the widget's page,
// the session it opens, the list scoped to one specialist and one address, sign-out and erasure.
// Real SMTP into the local mailbox; a real libSQL file.

let m: MailTestApp;
afterEach(() => m.closeAll());

const SITE = 'https://coach.example';
const request = (email: string, returnUrl?: string, handle = 'demo') =>
  m.json(`/v1/specialists/${handle}/my-bookings/link`, { body: { email, ...(returnUrl ? { returnUrl } : {}) } });
const open = (token: string, handle = 'demo') => m.json(`/v1/specialists/${handle}/my-bookings/session`, { body: { token } });
const list = (session: string) => m.json('/v1/my-bookings', { headers: auth(session) });

/** The links of every "My bookings" email to `address`, oldest first. */
async function mailedLinks(address: string): Promise<URL[]> {
  await m.settle();
  return m
    .to(address)
    .flatMap(linksOf)
    .filter((l) => l.includes('#slotwise-my='))
    .map((l) => new URL(l));
}
const tokenOf = (link: URL) => decodeURIComponent(link.hash.slice('#slotwise-my='.length));

describe('My bookings by emailed link', () => {
  it('answers 202 alike for every address and emails a link only to one with bookings here', async () => {
    m = await mailTestApp();
    await m.book('2026-11-23T09:00:00Z');
    const known = await request('GRACE@example.com');
    const unknown = await request('nobody@example.com');
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    expect(await mailedLinks('grace@example.com')).toHaveLength(1);
    expect(m.to('nobody@example.com')).toEqual([]);
    expect(await m.database.db.select().from(outbox).where(eq(outbox.topic, 'customer.my_bookings_link'))).toHaveLength(1);
    // The answer's sentence is for the customer: in the language the widget asks in.
    expect(known.body.message).toBe('If this address has bookings here, a link to see them is on its way to it. It works once, within 15 minutes.');
    const german = await m.json('/v1/specialists/demo/my-bookings/link', { body: { email: 'nobody@example.com' }, headers: { 'accept-language': 'de-AT, en;q=0.5' } });
    expect(german.status).toBe(202);
    expect(german.body.message).toBe('Wenn diese Adresse hier Buchungen hat, ist ein Link zu ihnen auf dem Weg dorthin. Er funktioniert einmal, innerhalb von 15 Minuten.');
    expect(german.headers.get('content-language')).toBe('de');
  });

  it('leads to the page asked for only on an allowed origin, else to the specialist’s hosted page; the token is stored hashed', async () => {
    m = await mailTestApp();
    await m.book('2026-11-23T09:00:00Z');
    await request('grace@example.com', `${SITE}/book?x=1#old`);
    expect((await mailedLinks('grace@example.com'))[0]!.href.split('#')[0]).toBe(`${LINKS.api}/demo`);

    expect((await m.json('/v1/me', { method: 'PATCH', body: { allowedOrigins: [SITE] }, headers: auth(m.apiKey) })).status).toBe(200);
    await request('grace@example.com', `${SITE}/book?x=1#old`);
    // Each email delivered before the next is asked for: two under way at once may arrive in either order.
    await m.settle();
    await request('grace@example.com', 'https://evil.example/steal');
    const [, allowed, refused] = await mailedLinks('grace@example.com');
    expect(allowed!.href.split('#')[0]).toBe(`${SITE}/book?x=1`);
    expect(refused!.href.split('#')[0]).toBe(`${LINKS.api}/demo`);
    const stored = JSON.stringify(await m.database.db.select().from(customerTokens));
    for (const link of [allowed!, refused!]) expect(stored).not.toContain(tokenOf(link));
    // Only the newest link works.
    expect((await open(tokenOf(allowed!))).body.code).toBe('customer_link_invalid');
    expect((await open(tokenOf(refused!))).status).toBe(201);
  });

  it('opens a session once per link, within 15 minutes, only with the specialist it was sent for', async () => {
    m = await mailTestApp();
    await m.book('2026-11-23T09:00:00Z');
    await signUp(m, 'other');
    await request('grace@example.com');
    const [first] = await mailedLinks('grace@example.com');
    const elsewhere = await open(tokenOf(first!), 'other');
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.code).toBe('customer_link_invalid');
    const opened = await open(tokenOf(first!));
    expect(opened.status).toBe(201);
    expect(opened.headers.get('cache-control')).toBe('no-store');
    expect(opened.body).toMatchObject({ customerEmail: 'grace@example.com', specialist: { handle: 'demo' } });
    expect(opened.body.expiresAt).toBe(new Date(m.now() + 3_600_000).toISOString().replace('.000Z', 'Z'));
    expect((await open(tokenOf(first!))).body.code).toBe('customer_link_invalid');

    await request('grace@example.com');
    const [, second] = await mailedLinks('grace@example.com');
    m.setNow(m.now() + 15 * 60_000 + 1);
    const late = await open(tokenOf(second!));
    expect(late.status).toBe(400);
    expect(late.body.detail).toContain('Ask for a new link');
  });

  it('gives one session for one link when two tabs open it at the same moment', async () => {
    m = await mailTestApp();
    await m.book('2026-11-23T09:00:00Z');
    await request('grace@example.com');
    const [link] = await mailedLinks('grace@example.com');
    const answers = await Promise.all([open(tokenOf(link!)), open(tokenOf(link!)), open(tokenOf(link!))]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 400, 400]);
    const sessions = await m.database.db.select().from(customerTokens).where(eq(customerTokens.kind, 'session'));
    expect(sessions).toHaveLength(1);
  });

  it('lists only this address’s bookings with this specialist, with manage tokens that work, until the hour is up or sign-out', async () => {
    m = await mailTestApp();
    const past = await m.book('2026-11-23T09:00:00Z');
    const upcoming = await m.book('2026-11-24T09:00:00Z');
    const cancelled = await m.book('2026-11-25T09:00:00Z');
    await m.json(`/v1/bookings/${cancelled.booking.id}/cancel`, { body: {}, headers: auth(cancelled.manageToken) });
    await m.book('2026-11-23T10:00:00Z', { name: 'Ada', email: 'ada@example.com', timeZone: 'UTC' });
    m.setNow(Date.parse('2026-11-23T12:00:00Z'));

    await request('grace@example.com');
    const session = (await open(tokenOf((await mailedLinks('grace@example.com'))[0]!))).body.sessionToken as string;
    const mine = await list(session);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('cache-control')).toBe('no-store');
    expect(mine.body.upcoming.map((e: { booking: { id: string } }) => e.booking.id)).toEqual([upcoming.booking.id]);
    expect(mine.body.past.map((e: { booking: { id: string } }) => e.booking.id)).toEqual([cancelled.booking.id, past.booking.id]);
    expect(JSON.stringify(mine.body)).not.toContain('ada@example.com');
    expect(mine.body.credits).toEqual({ total: 0, lots: [] });
    const entry = mine.body.upcoming[0];
    expect(entry.booking).toMatchObject({ status: 'confirmed', service: { name: 'Intro call' }, customer: { timeZone: 'Asia/Tokyo' } });
    // Its manage token opens the booking like the confirmation's; listing again answers the same and stores nothing new.
    expect((await m.json(`/v1/bookings/${upcoming.booking.id}`, { headers: auth(entry.manageToken) })).body.id).toBe(upcoming.booking.id);
    const stored = (await m.database.db.select().from(bookingTokens)).length;
    expect((await list(session)).body.upcoming[0].manageToken).toBe(entry.manageToken);
    expect((await m.database.db.select().from(bookingTokens)).length).toBe(stored);
    expect(JSON.stringify(await m.database.db.select().from(customerTokens))).not.toContain(session);

    expect((await m.json('/v1/my-bookings')).body.code).toBe('customer_session_required');
    expect((await m.json('/v1/my-bookings/sign-out', { body: { sessionToken: session } })).status).toBe(200);
    const ended = await list(session);
    expect(ended.status).toBe(401);
    expect(ended.body.code).toBe('customer_session_invalid');

    await request('grace@example.com');
    const again = (await open(tokenOf((await mailedLinks('grace@example.com'))[1]!))).body.sessionToken as string;
    m.setNow(m.now() + 3_600_000);
    expect((await list(again)).body.code).toBe('customer_session_invalid');
  }, 30_000);

  it('erasing the customer deletes their links and sessions', async () => {
    m = await mailTestApp();
    await m.book('2026-11-23T09:00:00Z');
    await request('grace@example.com');
    const session = (await open(tokenOf((await mailedLinks('grace@example.com'))[0]!))).body.sessionToken as string;
    expect((await m.json('/v1/operator/customers/erase', { body: { email: 'grace@example.com' }, headers: auth(await operatorToken(m)) })).status).toBe(200);
    expect(await m.database.db.select().from(customerTokens)).toEqual([]);
    expect((await list(session)).body.code).toBe('customer_session_invalid');
    const rows = await m.database.db.select().from(outbox).where(eq(outbox.topic, 'customer.my_bookings_link'));
    expect(JSON.stringify(rows)).not.toContain('grace@example.com');
  });
});
