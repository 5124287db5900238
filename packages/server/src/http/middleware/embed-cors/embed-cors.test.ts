import { count } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookings } from '../../../db/schema.js';
import { setAllowedOrigins } from '../../../testing/fixtures.js';
import { testApp, type TestApp } from '../../../testing/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await testApp({ now: Date.parse('2026-11-20T12:00:00Z') });
  await setAllowedOrigins(t.database, 'demo', ['https://coach.example']);
});
afterEach(() => t.close());

const customer = { name: 'Grace', email: 'grace@example.com', timeZone: 'Europe/Berlin' };

describe('embed origins', () => {
  it('lets the registered site read the profile and tells another site, readably, where to register', async () => {
    const mine = await t.app.request('/v1/specialists/demo', { headers: { origin: 'https://coach.example' } });
    expect(mine.headers.get('access-control-allow-origin')).toBe('https://coach.example');
    expect(mine.headers.get('vary')).toContain('Origin');
    for (const path of ['/v1/specialists/demo', `/v1/specialists/demo/slots?service=${t.intro.id}&from=2026-11-23&to=2026-11-24`]) {
      const other = await t.app.request(path, { headers: { origin: 'https://evil.example' } });
      // The browser may read the refusal (so the widget can show it), but nothing of the specialist.
      expect(other.status).toBe(403);
      expect(other.headers.get('access-control-allow-origin')).toBe('https://evil.example');
      expect(other.headers.get('vary')).toContain('Origin');
      expect(other.headers.get('content-type')).toContain('application/problem+json');
      const body = await other.json();
      expect(body.code).toBe('origin_not_allowed');
      expect(body.detail).toBe(
        'https://evil.example is not an allowed site for demo; add it in the console under Developers → Sites that may embed your widget.',
      );
      expect(JSON.stringify(body)).not.toMatch(/services|timeZone|bio|days/);
    }
  });

  it('lets the server’s own pages read the profile whatever sites are registered', async () => {
    const own = await t.app.request('/v1/specialists/demo', { headers: { origin: 'http://localhost' } });
    expect(own.status).toBe(200);
  });

  it('always lets the server’s own pages (the hosted booking page) book, whatever sites are registered', async () => {
    const payload = { specialist: 'demo', service: t.intro.id, start: '2026-11-23T09:00:00Z', customer };
    const res = await t.json('/v1/bookings', { body: payload, headers: { origin: 'http://localhost' } }); // app.request's own origin
    expect(res.status).toBe(201);
    expect(res.body.booking.status).toBe('confirmed');
  });

  it('refuses a booking sent from another site with 403 and stores nothing', async () => {
    const payload = { specialist: 'demo', service: t.intro.id, start: '2026-11-23T09:00:00Z', customer };
    const res = await t.json('/v1/bookings', { body: payload, headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('origin_not_allowed');
    expect(res.body.detail).toContain('https://evil.example is not an allowed site for demo; add it in the console under Developers');
    expect((await t.database.db.select({ n: count() }).from(bookings))[0]!.n).toBe(0);
    // From the registered site, and from a server (no Origin), it works.
    expect((await t.json('/v1/bookings', { body: payload, headers: { origin: 'https://coach.example' } })).status).toBe(201);
    expect((await t.json('/v1/bookings', { body: { ...payload, start: '2026-11-23T10:00:00Z' } })).status).toBe(201);
  });

  it('answers a handle that is not valid percent-encoding with a 400 and no grant, whatever the Origin', async () => {
    for (const handle of ['%ZZ', '%', '%E0%A4%A']) {
      const res = await t.app.request(`/v1/specialists/${handle}/slots?service=x`, { headers: { origin: 'https://coach.example' } });
      expect(res.status).toBe(400);
      expect((await res.json()).code).toBe('invalid_request');
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('answers a preflight for the booking endpoint', async () => {
    const res = await t.app.request('/v1/bookings', {
      method: 'OPTIONS',
      headers: { origin: 'https://coach.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-headers')).toContain('idempotency-key');
    // The widget says the page's language; a browser preflights it when the tag is long or odd.
    expect(res.headers.get('access-control-allow-headers')).toContain('accept-language');
  });
});
