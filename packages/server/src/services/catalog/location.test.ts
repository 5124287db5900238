import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jitsiMeetings } from '../../providers/meetings/jitsi.js';
import type { MeetingProvider } from '../meetings/port.js';
import { auth } from '../../testing/accounts.js';
import { testApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});
afterEach(() => t.close());

const patchService = (body: object) => t.json(`/v1/me/services/${t.intro.id}`, { method: 'PATCH', body, headers: auth(t.apiKey) });
const patchProfile = (body: object) => t.json('/v1/me', { method: 'PATCH', body, headers: auth(t.apiKey) });
const fieldsOf = (res: { body: { errors?: { field: string }[] } }) => res.body.errors?.map((e) => e.field);

describe('a service’s location', () => {
  it('is video with Jitsi unless the specialist says otherwise', async () => {
    const mine = await t.json(`/v1/me/services/${t.intro.id}`, { headers: auth(t.apiKey) });
    expect(mine.body.location).toEqual({ kind: 'video', provider: 'jitsi', detail: null });
  });

  it('is set on create and on update, replaced as a whole, and read back', async () => {
    const created = await t.json('/v1/me/services', {
      body: { name: 'House call', durations: [{ minutes: 60, price: 0 }], location: { kind: 'in_person', detail: 'Torstraße 1, 10119 Berlin' } },
      headers: auth(t.apiKey),
    });
    expect(created.status).toBe(201);
    expect(created.body.location).toEqual({ kind: 'in_person', provider: null, detail: 'Torstraße 1, 10119 Berlin' });
    expect((await patchService({ location: { kind: 'phone', detail: '+49 (30) 123-4567' } })).body.location).toEqual({ kind: 'phone', provider: null, detail: '+49 (30) 123-4567' });
    expect((await patchService({ location: { kind: 'none' } })).body.location).toEqual({ kind: 'none', provider: null, detail: null });
    expect((await patchService({ name: 'Intro' })).body.location.kind).toBe('none'); // a patch without location keeps it
  });

  it('refuses what cannot work, naming the field', async () => {
    const cases: [object, string][] = [
      [{ kind: 'in_person' }, 'body.location.detail'],
      [{ kind: 'in_person', detail: ' ' }, 'body.location.detail'],
      [{ kind: 'phone', detail: 'call me maybe' }, 'body.location.detail'],
      [{ kind: 'phone', detail: '12345' }, 'body.location.detail'],
      [{ kind: 'video', detail: 'Room 4' }, 'body.location.detail'],
      [{ kind: 'phone', provider: 'zoom', detail: '+49 30 1234567' }, 'body.location.provider'],
      [{ kind: 'teleport' }, 'body.location.kind'],
      [{ kind: 'video', url: 'https://x.example' }, 'body.location.url'],
    ];
    for (const [location, field] of cases) {
      const res = await patchService({ location });
      expect([res.status, res.body.code, fieldsOf(res)], JSON.stringify(location)).toEqual([400, 'invalid_request', [field]]);
    }
  });

  it('takes a link location only once the profile has the meeting link, https only', async () => {
    const early = await patchService({ location: { kind: 'link' } });
    expect([early.status, fieldsOf(early)]).toEqual([400, ['body.location.kind']]);
    for (const bad of ['http://whereby.com/dr-demo', 'https://user:pw@whereby.com/x', 'javascript:alert(1)', 'whereby.com/dr-demo']) {
      const res = await patchProfile({ meetingLink: bad });
      expect([res.status, fieldsOf(res)], bad).toEqual([400, ['body.meetingLink']]);
    }
    const set = await patchProfile({ meetingLink: 'https://whereby.com/dr-demo' });
    expect(set.body.meetingLink).toBe('https://whereby.com/dr-demo');
    expect((await t.json('/v1/me', { headers: auth(t.apiKey) })).body.meetingLink).toBe('https://whereby.com/dr-demo');
    expect((await patchService({ location: { kind: 'link' } })).body.location).toEqual({ kind: 'link', provider: null, detail: null });
    // Taking the link away would strand the service's customers.
    const cleared = await patchProfile({ meetingLink: null });
    expect([cleared.status, fieldsOf(cleared)]).toEqual([400, ['body.meetingLink']]);
    await patchService({ location: { kind: 'video' } });
    expect((await patchProfile({ meetingLink: null })).body.meetingLink).toBeNull();
  });

  it('takes Zoom only on a server with Zoom set up', async () => {
    const refused = await patchService({ location: { kind: 'video', provider: 'zoom' } });
    expect([refused.status, fieldsOf(refused)]).toEqual([400, ['body.location.provider']]);
    expect(refused.body.detail).toContain('ZOOM_ACCOUNT_ID');
    const withZoom = await testApp({ meetings: { jitsi: jitsiMeetings(), zoom: { kind: 'zoom' } as MeetingProvider } });
    try {
      const res = await withZoom.json(`/v1/me/services/${withZoom.intro.id}`, { method: 'PATCH', body: { location: { kind: 'video', provider: 'zoom' } }, headers: auth(withZoom.apiKey) });
      expect(res.body.location).toEqual({ kind: 'video', provider: 'zoom', detail: null });
    } finally {
      withZoom.close();
    }
  });

  it('shows the public only the kind: never an address, a number or a link', async () => {
    await patchProfile({ meetingLink: 'https://whereby.com/dr-demo' });
    await patchService({ location: { kind: 'link' } });
    await t.json(`/v1/me/services/${t.session.id}`, { method: 'PATCH', body: { location: { kind: 'in_person', detail: 'Torstraße 1, 10119 Berlin' } }, headers: auth(t.apiKey) });
    const profile = await t.json('/v1/specialists/demo');
    expect(profile.body.services.map((s: { location: unknown }) => s.location)).toEqual([{ kind: 'link' }, { kind: 'in_person' }]);
    expect(JSON.stringify(profile.body)).not.toMatch(/whereby|Torstraße/);
  });
});
