import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auth, signUp } from '../../testing/accounts.js';
import { connectDemo } from '../../testing/fixtures.js';
import { testApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await testApp({ now: Date.parse('2026-11-20T12:00:00Z') });
  await connectDemo(t.app);
  // The demo's second service, priced: 60 minutes for €90.00.
  expect((await asDemo(`/v1/me/services/${t.session.id}`, { method: 'PATCH', body: { durations: [{ minutes: 60, price: 9000 }] } })).status).toBe(200);
});
afterEach(() => t.close());

const asDemo = (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) => t.json(path, { ...init, headers: { ...auth(t.apiKey), ...init.headers } });
const check = (code: string, service = t.session.id, headers: Record<string, string> = {}) => t.json(`/v1/specialists/demo/promo-codes/${encodeURIComponent(code)}?service=${service}`, { headers });

describe('a specialist’s promo codes', () => {
  it('creates a code, lists it with its uses, and deactivates it', async () => {
    const created = await asDemo('/v1/me/promo-codes', { body: { code: 'Spring25', kind: 'percent', value: 25, maxRedemptions: 10, validUntil: '2026-12-31T23:00:00Z' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'Spring25', kind: 'percent', value: 25, currency: null, serviceIds: null, maxRedemptions: 10, maxPerCustomer: null, firstBookingOnly: false, active: true, redemptions: 0, validUntil: '2026-12-31T23:00:00Z' });
    expect(created.body.id).toMatch(/^promo_/);
    expect((await asDemo('/v1/me/promo-codes')).body.data.map((c: { code: string }) => c.code)).toEqual(['Spring25']);
    const off = await asDemo(`/v1/me/promo-codes/${created.body.id}`, { method: 'DELETE' });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await check('SPRING25')).body.code).toBe('promo_code_unknown');
  });

  it('changes a code’s end and limits, makes a stopped one usable again, and refuses an end before its start or an empty change', async () => {
    const created = await asDemo('/v1/me/promo-codes', { body: { code: 'AUTUMN', kind: 'percent', value: 10, validFrom: '2026-11-01T00:00:00Z' } });
    const id = created.body.id as string;
    const patch = (body: unknown, headers: Record<string, string> = {}) => asDemo(`/v1/me/promo-codes/${id}`, { method: 'PATCH', body, headers });

    // Stopped, then usable again.
    expect((await asDemo(`/v1/me/promo-codes/${id}`, { method: 'DELETE' })).body.active).toBe(false);
    expect((await check('AUTUMN')).body.code).toBe('promo_code_unknown');
    const again = await patch({ active: true });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ code: 'AUTUMN', active: true, value: 10 });
    expect((await check('AUTUMN')).body).toMatchObject({ total: 8100 });

    // An end already past (the clock is 2026-11-20): the check says so; no end: usable again.
    expect((await patch({ validUntil: '2026-11-15T00:00:00Z', maxRedemptions: 5, maxPerCustomer: 1 })).body).toMatchObject({ validUntil: '2026-11-15T00:00:00Z', maxRedemptions: 5, maxPerCustomer: 1 });
    expect((await check('AUTUMN')).body.code).toBe('promo_code_expired');
    expect((await patch({ validUntil: null, maxRedemptions: null })).body).toMatchObject({ validUntil: null, maxRedemptions: null, maxPerCustomer: 1 });
    expect((await check('AUTUMN')).status).toBe(200);

    // An end before the code's start, and a change of nothing: refused, nothing stored.
    const backwards = await patch({ validUntil: '2026-10-01T00:00:00Z' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([{ field: 'body.validUntil', message: 'Make the last day (validUntil) later than the first (validFrom).' }]);
    const empty = await patch({}, { 'accept-language': 'de' });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].message).toBe('Senden Sie active, validUntil, maxRedemptions oder maxPerCustomer.');
    // The text and the discount are not for changing.
    expect((await patch({ value: 50 })).status).toBe(400);
    expect((await asDemo('/v1/me/promo-codes')).body.data).toMatchObject([{ id, value: 10, validUntil: null, maxPerCustomer: 1, active: true }]);
    expect((await asDemo('/v1/me/promo-codes/promo_nope', { method: 'PATCH', body: { active: true } })).status).toBe(404);
  });

  it('keeps codes unique per specialist whatever their case', async () => {
    expect((await asDemo('/v1/me/promo-codes', { body: { code: 'WELCOME', kind: 'amount', value: 1000 } })).status).toBe(201);
    const again = await asDemo('/v1/me/promo-codes', { body: { code: 'welcome', kind: 'percent', value: 10 } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'promo_code_taken', errors: [{ field: 'body.code' }] });
    expect((await asDemo('/v1/me/promo-codes')).body.data).toHaveLength(1);
    // Another specialist may have the same text.
    const other = await signUp(t, 'mallory');
    expect((await t.json('/v1/me/promo-codes', { body: { code: 'welcome', kind: 'percent', value: 10 }, headers: auth(other.accessToken) })).status).toBe(201);
  });

  it('refuses a percentage above 100, an empty window, an end already past and a service that is not the caller’s, storing nothing', async () => {
    const over = await asDemo('/v1/me/promo-codes', { body: { code: 'TOOMUCH', kind: 'percent', value: 101 } });
    expect(over.status).toBe(400);
    expect(over.body.errors).toEqual([{ field: 'body.value', message: 'A percent code takes off 1 to 100 percent.' }]);
    const window = await asDemo('/v1/me/promo-codes', { body: { code: 'BACKWARDS', kind: 'percent', value: 10, validFrom: '2026-12-01T00:00:00Z', validUntil: '2026-11-01T00:00:00Z' } });
    expect(window.status).toBe(400);
    // An end already past (the clock is 2026-11-20): a code that could never be used.
    const ended = await asDemo('/v1/me/promo-codes', { body: { code: 'BYGONE', kind: 'percent', value: 10, validUntil: '2026-11-20T00:00:00Z' }, headers: { 'accept-language': 'fr' } });
    expect(ended.status).toBe(400);
    expect(ended.body.errors).toEqual([{ field: 'body.validUntil', message: 'La fin est déjà passée : le code ne pourrait jamais servir. Indiquez une fin plus tardive, ou aucune pour un code sans fin.' }]);
    const foreign = await asDemo('/v1/me/promo-codes', { body: { code: 'ELSEWHERE', kind: 'percent', value: 10, serviceIds: ['svc_nope'] } });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({ code: 'service_not_found', errors: [{ field: 'body.serviceIds.0' }] });
    expect((await asDemo('/v1/me/promo-codes')).body.data).toEqual([]);
  });

  it('shows and changes a specialist’s codes to that specialist only', async () => {
    const created = await asDemo('/v1/me/promo-codes', { body: { code: 'MINE', kind: 'percent', value: 10 } });
    const other = await signUp(t, 'mallory');
    expect((await t.json('/v1/me/promo-codes', { headers: auth(other.accessToken) })).body.data).toEqual([]);
    const theirs = await t.json(`/v1/me/promo-codes/${created.body.id}`, { method: 'DELETE', headers: auth(other.accessToken) });
    expect(theirs.status).toBe(404);
    expect(theirs.body.code).toBe('promo_code_not_found');
    expect((await check('MINE')).status).toBe(200);
    expect((await t.json('/v1/me/promo-codes')).status).toBe(401);
  });
});

describe('checking a code before booking', () => {
  it('answers the price after the code, matching whatever the case', async () => {
    await asDemo('/v1/me/promo-codes', { body: { code: 'Spring25', kind: 'percent', value: 25, firstBookingOnly: true } });
    const res = await check('spring25');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 'Spring25', price: 9000, amountOff: 2250, total: 6750, currency: 'EUR', firstBookingOnly: true });
    expect(res.headers.get('cache-control')).toBe('private, no-store');
  });

  it('says why a code cannot be used, in the customer’s language', async () => {
    await asDemo('/v1/me/promo-codes', { body: { code: 'INTRO', kind: 'amount', value: 500, serviceIds: [t.intro.id] } });
    await asDemo('/v1/me/promo-codes', { body: { code: 'LATER', kind: 'percent', value: 10, validFrom: '2026-12-01T00:00:00Z' } });
    const unknown = await check('NOPE');
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'promo_code_unknown', detail: '"NOPE" is not a promo code of this specialist. Check its spelling, or book without it.' });
    const service = await check('intro');
    expect(service.body).toMatchObject({ code: 'promo_code_not_for_service', detail: 'The promo code "INTRO" does not apply to "Coaching session". Choose a service it covers, or book without it.' });
    const early = await check('LATER', t.session.id, { 'accept-language': 'de' });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: 'promo_code_expired', detail: 'Der Rabattcode „LATER“ kann zu diesem Zeitpunkt nicht verwendet werden. Buchen Sie ohne Code.' });
    t.setNow(Date.parse('2026-12-01T00:00:00Z'));
    expect((await check('LATER')).body.total).toBe(8100);
  });
});
