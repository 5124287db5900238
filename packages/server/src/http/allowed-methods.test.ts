import { problemCodes, routes } from '@slotwise/sdk/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../testing/test-app.js';
import { allowedMethods } from './allowed-methods.js';

// A path the API has, asked with a method it does not take: `405 method_not_allowed` naming the
// methods it takes (and in `Allow`), not "there is no endpoint".

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ now: Date.parse('2026-11-20T12:00:00Z') });
});
afterAll(() => t.close());

describe('a method the path does not take', () => {
  it('answers 405 with Allow, in the caller’s language, and stores nothing', async () => {
    const res = await t.json('/v1/bookings', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.headers.get('allow')).toBe('POST');
    expect(res.body).toMatchObject({ code: 'method_not_allowed', title: problemCodes.method_not_allowed.title, detail: '/v1/bookings does not take DELETE; it takes POST. See /openapi.json.' });

    const slots = await t.json(`/v1/specialists/demo/slots?service=${t.intro.id}`, { method: 'PUT', body: {}, headers: { 'accept-language': 'de' } });
    expect(slots.status).toBe(405);
    expect(slots.headers.get('allow')).toBe('GET, HEAD');
    expect(slots.body.detail).toBe('/v1/specialists/demo/slots nimmt kein PUT an, nur GET, HEAD. Siehe /openapi.json.');
  });

  it('still answers 404 for a path the API does not have, and serves the methods it takes', async () => {
    const nowhere = await t.json('/v1/nowhere', { method: 'DELETE' });
    expect(nowhere.status).toBe(404);
    expect(nowhere.body.code).toBe('not_found');
    expect(nowhere.headers.get('allow')).toBeNull();
    expect((await t.json('/v1/specialists/demo')).status).toBe(200);
  });

  it('knows every route of the contract, at every path it has', () => {
    for (const [name, spec] of Object.entries(routes)) {
      const path = spec.path.replace(/\{\w+\}/g, 'x1');
      expect([name, allowedMethods(path)]).toEqual([name, expect.arrayContaining([spec.method.toUpperCase()])]);
    }
    expect(allowedMethods('/v1/bookings/x1/extra/more')).toEqual([]);
  });
});
