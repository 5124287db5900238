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
