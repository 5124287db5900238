import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addSpecialist, connectDemo } from '../../testing/fixtures.js';
import { testApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let asMe: Record<string, string>;
beforeEach(async () => {
  t = await testApp({ now: Date.parse('2026-11-20T12:00:00Z') }); // offline payments; demo not connected to Stripe
  asMe = { authorization: `Bearer ${t.apiKey}` };
});
afterEach(() => t.close());

const five = (serviceIds: string[], extra: Record<string, unknown> = {}) => ({ name: 'Five sessions', sessionCount: 5, serviceIds, price: 0, validityDays: 90, ...extra });
const create = (body: unknown, headers = asMe) => t.json('/v1/me/packages', { body, headers });
const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

describe('a specialist’s packages', () => {
  it('creates, lists, reads, changes and archives a package, defaulting the currency to the profile’s', async () => {
    const created = await create(five([t.session.id], { description: '  Five coaching hours  ' }));
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^pkg_/),
      name: 'Five sessions',
      description: 'Five coaching hours',
      sessionCount: 5,
      services: [t.session.id],
      price: 0,
      currency: 'EUR',
      validityDays: 90,
      active: true,
      createdAt: '2026-11-20T12:00:00Z',
    });
    const id = created.body.id;
    expect((await t.json(`/v1/me/packages/${id}`, { headers: asMe })).body).toEqual(created.body);
    const changed = await t.json(`/v1/me/packages/${id}`, { method: 'PATCH', body: { sessionCount: 10, serviceIds: [t.intro.id, t.session.id] }, headers: asMe });
    expect(changed.body).toMatchObject({ sessionCount: 10, services: [t.intro.id, t.session.id], name: 'Five sessions' });
    const archived = await t.json(`/v1/me/packages/${id}`, { method: 'DELETE', headers: asMe });
    expect(archived.body.active).toBe(false);
    const list = await t.json('/v1/me/packages', { headers: asMe });
    expect(list.body.data.map((p: { id: string; active: boolean }) => [p.id, p.active])).toEqual([[id, false]]);
  });

  it('refuses counts, validity and service lists outside their bounds, naming each field', async () => {
    const bad = await create({ name: ' ', sessionCount: 0, serviceIds: [], price: -1, validityDays: 1096, extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid_request');
    expect(fieldsOf(bad.body)).toEqual(expect.arrayContaining(['body.name', 'body.sessionCount', 'body.serviceIds', 'body.price', 'body.validityDays', 'body.extra']));
    expect((await create(five([t.session.id], { sessionCount: 101 }))).status).toBe(400);
    expect((await create(five([t.session.id], { validityDays: 0 }))).status).toBe(400);
    expect((await create(five([t.session.id], { sessionCount: 2.5 }))).status).toBe(400);
    const twice = await create(five([t.session.id, t.session.id]));
    expect(fieldsOf(twice.body)).toEqual(['body.serviceIds']);
    expect((await create(five([t.session.id], { sessionCount: 100, validityDays: 1095 }))).status).toBe(201);
    expect((await create(five([t.session.id], { sessionCount: 1, validityDays: 1 }))).status).toBe(201);
  });

  it('accepts only the caller’s own active services, naming the one that is not', async () => {
    const other = await addSpecialist(t.database, 'other');
    const foreign = await create(five([t.session.id, other.service.id]));
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('service_not_found');
    expect(fieldsOf(foreign.body)).toEqual(['body.serviceIds.1']);
    await t.json(`/v1/me/services/${t.intro.id}`, { method: 'DELETE', headers: asMe });
    const archived = await create(five([t.intro.id]));
    expect(fieldsOf(archived.body)).toEqual(['body.serviceIds.0']);
    const pkg = (await create(five([t.session.id]))).body;
    const patched = await t.json(`/v1/me/packages/${pkg.id}`, { method: 'PATCH', body: { serviceIds: ['svc_nope'] }, headers: asMe });
    expect(patched.status).toBe(404);
    expect((await t.json(`/v1/me/packages/${pkg.id}`, { headers: asMe })).body.services).toEqual([t.session.id]);
  });

  it('sells a priced package only with a connected Stripe account', async () => {
    const priced = await create(five([t.session.id], { price: 40000 }));
    expect(priced.status).toBe(409);
    expect(priced.body.code).toBe('stripe_account_required');
    expect(fieldsOf(priced.body)).toEqual(['body.price']);
    const free = (await create(five([t.session.id]))).body;
    expect((await t.json(`/v1/me/packages/${free.id}`, { method: 'PATCH', body: { price: 100 }, headers: asMe })).status).toBe(409);
    // An archived package may carry a price: it is not on sale.
    expect((await t.json(`/v1/me/packages/${free.id}`, { method: 'PATCH', body: { price: 100, active: false }, headers: asMe })).status).toBe(200);
    await connectDemo(t.app);
    expect((await create(five([t.session.id], { price: 40000, currency: 'USD' }))).body).toMatchObject({ price: 40000, currency: 'USD' });
  });

  it('keeps every specialist’s packages to themselves: another one’s is a 404', async () => {
    const mine = (await create(five([t.session.id]))).body;
    const other = await addSpecialist(t.database, 'other');
    const asOther = { authorization: `Bearer ${other.apiKey}` };
    expect((await t.json(`/v1/me/packages/${mine.id}`, { headers: asOther })).body.code).toBe('package_not_found');
    expect((await t.json(`/v1/me/packages/${mine.id}`, { method: 'PATCH', body: { name: 'Mine now' }, headers: asOther })).status).toBe(404);
    expect((await t.json(`/v1/me/packages/${mine.id}`, { method: 'DELETE', headers: asOther })).status).toBe(404);
    expect((await t.json('/v1/me/packages', { headers: asOther })).body.data).toEqual([]);
    expect((await t.json(`/v1/me/packages/${mine.id}`, { headers: asMe })).body).toMatchObject({ name: 'Five sessions', active: true });
    expect((await t.json('/v1/me/packages')).status).toBe(401);
  });
});

describe('the public profile', () => {
  it('lists the packages on sale with the active services they include, and nothing else', async () => {
    const both = (await create(five([t.intro.id, t.session.id], { description: 'Any session' }))).body;
    const archived = (await create(five([t.session.id], { name: 'Old offer' }))).body;
    await t.json(`/v1/me/packages/${archived.id}`, { method: 'DELETE', headers: asMe });
    const introOnly = (await create(five([t.intro.id], { name: 'Intro only' }))).body;
    await t.json(`/v1/me/services/${t.intro.id}`, { method: 'DELETE', headers: asMe }); // its only service is gone

    const profile = await t.json('/v1/specialists/demo');
    expect(profile.body.packages).toEqual([
      { id: both.id, name: 'Five sessions', description: 'Any session', sessionCount: 5, services: [t.session.id], price: 0, currency: 'EUR', validityDays: 90 },
    ]);
    expect(profile.body.packages.map((p: { id: string }) => p.id)).not.toContain(introOnly.id);
  });
});
