import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { specialists } from '../../db/schema.js';
import { auth, signUp } from '../../testing/accounts.js';
import { connectDemo } from '../../testing/fixtures.js';
import { testApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await testApp({ now: Date.parse('2026-11-20T12:00:00Z') });
  await connectDemo(t.app); // priced services need a connected Stripe account
});
afterEach(() => t.close());

const asDemo = (path: string, init: { method?: string; body?: unknown } = {}, token = t.apiKey) => t.json(path, { ...init, headers: auth(token) });
const version = async () => (await t.database.db.select().from(specialists).where(eq(specialists.handle, 'demo')))[0]!.availabilityVersion;
const slotsOf = (service: string) => t.json(`/v1/specialists/demo/slots?service=${service}&from=2026-11-23&to=2026-11-23&timezone=Europe/Berlin`);
const workshop = { name: 'Portfolio review', durations: [{ minutes: 90, price: 15000 }, { minutes: 45, price: 8000 }] };

describe('creating and reading services', () => {
  it('creates a service with the defaults, offered at once in the profile and the slots', async () => {
    const before = await version();
    const created = await asDemo('/v1/me/services', { body: workshop });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ...workshop,
      description: '',
      currency: 'EUR',
      active: true,
      slotStep: null,
      bufferBefore: 0,
      minNotice: 0,
      cancelUntilHours: 24,
      rescheduleUntilHours: 24,
      maxReschedules: 2,
      fullRefundHours: 48,
      partialRefundHours: 24,
      partialRefundPercent: 50,
    });
    expect(created.body.id).toMatch(/^svc_/);
    expect(await version()).toBe(before + 1);
    const profile = (await t.json('/v1/specialists/demo')).body;
    expect(profile.services.map((s: { name: string }) => s.name)).toEqual(['Intro call', 'Coaching session', 'Portfolio review']);
    const slots = await slotsOf(created.body.id);
    expect(slots.body.duration).toBe(90);
    expect(slots.body.days[0].slots[0].start).toBe('2026-11-23T08:00:00Z');
    expect((await asDemo(`/v1/me/services/${created.body.id}`)).body).toEqual(created.body);
    expect((await asDemo('/v1/me/services')).body.data.map((s: { id: string }) => s.id)).toContain(created.body.id);
  });

  it('takes every rule and policy field on creation', async () => {
    const body = {
      ...workshop,
      description: 'Bring your work.',
      currency: 'USD',
      slotStep: 30,
      bufferBefore: 10,
      bufferAfter: 15,
      minNotice: 720,
      maxAdvanceDays: 60,
      maxPerDay: 2,
      maxPerWeek: 5,
      cancelUntilHours: 12,
      rescheduleUntilHours: 6,
      maxReschedules: 0,
      fullRefundHours: 72,
      partialRefundHours: 72,
      partialRefundPercent: 0,
    };
    const created = await asDemo('/v1/me/services', { body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject(body);
  });

  it('refuses bad policies and fields a client may not set', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ partialRefundPercent: 101 }, 'body.partialRefundPercent'],
      [{ cancelUntilHours: -1 }, 'body.cancelUntilHours'],
      [{ maxReschedules: 1.5 }, 'body.maxReschedules'],
      [{ fullRefundHours: 12, partialRefundHours: 24 }, 'body.partialRefundHours'],
      [{ partialRefundHours: 49 }, 'body.partialRefundHours'], // against the default full-refund 48 hours
      [{ durations: [] }, 'body.durations'],
      [{ durations: [{ minutes: 30, price: 0 }, { minutes: 30, price: 100 }] }, 'body.durations'],
      [{ price: 0 }, 'body.price'],
    ];
    for (const [extra, field] of cases) {
      const res = await asDemo('/v1/me/services', { body: { ...workshop, ...extra } });
      expect(res.status, JSON.stringify(extra)).toBe(400);
      expect(res.body.errors[0].field, JSON.stringify(extra)).toBe(field);
    }
    for (const field of ['id', 'specialistId', 'active', 'position', 'createdAt']) {
      expect((await asDemo('/v1/me/services', { body: { ...workshop, [field]: 'x' } })).status, field).toBe(400);
    }
    expect((await asDemo('/v1/me/services')).body.data).toHaveLength(2);
  });
});

describe('prices the processor accepts', () => {
  it('refuses a price below the currency’s minimum charge or above the maximum, on services and packages, storing nothing', async () => {
    const cases = [
      { durations: [{ minutes: 30, price: 49 }], currency: 'EUR', field: 'body.durations.0.price', why: /smallest price .* EUR is 0\.50 EUR \(50 in minor units\)/ },
      { durations: [{ minutes: 30, price: 0 }, { minutes: 60, price: 29 }], currency: 'GBP', field: 'body.durations.1.price', why: /GBP is 0\.30 GBP \(30 in minor units\)/ },
      { durations: [{ minutes: 30, price: 100_000_000 }], currency: 'USD', field: 'body.durations.0.price', why: /at most 999,999\.99 \(99999999 in minor units/ },
      { durations: [{ minutes: 30, price: 5000 }], currency: 'XYZ', field: 'body.durations.0.price', why: /only be used for free/ },
    ];
    for (const { field, why, ...body } of cases) {
      const res = await asDemo('/v1/me/services', { body: { name: 'Cheap', ...body } });
      expect({ body, status: res.status, field: res.body.errors?.[0]?.field }).toEqual({ body, status: 400, field });
      expect(res.body.detail).toMatch(why);
    }
    expect((await asDemo('/v1/me/services')).body.data.map((s: { name: string }) => s.name)).not.toContain('Cheap');
    // A free option in any currency, and the minimum itself, are fine.
    expect((await asDemo('/v1/me/services', { body: { name: 'Free chat', currency: 'XYZ', durations: [{ minutes: 15, price: 0 }] } })).status).toBe(201);
    expect((await asDemo('/v1/me/services', { body: { name: 'Tiny', currency: 'EUR', durations: [{ minutes: 15, price: 50 }] } })).status).toBe(201);
    // An update is held to the same rule, against the service's own currency.
    expect((await asDemo(`/v1/me/services/${t.session.id}`, { method: 'PATCH', body: { durations: [{ minutes: 60, price: 10 }] } })).body.errors[0].field).toBe('body.durations.0.price');

    const pkg = await asDemo('/v1/me/packages', { body: { name: 'Cheap pack', sessionCount: 3, serviceIds: [t.session.id], price: 20, validityDays: 30 } });
    expect(pkg.body).toMatchObject({ status: 400, errors: [{ field: 'body.price' }] });
  });
});

describe('updating services', () => {
  it('changes name, prices, rules and policy, and bumps the availability version', async () => {
    const before = await version();
    const res = await asDemo(`/v1/me/services/${t.session.id}`, {
      method: 'PATCH',
      body: { name: 'Deep dive', durations: [{ minutes: 60, price: 12000 }], slotStep: 30, cancelUntilHours: 48, partialRefundPercent: 25 },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Deep dive', durations: [{ minutes: 60, price: 12000 }], slotStep: 30, cancelUntilHours: 48, partialRefundPercent: 25, fullRefundHours: 48 });
    expect(await version()).toBe(before + 1);
    expect((await t.json('/v1/specialists/demo')).body.services[1]).toMatchObject({ name: 'Deep dive', durations: [{ minutes: 60, price: 12000 }] });
  });

  it('checks the refund tiers against the stored ones', async () => {
    const res = await asDemo(`/v1/me/services/${t.session.id}`, { method: 'PATCH', body: { fullRefundHours: 12 } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'body.partialRefundHours', message: expect.stringContaining('no earlier than the full refund\'s (12 hours before the start)') }]);
    const both = await asDemo(`/v1/me/services/${t.session.id}`, { method: 'PATCH', body: { fullRefundHours: 12, partialRefundHours: 6 } });
    expect(both.status).toBe(200);
  });

  it('refuses an unknown field in an update', async () => {
    const res = await asDemo(`/v1/me/services/${t.session.id}`, { method: 'PATCH', body: { specialistId: 'sp_other' } });
    expect(res.status).toBe(400);
  });
});

describe('archiving services', () => {
  it('takes an archived service out of the profile and its slots; its bookings keep it', async () => {
    const booked = await t.json('/v1/bookings', {
      body: { specialist: 'demo', service: t.session.id, start: '2026-11-24T09:00:00Z', customer: { name: 'Ada', email: 'ada@example.com', timeZone: 'Europe/London' } },
    });
    expect(booked.status).toBe(201);
    await t.app.deliveries.idle(); // its meeting is recorded (a booking change) after the answer
    const before = await version();
    const archived = await asDemo(`/v1/me/services/${t.session.id}`, { method: 'DELETE' });
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ id: t.session.id, active: false });
    expect(await version()).toBe(before + 1);

    expect((await t.json('/v1/specialists/demo')).body.services.map((s: { id: string }) => s.id)).toEqual([t.intro.id]);
    const slots = await slotsOf(t.session.id);
    expect(slots.status).toBe(404);
    expect(slots.body.code).toBe('service_not_found');
    const book = await t.json('/v1/bookings', {
      body: { specialist: 'demo', service: t.session.id, start: '2026-11-25T09:00:00Z', customer: { name: 'Bo', email: 'bo@example.com', timeZone: 'Europe/London' } },
    });
    expect(book.status).toBe(404);
    const kept = await t.json(`/v1/bookings/${booked.body.booking.id}`, { headers: auth(booked.body.manageToken) });
    expect(kept.status).toBe(200);
    expect(kept.body.service).toEqual({ id: t.session.id, name: 'Coaching session' });
    // The specialist still sees it, archived, and can offer it again.
    expect((await asDemo(`/v1/me/services/${t.session.id}`)).body.active).toBe(false);
    const restored = await asDemo(`/v1/me/services/${t.session.id}`, { method: 'PATCH', body: { active: true } });
    expect(restored.body.active).toBe(true);
    expect((await slotsOf(t.session.id)).status).toBe(200);
  });
});

describe('services are scoped to their specialist', () => {
  it('answers 404 to another specialist for every service id, and changes nothing', async () => {
    const other = await signUp(t, 'mallory');
    expect((await asDemo('/v1/me/services', {}, other.accessToken)).body.data).toEqual([]);
    const probes = [
      ['GET', undefined],
      ['PATCH', { name: 'Hijacked', durations: [{ minutes: 30, price: 99999 }] }],
      ['DELETE', undefined],
    ] as const;
    for (const [method, body] of probes) {
      const res = await asDemo(`/v1/me/services/${t.intro.id}`, { method, body }, other.accessToken);
      expect(res.status, method).toBe(404);
      expect(res.body.code).toBe('service_not_found');
    }
    const intro = (await asDemo(`/v1/me/services/${t.intro.id}`)).body;
    expect(intro).toMatchObject({ name: 'Intro call', active: true, durations: [{ minutes: 30, price: 0 }] });
    // Mallory's own (free: she has no Stripe account) service is hers alone.
    const mine = await asDemo('/v1/me/services', { body: { ...workshop, durations: [{ minutes: 90, price: 0 }] } }, other.accessToken);
    expect(mine.body.currency).toBe('EUR');
    expect((await asDemo(`/v1/me/services/${mine.body.id}`)).status).toBe(404);
    expect((await t.json('/v1/specialists/mallory')).body.services).toHaveLength(1);
  });
});
