import type { WebhookEvent } from './contract/webhooks.js';

/** Why a delivery was refused; never worth retrying on the receiver's side: answer 400 or 401. */
export type WebhookVerificationErrorCode =
  | 'missing_header'
  | 'invalid_timestamp'
  | 'timestamp_too_old'
  | 'timestamp_too_new'
  | 'no_matching_signature'
  | 'invalid_secret'
  | 'invalid_payload';

/** Thrown by `verifyWebhook` when a request is not a genuine, fresh Slotwise delivery. */
export class WebhookVerificationError extends Error {
  readonly code: WebhookVerificationErrorCode;
  constructor(code: WebhookVerificationErrorCode, message: string) {
    super(message);
    this.name = 'WebhookVerificationError';
    this.code = code;
  }
}

export interface VerifyWebhookOptions {
  /** How far `webhook-timestamp` may be from now, in seconds (replay protection). @default 300 */
  toleranceSeconds?: number;
  /** Epoch milliseconds now (tests pass their own clock). @default Date.now */
  now?: () => number;
}

/** A Fetch `Headers`, or a plain object of them (Node's `req.headers`, Express, any framework). */
export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

const encoder = new TextEncoder();

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    // A header sent twice arrives as a list; several signatures may be spread over them.
    return typeof value === 'string' ? value : value?.join(' ');
  }
  return undefined;
}

function base64Bytes(text: string): Uint8Array | undefined {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function bodyBytes(payload: string | Uint8Array | ArrayBuffer): Uint8Array {
  if (typeof payload === 'string') return encoder.encode(payload);
  return payload instanceof Uint8Array ? payload : new Uint8Array(payload);
}

/**
 * Verifies a Slotwise webhook delivery per the Standard Webhooks spec and answers its event:
 * the `webhook-timestamp` within `toleranceSeconds` of now, and at least one `v1,` signature in
 * `webhook-signature` (several are sent, space-separated, while a secret is being rotated) equal
 * to the base64 HMAC-SHA256 of `"<webhook-id>.<webhook-timestamp>.<body>"` keyed with the
 * base64-decoded part of a secret. Uses Web Crypto only, so it runs in browsers, Node ≥ 20, Deno,
 * Bun and edge runtimes; the comparison is `crypto.subtle.verify`'s, in constant time.
 *
 * Pass the body exactly as received — the raw text or bytes, never JSON parsed and serialised
 * again. Deduplicate on `webhook-id`: a retry or a manual redelivery of one message keeps it.
 *
 * @param payload the raw request body.
 * @param headers the request's headers (`Headers`, or a plain object such as Node's `req.headers`).
 * @param secret the endpoint's `whsec_…` secret, or several (e.g. your old and new one while you roll yours).
 * @param options.toleranceSeconds @default 300
 * @param options.now the clock, epoch milliseconds. @default Date.now
 * @throws WebhookVerificationError with a `code` saying why.
 * @example
 * const event = await verifyWebhook(await request.text(), request.headers, process.env.SLOTWISE_WEBHOOK_SECRET!);
 * if (event.type === 'booking.confirmed') console.log(event.data.booking.start);
 */
export async function verifyWebhook(
  payload: string | Uint8Array | ArrayBuffer,
  headers: WebhookHeaders,
  secret: string | readonly string[],
  options: VerifyWebhookOptions = {},
): Promise<WebhookEvent> {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) {
    throw new WebhookVerificationError('missing_header', 'The request lacks a webhook-id, webhook-timestamp or webhook-signature header.');
  }
  if (!/^\d{1,15}$/.test(timestamp.trim())) throw new WebhookVerificationError('invalid_timestamp', 'The webhook-timestamp header is not whole Unix seconds.');
  const tolerance = options.toleranceSeconds ?? 300;
  const age = Math.floor((options.now ?? Date.now)() / 1000) - Number(timestamp);
  if (age > tolerance) throw new WebhookVerificationError('timestamp_too_old', `The delivery was signed ${age} s ago, more than the ${tolerance} s allowed: a replay, or a clock far off.`);
  if (age < -tolerance) throw new WebhookVerificationError('timestamp_too_new', `The delivery is signed ${-age} s in the future, more than the ${tolerance} s allowed: a clock far off.`);

  const body = bodyBytes(payload);
  const prefix = encoder.encode(`${id}.${timestamp.trim()}.`);
  const signed = new Uint8Array(prefix.length + body.length);
  signed.set(prefix);
  signed.set(body, prefix.length);
  const candidates = signatures
    .split(' ')
    .filter((s) => s.startsWith('v1,'))
    .map((s) => base64Bytes(s.slice(3)))
    .filter((bytes): bytes is Uint8Array => bytes !== undefined);

  for (const each of typeof secret === 'string' ? [secret] : secret) {
    const raw = base64Bytes(each.startsWith('whsec_') ? each.slice('whsec_'.length) : each);
    if (!raw || raw.length === 0) throw new WebhookVerificationError('invalid_secret', 'The secret is not a whsec_… value with base64 after the prefix.');
    const key = await crypto.subtle.importKey('raw', raw as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    for (const signature of candidates) {
      if (await crypto.subtle.verify('HMAC', key, signature as BufferSource, signed as BufferSource)) return parse(body);
    }
  }
  throw new WebhookVerificationError('no_matching_signature', 'No v1 signature matches: a wrong secret, or a body changed on the way (verify the raw body).');
}

function parse(body: Uint8Array): WebhookEvent {
  try {
    return JSON.parse(new TextDecoder().decode(body)) as WebhookEvent;
  } catch {
    throw new WebhookVerificationError('invalid_payload', 'The body is signed but is not JSON.');
  }
}
