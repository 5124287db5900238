import { and, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookingEvents, bookings, deliveries, notifications, outbox } from '../../db/schema.js';
import { jitsiMeetings } from '../../providers/meetings/jitsi.js';
import { zoomMeetings } from '../../providers/meetings/zoom.js';
import { auth } from '../../testing/accounts.js';
import { RATE_LIMITED, startFakeZoom, type FakeZoom } from '../../testing/fake-zoom/index.js';
import { setService } from '../../testing/fixtures.js';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { CHANNELS } from '../delivery/channels.js';
import { backoff } from '../delivery/dispatcher.js';
import type { LogEntry } from '../log.js';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const START = '2026-11-23T09:00:00Z';
const customer = { name: 'Ada', email: 'ada@example.com', timeZone: 'Europe/Berlin' };

let zoom: FakeZoom;
let t: TestApp;
let lines: LogEntry[];

beforeEach(async () => {
  zoom = await startFakeZoom();
  lines = [];
  t = await testApp({
    now: NOW,
    log: (entry) => lines.push(entry),
    meetings: { jitsi: jitsiMeetings(), zoom: zoomMeetings({ ...zoom.credentials, apiBase: zoom.apiBase, oauthBase: zoom.oauthBase }) },
  });
});
afterEach(async () => {
  await t.app.deliveries.idle();
  t.close();
  await zoom.close();
});

const useLocation = async (location: Record<string, unknown>) => {
  const res = await t.json(`/v1/me/services/${t.intro.id}`, { method: 'PATCH', body: { location }, headers: auth(t.apiKey) });
  expect(res.status).toBe(200);
};
const book = async (start = START) => {
  const res = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start, customer } });
  expect(res.status).toBe(201);
  return res.body as { booking: { id: string; status: string; join: { url: string | null } }; manageToken: string };
};
const specialistView = async (id: string) => (await t.json(`/v1/me/bookings/${id}`, { headers: auth(t.apiKey) })).body;
const meetingDeliveries = (bookingId: string) =>
  t.database.db.select().from(deliveries).where(and(eq(deliveries.bookingId, bookingId), eq(deliveries.channel, 'meeting'))).orderBy(sql`rowid`);
/** Runs the scheduler at `ms` and waits for what it sent. */
const tickAt = async (ms: number) => {
  t.setNow(ms);
  await t.app.tick();
  await t.app.deliveries.idle();
};

describe('the meeting channel', () => {
  it('plans before every other channel, so an invite can wait for the meeting it shows', () => {
    expect(CHANNELS[0]!.name).toBe('meeting');
  });

  it('makes a Zoom meeting on confirmation and records it through the one road (meeting_ready event + outbox row)', async () => {
    await useLocation({ kind: 'video', provider: 'zoom' });
    const { booking } = await book();
    expect(booking.status).toBe('confirmed');
    expect(booking.join.url).toBeNull(); // answered before any meeting exists: it says only what happened
    await t.app.deliveries.idle();

    const [meeting] = zoom.meetings();
    expect(meeting).toMatchObject({ start_time: '2026-11-23T09:00:00Z', duration: 30, timezone: 'Europe/Berlin', topic: 'Intro call with Dr. Ada Demo' });
    const detail = await specialistView(booking.id);
    expect(detail.meeting).toEqual({ url: meeting!.join_url, provider: 'zoom' });
    expect(detail.events.at(-1)).toMatchObject({ type: 'meeting_ready', actor: 'system', fromStatus: 'confirmed', toStatus: 'confirmed', data: { provider: 'zoom' } });
    const [row] = await t.database.db.select().from(bookings).where(eq(bookings.id, booking.id));
    expect(row).toMatchObject({ meetingUrl: meeting!.join_url, meetingRef: `zoom:${meeting!.id}` });
    const ready = await t.database.db.select().from(outbox).where(and(eq(outbox.bookingId, booking.id), eq(outbox.topic, 'booking.meeting_ready')));
    expect(ready).toHaveLength(1);
    expect(ready[0]!.payload).toMatchObject({ event: { type: 'meeting_ready' }, booking: { meeting: { url: meeting!.join_url } } });
    expect(await meetingDeliveries(booking.id)).toEqual([expect.objectContaining({ kind: 'meeting.create', status: 'sent', attempts: 1, recipient: 'zoom' })]);
  });

  it('moves the Zoom meeting when the booking moves (same link), and deletes it when the booking is cancelled', async () => {
    await useLocation({ kind: 'video', provider: 'zoom' });
    const { booking, manageToken } = await book();
    await t.app.deliveries.idle();
    const [made] = zoom.meetings();

    const moved = await t.json(`/v1/bookings/${booking.id}/reschedule`, { body: { start: '2026-11-24T13:00:00Z' }, headers: auth(manageToken) });
    expect(moved.status).toBe(200);
    await t.app.deliveries.idle();
    expect(zoom.meeting(made!.id)).toMatchObject({ start_time: '2026-11-24T13:00:00Z', join_url: made!.join_url });
    expect((await specialistView(booking.id)).meeting.url).toBe(made!.join_url);

    const cancelled = await t.json(`/v1/bookings/${booking.id}/cancel`, { body: {}, headers: auth(manageToken) });
    expect(cancelled.status).toBe(200);
    await t.app.deliveries.idle();
    expect(zoom.meetings()).toEqual([]);
    expect((await meetingDeliveries(booking.id)).map((d) => [d.kind, d.status])).toEqual([
      ['meeting.create', 'sent'],
      ['meeting.update', 'sent'],
      ['meeting.delete', 'sent'],
    ]);
    expect(zoom.apiCalls()).toEqual(['POST /v2/users/me/meetings 201', `PATCH /v2/meetings/${made!.id} 204`, `DELETE /v2/meetings/${made!.id} 204`]);
  });

  it('takes a meeting already deleted at Zoom as deleted, and tells the specialist when Zoom refuses a move or a deletion', async () => {
    await useLocation({ kind: 'video', provider: 'zoom' });
    const first = await book();
    const second = await book('2026-11-23T11:00:00Z');
    await t.app.deliveries.idle();
    const [a, b] = zoom.meetings();
    // Deleted by hand in Zoom: cancelling finds it gone (404), which is what it wanted.
    zoom.deleteByHand(a!.id);
    await t.json(`/v1/bookings/${first.booking.id}/cancel`, { body: {}, headers: auth(first.manageToken) });
    await t.app.deliveries.idle();
    expect((await meetingDeliveries(first.booking.id)).map((d) => [d.kind, d.status])).toEqual([['meeting.create', 'sent'], ['meeting.delete', 'sent']]);
    expect(zoom.apiCalls()).toContain(`DELETE /v2/meetings/${a!.id} 404`);

    const failures = () => t.database.db.select().from(notifications).where(and(eq(notifications.bookingId, second.booking.id), eq(notifications.kind, 'meeting.failed'))).orderBy(sql`rowid`);
    zoom.fail({ status: 400, body: { code: 3000, message: 'Cannot update the meeting.' }, match: 'PATCH' });
    await t.json(`/v1/bookings/${second.booking.id}/reschedule`, { body: { start: '2026-11-24T13:00:00Z' }, headers: auth(second.manageToken) });
    await t.app.deliveries.idle();
    expect((await failures()).map((n) => [n.title, n.body.includes('Cannot update the meeting.')])).toEqual([['Zoom still shows the old time', true]]);
    zoom.fail({ status: 400, body: { code: 3000, message: 'Cannot delete the meeting.' }, match: 'DELETE' });
    await t.json(`/v1/bookings/${second.booking.id}/cancel`, { body: {}, headers: auth(second.manageToken) });
    await t.app.deliveries.idle();
    expect((await meetingDeliveries(second.booking.id)).map((d) => [d.kind, d.status])).toEqual([['meeting.create', 'sent'], ['meeting.update', 'dead'], ['meeting.delete', 'dead']]);
    expect((await failures()).map((n) => n.title)).toEqual(['Zoom still shows the old time', 'A Zoom meeting was not deleted']);
    expect((await failures())[1]!.body).toContain('Cannot delete the meeting.');
    expect(zoom.meeting(b!.id)).toBeDefined();
  });

  it('confirms the booking at once while Zoom is down, and the meeting appears after retries', async () => {
    await useLocation({ kind: 'video', provider: 'zoom' });
    zoom.down = true;
    const { booking } = await book();
    expect(booking.status).toBe('confirmed');
    await t.app.deliveries.idle();
    expect(zoom.meetings()).toEqual([]);
    const [pending] = await meetingDeliveries(booking.id);
    expect(pending).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('not answering (HTTP 503)') });

    await tickAt(NOW + backoff(1)); // still down: a second failure, a longer wait
    expect((await meetingDeliveries(booking.id))[0]).toMatchObject({ status: 'pending', attempts: 2 });
    zoom.down = false;
    await tickAt(NOW + backoff(1) + backoff(2));
    expect(zoom.meetings()).toHaveLength(1);
    expect((await specialistView(booking.id)).meeting).toEqual({ url: zoom.meetings()[0]!.join_url, provider: 'zoom' });
    expect((await meetingDeliveries(booking.id))[0]).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it('retries a rate-limited create (429) and makes exactly one meeting', async () => {
    await useLocation({ kind: 'video', provider: 'zoom' });
    zoom.fail(RATE_LIMITED);
    const { booking } = await book();
    await t.app.deliveries.idle();
    expect(zoom.meetings()).toEqual([]);
    await tickAt(NOW + backoff(1));
    expect(zoom.meetings()).toHaveLength(1);
    expect((await meetingDeliveries(booking.id))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(zoom.apiCalls().filter((c) => c.startsWith('POST'))).toEqual(['POST /v2/users/me/meetings 429', 'POST /v2/users/me/meetings 201']);
  });

  it('when Zoom keeps failing, gives up before the session, tells the specialist, and gives the customer a Jitsi room', async () => {
    await useLocation({ kind: 'video', provider: 'zoom' });
    zoom.down = true;
    const { booking, manageToken } = await book();
    await t.app.deliveries.idle();
    let now = NOW;
    for (let attempt = 1; attempt < 40; attempt++) {
      const [d] = await meetingDeliveries(booking.id);
      if (d!.status === 'dead') break;
      now = d!.nextAttemptAt;
      await tickAt(now);
    }
    const [dead] = await meetingDeliveries(booking.id);
    expect(dead).toMatchObject({ status: 'dead', kind: 'meeting.create' });
    expect(now).toBeLessThan(Date.parse(START) - 10 * 60_000); // given up before the join window opens

    const notices = await t.database.db.select().from(notifications).where(eq(notifications.bookingId, booking.id));
    const failed = notices.find((n) => n.kind === 'meeting.failed');
    expect(failed).toMatchObject({ title: 'Zoom failed: Ada got a Jitsi room' });
    expect(failed!.body).toContain('Intro call with Ada on 23 Nov 2026, 10:00');
    const detail = await specialistView(booking.id);
    expect(detail.meeting).toEqual({ url: expect.stringMatching(/^https:\/\/meet\.jit\.si\//), provider: 'jitsi' });
    expect(failed!.body).not.toContain(detail.meeting.url);
    t.setNow(Date.parse(START) - 5 * 60_000);
    const seen = await t.json(`/v1/bookings/${booking.id}`, { headers: auth(manageToken) });
    expect(seen.body.join.url).toBe(detail.meeting.url);
  });

  it('gives up at once on a refusal that would repeat (a 4xx), with the same fallback and notice', async () => {
    await useLocation({ kind: 'video', provider: 'zoom' });
    zoom.fail({ status: 400, body: { code: 3000, message: 'Cannot create the meeting for this user.' }, match: 'POST /v2/users' });
    const { booking } = await book();
    await t.app.deliveries.idle();
    expect((await meetingDeliveries(booking.id))[0]).toMatchObject({ status: 'dead', attempts: 1 });
    const [notice] = await t.database.db.select().from(notifications).where(and(eq(notifications.bookingId, booking.id), eq(notifications.kind, 'meeting.failed')));
    expect(notice!.body).toContain('Cannot create the meeting for this user.');
    expect((await specialistView(booking.id)).meeting.provider).toBe('jitsi');
  });

  it('makes no meeting for a booking cancelled before Zoom came back', async () => {
    await useLocation({ kind: 'video', provider: 'zoom' });
    zoom.down = true;
    const { booking, manageToken } = await book();
    await t.app.deliveries.idle();
    await t.json(`/v1/bookings/${booking.id}/cancel`, { body: {}, headers: auth(manageToken) });
    zoom.down = false;
    await tickAt(NOW + backoff(1));
    expect(zoom.meetings()).toEqual([]);
    expect((await meetingDeliveries(booking.id)).map((d) => [d.kind, d.status])).toEqual([['meeting.create', 'skipped']]);
  });

  it('makes the meeting at the new time for a booking moved before Zoom came back', async () => {
    await useLocation({ kind: 'video', provider: 'zoom' });
    zoom.down = true;
    const { booking, manageToken } = await book();
    await t.app.deliveries.idle();
    await t.json(`/v1/bookings/${booking.id}/reschedule`, { body: { start: '2026-11-24T13:00:00Z' }, headers: auth(manageToken) });
    await t.app.deliveries.idle();
    zoom.down = false;
    await tickAt(NOW + backoff(1));
    expect(zoom.meetings()).toEqual([expect.objectContaining({ start_time: '2026-11-24T13:00:00Z' })]);
  });

  it('gives a default (video) service a Jitsi room, which nothing needs to move or delete', async () => {
    const { booking, manageToken } = await book();
    await t.app.deliveries.idle();
    expect((await specialistView(booking.id)).meeting).toEqual({ url: expect.stringMatching(/^https:\/\/meet\.jit\.si\/intro-call-with-dr-ada-demo-[0-9a-f]{24}$/), provider: 'jitsi' });
    await t.json(`/v1/bookings/${booking.id}/reschedule`, { body: { start: '2026-11-24T13:00:00Z' }, headers: auth(manageToken) });
    await t.json(`/v1/bookings/${booking.id}/cancel`, { body: {}, headers: auth(manageToken) });
    await t.app.deliveries.idle();
    expect((await meetingDeliveries(booking.id)).map((d) => d.kind)).toEqual(['meeting.create']);
    expect(zoom.requests).toEqual([]);
  });

  it("uses the specialist's own link for a link-located service, without calling a provider", async () => {
    expect((await t.json('/v1/me', { method: 'PATCH', body: { meetingLink: 'https://whereby.com/dr-demo' }, headers: auth(t.apiKey) })).status).toBe(200);
    await useLocation({ kind: 'link' });
    const { booking } = await book();
    await t.app.deliveries.idle();
    expect((await specialistView(booking.id)).meeting).toEqual({ url: 'https://whereby.com/dr-demo', provider: 'link' });
    expect(zoom.requests).toEqual([]);
  });

  it('makes no meeting for phone, in-person and unspecified locations', async () => {
    for (const [i, location] of [{ kind: 'phone', detail: '+49 30 1234567' }, { kind: 'in_person', detail: 'Torstraße 1, Berlin' }, { kind: 'none' }].entries()) {
      await useLocation(location);
      const { booking } = await book(`2026-11-23T1${i}:00:00Z`);
      await t.app.deliveries.idle();
      expect(await meetingDeliveries(booking.id)).toEqual([]);
      expect((await specialistView(booking.id)).meeting).toBeNull();
    }
  });

  it('falls back to Jitsi for a Zoom service on a server without Zoom set up', async () => {
    const plain = await testApp({ now: NOW });
    try {
      await setService(plain.database, plain.intro.id, { locationKind: 'video', meetingProvider: 'zoom' });
      const res = await plain.json('/v1/bookings', { body: { specialist: 'demo', service: plain.intro.id, start: START, customer } });
      await plain.app.deliveries.idle();
      expect((await plain.json(`/v1/me/bookings/${res.body.booking.id}`, { headers: auth(plain.apiKey) })).body.meeting.provider).toBe('jitsi');
    } finally {
      await plain.app.deliveries.idle();
      plain.close();
    }
  });

  it('records no link on a booking cancelled while its meeting was being made, and deletes that meeting', async () => {
    // The send reads the booking before calling the provider and records on that read when nothing
    // changed meanwhile: here the customer cancels while the provider is still making the room.
    const base = jitsiMeetings();
    const deleted: string[] = [];
    let whileMaking: () => Promise<void> = async () => {};
    const own = await testApp({
      now: NOW,
      meetings: {
        jitsi: {
          kind: 'jitsi',
          create: async (request) => {
            const made = await base.create(request);
            await whileMaking();
            return made;
          },
          update: (ref, request) => base.update(ref, request),
          delete: async (ref) => void deleted.push(ref),
        },
      },
    });
    try {
      const res = await own.json('/v1/bookings', { body: { specialist: 'demo', service: own.intro.id, start: START, customer } });
      expect(res.status).toBe(201);
      const { booking, manageToken } = res.body as { booking: { id: string }; manageToken: string };
      whileMaking = async () => {
        expect((await own.json(`/v1/bookings/${booking.id}/cancel`, { body: {}, headers: auth(manageToken) })).status).toBe(200);
      };
      await own.app.deliveries.idle();
      const [row] = await own.database.db.select().from(bookings).where(eq(bookings.id, booking.id));
      expect(row).toMatchObject({ status: 'cancelled', meetingUrl: null, meetingRef: null });
      const events = await own.database.db.select({ type: bookingEvents.type }).from(bookingEvents).where(eq(bookingEvents.bookingId, booking.id));
      expect(events.map((e) => e.type)).toEqual(['confirmed', 'cancelled']);
      const [create] = await own.database.db.select().from(deliveries).where(and(eq(deliveries.bookingId, booking.id), eq(deliveries.kind, 'meeting.create')));
      expect(create).toMatchObject({ status: 'skipped', attempts: 1 });
      expect(deleted).toHaveLength(1);
    } finally {
      await own.app.deliveries.idle();
      own.close();
    }
  });

  it('records one meeting_ready event per meeting made', async () => {
    await useLocation({ kind: 'video', provider: 'zoom' });
    const { booking, manageToken } = await book();
    await t.app.deliveries.idle();
    await t.json(`/v1/bookings/${booking.id}/reschedule`, { body: { start: '2026-11-24T13:00:00Z' }, headers: auth(manageToken) });
    await t.app.deliveries.idle();
    const events = await t.database.db.select().from(bookingEvents).where(and(eq(bookingEvents.bookingId, booking.id), eq(bookingEvents.type, 'meeting_ready')));
    expect(events).toHaveLength(1); // a move keeps the link: nothing new to announce
  });

  it('never writes a meeting link into the logs', async () => {
    await useLocation({ kind: 'video', provider: 'zoom' });
    zoom.fail(RATE_LIMITED);
    const { booking, manageToken } = await book();
    await t.app.deliveries.idle();
    await tickAt(NOW + backoff(1));
    t.setNow(Date.parse(START));
    const seen = await t.json(`/v1/bookings/${booking.id}`, { headers: auth(manageToken) });
    const url = seen.body.join.url as string;
    expect(url).toMatch(/zoom\.us\/j\//);
    const logged = JSON.stringify(lines);
    expect(logged).toContain('meeting.create');
    expect(logged).not.toContain(url);
    expect(logged).not.toContain(new URL(url).search);
    expect(logged).not.toContain(zoom.tokens[0]!.token);
  });

  describe('of a group session', () => {
    const seat = async (n: number, start = START) => {
      const res = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start, customer: { ...customer, email: `seat${n}@example.com` } } });
      expect(res.status).toBe(201);
      return res.body as { booking: { id: string }; manageToken: string };
    };
    const groupOnZoom = async () => {
      await useLocation({ kind: 'video', provider: 'zoom' });
      expect((await t.json(`/v1/me/services/${t.intro.id}`, { method: 'PATCH', body: { capacity: 3 }, headers: auth(t.apiKey) })).status).toBe(200);
    };

    it('makes ONE meeting for the session, however many seats are booked at once: every seat shows the same link', async () => {
      await groupOnZoom();
      const seats = await Promise.all([seat(1), seat(2), seat(3)]);
      await t.app.deliveries.idle();
      expect(zoom.meetings()).toHaveLength(1);
      const urls = await Promise.all(seats.map(async (s) => (await specialistView(s.booking.id)).meeting?.url));
      expect(urls).toEqual(Array(3).fill(zoom.meetings()[0]!.join_url));
    });

    it('keeps the meeting while a seat still uses it: cancelling one seat deletes nothing, the last one deletes it', async () => {
      await groupOnZoom();
      const a = await seat(1);
      await t.app.deliveries.idle();
      const b = await seat(2);
      await t.app.deliveries.idle();
      expect(zoom.meetings()).toHaveLength(1);
      expect((await t.json(`/v1/bookings/${a.booking.id}/cancel`, { body: {}, headers: auth(a.manageToken) })).status).toBe(200);
      await t.app.deliveries.idle();
      expect(zoom.meetings()).toHaveLength(1);
      expect((await specialistView(b.booking.id)).meeting.url).toBe(zoom.meetings()[0]!.join_url);
      expect((await t.json(`/v1/bookings/${b.booking.id}/cancel`, { body: {}, headers: auth(b.manageToken) })).status).toBe(200);
      await t.app.deliveries.idle();
      expect(zoom.meetings()).toEqual([]);
    });

    it('gives a seat moved to another session that session’s meeting, and leaves the old one to its seats', async () => {
      await groupOnZoom();
      const stays = await seat(1);
      const moves = await seat(2);
      const other = await seat(3, '2026-11-24T13:00:00Z');
      await t.app.deliveries.idle();
      expect(zoom.meetings()).toHaveLength(2);
      const before = (await specialistView(stays.booking.id)).meeting.url;
      const target = (await specialistView(other.booking.id)).meeting.url;
      const moved = await t.json(`/v1/bookings/${moves.booking.id}/reschedule`, { body: { start: '2026-11-24T13:00:00Z' }, headers: auth(moves.manageToken) });
      expect(moved.status).toBe(200);
      await t.app.deliveries.idle();
      expect(zoom.meetings()).toHaveLength(2);
      expect((await specialistView(moves.booking.id)).meeting.url).toBe(target);
      expect((await specialistView(stays.booking.id)).meeting.url).toBe(before);
      expect(zoom.meetings().map((m) => m.start_time).sort()).toEqual(['2026-11-23T09:00:00Z', '2026-11-24T13:00:00Z']);
    });
  });
});
