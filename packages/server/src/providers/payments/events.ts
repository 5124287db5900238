import type { EventObject } from './simulator/objects.js';

/**
 * Webhook events as Stripe builds and signs them, shared by the offline test-payments mode and
 * the fake Stripe server so both exercise the app's webhook path exactly as Stripe does.
 *
 * Signature scheme (https://docs.stripe.com/webhooks#verify-manually): the header is
 * `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`, with one `v1` per active
 * secret while an endpoint secret is being rolled. Built on SubtleCrypto so it runs on the edge.
 */

export interface SignedEvent {
  event: EventObject;
  /** The raw body, exactly as delivered (Stripe pretty-prints with two spaces). */
  payload: string;
  /** The `Stripe-Signature` header value. */
  header: string;
}

const encoder = new TextEncoder();

export async function hmacSha256Hex(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(message)));
  return Array.from(mac, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The `Stripe-Signature` header for `payload` at `timestamp` (unix seconds), one `v1` per secret. */
export async function signatureHeader(payload: string, secrets: readonly string[], timestamp: number): Promise<string> {
  const t = Math.floor(timestamp);
  const signatures = await Promise.all(secrets.map((secret) => hmacSha256Hex(secret, `${t}.${payload}`)));
  return [`t=${t}`, ...signatures.map((signature) => `v1=${signature}`)].join(',');
}

/** Serialises like Stripe's webhook bodies, so a server that re-serialises before verifying fails here too. */
export const eventPayload = (event: EventObject) => JSON.stringify(event, null, 2);

export async function signEvent(event: EventObject, secrets: readonly string[], timestamp: number): Promise<SignedEvent> {
  const payload = eventPayload(event);
  return { event, payload, header: await signatureHeader(payload, secrets, timestamp) };
}

export interface BuildEventInput {
  id: string;
  type: string;
  object: object;
  /** Unix seconds. */
  created: number;
  apiVersion: string;
  account?: string;
  previousAttributes?: Record<string, unknown>;
  request?: { id: string | null; idempotency_key: string | null };
}

/**
 * An `event` object as Stripe sends it. The object is copied: an event is a snapshot of the
 * object when it happened, so later changes (a refund after the success) never leak into it.
 */
export function buildEvent(input: BuildEventInput): EventObject {
  const data: EventObject['data'] = { object: structuredClone(input.object) as Record<string, unknown> };
  if (input.previousAttributes) data.previous_attributes = structuredClone(input.previousAttributes);
  return {
    id: input.id,
    object: 'event',
    ...(input.account === undefined ? {} : { account: input.account }),
    api_version: input.apiVersion,
    created: input.created,
    data,
    livemode: false,
    pending_webhooks: 1,
    request: input.request ?? { id: null, idempotency_key: null },
    type: input.type,
  };
}
