import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { specialists } from '../../db/schema.js';
import { seedDemoPayments } from '../../seed.js';
import { auth } from '../../testing/accounts.js';
import { mailTestApp, type MailTestApp } from '../../testing/mail-app.js';

let t: MailTestApp;
let login: { accessToken: string; refreshToken: string };
const grace = { name: 'Grace Hopper', email: 'grace@example.com', timeZone: 'UTC' };

beforeEach(async () => {
  t = await mailTestApp({ now: Date.parse('2026-11-20T12:00:00Z') });
  await seedDemoPayments(t.app.deps.payments, t.database); // the 60-minute session costs €90, paid in the offline test mode
  login = (await t.json('/v1/auth/login', { body: { email: 'demo@slotwise.local', password: t.demoPassword } })).body;
});
afterEach(() => t.closeAll());

/** Holds the paid session at `start` for `who`, and pays for it unless told not to. */
async function bookPaid(start: string, who = grace, pay = true) {
  const res = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.session.id, start, customer: who } });
  expect(res.status).toBe(201);
  if (pay) {
    const intent = String(res.body.paymentSession.clientSecret).split('_secret_')[0];
    await t.json(`/v1/test-payments/${intent}/confirm`, { body: { outcome: 'succeed' }, headers: auth(res.body.manageToken) });
  }
  return { id: res.body.booking.id as string, token: res.body.manageToken as string };
}

const close = (body: Record<string, unknown> = { password: t.demoPassword, confirm: 'demo' }, token = login.accessToken) => t.json('/v1/me/close', { body, headers: auth(token) });

describe('POST /v1/me/close', () => {
  it('cancels every future booking with a full refund and an email, keeps the past, and stops selling and signing in', async () => {
    const past = await t.book('2026-11-23T09:00:00Z', { name: 'Ada', email: 'ada@example.com', timeZone: 'UTC' });
    const paid = await bookPaid('2026-11-25T10:00:00Z');
    expect((await t.json('/v1/me/packages', { body: { name: 'Three', sessionCount: 3, serviceIds: [t.session.id], price: 24000, validityDays: 30 }, headers: auth(t.apiKey) })).status).toBe(201);
    expect((await t.json('/v1/me/webhooks', { body: { url: 'https://hooks.coach.example/slotwise', eventTypes: ['*'] }, headers: auth(t.apiKey) })).status).toBe(201);
    await t.settle();
    t.setNow(Date.parse('2026-11-24T12:00:00Z')); // the first booking is now in the past
    const earlier = login;
    login = (await t.json('/v1/auth/login', { body: { email: 'demo@slotwise.local', password: t.demoPassword } })).body;
    const lapsed = await bookPaid('2026-11-27T10:00:00Z', { name: 'Lee', email: 'lee@example.com', timeZone: 'UTC' }, false);
    t.setNow(Date.parse('2026-11-24T12:30:00Z')); // its 15-minute hold lapsed: it expires, it is not cancelled
    const held = await bookPaid('2026-11-26T10:00:00Z', { name: 'Hal', email: 'hal@example.com', timeZone: 'UTC' }, false); // awaiting payment
    const second = login;
    login = (await t.json('/v1/auth/login', { body: { email: 'demo@slotwise.local', password: t.demoPassword } })).body;

    const res = await close();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      closedAt: '2026-11-24T12:30:00Z',
      bookingsCancelled: 2,
      refundsQueued: 1,
      servicesDeactivated: 2,
      packagesArchived: 1,
      apiKeysRevoked: 1,
      webhookEndpointsDisabled: 1,
    });

    const paidNow = await t.json(`/v1/bookings/${paid.id}`, { headers: auth(paid.token) });
    expect(paidNow.body).toMatchObject({ status: 'cancelled', cancelledBy: 'specialist', cancellationReason: 'The specialist closed their account.', payment: { amount: 9000, amountRefunded: 9000 } });
    expect((await t.json(`/v1/bookings/${held.id}`, { headers: auth(held.token) })).body.status).toBe('cancelled');
    expect((await t.json(`/v1/bookings/${lapsed.id}`, { headers: auth(lapsed.token) })).body.status).toBe('expired');
    expect((await t.json(`/v1/bookings/${past.booking.id}`, { headers: auth(past.manageToken) })).body.status).toBe('confirmed');
    await t.settle();
    expect(t.to('grace@example.com').map((m) => m.subject)).toContainEqual(expect.stringMatching(/^Cancelled: /));
    expect(t.to('ada@example.com').map((m) => m.subject)).not.toContainEqual(expect.stringMatching(/^Cancelled: /));

    // Nothing sells: no services or packages on the public profile; the handle stays taken.
    const profile = await t.json('/v1/specialists/demo');
    expect(profile.body).toMatchObject({ acceptingBookings: false, unavailableReason: 'closed', services: [] });
    expect(profile.body.packages).toEqual([]);
    const [row] = await t.database.db.select().from(specialists).where(eq(specialists.handle, 'demo'));
    expect(row!.status).toBe('closed');
    const taken = await t.json('/v1/auth/signup', { body: { email: 'new@example.com', password: 'correct horse battery', name: 'New', handle: 'demo', timeZone: 'UTC', currency: 'EUR' } });
    expect(taken.body.code).toBe('handle_taken');
    // Nothing signs in with what it had: the API key and the login's refresh token are dead.
    expect((await t.json('/v1/me', { headers: auth(t.apiKey) })).status).toBe(401);
    for (const ended of [earlier, second, login]) expect((await t.json('/v1/auth/refresh', { body: { refreshToken: ended.refreshToken } })).body.code).toBe('invalid_refresh_token');
    const hooks = await t.json('/v1/me/webhooks', { headers: auth(login.accessToken) });
    expect(hooks.body.data.map((h: { enabled: boolean }) => h.enabled)).toEqual([false]);

    // The records stay: the payment and its refund are still in the export.
    const doc = await (await t.app.request('/v1/me/export', { headers: auth(login.accessToken) })).json();
    expect(doc.payments).toContainEqual(expect.objectContaining({ bookingId: paid.id, amount: 9000, amountRefunded: 9000 }));
    expect(doc.bookings.map((b: { id: string }) => b.id)).toEqual([past.booking.id, paid.id, held.id, lapsed.id]);
  }, 30_000);

  it('refuses a wrong password or handle and changes nothing', async () => {
    const paid = await bookPaid('2026-11-25T10:00:00Z');
    const wrong = await close({ password: 'not my password', confirm: 'demo' });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({ code: 'password_incorrect', errors: [{ field: 'body.password' }] });
    const typo = await close({ password: t.demoPassword, confirm: 'dmeo' });
    expect(typo.status).toBe(400);
    expect(typo.body).toMatchObject({ code: 'invalid_request', errors: [{ field: 'body.confirm' }] });
    expect((await t.json('/v1/me/close', { body: { confirm: 'demo' }, headers: auth(login.accessToken) })).body.errors[0].field).toBe('body.password');
    expect((await t.json(`/v1/bookings/${paid.id}`, { headers: auth(paid.token) })).body.status).toBe('confirmed');
    expect((await t.json('/v1/me', { headers: auth(t.apiKey) })).status).toBe(200);
    expect((await t.json('/v1/specialists/demo')).body.services).toHaveLength(2);
  }, 30_000);

  it('answers a clear problem when the account is closed already', async () => {
    expect((await close()).status).toBe(200);
    const again = await close();
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'account_closed' });
    expect(again.body.detail).toMatch(/already closed/);
  }, 30_000);

  it('leaves the login able to read and export, not to change anything: no new key, no webhook back on, no handle freed', async () => {
    const hook = await t.json('/v1/me/webhooks', { body: { url: 'https://hooks.coach.example/slotwise', eventTypes: ['*'] }, headers: auth(t.apiKey) });
    expect((await close()).status).toBe(200);
    const as = auth(login.accessToken);
    const refusals = [
      await t.json('/v1/me/api-keys', { body: { name: 'again' }, headers: as }),
      await t.json(`/v1/me/webhooks/${hook.body.id}`, { method: 'PATCH', body: { enabled: true }, headers: as }),
      await t.json('/v1/me', { method: 'PATCH', body: { handle: 'demo-two' }, headers: as }),
      await t.json('/v1/me/services', { body: { name: 'Zombie', durations: [{ minutes: 30, price: 0 }] }, headers: as }),
      await t.json(`/v1/me/services/${t.session.id}`, { method: 'PATCH', body: { active: true }, headers: as }),
      await t.json('/v1/me/calendar-feed', { method: 'POST', headers: as }),
      await t.json('/v1/me/availability/weekly', { method: 'PUT', body: { intervals: [] }, headers: as }),
    ];
    for (const res of refusals) {
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'account_closed', detail: expect.stringMatching(/closed: it can be read and exported/) });
    }
    const german = await t.json('/v1/me/api-keys', { body: { name: 'again' }, headers: { ...as, 'accept-language': 'de' } });
    expect(german.body.detail).toMatch(/geschlossen/);
    // Nothing changed: the handle is still the closed one's, the endpoint still off, no key made.
    const me = await t.json('/v1/me', { headers: as });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ handle: 'demo', status: 'closed' });
    expect((await t.json('/v1/me/webhooks', { headers: as })).body.data.map((h: { enabled: boolean }) => h.enabled)).toEqual([false]);
    expect((await t.json('/v1/me/api-keys', { headers: as })).body.data.filter((k: { revokedAt: string | null }) => !k.revokedAt)).toEqual([]);
    expect((await t.json('/v1/specialists/demo')).body.services).toEqual([]);
    // Still allowed: the export, and marking notices read.
    expect((await t.app.request('/v1/me/export', { headers: as })).status).toBe(200);
    expect((await t.json('/v1/me/notifications/read', { body: { all: true }, headers: as })).status).toBe(200);
  }, 30_000);

  it('takes the password of the specialist’s own login, also when called with an API key', async () => {
    const res = await close({ password: t.demoPassword, confirm: 'DEMO' }, t.apiKey);
    expect(res.status).toBe(200);
    expect(res.body.apiKeysRevoked).toBe(1);
  }, 30_000);
});
