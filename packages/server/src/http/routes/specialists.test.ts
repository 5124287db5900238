import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await testApp({ now: Date.parse('2026-11-20T12:00:00Z') }); // a Friday, 13:00 in Berlin
});
afterEach(() => t.close());

describe('GET /v1/specialists/:handle', () => {
  it('shows the public profile with active services, prices and durations', async () => {
    const res = await t.json('/v1/specialists/demo');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ handle: 'demo', timeZone: 'Europe/Berlin' });
    expect(res.body.services.map((s: { name: string; durations: unknown }) => [s.name, s.durations])).toEqual([
      ['Intro call', [{ minutes: 30, price: 0 }]],
      ['Coaching session', [{ minutes: 60, price: 0 }]],
    ]);
    expect(res.body.services[0]).toMatchObject({ currency: 'EUR' });
  });

  it('answers an unknown handle with a 404 problem document', async () => {
    const res = await t.json('/v1/specialists/nobody-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body).toMatchObject({ code: 'specialist_not_found', status: 404 });
    expect(res.body.detail).toContain('nobody-here');
  });

  it('rejects a handle that cannot exist with a 400 naming the field', async () => {
    const res = await t.json('/v1/specialists/Not_A_Handle');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('params.handle');
  });
});

describe('GET /v1/specialists/:handle/slots', () => {
  const slots = (query: string) => t.json(`/v1/specialists/demo/slots?${query}`);

  it('lists open times from the next working day, grouped by the visitor’s dates', async () => {
    const res = await slots(`service=${t.intro.id}&from=2026-11-20&to=2026-11-24&timezone=America/New_York`);
    expect(res.status).toBe(200);
    // Friday after 13:00 Berlin: 13:30…16:30; the weekend is closed; Monday and Tuesday are full days.
    expect(res.body.days.map((d: { date: string }) => d.date)).toEqual(['2026-11-20', '2026-11-23', '2026-11-24']);
    const friday = res.body.days[0].slots;
    expect(friday[0]).toEqual({ start: '2026-11-20T12:30:00Z', end: '2026-11-20T13:00:00Z' });
    expect(friday.at(-1)).toEqual({ start: '2026-11-20T15:30:00Z', end: '2026-11-20T16:00:00Z' });
    expect(res.body.days[1].slots).toHaveLength(16);
    expect(res.body).toMatchObject({ duration: 30, timeZone: 'America/New_York', from: '2026-11-20', to: '2026-11-24' });
  });

  it('puts a Berlin morning on the visitor’s previous date when they are far west', async () => {
    const res = await slots(`service=${t.session.id}&from=2026-11-22&to=2026-11-23&timezone=Pacific/Honolulu`);
    // 09:00 Berlin on Monday 23rd is 22:00 on Sunday 22nd in Honolulu.
    expect(res.body.days[0]).toMatchObject({ date: '2026-11-22' });
    expect(res.body.days[0].slots[0]).toEqual({ start: '2026-11-23T08:00:00Z', end: '2026-11-23T09:00:00Z' });
  });

  it('answers bad queries with clear problem documents', async () => {
    const cases: [string, number, string, string?][] = [
      [`service=${t.intro.id}&from=2026-02-30`, 400, 'invalid_request', 'query.from'],
      [`service=${t.intro.id}&from=tomorrow`, 400, 'invalid_request', 'query.from'],
      [`service=${t.intro.id}&timezone=Mars/Olympus`, 400, 'invalid_request', 'query.timezone'],
      [`service=${t.intro.id}&duration=45`, 422, 'duration_not_offered', 'query.duration'],
      [`service=${t.intro.id}&duration=abc`, 400, 'invalid_request', 'query.duration'],
      [`service=${t.intro.id}&from=2026-12-10&to=2026-12-01`, 422, 'invalid_range', 'query.to'],
      [`service=${t.intro.id}&from=2026-12-01&to=2027-03-01`, 422, 'invalid_range', 'query.to'],
      ['service=svc_unknown', 404, 'service_not_found', 'query.service'],
      ['', 400, 'invalid_request', 'query.service'],
    ];
    for (const [query, status, code, field] of cases) {
      const res = await slots(query);
      expect({ query, status: res.status, code: res.body.code }).toEqual({ query, status, code });
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      if (field) expect(res.body.errors?.[0]?.field).toBe(field);
      expect(res.body.detail.length).toBeGreaterThan(10);
    }
  });

  it('accepts a window of exactly 62 days', async () => {
    const res = await slots(`service=${t.intro.id}&from=2026-12-01&to=2027-01-31`);
    expect(res.status).toBe(200);
  });
});
