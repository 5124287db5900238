import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../testing/test-app.js';
import { networkOf } from './index.js';

let t: TestApp;
beforeEach(async () => {
  t = await testApp({ now: Date.parse('2026-11-20T12:00:00Z'), rateLimits: true });
});
afterEach(() => t.close());

describe('rate limits', () => {
  it('answers the 31st booking attempt in a minute from one client with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 31; i++) {
      last = await t.json('/v1/bookings', { body: { specialist: 'demo' } });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true);
    expect(last!.status).toBe(429);
    expect(last!.body.code).toBe('rate_limited');
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last!.headers.get('content-type')).toBe('application/problem+json');
    // Reading slots has its own, larger allowance.
    expect((await t.json('/v1/specialists/demo')).status).toBe(200);
  });

  it('counts an IPv6 client by its /64: a fresh address from the same line for every attempt does not get fresh attempts', async () => {
    const proxied = await testApp({ now: Date.parse('2026-11-20T12:00:00Z'), rateLimits: true, trustProxy: true });
    try {
      const attempt = (address: string) => proxied.json('/v1/bookings', { body: { specialist: 'demo' }, headers: { 'x-forwarded-for': address } });
      const statuses: number[] = [];
      for (let i = 1; i <= 31; i++) statuses.push((await attempt(`2001:db8:7:42:${i.toString(16)}::${i}`)).status);
      expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true);
      expect(statuses[30]).toBe(429);
      // Another subscriber's /64 (and an IPv4 client) are not held back by it.
      expect((await attempt('2001:db8:7:43::1')).status).toBe(400);
      expect((await attempt('203.0.113.9')).status).toBe(400);
    } finally {
      await proxied.close();
    }
  });

  it('takes at most 10 bookings an hour for one email address, whoever sends them, so nobody can fill a stranger’s inbox', async () => {
    const proxied = await testApp({ now: Date.parse('2026-11-20T12:00:00Z'), rateLimits: true, trustProxy: true });
    try {
      const starts = (await proxied.json(`/v1/specialists/demo/slots?service=${proxied.intro.id}&from=2026-11-23&to=2026-11-27&timezone=UTC`)).body.days
        .flatMap((day: { slots: { start: string }[] }) => day.slots.map((slot) => slot.start));
      const book = (start: string, email: string, address: string) =>
        proxied.json('/v1/bookings', {
          body: { specialist: 'demo', service: proxied.intro.id, start, customer: { name: 'Someone', email, timeZone: 'UTC' } },
          headers: { 'x-forwarded-for': address },
        });
      // Ten from ten different clients, the address written two ways: each a booking.
      for (let i = 0; i < 10; i++) expect((await book(starts[i], i % 2 ? 'Victim@Example.com' : 'victim@example.com', `203.0.113.${i + 1}`)).status).toBe(201);
      const eleventh = await book(starts[10], 'victim@example.com', '198.51.100.7');
      expect(eleventh.status).toBe(429);
      expect(eleventh.body).toMatchObject({ code: 'rate_limited', detail: expect.stringMatching(/^This email address was used for 10 bookings in the last hour, the most we take; try again in \d+ minutes\.$/) });
      expect(Number(eleventh.headers.get('retry-after'))).toBeGreaterThan(60);
      // Another address books on; the refused start is still free.
      expect((await book(starts[10], 'someone.else@example.com', '198.51.100.7')).status).toBe(201);
      // Bytes that are not UTF-8 are still refused as such with the limit reading the body first.
      const raw = await proxied.app.request('/v1/bookings', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.8' },
        body: new Uint8Array([...new TextEncoder().encode('{"specialist":"demo","customer":{"email":"x@example.com","name":"'), 0xff, ...new TextEncoder().encode('"}}')]),
      });
      expect(((await raw.json()) as { code: string }).code).toBe('invalid_json');
    } finally {
      await proxied.close();
    }
  });

  it('reads an address as the unit it counts', () => {
    expect(networkOf('203.0.113.9')).toBe('203.0.113.9');
    expect(networkOf('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(networkOf('2001:db8:7:42:abcd:1:2:3')).toBe('2001:db8:7:42::/64');
    expect(networkOf('2001:0db8:0007:0042::1')).toBe('2001:db8:7:42::/64');
    expect(networkOf('[2001:db8::1]')).toBe('2001:db8:0:0::/64');
    expect(networkOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(networkOf('::1')).toBe('0:0:0:0::/64');
    expect(networkOf('local')).toBe('local');
    expect(networkOf('not:an:address')).toBe('not:an:address');
  });
});
