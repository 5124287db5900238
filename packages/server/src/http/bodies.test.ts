import { routes, type RouteSpec } from '@slotwise/sdk/contract';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookings } from '../db/schema.js';
import { testApp, type TestApp } from '../testing/test-app.js';

// Every endpoint with a body, sent malformed, oversized or as another media type: a clear problem
// document each time, and nothing stored.

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ now: Date.parse('2026-11-20T12:00:00Z') });
});
afterAll(() => t.close());

const withBody = (Object.values(routes) as RouteSpec[]).filter((r) => r.body);
const pathOf = (spec: RouteSpec) => spec.path.replace(/\{(\w+)\}/g, (_, name) => (name === 'handle' ? 'demo' : 'x_probe'));
const send = (spec: RouteSpec, body: string, type = 'application/json') =>
  t.app.request(pathOf(spec), { method: spec.method.toUpperCase(), body, headers: { 'content-type': type, authorization: `Bearer ${t.apiKey}` } });

describe('bodies at the edge', () => {
  it('covers every endpoint with a body', () => {
    expect(withBody.length).toBeGreaterThanOrEqual(20);
  });

  for (const spec of withBody) {
    it(`${spec.method.toUpperCase()} ${spec.path}: broken JSON 400, another media type 415, too large 413`, async () => {
      const broken = await send(spec, '{"a": ');
      expect(broken.headers.get('content-type')).toBe('application/problem+json');
      const problem = await broken.json();
      // Either the body is judged (400 invalid_json) or the caller is refused first (401/404):
      // never a 2xx or a 500.
      expect([400, 401, 403, 404]).toContain(broken.status);
      if (broken.status === 400) expect(problem.code).toBe('invalid_json');
      const typed = await send(spec, 'name=x', 'application/x-www-form-urlencoded');
      expect([401, 403, 404, 415]).toContain(typed.status);
      const huge = await send(spec, JSON.stringify({ notes: 'x'.repeat(70_000) }));
      expect(huge.status).toBe(413);
      expect((await huge.json()).code).toBe('payload_too_large');
    });
  }

  it('stored no booking from any of it', async () => {
    expect((await t.database.db.select({ n: count() }).from(bookings))[0]!.n).toBe(0);
  });
});

describe('text a field cannot keep', () => {
  const booking = (customer: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start: '2026-11-23T09:00:00Z', customer: { email: 'ada@example.com', timeZone: 'Europe/Berlin', ...customer }, ...extra } });
  const stored = async () => (await t.database.db.select({ n: count() }).from(bookings))[0]!.n;

  it('refuses a control character or half a surrogate pair, naming the field, instead of storing the text cut short or changed', async () => {
    const nul = await booking({ name: 'Ada\u0000Lovelace' });
    expect(nul.status).toBe(400);
    expect(nul.body).toMatchObject({ code: 'invalid_request', errors: [{ field: 'body.customer.name', message: expect.stringContaining('U+0000') }] });
    expect(nul.body.detail).toContain('body.customer.name');
    const bell = await booking({ name: 'Ada' }, { notes: 'ring\u0007' });
    expect(bell.body.errors).toEqual([{ field: 'body.notes', message: expect.stringContaining('U+0007') }]);
    const c1 = await booking({ name: 'Ada\u0085' });
    expect(c1.body.errors[0].message).toContain('U+0085');
    const half = await booking({ name: 'Ada \ud83d' });
    expect(half.status).toBe(400);
    expect(half.body.errors).toEqual([{ field: 'body.customer.name', message: expect.stringContaining('unpaired surrogate') }]);
    expect(await stored()).toBe(0);

    // The specialist's own text is kept whole or refused, too: the bio stays as it was.
    const me = { authorization: `Bearer ${t.apiKey}` };
    const before = (await t.json('/v1/me', { headers: me })).body.bio;
    const bio = await t.json('/v1/me', { method: 'PATCH', body: { bio: 'before\u0000after' }, headers: me });
    expect(bio.body.errors).toEqual([{ field: 'body.bio', message: expect.stringContaining('U+0000') }]);
    expect((await t.json('/v1/me', { headers: me })).body.bio).toBe(before);
  });

  it('answers a body nested 20,000 arrays deep with text in it as a 400, not a 500; names a field inside an array by its index', async () => {
    const deep = `{"specialist":"demo","notes":"caf\\u00e9","customer":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    const res = await t.app.request('/v1/bookings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: deep });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe('invalid_request');
    const me = { authorization: `Bearer ${t.apiKey}` };
    const listed = await t.json('/v1/me/webhooks', { body: { url: 'https://hooks.coach.example/in', eventTypes: ['booking.created', 'x\u0000'] }, headers: me });
    expect(listed.body.errors).toEqual([{ field: 'body.eventTypes.1', message: expect.stringContaining('U+0000') }]);
    expect(await stored()).toBe(0);
  });

  it('keeps line breaks, tabs, whole emoji and right-to-left text; says it in the caller language', async () => {
    const ok = await booking({ name: 'Ada 👩🏽‍💻 עדה' }, { notes: 'line one\nline two\r\n\tindented' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.booking.customer.name).toBe('Ada 👩🏽‍💻 עדה');
    expect(ok.body.booking.notes).toBe('line one\nline two\r\n\tindented');
    const german = await t.json('/v1/bookings', {
      body: { specialist: 'demo', service: t.intro.id, start: '2026-11-23T10:00:00Z', customer: { name: 'A\u0001', email: 'b@example.com', timeZone: 'Europe/Berlin' } },
      headers: { 'accept-language': 'de' },
    });
    expect(german.body.errors[0].message).toContain('Steuerzeichen U+0001');
  });

  it('refuses a name of invisible characters only, as an empty one', async () => {
    const invisible = await booking({ name: '\u200b\u200d' });
    expect(invisible.status).toBe(400);
    expect(invisible.body.errors).toEqual([{ field: 'body.customer.name', message: 'Tell us your name.' }]);
  });

  it('refuses bytes that are not UTF-8, a compressed body and another charset with what to send instead', async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('{"specialist":"demo","notes":"caf'), 0xe9, ...new TextEncoder().encode('"}')]);
    const bytes = await t.app.request('/v1/bookings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: latin1 });
    expect(bytes.status).toBe(400);
    expect(await bytes.json()).toMatchObject({ code: 'invalid_json', detail: 'The body is not valid UTF-8; send JSON encoded as UTF-8.' });
    const gzip = await t.app.request('/v1/bookings', { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: new Uint8Array([0x1f, 0x8b, 8, 0]) });
    expect(gzip.status).toBe(415);
    expect((await gzip.json()).detail).toBe('Send the body uncompressed: Content-Encoding gzip is not accepted.');
    const utf16 = await t.app.request('/v1/bookings', { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-16' }, body: '{}' });
    expect(utf16.status).toBe(415);
    expect((await utf16.json()).detail).toBe('Send the JSON as UTF-8: charset utf-16 is not accepted.');
    const utf8 = await t.app.request('/v1/bookings', { method: 'POST', headers: { 'content-type': 'application/json; charset=UTF-8' }, body: '{"x":1}' });
    expect(utf8.status).toBe(400); // judged as JSON: an unknown key, not a media type
    expect((await utf8.json()).code).toBe('invalid_request');
  });
});

describe('a time zone written in another case', () => {
  it('is kept in the zone database’s own case, for the booking, the profile and the slots answer', async () => {
    const booked = await t.json('/v1/bookings', {
      body: { specialist: 'demo', service: t.intro.id, start: '2026-11-24T09:00:00Z', customer: { name: 'Ada', email: 'zone@example.com', timeZone: 'america/new_york' } },
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    expect(booked.body.booking.customer.timeZone).toBe('America/New_York');
    const me = { authorization: `Bearer ${t.apiKey}` };
    const before = (await t.json('/v1/me', { headers: me })).body.timeZone;
    const profile = await t.json('/v1/me', { method: 'PATCH', body: { timeZone: 'EUROPE/LONDON' }, headers: me });
    expect(profile.body.timeZone).toBe('Europe/London');
    await t.json('/v1/me', { method: 'PATCH', body: { timeZone: before }, headers: me });
    const slots = await t.json(`/v1/specialists/demo/slots?service=${t.intro.id}&from=2026-11-23&to=2026-11-24&timezone=europe/berlin`);
    expect(slots.status).toBe(200);
    expect(slots.body.timeZone).toBe('Europe/Berlin');
  });
});

describe('a query parameter given twice', () => {
  it('is refused naming it, not read as its first value', async () => {
    const me = { authorization: `Bearer ${t.apiKey}` };
    const bookingsTwice = await t.json('/v1/me/bookings?status=confirmed&status=held', { headers: me });
    expect(bookingsTwice.status).toBe(400);
    expect(bookingsTwice.body).toMatchObject({ code: 'invalid_request', errors: [{ field: 'query.status', message: 'Give "status" once: a repeated parameter is not combined.' }] });
    const slotsTwice = await t.json(`/v1/specialists/demo/slots?service=${t.intro.id}&service=${t.intro.id}&from=2026-11-23&to=2026-11-24&timezone=UTC`);
    expect(slotsTwice.status).toBe(400);
    expect(slotsTwice.body.errors[0].field).toBe('query.service');
    expect((await t.json('/v1/me/bookings?status=confirmed', { headers: me })).status).toBe(200);
  });
});
