import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookings } from '../../db/schema.js';
import { connectDemo, setService } from '../../testing/fixtures.js';
import { testApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
const NOW = Date.parse('2026-11-20T12:00:00Z');
beforeEach(async () => {
  t = await testApp({ now: NOW });
  await connectDemo(t.app); // priced sessions need a connected Stripe account
});
afterEach(() => t.close());

const customer = { name: 'Grace', email: 'grace@example.com', timeZone: 'Europe/Berlin' };
const book = (start: string, service = t.intro.id, extra: Record<string, unknown> = {}) =>
  t.json('/v1/bookings', { body: { specialist: 'demo', service, start, customer, ...extra } });
const as = (token: string) => ({ authorization: `Bearer ${token}` });
const me = { authorization: '' };
const starts = async (date: string) => {
  const res = await t.json(`/v1/specialists/demo/slots?service=${t.intro.id}&from=${date}&to=${date}&timezone=UTC`);
  return (res.body.days[0]?.slots ?? []).map((s: { start: string }) => s.start);
};
const paid = () => setService(t.database, t.intro.id, { durations: [{ minutes: 30, price: 4900 }] });

describe('holds for priced sessions', () => {
  it('holds a priced booking for 15 minutes, blocks its time meanwhile, and frees it after', async () => {
    await paid();
    const res = await book('2026-11-23T09:00:00Z');
    expect(res.status).toBe(201);
    expect(res.body.booking).toMatchObject({ status: 'held', price: 4900, holdExpiresAt: '2026-11-20T12:15:00Z' });
    expect(await starts('2026-11-23')).not.toContain('2026-11-23T09:00:00Z');
    expect((await book('2026-11-23T09:00:00Z', t.intro.id, { customer: { ...customer, email: 'other@example.com' } })).status).toBe(409);

    t.setNow(NOW + 15 * 60_000); // the hold lapses exactly now
    expect(await starts('2026-11-23')).toContain('2026-11-23T09:00:00Z');
    const seen = await t.json(`/v1/bookings/${res.body.booking.id}`, { headers: as(res.body.manageToken) });
    expect(seen.body).toMatchObject({ status: 'expired', holdExpiresAt: null });
  });

  it('expires lapsed holds in tick, once, with a system event', async () => {
    await paid();
    const held = await book('2026-11-23T10:00:00Z');
    t.setNow(NOW + 16 * 60_000);
    expect(await t.app.tick()).toMatchObject({ expiredHolds: 1 });
    expect(await t.app.tick()).toMatchObject({ expiredHolds: 0 });
    const detail = await t.json(`/v1/me/bookings/${held.body.booking.id}`, { headers: as(t.apiKey) });
    expect(detail.body.status).toBe('expired');
    expect(detail.body.events.map((e: { type: string; actor: string }) => `${e.type}:${e.actor}`)).toEqual(['held:customer', 'expired:system']);
  });

  it('counts holds per email whatever its case, so SAME@ is the same customer as same@', async () => {
    const proxied = await testApp({ now: NOW, trustProxy: true });
    try {
      await connectDemo(proxied.app);
      await setService(proxied.database, proxied.intro.id, { durations: [{ minutes: 30, price: 4900 }] });
      const hold = (hour: string, email: string, ip: string) =>
        proxied.json('/v1/bookings', {
          body: { specialist: 'demo', service: proxied.intro.id, start: `2026-11-23T${hour}:00:00Z`, customer: { ...customer, email } },
          headers: { 'x-forwarded-for': `203.0.113.9, ${ip}` }, // what the client wrote, then what our proxy saw
        });
      for (const [hour, ip] of [['09', '10.0.0.1'], ['10', '10.0.0.2'], ['11', '10.0.0.3']] as const) expect((await hold(hour, 'same@example.com', ip)).status).toBe(201);
      const shouted = await hold('12', 'SAME@Example.COM', '10.0.0.4');
      expect(shouted.body).toMatchObject({ status: 429, code: 'too_many_holds' });
      const other = await hold('12', 'someone@example.com', '10.0.0.5');
      expect(other.body.booking.customer.email).toBe('someone@example.com');
      const mixed = await hold('13', 'Mixed.Case@Example.com', '10.0.0.6');
      expect(mixed.body.booking.customer.email).toBe('mixed.case@example.com'); // stored and answered in lower case
    } finally {
      proxied.close();
    }
  });

  it('lets one customer (email) hold at most three times at once', async () => {
    await paid();
    for (const hour of ['09', '10', '11']) expect((await book(`2026-11-23T${hour}:00:00Z`)).status).toBe(201);
    const fourth = await book('2026-11-23T12:00:00Z');
    expect(fourth.status).toBe(429);
    expect(fourth.body.code).toBe('too_many_holds');
    t.setNow(NOW + 20 * 60_000);
    expect((await book('2026-11-23T12:00:00Z')).status).toBe(201);
  });
});

describe('cancellation policy', () => {
  it('quotes the refund before cancelling and applies the deadlines', async () => {
    await setService(t.database, t.intro.id, { cancelUntilHours: 12, fullRefundHours: 48, partialRefundHours: 24, partialRefundPercent: 50 });
    const { body } = await book('2026-11-23T09:00:00Z');
    const quote = await t.json(`/v1/bookings/${body.booking.id}/cancellation`, { headers: as(body.manageToken) });
    expect(quote.body).toMatchObject({ allowed: true, refund: { rule: 'full', amount: 0, currency: 'EUR' }, cancelUntil: '2026-11-22T21:00:00Z' });

    t.setNow(Date.parse('2026-11-22T21:00:01Z')); // one second past the cancellation deadline
    const late = await t.json(`/v1/bookings/${body.booking.id}/cancellation`, { headers: as(body.manageToken) });
    expect(late.body).toMatchObject({ allowed: false, refund: { rule: 'none' } });
    const refused = await t.json(`/v1/bookings/${body.booking.id}/cancel`, { body: {}, headers: as(body.manageToken) });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('12 hours');

    const bySpecialist = await t.json(`/v1/me/bookings/${body.booking.id}/cancel`, { body: { reason: 'Ill' }, headers: as(t.apiKey) });
    expect(bySpecialist.status).toBe(200);
    expect(bySpecialist.body).toMatchObject({ status: 'cancelled', cancelledBy: 'specialist' });
    expect(bySpecialist.body.events.at(-1)).toMatchObject({ type: 'cancelled', actor: 'specialist', data: { refund: { rule: 'full' } } });
  });
});

describe('reschedule', () => {
  it('moves a booking atomically, keeps its history, and may overlap its own old time', async () => {
    await setService(t.database, t.session.id, { slotStep: 30 });
    const { body } = await book('2026-11-23T09:00:00Z', t.session.id); // 60 minutes, 09:00–10:00 UTC
    const move = (start: string) => t.json(`/v1/bookings/${body.booking.id}/reschedule`, { body: { start }, headers: as(body.manageToken) });
    expect((await move('2026-11-23T09:10:00Z')).body.code).toBe('not_a_slot');
    expect((await move('2026-11-23T09:00:00Z')).status).toBe(409); // already there
    const later = await move('2026-11-23T09:30:00Z'); // overlaps its own old time: fine
    expect(later.status).toBe(200);
    expect(later.body).toMatchObject({ start: '2026-11-23T09:30:00Z', end: '2026-11-23T10:30:00Z', rescheduleCount: 1, status: 'confirmed' });
    expect(await starts('2026-11-23')).toContain('2026-11-23T09:00:00Z'); // 09:00–09:30 is free again for a 30-minute intro
    const detail = await t.json(`/v1/me/bookings/${body.booking.id}`, { headers: as(t.apiKey) });
    expect(detail.body.events.at(-1)).toMatchObject({ type: 'rescheduled', actor: 'customer', data: { from: '2026-11-23T09:00:00Z', to: '2026-11-23T09:30:00Z' } });
  });

  it('refuses a taken time, a time past the deadline, and more than the allowed number of moves', async () => {
    await setService(t.database, t.intro.id, { maxReschedules: 1, rescheduleUntilHours: 24 });
    const other = await book('2026-11-24T09:00:00Z');
    const { body } = await book('2026-11-24T10:00:00Z');
    const move = (start: string) => t.json(`/v1/bookings/${body.booking.id}/reschedule`, { body: { start }, headers: as(body.manageToken) });
    expect((await move(other.body.booking.start)).body.code).toBe('slot_unavailable');
    expect((await move('2026-11-24T11:00:00Z')).status).toBe(200);
    const again = await move('2026-11-24T12:00:00Z');
    expect(again.body.code).toBe('booking_not_reschedulable');
    expect(again.body.detail).toContain('1 times');
    const [row] = await t.database.db.select().from(bookings).where(eq(bookings.id, body.booking.id));
    expect(row!.startAt).toBe(Date.parse('2026-11-24T11:00:00Z'));
  });
});

describe('specialist actions', () => {
  it('completes or marks a no-show only after the start, and refuses illegal transitions with 409', async () => {
    const { body } = await book('2026-11-23T09:00:00Z');
    const act = (what: string) => t.json(`/v1/me/bookings/${body.booking.id}/${what}`, { body: {}, headers: as(t.apiKey) });
    expect((await act('complete')).body.code).toBe('invalid_transition');
    t.setNow(Date.parse('2026-11-23T09:31:00Z'));
    expect((await act('complete')).body.status).toBe('completed');
    const noShow = await act('no-show');
    expect(noShow.status).toBe(409);
    expect(noShow.body.code).toBe('invalid_transition');
  });

  it('keeps private notes away from the customer', async () => {
    const { body } = await book('2026-11-23T09:00:00Z');
    const notes = await t.json(`/v1/me/bookings/${body.booking.id}/notes`, { method: 'PUT', body: { notes: 'Prefers German' }, headers: as(t.apiKey) });
    expect(notes.body.specialistNotes).toBe('Prefers German');
    const customerView = await t.json(`/v1/bookings/${body.booking.id}`, { headers: as(body.manageToken) });
    expect(JSON.stringify(customerView.body)).not.toContain('Prefers German');
  });
});

void me;
