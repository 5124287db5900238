import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../testing/test-app.js';

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
});
