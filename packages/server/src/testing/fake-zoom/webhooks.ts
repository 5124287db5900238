import { createHmac, randomBytes } from 'node:crypto';
import type { ZoomMeetingObject } from './meetings.js';

/** How one delivery differs from Zoom's own: another key or time (to be refused), or how it is sent. */
export interface ZoomDelivery {
  secret?: string;
  timestamp?: string;
  /** `fetch` by default; a test may hand the app's own `request` to skip the socket. */
  send?: (url: string, init: RequestInit) => Response | Promise<Response>;
}

/**
 * Zoom's side of its webhooks, as its documentation describes them on the wire: a JSON POST with
 * `x-zm-request-timestamp` (seconds) and `x-zm-signature: v0=<hex HMAC-SHA256 of
 * "v0:{timestamp}:{body}" under the app's Secret Token>`; a URL is validated with
 * `endpoint.url_validation` and must answer `{ plainToken, encryptedToken }`.
 */
export function zoomWebhooks(clock: () => number) {
  const secret = randomBytes(16).toString('base64url');
  const sign = (timestamp: string, body: string) => `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;

  async function deliver(url: string, event: Record<string, unknown>, override: ZoomDelivery = {}): Promise<Response> {
    const body = JSON.stringify(event);
    const timestamp = override.timestamp ?? String(Math.floor(clock() / 1000));
    const signature = override.secret ? `v0=${createHmac('sha256', override.secret).update(`v0:${timestamp}:${body}`).digest('hex')}` : sign(timestamp, body);
    return (override.send ?? fetch)(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-zm-request-timestamp': timestamp, 'x-zm-signature': signature }, body });
  }

  return {
    /** The Secret Token of the app these webhooks come from (what `ZOOM_WEBHOOK_SECRET` holds). */
    secret,
    deliver,
    /** Zoom's URL validation: true when the endpoint answered the challenge as Zoom requires. */
    async validate(url: string, override: ZoomDelivery = {}): Promise<boolean> {
      const plainToken = randomBytes(12).toString('base64url');
      const res = await deliver(url, { event: 'endpoint.url_validation', event_ts: clock(), payload: { plainToken } }, override);
      if (res.status !== 200) return false;
      const answer = (await res.json()) as { plainToken?: string; encryptedToken?: string };
      return answer.plainToken === plainToken && answer.encryptedToken === createHmac('sha256', secret).update(plainToken).digest('hex');
    },
    /** `recording.completed` for `meeting`, with its share link and play passcode, as Zoom sends it. */
    recordingCompleted(url: string, meeting: Pick<ZoomMeetingObject, 'id' | 'topic' | 'start_time' | 'duration'>, override: ZoomDelivery = {}): Promise<{ res: Response; shareUrl: string; passcode: string }> {
      const share = `https://zoom.us/rec/share/${randomBytes(18).toString('base64url')}`;
      const passcode = randomBytes(24).toString('base64url');
      const event = {
        event: 'recording.completed',
        event_ts: clock(),
        payload: {
          account_id: 'fake-account',
          object: {
            id: meeting.id,
            uuid: randomBytes(16).toString('base64'),
            host_id: 'fake-host',
            topic: meeting.topic,
            type: 2,
            start_time: meeting.start_time,
            duration: meeting.duration,
            share_url: share,
            recording_play_passcode: passcode,
            recording_count: 1,
            recording_files: [{ id: randomBytes(8).toString('hex'), file_type: 'MP4', recording_type: 'shared_screen_with_speaker_view', status: 'completed', play_url: `https://zoom.us/rec/play/${randomBytes(18).toString('base64url')}` }],
          },
        },
      };
      return deliver(url, event, override).then((res) => ({ res, shareUrl: share, passcode }));
    },
  };
}
