import { afterEach, describe, expect, it } from 'vitest';
import { auth } from '../../testing/accounts.js';
import { addSpecialist } from '../../testing/fixtures.js';
import { testApp, type TestApp } from '../../testing/test-app.js';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const customer = { name: 'Ada', email: 'ada@example.com', timeZone: 'Asia/Tokyo' };
let t: TestApp;
afterEach(async () => {
  await t.app.deliveries.idle();
  t.close();
});

/** A confirmed 30-minute intro call on Monday 09:00–09:30 UTC with its Jitsi room made. */
async function booked(options: Parameters<typeof testApp>[0] = {}) {
  t = await testApp({ now: NOW, ...options });
  const res = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start: '2026-11-23T09:00:00Z', customer } });
  await t.app.deliveries.idle();
  const { booking, manageToken } = res.body as { booking: { id: string }; manageToken: string };
  const url = (await t.json(`/v1/me/bookings/${booking.id}`, { headers: auth(t.apiKey) })).body.meeting.url as string;
  const customerAt = async (iso: string) => {
    t.setNow(Date.parse(iso));
    return (await t.json(`/v1/bookings/${booking.id}`, { headers: auth(manageToken) })).body;
  };
  return { id: booking.id, manageToken, url, customerAt };
}

describe('the join window', () => {
  it('shows the customer the link from 10 minutes before the start until the end, to the millisecond', async () => {
    const { url, customerAt } = await booked();
    expect(url).toMatch(/^https:\/\/meet\.jit\.si\//);
    const window = { opensAt: '2026-11-23T08:50:00Z', closesAt: '2026-11-23T09:30:00Z' };
    expect((await customerAt('2026-11-20T12:00:00Z')).join).toEqual({ ...window, url: null });
    expect((await customerAt('2026-11-23T08:49:59.999Z')).join).toEqual({ ...window, url: null });
    expect((await customerAt('2026-11-23T08:50:00.000Z')).join).toEqual({ ...window, url });
    expect((await customerAt('2026-11-23T09:29:59.999Z')).join).toEqual({ ...window, url });
    expect((await customerAt('2026-11-23T09:30:00.000Z')).join).toEqual({ ...window, url: null });
  });

  it('follows the app option for when it opens and closes', async () => {
    const { url, customerAt } = await booked({ joinWindow: { opensMinutesBefore: 30, closesMinutesAfter: 15 } });
    const window = { opensAt: '2026-11-23T08:30:00Z', closesAt: '2026-11-23T09:45:00Z' };
    expect((await customerAt('2026-11-23T08:29:59Z')).join).toEqual({ ...window, url: null });
    expect((await customerAt('2026-11-23T08:30:00Z')).join.url).toBe(url);
    expect((await customerAt('2026-11-23T09:44:59Z')).join.url).toBe(url);
    expect((await customerAt('2026-11-23T09:45:00Z')).join.url).toBeNull();
  });

  it('moves with the booking, and shuts for a cancelled one', async () => {
    const { id, manageToken, url, customerAt } = await booked();
    await t.json(`/v1/bookings/${id}/reschedule`, { body: { start: '2026-11-24T13:00:00Z' }, headers: auth(manageToken) });
    expect((await customerAt('2026-11-23T09:00:00Z')).join).toEqual({ opensAt: '2026-11-24T12:50:00Z', closesAt: '2026-11-24T13:30:00Z', url: null });
    expect((await customerAt('2026-11-24T12:55:00Z')).join.url).toBe(url);
    t.setNow(NOW);
    await t.json(`/v1/bookings/${id}/cancel`, { body: {}, headers: auth(manageToken) });
    expect((await customerAt('2026-11-24T12:55:00Z')).join.url).toBeNull();
  });

  it('is null inside the window while the meeting does not exist yet', async () => {
    t = await testApp({ now: NOW });
    // Booked inside the window; the answer comes before the meeting is made.
    t.setNow(Date.parse('2026-11-23T08:55:00Z'));
    const res = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start: '2026-11-23T09:00:00Z', customer } });
    expect(res.status).toBe(201);
    expect(res.body.booking.join).toEqual({ opensAt: '2026-11-23T08:50:00Z', closesAt: '2026-11-23T09:30:00Z', url: null });
    await t.app.deliveries.idle();
    const now = (await t.json(`/v1/bookings/${res.body.booking.id}`, { headers: auth(res.body.manageToken) })).body;
    expect(now.join.url).toMatch(/^https:\/\/meet\.jit\.si\//);
  });

  it('always shows the specialist the meeting link, and their list follows the window', async () => {
    const { id, url } = await booked();
    const detail = (await t.json(`/v1/me/bookings/${id}`, { headers: auth(t.apiKey) })).body;
    expect(detail.meeting).toEqual({ url, provider: 'jitsi' });
    expect(detail.join.url).toBeNull();
    const list = (await t.json('/v1/me/bookings', { headers: auth(t.apiKey) })).body;
    expect(list.data.find((b: { id: string }) => b.id === id).join.url).toBeNull();
  });

  it("never shows the link to another specialist, another booking's customer, or anyone unauthenticated", async () => {
    const { id, url } = await booked();
    t.setNow(Date.parse('2026-11-23T09:00:00Z')); // inside the window
    const other = await addSpecialist(t.database, 'mallory');
    const otherBooking = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start: '2026-11-24T09:00:00Z', customer } });
    const answers = [
      await t.json(`/v1/me/bookings/${id}`, { headers: auth(other.apiKey) }),
      await t.json('/v1/me/bookings', { headers: auth(other.apiKey) }),
      await t.json(`/v1/bookings/${id}`, { headers: auth(otherBooking.body.manageToken) }),
      await t.json(`/v1/bookings/${id}`),
      await t.json(`/v1/bookings/${id}/cancellation`, { headers: auth(otherBooking.body.manageToken) }),
      await t.json('/v1/specialists/demo'),
      await t.json(`/v1/specialists/demo/slots?service=${t.intro.id}&from=2026-11-23&to=2026-11-24`),
    ];
    expect(answers.slice(0, 5).map((a) => a.status)).toEqual([404, 200, 404, 401, 404]);
    for (const answer of answers) expect(JSON.stringify(answer.body)).not.toContain(url);
    expect(answers[1]!.body.data).toEqual([]);
  });

  it('tells the customer where a phone or in-person session happens, at any time', async () => {
    t = await testApp({ now: NOW });
    const set = (location: object) => t.json(`/v1/me/services/${t.intro.id}`, { method: 'PATCH', body: { location }, headers: auth(t.apiKey) });
    expect((await set({ kind: 'in_person', detail: '  Torstraße 1, 10119 Berlin ' })).status).toBe(200);
    const visit = (await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start: '2026-11-23T09:00:00Z', customer } })).body;
    expect(visit.booking.location).toEqual({ kind: 'in_person', detail: 'Torstraße 1, 10119 Berlin' });
    await set({ kind: 'phone', detail: '+49 30 1234567' });
    const call = (await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start: '2026-11-23T10:00:00Z', customer } })).body;
    await t.app.deliveries.idle();
    t.setNow(Date.parse('2026-11-23T10:00:00Z'));
    const seen = (await t.json(`/v1/bookings/${call.booking.id}`, { headers: auth(call.manageToken) })).body;
    expect(seen.location).toEqual({ kind: 'phone', detail: '+49 30 1234567' });
    expect(seen.join).toEqual({ opensAt: '2026-11-23T09:50:00Z', closesAt: '2026-11-23T10:30:00Z', url: null });
  });
});
