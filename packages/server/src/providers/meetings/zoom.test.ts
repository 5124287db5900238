import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MeetingProviderError } from '../../services/meetings/port.js';
import { RATE_LIMITED, startFakeZoom, type FakeZoom } from '../../testing/fake-zoom/index.js';
import { request, runMeetingsCases } from './meetings.case.js';
import { zoomMeetings, type ZoomOptions } from './zoom.js';

const NOW = Date.parse('2026-11-20T12:00:00Z');

const providerFor = (fake: FakeZoom, clock: () => number, extra: Partial<ZoomOptions> = {}) =>
  zoomMeetings({ ...fake.credentials, apiBase: fake.apiBase, oauthBase: fake.oauthBase, clock, ...extra });

runMeetingsCases('Zoom (fake Zoom over HTTP)', async () => {
  const fake = await startFakeZoom({ clock: () => NOW });
  return {
    provider: providerFor(fake, () => NOW),
    exists: (ref) => fake.meeting(ref) !== undefined,
    startOf: (ref) => fake.meeting(ref)?.start_time,
    close: fake.close,
  };
});

describe('Zoom meetings', () => {
  let now: number;
  let fake: FakeZoom;
  const clock = () => now;
  const tokenRequests = () => fake.requests.filter((r) => r.path === '/oauth/token');
  beforeEach(async () => {
    now = NOW;
    fake = await startFakeZoom({ clock });
  });
  afterEach(async () => {
    await fake.close();
  });

  it('asks for a token with the account credentials (Basic, account_credentials) and sends it as a Bearer', async () => {
    await providerFor(fake, clock).create(request());
    const [token] = tokenRequests();
    const { clientId, clientSecret, accountId } = fake.credentials;
    expect(token).toMatchObject({ method: 'POST', status: 200 });
    expect(token!.headers.authorization).toBe(`Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`);
    expect(Object.fromEntries(new URLSearchParams(token!.body))).toEqual({ grant_type: 'account_credentials', account_id: accountId });
    const create = fake.requests.find((r) => r.path === '/v2/users/me/meetings')!;
    expect(create.headers.authorization).toBe(`Bearer ${fake.tokens[0]!.token}`);
  });

  it('creates a scheduled meeting at the session time, anyone with the link may join, recording off', async () => {
    const made = await providerFor(fake, clock).create(request());
    const meeting = fake.meeting(made.ref)!;
    expect(made.joinUrl).toBe(meeting.join_url);
    expect(meeting).toMatchObject({ type: 2, start_time: '2026-11-23T09:00:00Z', duration: 60, timezone: 'Europe/Berlin', topic: 'Coaching session with Dr. Ada Demo' });
    expect(meeting.settings).toMatchObject({ join_before_host: true, waiting_room: false, meeting_authentication: false, approval_type: 2, auto_recording: 'none' });
    expect(meeting.agenda).toContain('msg_1:meeting:create');
  });

  it('hosts on the configured Zoom user', async () => {
    await providerFor(fake, clock, { userId: fake.hostId }).create(request());
    expect(fake.apiCalls()).toEqual([`POST /v2/users/${fake.hostId}/meetings 201`]);
  });

  it('caches the token: many meetings, one token request, shared by concurrent calls', async () => {
    const zoom = providerFor(fake, clock);
    await Promise.all([zoom.create(request()), zoom.create(request({ idempotencyKey: 'b' })), zoom.create(request({ idempotencyKey: 'c' }))]);
    now += 50 * 60_000; // 50 minutes into the hour the token lives
    await zoom.create(request({ idempotencyKey: 'd' }));
    expect(tokenRequests()).toHaveLength(1);
    expect(fake.meetings()).toHaveLength(4);
  });

  it('replaces the token shortly before it expires, so none expires in flight', async () => {
    const zoom = providerFor(fake, clock);
    await zoom.create(request());
    now += 56 * 60_000; // 4 minutes left: too close
    await zoom.create(request({ idempotencyKey: 'b' }));
    expect(tokenRequests()).toHaveLength(2);
    expect(fake.requests.filter((r) => r.status === 401)).toEqual([]);
  });

  it('gets a new token when Zoom refuses the cached one (401), and the call succeeds', async () => {
    const zoom = providerFor(fake, clock);
    await zoom.create(request());
    fake.revokeTokens();
    const made = await zoom.create(request({ idempotencyKey: 'b' }));
    expect(fake.meeting(made.ref)).toBeDefined();
    expect(tokenRequests()).toHaveLength(2);
    expect(fake.apiCalls()).toEqual(['POST /v2/users/me/meetings 201', 'POST /v2/users/me/meetings 401', 'POST /v2/users/me/meetings 201']);
  });

  it('moves the meeting (PATCH) and deletes it (DELETE) by its id', async () => {
    const zoom = providerFor(fake, clock);
    const made = await zoom.create(request());
    await zoom.update(made.ref, request({ start: '2026-11-25T16:00:00.000Z', durationMinutes: 30 }));
    expect(fake.meeting(made.ref)).toMatchObject({ start_time: '2026-11-25T16:00:00Z', duration: 30, join_url: made.joinUrl });
    await zoom.delete(made.ref);
    expect(fake.meeting(made.ref)).toBeUndefined();
    expect(fake.apiCalls()).toEqual(['POST /v2/users/me/meetings 201', `PATCH /v2/meetings/${made.ref} 204`, `DELETE /v2/meetings/${made.ref} 204`]);
  });

  it('takes a 404 on delete as done: the meeting is already gone', async () => {
    await expect(providerFor(fake, clock).delete('81234567890')).resolves.toBeUndefined();
    expect(fake.apiCalls()).toEqual(['DELETE /v2/meetings/81234567890 404']);
  });

  it('makes a new meeting when the one to move was deleted at Zoom', async () => {
    const zoom = providerFor(fake, clock);
    const made = await zoom.create(request());
    await zoom.delete(made.ref);
    const again = await zoom.update(made.ref, request({ start: '2026-11-25T16:00:00.000Z' }));
    expect(again).toBeDefined();
    expect(again!.ref).not.toBe(made.ref);
    expect(fake.meeting(again!.ref)).toMatchObject({ start_time: '2026-11-25T16:00:00Z' });
  });

  it('marks a rate limit (429) and an outage (5xx) retryable, and a refused request (4xx) not', async () => {
    const zoom = providerFor(fake, clock);
    fake.fail(RATE_LIMITED);
    const limited = await zoom.create(request()).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(MeetingProviderError);
    expect(limited).toMatchObject({ retryable: true, status: 429, code: 429 });
    fake.fail({ status: 502, body: { code: 502, message: 'Bad Gateway' } });
    await expect(zoom.create(request())).rejects.toMatchObject({ retryable: true, status: 502 });
    fake.fail({ status: 400, body: { code: 300, message: 'Validation Failed.' } });
    await expect(zoom.create(request())).rejects.toMatchObject({ retryable: false, status: 400, code: 300 });
    // and then it works again: a 429 retried later makes the meeting
    const made = await zoom.create(request());
    expect(fake.meeting(made.ref)).toBeDefined();
  });

  it('says credentials are wrong without retrying, and never puts the secret in the message', async () => {
    const zoom = providerFor(fake, clock, { clientSecret: 'not-the-secret' });
    const error = (await zoom.create(request()).catch((e: unknown) => e)) as MeetingProviderError;
    expect(error).toMatchObject({ retryable: false, status: 400, code: 'invalid_client' });
    expect(error.message).toContain('ZOOM_CLIENT_SECRET');
    expect(error.message).not.toContain('not-the-secret');
    expect(fake.apiCalls()).toEqual([]);
  });

  it('calls Zoom unreachable retryable', async () => {
    const zoom = providerFor(fake, clock);
    await fake.close();
    await expect(zoom.create(request())).rejects.toMatchObject({ name: 'MeetingProviderError', retryable: true });
    fake = await startFakeZoom({ clock }); // for afterEach
  });

  it('on a retry, finds the meeting an attempt whose answer was lost made, instead of making a second', async () => {
    const zoom = providerFor(fake, clock);
    const first = await zoom.create(request()); // Zoom made it; say our side never heard back
    const retried = await zoom.create(request({ retry: true }));
    expect(retried).toEqual(first);
    expect(fake.meetings()).toHaveLength(1);
    const other = await zoom.create(request({ idempotencyKey: 'msg_9:meeting:create', retry: true }));
    expect(other.ref).not.toBe(first.ref);
    expect(fake.meetings()).toHaveLength(2);
  });
});
