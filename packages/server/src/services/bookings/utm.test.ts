import { SpecialistBooking, WebhookBookingEvent } from '@slotwise/sdk/contract';
import { count } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookings } from '../../db/schema.js';
import { auth } from '../../testing/accounts.js';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { webhookReceiver, type WebhookReceiver } from '../../testing/webhook-receiver.js';

// UTM tracking end to end: the widget sends the page's `utm_*` parameters with the booking; the
// specialist reads them on their bookings and in their webhooks; no customer view carries them.

const customer = { name: 'Ada Lovelace', email: 'ada@example.com', timeZone: 'Europe/Berlin' };
const utm = { utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'spring-2027', utm_term: 'career coach', utm_content: 'header-link' };

let t: TestApp;
let rx: WebhookReceiver;
beforeEach(async () => {
  rx = await webhookReceiver();
  t = await testApp({ allowLoopbackWebhooks: true });
});
afterEach(async () => {
  await t.app.deliveries.idle();
  await rx.close();
  t.close();
});

const me = () => auth(t.apiKey);
const book = (start: string, extra: Record<string, unknown>) =>
  t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start, customer, ...extra } });
const stored = async () => (await t.database.db.select({ n: count() }).from(bookings))[0]!.n;

describe('UTM on bookings', () => {
  it('stores the campaign a booking came from and shows it to the specialist, in the list, the booking and every webhook', async () => {
    const endpoint = await t.json('/v1/me/webhooks', { body: { url: `${rx.url}/hook`, eventTypes: ['*'] }, headers: me() });
    expect(endpoint.status).toBe(201);

    const created = await book('2026-11-23T09:00:00Z', { utm });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.booking.id as string;
    const [row] = await t.database.db.select().from(bookings);
    expect(row!.utm).toEqual(utm);

    const one = await t.json(`/v1/me/bookings/${id}`, { headers: me() });
    expect(SpecialistBooking.parse(one.body).utm).toEqual(utm);
    const list = await t.json('/v1/me/bookings', { headers: me() });
    expect(list.body.data.find((b: { id: string }) => b.id === id).utm).toEqual(utm);

    await t.app.deliveries.idle();
    const events = rx.received.map((r) => WebhookBookingEvent.parse(JSON.parse(r.body)));
    expect(events.map((e) => e.type).sort()).toEqual(['booking.confirmed', 'booking.created']);
    for (const event of events) expect(event.data.booking.utm).toEqual(utm);
  });

  it('never shows it to the customer: not in the booking answer nor the manage view', async () => {
    const created = await book('2026-11-23T09:30:00Z', { utm: { utm_source: 'SECRET-CAMPAIGN' } });
    expect(created.status).toBe(201);
    expect(JSON.stringify(created.body)).not.toContain('SECRET-CAMPAIGN');
    const managed = await t.json(`/v1/bookings/${created.body.booking.id}`, { headers: auth(created.body.manageToken) });
    expect(managed.status).toBe(200);
    expect(JSON.stringify(managed.body)).not.toContain('SECRET-CAMPAIGN');
  });

  it('reads a booking without UTM as null for the specialist and in webhooks', async () => {
    await t.json('/v1/me/webhooks', { body: { url: `${rx.url}/hook`, eventTypes: ['booking.created'] }, headers: me() });
    const created = await book('2026-11-23T10:00:00Z', {});
    const one = await t.json(`/v1/me/bookings/${created.body.booking.id}`, { headers: me() });
    expect(one.body.utm).toBeNull();
    await t.app.deliveries.idle();
    expect(JSON.parse(rx.received[0]!.body).data.booking.utm).toBeNull();
  });

  it('refuses an unknown key or a value over 200 characters with a 400 problem naming the field, and stores nothing', async () => {
    const unknown = await book('2026-11-23T10:30:00Z', { utm: { utm_source: 'x', gclid: 'abc' } });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect(unknown.body.code).toBe('invalid_request');
    expect(JSON.stringify(unknown.body.errors)).toContain('gclid');

    const long = await book('2026-11-23T10:30:00Z', { utm: { utm_campaign: 'x'.repeat(201) } });
    expect(long.status).toBe(400);
    expect(long.body.errors).toEqual([expect.objectContaining({ field: 'body.utm.utm_campaign', message: 'Keep each UTM value within 200 characters.' })]);

    const notText = await book('2026-11-23T10:30:00Z', { utm: { utm_medium: 42 } });
    expect(notText.status).toBe(400);
    expect(await stored()).toBe(0);
  });
});
