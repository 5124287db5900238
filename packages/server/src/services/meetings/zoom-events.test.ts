import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookingEvents, bookings } from '../../db/schema.js';
import { jitsiMeetings } from '../../providers/meetings/jitsi.js';
import { meetingOptionsFromEnv } from '../../providers/meetings/index.js';
import { zoomMeetings } from '../../providers/meetings/zoom.js';
import { auth } from '../../testing/accounts.js';
import { startFakeZoom, type FakeZoom, type ZoomDelivery } from '../../testing/fake-zoom/index.js';
import { testApp, type TestApp } from '../../testing/test-app.js';

// Zoom's `recording.completed` webhook, sent by the fake Zoom exactly as Zoom signs it, reaches the
// booking whose meeting was recorded: the customer and the specialist see the link; anything not
// signed with the app's Secret Token, or too old, changes nothing.

const NOW = Date.parse('2026-11-23T10:00:00Z');
const URL_ = '/v1/webhooks/zoom';

let zoom: FakeZoom;
let t: TestApp;
let send: ZoomDelivery['send'];
let running = false;

async function start(webhooks: boolean) {
  running = true;
  zoom = await startFakeZoom({ clock: () => t.now() });
  t = await testApp({
    now: NOW - 3 * 86_400_000,
    meetings: {
      jitsi: jitsiMeetings(),
      zoom: zoomMeetings({ ...zoom.credentials, apiBase: zoom.apiBase, oauthBase: zoom.oauthBase }),
      ...(webhooks ? { zoomWebhookSecret: zoom.webhooks.secret } : {}),
    },
  });
  send = (url, init) => t.app.request(url, init);
}

/** A Zoom session booked and its meeting made at Zoom; then the clock moves past the session. */
async function bookedOnZoom() {
  const location = await t.json(`/v1/me/services/${t.intro.id}`, { method: 'PATCH', body: { location: { kind: 'video', provider: 'zoom' } }, headers: auth(t.apiKey) });
  expect(location.status).toBe(200);
  const res = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start: '2026-11-23T09:00:00Z', customer: { name: 'Ada', email: 'ada@example.com', timeZone: 'UTC' } } });
  expect(res.status).toBe(201);
  await t.app.deliveries.idle();
  const [meeting] = zoom.meetings();
  expect(meeting).toBeDefined();
  t.setNow(NOW);
  return { id: res.body.booking.id as string, manageToken: res.body.manageToken as string, meeting: meeting! };
}

const recordingOf = async (id: string) => (await t.database.db.select({ url: bookings.recordingUrl }).from(bookings).where(eq(bookings.id, id)))[0]!.url;

afterEach(async () => {
  if (!running) return;
  running = false;
  await t.app.deliveries.idle();
  t.close();
  await zoom.close();
});

describe('Zoom webhooks', () => {
  describe('with ZOOM_WEBHOOK_SECRET', () => {
    beforeEach(() => start(true));

    it('answers Zoom’s URL validation with the token’s HMAC, so Zoom accepts the endpoint', async () => {
      expect(await zoom.webhooks.validate(URL_, { send })).toBe(true);
    });

    it('puts a completed cloud recording on the booking: the customer sees it in the manage view, the specialist in the console', async () => {
      const { id, manageToken, meeting } = await bookedOnZoom();
      const { res, shareUrl, passcode } = await zoom.webhooks.recordingCompleted(URL_, meeting, { send });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ received: true, recorded: true });
      const link = `${shareUrl}?pwd=${passcode}`;
      const customer = await t.json(`/v1/bookings/${id}`, { headers: { authorization: `Bearer ${manageToken}` } });
      expect(customer.body.recordingUrl).toBe(link);
      const specialist = await t.json(`/v1/me/bookings/${id}`, { headers: auth(t.apiKey) });
      expect(specialist.body.recordingUrl).toBe(link);
      const events = await t.database.db.select().from(bookingEvents).where(eq(bookingEvents.bookingId, id));
      expect(events.at(-1)).toMatchObject({ type: 'notes_updated', actor: 'system', data: { recording: true, source: 'zoom' } });
      // Zoom retries a delivery it thinks was lost: the same link again changes nothing.
      const again = await zoom.webhooks.deliver(URL_, { event: 'recording.completed', payload: { object: { id: meeting.id, share_url: shareUrl, recording_play_passcode: passcode } } }, { send });
      expect(await again.json()).toEqual({ received: true, recorded: false });
      expect(await t.database.db.select().from(bookingEvents).where(eq(bookingEvents.bookingId, id))).toHaveLength(events.length);
    });

    it('refuses a body signed with another secret, or signed too long ago, and records nothing', async () => {
      const { id, meeting } = await bookedOnZoom();
      const forged = await zoom.webhooks.recordingCompleted(URL_, meeting, { send, secret: 'not-the-secret-token' });
      expect(forged.res.status).toBe(400);
      expect(await forged.res.json()).toMatchObject({ code: 'invalid_signature', detail: expect.stringContaining('does not match') });
      const replayed = await zoom.webhooks.recordingCompleted(URL_, meeting, { send, timestamp: String(Math.floor(NOW / 1000) - 600) });
      expect(replayed.res.status).toBe(400);
      expect(await replayed.res.json()).toMatchObject({ code: 'invalid_signature', detail: expect.stringContaining('five minutes') });
      const unsigned = await send!(URL_, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"event":"recording.completed"}' });
      expect(unsigned.status).toBe(400);
      expect(await recordingOf(id)).toBeNull();
    });

    it('ignores a recording of a meeting Slotwise did not make, and a link that is not https', async () => {
      const { id, meeting } = await bookedOnZoom();
      const other = await zoom.webhooks.recordingCompleted(URL_, { ...meeting, id: meeting.id + 1 }, { send });
      expect(await other.res.json()).toEqual({ received: true, recorded: false });
      const plain = await zoom.webhooks.deliver(URL_, { event: 'recording.completed', payload: { object: { id: meeting.id, share_url: 'http://zoom.us/rec/share/x' } } }, { send });
      expect(await plain.json()).toEqual({ received: true, recorded: false });
      expect(await recordingOf(id)).toBeNull();
    });
  });

  it('does not exist without ZOOM_WEBHOOK_SECRET: 404, nothing read', async () => {
    await start(false);
    const res = await zoom.webhooks.recordingCompleted(URL_, { id: 1, topic: 'x', start_time: '2026-11-23T09:00:00Z', duration: 30 }, { send });
    expect(res.res.status).toBe(404);
    expect(await res.res.json()).toMatchObject({ code: 'not_found', detail: expect.stringContaining('ZOOM_WEBHOOK_SECRET') });
  });

  it('reads ZOOM_WEBHOOK_SECRET from the environment', () => {
    expect(meetingOptionsFromEnv({ ZOOM_WEBHOOK_SECRET: 's3cret' }).meetingSettings).toEqual({ zoomWebhookSecret: 's3cret' });
  });
});
