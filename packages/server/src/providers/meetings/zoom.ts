import { MeetingProviderError, type Meeting, type MeetingProvider, type MeetingRequest } from '../../services/meetings/port.js';
import { zoomTokenSource, type ZoomCredentials } from './zoom-auth.js';

export interface ZoomOptions extends ZoomCredentials {
  /** The Zoom user who hosts the meetings: a user id or email of the account; `me` is the app's owner. @default 'me' */
  userId?: string;
  /** @default 'https://api.zoom.us/v2' */
  apiBase?: string;
  /** @default 'https://zoom.us' */
  oauthBase?: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Epoch milliseconds now, for the token's expiry. @default Date.now */
  clock?: () => number;
  /** Each request to Zoom gives up after this long (then it is retried later). @default 15000 */
  timeoutMs?: number;
}

/** Replace the cached token this long before it expires, so none expires in flight. */
const TOKEN_MARGIN_MS = 5 * 60_000;
/** Meetings carry this, with the delivery's key, in their agenda: a retry finds the meeting a lost answer made. */
const MARK = 'Slotwise ref';

interface ZoomMeeting {
  id: number;
  join_url: string;
  agenda?: string;
}

/** `2026-11-23T09:00:00Z`: Zoom reads a `Z` time as GMT and ignores `timezone` for it. */
const zoomTime = (iso: string) => `${new Date(iso).toISOString().slice(0, 19)}Z`;

/**
 * Zoom meetings through Server-to-Server OAuth. A meeting is a scheduled meeting (type 2) hosted
 * by `userId`; anyone with its link (which embeds the passcode) may join without a Zoom account,
 * before the host and without a waiting room — the link reaches only the booking's customer and
 * specialist, and only in the join window. Recording is off.
 *
 * Failures are `MeetingProviderError`s: 429 and 5xx (and no answer at all) are retryable, other
 * 4xx are not. A 401 drops the cached token and tries once more with a new one.
 *
 * Zoom takes no idempotency key, so the delivery's key goes into the agenda, and a retry
 * (`request.retry`) first looks among the host's scheduled meetings for one that carries it.
 */
export function zoomMeetings(options: ZoomOptions): MeetingProvider {
  const apiBase = (options.apiBase ?? 'https://api.zoom.us/v2').replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 15_000;
  const user = encodeURIComponent(options.userId ?? 'me');
  const tokens = zoomTokenSource({
    ...options,
    oauthBase: (options.oauthBase ?? 'https://zoom.us').replace(/\/+$/, ''),
    fetch: fetchImpl,
    clock: options.clock ?? Date.now,
    marginMs: TOKEN_MARGIN_MS,
    timeoutMs,
  });

  /** One API call with a Bearer token, again with a new token after a 401. */
  async function call(method: string, path: string, body?: unknown): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      const token = await tokens.get();
      let response: Response;
      try {
        response = await fetchImpl(`${apiBase}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new MeetingProviderError(`Zoom could not be reached (${method} ${path.split('?')[0]}): ${(error as Error).message}`, { retryable: true, cause: error });
      }
      if (response.status === 401 && attempt === 0) {
        tokens.reject(token);
        await response.body?.cancel();
        continue;
      }
      return response;
    }
  }

  /** Zoom's error document `{ code, message }` as a MeetingProviderError. */
  async function failure(response: Response, what: string): Promise<MeetingProviderError> {
    let code: number | string | undefined;
    let message = `HTTP ${response.status}`;
    try {
      const body = (await response.json()) as { code?: number | string; message?: string };
      code = body.code;
      if (body.message) message = body.message;
    } catch {
      // not JSON (a gateway's page): the status says enough
    }
    const retryable = response.status === 429 || response.status >= 500;
    return new MeetingProviderError(`Zoom refused to ${what}: ${message}`, { retryable, status: response.status, ...(code === undefined ? {} : { code }) });
  }

  const fields = (request: MeetingRequest) => ({
    topic: request.topic.slice(0, 200),
    start_time: zoomTime(request.start),
    duration: request.durationMinutes,
    timezone: request.timeZone,
  });

  /** A meeting an earlier attempt with this key made, if its answer was lost. */
  async function findMade(key: string): Promise<Meeting | undefined> {
    let next = '';
    for (let page = 0; page < 10; page++) {
      const response = await call('GET', `/users/${user}/meetings?type=scheduled&page_size=300${next ? `&next_page_token=${encodeURIComponent(next)}` : ''}`);
      if (!response.ok) throw await failure(response, 'list meetings');
      const body = (await response.json()) as { meetings?: ZoomMeeting[]; next_page_token?: string };
      const found = body.meetings?.find((m) => m.agenda?.includes(`${MARK} ${key}`));
      if (found) return { ref: String(found.id), joinUrl: found.join_url };
      if (!body.next_page_token) return undefined;
      next = body.next_page_token;
    }
    return undefined;
  }

  const provider: MeetingProvider = {
    kind: 'zoom',
    async create(request) {
      if (request.retry) {
        const made = await findMade(request.idempotencyKey);
        if (made) return made;
      }
      const response = await call('POST', `/users/${user}/meetings`, {
        ...fields(request),
        type: 2,
        agenda: `${request.topic.slice(0, 1500)}\n\n${MARK} ${request.idempotencyKey}`,
        settings: {
          host_video: true,
          participant_video: true,
          join_before_host: true,
          jbh_time: 0,
          waiting_room: false,
          mute_upon_entry: false,
          approval_type: 2,
          meeting_authentication: false,
          auto_recording: 'none',
        },
      });
      if (response.status !== 201 && response.status !== 200) throw await failure(response, 'create the meeting');
      const meeting = (await response.json()) as ZoomMeeting;
      if (!meeting.id || !meeting.join_url) throw new MeetingProviderError('Zoom created a meeting but answered without its id or link.', { retryable: true, status: response.status });
      return { ref: String(meeting.id), joinUrl: meeting.join_url };
    },
    async update(ref, request) {
      const response = await call('PATCH', `/meetings/${encodeURIComponent(ref)}`, fields(request));
      // Deleted at Zoom meanwhile (by hand, in Zoom's app): the session still needs a meeting.
      if (response.status === 404) {
        await response.body?.cancel();
        return provider.create({ ...request, idempotencyKey: `${request.idempotencyKey}:again`, retry: true });
      }
      if (response.status !== 204 && response.status !== 200) throw await failure(response, 'move the meeting');
      await response.body?.cancel();
    },
    async delete(ref) {
      // Slotwise tells the people itself: no cancellation email from Zoom to the host.
      const response = await call('DELETE', `/meetings/${encodeURIComponent(ref)}?schedule_for_reminder=false`);
      if (response.status === 404) {
        await response.body?.cancel();
        return; // already gone: what deleting wanted
      }
      if (response.status !== 204 && response.status !== 200) throw await failure(response, 'delete the meeting');
      await response.body?.cancel();
    },
  };
  return provider;
}
