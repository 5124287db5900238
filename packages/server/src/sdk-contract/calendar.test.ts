import { bookingCalendarUrl, webcalUrl } from '@slotwise/sdk';
import { BookingsFeed, BookingsFeedRevoked } from '@slotwise/sdk/contract';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, failure, sdkTestApp, type SdkTestApp } from './sdk-test-app.js';

// The SDK's calendar pieces against the real app: `me.bookingsFeed` (JSON, client methods) and the
// URL builders for the files (`text/calendar`, opened by address, never fetched by the client).
let t: SdkTestApp;
beforeAll(async () => {
  t = await sdkTestApp({ now: Date.parse('2026-11-20T12:00:00Z'), links: { api: baseURL, manage: `${baseURL}/` } });
});
afterAll(() => t.close());

const customer = { name: 'Ada Lovelace', email: 'ada@example.com', timeZone: 'Europe/London' };
const uidsOf = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid'));

describe('calendar through the SDK', () => {
  it('builds a booking’s calendar-file URL that the server answers for its customer', async () => {
    const { services } = await t.visitor.specialists.retrieve('demo');
    const { booking, manageToken } = await t.visitor.bookings.create({ specialist: 'demo', service: services[0]!.id, start: '2026-11-23T09:00:00Z', customer });
    const res = await t.fetch(bookingCalendarUrl(baseURL, booking.id, manageToken));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(uidsOf(await res.text())).toEqual([`${booking.id}@slotwise`]);
  });

  it('creates, rotates and revokes the specialist’s feed with me.bookingsFeed', async () => {
    const first = await t.specialist.me.bookingsFeed.create();
    expect(BookingsFeed.parse(first)).toEqual(first);
    expect(first.url.startsWith(`${baseURL}/v1/feeds/`)).toBe(true);
    expect(webcalUrl(first.url).startsWith('webcal://slotwise.test/v1/feeds/')).toBe(true);
    expect((await t.fetch(first.url)).status).toBe(200);

    const second = await t.specialist.me.bookingsFeed.create();
    expect((await t.fetch(first.url)).status).toBe(404);
    expect((await t.fetch(second.url)).status).toBe(200);

    const revoked = await t.specialist.me.bookingsFeed.revoke();
    expect(BookingsFeedRevoked.parse(revoked)).toEqual({ revoked: true });
    expect((await t.fetch(second.url)).status).toBe(404);
    expect(await t.specialist.me.bookingsFeed.revoke()).toEqual({ revoked: false });
  });

  it('refuses a wrong key', async () => {
    const error = await failure(t.as('sk_not_a_key').me.bookingsFeed.create());
    expect([error.status, error.code]).toEqual([401, 'unauthorized']);
  });
});
