import type { JoinWindowOptions } from '../../services/meetings/join.js';
import type { ServiceDeps } from '../../services/deps.js';
import { jitsiMeetings } from './jitsi.js';
import type { ZoomCredentials } from './zoom-auth.js';
import { zoomMeetings } from './zoom.js';

export { jitsiMeetings, type JitsiOptions } from './jitsi.js';
export { zoomMeetings, type ZoomOptions } from './zoom.js';

/** How the server makes meetings: its Jitsi server, and Zoom when its Server-to-Server app is set up. */
export interface MeetingSettings {
  /** @default 'https://meet.jit.si' */
  jitsiBaseUrl?: string;
  zoom?: ZoomCredentials & { userId?: string };
  /** The Zoom app's Secret Token: turns on `POST /v1/webhooks/zoom` (cloud recordings). */
  zoomWebhookSecret?: string;
}

/** The providers for `settings`; Zoom's calls go through `fetchImpl` (a logged fetch in production). */
export function createMeetings(settings: MeetingSettings, fetchImpl?: typeof fetch): ServiceDeps['meetings'] {
  const jitsi = jitsiMeetings(settings.jitsiBaseUrl ? { baseUrl: settings.jitsiBaseUrl } : {});
  const webhooks = settings.zoomWebhookSecret ? { zoomWebhookSecret: settings.zoomWebhookSecret } : {};
  if (!settings.zoom) return { jitsi, ...webhooks };
  return { jitsi, zoom: zoomMeetings({ ...settings.zoom, ...(fetchImpl ? { fetch: fetchImpl } : {}) }), ...webhooks };
}

const ZOOM_VARS = ['ZOOM_ACCOUNT_ID', 'ZOOM_CLIENT_ID', 'ZOOM_CLIENT_SECRET'] as const;

function minutes(env: Record<string, string | undefined>, name: string): number | undefined {
  const text = env[name];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 1440) throw new Error(`${name} must be a whole number of minutes from 0 to 1440; got "${text}".`);
  return value;
}

/**
 * Meetings and the join window from the environment, checked so a mistake stops the start with a
 * sentence: `JITSI_BASE_URL` (https), `ZOOM_ACCOUNT_ID` + `ZOOM_CLIENT_ID` + `ZOOM_CLIENT_SECRET`
 * (all three or none) and `ZOOM_USER_ID`, `ZOOM_WEBHOOK_SECRET`, `JOIN_OPENS_MINUTES_BEFORE`,
 * `JOIN_CLOSES_MINUTES_AFTER`.
 */
export function meetingOptionsFromEnv(env: Record<string, string | undefined>): { meetingSettings?: MeetingSettings; joinWindow?: JoinWindowOptions } {
  const settings: MeetingSettings = {};
  const jitsi = env.JITSI_BASE_URL;
  if (jitsi) {
    let url: URL | undefined;
    try {
      url = new URL(jitsi);
    } catch {
      url = undefined;
    }
    if (url?.protocol !== 'https:' || url.search || url.hash || url.username) throw new Error(`JITSI_BASE_URL must be the https:// address of a Jitsi Meet server, like https://meet.jit.si; got "${jitsi}".`);
    settings.jitsiBaseUrl = jitsi;
  }
  const set = ZOOM_VARS.filter((name) => env[name]);
  if (set.length > 0 && set.length < ZOOM_VARS.length) {
    const missing = ZOOM_VARS.filter((n) => !env[n]);
    throw new Error(`Zoom needs ${ZOOM_VARS.join(', ')} together (from your Server-to-Server OAuth app); ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing.`);
  }
  if (set.length === ZOOM_VARS.length) {
    settings.zoom = { accountId: env.ZOOM_ACCOUNT_ID!, clientId: env.ZOOM_CLIENT_ID!, clientSecret: env.ZOOM_CLIENT_SECRET!, ...(env.ZOOM_USER_ID ? { userId: env.ZOOM_USER_ID } : {}) };
  } else if (env.ZOOM_USER_ID) {
    throw new Error(`ZOOM_USER_ID is set but Zoom is not: also set ${ZOOM_VARS.join(', ')}.`);
  }
  if (env.ZOOM_WEBHOOK_SECRET) settings.zoomWebhookSecret = env.ZOOM_WEBHOOK_SECRET;
  const opens = minutes(env, 'JOIN_OPENS_MINUTES_BEFORE');
  const closes = minutes(env, 'JOIN_CLOSES_MINUTES_AFTER');
  return {
    ...(Object.keys(settings).length > 0 ? { meetingSettings: settings } : {}),
    ...(opens === undefined && closes === undefined ? {} : { joinWindow: { opensMinutesBefore: opens ?? 10, closesMinutesAfter: closes ?? 0 } }),
  };
}
