import { eq } from 'drizzle-orm';
import { bookings } from '../../db/schema.js';
import { changeGuarded } from '../bookings/guarded-change.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError } from '../errors.js';
import { t } from '../messages/index.js';
import { encodeMeetingRef } from './meeting-ref.js';

/** A request older (or newer) than this is refused: a captured request cannot be replayed later. */
export const ZOOM_TOLERANCE_MS = 5 * 60_000;

const encoder = new TextEncoder();

/** HMAC-SHA256 of `message` under `secret`, as lower-case hex (Web Crypto: Node and workerd alike). */
async function hmacHex(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(message)));
  return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Equal strings, compared in time that does not depend on where they differ. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

const refused = (reason: string) => new ServiceError('invalid_signature', t('zoom_signature_invalid', { reason }));

/**
 * Zoom's signature, as its webhook documentation defines it: `x-zm-signature` is `v0=` and the
 * hex HMAC-SHA256, keyed with the app's Secret Token, of `v0:{x-zm-request-timestamp}:{raw body}`;
 * the timestamp is in seconds and must be within `ZOOM_TOLERANCE_MS` of now.
 */
export async function verifyZoomSignature(secret: string, raw: string, signature: string | undefined, timestamp: string | undefined, now: number): Promise<void> {
  if (!signature || !timestamp) throw refused('the x-zm-signature or x-zm-request-timestamp header is missing');
  const seconds = Number(timestamp);
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now - seconds * 1000) > ZOOM_TOLERANCE_MS) throw refused('the timestamp is not within five minutes of now');
  if (!sameText(signature, `v0=${await hmacHex(secret, `v0:${timestamp}:${raw}`)}`)) throw refused('the signature does not match the body');
}

interface ZoomEvent {
  event?: unknown;
  payload?: { plainToken?: unknown; object?: { id?: unknown; share_url?: unknown; recording_play_passcode?: unknown } };
}

/**
 * `POST /v1/webhooks/zoom`: Zoom's events for the meetings Slotwise made (the Zoom provider).
 * Verified on the raw body before anything is parsed; then
 *
 * - `endpoint.url_validation` (Zoom checks the URL when it is saved and every 72 hours): answers
 *   `{ plainToken, encryptedToken }`, the token's HMAC under the Secret Token.
 * - `recording.completed`: the cloud recording of a booking's meeting is ready — its share link
 *   (with its play passcode, when Zoom gives one) becomes the booking's recording link, through the
 *   one road's `note` change (actor `system`), so the customer sees it in the manage view and in
 *   "My bookings" — where only the booking's own manage token or "My bookings" session reach it —
 *   and the specialist in the console. A meeting Slotwise did not make, or a link already recorded,
 *   changes nothing. Other events are acknowledged and ignored.
 *
 * Without `ZOOM_WEBHOOK_SECRET` the endpoint does not exist (`404`): nothing unverified is read.
 */
export async function handleZoomWebhook(deps: ServiceDeps, raw: string, signature: string | undefined, timestamp: string | undefined): Promise<Record<string, unknown>> {
  const secret = deps.meetings.zoomWebhookSecret;
  if (!secret) throw new ServiceError('not_found', t('zoom_webhooks_off'));
  await verifyZoomSignature(secret, raw, signature, timestamp, deps.clock());
  let event: ZoomEvent;
  try {
    event = JSON.parse(raw) as ZoomEvent;
  } catch {
    throw new ServiceError('invalid_json', t('invalid_json'));
  }
  if (event.event === 'endpoint.url_validation') {
    const plainToken = typeof event.payload?.plainToken === 'string' ? event.payload.plainToken : '';
    return { plainToken, encryptedToken: await hmacHex(secret, plainToken) };
  }
  if (event.event === 'recording.completed') return { received: true, recorded: await recordingCompleted(deps, event.payload?.object) };
  return { received: true };
}

/** The share link of a completed recording, with its play passcode; undefined unless it is an https link. */
function recordingLink(object: NonNullable<NonNullable<ZoomEvent['payload']>['object']>): string | undefined {
  if (typeof object.share_url !== 'string' || object.share_url.length > 1500) return undefined;
  let url: URL;
  try {
    url = new URL(object.share_url);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:') return undefined;
  const passcode = object.recording_play_passcode;
  if (typeof passcode === 'string' && passcode && !url.searchParams.has('pwd')) url.searchParams.set('pwd', passcode);
  return url.href;
}

async function recordingCompleted(deps: ServiceDeps, object: NonNullable<ZoomEvent['payload']>['object']): Promise<boolean> {
  const id = typeof object?.id === 'number' || typeof object?.id === 'string' ? String(object.id) : '';
  const link = object && id ? recordingLink(object) : undefined;
  if (!link) return false;
  const ref = encodeMeetingRef('zoom', id);
  const db = deps.database.db;
  const [booking] = await db.select().from(bookings).where(eq(bookings.meetingRef, ref)).limit(1);
  if (!booking || booking.recordingUrl === link) return false;
  await changeGuarded(
    deps.database,
    async (reader) => {
      const [row] = await reader.select().from(bookings).where(eq(bookings.id, booking.id)).limit(1);
      return row!;
    },
    { action: 'note', actor: 'system', set: { recordingUrl: link }, data: { recording: true, source: 'zoom' } },
    deps.clock(),
  );
  return true;
}
