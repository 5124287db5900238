import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../testing/test-app.js';

// The widget's first paint in one round trip: the profile with the preselected service's first
// open times (`include=slots`), equal to what the slots endpoint answers for that month.

let t: TestApp;
beforeEach(async () => {
  t = await testApp({ now: Date.parse('2026-11-20T12:00:00Z') }); // a Friday, 13:00 in Berlin
});
afterEach(() => t.close());

const profile = (query: string) => t.json(`/v1/specialists/demo?${query}`);

describe('GET /v1/specialists/:handle?include=slots', () => {
  it('embeds the named service’s open times for the rest of this month, the same answer as the slots endpoint', async () => {
    const res = await profile('include=slots&service=intro-call&timezone=America/New_York');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.body.services).toHaveLength(2);
    expect(res.body.slots).toMatchObject({ service: t.intro.id, duration: 30, timeZone: 'America/New_York', from: '2026-11-20', to: '2026-11-30' });
    const direct = await t.json(`/v1/specialists/demo/slots?service=${t.intro.id}&duration=30&from=2026-11-20&to=2026-11-30&timezone=America/New_York`);
    expect(res.body.slots).toEqual(direct.body);
    expect(res.body.slots.days[0].slots[0]).toEqual({ start: '2026-11-20T12:30:00Z', end: '2026-11-20T13:00:00Z' });
  });

  it('names the service by id or by its name in any case and accents, and honours an offered duration', async () => {
    expect((await profile(`include=slots&service=${t.session.id}`)).body.slots.service).toBe(t.session.id);
    expect((await profile('include=slots&service=Coaching%20Session')).body.slots).toMatchObject({ service: t.session.id, duration: 60 });
    // A duration the service does not offer falls back to its first rather than failing the profile.
    expect((await profile('include=slots&service=intro-call&duration=45')).body.slots.duration).toBe(30);
  });

  it('preselects nothing among several services unless one is named, nor an unknown one, nor without include', async () => {
    for (const query of ['include=slots', 'include=slots&service=no-such-service', `service=${t.intro.id}`]) {
      const res = await profile(query);
      expect(res.status, query).toBe(200);
      expect(res.body.slots, query).toBeUndefined();
      expect(res.body.services, query).toHaveLength(2);
    }
  });

  it('preselects a specialist’s only service, looking ahead to the next month with an open day', async () => {
    const auth = { authorization: `Bearer ${t.apiKey}` };
    expect((await t.json(`/v1/me/services/${t.session.id}`, { method: 'DELETE', headers: auth })).status).toBeLessThan(300);
    // The rest of November closed: the calendar opens on December.
    const closed = await t.json('/v1/me/availability/overrides', { body: { from: '2026-11-20', to: '2026-11-30', intervals: [] }, headers: auth });
    expect(closed.status, JSON.stringify(closed.body)).toBeLessThan(300);
    const res = await profile('include=slots&timezone=Europe/Berlin');
    expect(res.body.services).toHaveLength(1);
    expect(res.body.slots).toMatchObject({ service: t.intro.id, from: '2026-12-01', to: '2026-12-31' });
    expect(res.body.slots.days[0].date).toBe('2026-12-01');
  });

  it('refuses a malformed query with a problem naming the field', async () => {
    const bad = await profile('include=everything');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('query.include');
    const zone = await profile('include=slots&timezone=Mars/Olympus');
    expect(zone.status).toBe(400);
    expect(zone.body.errors[0].field).toBe('query.timezone');
  });
});
