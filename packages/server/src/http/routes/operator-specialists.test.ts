import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookings, specialists } from '../../db/schema.js';
import { auth, operatorToken, signUp } from '../../testing/accounts.js';
import { addSpecialist } from '../../testing/fixtures.js';
import { testApp, type TestApp } from '../../testing/test-app.js';

// The operator's list of specialists and suspension: a suspended specialist's page says they are
// not taking bookings, their slots are empty and new bookings are refused, while bookings already
// made, their login and their console stay.

let t: TestApp;
let op: Record<string, string>;
beforeEach(async () => {
  t = await testApp({ now: Date.parse('2026-11-20T12:00:00Z') });
  op = auth(await operatorToken(t));
});
afterEach(() => t.close());

const customer = { name: 'Grace Hopper', email: 'grace@example.com', timeZone: 'Europe/Berlin' };
const slots = () => t.json(`/v1/specialists/demo/slots?service=${t.intro.id}&from=2026-11-23&to=2026-11-27`);
const book = (start: string) => t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start, customer } });
const demoId = async () => (await t.database.db.select({ id: specialists.id }).from(specialists).where(eq(specialists.handle, 'demo')))[0]!.id;

describe('GET /v1/operator/specialists', () => {
  it('lists every specialist newest first with status, login email, verification and bookings', async () => {
    const first = (await slots()).body.days[0].slots[0].start as string;
    expect((await book(first)).status).toBe(201);
    // The seed made the demo at the real time: the others come after it.
    const [demo] = await t.database.db.select({ createdAt: specialists.createdAt }).from(specialists).where(eq(specialists.handle, 'demo'));
    t.setNow(demo!.createdAt + 86_400_000);
    await signUp(t, 'ada');
    await addSpecialist(t.database, 'scripted', demo!.createdAt + 2 * 86_400_000);

    const res = await t.json('/v1/operator/specialists', { headers: auth(await operatorToken(t)) });
    expect(res.status).toBe(200);
    expect(res.body.hasMore).toBe(false);
    expect(res.body.data.map((s: { handle: string }) => s.handle)).toEqual(['scripted', 'ada', 'demo']);
    expect(res.body.data[2]).toEqual({
      id: await demoId(),
      handle: 'demo',
      name: 'Dr. Ada Demo',
      email: 'demo@slotwise.local',
      status: 'active',
      statusReason: null,
      statusChangedAt: null,
      emailVerified: true,
      bookings: 1,
      lastSessionAt: first,
      createdAt: expect.any(String),
    });
    expect(res.body.data[0]).toMatchObject({ handle: 'scripted', email: null, bookings: 0, lastSessionAt: null });
  });

  it('searches handle, name and email, and pages with starting_after', async () => {
    await signUp(t, 'ada', { name: 'Ada Lovelace', email: 'countess@analytical.example' });
    await signUp(t, 'grace', { name: 'Grace Hopper' });
    const search = async (q: string) => (await t.json(`/v1/operator/specialists?q=${encodeURIComponent(q)}`, { headers: op })).body.data.map((s: { handle: string }) => s.handle);
    expect(await search('LOVELACE')).toEqual(['ada']);
    expect(await search('analytical')).toEqual(['ada']);
    expect(await search('gra')).toEqual(['grace']);
    expect((await search('ada')).sort()).toEqual(['ada', 'demo']); // Dr. Ada Demo
    expect(await search('%')).toEqual([]); // a letter, not a wildcard

    const page1 = await t.json('/v1/operator/specialists?limit=2', { headers: op });
    expect(page1.body.hasMore).toBe(true);
    const page2 = await t.json(`/v1/operator/specialists?limit=2&starting_after=${page1.body.data[1].id}`, { headers: op });
    expect(page2.body.hasMore).toBe(false);
    const handles = [...page1.body.data, ...page2.body.data].map((s: { handle: string }) => s.handle);
    expect(handles.sort()).toEqual(['ada', 'demo', 'grace']);
    const bad = await t.json('/v1/operator/specialists?starting_after=sp_nope', { headers: op });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('query.starting_after');
  });

  it('is for operators only', async () => {
    const ada = await signUp(t, 'ada');
    expect((await t.json('/v1/operator/specialists')).status).toBe(401);
    for (const token of [ada.accessToken, t.apiKey]) {
      expect((await t.json('/v1/operator/specialists', { headers: auth(token) })).status).toBe(403);
      const suspend = await t.json(`/v1/operator/specialists/${await demoId()}/suspend`, { body: { reason: 'x' }, headers: auth(token) });
      expect(suspend.status).toBe(403);
    }
    expect((await t.json('/v1/specialists/demo')).body.acceptingBookings).toBe(true);
  });
});

describe('suspending a specialist', () => {
  it('stops new bookings and empties slots, keeps existing bookings and the login, and reactivates', async () => {
    const open = (await slots()).body.days[0].slots;
    const kept = await book(open[0].start);
    expect(kept.status).toBe(201);
    const id = await demoId();

    const res = await t.json(`/v1/operator/specialists/${id}/suspend`, { body: { reason: 'Unpaid invoices; write to billing@slotwise.example.' }, headers: op });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'suspended', statusReason: 'Unpaid invoices; write to billing@slotwise.example.', statusChangedAt: '2026-11-20T12:00:00Z' });

    // The public sees that they are not taking bookings, not why.
    const profile = (await t.json('/v1/specialists/demo')).body;
    expect(profile).toMatchObject({ acceptingBookings: false, unavailableReason: 'suspended', acceptingPaidBookings: false });
    expect(JSON.stringify(profile)).not.toContain('invoices');
    expect((await slots()).body.days).toEqual([]);
    const refused = await book(open[2].start);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('specialist_unavailable');
    expect(refused.body.detail).toBe('Dr. Ada Demo is not taking bookings right now. Bookings already made are not affected.');
    expect((await t.database.db.select({ n: count() }).from(bookings))[0]!.n).toBe(1);

    // What was booked stays booked; the specialist still logs in and sees why.
    const booking = await t.json(`/v1/bookings/${kept.body.booking.id}`, { headers: auth(kept.body.manageToken) });
    expect(booking.body.status).toBe('confirmed');
    const login = await t.json('/v1/auth/login', { body: { email: 'demo@slotwise.local', password: t.demoPassword } });
    expect(login.status).toBe(200);
    expect((await t.json('/v1/me', { headers: auth(login.body.accessToken) })).body).toMatchObject({ status: 'suspended', statusReason: 'Unpaid invoices; write to billing@slotwise.example.' });

    const back = await t.json(`/v1/operator/specialists/${id}/reactivate`, { method: 'POST', headers: op });
    expect(back.body).toMatchObject({ status: 'active', statusReason: null });
    expect((await t.json('/v1/specialists/demo')).body).toMatchObject({ acceptingBookings: true, unavailableReason: null });
    expect((await slots()).body.days[0].slots.length).toBeGreaterThan(0);
    expect((await book(open[2].start)).status).toBe(201);
  });

  it('needs a reason and a known specialist, and leaves a closed account alone', async () => {
    const id = await demoId();
    const none = await t.json(`/v1/operator/specialists/${id}/suspend`, { body: { reason: '  ' }, headers: op });
    expect(none.status).toBe(400);
    expect(none.body.errors[0].field).toBe('body.reason');
    expect((await t.json('/v1/specialists/demo')).body.acceptingBookings).toBe(true);
    const unknown = await t.json('/v1/operator/specialists/sp_nope/suspend', { body: { reason: 'x' }, headers: op });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('specialist_not_found');

    await t.database.write((tx) => tx.update(specialists).set({ status: 'closed' }).where(eq(specialists.id, id)));
    for (const action of ['suspend', 'reactivate']) {
      const res = await t.json(`/v1/operator/specialists/${id}/${action}`, { method: 'POST', body: action === 'suspend' ? { reason: 'x' } : undefined, headers: op });
      expect(res.status, action).toBe(409);
      expect(res.body.code).toBe('specialist_closed');
    }
    expect((await t.json('/v1/specialists/demo')).body).toMatchObject({ acceptingBookings: false, unavailableReason: 'closed' });
  });
});
