import { and, asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliveries, notifications, outbox } from '../../db/schema.js';
import { twilioSms } from '../../providers/sms/twilio.js';
import { startFakeTwilio, type FakeTwilio } from '../../testing/fake-twilio/index.js';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { backoff } from '../delivery/dispatcher.js';
import { smsChannel } from './channel.js';

const NOW = Date.parse('2026-11-20T12:00:00Z'); // a Friday
const HOUR = 3_600_000;
const START = '2026-11-23T14:00:00Z'; // Monday 15:00 in Berlin, 09:00 in New York
const S = Date.parse(START);
const phone = '+12125550123';
const customer = { name: 'Grace Hopper', email: 'grace@example.com', timeZone: 'America/New_York', phone: '+1 (212) 555-0123', smsConsent: true };
const text = (when: string) => `Reminder: Intro call with Dr. Ada Demo, ${when} (New York time). To change or cancel, use the link in your confirmation email.`;

let fake: FakeTwilio;
let t: TestApp;
beforeEach(async () => {
  fake = await startFakeTwilio({ clock: () => t?.now() ?? Date.now() });
  t = await testApp({ now: NOW, sms: twilioSms({ accountSid: fake.accountSid, authToken: fake.authToken, from: fake.from, baseUrl: fake.baseUrl }) });
});
afterEach(async () => {
  await t.app.deliveries.idle();
  t.close();
  await fake.close();
});

const book = async (start = START, who: Record<string, unknown> = customer, app: TestApp = t) => {
  const res = await app.json('/v1/bookings', { body: { specialist: 'demo', service: app.intro.id, start, customer: who } });
  expect(res.status).toBe(201);
  await app.app.deliveries.idle();
  return res.body as { booking: { id: string; customer: Record<string, unknown> }; manageToken: string };
};
const texts = (bookingId: string, app: TestApp = t) =>
  app.database.db.select().from(deliveries).where(and(eq(deliveries.bookingId, bookingId), eq(deliveries.channel, 'sms'))).orderBy(asc(deliveries.dueAt), asc(deliveries.createdAt));
const tickAt = async (ms: number) => {
  t.setNow(ms);
  await t.app.tick();
  await t.app.deliveries.idle();
};
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('SMS reminders', () => {
  it('texts a customer who gave a number and agreed, at 24 h and 1 h before, in their own zone, once each', async () => {
    const { booking } = await book();
    expect(await texts(booking.id)).toEqual([
      expect.objectContaining({ kind: 'reminder.24h', recipient: phone, status: 'pending', dueAt: S - 24 * HOUR }),
      expect.objectContaining({ kind: 'reminder.1h', recipient: phone, status: 'pending', dueAt: S - HOUR }),
    ]);
    await tickAt(S - 24 * HOUR - 1);
    expect(fake.messages).toEqual([]);
    await tickAt(S - 24 * HOUR);
    expect(fake.messages.map((m) => [m.to, m.body])).toEqual([[phone, text('Mon 23 Nov, 09:00')]]);
    await tickAt(S - 2 * HOUR);
    expect(fake.messages).toHaveLength(1);
    await tickAt(S - HOUR);
    await tickAt(S - HOUR + 60_000);
    expect(fake.messages.map((m) => m.body)).toEqual([text('Mon 23 Nov, 09:00'), text('Mon 23 Nov, 09:00')]);
    expect((await texts(booking.id)).map((d) => [d.status, d.providerRef])).toEqual(fake.messages.map((m) => ['sent', m.sid]));
    // No link, no token, no secret: the text points at the confirmation email.
    expect(fake.messages[0]!.body).not.toMatch(/https?:|bmt_|token/i);
    expect(fake.messages[0]!.num_segments).toBe('1');
  });

  it('plans nothing without a number, without consent, or with SMS off, and refuses consent without a number', async () => {
    const noConsent = await book(START, { ...customer, smsConsent: false });
    const { smsConsent: _, phone: __, ...plain } = customer;
    const noPhone = await book('2026-11-23T15:00:00Z', plain);
    expect(await texts(noConsent.booking.id)).toEqual([]);
    expect(await texts(noPhone.booking.id)).toEqual([]);
    const consentOnly = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start: '2026-11-23T10:00:00Z', customer: { ...plain, smsConsent: true } } });
    expect(consentOnly.status).toBe(400);
    expect(consentOnly.body.errors).toEqual([{ field: 'body.customer.phone', message: 'Give a mobile number for the text reminders, or leave smsConsent out.' }]);
    const bad = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start: '2026-11-23T10:00:00Z', customer: { ...customer, phone: '0170 1234567' } } });
    expect(bad.body.errors).toEqual([{ field: 'body.customer.phone', message: expect.stringMatching(/^Use the international format/) }]);

    const off = await testApp({ now: NOW });
    try {
      const { booking } = await book(START, customer, off);
      expect(await texts(booking.id, off)).toEqual([]);
      off.setNow(S - HOUR);
      await off.app.tick();
      expect(fake.messages).toEqual([]);
    } finally {
      await off.app.deliveries.idle();
      off.close();
    }
  });

  it('shows the number back to the booking’s own customer only', async () => {
    const { booking, manageToken } = await book();
    expect(booking.customer).toEqual({ name: 'Grace Hopper', email: 'grace@example.com', timeZone: 'America/New_York', phone, smsConsent: true });
    expect((await t.json(`/v1/bookings/${booking.id}`, { headers: bearer(manageToken) })).body.customer).toMatchObject({ phone, smsConsent: true });
    const specialistView = await t.json(`/v1/me/bookings/${booking.id}`, { headers: bearer(t.apiKey) });
    expect(specialistView.body.customer).toEqual({ name: 'Grace Hopper', email: 'grace@example.com', timeZone: 'America/New_York' });
    const list = await t.json('/v1/me/bookings', { headers: bearer(t.apiKey) });
    expect(JSON.stringify(list.body)).not.toContain('5550123');
    // Nor in what leaves through the outbox (webhooks, notices).
    const rows = await t.database.db.select().from(outbox).where(eq(outbox.bookingId, booking.id));
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows.map((r) => r.payload))).not.toContain('5550123');
    expect(JSON.stringify(await t.database.db.select().from(notifications))).not.toContain('5550123');
  });

  it('moves its reminders with a reschedule — the old ones cancelled, new ones for the new time — even back to the first time', async () => {
    const { booking, manageToken } = await book();
    const moved = await t.json(`/v1/bookings/${booking.id}/reschedule`, { body: { start: '2026-11-24T14:00:00Z' }, headers: bearer(manageToken) });
    expect(moved.status).toBe(200);
    await t.app.deliveries.idle();
    const S2 = Date.parse('2026-11-24T14:00:00Z');
    expect((await texts(booking.id)).map((d) => [d.kind, d.status, d.dueAt])).toEqual([
      ['reminder.24h', 'cancelled', S - 24 * HOUR],
      ['reminder.1h', 'cancelled', S - HOUR],
      ['reminder.24h', 'pending', S2 - 24 * HOUR],
      ['reminder.1h', 'pending', S2 - HOUR],
    ]);
    await tickAt(S - HOUR);
    expect(fake.messages).toEqual([]);
    await tickAt(S2 - 24 * HOUR + 5 * 60_000);
    expect(fake.messages.map((m) => m.body)).toEqual([text('Tue 24 Nov, 09:00')]);

    // And back to Monday: new reminders again, not blocked by the cancelled ones of that time.
    t.setNow(NOW);
    expect((await t.json(`/v1/bookings/${booking.id}/reschedule`, { body: { start: START }, headers: bearer(manageToken) })).status).toBe(200);
    await t.app.deliveries.idle();
    const pending = (await texts(booking.id)).filter((d) => d.status === 'pending');
    expect(pending.map((d) => [d.kind, d.dueAt])).toEqual([
      ['reminder.24h', S - 24 * HOUR],
      ['reminder.1h', S - HOUR],
    ]);
  });

  it('cancels them with the booking', async () => {
    const { booking, manageToken } = await book();
    expect((await t.json(`/v1/bookings/${booking.id}/cancel`, { body: {}, headers: bearer(manageToken) })).status).toBe(200);
    await t.app.deliveries.idle();
    expect((await texts(booking.id)).map((d) => d.status)).toEqual(['cancelled', 'cancelled']);
    await tickAt(S - 24 * HOUR);
    await tickAt(S - HOUR);
    expect(fake.messages).toEqual([]);
  });

  it('never plans a reminder whose time has passed', async () => {
    t.setNow(Date.parse('2026-11-23T12:00:00Z')); // two hours before: the 24-hour reminder is long past
    const { booking } = await book();
    expect((await texts(booking.id)).map((d) => d.kind)).toEqual(['reminder.1h']);
  });

  it('sends none later than its own lead, and one text rather than two after an outage', async () => {
    const first = await book();
    await tickAt(S + 60_000); // nothing ran until after the start
    expect((await texts(first.booking.id)).map((d) => d.status)).toEqual(['skipped', 'skipped']);
    expect(fake.messages).toEqual([]);

    t.setNow(NOW);
    const second = await book('2026-11-24T14:00:00Z');
    await tickAt(Date.parse('2026-11-24T13:30:00Z')); // both due: only the 1-hour one goes
    expect((await texts(second.booking.id)).map((d) => [d.kind, d.status])).toEqual([
      ['reminder.24h', 'skipped'],
      ['reminder.1h', 'sent'],
    ]);
    expect(fake.messages).toHaveLength(1);
  });

  it('skips a reminder whose booking moved after it was claimed', async () => {
    const { booking, manageToken } = await book();
    const [stale] = await texts(booking.id);
    await t.json(`/v1/bookings/${booking.id}/reschedule`, { body: { start: '2026-11-24T14:00:00Z' }, headers: bearer(manageToken) });
    await t.app.deliveries.idle();
    t.setNow(S - 24 * HOUR);
    expect(await smsChannel.send(stale!, t.app.deps)).toEqual({ status: 'skipped' });
    expect(fake.messages).toEqual([]);
  });

  it('stops texting a number that replied STOP', async () => {
    const { booking } = await book();
    fake.optOut(phone);
    await tickAt(S - 24 * HOUR);
    expect((await texts(booking.id))[0]).toMatchObject({ status: 'skipped' });
    expect(fake.messages).toEqual([]);
  });

  it('retries when Twilio fails, and never texts twice when Twilio’s answer was lost', async () => {
    const { booking } = await book();
    fake.failNext(1, { status: 500 });
    await tickAt(S - 24 * HOUR);
    expect((await texts(booking.id))[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('Twilio answered 500') });
    expect(fake.messages).toEqual([]);
    await tickAt(S - 24 * HOUR + backoff(1));
    expect((await texts(booking.id))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(fake.messages).toHaveLength(1);

    fake.dropNextAnswer();
    await tickAt(S - HOUR);
    expect((await texts(booking.id))[1]).toMatchObject({ status: 'pending', attempts: 1 });
    expect(fake.messages).toHaveLength(2); // it went out; the answer did not come back
    await tickAt(S - HOUR + backoff(1));
    const [, last] = await texts(booking.id);
    expect(last).toMatchObject({ status: 'sent', attempts: 2, providerRef: fake.messages[1]!.sid });
    expect(fake.messages).toHaveLength(2);
  });
});
