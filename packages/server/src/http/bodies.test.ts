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
