import Stripe from 'stripe';
import { describe, expect, test } from 'vitest';
import { buildEvent, eventPayload, hmacSha256Hex, signEvent, signatureHeader } from './events.js';

const T = 1_795_000_000;

describe('webhook signing', () => {
  test('signs exactly like Stripe\'s own generateTestHeaderString', async () => {
    const payload = '{\n  "id": "evt_1",\n  "object": "event"\n}';
    const ours = await signatureHeader(payload, ['whsec_test_secret'], T);
    const stripes = Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_test_secret', timestamp: T });
    expect(ours).toBe(stripes);
    expect(ours).toMatch(/^t=1795000000,v1=[0-9a-f]{64}$/);
  });

  test('the signature is HMAC-SHA256 of "t.payload" in hex (a known vector)', async () => {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
    expect(await hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  test('while a secret is rolled the header carries one v1 per secret, each accepted by Stripe\'s verifier', async () => {
    const payload = '{"id":"evt_2"}';
    const header = await signatureHeader(payload, ['whsec_old', 'whsec_new'], T);
    expect(header.split(',').filter((part) => part.startsWith('v1='))).toHaveLength(2);
    for (const secret of ['whsec_old', 'whsec_new']) {
      expect(Stripe.webhooks.signature!.verifyHeader(payload, header, secret, 300, undefined, T * 1000)).toBe(true);
    }
    expect(() => Stripe.webhooks.signature!.verifyHeader(payload, header, 'whsec_other', 300, undefined, T * 1000)).toThrow();
  });
});

describe('events', () => {
  test('an event is Stripe\'s envelope around a snapshot of the object', async () => {
    const object = { id: 'pi_1', object: 'payment_intent', status: 'succeeded' };
    const event = buildEvent({ id: 'evt_1', type: 'payment_intent.succeeded', object, created: T, apiVersion: '2026-10-28.endive', request: { id: 'req_1', idempotency_key: 'k' } });
    object.status = 'canceled';
    expect(event).toEqual({
      id: 'evt_1',
      object: 'event',
      api_version: '2026-10-28.endive',
      created: T,
      data: { object: { id: 'pi_1', object: 'payment_intent', status: 'succeeded' } },
      livemode: false,
      pending_webhooks: 1,
      request: { id: 'req_1', idempotency_key: 'k' },
      type: 'payment_intent.succeeded',
    });
  });

  test('a signed event\'s body is the pretty-printed event and Stripe\'s constructEvent reads it back', async () => {
    const event = buildEvent({ id: 'evt_3', type: 'account.updated', object: { id: 'acct_1' }, created: T, apiVersion: 'v', account: 'acct_1' });
    const signed = await signEvent(event, ['whsec_x'], T);
    expect(signed.payload).toBe(eventPayload(event));
    expect(signed.payload).toContain('\n  "id": "evt_3"');
    expect(Stripe.webhooks.constructEvent(signed.payload, signed.header, 'whsec_x', 300, undefined, T * 1000)).toEqual(event);
  });
});
