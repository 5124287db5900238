import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { verifyWebhook, WebhookVerificationError, type WebhookVerificationErrorCode } from './index.js';

// The helper against the Standard Webhooks reference library: what `standardwebhooks` signs, it
// verifies, and it refuses what a receiver must refuse. The server's real deliveries are verified
// with both in packages/server/src/services/webhooks/webhooks.test.ts.

const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const other = 'whsec_' + btoa('another secret of 24+ bytes!!');
const now = Date.parse('2026-11-20T12:00:00Z');
const clock = () => now;
const body = JSON.stringify({ type: 'booking.confirmed', timestamp: '2026-11-20T11:59:58.000Z', data: { booking: { id: 'bk_1' } } });

function signed(options: { id?: string; at?: number; payload?: string; secrets?: string[] } = {}) {
  const id = options.id ?? 'dl_4kq0m3x9c2vbn7wd';
  const at = options.at ?? now;
  const signatures = (options.secrets ?? [secret]).map((s) => new Webhook(s).sign(id, new Date(at), options.payload ?? body));
  return { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(at / 1000)), 'webhook-signature': signatures.join(' ') };
}

async function refusal(promise: Promise<unknown>): Promise<WebhookVerificationErrorCode> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error.code;
    throw error;
  }
  throw new Error('expected the delivery to be refused');
}

describe('verifyWebhook', () => {
  it('verifies what standardwebhooks signs and answers the parsed event', async () => {
    const event = await verifyWebhook(body, signed(), secret, { now: clock });
    expect(event).toEqual(JSON.parse(body));
    if (event.type === 'package.purchased' || event.type === 'package.refunded' || event.type === 'package.refund_failed' || event.type === 'review.created' || event.type === 'review.answered') throw new Error('expected a booking event');
    expect(event.data.booking.id).toBe('bk_1'); // the type narrows the event to one that carries a booking
  });

  it('takes Headers, a plain object in any case, bytes or a string', async () => {
    const headers = signed();
    expect((await verifyWebhook(body, new Headers(headers), secret, { now: clock })).type).toBe('booking.confirmed');
    const upper = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    expect((await verifyWebhook(new TextEncoder().encode(body), upper, secret, { now: clock })).type).toBe('booking.confirmed');
    expect((await verifyWebhook(new TextEncoder().encode(body).buffer, headers, secret, { now: clock })).type).toBe('booking.confirmed');
  });

  it('accepts any one of several signatures: the old and the new secret during a rotation', async () => {
    const both = signed({ secrets: [other, secret] });
    expect(both['webhook-signature'].split(' ')).toHaveLength(2);
    await expect(verifyWebhook(body, both, secret, { now: clock })).resolves.toBeDefined();
    await expect(verifyWebhook(body, both, other, { now: clock })).resolves.toBeDefined();
    // Unknown schemes (v1a, asymmetric) and junk are skipped, not fatal.
    const mixed = { ...signed(), 'webhook-signature': `v1a,AAAA v1,%%% ${signed()['webhook-signature']}` };
    await expect(verifyWebhook(body, mixed, secret, { now: clock })).resolves.toBeDefined();
    // Signatures spread over a repeated header (Node gives a list).
    const listed = { ...signed(), 'webhook-signature': signed({ secrets: [other, secret] })['webhook-signature'].split(' ') };
    await expect(verifyWebhook(body, listed, secret, { now: clock })).resolves.toBeDefined();
  });

  it('tries each of the receiver’s secrets', async () => {
    await expect(verifyWebhook(body, signed(), [other, secret], { now: clock })).resolves.toBeDefined();
    expect(await refusal(verifyWebhook(body, signed(), [other], { now: clock }))).toBe('no_matching_signature');
  });

  it('refuses a changed body, id or timestamp, and a wrong secret', async () => {
    expect(await refusal(verifyWebhook(body.replace('bk_1', 'bk_2'), signed(), secret, { now: clock }))).toBe('no_matching_signature');
    expect(await refusal(verifyWebhook(body, { ...signed(), 'webhook-id': 'dl_other' }, secret, { now: clock }))).toBe('no_matching_signature');
    const later = { ...signed(), 'webhook-timestamp': String(Math.floor(now / 1000) + 1) };
    expect(await refusal(verifyWebhook(body, later, secret, { now: clock }))).toBe('no_matching_signature');
    expect(await refusal(verifyWebhook(body, signed(), other, { now: clock }))).toBe('no_matching_signature');
    // A re-serialised body is a changed body: verify the raw one.
    expect(await refusal(verifyWebhook(JSON.stringify(JSON.parse(body), null, 2), signed(), secret, { now: clock }))).toBe('no_matching_signature');
  });

  it('refuses a timestamp more than 5 minutes away, either way, and honours another tolerance', async () => {
    expect(await refusal(verifyWebhook(body, signed({ at: now - 301_000 }), secret, { now: clock }))).toBe('timestamp_too_old');
    expect(await refusal(verifyWebhook(body, signed({ at: now + 301_000 }), secret, { now: clock }))).toBe('timestamp_too_new');
    await expect(verifyWebhook(body, signed({ at: now - 299_000 }), secret, { now: clock })).resolves.toBeDefined();
    await expect(verifyWebhook(body, signed({ at: now + 299_000 }), secret, { now: clock })).resolves.toBeDefined();
    expect(await refusal(verifyWebhook(body, signed({ at: now - 61_000 }), secret, { now: clock, toleranceSeconds: 60 }))).toBe('timestamp_too_old');
    expect(await refusal(verifyWebhook(body, { ...signed(), 'webhook-timestamp': '1.7e9' }, secret, { now: clock }))).toBe('invalid_timestamp');
  });

  it('refuses a request without its headers, and says so for a secret that is not one', async () => {
    const { 'webhook-signature': _, ...unsigned } = signed();
    expect(await refusal(verifyWebhook(body, unsigned, secret, { now: clock }))).toBe('missing_header');
    expect(await refusal(verifyWebhook(body, {}, secret, { now: clock }))).toBe('missing_header');
    expect(await refusal(verifyWebhook(body, signed(), 'whsec_not base64!', { now: clock }))).toBe('invalid_secret');
    expect(await refusal(verifyWebhook(body, signed(), 'whsec_', { now: clock }))).toBe('invalid_secret');
  });

  it('refuses a signed body that is not JSON', async () => {
    expect(await refusal(verifyWebhook('not json', signed({ payload: 'not json' }), secret, { now: clock }))).toBe('invalid_payload');
  });

  it('uses the real clock by default', async () => {
    const fresh = signed({ at: Date.now() });
    await expect(verifyWebhook(body, fresh, secret)).resolves.toBeDefined();
    expect(await refusal(verifyWebhook(body, signed({ at: Date.now() - 3_600_000 }), secret))).toBe('timestamp_too_old');
  });
});
