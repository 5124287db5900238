import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../services/limits.js';
import { testApp, type TestApp } from '../../testing/test-app.js';

// What one specialist may keep is bounded (services/limits.ts): past the limit a create is a 409
// `limit_reached` that says what to do, nothing is written, and removing one makes room again.
// Free accounts could otherwise make every slots miss of theirs expand thousands of rules on the
// one event loop all tenants share.

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ now: Date.parse('2026-11-20T12:00:00Z') });
});
afterAll(() => t.close());

const asMe = (path: string, init: { method?: string; body?: unknown } = {}) => t.json(path, { ...init, headers: { authorization: `Bearer ${t.apiKey}` } });

/** Creates through `path` until `count` exist (bodies from `body(i)`), every answer a 201. */
async function fill(path: string, from: number, count: number, body: (i: number) => unknown): Promise<string[]> {
  const ids: string[] = [];
  for (let i = from; i < count; i++) {
    const res = await asMe(path, { body: body(i) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids.push(res.body.id);
  }
  return ids;
}

function expectLimit(res: { status: number; headers: Headers; body: { code: string; detail: string } }, detail: RegExp): void {
  expect(res.status).toBe(409);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.body.code).toBe('limit_reached');
  expect(res.body.detail).toMatch(detail);
}

const rule = (i: number) => ({ rrule: `FREQ=WEEKLY;BYDAY=SA;INTERVAL=${(i % 9) + 1}`, anchor: '2026-11-21', start: '10:00', end: '12:00' });

// Each test makes up to a thousand writes one after another: a hang guard of a minute, not vitest's
// 5 s (the promo codes' test took 5.9 s in a CI run on a loaded machine).
describe('limits per specialist', { timeout: 60_000 }, () => {
  it(`recurring rules: ${LIMITS.recurring}, checked in the write itself (of four at once at the last place, one gets it)`, async () => {
    const ids = await fill('/v1/me/availability/recurring', 0, LIMITS.recurring - 1, rule);
    const racing = await Promise.all([1, 2, 3, 4].map((i) => asMe('/v1/me/availability/recurring', { body: rule(i) })));
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    const refused = await asMe('/v1/me/availability/recurring', { body: rule(0) });
    expectLimit(refused, new RegExp(`You have ${LIMITS.recurring} recurring rules.*remove one first`));
    expect((await asMe('/v1/me/availability')).body.recurring).toHaveLength(LIMITS.recurring);
    expect((await asMe(`/v1/me/availability/recurring/${ids[0]}`, { method: 'DELETE' })).status).toBe(200);
    expect((await asMe('/v1/me/availability/recurring', { body: rule(0) })).status).toBe(201);
  });

  it(`date overrides: ${LIMITS.overrides}`, async () => {
    const day = (i: number) => new Date(Date.parse('2026-12-01T00:00:00Z') + i * 86_400_000).toISOString().slice(0, 10);
    const ids = await fill('/v1/me/availability/overrides', 0, LIMITS.overrides, (i) => ({ from: day(i), intervals: [] }));
    const refused = await asMe('/v1/me/availability/overrides', { body: { from: '2026-11-30', intervals: [] } });
    expectLimit(refused, new RegExp(`You have ${LIMITS.overrides} date overrides.*remove ones whose dates have passed`));
    expect((await asMe('/v1/me/availability')).body.overrides).toHaveLength(LIMITS.overrides);
    expect((await asMe(`/v1/me/availability/overrides/${ids[0]}`, { method: 'DELETE' })).status).toBe(200);
    expect((await asMe('/v1/me/availability/overrides', { body: { from: '2026-11-30', intervals: [] } })).status).toBe(201);
  });

  it(`services: ${LIMITS.services}, archived ones included`, async () => {
    const existing = (await asMe('/v1/me/services')).body.data.length as number;
    await fill('/v1/me/services', existing, LIMITS.services, (i) => ({ name: `Session ${i}`, durations: [{ minutes: 30, price: 0 }] }));
    const archived = (await asMe(`/v1/me/services/${t.intro.id}`, { method: 'PATCH', body: { active: false } }));
    expect(archived.status).toBe(200);
    const refused = await asMe('/v1/me/services', { body: { name: 'One more', durations: [{ minutes: 30, price: 0 }] } });
    expectLimit(refused, new RegExp(`You have ${LIMITS.services} services`));
    const names = ((await asMe('/v1/me/services')).body.data as { name: string }[]).map((s) => s.name);
    expect(names).toHaveLength(LIMITS.services);
    expect(names).not.toContain('One more');
    expect((await asMe(`/v1/me/services/${t.intro.id}`, { method: 'PATCH', body: { active: true } })).status).toBe(200);
  });

  it(`packages: ${LIMITS.packages}; promo codes: ${LIMITS.promo_codes}`, async () => {
    const pack = (i: number) => ({ name: `Pack ${i}`, sessionCount: 2, serviceIds: [t.intro.id], price: 0, validityDays: 30 });
    await fill('/v1/me/packages', 0, LIMITS.packages, pack);
    expectLimit(await asMe('/v1/me/packages', { body: pack(LIMITS.packages) }), new RegExp(`You have ${LIMITS.packages} packages`));
    expect((await asMe('/v1/me/packages')).body.data).toHaveLength(LIMITS.packages);

    const code = (i: number) => ({ code: `SAVE${i}`, kind: 'percent', value: 10 });
    await fill('/v1/me/promo-codes', 0, LIMITS.promo_codes, code);
    expectLimit(await asMe('/v1/me/promo-codes', { body: code(LIMITS.promo_codes) }), new RegExp(`You have ${LIMITS.promo_codes} promo codes`));
  });
});
